"""Casebook section 4: economic sanctions (docs/RULES.md)."""

from dataclasses import replace

from casebook import (
    events,
    every_seat,
    number,
    play,
    scenario,
    start,
    tutorial_first_turn_legal,
    with_country,
    with_relation,
)

from wargame.ai.heuristic import STYLE, _Mind, resolve_draw
from wargame.enums import CostLevel
from wargame.rng import Rng
from wargame.rules.sanctions import (
    ConcedeToSanctions,
    ImposeSanctions,
    JoinSanctions,
    LiftSanctions,
    ThreatenSanctions,
    cost_level,
    pressure,
)
from wargame.state import SanctionsEpisode


def test_case_4_1_threats_lapse_and_cost_credibility():
    """Case 4.1: A threat costs the target nothing until it is imposed. A threat neither carried
    out nor withdrawn lapses after three turns, and the sender loses 3 reputation (an empty
    threat)."""
    s = play(start(), ThreatenSanctions("alba", target="brin", measure="trade")).state
    assert s.sanctions[0].stage == "threatened" and s.country("brin").economy == 100
    for _ in range(3):
        res = play(s)
        s = res.state
    assert s.sanctions[0].stage == "dropped" and events(res, "ThreatLapsed")
    assert s.country("alba").reputation == 60 - 3


def test_case_4_2_costs_to_target_and_senders():
    """Case 4.2: Imposed sanctions cost the target, every turn, the measure's bite (trade 6,
    financial 5, assets 3.5) times its trade dependence on the senders, in % of its economy; each
    sender loses half the bite times its own dependence on the target."""
    s = start()
    res = play(s, ImposeSanctions("alba", target="brin", measure="trade"))
    (bit,) = events(res, "SanctionsBit")
    assert abs(number(bit, "GDP % lost this turn") - 6 * 0.25) < 1e-9
    assert abs(res.state.country("alba").economy - 100 * (1 - 6 * 0.5 * 0.10 / 100)) < 1e-9
    assert res.state.country("brin").economy < 100 * (1 - 0.015) + 1e-9


def test_case_4_3_cost_levels():
    """Case 4.3: An episode's cost level is set by what its measures, as first threatened or
    imposed, inflict or would inflict per turn: minor below 1.1% of GDP, major below 2.2%, severe
    from 2.2%."""
    assert [cost_level(x) for x in (0.3, 1.09, 1.1, 2.19, 2.2, 6.0)] == [
        "minor",
        "minor",
        "major",
        "major",
        "severe",
        "severe",
    ]
    s = play(start(), ThreatenSanctions("alba", target="brin", measure="trade")).state
    assert s.sanctions[0].stake == 1.5 and cost_level(s.sanctions[0].stake) == "major"
    assert cost_level(0.3) is CostLevel.MINOR and cost_level(6.0) is CostLevel.SEVERE


def test_case_4_4_coalitions_and_un_mandates_bite_harder():
    """Case 4.4: The cost to the target grows with its dependence on the senders: each state that
    joins adds its share of the target's trade, and a Security Council mandate widens the
    dependence by 40%."""
    s = start()
    one = pressure(s, "brin", ("alba",), "trade")
    two = pressure(s, "brin", ("alba", "cora"), "trade")
    un = pressure(s, "brin", ("alba", "cora"), "trade", un_mandated=True)
    assert one < two < un and abs(un - two * 1.4) < 1e-9
    s = play(s, ImposeSanctions("alba", target="brin", measure="trade")).state
    res = play(s, JoinSanctions("cora", episode=s.sanctions[0].id))
    assert abs(number(events(res, "SanctionsBit")[0], "GDP % lost this turn") - two) < 1e-9


def test_case_4_5_concession():
    """Case 4.5: A target that gives in ends the episode: it backs down and loses 4 stability times
    its regime factor (the audience cost of conceding); each sender gains 3 reputation and 8
    relations with it."""
    s = play(start(), ThreatenSanctions("alba", target="brin", measure="trade")).state
    res = play(s, ConcedeToSanctions("brin", episode=s.sanctions[0].id))
    e = res.state.sanctions[0]
    assert e.stage == "conceded" and e.imposed_turn is None
    (ev,) = events(res, "SanctionsConceded")
    assert number(ev, "target stability change (audience cost)") == -4 * 0.7
    assert res.state.country("alba").reputation == 63
    assert res.state.country("brin").backed_down == 1


