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

Every figure below was set by hand (tuned) except where a study is named. The breach costs move
the alliance rows of `wargame calibrate`: a computer ally weighs what abandoning its ally would
cost (ai/answers.py); the other figures move no row directly.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from ..draft import TurnDraft
from ..enums import (
    SETTLEMENT_KINDS,
    MediationStatus,
    ProposalStatus,
    Stat,
    TreatyKind,
    TreatyStatus,
    WarEnd,
)
from ..moves import Answer, Family, Move, MoveHelp, Order, Phase, Step, TurnOrders
from ..scenario import TREATY_KINDS
from ..state import GameState, Proposal, Treaty, by_id
from .common import check_other_state, others
from .war import end_hostilities

PROPOSAL_LIFETIME = 2  # turns an unanswered proposal stays open (tuned)
SIGNING_RELATIONS = 10.0  # relations gained between every two parties on signing (tuned)
GUARANTOR_REPUTATION = 5.0  # a mediator's reputation gained when its settlement is signed (tuned)
# reputation lost by breaking a treaty: explicit, automatic obligations cost more to break (Leeds
# 2003): a classic alliance binds every member to fight; a modern defense pact leaves each member
# to decide what help it gives (values tuned): alliance_honoured, pact_honoured
BREACH_REPUTATION_COST = 12.0  # any other kind
BREACH_COST_BY_KIND = {
    TreatyKind.ALLIANCE: 18.0,
    TreatyKind.DEFENSE_PACT: 10.0,
    TreatyKind.CEASEFIRE: 14.0,
    TreatyKind.PEACE: 14.0,
}
MEDIATED_BREACH_EXTRA = 4.0  # breaking a settlement a mediator guaranteed also offends the mediator
BREACH_PARTY_RELATIONS = 20.0  # relations the culprit loses with each other party (tuned)
BREACH_WORLD_RELATIONS = 3.0  # relations it loses with every state (tuned)
BREACH_GUARANTOR_RELATIONS = 15.0  # relations it loses with a settlement's guarantor (tuned)
# the arms control deal listed among a seat's legal moves: a cap 10% above its own forces, with
# this verification (players and the computer set their own terms)
OFFERED_CAP_MARGIN = 1.1
OFFERED_VERIFICATION = 0.6

# the bilateral deals a seat may offer any other state; multilateral ones are built in the UI
OFFERED_KINDS = (
    TreatyKind.ALLIANCE,
    TreatyKind.DEFENSE_PACT,
    TreatyKind.NON_AGGRESSION,
    TreatyKind.BASING,
    TreatyKind.INTELLIGENCE_SHARING,
    TreatyKind.JOINT_EXERCISES,
)


class AgreementsEvent(StrEnum):
    PROPOSED = "AgreementProposed"
    REJECTED = "ProposalRejected"
    SIGNED = "TreatySigned"
    BROKEN = "TreatyBroken"


# --- proposals ---------------------------------------------------------------------------------


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
    if o.treaty == TreatyKind.ARMS_CONTROL:
        if o.cap is None or o.cap <= 0:
            return "an arms control proposal needs a cap above zero"
        if o.verification is None or not 0 <= o.verification <= 1:
            return "an arms control proposal needs a verification level between 0 and 1"
    if o.treaty in SETTLEMENT_KINDS and not any(state.at_war(o.actor, t) for t in o.to):
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
            return f"this {TreatyKind(o.treaty).words} is already in force ({t.id})"
    return None


def propose_candidates(state: GameState, seat: str) -> Iterator[ProposeAgreement]:
    for other in others(state, seat):
        for kind in OFFERED_KINDS:
            yield ProposeAgreement(seat, to=(other,), treaty=kind)
        yield ProposeAgreement(seat, to=(other,), treaty=TreatyKind.CEASEFIRE)
        yield ProposeAgreement(seat, to=(other,), treaty=TreatyKind.PEACE)
        cap = round(state.country(seat).military * OFFERED_CAP_MARGIN)
        yield ProposeAgreement(
            seat,
            to=(other,),
            treaty=TreatyKind.ARMS_CONTROL,
            cap=cap,
            verification=OFFERED_VERIFICATION,
        )


