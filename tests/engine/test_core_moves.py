"""The four core moves end to end: negotiate, sanction, invoke an alliance, use force."""

import dataclasses

import pytest

from wargame.rules.agreements import AnswerProposal, ProposeAgreement
from wargame.rules.alliances import AnswerInvocation, InvokeAlliance
from wargame.rules.diplomacy import SendMessage
from wargame.rules.military import Attack
from wargame.rules.sanctions import (
    ConcedeToSanctions,
    ImposeSanctions,
    LiftSanctions,
    ThreatenSanctions,
)

from .helpers import kinds, mini_game, step


def test_proposal_answered_next_turn_becomes_a_treaty():
    g = mini_game()
    r1 = step(g, ProposeAgreement("ana", to=("bel",), treaty="non_aggression"))
    (p,) = r1.state.proposals
    assert p.status == "open" and "AgreementProposed" in kinds(r1)
    r2 = step(r1.state, AnswerProposal("bel", proposal=p.id, accept=True))
    assert "TreatySigned" in kinds(r2)
    assert any(
        t.kind == "non_aggression" and set(t.members) == {"ana", "bel"}
        for t in r2.state.active_treaties()
    )
    assert r2.state.relation("ana", "bel") > g.relation("ana", "bel")


def test_rejected_proposal_signs_nothing():
    g = mini_game()
    s = step(g, ProposeAgreement("ana", to=("bel",), treaty="defense_pact")).state
    r = step(s, AnswerProposal("bel", proposal=s.proposals[0].id, accept=False))
    assert "ProposalRejected" in kinds(r)
    assert not r.state.active_treaties(kind="defense_pact")


def test_private_message_is_seen_only_by_sender_and_recipients():
    from wargame.view import view_for

    r = step(mini_game(), SendMessage("ana", to=("cor",), text="Stand with us."))
    msg = next(e for e in r.events if e.kind == "MessageSent")
    assert view_for(r.state, "cor", r.events).events.count(msg) == 1
    assert msg not in view_for(r.state, "bel", r.events).events


def test_sanctions_threat_then_imposition_costs_the_target_more_when_it_depends_more():
    g = mini_game()
    s1 = step(g, ThreatenSanctions("ana", target="bel", measure="trade")).state
    assert s1.sanctions[0].stage == "threatened"
    r2 = step(s1, ImposeSanctions("ana", target="bel", measure="trade"))
    e = r2.state.sanctions[0]
    assert e.stage == "imposed" and e.cost > 0
    assert r2.state.country("bel").economy < s1.country("bel").economy
    # the sender pays less because it depends less on the target (0.1 vs 0.4)
    bel_loss = 1 - r2.state.country("bel").economy / s1.country("bel").economy
    ana_loss = 1 - r2.state.country("ana").economy / s1.country("ana").economy
    assert 0 < ana_loss < bel_loss


def test_conceding_ends_sanctions_and_costs_the_target_at_home():
    s = step(mini_game(), ImposeSanctions("ana", target="bel")).state
    r = step(s, ConcedeToSanctions("bel", episode=s.sanctions[0].id))
    assert r.state.sanctions[0].stage == "conceded"
    assert r.state.country("bel").backed_down == 1


def test_lifting_sanctions_without_a_concession():
    s = step(mini_game(), ImposeSanctions("ana", target="bel")).state
    r = step(s, LiftSanctions("ana", episode=s.sanctions[0].id))
    assert r.state.sanctions[0].stage == "lifted"


def test_alliance_invoked_against_an_attacker_and_honoured():
    s = step(mini_game(), Attack("bel", target="ana")).state
    assert s.country("ana").attacked
    r = step(s, InvokeAlliance("ana", treaty="pact", against="bel"))
    (inv,) = r.state.invocations
    assert inv.within_terms and inv.allies == ("cor",)
    r2 = step(r.state, AnswerInvocation("cor", invocation=inv.id, honour=True))
    assert "AllianceHonoured" in kinds(r2)
    assert r2.state.country("cor").reputation > r.state.country("cor").reputation


def test_abandoning_an_ally_within_the_terms_breaks_the_treaty_and_costs_credibility():
    s = step(mini_game(), Attack("bel", target="ana")).state
    s = step(s, InvokeAlliance("ana", treaty="pact", against="bel")).state
    inv = s.invocations[0]
    r = step(s, AnswerInvocation("cor", invocation=inv.id, honour=False))
    assert "AllyAbandoned" in kinds(r)
    assert r.state.treaty("pact").status == "broken"
    assert r.state.country("cor").reputation < s.country("cor").reputation
    assert r.state.country("cor").obligations_broken == 1


def test_an_ally_that_stays_silent_has_declined():
    s = step(mini_game(), Attack("bel", target="ana")).state
    s = step(s, InvokeAlliance("ana", treaty="pact", against="bel")).state
    r = step(s)
    assert "AllyAbandoned" in kinds(r)


def test_invoking_without_being_attacked_is_void_with_a_reason():
    r = step(mini_game(), InvokeAlliance("ana", treaty="pact", against="bel"))
    (result,) = r.results
    assert result.status == "void" and "not used force" in result.reason
    assert "OrderVoided" in kinds(r)


def test_force_opens_a_dispute_and_reciprocation_is_recorded():
    s = step(mini_game(), Attack("bel", target="ana")).state
    (d,) = s.disputes
    assert d.initiator == "bel" and not d.reciprocated
    s2 = step(s, Attack("ana", target="bel")).state
    d2 = s2.disputes[0]
    assert d2.reciprocated and s2.country("ana").reciprocated


def test_unreciprocated_force_never_becomes_war():
    s = mini_game()
    for _ in range(6):
        s = step(s, Attack("bel", target="ana")).state
    assert not s.wars


def test_war_can_follow_reciprocated_force_and_then_ceasefire_ends_it():
    # many seeds: with reciprocation war happens sometimes, and a ceasefire ends it
    wars = 0
    for seed in range(60):
        s = dataclasses.replace(mini_game(), seed=seed)
        s = step(s, Attack("bel", target="ana")).state
        s = step(s, Attack("ana", target="bel"), Attack("bel", target="ana")).state
        if s.wars:
            wars += 1
            s = step(s, ProposeAgreement("ana", to=("bel",), treaty="ceasefire")).state
            s = step(s, AnswerProposal("bel", proposal=s.proposals[-1].id, accept=True)).state
            assert all(w.ended_turn is not None for w in s.wars)
    assert 0 < wars < 60


def test_orders_beyond_the_action_limit_are_void():
    g = mini_game()
    orders = [ThreatenSanctions("ana", target="bel", measure=m) for m in ("trade",)]
    orders += [
        ProposeAgreement("ana", to=("cor",), treaty=k)
        for k in ("defense_pact", "basing", "intelligence_sharing", "joint_exercises")
    ]
    r = step(g, *orders)
    assert [x.status for x in r.results].count("void") == 1
    assert "at most" in next(x.reason for x in r.results if x.status == "void")


def test_an_order_for_another_seat_is_refused_by_the_match():
    from wargame.match import Match, OrdersRejected

    from .helpers import mini_scenario

    m = Match(mini_scenario(), computer=["bel", "cor"])
    with pytest.raises(OrdersRejected):
        m.submit("ana", [Attack("bel", target="ana")])
