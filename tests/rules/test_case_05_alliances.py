"""Casebook section 5: alliances and collective defense (docs/RULES.md)."""

from dataclasses import replace

from casebook import (
    Scripted,
    events,
    every_seat,
    number,
    play,
    start,
    tutorial_first_turn_legal,
    with_country,
)

from wargame.ai.heuristic import STYLE, _Mind
from wargame.enums import AllyHelp
from wargame.rng import Rng
from wargame.rules.alliances import AnswerInvocation, InvokeAlliance
from wargame.rules.military import Attack, war_chance
from wargame.rules.power import expected_support, fighting_strength, partial_help, reliability
from wargame.state import Dispute, Invocation, Treaty, War


def _attacked(kind="alliance", casus="defensive", initiator="brin", target="alba", war=False):
    """Brin has used force against Alba; Alba and Cora share a treaty of `kind`."""
    d = Dispute(
        "d1",
        initiator,
        target,
        1,
        4,
        reciprocated=False,
        last_force=1,
        war_id="w1" if war else None,
    )
    wars = (War("w1", (initiator,), (target,), 1, stronger_share=0.5, stronger="a"),) if war else ()
    t = Treaty("t1", kind, ("alba", "cora"), 0, casus_foederis=casus)
    return replace(start(), turn=2, disputes=(d,), wars=wars, treaties=(t,), next_id=10)


def _invoked(s, within=True):
    inv = Invocation("i1", "t1", "alba", "brin", s.turn, ("cora",), within)
    return replace(s, turn=s.turn + 1, invocations=(inv,))


def test_case_5_1_invoking_needs_an_attack():
    """Case 5.1: A state may invoke its alliance or defense pact only against a state that has used
    force against it (limited force or war); otherwise the order is void."""
    calm = replace(start(), treaties=(Treaty("t1", "alliance", ("alba", "cora"), 0),))
    res = play(calm, InvokeAlliance("alba", treaty="t1", against="brin"))
    assert res.results[0].status == "void" and "not used force" in res.results[0].reason
    res = play(_attacked(), InvokeAlliance("alba", treaty="t1", against="brin"))
    assert res.results[0].status == "applied" and res.state.invocations[0].allies == ("cora",)


def test_case_5_2_casus_foederis():
    """Case 5.2: A call is within the treaty's terms when the invoker was the target of the
    dispute or war (the defender), or when the treaty's casus foederis is "any"."""
    assert (
        play(_attacked(), InvokeAlliance("alba", treaty="t1", against="brin"))
        .state.invocations[0]
        .within_terms
    )
    provoked = _attacked(initiator="alba", target="brin")
    assert (
        not play(provoked, InvokeAlliance("alba", treaty="t1", against="brin"))
        .state.invocations[0]
        .within_terms
    )
    anything = _attacked(initiator="alba", target="brin", casus="any")
    assert (
        play(anything, InvokeAlliance("alba", treaty="t1", against="brin"))
        .state.invocations[0]
        .within_terms
    )


def test_case_5_3_honouring():
    """Case 5.3: Allies answer in the turn after the call. An ally that honours it spends 1%
    (alliance) or 2% (defense pact) of its economy, gains 4 reputation and loses 15 relations with
    the aggressor; if a war is on, it enters the war at the invoker's side."""
    for kind, spent in (("alliance", 0.01), ("defense_pact", 0.02)):
        s = _invoked(_attacked(kind, war=True))
        res = play(s, AnswerInvocation("cora", invocation="i1", honour=True))
        after = res.state
        assert after.invocations[0].honoured_by == ("cora",) and after.invocations[0].closed
        assert after.country("cora").reputation == 74
        assert abs(number(events(res, "AllianceHonoured")[0], "economy spent") - 400 * spent) < 1e-6
        assert "cora" in after.wars[0].side_b and events(res, "WarJoined")


def test_case_5_4_abandoning_an_ally():
    """Case 5.4: An ally that declines a call within terms abandons its ally: the treaty is broken
    (16 reputation for a classic alliance, 10 for a defense pact) and it loses 30 more relations
    with the invoker."""
    for kind, cost in (("alliance", 16), ("defense_pact", 10)):
        s = _invoked(_attacked(kind))
        res = play(s, AnswerInvocation("cora", invocation="i1", honour=False))
        assert (
            res.state.treaties[0].status == "broken" and res.state.treaties[0].broken_by == "cora"
        )
        assert res.state.country("cora").reputation == 70 - cost
        assert res.state.relation("alba", "cora") == 50 - 30 - 20 - 3
        assert events(res, "AllyAbandoned") and res.state.country("cora").obligations_broken == 1


