"""Casebook section 11: domestic politics (docs/RULES.md)."""

import math

from casebook import Scripted, events, number, play, start, with_country

from wargame.rules.military import Attack, BuildUp, ProxySupport


def test_case_11_1_economic_losses_cost_support():
    """Case 11.1: A government loses 0.6 stability per % of its economy lost in the turn (from any
    cause, when at least 0.2%), times its regime factor (democracy 1.5, hybrid 1, autocracy 0.7)."""
    res = play(start(), BuildUp("alba"), BuildUp("brin"))
    alba = next(e for e in events(res, "PublicMoodSoured") if e.actors == ("alba",))
    brin = next(e for e in events(res, "PublicMoodSoured") if e.actors == ("brin",))
    assert abs(number(alba, "stability change (economy)") + 0.6 * 1.5 * 1.5) < 1e-5
    assert abs(number(brin, "stability change (economy)") + 0.6 * 1.5 * 0.7) < 1e-5


def test_case_11_2_casualties_cost_support_more_in_democracies():
    """Case 11.2: Casualties cost a government 1.5 stability per doubling of (1 + casualties /
    100), times its regime factor: democracies feel them most."""
    res = play(start(), Attack("brin", target="alba"))
    alba = next(e for e in events(res, "PublicMoodSoured") if e.actors == ("alba",))
    killed = number(alba, "casualties")
    assert (
        abs(number(alba, "stability change (casualties)") + 1.5 * math.log2(1 + killed / 100) * 1.5)
        < 1e-5
    )


def test_case_11_3_stability_drifts_back():
    """Case 11.3: Stability drifts back towards the state's usual level by 8% of the gap each turn."""
    s = with_country(start(), "dara", stability=10.0)
    assert abs(play(s).state.country("dara").stability - (10 + 0.08 * 40)) < 1e-9


def test_case_11_4_government_crisis():
    """Case 11.4: A government whose support falls below 20 is in crisis: protests fill the
    streets and it loses 5 reputation abroad."""
    s = with_country(start(), "dara", stability=21.0)
    res = play(s, ProxySupport("brin", target="dara"), rng=Scripted(0.9))
    assert events(res, "GovernmentCrisis") and res.state.country("dara").reputation == 45
