"""Casebook section 9: humanitarian intervention and R2P (docs/RULES.md)."""

from dataclasses import replace

from casebook import (
    Scripted,
    events,
    every_seat,
    number,
    play,
    scenario,
    start,
    tutorial_first_turn_legal,
)

from wargame.enums import DraftStatus, ResolutionKind, Rung, TreatyKind
from wargame.rules.humanitarian import Intervene
from wargame.rules.soft_power import SendAid
from wargame.state import CouncilDraft, Treaty

FOLK = [
    {
        "id": "folk",
        "name": "The Folk",
        "in_state": "brin",
        "people": 100000,
        "threat": 0.05,
        "perpetrator": "brin",
    }
]


def _crisis(**fields):
    return start(scenario(populations=FOLK), **fields)


def test_case_9_1_the_toll_and_lives_saved():
    """Case 9.1: Each turn a population at risk loses its threat share of the people still alive;
    protecting forces cut the toll to 15%, peacekeepers to 40%, aid to its host to 80%. Each
    turn's event says how many lives protection saved."""
    res = play(_crisis())
    assert res.state.populations[0].deaths == 5000
    aided = play(_crisis(), SendAid("cora", target="brin"))
    (ev,) = events(aided, "CiviliansKilled")
    assert aided.state.populations[0].deaths == 4000 and number(ev, "lives saved") == 1000
    guarded = replace(
        _crisis(),
        populations=(_crisis().populations[0]._replace(protected_by=("cora",), peacekeepers=True),),
    )
    assert play(guarded).state.populations[0].deaths == int(5000 * 0.15 * 0.4)


def test_case_9_2_intervention_is_a_use_of_force():
    """Case 9.2: Intervening is a use of force against the perpetrator: it opens (or raises) a
    militarized dispute at limited force, which the perpetrator may answer."""
    res = play(_crisis(), Intervene("cora", population="folk"), rng=Scripted(0.0))
    (d,) = res.state.disputes
    assert (d.initiator, d.target, d.rung) == ("cora", "brin", Rung.LIMITED_FORCE)
    assert res.state.country("brin").attacked


def test_case_9_3_unauthorized_intervention_costs_legitimacy():
    """Case 9.3: Without Security Council authorization an intervention costs 8 reputation, 20
    relations with the host and 25 with the perpetrator; with it (a peacekeeping mandate for the
    population, or force authorized against the host) the intervener gains 4 reputation."""
    res = play(_crisis(), Intervene("cora", population="folk"), rng=Scripted(0.0))
    assert res.state.country("cora").reputation == 62
    assert number(events(res, "InterventionSucceeded")[0], "reputation change (unauthorized)") == -8
    mandate = CouncilDraft(
        "r1", "cora", ResolutionKind.PEACEKEEPING, "brin", "folk", 1, status=DraftStatus.ADOPTED
    )
    res = play(_crisis(drafts=(mandate,)), Intervene("cora", population="folk"), rng=Scripted(0.0))
    assert res.state.country("cora").reputation == 74


def test_case_9_4_missions_can_fail():
    """Case 9.4: The mission succeeds with chance 0.35 + 0.3 x the intervener's share of the two
    sides' forces, +0.15 with a mandate, +0.1 operating from a base, between 0.1 and 0.9. A failed
    mission costs the intervener 150 casualties and provokes reprisals: the toll that turn is 1.5
    times higher."""
    res = play(_crisis(), Intervene("alba", population="folk"), rng=Scripted(0.99))
    (ev,) = events(res, "InterventionFailed")
    assert abs(number(ev, "chance of success") - (0.35 + 0.3 * 0.5)) < 1e-9
    assert res.state.country("alba").casualties >= 150
    assert res.state.populations[0].deaths == int(5000 * 1.5)
    based = _crisis(treaties=(Treaty("t1", TreatyKind.BASING, ("alba", "dara"), 0),))
    (ev,) = events(
        play(based, Intervene("alba", population="folk"), rng=Scripted(0.99)), "InterventionFailed"
    )
    assert abs(number(ev, "chance of success") - 0.6) < 1e-9


def test_case_9_5_protection_lasts():
    """Case 9.5: A successful intervention protects the population from then on."""
    s = play(_crisis(), Intervene("cora", population="folk"), rng=Scripted(0.0)).state
    before = s.populations[0].deaths
    after = play(s).state.populations[0].deaths
    assert after - before == int((100000 - before) * 0.05 * 0.15)


def test_tutorial_first_turn_legal_orders_are_pinned():
    assert tutorial_first_turn_legal("humanitarian") == every_seat({})
