"""Casebook section 3: agreements (docs/RULES.md)."""

from dataclasses import replace

from casebook import (
    Scripted,
    events,
    number,
    play,
    scenario,
    start,
    tutorial_first_turn_legal,
    with_country,
)
from issues_casebook import issue_start

from wargame.ai.heuristic import STYLE, _Mind
from wargame.events import Event
from wargame.rng import Rng
from wargame.rules.agreements import AnswerProposal, BreakTreaty, ProposeAgreement
from wargame.rules.issues import ChangeIssue
from wargame.rules.military import Attack, ProxySupport
from wargame.rules.power import EXERCISE_BONUS, coalition_strength, fighting_strength, reliability
from wargame.state import Dispute, Proposal, Treaty, War


def test_case_3_1_signing():
    """Case 3.1: A proposal is answered in the next turn and signed when every recipient accepts;
    the parties' relations rise by 10."""
    s = start()
    res = play(s, ProposeAgreement("alba", to=("dara",), treaty="intelligence_sharing"))
    (p,) = res.state.proposals
    signed = play(res.state, AnswerProposal("dara", proposal=p.id, accept=True))
    (t,) = signed.state.treaties
    assert t.kind == "intelligence_sharing" and set(t.members) == {"alba", "dara"}
    assert signed.state.relation("alba", "dara") == res.state.relation("alba", "dara") + 10


def test_case_3_2_unanswered_proposals_expire():
    """Case 3.2: A proposal not answered within two turns expires."""
    s = play(start(), ProposeAgreement("alba", to=("dara",), treaty="non_aggression")).state
    s = play(play(s).state).state
    assert s.proposals[0].status == "expired" and not s.treaties


def test_case_3_3_breaking_a_treaty():
    """Case 3.3: Withdrawing from a treaty breaks it: the culprit loses reputation (12; an alliance
    16, a defense pact 10, a ceasefire or peace 14), counts one broken obligation, and loses 20
    relations with the other parties and 3 with every state."""
    for kind, cost in (
        ("non_aggression", 12),
        ("alliance", 16),
        ("defense_pact", 10),
        ("ceasefire", 14),
    ):
        s = replace(start(), treaties=(Treaty("t1", kind, ("alba", "dara"), 0),))
        res = play(s, BreakTreaty("alba", treaty="t1"))
        after = res.state
        assert after.treaties[0].status == "broken" and after.treaties[0].broken_by == "alba"
        assert after.country("alba").reputation == s.country("alba").reputation - cost
        assert after.country("alba").obligations_broken == 1
        assert after.relation("alba", "dara") == s.relation("alba", "dara") - 23
        assert after.relation("alba", "cora") == s.relation("alba", "cora") - 3


def test_case_3_4_leaving_a_multilateral_treaty():
    """Case 3.4: A member that breaks a multilateral treaty leaves it; the treaty stays in force
    among the others."""
    s = replace(start(), treaties=(Treaty("t1", "defense_pact", ("alba", "cora", "dara"), 0),))
    t = play(s, BreakTreaty("dara", treaty="t1")).state.treaties[0]
    assert t.status == "active" and t.members == ("alba", "cora") and t.withdrawn == ("dara",)


def test_case_3_5_force_against_a_non_aggression_partner_breaks_the_pact():
    """Case 3.5: Using force against a state you have a non-aggression pact with breaks the pact."""
    s = replace(start(), treaties=(Treaty("t1", "non_aggression", ("alba", "brin"), 0),))
    res = play(s, Attack("brin", target="alba"))
    assert res.state.treaties[0].status == "broken" and res.state.treaties[0].broken_by == "brin"
    assert res.state.country("brin").obligations_broken == 1


def test_case_3_6_ceasefire_ends_war():
    """Case 3.6: A ceasefire signed by states at war ends the war without a victor."""
    war = War("w1", ("brin",), ("alba",), 1, front=0.0, stronger_share=0.5, stronger="a")
    d = Dispute("d1", "brin", "alba", 1, 5, reciprocated=True, war_id="w1")
    s = replace(start(), turn=3, wars=(war,), disputes=(d,), next_id=10)
    s = play(s, ProposeAgreement("alba", to=("brin",), treaty="ceasefire")).state
    p = next(p for p in s.proposals if p.kind == "ceasefire")
    res = play(s, AnswerProposal("brin", proposal=p.id))
    w = res.state.wars[0]
    assert w.ended_by == "ceasefire" and w.winner == "draw"
    assert res.state.disputes[0].ended_turn == res.state.turn - 1
    (ended,) = [e for e in res.events if e.kind == "WarEnded"]
    assert ended.text == "The war between Brin and Alba ended in a ceasefire."


