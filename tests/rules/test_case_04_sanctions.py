"""Casebook section 4: economic sanctions (docs/RULES.md)."""

from dataclasses import replace

import casebook
from casebook import (
    events,
    number,
    play,
    start,
    tutorial_first_turn_legal,
    with_country,
    with_relation,
)
from issues_casebook import BASE, STRAIT, VILLAGE, issue_start

from wargame.ai.heuristic import STYLE, _Mind
from wargame.enums import CostLevel
from wargame.rng import Rng
from wargame.rules.agreements import AnswerProposal
from wargame.rules.diplomacy import AnswerUltimatum, IssueUltimatum
from wargame.rules.sanctions import (
    ConcedeToSanctions,
    ImposeSanctions,
    JoinSanctions,
    LiftSanctions,
    ThreatenSanctions,
    cost_level,
    pressure,
)
from wargame.state import Proposal, SanctionsEpisode, Ultimatum
from wargame.view import view_for


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


def _ordinary_seed(s, target: str, key: str) -> int:
    """A private key under which the target reads the demand as ordinary: not vital, its noise
    close to 1 (so the cases compare the mechanism, not the draw)."""
    for seed in range(1, 2000):
        mind = _Mind(s, target, STYLE["realist"], Rng(1), seed)
        u = mind.private_draws("vital", key)[0]
        if 0.85 < mind.private_factor(key) < 1.15 and u > 0.95:
            return seed
    raise AssertionError("no ordinary key found")


def _chance(s, target: str, e: SanctionsEpisode, seed: int, style: str = "realist") -> float:
    return _Mind(s, target, STYLE[style], Rng(1), seed).concession_chance(e)[0]


def test_case_4_9_concession_rises_with_the_cost():
    """Case 4.9: Computer targets give in more readily the more the sanctions would cost them: for
    the same target, issue and sender, the chance rises with the target's trade dependence on the
    senders (and so with the cost level)."""
    chances = []
    for share in (0.05, 0.15, 0.25, 0.45):
        s = issue_start(trade=[{"from": "brin", "to": "alba", "share": share}])
        e = SanctionsEpisode(
            "s1", ("alba",), "brin", "trade", 1, stake=6 * share, issue="strait", demand="open"
        )
        seed = _ordinary_seed(s, "brin", "s1")
        chances.append(_chance(s, "brin", e, seed))
    assert chances == sorted(chances) and chances[-1] > chances[0] + 0.2


def test_case_4_10_credible_senders_are_believed():
    """Case 4.10: ... and more readily to a credible sender (a good reputation, a democracy's
    audience costs) than to one that has let its threats lapse."""
    good = issue_start()
    e = SanctionsEpisode(
        "s9", ("alba",), "brin", "trade", 1, stake=1.5, issue="strait", demand="open"
    )
    seed = _ordinary_seed(good, "brin", "s9")
    lapsed = [
        SanctionsEpisode(f"s{i}", ("alba",), "dara", "trade", threatened_turn=1, stage="dropped")
        for i in range(3)
    ]
    bad = replace(with_country(good, "alba", reputation=25), sanctions=tuple(lapsed))
    assert _chance(good, "brin", e, seed) > _chance(bad, "brin", e, seed)


def test_case_4_11_imposition_rallies_the_target():
    """Case 4.11: Once sanctions are imposed the target's public rallies: the issue becomes worth
    1.3 times more to it, so a target facing a fully credible threat gives in more readily than it
    does once the same measures are in force."""
    s = with_country(issue_start(), "alba", reputation=100)
    threat = SanctionsEpisode(
        "s1", ("alba",), "brin", "trade", 1, stake=1.5, issue="strait", demand="open"
    )
    imposed = threat._replace(stage="imposed", imposed_turn=2)
    seed = _ordinary_seed(s, "brin", "s1")
    assert _chance(s, "brin", threat, seed) > _chance(s, "brin", imposed, seed)


