"""Casebook section 12: the escalation ladder, tension and injects (docs/RULES.md)."""

from dataclasses import replace

from casebook import Scripted, events, play, scenario, start

from wargame.enums import Rung, Side
from wargame.rules.military import MobilizeForces
from wargame.state import Dispute, War


def test_case_12_1_the_ladder_rises_and_cools_one_rung_a_turn():
    """Case 12.1: The crisis stands on the highest rung this turn's moves reached, or that a live
    dispute (up to military signalling) or war holds; when nothing holds it up it cools one rung a
    turn."""
    up = play(start(), MobilizeForces("brin", target="alba")).state
    assert up.rung_name == "military_signalling"
    s = replace(start(), escalation=Rung.LIMITED_FORCE, max_escalation=Rung.LIMITED_FORCE)
    cooled = play(s).state
    assert cooled.rung_name == "military_signalling" and cooled.max_escalation == Rung.LIMITED_FORCE


def test_case_12_2_a_nuclear_power_losing_a_war_raises_the_nuclear_threat():
    """Case 12.2: While a nuclear-armed state is on the losing side of a war, the crisis stands at
    the nuclear threat rung."""
    war = War("w1", ("cora",), ("brin",), 1, front=0.0, stronger_share=0.6, stronger=Side.A)
    d = Dispute("d1", "cora", "brin", 1, Rung.WAR, reciprocated=True, war_id="w1")
    s = replace(start(), turn=2, wars=(war,), disputes=(d,), next_id=10)
    after = play(s, rng=Scripted(0.99)).state  # Brin wins the turn: Cora falls behind
    assert after.rung_name == "nuclear_threat"


def test_case_12_3_tension_eases_when_nothing_feeds_it():
    """Case 12.3: Global tension falls by 3 in a turn in which no move raised the ladder."""
    assert play(start()).state.tension == 27


def test_case_12_4_injects_fire_once_when_due():
    """Case 12.4: A scripted event (inject) happens once, in the first turn its trigger is met
    (a turn number, a tension level or an escalation rung), with its stated effects."""
    inject = {
        "id": "storm",
        "title": "A storm",
        "text": "Ports close.",
        "when": {"turn": 2},
        "effects": [{"state": "alba", "attribute": "economy", "delta": -5}],
        "tension": 4,
    }
    s = start(scenario(injects=[inject]))
    one = play(s)
    assert not events(one, "InjectOccurred")
    two = play(one.state)
    assert (
        events(two, "InjectOccurred")
        and two.state.country("alba").economy < one.state.country("alba").economy
    )
    assert not events(play(two.state), "InjectOccurred")
