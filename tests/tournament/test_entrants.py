"""Scripted entrants: each plays its one idea with legal orders only, the same way every time."""

from __future__ import annotations

import pytest

from wargame.ai import make_player
from wargame.legality import check_orders, legal_orders
from wargame.match import Match
from wargame.rng import Rng
from wargame.tournament import ENTRANTS
from wargame.tournament.entrants import AttackTheWeakest


def _play(scenario, seat: str, entrant: str, seed: int = 3) -> list:
    """Play a game with the entrant in `seat`; every decision is checked legal as it is made."""
    computer = {s: make_player("easy") for s in scenario.state_ids}
    computer[seat] = ENTRANTS[entrant]()
    match = Match(scenario, seed, computer=computer)
    given = []
    while not match.finished:
        decision = match.decide_for_computer(seat)
        assert check_orders(match.state, seat, decision.orders) == [None] * len(decision.orders)
        assert len(decision.reasons) == len(decision.orders)
        given.append(decision.orders)
        match.resolve_turn()
    return given


@pytest.mark.parametrize("entrant", sorted(ENTRANTS))
def test_every_entrant_gives_only_legal_orders_and_is_deterministic(tutorial, entrant):
    view = Match(tutorial, 5, computer=tutorial.state_ids).view("aurelia")
    a = ENTRANTS[entrant]().decide(view, Rng(9))
    b = ENTRANTS[entrant]().decide(view, Rng(9))
    assert a.orders == b.orders and a.reasons == b.reasons
    _play(tutorial, "aurelia", entrant)


def test_nothing_gives_no_order(tutorial):
    assert all(orders == [] for orders in _play(tutorial, "borduria", "nothing"))


def _kinds(turns) -> set[str]:
    return {o.kind for orders in turns for o in orders}


def test_each_entrant_plays_its_idea(all_scenarios):
    amber = all_scenarios["amber_coast"]
    seat = amber.state_ids[0]
    assert _kinds(_play(amber, seat, "propose-everything")) >= {"ProposeAgreement"}
    assert _kinds(_play(amber, seat, "threaten-everyone")) == {
        "ThreatenSanctions",
        "IssueUltimatum",
    }
    assert _kinds(_play(amber, seat, "attack-the-weakest")) <= {"Attack", "BuildUp"}
    assert "TableResolution" in _kinds(_play(amber, seat, "spam-the-council"))
    assert _kinds(_play(amber, seat, "free-soft-power")) <= {
        "PublicDiplomacy",
        "CulturalExchange",
        "SendAid",
    }


def test_sign_and_break_breaks_only_treaties_it_signed_in_the_game(all_scenarios):
    amber = all_scenarios["amber_coast"]
    seat = amber.state_ids[0]
    computer = {s: make_player("easy") for s in amber.state_ids}
    computer[seat] = ENTRANTS["sign-and-break"]()
    match = Match(amber, 3, computer=computer)
    broken = []
    while not match.finished:
        state = match.state
        for order in match.decide_for_computer(seat).orders:
            if order.kind == "BreakTreaty":
                treaty = next(t for t in state.treaties if t.id == order.treaty)
                broken.append(treaty)
                assert 1 <= treaty.signed_turn < state.turn
        match.resolve_turn()
    assert broken  # the strategy did sign and break


def test_attack_the_weakest_aims_at_the_state_it_believes_weakest(all_scenarios):
    amber = all_scenarios["amber_coast"]
    seat = amber.state_ids[0]
    view = Match(amber, 2, computer=amber.state_ids).view(seat)
    (attack,) = [o for o in AttackTheWeakest().decide(view, Rng(1)).orders if o.kind == "Attack"]
    targets = {o.target for o in legal_orders(view.state, seat) if o.kind == "Attack"}
    believed = {c.id: c.military for c in view.state.countries if c.id in targets}
    assert believed[attack.target] == min(believed.values())