def test_case_4_12_threats_name_their_demand():
    """Case 4.12: A threat or sanctions name what they demand: an issue the target decides and
    the status asked (the sender's own wish unless it names another). A target that gives in moves
    the issue to that status; a demand of an issue another state decides is void."""
    s = issue_start()
    res = play(s, ThreatenSanctions("alba", target="brin", measure="trade", issue="strait"))
    (e,) = res.state.sanctions
    assert (e.issue, e.demand) == ("strait", "open")
    assert "Passage through the strait" in events(res, "SanctionsThreatened")[0].text
    after = play(res.state, ConcedeToSanctions("brin", episode=e.id)).state
    assert after.issue("strait").status == "open"
    assert (after.issue("strait").changed_by, after.issue("strait").via) == ("alba", e.id)
    void = play(s, ThreatenSanctions("alba", target="cora", measure="trade", issue="strait"))
    assert void.results[0].status == "void" and "decided by Brin" in void.results[0].reason


def test_case_4_13_audience_costs_of_empty_threats():
    """Case 4.13: A public threat that lapses or is withdrawn costs the sender 3 reputation and 2
    stability times its regime factor (audience costs); a private threat, seen only by the two
    states, costs 1 reputation."""
    s = issue_start()
    public = play(s, ThreatenSanctions("alba", "brin", "trade", issue="strait")).state
    private = play(s, ThreatenSanctions("alba", "brin", "trade", issue="strait", public=False))
    (warning,) = events(private, "SanctionsThreatened")
    assert not warning.visible_for("cora") and warning.visible_for("brin")
    assert not view_for(private.state, "cora").state.sanctions
    assert view_for(private.state, "brin").state.sanctions
    ep = public.sanctions[0].id
    withdrawn = play(public, LiftSanctions("alba", episode=ep)).state
    assert withdrawn.country("alba").reputation == 60 - 3
    assert withdrawn.country("alba").stability < public.country("alba").stability - 2 * 1.5 + 1
    quiet = private.state
    for _ in range(3):
        quiet = play(quiet).state
    assert quiet.sanctions[0].stage == "dropped"
    assert quiet.country("alba").reputation == 60 - 1


def test_case_4_14_blanket_threats_cost():
    """Case 4.14: A blanket threat, one that names no issue in a crisis with issues at stake,
    costs the sender 1.5 reputation when made, and twice as much as a threat with a demand when it
    lapses."""
    s = issue_start()
    made = play(s, ThreatenSanctions("alba", target="brin", measure="trade"))
    assert made.state.country("alba").reputation == 60 - 1.5
    lapsed = made.state
    for _ in range(3):
        lapsed = play(lapsed).state
    assert lapsed.sanctions[0].stage == "dropped"
    assert lapsed.country("alba").reputation == 60 - 1.5 - 2 * 3


def test_case_4_15_demands_met_another_way():
    """Case 4.15: An episode whose demand is met another way ends: as conceded when the target
    gave it to other pressure (an ultimatum), as settled when it traded it in a deal."""
    s = issue_start()
    s = play(s, ThreatenSanctions("alba", "brin", "trade", issue="strait")).state
    u = Ultimatum("u9", "cora", "brin", "Open it.", 1, 2, issue="strait", status_demanded="open")
    s = replace(s, ultimatums=(u,))
    res = play(s, AnswerUltimatum("brin", ultimatum="u9", comply=True))
    assert res.state.issue("strait").status == "open"
    assert res.state.sanctions[0].stage == "conceded"
    deal = Proposal("p9", "alba", ("brin",), "deal", 1, demand_issue="strait", demand_status="open")
    s2 = play(issue_start(), ThreatenSanctions("cora", "brin", "trade", issue="strait")).state
    s2 = replace(s2, proposals=(deal,))
    res2 = play(s2, AnswerProposal("brin", proposal="p9", accept=True))
    assert res2.state.sanctions[0].stage == "settled"


def test_case_4_16_one_coalition_per_demand():
    """Case 4.16: A state that threatens or sanctions a target for the demand others already press
    joins their episode: one coalition, as sanctions datasets count multilateral cases."""
    s = play(issue_start(), ThreatenSanctions("alba", "brin", "trade", issue="strait")).state
    res = play(s, ThreatenSanctions("cora", "brin", "financial", issue="strait"))
    (e,) = res.state.sanctions
    assert e.senders == ("alba", "cora") and events(res, "SanctionsJoined")


