"""Casebook section 2: diplomacy (docs/RULES.md)."""

from dataclasses import replace

from casebook import (
    events,
    number,
    play,
    start,
    tutorial_first_turn_legal,
    with_relation,
)
from issues_casebook import STRAIT, issue_start

from wargame.ai.heuristic import STYLE, _Mind
from wargame.rng import Rng
from wargame.rules.agreements import AnswerProposal, BreakTreaty
from wargame.rules.diplomacy import (
    AnswerMediation,
    AnswerUltimatum,
    BackChannel,
    IssueUltimatum,
    OfferMediation,
    SendMessage,
    mediation_weight,
    mediator_bias,
    mediator_leverage,
)
from wargame.rules.issues import ChangeIssue
from wargame.rules.military import Attack
from wargame.rules.sanctions import ImposeSanctions
from wargame.state import Mediation, Proposal, Ultimatum


def test_case_2_1_private_and_public_messages():
    """Case 2.1: A private message is seen only by its sender and recipients; a public statement
    by everyone."""
    s = start()
    res = play(
        s,
        SendMessage("alba", to=("brin",), text="Quietly: stand down."),
        SendMessage("cora", to=("brin",), text="Stand down.", public=True),
    )
    (private,) = events(res, "MessageSent")
    (public,) = events(res, "StatementMade")
    assert (
        private.visible_for("brin")
        and private.visible_for("alba")
        and not private.visible_for("dara")
    )
    assert public.visible_for("dara")


def test_case_2_2_back_channel():
    """Case 2.2: Back-channel talks raise relations between the two by 4 and lower tension by 1;
    only the two see them."""
    s = start()
    res = play(s, BackChannel("alba", target="brin"))
    assert res.state.relation("alba", "brin") == s.relation("alba", "brin") + 4
    (ev,) = events(res, "BackChannelOpened")
    assert ev.visible_to == ("alba", "brin")


def _ultimatum(s, issuer="alba", target="brin", status="pending", turn=1, threat="force", **kw):
    u = Ultimatum("u1", issuer, target, "Withdraw.", turn, turn + 1, status=status, threat=threat)
    return replace(s, turn=turn + 1, ultimatums=(u._replace(**kw),), next_id=10)


def test_case_2_3_complying_with_an_ultimatum():
    """Case 2.3: An ultimatum is answered in the next turn. A target that complies backs down: it
    loses 5 stability times its regime factor, the issuer gains 3 reputation, and the issue
    demanded takes the status asked."""
    s = issue_start()
    res = play(s, IssueUltimatum("alba", target="brin", issue="strait"))
    (u,) = res.state.ultimatums
    assert u.status == "pending" and events(res, "UltimatumIssued")
    assert (u.issue, u.status_demanded, u.threat) == ("strait", "open", "force")
    res2 = play(res.state, AnswerUltimatum("brin", ultimatum=u.id, comply=True))
    assert res2.state.ultimatums[0].status == "complied"
    assert res2.state.country("brin").backed_down == 1
    assert number(events(res2, "UltimatumComplied")[0], "target stability change") == -5 * 0.7
    assert res2.state.country("alba").reputation > res.state.country("alba").reputation
    assert res2.state.issue("strait").status == "open"


def test_case_2_4_audience_cost_of_an_empty_ultimatum():
    """Case 2.4: A defied ultimatum gives the issuer one more turn to carry out its threat. If it
    does not, it pays the audience cost: 8 stability times its regime factor (democracy 1.5,
    hybrid 1, autocracy 0.7) and 8 reputation."""
    for issuer, factor in (("alba", 1.5), ("brin", 0.7)):
        target = "brin" if issuer == "alba" else "alba"
        s = _ultimatum(start(), issuer, target)
        defied = play(s, AnswerUltimatum(target, ultimatum="u1", comply=False))
        assert defied.state.ultimatums[0].status == "defied" and events(defied, "UltimatumDefied")
        res = play(defied.state)
        (ev,) = events(res, "UltimatumNotEnforced")
        assert res.state.ultimatums[0].status == "backed_down"
        assert number(ev, "stability change") == -8 * factor
        assert number(ev, "reputation change") == -8


def test_case_2_5_enforcing_an_ultimatum():
    """Case 2.5: An issuer that carries out a defied ultimatum's threat (force for a threat of
    force; sanctions at least as hard as those threatened) pays no audience cost and gains 2
    reputation."""
    s = _ultimatum(start(), status="defied", turn=2, threat="trade")
    res = play(s, ImposeSanctions("alba", target="brin", measure="trade"))
    assert res.state.ultimatums[0].status == "enforced"
    assert not events(res, "UltimatumNotEnforced")
    assert number(events(res, "UltimatumEnforced")[0], "reputation change") == 2
    forced = play(_ultimatum(start(), status="defied", turn=2), Attack("alba", target="brin"))
    assert forced.state.ultimatums[0].status == "enforced"


