"""Bilateral and multilateral agreements: proposals, answers, signing and breaking treaties.

A proposal made in one turn is answered in the next; it is signed when every recipient accepts.
Ceasefires and peace agreements end the wars between their parties. A mediator's draft
settlement binds only the parties, with the mediator as its guarantor. Breaking a treaty costs
credibility with every state, since each one reads it as a sign of how binding its own deals are;
the more explicit the promise (a classic alliance), or the more it was witnessed (a mediated
settlement), the more it costs. Terms are checked every turn: force against a partner breaks the
treaties the two share (see military.py), cheating beyond an arms cap when detected breaks the
arms control treaty (arms_control.py), and abandoning an ally breaks the alliance (alliances.py).

What each kind of treaty does while in force:
- alliance, defense_pact: the members may invoke it when attacked (alliances.py).
- non_aggression, ceasefire, peace: force between the parties is a breach.
- basing: part of the guest's forces stand on the host's soil and fight for the host if it is
  attacked (a tripwire); the guest's interventions from the base are likelier to succeed.
- intelligence_sharing: truer estimates of others' forces, and covert action against a member is
  exposed more often; cheating on arms control by a member's rival is detected more often.
- joint_exercises: partners fight better side by side and are judged more reliable allies.
- arms_control: a cap on military capability, with verification (arms_control.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..draft import TurnDraft
from ..enums import ProposalStatus, TreatyKind
from ..moves import Answer, Family, Move, MoveHelp, Order, Phase, Step, TurnOrders
from ..scenario import TREATY_KINDS
from ..state import GameState, Proposal, Treaty, by_id
from .common import check_other_state, others

BREACH_REPUTATION_COST = 12.0
# explicit, automatic obligations cost more to break (Leeds 2003): a classic alliance binds every
# member to fight; a modern defense pact leaves each member to decide what help it gives
BREACH_COST_BY_KIND = {"alliance": 18.0, "defense_pact": 10.0, "ceasefire": 14.0, "peace": 14.0}
MEDIATED_BREACH_EXTRA = 4.0  # breaking a settlement a mediator guaranteed also offends the mediator
PROPOSAL_LIFETIME = 2  # turns an unanswered proposal stays open


# --- orders ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProposeAgreement(Order):
    to: tuple[str, ...] = ()
    treaty: TreatyKind = TreatyKind.NON_AGGRESSION
    cap: float | None = None
    verification: float | None = None
    note: str = ""

    def __post_init__(self) -> None:
        # terms are floats whoever builds the order (220 and 220.0 must resolve and hash alike)
        for name in ("cap", "verification"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, bool) and isinstance(value, int):
                object.__setattr__(self, name, float(value))


@dataclass(frozen=True, slots=True)
class AnswerProposal(Order):
    proposal: str = ""
    accept: bool = True


@dataclass(frozen=True, slots=True)
class BreakTreaty(Order):
    treaty: str = ""


def check_propose(state: GameState, o: ProposeAgreement) -> str | None:
    if o.treaty not in TREATY_KINDS:
        return f"unknown kind of agreement {o.treaty!r} (expected one of {', '.join(TREATY_KINDS)})"
    if not o.to:
        return "an agreement needs at least one other party"
    if len(set(o.to)) != len(o.to):
        return "a party is named twice"
    for target in o.to:
        if reason := check_other_state(state, o.actor, target):
            return reason
    if o.treaty == "arms_control":
        if o.cap is None or o.cap <= 0:
            return "an arms control proposal needs a cap above zero"
        if o.verification is None or not 0 <= o.verification <= 1:
            return "an arms control proposal needs a verification level between 0 and 1"
    if o.treaty in ("ceasefire", "peace") and not any(state.at_war(o.actor, t) for t in o.to):
        if not any(
            d.ended_turn is None
            and {d.initiator, d.target} & set(o.to)
            and o.actor in (d.initiator, d.target)
            for d in state.disputes
        ):
            return "a ceasefire or peace agreement is only for states in a dispute or war with you"
    parties = {o.actor, *o.to}
    for t in state.active_treaties(kind=o.treaty):
        if set(t.members) == parties:
            return f"this {o.treaty.replace('_', ' ')} is already in force ({t.id})"
    return None


def check_answer(state: GameState, o: AnswerProposal) -> str | None:
    p = by_id(state.proposals, o.proposal)
    if p is None or o.actor not in p.recipients:
        return "no proposal with that id is addressed to you"
    if p.status != "open" or o.actor in p.accepted_by:
        return "that proposal is no longer open"
    return None


def check_break(state: GameState, o: BreakTreaty) -> str | None:
    t = state.treaty(o.treaty)
    if t is None or o.actor not in t.members:
        return "you are not party to a treaty with that id"
    if t.status != "active":
        return "that treaty is no longer in force"
    return None


# the bilateral deals a seat may offer any other state; multilateral ones are built in the UI
OFFERED_KINDS = (
    "alliance",
    "defense_pact",
    "non_aggression",
    "basing",
    "intelligence_sharing",
    "joint_exercises",
)


# --- phases ------------------------------------------------------------------------------------


def settle_proposals(board: TurnDraft, orders: TurnOrders) -> None:
    for o in orders.of(AnswerProposal):
        p = board.find(board.proposals, o.proposal)
        if p.status != "open":
            continue
        if not o.accept:
            board.replace_in(board.proposals, p, status="rejected")
            board.emit(
                "ProposalRejected",
                f"{board.name(o.actor)} rejected {board.name(p.proposer)}'s proposal of a "
                f"{p.kind.replace('_', ' ')}.",
                (o.actor, p.proposer),
                visible_to=(p.proposer, *p.recipients),
            )
            continue
        p = board.replace_in(board.proposals, p, accepted_by=(*p.accepted_by, o.actor))
        if set(p.accepted_by) == set(p.recipients):
            board.replace_in(board.proposals, p, status="signed")
            sign_treaty(board, p)
    for p in list(board.proposals):
        if p.status == "open" and board.turn - p.turn >= PROPOSAL_LIFETIME:
            board.replace_in(board.proposals, p, status="expired")


def sign_treaty(board: TurnDraft, p: Proposal) -> None:
    members = p.recipients if p.mediated else (p.proposer, *p.recipients)
    mediator = p.proposer if p.mediated else None
    treaty = Treaty(
        board.new_id("t"),
        p.kind,
        members,
        board.turn,
        cap=p.cap,
        verification=p.verification,
        mediator=mediator,
    )
    board.treaties.append(treaty)
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            board.shift_relation(a, b, 10)
    names = ", ".join(board.name(m) for m in members)
    numbers = {"relations change between parties": 10}
    if mediator is not None:
        board.adjust(mediator, "reputation", 5)
        numbers["mediator reputation change"] = 5
        for m in list(board.mediations):
            if m.status == "active" and set(m.parties) == set(members):
                board.replace_in(board.mediations, m, status="ended")
    board.emit(
        "TreatySigned",
        f"{names} signed {'an' if p.kind[0] in 'aeiou' else 'a'} {p.kind.replace('_', ' ')} ({treaty.id})"
        + (f", brokered and guaranteed by {board.name(mediator)}." if mediator else "."),
        (*members, *((mediator,) if mediator else ())),
        numbers,
    )
    if p.kind in ("ceasefire", "peace"):
        from .military import end_hostilities  # the military module owns wars

        end_hostilities(board, members, p.kind)


def make_proposals(board: TurnDraft, orders: TurnOrders) -> None:
    for o in orders.of(ProposeAgreement):
        p = Proposal(
            board.new_id("p"),
            o.actor,
            o.to,
            o.treaty,
            board.turn,
            cap=o.cap,
            verification=o.verification,
            note=o.note,
        )
        board.proposals.append(p)
        terms = (
            f" (cap {o.cap:g}, verification {o.verification:.0%})"
            if o.treaty == "arms_control"
            else ""
        )
        board.emit(
            "AgreementProposed",
            f"{board.name(o.actor)} proposed a {o.treaty.replace('_', ' ')}{terms} to "
            f"{', '.join(board.name(t) for t in o.to)} (id {p.id}). {o.note}".strip(),
            (o.actor, *o.to),
            visible_to=(o.actor, *o.to),
        )


def break_treaties(board: TurnDraft, orders: TurnOrders) -> None:
    for o in orders.of(BreakTreaty):
        t = board.find(board.treaties, o.treaty)
        if t.status != "active":
            continue
        breach(board, t, o.actor, why="withdrew from")


def breach_cost(treaty: Treaty) -> float:
    """Reputation a state loses by breaking this treaty."""
    cost = BREACH_COST_BY_KIND.get(treaty.kind, BREACH_REPUTATION_COST)
    return cost + (MEDIATED_BREACH_EXTRA if treaty.mediator else 0.0)


def breach(board: TurnDraft, treaty: Treaty, culprit: str, why: str) -> None:
    """`culprit` breaks the treaty; every state marks down its credibility. A bilateral treaty
    ends; a multilateral one goes on among the others without the culprit."""
    cost = breach_cost(treaty)
    remaining = tuple(m for m in treaty.members if m != culprit)
    if len(remaining) >= 2:
        board.replace_in(
            board.treaties, treaty, members=remaining, withdrawn=(*treaty.withdrawn, culprit)
        )
    else:
        board.replace_in(board.treaties, treaty, status="broken", broken_by=culprit)
    board.adjust(culprit, "reputation", -cost)
    board.bump(culprit, "obligations_broken")
    for member in treaty.members:
        board.shift_relation(culprit, member, -20)
    board.shift_relations_with_all(culprit, -3)
    numbers = {
        "reputation change": -cost,
        "relations change with parties": -20,
        "relations change with all": -3,
    }
    if treaty.mediator and treaty.mediator != culprit:
        board.shift_relation(culprit, treaty.mediator, -15)
        numbers["relations change with the mediator"] = -15
    board.emit(
        "TreatyBroken",
        f"{board.name(culprit)} {why} the {treaty.kind.replace('_', ' ')} {treaty.id}; "
        "its word now counts for less with everyone.",
        (culprit, *treaty.members),
        numbers,
    )


# the bilateral deals a seat may offer any other state; multilateral ones are built in the UI
OFFERED_KINDS = (
    TreatyKind.ALLIANCE,
    TreatyKind.DEFENSE_PACT,
    TreatyKind.NON_AGGRESSION,
    TreatyKind.BASING,
    TreatyKind.INTELLIGENCE_SHARING,
    TreatyKind.JOINT_EXERCISES,
)


def propose_candidates(state: GameState, seat: str):
    for other in others(state, seat):
        for kind in OFFERED_KINDS:
            yield ProposeAgreement(seat, to=(other,), treaty=kind)
        yield ProposeAgreement(seat, to=(other,), treaty=TreatyKind.CEASEFIRE)
        yield ProposeAgreement(seat, to=(other,), treaty=TreatyKind.PEACE)
        me = state.country(seat).military
        yield ProposeAgreement(
            seat, to=(other,), treaty=TreatyKind.ARMS_CONTROL, cap=round(me * 1.1), verification=0.6
        )


def answer_candidates(state: GameState, seat: str):
    for p in state.proposals:
        if p.status == ProposalStatus.OPEN and seat in p.recipients and seat not in p.accepted_by:
            yield AnswerProposal(seat, proposal=p.id, accept=True)
            yield AnswerProposal(seat, proposal=p.id, accept=False)


def break_candidates(state: GameState, seat: str):
    for t in state.active_treaties(member=seat):
        yield BreakTreaty(seat, treaty=t.id)


ANSWERS = Step(Phase.PROPOSALS_ANSWERED, settle_proposals)
BREACHES = Step(Phase.TREATIES_BROKEN, break_treaties)
PROPOSALS = Step(Phase.PROPOSALS_MADE, make_proposals)

FAMILY = Family(
    "agreements",
    "Agreements and treaties",
    moves=(
        Move(
            ProposeAgreement,
            "Propose an agreement",
            check_propose,
            propose_candidates,
            PROPOSALS,
            MoveHelp(
                what="Propose a treaty to one or several states: an alliance or defense pact, non-aggression, basing, intelligence sharing, joint exercises, arms control, a ceasefire or peace (the form lists those possible now). They answer next turn; it is signed when all accept.",
                costs="One action. Nothing is lost if they refuse.",
                risks="Once signed, the terms bind you: breaking a treaty later costs reputation with every state. An arms control cap limits your build-ups.",
                when="Ceasefire and peace only with a state you are in a dispute or war with.",
            ),
            free_fields={
                "to": "states",
                "cap": "number",
                "verification": "fraction",
                "note": "text",
            },
            field_order=("treaty", "to", "cap", "verification", "note"),
        ),
        Move(
            AnswerProposal,
            "Answer a proposal",
            check_answer,
            answer_candidates,
            ANSWERS,
            MoveHelp(
                what="Accept or reject a formal proposal addressed to you.",
                costs="Free.",
                risks="Accepting binds you to the treaty's terms once every party has accepted.",
                when="Only when another state has sent you a proposal that is still open.",
            ),
            costs_action=False,
            answer=Answer("proposal", "accept", "Proposal"),
        ),
        Move(
            BreakTreaty,
            "Withdraw from a treaty",
            check_break,
            break_candidates,
            BREACHES,
            MoveHelp(
                what="Withdraw from a treaty you belong to.",
                costs="One action. Your reputation falls with every state, because each sees how little your word is worth.",
                risks="Broken obligations also count against your final score.",
                when="Only for treaties you are party to.",
            ),
        ),
    ),
    steps=(ANSWERS, BREACHES, PROPOSALS),
)