def test_case_4_17_adversaries_resist_more():
    """Case 4.17: Computer targets resist adversaries more (conflict expectations): for the same
    threat, the chance of giving in falls as relations with the sender worsen; and it falls as the
    issue is worth more to the target."""
    e = SanctionsEpisode(
        "s1", ("alba",), "brin", "trade", 1, stake=1.5, issue="strait", demand="open"
    )
    base = issue_start()
    seed = _ordinary_seed(base, "brin", "s1")
    friendly = _chance(with_relation(base, "alba", "brin", 40), "brin", e, seed)
    hostile = _chance(with_relation(base, "alba", "brin", -60), "brin", e, seed)
    assert friendly > hostile
    dear = dict(STRAIT, stakes=[{"state": "brin", "wants": "closed", "worth": 1.5}])
    costly = issue_start(issues=[dear, BASE, VILLAGE])
    assert _chance(base, "brin", e, seed) > _chance(costly, "brin", e, seed)


def test_case_4_18_a_black_knight_softens_the_blow():
    """Case 4.18: A great power friend of the target outside the senders (relations 30 or more)
    offsets part of the cost, so the target gives in less readily."""
    e = SanctionsEpisode(
        "s1", ("alba",), "brin", "trade", 1, stake=1.5, issue="strait", demand="open"
    )
    base = issue_start()
    seed = _ordinary_seed(base, "brin", "s1")
    backed = with_relation(base, "brin", "cora", 40)
    assert _chance(base, "brin", e, seed) > _chance(backed, "brin", e, seed)


def test_tutorial_first_turn_legal_orders_are_pinned():
    # against each other state: every demand it could name (each open status of each issue that
    # state decides, or none), with each measure, in public or in private
    deciders = {"ThreatenSanctions": 30, "ImposeSanctions": 15}
    issue_holders = {"ThreatenSanctions": 24, "ImposeSanctions": 12}
    assert tutorial_first_turn_legal("sanctions") == {
        "aurelia": deciders,
        "borduria": issue_holders,
        "carpathia": issue_holders,
        "dalmora": deciders,
    }


def test_case_4_19_no_state_joins_sanctions_on_an_ally_or_for_a_demand_it_opposes():
    """Case 4.19: A computer state may join others' sanctions on a rival, but never on a state
    it is bound to defend (an alliance or a defense pact in force), nor for a demand it would
    lose by, whatever its other reasons."""

    def joins(s) -> int:
        count = 0
        for k in range(200):
            mind = _Mind(s, "dara", STYLE["hawk"], Rng(k), 1)
            mind.follow_up_sanctions()
            count += any(isinstance(o, JoinSanctions) for o in mind.decision.orders)
        return count

    def threatened(**changes):
        s = play(issue_start(**changes), ThreatenSanctions("alba", "brin", "trade", issue="strait"))
        # dara is hostile to the target and a friend of the sender: reasons to join
        s = with_relation(with_relation(s.state, "dara", "brin", -40), "dara", "alba", 60)
        return with_relation(s, "dara", "cora", 60)

    assert joins(threatened()) > 5  # 12 of 200 draws
    for kind in ("alliance", "defense_pact"):
        treaty = {"id": "oath", "kind": kind, "members": ["brin", "dara"]}
        assert joins(threatened(treaties=[treaty])) == 0
    # dara wants the strait closed: it does not join a demand to open it
    opposed = dict(
        STRAIT, stakes=[*STRAIT["stakes"], {"state": "dara", "wants": "closed", "worth": 0.4}]
    )
    assert joins(threatened(issues=[opposed, BASE, VILLAGE])) == 0