def test_case_2_10_only_the_threat_carried_out_enforces_an_ultimatum():
    """Case 2.10: An enforcement that does not match the threat does not count: an asset freeze
    does not enforce a threatened trade embargo, and sanctions do not enforce a threat of force;
    the issuer pays the audience cost as if it had done nothing."""
    token = play(
        _ultimatum(start(), status="defied", turn=2, threat="trade"),
        ImposeSanctions("alba", target="brin", measure="assets"),
    )
    (ev,) = events(token, "UltimatumNotEnforced")
    assert token.state.ultimatums[0].status == "backed_down" and "less than" in ev.text
    softer = play(
        _ultimatum(start(), status="defied", turn=2),
        ImposeSanctions("alba", target="brin", measure="trade"),
    )
    assert softer.state.ultimatums[0].status == "backed_down"


def test_case_2_11_an_ultimatum_names_its_demand_and_its_threat():
    """Case 2.11: An ultimatum names what it demands (an issue the target decides and the status
    asked, or a demand in words) and what it threatens: force, or sanctions of a measure. A
    demand of an issue another state decides is void."""
    s = issue_start()
    res = play(s, IssueUltimatum("cora", target="brin", issue="village", threat="financial"))
    (u,) = res.state.ultimatums
    assert (u.issue, u.status_demanded, u.threat) == ("village", "lifted", "financial")
    assert "financial sanctions" in events(res, "UltimatumIssued")[0].text
    void = play(s, IssueUltimatum("cora", target="alba", issue="village"))
    assert void.results[0].status == "void"
    assert play(s, IssueUltimatum("cora", target="brin")).results[0].status == "void"


def test_case_2_12_a_demand_met_another_way_makes_the_ultimatum_moot():
    """Case 2.12: An ultimatum whose demand is met before its deadline some other way (a deal, a
    change of stand) is complied with: nothing is left to enforce."""
    s = issue_start()
    s = play(s, IssueUltimatum("alba", target="brin", issue="strait")).state
    res = play(s, ChangeIssue("brin", issue="strait", status="open"))
    assert res.state.ultimatums[0].status == "complied"
    (moot,) = [e for e in res.events if e.kind == "UltimatumComplied"]
    assert moot.text.startswith("Alba's ultimatum to Brin is moot: its demand is met, Passage")
    assert "((" not in moot.text and "))" not in moot.text


def test_case_2_13_computer_targets_weigh_the_issue_against_the_threat():
    """Case 2.13: Computer targets weigh what giving in would cost them (the issue's worth, raised
    against adversaries) against what the issuer threatens: the same ultimatum is obeyed more
    readily on an issue worth less to the target."""
    u = Ultimatum("u1", "cora", "brin", "Open.", 1, 2, issue="strait", status_demanded="open")
    cheap = issue_start()
    dear = issue_start(
        issues=[dict(STRAIT, stakes=[{"state": "brin", "wants": "closed", "worth": 2.0}])]
    )

    def rate(s):
        s = replace(s, turn=2)
        return sum(
            _Mind(s, "brin", STYLE["realist"], Rng(i), i).judge_ultimatum(u)[0] for i in range(300)
        )

    assert rate(cheap) > rate(dear)


def test_case_2_6_mediation_needs_both_parties_then_cools_and_drafts():
    """Case 2.6: Mediation starts only when both parties accept; while active, relations between
    them rise by 5 and tension falls by 3 each turn, times the mediator's weight, and the mediator
    puts a draft settlement to both (a ceasefire if they are at war, otherwise a non-aggression
    pact)."""
    s = start()
    res = play(s, OfferMediation("dara", between=("alba", "brin")))
    (m,) = res.state.mediations
    half = play(res.state, AnswerMediation("alba", mediation=m.id, accept=True))
    assert half.state.mediations[0].status == "offered" and not half.state.proposals
    both = play(half.state, AnswerMediation("brin", mediation=m.id, accept=True))
    assert both.state.mediations[0].status == "active"
    weight = mediation_weight(half.state, "dara", "alba", "brin")
    assert (
        abs(
            both.state.relation("alba", "brin") - (half.state.relation("alba", "brin") + 5 * weight)
        )
        < 1e-9
    )
    (p,) = both.state.proposals
    assert (
        p.mediated
        and p.proposer == "dara"
        and set(p.recipients) == {"alba", "brin"}
        and p.kind == "non_aggression"
    )
    assert events(both, "SettlementDrafted")


