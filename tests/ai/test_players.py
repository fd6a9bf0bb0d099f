"""Computer players: legal, deterministic, seat-view only, doctrines that differ, anytime search."""

from collections import Counter

import pytest

from wargame.ai import KINDS, LookaheadPlayer, make_player
from wargame.legality import check_orders
from wargame.match import Match
from wargame.rng import Rng
from wargame.tournament import compare, pairings, play_pairing


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_gives_only_legal_orders(tutorial, kind):
    match = Match(tutorial, 4, computer={s: make_player(kind) for s in tutorial.state_ids})
    while not match.finished:
        for seat in tutorial.state_ids:
            decision = match.decide_for_computer(seat)
            assert check_orders(match.state, seat, decision.orders) == [None] * len(decision.orders)
            assert len(decision.reasons) >= len([o for o in decision.orders if o.costs_action])
        match.resolve_turn()


def test_lookahead_is_deterministic(tutorial):
    view = Match(tutorial, 2, computer=tutorial.state_ids).view("aurelia")
    a = LookaheadPlayer("hard").decide(view, Rng(5))
    b = LookaheadPlayer("hard").decide(view, Rng(5))
    assert a.orders == b.orders and a.reasons == b.reasons


def test_lookahead_stops_when_its_work_budget_is_spent_with_a_good_move(tutorial):
    view = Match(tutorial, 2, computer=tutorial.state_ids).view("borduria")
    tight = LookaheadPlayer("hard", budget=1)
    decision = tight.decide(view, Rng(1))
    assert check_orders(view.state, "borduria", decision.orders) == [None] * len(decision.orders)
    assert "over 1 plan(s)" in decision.reasons[-1]
    roomy = LookaheadPlayer("hard")
    assert "over 1 plan(s)" not in roomy.decide(view, Rng(1)).reasons[-1]
    assert tight.last_work < roomy.last_work <= roomy.budget


def test_computer_players_only_get_the_seat_view(tutorial):
    match = Match(tutorial, 2, computer=tutorial.state_ids)
    seen = []

    class Spy:
        name = "spy"

        def decide(self, view, rng):
            seen.append(view)
            return make_player("easy").decide(view, rng)

    match.computer["borduria"] = Spy()
    match.resolve_turn()
    (view,) = seen
    assert view.seat == "borduria"
    truth = Match(tutorial, 2).state
    assert view.state.country("borduria") == truth.country("borduria")  # its own figures are true
    assert (
        view.state.country("carpathia").military != truth.country("carpathia").military
    )  # others': estimates


def test_doctrines_play_visibly_differently(all_scenarios):
    force = Counter()
    for doctrine in ("hawk", "dove"):
        for scenario in all_scenarios.values():
            for seed in range(6):
                computer = {s: make_player("easy", doctrine) for s in scenario.state_ids}
                for record in Match(scenario, seed, computer=computer).play_out():
                    force[doctrine] += sum(o.family == "military" for o in record.orders)
    assert force["hawk"] > 2 * force["dove"]


def test_tournament_pairs_contenders_on_the_same_crises(all_scenarios):
    scenarios = list(all_scenarios.values())
    plan = pairings(scenarios, 6)
    results = [
        play_pairing(scenarios[p.scenario_index], p, c) for p in plan for c in ("random", "easy")
    ]
    margin = compare(results, "easy", "random")
    assert margin.n == 6 and margin.low <= margin.mean <= margin.high
