"""Casebook section 6: force, war and great power competition (docs/RULES.md)."""

import math
from dataclasses import replace

from casebook import (
    Scripted,
    events,
    number,
    play,
    start,
    tutorial_first_turn_legal,
    with_country,
    with_relation,
)

from wargame.enums import Rung
from wargame.rules.military import (
    INVASION_FACTOR,
    WAR_BASE,
    Attack,
    BuildUp,
    MobilizeForces,
    ProxySupport,
    war_chance,
)
from wargame.rules.war import battle_odds
from wargame.state import Dispute, War


def test_case_6_1_shows_and_uses_of_force_open_disputes():
    """Case 6.1: A show of force opens a militarized dispute at military signalling (relations -10,
    tension +5); a use of force opens or raises it to limited force and marks the target as
    attacked."""
    res = play(start(), MobilizeForces("brin", target="alba"))
    (d,) = res.state.disputes
    assert d.rung == Rung.MILITARY_SIGNALLING and res.state.relation("alba", "brin") == -40
    res = play(start(), Attack("brin", target="alba"))
    (d,) = res.state.disputes
    assert d.rung == Rung.LIMITED_FORCE and res.state.country("alba").attacked


def test_case_6_2_no_war_without_reciprocation():
    """Case 6.2: A single use of force against a target that has not answered with force (or a
    show of force) never becomes a war."""
    res = play(start(), Attack("brin", target="alba"), rng=Scripted(0.0, 0.0, 0.0))
    assert not res.state.wars and not events(res, "WarAverted")


def _reciprocated(**changes):
    d = Dispute("d1", "brin", "alba", 1, 4, reciprocated=True, last_force=1)
    return replace(start(), turn=2, disputes=(d,), next_id=10, **changes)


def test_case_6_3_reciprocated_clashes_risk_war():
    """Case 6.3: Once the target has answered, every turn in which force passes between the two
    risks war, with chance 0.095 x parity x tension factor x arms race factor x democratic peace
    factor x nuclear deterrence factor x proximity factor x ally's restraint factor x alliance
    deterrence factor; the event shows every factor and the roll to the facilitator, and to the
    states all but those worked out from forces they may only estimate."""
    s = _reciprocated()
    f = war_chance(s, "brin", "alba")
    expected = (
        WAR_BASE
        * f["parity"]
        * f["tension factor"]
        * f["arms race factor"]
        * f["democratic peace factor"]
    )
    assert (
        abs(
            f["probability"]
            - expected
            * f["nuclear deterrence factor"]
            * f["proximity factor"]
            * f["ally's restraint factor"]
            * f["alliance deterrence factor"]
        )
        < 1e-12
    )
    averted = play(s, Attack("brin", target="alba"), rng=Scripted(0.99))
    (ev,) = events(averted, "WarAverted")
    assert number(ev, "roll") == 0.99 and 0.5 <= number(ev, "parity") <= 1
    assert "parity" not in dict(ev.numbers) and "probability" not in dict(ev.numbers)
    began = play(s, Attack("brin", target="alba"), rng=Scripted(0.0))
    assert began.state.wars and began.state.disputes[0].war_id == began.state.wars[0].id


def test_case_6_4_what_makes_war_likelier():
    """Case 6.4: War is likelier between evenly matched states, under high tension and in an arms
    race; it is less likely between two democracies (x 0.3) and against a nuclear-armed target
    (x 0.5)."""
    s = _reciprocated()
    base = war_chance(s, "brin", "alba")["probability"]
    assert war_chance(with_country(s, "alba", military=5), "brin", "alba")["probability"] < base
    assert war_chance(replace(s, tension=90), "brin", "alba")["probability"] > base
    racing = with_country(with_country(s, "alba", buildup=3), "brin", buildup=3)
    assert war_chance(racing, "brin", "alba")["arms race factor"] == 1.45
    assert war_chance(s, "alba", "cora")["democratic peace factor"] == 0.3
    assert war_chance(s, "brin", "cora")["nuclear deterrence factor"] == 0.5


def test_case_6_5_sustained_assault():
    """Case 6.5: An assault kept up over consecutive turns against a target that does not fight
    back can still become a war, at a quarter of the chance."""
    d = Dispute("d1", "brin", "alba", 1, 4, reciprocated=False, last_force=1)
    s = replace(start(), turn=2, disputes=(d,), next_id=10)
    (ev,) = events(play(s, Attack("brin", target="alba"), rng=Scripted(0.99)), "WarAverted")
    assert number(ev, "invasion factor (target has not fought back)") == INVASION_FACTOR == 0.25