def test_case_4_20_a_defied_ultimatum_is_carried_out_with_its_own_demand():
    """Case 4.20: A computer state that carries out a defied ultimatum with sanctions presses the
    ultimatum's demand (not a blanket one), and imposes nothing once that demand stands met."""

    def carried_out(s) -> list:
        orders = []
        for k in range(40):
            mind = _Mind(s, "alba", STYLE["hawk"], Rng(k), 1)
            mind.follow_through()
            orders += [o for o in mind.decision.orders if isinstance(o, ImposeSanctions)]
        return orders

    u = Ultimatum(
        "u1", "alba", "brin", "Open it.", 1, 2, status="defied", issue="strait",
        status_demanded="open", threat="trade",
    )  # fmt: skip
    s = replace(issue_start(), turn=3, ultimatums=(u,))
    orders = carried_out(s)
    assert orders and {(o.issue, o.status) for o in orders} == {("strait", "open")}
    met = replace(
        s, issues=tuple(i._replace(status="open") if i.id == "strait" else i for i in s.issues)
    )
    assert carried_out(met) == []


def test_case_4_21_no_threat_without_a_hope_of_concession():
    """Case 4.21: A computer state weighs its prospects before it starts pressure: it presses the
    demand it wants most among those it reckons the target would give in to at least 15 times in a
    hundred, and threatens nothing when there is none. It reckons from what its own view shows of
    the target (its public stakes, the measure's bite, their relations), never from the target's
    secrets."""

    def pressure_started(s, demand=None) -> tuple[int, list[str]]:
        view = view_for(s, "alba")
        count, notes = 0, []
        for k in range(100):
            mind = _Mind(view.state, "alba", STYLE["hawk"], Rng(k), view.private_seed)
            mind.coerce("brin", "open the strait", demand)
            count += any(
                isinstance(o, ThreatenSanctions | ImposeSanctions) for o in mind.decision.orders
            )
            notes += mind.notes
        return count, notes

    assert pressure_started(issue_start())[0] > 20
    dear = dict(
        STRAIT,
        stakes=[{"state": "alba", "wants": "open", "worth": 1.0},
                {"state": "brin", "wants": "closed", "worth": 20.0}],
    )  # fmt: skip
    hopeless = issue_start(issues=[dear, BASE, VILLAGE])
    assert pressure_started(hopeless)[0] == 0
    count, notes = pressure_started(hopeless, ("strait", "open"))
    assert count == 0 and "would not give in on Passage through the strait" in notes[0]


def test_case_4_22_an_ultimatum_backed_by_sanctions_is_weighed_alike():
    """Case 4.22: A computer state whose ultimatum threatens sanctions, not force, weighs it as it
    weighs every threat of sanctions (4.21): it demands what it wants most among the demands it
    reckons the target might give in to, and issues no ultimatum when there is none."""

    def ultimatums(s) -> list:
        view = view_for(s, "alba")
        found = []
        for k in range(20):
            mind = _Mind(view.state, "alba", STYLE["institutionalist"], Rng(k), view.private_seed)
            mind.ultimatum("brin")
            found += [o for o in mind.decision.orders if isinstance(o, IssueUltimatum)]
        return found

    hopeful = ultimatums(issue_start())
    assert hopeful and {(u.issue, u.status, u.threat) for u in hopeful} == {
        ("strait", "open", "trade")
    }
    dear = dict(
        STRAIT,
        stakes=[{"state": "alba", "wants": "open", "worth": 1.0},
                {"state": "brin", "wants": "closed", "worth": 20.0}],
    )  # fmt: skip
    assert ultimatums(issue_start(issues=[dear, BASE, VILLAGE])) == []


def test_a_senders_reckoning_holds_no_secret_of_the_target():
    """The sender's reckoning reads the target from the sender's view: changing the target's
    doctrine (a secret) changes its own judgement but not what the sender reckons of it."""

    def with_doctrine(doctrine: str):
        states = [
            dict(x, doctrine=doctrine) if x["id"] == "brin" else x for x in casebook.BASE["states"]
        ]
        return issue_start(states=states)

    def reckoned(s, seat: str) -> float:
        view = view_for(s, seat) if seat else None
        state = view.state if view is not None else s
        return _Mind(state, "alba", STYLE["hawk"], Rng(0)).prospect("brin", "strait", "open")

    hawk, dove = with_doctrine("hawk"), with_doctrine("dove")
    assert reckoned(hawk, "alba") == reckoned(dove, "alba")
    # read from the true state, the doctrine shows: the comparison above could fail
    assert reckoned(hawk, "") != reckoned(dove, "")