def test_case_4_6_counter_sanctions():
    """Case 4.6: A target may hit back with counter-sanctions on a sender; they are marked as
    retaliation and end when the episode they answer ends."""
    s = play(start(), ImposeSanctions("alba", target="brin", measure="trade")).state
    res = play(s, ImposeSanctions("brin", target="alba", measure="trade"))
    original, counter = res.state.sanctions
    assert counter.retaliation_for == original.id and events(res, "SanctionsRetaliated")
    after = play(res.state, LiftSanctions("alba", episode=original.id)).state
    assert [e.stage for e in after.sanctions] == ["lifted", "lifted"]


def test_case_4_7_strain_with_friends_who_trade_with_the_target():
    """Case 4.7: Each turn sanctions are in force, a sender's friends (relations above 30) who
    send 15% or more of their trade to the target lose 2 relations with the sender."""
    s = with_relation(start(), "alba", "dara", 40)
    after = play(s, ImposeSanctions("alba", target="brin", measure="trade")).state
    assert after.relation("alba", "dara") == 38
    assert after.relation("alba", "cora") == 50  # a friend, but it hardly trades with Brin


def test_case_4_8_severe_sanctions_harm_civilians():
    """Case 4.8: Sanctions harm the target's civilians: its stability falls by 0.3 per % of GDP
    lost; when the cost is severe, world opinion turns on the senders (0.5 reputation a turn)."""
    s = play(start(), ImposeSanctions("alba", target="brin", measure="trade")).state
    joined = play(
        s,
        JoinSanctions("cora", episode=s.sanctions[0].id),
        JoinSanctions("dara", episode=s.sanctions[0].id),
    )
    bit = events(joined, "SanctionsBit")[0]
    assert abs(number(bit, "civilian harm (stability)") - 0.3 * 6 * 0.6) < 1e-9
    assert joined.state.country("cora").reputation == 70 - 0.5


def _seed_with_ordinary_resolve(episode: str, target: str) -> int:
    return next(i for i in range(1, 500) if 0.8 < resolve_draw(i, episode, target) < 1.5)


def test_case_4_9_concession_rises_with_the_cost():
    """Case 4.9: Computer targets give in more readily the more the sanctions would cost them: for
    the same target, issue and sender, the chance rises with the target's trade dependence on the
    senders (and so with the cost level)."""
    seed = _seed_with_ordinary_resolve("s1", "brin")
    chances = []
    for share in (0.05, 0.15, 0.25, 0.45):
        sc = scenario(trade=[{"from": "brin", "to": "alba", "share": share}])
        s = start(sc, seed=seed)
        e = SanctionsEpisode("s1", ("alba",), "brin", "trade", threatened_turn=1, stake=6 * share)
        chances.append(_Mind(s, "brin", STYLE["realist"], Rng(1), seed).concession_chance(e)[0])
    assert chances == sorted(chances) and chances[-1] > chances[0] + 0.2


def test_case_4_10_credible_senders_are_believed():
    """Case 4.10: ... and more readily to a credible sender (a good reputation, a democracy's
    audience costs) than to one that has let its threats lapse."""
    seed = _seed_with_ordinary_resolve("s9", "brin")
    e = SanctionsEpisode("s9", ("alba",), "brin", "trade", threatened_turn=1, stake=1.5)
    good = start(seed=seed)
    lapsed = [
        SanctionsEpisode(f"s{i}", ("alba",), "dara", "trade", threatened_turn=1, stage="dropped")
        for i in range(3)
    ]
    bad = replace(with_country(good, "alba", reputation=25), sanctions=tuple(lapsed))
    p_good = _Mind(good, "brin", STYLE["realist"], Rng(1)).concession_chance(e)[0]
    p_bad = _Mind(bad, "brin", STYLE["realist"], Rng(1)).concession_chance(e)[0]
    assert p_good > p_bad


def test_case_4_11_imposition_rallies_the_target():
    """Case 4.11: Once sanctions are imposed the target's public rallies: the issue becomes worth
    1.6 times more to it, so a target facing a fully credible threat gives in more readily than it
    does once the same measures are in force."""
    seed = _seed_with_ordinary_resolve("s1", "brin")
    s = with_country(start(seed=seed), "alba", reputation=100)
    threat = SanctionsEpisode("s1", ("alba",), "brin", "trade", threatened_turn=1, stake=1.5)
    imposed = threat._replace(stage="imposed", imposed_turn=2)
    mind = _Mind(s, "brin", STYLE["realist"], Rng(1))
    assert mind.concession_chance(threat)[0] > mind.concession_chance(imposed)[0]


def test_tutorial_first_turn_legal_orders_are_pinned():
    assert tutorial_first_turn_legal("sanctions") == every_seat(
        {"ThreatenSanctions": 9, "ImposeSanctions": 9}
    )