def test_case_3_7_basing_tripwire():
    """Case 3.7: Basing: a guest's forces on the host's soil add 15% of the guest's fighting
    strength to the host's defence."""
    s = replace(start(), treaties=(Treaty("t1", "basing", ("cora", "dara"), 0),))
    alone = coalition_strength(start(), ("dara",), ("brin",))
    hosted = coalition_strength(s, ("dara",), ("brin",))
    assert abs(hosted - alone - 0.15 * fighting_strength(s, "cora")) < 1e-9


def test_case_3_8_joint_exercises():
    """Case 3.8: Joint exercises: partners fighting on the same side fight 10% better, and
    observers judge each a more reliable ally of the other."""
    plain = start()
    s = replace(plain, treaties=(Treaty("t1", "joint_exercises", ("alba", "cora"), 0),))
    side = ("alba", "cora")
    assert (
        abs(
            coalition_strength(s, side, ("brin",))
            - (1 + EXERCISE_BONUS) * coalition_strength(plain, side, ("brin",))
        )
        < 1e-9
    )
    assert reliability(s, "cora", "alba") > reliability(plain, "cora", "alba")


def test_case_3_9_intelligence_sharing_exposes_covert_action():
    """Case 3.9: Intelligence sharing: covert support against a member is exposed with chance 0.55
    instead of 0.30."""
    shared = replace(start(), treaties=(Treaty("t1", "intelligence_sharing", ("alba", "cora"), 0),))
    for s, chance in ((start(), 0.30), (shared, 0.55)):
        res = play(s, ProxySupport("brin", target="alba"), rng=Scripted(0.5))
        kind = "ProxySupportExposed" if chance > 0.5 else "ProxySupportGiven"
        (ev,) = events(res, kind)
        assert abs(number(ev, "chance of exposure") - chance) < 1e-9


def test_case_3_10_force_against_a_partner_breaks_other_treaties_too():
    """Case 3.10: Force against a partner breaks every treaty the two share: alliance, defense pact,
    basing, intelligence sharing, joint exercises, ceasefire or peace."""
    s = replace(
        start(),
        treaties=(
            Treaty("t1", "joint_exercises", ("alba", "brin"), 0),
            Treaty("t2", "arms_control", ("alba", "brin"), 0, cap=500, verification=0.5),
        ),
    )
    after = play(s, Attack("alba", target="brin")).state
    assert after.treaty("t1").status == "broken" and after.treaty("t2").status == "active"


def test_case_3_11_scenario_treaties_are_in_force_from_the_start():
    """Case 3.11: Treaties listed in the scenario are in force when the game starts."""
    sc = scenario(treaties=[{"id": "pact", "kind": "defense_pact", "members": ["alba", "cora"]}])
    (t,) = start(sc).treaties
    assert t.status == "active" and t.kind == "defense_pact" and t.signed_turn == 0


def test_a_breach_reports_the_reputation_actually_lost():
    """The "why?" numbers of a breach are the changes the rule made: a culprit with less
    reputation left than the breach costs loses what it has, and the event says so."""
    s = with_country(start(), "alba", reputation=10.0)
    s = replace(s, treaties=(Treaty("t1", "alliance", ("alba", "dara"), 0),))
    res = play(s, BreakTreaty("alba", treaty="t1"))
    (ev,) = events(res, "TreatyBroken")
    assert res.state.country("alba").reputation == 0
    assert number(ev, "reputation change") == -10


def _deal(**terms):
    return Proposal("p9", "alba", ("brin",), "deal", 1, **terms)


def test_case_3_12_a_deal_is_carried_out_when_signed():
    """Case 3.12: A deal links issues: the recipient concedes a status on an issue it decides, the
    proposer one on an issue it decides, and either may add a side payment (at most a tenth of the
    payer's economy). When signed, each issue takes the status agreed and the payment is made;
    the deal stays in force as the promise not to go back on it."""
    s = issue_start()
    res = play(
        s,
        ProposeAgreement(
            "alba",
            to=("brin",),
            treaty="deal",
            demand_issue="strait",
            offer_issue="base",
            payment=5,
        ),
    )
    (p,) = res.state.proposals
    assert (p.demand_status, p.offer_status, p.payment) == ("open", "closed", 5.0)
    signed = play(res.state, AnswerProposal("brin", proposal=p.id, accept=True)).state
    assert signed.issue("strait").status == "open" and signed.issue("base").status == "closed"
    assert signed.country("alba").economy == 95 and signed.country("brin").economy == 105
    (t,) = signed.treaties
    assert t.kind == "deal" and t.status == "active"
    greedy = ProposeAgreement(
        "alba", to=("brin",), treaty="deal", demand_issue="strait", payment=11
    )
    assert play(s, greedy).results[0].status == "void"


