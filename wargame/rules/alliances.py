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

The honour costs are tuned, with the breach costs (agreements.py), so that computer allies honour
about 75% of classic alliances (Leeds, Long & Mitchell 2000) and 40% of defense pacts (Berkemeier
& Fuhrmann 2018): rows alliance_honoured and pact_honoured of `wargame calibrate`. The other
figures were set by hand (tuned) and move no row directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..draft import TurnDraft
from ..enums import DEFENSIVE_KINDS, CasusFoederis, Rung, Stat, TreatyKind, TreatyStatus
from ..moves import Answer, Family, Move, MoveHelp, Order, Phase, Step, TurnOrders
from ..state import GameState, Invocation, Readings, by_id
from .agreements import breach, breach_cost
from .war import join_war

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


class AllianceEvent(StrEnum):
    INVOKED = "AllianceInvoked"
    HONOURED = "AllianceHonoured"
    ALLY_ABANDONED = "AllyAbandoned"
    CALL_DECLINED = "CallDeclined"


def attacked_by(state: Readings, victim: str, aggressor: str) -> tuple[bool, bool]:
    """(has aggressor used force against victim, was victim the defender)."""
    for w in state.active_wars():
        if victim in w.side_b and aggressor in w.side_a:
            return True, True
        if victim in w.side_a and aggressor in w.side_b:
            return True, False
    for d in state.disputes:
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
        f"{draft.name(o.actor)} invoked the {TreatyKind(t.kind).words} {t.id} against "
        f"{draft.name(o.against)} and called on {', '.join(draft.name(a) for a in allies)} "
        f"({'within' if within else 'outside'} the treaty's terms; id {inv.id}).",
        (o.actor, o.against, *allies),
        {"within the casus foederis": float(within)},
    )


# --- answering a call --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AnswerInvocation(Order):
    invocation: str = ""
    honour: bool = True


def check_answer(state: GameState, o: AnswerInvocation) -> str | None:
    inv = by_id(state.invocations, o.invocation)
    if inv is None or o.actor not in inv.allies:
        return "no call for help with that id is addressed to you"
    if inv.closed or o.actor in inv.honoured_by or o.actor in inv.declined_by:
        return "you have already answered that call"
    return None


def answer_candidates(state: GameState, seat: str):
    for inv in state.invocations:
        if not inv.closed and seat in inv.allies and seat not in inv.honoured_by + inv.declined_by:
            yield AnswerInvocation(seat, invocation=inv.id, honour=True)
            yield AnswerInvocation(seat, invocation=inv.id, honour=False)


def settle_answers(draft: TurnDraft, orders: TurnOrders) -> None:
    """Every call made before this turn is answered by each of its allies and closed; an ally
    that gave no answer has declined (silence)."""
    answers = {(o.invocation, o.actor): o.honour for o in orders.of(AnswerInvocation)}
    for inv in list(draft.invocations):
        if inv.closed or inv.turn >= draft.turn:
            continue
        for ally in inv.allies:
            if ally in inv.honoured_by or ally in inv.declined_by:
                continue
            honour = answers.get((inv.id, ally), False)
            if honour:
                inv = _honour(draft, inv, ally)
            else:
                inv = _decline(draft, inv, ally, silent=(inv.id, ally) not in answers)
        draft.invocations.replace(inv, closed=True)


def _honour(draft: TurnDraft, inv: Invocation, ally: str) -> Invocation:
    treaty = draft.treaties.find(inv.treaty_id)
    kind = treaty.kind if treaty is not None else TreatyKind.ALLIANCE
    inv = draft.invocations.replace(inv, honoured_by=(*inv.honoured_by, ally))
    country = draft.country(ally)
    spent = country.scale(Stat.ECONOMY, 1 - HONOUR_COST[kind])
    relations = draft.shift_relation(ally, inv.against, HONOUR_AGGRESSOR_RELATIONS)
    draft.shift_relation(ally, inv.invoker, HONOUR_INVOKER_RELATIONS)
    reputation = country.shift(Stat.REPUTATION, HONOUR_REPUTATION)
    draft.tension += HONOUR_TENSION
    war = draft.war_between(inv.invoker, inv.against)
    promise = (
        " and entered the war"
        if war
        else " and moved forces to its defence: it will fight if the clash becomes a war"
    )
    draft.emit(
        AllianceEvent.HONOURED,
        f"{draft.name(ally)} honoured its commitment to {draft.name(inv.invoker)}{promise}.",
        (ally, inv.invoker, inv.against),
        {
            "reputation change": reputation,
            "economy spent": -spent,
            "relations change with the aggressor": relations,
        },
    )
    if war is not None and ally not in war.side_a + war.side_b:
        join_war(draft, war, ally, inv.invoker)
        draft.reach(Rung.WAR)
    return inv


def _decline(draft: TurnDraft, inv: Invocation, ally: str, silent: bool) -> Invocation:
    """Declining within the terms abandons the ally (a breach); outside them it costs goodwill."""
    treaty = draft.treaties.find(inv.treaty_id)
    inv = draft.invocations.replace(inv, declined_by=(*inv.declined_by, ally))
    how = "ignored" if silent else "declined"
    if inv.within_terms and treaty is not None and treaty.status == TreatyStatus.ACTIVE:
        relations = draft.shift_relation(ally, inv.invoker, ABANDON_RELATIONS)
        cost = breach_cost(treaty)
        breach(draft, treaty, ally, why=f"{how} the call to defend {draft.name(inv.invoker)} under")
        draft.emit(
            AllianceEvent.ALLY_ABANDONED,
            f"{draft.name(ally)} {how} {draft.name(inv.invoker)}'s call for help, abandoning an "
            "ally: every state now counts less on its promises.",
            (ally, inv.invoker),
            {"relations change with ally": relations, "reputation change": -cost},
        )
    else:
        relations = draft.shift_relation(ally, inv.invoker, DECLINE_RELATIONS)
        draft.emit(
            AllianceEvent.CALL_DECLINED,
            f"{draft.name(ally)} {how} {draft.name(inv.invoker)}'s call, which fell outside the "
            "treaty's terms.",
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
                what="Answer an ally's call for help: honour the commitment or decline.",
                costs="Free. Honouring costs some economy, sours your relations with the "
                "attacker and may draw you into the war.",
                risks="Declining a call within the treaty's terms is a broken obligation: "
                "reputation with every state falls and the alliance ends. Silence counts as "
                "declining.",
                when="Only when an ally has invoked a treaty with you.",
            ),
            costs_action=False,
            answer=Answer("invocation", "honour", "Call for help"),
        ),
    ),
    steps=(ANSWERS, CALLS),
)