def test_case_5_5_declining_outside_the_terms():
    """Case 5.5: Declining a call outside the terms costs only 8 relations with the invoker; the
    treaty stands."""
    s = _invoked(_attacked(initiator="alba", target="brin"), within=False)
    res = play(s, AnswerInvocation("cora", invocation="i1", honour=False))
    assert res.state.treaties[0].status == "active" and res.state.relation("alba", "cora") == 42
    assert events(res, "CallDeclined")


def test_case_5_6_silence_declines():
    """Case 5.6: Silence counts as declining."""
    res = play(_invoked(_attacked()))
    assert res.state.invocations[0].declined_by == ("cora",) and events(res, "AllyAbandoned")


def test_case_5_7_standing_allies_fight_from_the_first_turn():
    """Case 5.7: Allies who honoured a call before the clash became a war fight at the invoker's
    side from its first turn."""
    s = _invoked(_attacked())
    s = play(s, AnswerInvocation("cora", invocation="i1", honour=True)).state
    d = Dispute("d2", "brin", "alba", s.turn - 1, 4, reciprocated=True, last_force=s.turn - 1)
    s = replace(s, disputes=(d,))
    res = play(s, Attack("brin", target="alba"), rng=Scripted(0.0))
    (war,) = res.state.wars
    assert war.side_b == ("alba", "cora") and war.stronger == "b"


def test_case_5_8_alliances_deter():
    """Case 5.8: Deterrence: the chance that a clash becomes war is multiplied by
    (a + b) / (a + b + h), where a and b are the two sides' fighting strengths and h the help the
    defender can expect: each ally's strength times its reliability, plus guests' based forces."""
    alone = war_chance(start(), "brin", "alba")
    allied = war_chance(
        replace(start(), treaties=(Treaty("t1", "alliance", ("alba", "cora"), 0),)), "brin", "alba"
    )
    assert (
        allied["defender's expected allied help"] > 0 and alone["alliance deterrence factor"] == 1.0
    )
    assert (
        allied["probability"] < alone["probability"] * allied["alliance deterrence factor"] + 1e-12
    )


def test_case_5_9_abandonment_ruins_reliability():
    """Case 5.9: An ally's reliability, as others judge it, is 0.1 + 0.5 x reputation/100 + 0.3 x
    relations/100 with the protege, + 0.08 per call honoured, - 0.2 per call abandoned within
    terms, + 0.1 if they exercise together (between 0.02 and 0.95): abandoning an ally weakens the
    deterrent value of every treaty the state has."""
    s = replace(start(), treaties=(Treaty("t1", "alliance", ("dara", "cora"), 0),))
    assert abs(reliability(s, "cora", "dara") - (0.1 + 0.35 + 0.06)) < 1e-9
    record = Invocation(
        "i0", "t9", "alba", "brin", 1, ("cora",), True, declined_by=("cora",), closed=True
    )
    burnt = replace(s, invocations=(record,))
    assert reliability(burnt, "cora", "dara") < reliability(s, "cora", "dara")
    assert expected_support(burnt, "dara", "brin") < expected_support(s, "dara", "brin")


def test_case_5_10_attackers_count_the_targets_friends():
    """Case 5.10: Computer attackers count the target's reliable allies: striking a state with a
    strong ally looks less attractive than striking it alone."""
    alone = _Mind(start(), "brin", STYLE["hawk"], Rng(1)).attack_appeal("alba")
    allied = replace(start(), treaties=(Treaty("t1", "alliance", ("alba", "cora"), 0),))
    assert _Mind(allied, "brin", STYLE["hawk"], Rng(1)).attack_appeal("alba") < alone


def test_case_5_11_classic_alliances_are_honoured_more_readily():
    """Case 5.11: Computer allies honour a classic alliance more readily than a defense pact in the
    same situation: abandoning it costs more and answering it costs less."""
    p = {}
    for kind in ("alliance", "defense_pact"):
        s = _invoked(_attacked(kind))
        p[kind] = _Mind(s, "cora", STYLE["realist"], Rng(1)).honour_chance(s.invocations[0])[0]
    assert p["alliance"] > p["defense_pact"]


def test_case_5_12_dangerous_aggressors_are_faced_less_often():
    """Case 5.12: ... and less readily the stronger the aggressor, above all a nuclear-armed one."""
    s = _invoked(_attacked())
    base = _Mind(s, "cora", STYLE["realist"], Rng(1)).honour_chance(s.invocations[0])[0]
    strong = with_country(s, "brin", military=300)
    assert _Mind(strong, "cora", STYLE["realist"], Rng(1)).honour_chance(s.invocations[0])[0] < base


