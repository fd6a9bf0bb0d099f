"""Bilateral and multilateral agreements: proposals, answers, signing and breaking treaties.

A proposal made in one turn is answered in the next; it is signed when every recipient accepts.
Ceasefires and peace agreements end the wars between their parties. Breaking a treaty costs
credibility with every state, since each one reads it as a sign of how binding its own deals are.
"""

from __future__ import annotations

from ..board import Board
from ..orders import AnswerProposal, BreakTreaty, Order, ProposeAgreement
from ..scenario import TREATY_KINDS
from ..state import GameState, Proposal, Treaty
from .common import check_other_state, others

BREACH_REPUTATION_COST = 12.0
PROPOSAL_LIFETIME = 2  # turns an unanswered proposal stays open


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
            d.ended_turn is None and {d.initiator, d.target} & set(o.to) and o.actor in (d.initiator, d.target)
            for d in state.disputes
        ):
            return "a ceasefire or peace agreement is only for states in a dispute or war with you"
    parties = {o.actor, *o.to}
    for t in state.active_treaties(kind=o.treaty):
        if set(t.members) == parties:
            return f"this {o.treaty.replace('_', ' ')} is already in force ({t.id})"
    return None


def check_answer(state: GameState, o: AnswerProposal) -> str | None:
    p = next((p for p in state.proposals if p.id == o.proposal), None)
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


CHECKS = {ProposeAgreement: check_propose, AnswerProposal: check_answer, BreakTreaty: check_break}

# the bilateral deals a seat may offer any other state; multilateral ones are built in the UI
OFFERED_KINDS = ("non_aggression", "defense_pact", "intelligence_sharing", "joint_exercises")


def candidates(state: GameState, seat: str):
    for other in others(state, seat):
        for kind in OFFERED_KINDS:
            yield ProposeAgreement(seat, to=(other,), treaty=kind)
        yield ProposeAgreement(seat, to=(other,), treaty="ceasefire")
        yield ProposeAgreement(seat, to=(other,), treaty="peace")
        me = state.country(seat).military
        yield ProposeAgreement(seat, to=(other,), treaty="arms_control", cap=round(me * 1.1), verification=0.6)
    for p in state.proposals:
        if p.status == "open" and seat in p.recipients and seat not in p.accepted_by:
            yield AnswerProposal(seat, proposal=p.id, accept=True)
            yield AnswerProposal(seat, proposal=p.id, accept=False)
    for t in state.active_treaties(member=seat):
        yield BreakTreaty(seat, treaty=t.id)


# --- phases ------------------------------------------------------------------------------------


def settle_proposals(board: Board, orders: list[Order]) -> None:
    for o in orders:
        if not isinstance(o, AnswerProposal):
            continue
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


def sign_treaty(board: Board, p: Proposal) -> None:
    members = (p.proposer, *p.recipients)
    treaty = Treaty(
        board.new_id("t"), p.kind, members, board.turn, cap=p.cap, verification=p.verification
    )
    board.treaties.append(treaty)
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            board.shift_relation(a, b, 10)
    names = ", ".join(board.name(m) for m in members)
    board.emit(
        "TreatySigned",
        f"{names} signed a {p.kind.replace('_', ' ')} ({treaty.id}).",
        members,
        {"relations change between parties": 10},
    )
    if p.kind in ("ceasefire", "peace"):
        from .military import end_hostilities  # the military module owns wars

        end_hostilities(board, members, p.kind)


def make_proposals(board: Board, orders: list[Order]) -> None:
    for o in orders:
        if isinstance(o, ProposeAgreement):
            p = Proposal(
                board.new_id("p"), o.actor, o.to, o.treaty, board.turn,
                cap=o.cap, verification=o.verification, note=o.note,
            )  # fmt: skip
            board.proposals.append(p)
            terms = f" (cap {o.cap:g}, verification {o.verification:.0%})" if o.treaty == "arms_control" else ""
            board.emit(
                "AgreementProposed",
                f"{board.name(o.actor)} proposed a {o.treaty.replace('_', ' ')}{terms} to "
                f"{', '.join(board.name(t) for t in o.to)} (id {p.id}). {o.note}".strip(),
                (o.actor, *o.to),
                visible_to=(o.actor, *o.to),
            )


def break_treaties(board: Board, orders: list[Order]) -> None:
    for o in orders:
        if isinstance(o, BreakTreaty):
            t = board.find(board.treaties, o.treaty)
            if t.status != "active":
                continue
            breach(board, t, o.actor, why="withdrew from")


def breach(board: Board, treaty: Treaty, culprit: str, why: str) -> None:
    """Mark a treaty broken by `culprit`; every state marks down its credibility."""
    board.replace_in(board.treaties, treaty, status="broken", broken_by=culprit)
    board.adjust(culprit, "reputation", -BREACH_REPUTATION_COST)
    board.bump(culprit, "obligations_broken")
    for member in treaty.members:
        board.shift_relation(culprit, member, -20)
    board.shift_relations_with_all(culprit, -3)
    board.emit(
        "TreatyBroken",
        f"{board.name(culprit)} {why} the {treaty.kind.replace('_', ' ')} {treaty.id}; "
        "its word now counts for less with everyone.",
        (culprit, *treaty.members),
        {"reputation change": -BREACH_REPUTATION_COST, "relations change with parties": -20},
    )