def make_proposal(draft: TurnDraft, o: ProposeAgreement) -> None:
    kind = TreatyKind(o.treaty)
    p = Proposal(
        draft.new_id("p"),
        o.actor,
        o.to,
        kind,
        draft.turn,
        cap=o.cap,
        verification=o.verification,
        note=o.note,
    )
    draft.proposals.append(p)
    terms = (
        f" (cap {o.cap:g}, verification {o.verification:.0%})"
        if kind == TreatyKind.ARMS_CONTROL
        else ""
    )
    draft.emit(
        AgreementsEvent.PROPOSED,
        f"{draft.name(o.actor)} proposed a {kind.words}{terms} to "
        f"{', '.join(draft.name(t) for t in o.to)} (id {p.id}). {o.note}".strip(),
        (o.actor, *o.to),
        visible_to=(o.actor, *o.to),
    )


# --- answers and signing -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AnswerProposal(Order):
    proposal: str = ""
    accept: bool = True


def check_answer(state: GameState, o: AnswerProposal) -> str | None:
    p = by_id(state.proposals, o.proposal)
    if p is None or o.actor not in p.recipients:
        return "no proposal with that id is addressed to you"
    if p.status != ProposalStatus.OPEN or o.actor in p.accepted_by:
        return "that proposal is no longer open"
    return None


def answer_candidates(state: GameState, seat: str) -> Iterator[AnswerProposal]:
    for p in state.proposals:
        if p.status == ProposalStatus.OPEN and seat in p.recipients and seat not in p.accepted_by:
            yield AnswerProposal(seat, proposal=p.id, accept=True)
            yield AnswerProposal(seat, proposal=p.id, accept=False)


def settle_proposals(draft: TurnDraft, orders: TurnOrders) -> None:
    """Each answer weighed against the proposal as the earlier answers left it: signed when every
    recipient has accepted. Then proposals left unanswered too long expire."""
    for o in orders.of(AnswerProposal):
        p = draft.proposals.find(o.proposal)
        if p.status != ProposalStatus.OPEN:
            continue
        if not o.accept:
            draft.proposals.replace(p, status=ProposalStatus.REJECTED)
            draft.emit(
                AgreementsEvent.REJECTED,
                f"{draft.name(o.actor)} rejected {draft.name(p.proposer)}'s proposal of a "
                f"{TreatyKind(p.kind).words}.",
                (o.actor, p.proposer),
                visible_to=(p.proposer, *p.recipients),
            )
            continue
        p = draft.proposals.replace(p, accepted_by=(*p.accepted_by, o.actor))
        if set(p.accepted_by) == set(p.recipients):
            draft.proposals.replace(p, status=ProposalStatus.SIGNED)
            sign_treaty(draft, p)
    for p in list(draft.proposals):
        if p.status == ProposalStatus.OPEN and draft.turn - p.turn >= PROPOSAL_LIFETIME:
            draft.proposals.replace(p, status=ProposalStatus.EXPIRED)


def sign_treaty(draft: TurnDraft, p: Proposal) -> None:
    """The treaty comes into force among its parties; a settlement ends the wars among them."""
    members = p.recipients if p.mediated else (p.proposer, *p.recipients)
    mediator = p.proposer if p.mediated else None
    kind = TreatyKind(p.kind)
    treaty = Treaty(
        draft.new_id("t"),
        kind,
        members,
        draft.turn,
        cap=p.cap,
        verification=p.verification,
        mediator=mediator,
    )
    draft.treaties.append(treaty)
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            draft.shift_relation(a, b, SIGNING_RELATIONS)
    numbers = {"relations change between parties": SIGNING_RELATIONS}
    if mediator is not None:
        numbers["mediator reputation change"] = draft.country(mediator).shift(
            Stat.REPUTATION, GUARANTOR_REPUTATION
        )
        for m in list(draft.mediations):
            if m.status == MediationStatus.ACTIVE and set(m.parties) == set(members):
                draft.mediations.replace(m, status=MediationStatus.ENDED)
    article = "an" if kind[0] in "aeiou" else "a"
    guarantee = f", brokered and guaranteed by {draft.name(mediator)}." if mediator else "."
    draft.emit(
        AgreementsEvent.SIGNED,
        f"{', '.join(draft.name(m) for m in members)} signed {article} {kind.words} "
        f"({treaty.id}){guarantee}",
        (*members, *((mediator,) if mediator else ())),
        numbers,
    )
    if kind in SETTLEMENT_KINDS:
        end_hostilities(draft, members, WarEnd(kind))