def test_case_5_13_partial_help_under_a_defense_pact():
    """Case 5.13: Under a defense pact an ally may honour a call with partial help (arms, supplies
    and intelligence, no troops): it keeps the treaty at half the cost (1% of its economy), gains 2
    reputation, stays out of the war, and adds a quarter of its fighting strength to the invoker's
    side. A classic alliance promised troops: there partial help is void."""
    s = _invoked(_attacked("defense_pact", war=True))
    res = play(s, AnswerInvocation("cora", invocation="i1", honour=True, help=AllyHelp.PARTIAL))
    inv = res.state.invocations[0]
    assert inv.honoured_by == ("cora",) and inv.partial_by == ("cora",)
    assert res.state.country("cora").reputation == 72
    assert abs(number(events(res, "AllianceHonoured")[0], "economy spent") - 4.0) < 1e-6
    assert "cora" not in res.state.wars[0].side_b
    after = res.state
    assert (
        abs(partial_help(after, ("alba",), ("brin",)) - 0.25 * fighting_strength(after, "cora"))
        < 1e-9
    )
    classic = _invoked(_attacked("alliance"))
    res = play(classic, AnswerInvocation("cora", invocation="i1", help=AllyHelp.PARTIAL))
    assert res.results[0].status == "void" and "promised troops" in res.results[0].reason


def test_case_5_14_restraining_an_ally():
    """Case 5.14: An ally may decline a call and restrain the invoker: it puts a non-aggression
    pact (a ceasefire, at war) to both sides as their guarantor, loses 4 relations with the
    invoker and gains 5 with the other side; for two turns the chance that a clash between them
    becomes a war is halved. Within the terms, restraining is still abandoning."""
    s = _invoked(_attacked(initiator="alba", target="brin"), within=False)
    res = play(s, AnswerInvocation("cora", invocation="i1", honour=False, help=AllyHelp.RESTRAIN))
    inv = res.state.invocations[0]
    assert inv.restrained_by == ("cora",) and inv.declined_by == ("cora",)
    (p,) = res.state.proposals
    assert p.mediated and p.proposer == "cora" and p.kind == "non_aggression"
    assert res.state.treaties[0].status == "active" and events(res, "AllyRestrained")
    assert war_chance(res.state, "alba", "brin")["ally's restraint factor"] == 0.5
    later = replace(res.state, turn=res.state.turn + 2)
    assert war_chance(later, "alba", "brin")["ally's restraint factor"] == 1.0
    within = play(
        _invoked(_attacked()),
        AnswerInvocation("cora", invocation="i1", honour=False, help=AllyHelp.RESTRAIN),
    )
    assert within.state.treaties[0].status == "broken"


def test_case_5_15_an_aggressors_call_is_outside_the_terms():
    """Case 5.15: A call from a member that started the fighting is outside a defensive treaty's
    terms: an ally that declines owes nothing and loses only 8 relations with the aggressor, not
    with its victim; an ally that answers it anyway joins an aggression and loses 5 reputation."""
    s = _invoked(_attacked(initiator="alba", target="brin"), within=False)
    declined = play(s, AnswerInvocation("cora", invocation="i1", honour=False))
    assert declined.state.relation("cora", "alba") == 42
    assert declined.state.relation("cora", "brin") == -20
    assert "started the fighting" in events(declined, "CallDeclined")[0].text
    joined = play(s, AnswerInvocation("cora", invocation="i1", honour=True))
    assert joined.state.country("cora").reputation == 65
    assert "joins an aggression" in events(joined, "AllianceHonoured")[0].text


def test_case_5_16_faithful_allies_refuse_an_aggressors_call():
    """Case 5.16: A computer ally that keeps to the letter of its treaties (its doctrine, a promise
    to keep them, a democracy's public) does not join an aggressor's war: asked outside the terms,
    it declines and restrains its ally."""
    s = _invoked(_attacked(initiator="alba", target="brin"), within=False)
    mind = _Mind(s, "cora", STYLE["institutionalist"], Rng(1))
    mind.give(AnswerInvocation("cora", invocation="i1", honour=True), "our ally calls")
    mind.refine_answers()
    (answer,) = [o for o in mind.decision.orders if isinstance(o, AnswerInvocation)]
    assert not answer.honour and answer.help == AllyHelp.RESTRAIN


def test_case_5_17_extended_deterrence():
    """Case 5.17: Extended deterrence: a target with a nuclear-armed ally bound to defend it
    borrows its deterrent: the chance that a clash with it becomes war is multiplied by
    1 - 0.5 x that ally's reliability (0.5 for a target that is itself nuclear-armed)."""
    alone = war_chance(start(), "brin", "alba")
    covered = replace(start(), treaties=(Treaty("t1", "alliance", ("alba", "cora"), 0),))
    factors = war_chance(covered, "brin", "alba")
    assert alone["nuclear deterrence factor"] == 1.0
    expected = 1 - 0.5 * reliability(covered, "cora", "alba")
    assert abs(factors["nuclear deterrence factor"] - expected) < 1e-12
    assert war_chance(start(), "brin", "cora")["nuclear deterrence factor"] == 0.5


def test_tutorial_first_turn_legal_orders_are_pinned():
    assert tutorial_first_turn_legal("alliances") == every_seat({})
