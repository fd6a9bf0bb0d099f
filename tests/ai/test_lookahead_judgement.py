"""What the look-ahead weighs: the issues at stake at their worth, and the answers it leaves to the
instinct (allies' calls, force used against the seat, strikes in a confrontation under way)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from wargame.ai.heuristic import STYLE, _Mind
from wargame.ai.lookahead import (
    ECONOMY_WEIGHT,
    _standing_answers,
    confronting,
    stakes_held,
    utility,
)
from wargame.legality import MAX_ACTIONS_PER_TURN
from wargame.players import Decision
from wargame.rng import Rng
from wargame.rules.alliances import AnswerInvocation
from wargame.rules.military import Attack, MobilizeForces
from wargame.rules.soft_power import PublicDiplomacy
from wargame.setup import new_game
from wargame.state import Dispute


def _with_strait(state, status: str, turns: int):
    issues = tuple(i._replace(status=status) if i.id == "strait" else i for i in state.issues)
    return replace(state, issues=issues, turn=state.turn + turns)


def test_stakes_held_are_the_worth_of_the_issues_standing_as_the_seat_wants(tutorial):
    state = new_game(tutorial, 1)  # the strait starts closed, as Borduria wants (0.8)
    assert stakes_held(state, "borduria") == pytest.approx(0.8)
    opened = _with_strait(state, "open", 0)
    assert stakes_held(opened, "borduria") == pytest.approx(0.0)
    assert stakes_held(opened, "aurelia") - stakes_held(state, "aurelia") == pytest.approx(1.2)


@pytest.mark.parametrize("turns", [1, 2, 3])
def test_an_issue_given_up_costs_its_worth_for_every_turn_simulated(tutorial, turns):
    start = new_game(tutorial, 1)
    held = _with_strait(start, "closed", turns)
    given_up = _with_strait(start, "open", turns)
    loss = utility(held, "borduria", start) - utility(given_up, "borduria", start)
    gain = utility(given_up, "aurelia", start) - utility(held, "aurelia", start)
    # the objective points riding on the strait count as before; the stake adds its worth
    # (% of GDP a turn) on the economy's scale for each turn
    assert loss >= ECONOMY_WEIGHT * 0.8 / 100 * turns - 1e-9
    assert gain >= ECONOMY_WEIGHT * 1.2 / 100 * turns - 1e-9
    assert gain - loss != 0  # the two seats weigh the same change at their own worth


def _instinct() -> Decision:
    return Decision(
        [
            AnswerInvocation("dalmora", invocation="i1", honour=False),
            Attack("dalmora", target="borduria"),
            MobilizeForces("dalmora", target="aurelia"),
        ],
        ["decline: too strong", "answer force with force", "show resolve"],
    )


def test_the_instincts_answers_to_calls_and_to_force_stand_in_every_plan():
    base = _instinct()
    plan = Decision(
        [
            AnswerInvocation("dalmora", invocation="i1", honour=True),
            PublicDiplomacy("dalmora", target="carpathia"),
        ],
        ["honour it", "win over opinion"],
    )
    kept = _standing_answers(plan, base, attackers={"borduria"})
    assert kept.orders == [
        AnswerInvocation("dalmora", invocation="i1", honour=False),
        Attack("dalmora", target="borduria"),
        PublicDiplomacy("dalmora", target="carpathia"),
    ]
    assert kept.reasons == ["decline: too strong", "answer force with force", "win over opinion"]
    # a show of force at a state that has not used force against us is the plan's own choice
    held_back = _standing_answers(Decision([], []), base, attackers={"borduria"})
    assert MobilizeForces("dalmora", target="aurelia") not in held_back.orders


def test_standing_answers_make_room_within_the_action_limit():
    base = _instinct()
    busy = Decision(
        [PublicDiplomacy("dalmora", target=t) for t in ("a", "b", "c", "d")][:MAX_ACTIONS_PER_TURN],
        ["talk"] * MAX_ACTIONS_PER_TURN,
    )
    kept = _standing_answers(busy, base, attackers={"borduria"})
    assert sum(o.costs_action for o in kept.orders) == MAX_ACTIONS_PER_TURN
    assert Attack("dalmora", target="borduria") in kept.orders
    assert kept.orders[-1] == PublicDiplomacy("dalmora", target="c")  # the last one made way


def test_a_plan_with_nothing_to_answer_is_left_as_it_is():
    plan = Decision([PublicDiplomacy("dalmora", target="carpathia")], ["talk", "a note"])
    assert _standing_answers(plan, Decision([], []), attackers=set()) is plan


def test_a_weak_state_can_back_a_show_of_force_only_as_far_as_its_strength_goes(tutorial):
    state = new_game(tutorial, 1)
    weak = _Mind(state, "dalmora", STYLE["hawk"], Rng(1))
    strong = _Mind(state, "carpathia", STYLE["hawk"], Rng(1))
    assert 0.0 < weak.backing("carpathia") < 1.0
    assert weak.backing("carpathia") < weak.backing("aurelia")
    assert strong.backing("dalmora") == 1.0


def test_a_concession_the_instinct_did_not_make_is_made_in_no_plan():
    from wargame.rules.diplomacy import AnswerUltimatum
    from wargame.rules.sanctions import ConcedeToSanctions

    base = Decision(
        [AnswerUltimatum("dalmora", ultimatum="u1", comply=False)], ["held out on the strait"]
    )
    plan = Decision(
        [
            AnswerUltimatum("dalmora", ultimatum="u1", comply=True),
            ConcedeToSanctions("dalmora", episode="e1"),
        ],
        ["gave in", "gave in"],
    )
    kept = _standing_answers(plan, base, attackers=set())
    assert kept.orders == [AnswerUltimatum("dalmora", ultimatum="u1", comply=False)]


def test_a_plan_with_fewer_reasons_than_orders_keeps_every_order():
    from wargame.rules.organizations import CastVote

    base = _instinct()
    holding_back = Decision(
        [
            AnswerInvocation("dalmora", invocation="i1", honour=True),
            CastVote("dalmora", draft="d1", vote="yes"),
            CastVote("dalmora", draft="d2", vote="no"),
        ],
        ["Holding back this turn looked wisest."],
    )
    kept = _standing_answers(holding_back, base, attackers={"borduria"})
    assert kept.orders == [
        AnswerInvocation("dalmora", invocation="i1", honour=False),
        Attack("dalmora", target="borduria"),
        CastVote("dalmora", draft="d1", vote="yes"),
        CastVote("dalmora", draft="d2", vote="no"),
    ]


def test_a_strike_in_a_confrontation_under_way_stands_and_a_new_show_of_force_does_not():
    """Breaking off a confrontation at the first strike the look-ahead must pay for would
    throw away what pressing on wins after its two turns: the instinct's strike at a state it
    is already in a dispute with stands; its show of force elsewhere is the plan's choice."""
    base = Decision(
        [Attack("dalmora", target="borduria"), MobilizeForces("dalmora", target="aurelia")],
        ["press the strait", "warn Aurelia"],
    )
    kept = _standing_answers(Decision([], []), base, attackers=set(), confronted={"borduria"})
    assert kept.orders == [Attack("dalmora", target="borduria")]
    assert kept.reasons == ["press the strait"]
    # with no confrontation under way, holding back drops the strike too
    assert _standing_answers(Decision([], []), base, attackers=set()).orders == []


def test_the_states_confronting_a_seat_are_those_in_its_open_disputes(tutorial):
    state = new_game(tutorial, 1)
    disputes = (
        Dispute("d1", "borduria", "dalmora", 1, 2),  # begun against us
        Dispute("d2", "dalmora", "aurelia", 1, 2, reciprocated=True),  # begun by us
        Dispute("d3", "carpathia", "dalmora", 1, 2, ended_turn=2),  # over
        Dispute("d4", "borduria", "aurelia", 1, 2),  # not ours
    )
    state = replace(state, disputes=disputes, archive=None)
    assert confronting(state, "dalmora") == {"borduria", "aurelia"}