def test_case_3_13_reneging_on_a_deal_breaks_it():
    """Case 3.13: Going back on a status conceded in a deal still in force breaks the deal: the
    culprit pays the breach's cost and counts a broken obligation."""
    s = replace(
        issue_start(), turn=2, proposals=(_deal(demand_issue="strait", demand_status="open"),)
    )
    s = play(s, AnswerProposal("brin", proposal="p9", accept=True)).state
    res = play(s, ChangeIssue("brin", issue="strait", status="closed"))
    assert res.state.treaties[0].status == "broken"
    assert res.state.country("brin").obligations_broken == 1 and events(res, "TreatyBroken")


def test_case_3_14_proposals_overtaken_by_events_lapse():
    """Case 3.14: A proposal whose terms events have overtaken (the issue already stands as it
    would have it) lapses when accepted, instead of binding anyone or moving any payment."""
    deal = _deal(demand_issue="strait", demand_status="open", payment=5)
    s = replace(issue_start(), turn=2, proposals=(deal,))
    s = play(s, ChangeIssue("brin", issue="strait", status="open")).state
    res = play(s, AnswerProposal("brin", proposal="p9", accept=True))
    assert not res.state.treaties and res.state.proposals[0].status == "expired"
    assert res.state.country("alba").economy == 100 and events(res, "ProposalOvertaken")


def test_case_3_15_computer_players_weigh_deals_and_counter():
    """Case 3.15: Computer players accept a deal when what they would get (issues at their worth a
    turn over eight turns, a payment at its share of their economy) outweighs what they would give,
    and may counter one they reject by asking for a side payment that covers the shortfall."""
    s = replace(issue_start(), turn=2)
    cheap = _deal(demand_issue="strait", demand_status="open", payment=9.0)
    mean = _deal(demand_issue="strait", demand_status="open", payment=0.5)

    def rate(p):
        return sum(_Mind(s, "brin", STYLE["realist"], Rng(i)).judge_deal(p)[0] for i in range(200))

    assert rate(cheap) > 150 > 50 > rate(mean)
    mind = _Mind(s, "brin", STYLE["realist"], Rng(3))
    for seed in range(50):
        mind = _Mind(s, "brin", STYLE["realist"], Rng(seed))
        if not mind.judge_deal(mean)[0] and mind.decision.orders:
            break
    (counter,) = mind.decision.orders
    assert counter.treaty == "deal" and counter.payment < 0 and counter.to == ("alba",)


def test_case_3_16_computer_players_read_offers_in_words():
    """Case 3.16: A message addressed to a computer player, or a proposal's note, that speaks of a
    deal and names an issue makes it propose the deal the words suggest: here, the status it wants
    of the writer's issue, for the status of its own issue that the writer wants."""
    s = replace(issue_start(), turn=2)
    note = Event(1, "MessageSent", "Alba to Brin: a deal on the base?", ("alba", "brin"))
    mind = _Mind(s, "brin", STYLE["realist"], Rng(1), 1, (note,))
    mind.read_messages()
    (offer,) = mind.decision.orders
    assert (offer.treaty, offer.to, offer.demand_issue) == ("deal", ("alba",), "base")
    assert offer.demand_status == "closed" and (offer.offer_issue, offer.offer_status) == (
        "strait",
        "open",
    )
    silent = _Mind(s, "brin", STYLE["realist"], Rng(1), 1, (note._replace(text="Hello."),))
    silent.read_messages()
    assert not silent.decision.orders


def test_tutorial_first_turn_legal_orders_are_pinned():
    # the six treaties offered, ceasefire and peace where they apply, arms control, and a deal on
    # each pair of statuses the two could trade (asked, offered, or both)
    assert tutorial_first_turn_legal("agreements") == {
        "aurelia": {"ProposeAgreement": 22, "BreakTreaty": 1},  # the Harbour Treaty is in force
        "borduria": {"ProposeAgreement": 26},
        "carpathia": {"ProposeAgreement": 25, "BreakTreaty": 1},
        "dalmora": {"ProposeAgreement": 23},
    }