def test_case_6_6_battle_odds():
    """Case 6.6: Each turn of war the attackers win with chance 0.5 + 0.076 x ln(strength ratio),
    between 0.15 and 0.85: at 9:1 the stronger side wins a turn about two times in three."""
    assert battle_odds(1, 1) == 0.5
    assert (
        abs(battle_odds(9, 1) - (0.5 + 0.076 * math.log(9))) < 1e-12
        and 0.66 < battle_odds(9, 1) < 0.67
    )
    assert battle_odds(1000, 1) == 0.85 and battle_odds(1, 1000) == 0.15


def test_case_6_7_victory():
    """Case 6.7: A war ends in victory when one side has won two more turns than it lost: the
    winners gain 5 stability, the losers lose 12 and count as having backed down."""
    war = War("w1", ("brin",), ("alba",), 1, front=25.0, stronger_share=0.5, stronger="a")
    d = Dispute("d1", "brin", "alba", 1, 5, reciprocated=True, war_id="w1")
    s = replace(start(), turn=3, wars=(war,), disputes=(d,), next_id=10)
    res = play(s, rng=Scripted(0.0))
    w = res.state.wars[0]
    assert w.winner == "a" and w.ended_by == "victory" and res.state.disputes[0].ended_turn == 3
    assert res.state.country("alba").backed_down == 1 and events(res, "WarEnded")
    (battle,) = events(res, "BattleFought")
    assert battle.text == "Brin had the better of the fighting against Alba this turn."


def test_case_6_8_unauthorized_force_costs_legitimacy():
    """Case 6.8: Using force without Security Council authorization, except in self-defence, costs
    5 reputation and 3 relations with every other state."""
    res = play(start(), Attack("brin", target="alba"))
    assert res.state.country("brin").reputation == 45 and res.state.relation("brin", "cora") == -23
    s = replace(
        start(), turn=2, disputes=(Dispute("d1", "brin", "alba", 1, 4, last_force=1),), next_id=10
    )
    res = play(s, Attack("alba", target="brin"), rng=Scripted(0.99))
    assert (
        res.state.country("alba").reputation == 60
        and "self-defence" in events(res, "ForceUsed")[0].text
    )


def test_case_6_9_build_ups_and_arms_races():
    """Case 6.9: A build-up adds 6% capability for 1.5% of the economy and raises tension by 2; two
    hostile states building up together are in an arms race (tension +4), which raises the chance
    that their clashes become war."""
    res = play(start(), BuildUp("alba"), BuildUp("brin"))
    assert (
        abs(res.state.country("alba").military - 53) < 1e-9
        and abs(res.state.country("alba").economy - 98.5) < 1e-9
    )
    assert events(res, "ArmsRaceIntensified")
    assert war_chance(res.state, "brin", "alba")["arms race factor"] > 1


def test_case_6_10_proxy_support():
    """Case 6.10: Covert support for a rival's armed opponents lowers the target's stability by 4;
    it is exposed with chance 0.3 (more if the target shares intelligence), and then the sponsor
    loses 4 reputation and 20 relations with the target."""
    hidden = play(start(), ProxySupport("brin", target="alba"), rng=Scripted(0.9))
    assert events(hidden, "ProxySupportGiven")[0].visible_to == ("brin",)
    exposed = play(start(), ProxySupport("brin", target="alba"), rng=Scripted(0.1))
    assert (
        exposed.state.country("brin").reputation == 46
        and exposed.state.relation("alba", "brin") == -50
    )


def test_case_6_11_the_stronger_coalition_is_recorded():
    """Case 6.11: When a war begins the engine records which side is stronger and its share of the
    two sides' capabilities, and records them again whenever a state joins."""
    s = _reciprocated()
    war = play(s, Attack("brin", target="alba"), rng=Scripted(0.0)).state.wars[0]
    assert war.stronger in ("a", "b") and 0.5 <= war.stronger_share <= 1


def test_events_report_the_changes_actually_applied():
    """The numbers behind an event are the changes the rule made, not the rule's nominal figures:
    relations already at their floor fall no further, reputation no lower than zero."""
    floor = with_country(with_relation(start(), "alba", "brin", -100), "brin", reputation=2)
    res = play(floor, MobilizeForces("brin", target="alba"))
    assert number(events(res, "ForcesMobilized")[0], "relations change") == 0.0
    res = play(floor, Attack("brin", target="alba"))
    assert res.state.country("brin").reputation == 0
    assert number(events(res, "ForceUsed")[0], "attacker reputation change") == -2.0


def test_tutorial_first_turn_legal_orders_are_pinned():
    # each state of the tutorial's map reaches two others: Carpathia, a global power, all three
    reach = {"aurelia": 2, "borduria": 2, "carpathia": 3, "dalmora": 2}
    assert tutorial_first_turn_legal("military") == {
        seat: {
            "MobilizeForces": n,
            "Attack": n,
            "BuildUp": 1,
            "Disarm": 1,
            "ProxySupport": 3,
        }
        for seat, n in reach.items()
    }
