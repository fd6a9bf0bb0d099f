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
"""

from __future__ import annotations

from dataclasses import dataclass

from ..draft import TurnDraft
from ..enums import DEFENSIVE_KINDS, Rung
from ..moves import Answer, Family, Move, MoveHelp, Order, Phase, Step, TurnOrders
from ..state import GameState, Invocation, by_id
from .agreements import breach, breach_cost
from .military import join_war

HONOUR_COST = {
    "alliance": 0.01,
    "defense_pact": 0.02,
}  # share of the economy spent answering the call


# --- orders ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InvokeAlliance(Order):
    treaty: str = ""
    against: str = ""


@dataclass(frozen=True, slots=True)
class AnswerInvocation(Order):
    invocation: str = ""
    honour: bool = True


def attacked_by(state: GameState, victim: str, aggressor: str) -> tuple[bool, bool]:
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


def check_invoke(state: GameState, o: InvokeAlliance) -> str | None:
    t = state.treaty(o.treaty)
    if t is None or o.actor not in t.members or t.kind not in DEFENSIVE_KINDS:
        return "you are not party to an alliance or defense pact with that id"
    if t.status != "active":
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


def check_answer(state: GameState, o: AnswerInvocation) -> str | None:
    inv = by_id(state.invocations, o.invocation)
    if inv is None or o.actor not in inv.allies:
        return "no call for help with that id is addressed to you"
    if inv.closed or o.actor in inv.honoured_by or o.actor in inv.declined_by:
        return "you have already answered that call"
    return None


# --- phases ------------------------------------------------------------------------------------


def settle_invocations(board: TurnDraft, orders: TurnOrders) -> None:
    """Answers to earlier calls (silence declines once the turn to answer has passed); new calls."""
    answers = {(o.invocation, o.actor): o.honour for o in orders.of(AnswerInvocation)}
    for inv in list(board.invocations):
        if inv.closed or inv.turn >= board.turn:
            continue
        for ally in inv.allies:
            if ally in inv.honoured_by or ally in inv.declined_by:
                continue
            honour = answers.get((inv.id, ally), False)
            inv = _answer(board, inv, ally, honour, silent=(inv.id, ally) not in answers)
        board.replace_in(board.invocations, inv, closed=True)
    for o in orders.of(InvokeAlliance):
        t = board.find(board.treaties, o.treaty)
        _, defending = attacked_by(board.previous, o.actor, o.against)
        within = defending or t.casus_foederis == "any"
        allies = tuple(m for m in t.members if m != o.actor)
        inv = Invocation(board.new_id("i"), t.id, o.actor, o.against, board.turn, allies, within)
        board.invocations.append(inv)
        board.emit(
            "AllianceInvoked",
            f"{board.name(o.actor)} invoked the {t.kind.replace('_', ' ')} {t.id} against "
            f"{board.name(o.against)} and called on {', '.join(board.name(a) for a in allies)} "
            f"({'within' if within else 'outside'} the treaty's terms; id {inv.id}).",
            (o.actor, o.against, *allies),
            {"within the casus foederis": float(within)},
        )


def _answer(board: TurnDraft, inv: Invocation, ally: str, honour: bool, silent: bool) -> Invocation:
    treaty = board.find(board.treaties, inv.treaty_id)
    kind = treaty.kind if treaty is not None else "alliance"
    if honour:
        inv = board.replace_in(board.invocations, inv, honoured_by=(*inv.honoured_by, ally))
        spent = board.scale(ally, "economy", 1 - HONOUR_COST.get(kind, 0.02))
        board.shift_relation(ally, inv.against, -15)
        board.shift_relation(ally, inv.invoker, 10)
        board.adjust(ally, "reputation", 4)
        board.tension = min(100.0, board.tension + 3)
        war = board.war_between(inv.invoker, inv.against)
        board.emit(
            "AllianceHonoured",
            f"{board.name(ally)} honoured its commitment to {board.name(inv.invoker)}"
            f"{' and entered the war' if war else ' and moved forces to its defence: it will fight if the clash becomes a war'}.",
            (ally, inv.invoker, inv.against),
            {
                "reputation change": 4,
                "economy spent": -spent,
                "relations change with the aggressor": -15,
            },
        )
        if war is not None and ally not in war.side_a + war.side_b:
            join_war(board, war, ally, inv.invoker)
            board.reach(Rung.WAR)
        return inv
    inv = board.replace_in(board.invocations, inv, declined_by=(*inv.declined_by, ally))
    how = "ignored" if silent else "declined"
    if inv.within_terms and treaty is not None and treaty.status == "active":
        board.shift_relation(ally, inv.invoker, -30)
        cost = breach_cost(treaty)
        breach(board, treaty, ally, why=f"{how} the call to defend {board.name(inv.invoker)} under")
        board.emit(
            "AllyAbandoned",
            f"{board.name(ally)} {how} {board.name(inv.invoker)}'s call for help, abandoning an ally: "
            "every state now counts less on its promises.",
            (ally, inv.invoker),
            {"relations change with ally": -30, "reputation change": -cost},
        )
    else:
        board.shift_relation(ally, inv.invoker, -8)
        board.emit(
            "CallDeclined",
            f"{board.name(ally)} {how} {board.name(inv.invoker)}'s call, which fell outside the treaty's terms.",
            (ally, inv.invoker),
            {"relations change with ally": -8},
        )
    return inv


def invoke_candidates(state: GameState, seat: str):
    for t in state.active_treaties(member=seat, kind=DEFENSIVE_KINDS):
        for other in state.ids:
            if other not in t.members and attacked_by(state, seat, other)[0]:
                yield InvokeAlliance(seat, treaty=t.id, against=other)


def answer_candidates(state: GameState, seat: str):
    for inv in state.invocations:
        if not inv.closed and seat in inv.allies and seat not in inv.honoured_by + inv.declined_by:
            yield AnswerInvocation(seat, invocation=inv.id, honour=True)
            yield AnswerInvocation(seat, invocation=inv.id, honour=False)


ALLIANCES = Step(Phase.ALLIANCES, settle_invocations)

FAMILY = Family(
    "alliances",
    "Alliances",
    moves=(
        Move(
            InvokeAlliance,
            "Invoke an alliance",
            check_invoke,
            invoke_candidates,
            ALLIANCES,
            MoveHelp(
                what="Call on your allies to defend you against a state that used force against you.",
                costs="One action.",
                risks="Allies choose whether to honour the call. Within the treaty's terms (you were attacked) abandoning you costs them dearly; outside the terms they can decline cheaply.",
                when="Only after a state has used force against you, and if you have an alliance or defense pact.",
            ),
        ),
        Move(
            AnswerInvocation,
            "Answer an ally's call",
            check_answer,
            answer_candidates,
            ALLIANCES,
            MoveHelp(
                what="Answer an ally's call for help: honour the commitment or decline.",
                costs="Free. Honouring costs some economy, sours your relations with the attacker and may draw you into the war.",
                risks="Declining a call within the treaty's terms is a broken obligation: reputation with every state falls and the alliance ends. Silence counts as declining.",
                when="Only when an ally has invoked a treaty with you.",
            ),
            costs_action=False,
            answer=Answer("invocation", "honour", "Call for help"),
        ),
    ),
    steps=(ALLIANCES,),
)