# --- withdrawal and breach ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BreakTreaty(Order):
    treaty: str = ""


def check_break(state: GameState, o: BreakTreaty) -> str | None:
    t = state.treaty(o.treaty)
    if t is None or o.actor not in t.members:
        return "you are not party to a treaty with that id"
    if t.status != TreatyStatus.ACTIVE:
        return "that treaty is no longer in force"
    return None


def break_candidates(state: GameState, seat: str) -> Iterator[BreakTreaty]:
    for t in state.active_treaties(member=seat):
        yield BreakTreaty(seat, treaty=t.id)


def break_treaty(draft: TurnDraft, o: BreakTreaty) -> None:
    t = draft.treaties.find(o.treaty)
    if t.status == TreatyStatus.ACTIVE:  # not already broken by a partner this turn
        breach(draft, t, o.actor, why="withdrew from")


def breach_cost(treaty: Treaty) -> float:
    """Reputation a state loses by breaking this treaty."""
    cost = BREACH_COST_BY_KIND.get(treaty.kind, BREACH_REPUTATION_COST)
    return cost + (MEDIATED_BREACH_EXTRA if treaty.mediator else 0.0)


def breach(draft: TurnDraft, treaty: Treaty, culprit: str, why: str) -> None:
    """`culprit` breaks the treaty; every state marks down its credibility. A bilateral treaty
    ends; a multilateral one goes on among the others without the culprit."""
    cost = breach_cost(treaty)
    remaining = tuple(m for m in treaty.members if m != culprit)
    if len(remaining) >= 2:
        draft.treaties.replace(treaty, members=remaining, withdrawn=(*treaty.withdrawn, culprit))
    else:
        draft.treaties.replace(treaty, status=TreatyStatus.BROKEN, broken_by=culprit)
    offender = draft.country(culprit)
    reputation = offender.shift(Stat.REPUTATION, -cost)
    offender.obligations_broken += 1
    for member in treaty.members:
        draft.shift_relation(culprit, member, -BREACH_PARTY_RELATIONS)
    draft.shift_relations_with_all(culprit, -BREACH_WORLD_RELATIONS)
    numbers = {
        "reputation change": reputation,
        "relations change with parties": -BREACH_PARTY_RELATIONS,
        "relations change with all": -BREACH_WORLD_RELATIONS,
    }
    if treaty.mediator and treaty.mediator != culprit:
        numbers["relations change with the mediator"] = draft.shift_relation(
            culprit, treaty.mediator, -BREACH_GUARANTOR_RELATIONS
        )
    draft.emit(
        AgreementsEvent.BROKEN,
        f"{draft.name(culprit)} {why} the {TreatyKind(treaty.kind).words} {treaty.id}; "
        "its word now counts for less with everyone.",
        (culprit, *treaty.members),
        numbers,
    )


ANSWERS = Step(Phase.PROPOSALS_ANSWERED, settle_proposals)
BREACHES = Step(Phase.TREATIES_BROKEN)  # each withdrawal in turn, by its move's `apply`
PROPOSALS = Step(Phase.PROPOSALS_MADE)  # each proposal in turn, by its move's `apply`

FAMILY = Family(
    "agreements",
    "Agreements and treaties",
    events=AgreementsEvent,
    moves=(
        Move(
            ProposeAgreement,
            "Propose an agreement",
            check_propose,
            propose_candidates,
            PROPOSALS,
            MoveHelp(
                what="Propose a treaty to one or several states: an alliance or defense pact, "
                "non-aggression, basing, intelligence sharing, joint exercises, arms control, a "
                "ceasefire or peace (the form lists those possible now). They answer next turn; "
                "it is signed when all accept.",
                costs="One action. Nothing is lost if they refuse.",
                risks="Once signed, the terms bind you: breaking a treaty later costs reputation "
                "with every state. An arms control cap limits your build-ups.",
                when="Ceasefire and peace only with a state you are in a dispute or war with.",
            ),
            apply=make_proposal,
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
                costs="One action. Your reputation falls with every state, because each sees how "
                "little your word is worth.",
                risks="Broken obligations also count against your final score.",
                when="Only for treaties you are party to.",
            ),
            apply=break_treaty,
        ),
    ),
    steps=(ANSWERS, BREACHES, PROPOSALS),
)