def test_case_2_7_mediated_settlement_binds_the_parties():
    """Case 2.7: A mediated settlement accepted by both parties binds the two parties, not the
    mediator, names the mediator as guarantor, and raises the mediator's reputation by 5."""
    s = start()
    m = Mediation("m1", "dara", ("alba", "brin"), 1, accepted_by=("alba", "brin"), status="active")
    p = Proposal("p2", "dara", ("alba", "brin"), "non_aggression", 1, mediated=True)
    s = replace(s, turn=2, mediations=(m,), proposals=(p,), next_id=10)
    res = play(s, AnswerProposal("alba", proposal="p2"), AnswerProposal("brin", proposal="p2"))
    (t,) = res.state.treaties
    assert set(t.members) == {"alba", "brin"} and t.mediator == "dara"
    assert res.state.country("dara").reputation == s.country("dara").reputation + 5
    assert res.state.mediations[0].status == "ended"


def test_case_2_8_breaking_a_mediated_settlement_costs_more():
    """Case 2.8: Breaking a mediated settlement costs 4 more reputation than the same treaty
    unmediated, and sours relations with the mediator."""
    from wargame.state import Treaty

    plain = replace(start(), treaties=(Treaty("t1", "non_aggression", ("alba", "brin"), 0),))
    witnessed = replace(
        start(), treaties=(Treaty("t1", "non_aggression", ("alba", "brin"), 0, mediator="dara"),)
    )
    a = play(plain, BreakTreaty("brin", treaty="t1")).state
    b = play(witnessed, BreakTreaty("brin", treaty="t1")).state
    assert a.country("brin").reputation - b.country("brin").reputation == 4
    assert b.relation("brin", "dara") < a.relation("brin", "dara")


def test_case_2_9_computer_players_trust_a_mediators_draft():
    """Case 2.9: Computer players are likelier to accept a mediator's draft than the same proposal
    from the other party."""
    s = with_relation(start(), "alba", "brin", -30)
    direct = Proposal("p1", "brin", ("alba",), "non_aggression", 1)
    mediated = Proposal("p2", "dara", ("alba", "brin"), "non_aggression", 1, mediated=True)

    def rate(p):
        return (
            sum(_Mind(s, "alba", STYLE["realist"], Rng(i)).judge_proposal(p)[0] for i in range(400))
            / 400
        )

    assert rate(mediated) > rate(direct) + 0.1


def test_case_2_20_one_mediation_per_dyad():
    """Case 2.20: Two states in a dispute have one mediator at a time: an offer while another is
    offered or under way is void, and of several offers made in the same turn the parties hear
    only the best placed (the greatest weight, then the best reputation); the others are set
    aside."""
    res = play(
        start(),
        OfferMediation("dara", between=("alba", "brin")),
        OfferMediation("cora", between=("alba", "brin")),
    )
    (m,) = res.state.mediations
    weights = {x: mediation_weight(start(), x, "alba", "brin") for x in ("cora", "dara")}
    assert m.mediator == max(weights, key=weights.get)
    assert len(events(res, "MediationOfferSetAside")) == 1
    again = play(res.state, OfferMediation("cora", between=("brin", "alba")))
    assert again.results[0].status == "void" and len(again.state.mediations) == 1


def test_case_2_21_mediators_have_leverage_and_bias():
    """Case 2.21: A mediator's weight is (1 + leverage) x (1 - 0.5 x |bias|): leverage is the
    parties' mean share of trade with it, plus 0.3 for a great power (at most 1); bias is its
    relations with one party minus those with the other, over 200."""
    s = start()
    assert abs(mediator_leverage(s, "dara", "alba", "brin") - (0.0 + 0.2) / 2) < 1e-12
    assert abs(mediator_leverage(s, "cora", "alba", "brin") - (0.15 / 2 + 0.3)) < 1e-12
    assert abs(mediator_bias(s, "cora", "alba", "brin") - (50 + 20) / 200) < 1e-12
    weight = mediation_weight(s, "cora", "alba", "brin")
    assert abs(weight - (1 + 0.375) * (1 - 0.5 * 0.35)) < 1e-12
    neutral = with_relation(with_relation(s, "cora", "alba", 0), "cora", "brin", 0)
    assert mediation_weight(neutral, "cora", "alba", "brin") > weight


def test_an_ultimatum_reports_the_tension_it_actually_raised():
    """The "why?" numbers of an ultimatum are the changes the rule made: near the top of the
    tension scale it raises tension only to the maximum, and the event says so."""
    s = replace(start(), tension=98.0)
    res = play(s, IssueUltimatum("alba", target="brin", demand="Withdraw."))
    (ev,) = events(res, "UltimatumIssued")
    assert number(ev, "tension change") == 2
    assert number(ev, "relations change") == -8


def test_tutorial_first_turn_legal_orders_are_pinned():
    # an ultimatum to each other state: for every demand it could name (each open status of each
    # issue that state decides, or a demand in words), with each threat (force or one of the
    # three measures)
    deciders = {"BackChannel": 3, "IssueUltimatum": 20}
    holders = {"BackChannel": 3, "IssueUltimatum": 16}
    assert tutorial_first_turn_legal("diplomacy") == {
        "aurelia": deciders,
        "borduria": holders,
        "carpathia": holders,
        "dalmora": deciders,
    }
