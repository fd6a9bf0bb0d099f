"""Alliances and collective defense: invoking a treaty, and allies honouring it or not.

A member under attack may invoke its alliance or defense pact against the attacker. Whether the
call falls within the treaty's terms (casus foederis) decides what declining costs: abandoning an
ally inside the terms breaks the treaty and costs credibility with every state; declining a call
outside the terms costs only that ally's goodwill. Allies answer in the turn after the call;
silence counts as declining.

The two kinds differ in how explicit the promise is. A classic `alliance` (the 1816-1944 model:
an attack on one is an attack on all, with joint war plans) is cheap to honour, since forces and
plans are ready, and expensive to abandon. A modern `defense_pact` leaves each member to decide
what help it gives, so honouring means mobilizing from scratch, and abandoning it, though still a
breach, costs less credibility. An ally that honours a call fights at the invoker's side if the
clash becomes a war; one that abandons an ally is judged less reliable by everyone afterwards,
which weakens the deterrent value of all its other treaties (see power.py).

Answers go beyond yes and no. Under a defense pact, whose members decide what help they give
(NATO Art. 5: "such action as it deems necessary"), an ally may give partial help: arms,
supplies and intelligence, no troops; it keeps the treaty at half the cost, stays out of the war,
and adds a share of its strength to the invoker's. A classic alliance promised troops, so there
partial help is no answer. An ally may also decline and restrain the invoker (Pressman 2008,
"Warring Friends"): it puts a ceasefire or non-aggression pact to both sides as a mediator would,
and while the restraint stands the clash is less likely to become a war.

A call from a member that started the fighting falls outside a defensive treaty's terms: its
allies owe it nothing, and declining costs only the invoker's goodwill. An ally that answers such
a call anyway is not defending anyone: it joins an aggression, and pays for it in reputation.

The honour costs are tuned, with the breach costs (agreements.py), so that computer allies honour
about 75% of classic alliances (Leeds, Long & Mitchell 2000) and 40% of defense pacts (Berkemeier
& Fuhrmann 2018): rows alliance_honoured and pact_honoured of `wargame calibrate`. The other
figures were set by hand (tuned) and move no row directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..draft import TurnDraft
from ..enums import (
    DEFENSIVE_KINDS,
    AllyHelp,
    CasusFoederis,
    ProposalStatus,
    Rung,
    Stat,
    TreatyKind,
    TreatyStatus,
)
from ..moves import Answer, Family, Move, MoveHelp, Order, Phase, Step, TurnOrders
from ..state import GameState, Invocation, Proposal, Readings, by_id
from .agreements import breach
from .war import join_war, settlement_kind

# share of the economy an ally spends answering the call: a classic alliance has its forces and
# plans ready, a defense pact's members mobilize from scratch (tuned; pact_honoured, and
# alliance_honoured)
HONOUR_COST = {TreatyKind.ALLIANCE: 0.01, TreatyKind.DEFENSE_PACT: 0.02}
HONOUR_REPUTATION = 4.0  # the ally keeps its word (tuned)
HONOUR_AGGRESSOR_RELATIONS = -15.0  # (tuned)
HONOUR_INVOKER_RELATIONS = 10.0  # (tuned)
HONOUR_TENSION = 3.0  # (tuned)
ABANDON_RELATIONS = -30.0  # with the invoker, besides the breach (tuned)
DECLINE_RELATIONS = -8.0  # with the invoker, for a call outside the terms (tuned)
PARTIAL_COST_SHARE = 0.5  # partial help costs this share of full help (tuned)
PARTIAL_REPUTATION = 2.0  # (tuned)
AGGRESSION_REPUTATION = -5.0  # an ally that joins its ally's attack, outside the terms: the
# same as force without a mandate (tuned, with military.UNAUTHORIZED_FORCE_REPUTATION)
RESTRAIN_INVOKER_RELATIONS = -4.0  # an ally reining you in (tuned)
RESTRAIN_ENEMY_RELATIONS = 5.0  # the other side welcomes it (tuned)
RESTRAINT_TURNS = 2  # a restraint holds the invoker back this many turns after the call (tuned)


class AllianceEvent(StrEnum):
    INVOKED = "AllianceInvoked"
    HONOURED = "AllianceHonoured"
    ALLY_ABANDONED = "AllyAbandoned"
    CALL_DECLINED = "CallDeclined"
    ALLY_RESTRAINED = "AllyRestrained"


def attacked_by(state: Readings, victim: str, aggressor: str) -> tuple[bool, bool]:
    """(has aggressor used force against victim, was victim the defender)."""
    for w in state.active_wars():
        if victim in w.side_b and aggressor in w.side_a:
            return True, True
        if victim in w.side_a and aggressor in w.side_b:
            return True, False
    for d in state.live("disputes"):
        if (
            d.ended_turn is None
            and d.rung >= Rung.LIMITED_FORCE
            and {d.initiator, d.target} == {victim, aggressor}
        ):
            return True, d.target == victim
    return False, False


# --- invoking an alliance ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InvokeAlliance(Order):
    treaty: str = ""
    against: str = ""


def check_invoke(state: GameState, o: InvokeAlliance) -> str | None:
    t = state.treaty(o.treaty)
    if t is None or o.actor not in t.members or t.kind not in DEFENSIVE_KINDS:
        return "you are not party to an alliance or defense pact with that id"
    if t.status != TreatyStatus.ACTIVE:
        return "that treaty is no longer in force"
    if o.against in t.members:
        return "you cannot invoke a treaty against one of its own members"
    if o.against not in state.ids:
        return f"there is no state {o.against!r} in this scenario"
    used_force, _ = attacked_by(state, o.actor, o.against)
    if not used_force:
        return (
            "that state has not used force against you; there is nothing to invoke the treaty for"
        )
    if any(
        i.treaty_id == t.id and i.invoker == o.actor and i.against == o.against and not i.closed
        for i in state.invocations
    ):
        return "you have already invoked this treaty against that state"
    return None


def invoke_candidates(state: GameState, seat: str):
    for t in state.active_treaties(member=seat, kind=DEFENSIVE_KINDS):
        for other in state.ids:
            if other not in t.members and attacked_by(state, seat, other)[0]:
                yield InvokeAlliance(seat, treaty=t.id, against=other)


def invoke(draft: TurnDraft, o: InvokeAlliance) -> None:
    """The call goes to every other member; it is within the terms when the invoker was attacked
    (or the treaty covers any war). Allies answer next turn."""
    t = draft.treaties.find(o.treaty)
    _, defending = attacked_by(draft.previous, o.actor, o.against)
    within = defending or t.casus_foederis == CasusFoederis.ANY
    allies = tuple(m for m in t.members if m != o.actor)
    inv = Invocation(draft.new_id("i"), t.id, o.actor, o.against, draft.turn, allies, within)
    draft.invocations.append(inv)
    draft.emit(
        AllianceEvent.INVOKED,
        f"{draft.name(o.actor)} invoked the {TreatyKind(t.kind).words} against "
        f"{draft.name(o.against)} and called on {draft.names(allies)} "
        f"({'within' if within else 'outside'} the treaty's terms).",
        (o.actor, o.against, *allies),
        {"within the casus foederis": float(within)},
    )


# --- answering a call --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AnswerInvocation(Order):
    invocation: str = ""
    honour: bool = True
    # honouring: full help (troops) or, under a defense pact, partial help (arms and supplies);
    # declining: plainly, or restraining the invoker
    help: AllyHelp = AllyHelp.FULL


def check_answer(state: GameState, o: AnswerInvocation) -> str | None:
    inv = by_id(state.invocations, o.invocation)
    if inv is None or o.actor not in inv.allies:
        return "no call for help with that id is addressed to you"
    if inv.closed or o.actor in inv.honoured_by or o.actor in inv.declined_by:
        return "you have already answered that call"
    if o.help not in tuple(AllyHelp):
        return f"help is one of {', '.join(tuple(AllyHelp))}"
    if o.help == AllyHelp.PARTIAL:
        if not o.honour:
            return "partial help is a way of honouring the call (honour: true)"
        treaty = state.treaty(inv.treaty_id)
        if treaty is None or treaty.kind != TreatyKind.DEFENSE_PACT:
            return "a classic alliance promised troops: honour it in full or decline"
    if o.help == AllyHelp.RESTRAIN and o.honour:
        return "restraining the invoker is a way of declining the call (honour: false)"
    return None


def answer_candidates(state: GameState, seat: str):
    for inv in state.invocations:
        if not inv.closed and seat in inv.allies and seat not in inv.honoured_by + inv.declined_by:
            yield AnswerInvocation(seat, invocation=inv.id, honour=True)
            yield AnswerInvocation(seat, invocation=inv.id, honour=True, help=AllyHelp.PARTIAL)
            yield AnswerInvocation(seat, invocation=inv.id, honour=False)
            yield AnswerInvocation(seat, invocation=inv.id, honour=False, help=AllyHelp.RESTRAIN)


def settle_answers(draft: TurnDraft, orders: TurnOrders) -> None:
    """Every call made before this turn is answered by each of its allies and closed; an ally
    that gave no answer has declined (silence)."""
    answers = {(o.invocation, o.actor): o for o in orders.of(AnswerInvocation)}
    for inv in list(draft.invocations):
        if inv.closed or inv.turn >= draft.turn:
            continue
        for ally in inv.allies:
            if ally in inv.honoured_by or ally in inv.declined_by:
                continue
            answer = answers.get((inv.id, ally))
            if answer is not None and answer.honour:
                inv = _honour(draft, inv, ally, partial=answer.help == AllyHelp.PARTIAL)
            else:
                inv = _decline(draft, inv, ally, silent=answer is None)
                if answer is not None and answer.help == AllyHelp.RESTRAIN:
                    inv = _restrain(draft, inv, ally)
        draft.invocations.replace(inv, closed=True)


def _honour(draft: TurnDraft, inv: Invocation, ally: str, partial: bool = False) -> Invocation:
    """Full help: the ally fights at the invoker's side (now, or if the clash becomes a war).
    Partial help: arms and supplies, no troops. Outside the terms, either joins an aggression."""
    treaty = draft.treaties.find(inv.treaty_id)
    kind = treaty.kind if treaty is not None else TreatyKind.ALLIANCE
    inv = draft.invocations.replace(
        inv,
        honoured_by=(*inv.honoured_by, ally),
        partial_by=(*inv.partial_by, ally) if partial else inv.partial_by,
    )
    country = draft.country(ally)
    share = PARTIAL_COST_SHARE if partial else 1.0
    spent = country.scale(Stat.ECONOMY, 1 - HONOUR_COST[kind] * share)
    relations = draft.shift_relation(ally, inv.against, HONOUR_AGGRESSOR_RELATIONS * share)
    draft.shift_relation(ally, inv.invoker, HONOUR_INVOKER_RELATIONS * share)
    if inv.within_terms:
        gained = PARTIAL_REPUTATION if partial else HONOUR_REPUTATION
    else:
        gained = AGGRESSION_REPUTATION
    reputation = country.shift(Stat.REPUTATION, gained)
    draft.shift_tension(HONOUR_TENSION * share, among=(ally, inv.invoker, inv.against))
    war = draft.war_between(inv.invoker, inv.against)
    invoker, enemy = draft.name(inv.invoker), draft.name(inv.against)
    if partial:
        text = (
            f"{draft.name(ally)} answered {invoker}'s call with arms, supplies and intelligence, "
            "but no troops, as its defense pact allows."
        )
    elif not inv.within_terms:
        text = (
            f"{draft.name(ally)} sided with {invoker} against {enemy}, although {invoker} "
            "started the fighting and the treaty does not require it: it joins an aggression"
            + (" and entered the war." if war else " and will fight if the clash becomes a war.")
        )
    else:
        promise = (
            " and entered the war"
            if war
            else " and moved forces to its defence: it will fight if the clash becomes a war"
        )
        text = f"{draft.name(ally)} honoured its commitment to {invoker}{promise}."
    draft.emit(
        AllianceEvent.HONOURED,
        text,
        (ally, inv.invoker, inv.against),
        {
            "reputation change": reputation,
            "economy spent": -spent,
            f"relations change with {enemy}": relations,
            "within the treaty's terms": float(inv.within_terms),
            "partial help": float(partial),
        },
    )
    if not partial and war is not None and ally not in war.side_a + war.side_b:
        join_war(draft, war, ally, inv.invoker)
        draft.reach(Rung.WAR)
    return inv


def _restrain(draft: TurnDraft, inv: Invocation, ally: str) -> Invocation:
    """The ally reins the invoker in: it puts a settlement to both sides, as a mediator would
    (a ceasefire at war, else a non-aggression pact), unless one is already on the table."""
    inv = draft.invocations.replace(inv, restrained_by=(*inv.restrained_by, ally))
    invoker_relations = draft.shift_relation(ally, inv.invoker, RESTRAIN_INVOKER_RELATIONS)
    enemy_relations = draft.shift_relation(ally, inv.against, RESTRAIN_ENEMY_RELATIONS)
    kind = settlement_kind(draft, inv.invoker, inv.against)
    pair = {inv.invoker, inv.against}
    offered = None
    if kind is not None and not any(
        p.status == ProposalStatus.OPEN and p.mediated and set(p.recipients) == pair
        for p in draft.proposals
    ):
        offered = Proposal(
            draft.new_id("p"),
            ally,
            (inv.invoker, inv.against),
            kind,
            draft.turn,
            mediated=True,
            note=f"Draft settlement from {draft.name(ally)}, restraining its ally.",
        )
        draft.proposals.append(offered)
    draft.emit(
        AllianceEvent.ALLY_RESTRAINED,
        f"{draft.name(ally)} told {draft.name(inv.invoker)} to hold back against "
        f"{draft.name(inv.against)}"
        + (f" and put a draft {kind.words} to both." if offered else ".")
        + " While the restraint holds, the clash is less likely to become a war.",
        (ally, inv.invoker, inv.against),
        {
            "relations change with the invoker": invoker_relations,
            "relations change with the other side": enemy_relations,
        },
    )
    return inv


def restrained(x: Readings, a: str, b: str, turn: int) -> bool:
    """Has an ally of either side restrained it against the other within RESTRAINT_TURNS?"""
    return any(
        inv.restrained_by
        and {inv.invoker, inv.against} == {a, b}
        and turn - inv.turn <= RESTRAINT_TURNS
        for inv in x.invocations
    )


def _decline(draft: TurnDraft, inv: Invocation, ally: str, silent: bool) -> Invocation:
    """Declining within the terms abandons the ally (a breach); outside them it costs goodwill."""
    treaty = draft.treaties.find(inv.treaty_id)
    inv = draft.invocations.replace(inv, declined_by=(*inv.declined_by, ally))
    how = "ignored" if silent else "declined"
    if inv.within_terms and treaty is not None and treaty.status == TreatyStatus.ACTIVE:
        relations = draft.shift_relation(ally, inv.invoker, ABANDON_RELATIONS)
        breach(draft, treaty, ally, why=f"{how} the call to defend {draft.name(inv.invoker)} under")
        # the breach's own event (just before) gives what it costs in reputation, once
        draft.emit(
            AllianceEvent.ALLY_ABANDONED,
            f"{draft.name(ally)} {how} {draft.name(inv.invoker)}'s call for help, abandoning an "
            "ally: beyond the breach of the treaty, the ally it failed resents it most.",
            (ally, inv.invoker),
            {"relations change with ally": relations},
        )
    else:
        relations = draft.shift_relation(ally, inv.invoker, DECLINE_RELATIONS)
        draft.emit(
            AllianceEvent.CALL_DECLINED,
            f"{draft.name(ally)} {how} {draft.name(inv.invoker)}'s call: {draft.name(inv.invoker)} "
            "started the fighting, and the treaty covers only its defence.",
            (ally, inv.invoker),
            {"relations change with ally": relations},
        )
    return inv


# answers to earlier calls first, then this turn's calls
ANSWERS = Step(Phase.ALLIANCES, settle_answers)
CALLS = Step(Phase.ALLIANCES)  # each order in turn, by its move's `apply`

FAMILY = Family(
    "alliances",
    "Alliances",
    events=AllianceEvent,
    moves=(
        Move(
            InvokeAlliance,
            "Invoke an alliance",
            check_invoke,
            invoke_candidates,
            CALLS,
            MoveHelp(
                what="Call on your allies to defend you against a state that used force "
                "against you.",
                costs="One action.",
                risks="Allies choose whether to honour the call. Within the treaty's terms (you "
                "were attacked) abandoning you costs them dearly; outside the terms they can "
                "decline cheaply.",
                when="Only after a state has used force against you, and if you have an "
                "alliance or defense pact.",
            ),
            apply=invoke,
        ),
        Move(
            AnswerInvocation,
            "Answer an ally's call",
            check_answer,
            answer_candidates,
            ANSWERS,
            MoveHelp(
                what="Answer an ally's call for help: honour it in full (troops), with partial "
                "help (arms and supplies, under a defense pact only), decline, or decline and "
                "restrain your ally (you put a settlement to both sides).",
                costs="Free. Honouring costs some economy (partial help half), sours your "
                "relations with the other side and, in full, may draw you into the war.",
                risks="Declining a call within the treaty's terms (restraining included) is a "
                "broken obligation: reputation with every state falls and the alliance ends. "
                "A call from an ally that started the fight is outside the terms: declining costs "
                "only its goodwill, and joining it is aggression. Silence counts as declining.",
                when="Only when an ally has invoked a treaty with you.",
            ),
            costs_action=False,
            answer=Answer("invocation", "honour", "Call for help"),
        ),
    ),
    steps=(ANSWERS, CALLS),
)
