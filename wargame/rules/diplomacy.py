"""Diplomacy: messages, back-channel talks, ultimatums (with audience costs) and mediation.

Talk is cheap but not free of consequence: an ultimatum ties the issuer's credibility to
enforcing it (Fearon's audience costs), and an accepted mediator makes agreements between the
parties more likely and cools the crisis.
"""

from __future__ import annotations

from ..board import Board
from ..orders import (
    MAX_MESSAGE_CHARS,
    AnswerMediation,
    AnswerUltimatum,
    Attack,
    BackChannel,
    ImposeSanctions,
    IssueUltimatum,
    OfferMediation,
    Order,
    SendMessage,
)
from ..state import RUNG, GameState, Mediation, Ultimatum
from .common import check_other_state, democracy_factor, others

ULTIMATUM_AUDIENCE_COST = 8.0  # stability lost by an issuer who does not enforce a defied demand


def check_message(state: GameState, o: SendMessage) -> str | None:
    if not o.to:
        return "a message needs at least one recipient"
    for target in o.to:
        if reason := check_other_state(state, o.actor, target):
            return reason
    if not o.text.strip():
        return "the message is empty"
    if len(o.text) > MAX_MESSAGE_CHARS:
        return f"the message is longer than {MAX_MESSAGE_CHARS} characters"
    return None


def check_back_channel(state: GameState, o: BackChannel) -> str | None:
    return check_other_state(state, o.actor, o.target)


def check_ultimatum(state: GameState, o: IssueUltimatum) -> str | None:
    if reason := check_other_state(state, o.actor, o.target):
        return reason
    if not o.demand.strip():
        return "say what you demand"
    if any(u.status == "pending" and u.issuer == o.actor and u.target == o.target for u in state.ultimatums):
        return "you already have an ultimatum pending against this state"
    return None


def check_answer_ultimatum(state: GameState, o: AnswerUltimatum) -> str | None:
    u = next((u for u in state.ultimatums if u.id == o.ultimatum), None)
    if u is None or u.target != o.actor:
        return "no ultimatum with that id is addressed to you"
    if u.status != "pending":
        return "that ultimatum is no longer pending"
    return None


def check_offer_mediation(state: GameState, o: OfferMediation) -> str | None:
    if len(o.between) != 2 or o.between[0] == o.between[1]:
        return "name the two states you offer to mediate between"
    if o.actor in o.between:
        return "a mediator cannot be one of the parties"
    for party in o.between:
        if party not in state.ids:
            return f"there is no state {party!r} in this scenario"
    if any(m.status in ("offered", "active") and set(m.parties) == set(o.between) for m in state.mediations):
        return "a mediation between these states is already offered or under way"
    return None


def check_answer_mediation(state: GameState, o: AnswerMediation) -> str | None:
    m = next((m for m in state.mediations if m.id == o.mediation), None)
    if m is None or o.actor not in m.parties:
        return "no mediation with that id involves you"
    if m.status != "offered" or o.actor in m.accepted_by:
        return "that offer is no longer open to you"
    return None


CHECKS = {
    SendMessage: check_message,
    BackChannel: check_back_channel,
    IssueUltimatum: check_ultimatum,
    AnswerUltimatum: check_answer_ultimatum,
    OfferMediation: check_offer_mediation,
    AnswerMediation: check_answer_mediation,
}


def candidates(state: GameState, seat: str):
    for other in others(state, seat):
        yield BackChannel(seat, target=other)
        yield IssueUltimatum(seat, target=other, demand="Stand down and accept our terms.")
    for u in state.ultimatums:
        if u.target == seat and u.status == "pending":
            yield AnswerUltimatum(seat, ultimatum=u.id, comply=True)
            yield AnswerUltimatum(seat, ultimatum=u.id, comply=False)
    for m in state.mediations:
        if seat in m.parties and m.status == "offered" and seat not in m.accepted_by:
            yield AnswerMediation(seat, mediation=m.id, accept=True)
            yield AnswerMediation(seat, mediation=m.id, accept=False)
    hostile = sorted({(d.initiator, d.target) for d in state.disputes if d.ended_turn is None})
    for a, b in hostile:
        if seat not in (a, b):
            yield OfferMediation(seat, between=(a, b))


# --- phases ------------------------------------------------------------------------------------


def deliver_messages(board: Board, orders: list[Order]) -> None:
    for o in orders:
        if isinstance(o, SendMessage):
            names = ", ".join(board.name(t) for t in o.to)
            visible = None if o.public else (o.actor, *o.to)
            kind = "StatementMade" if o.public else "MessageSent"
            board.emit(kind, f"{board.name(o.actor)} to {names}: {o.text}", (o.actor, *o.to), visible_to=visible)
        elif isinstance(o, BackChannel):
            board.shift_relation(o.actor, o.target, 4)
            board.emit(
                "BackChannelOpened",
                f"Quiet talks between {board.name(o.actor)} and {board.name(o.target)} improved relations.",
                (o.actor, o.target),
                {"relations change": 4},
                visible_to=(o.actor, o.target),
            )


def settle_mediation(board: Board, orders: list[Order]) -> None:
    for o in orders:
        if isinstance(o, AnswerMediation):
            m = board.find(board.mediations, o.mediation)
            if not o.accept:
                board.replace_in(board.mediations, m, status="declined")
                board.emit("MediationDeclined", f"{board.name(o.actor)} declined {board.name(m.mediator)}'s mediation.", (o.actor, m.mediator))
                continue
            accepted = (*m.accepted_by, o.actor)
            status = "active" if set(accepted) == set(m.parties) else "offered"
            board.replace_in(board.mediations, m, accepted_by=accepted, status=status)
            if status == "active":
                board.adjust(m.mediator, "reputation", 3)
                board.emit(
                    "MediationAccepted",
                    f"{board.name(m.parties[0])} and {board.name(m.parties[1])} accepted "
                    f"{board.name(m.mediator)} as mediator.",
                    (m.mediator, *m.parties),
                    {"mediator reputation": 3},
                )
    for o in orders:
        if isinstance(o, OfferMediation):
            m = Mediation(board.new_id("m"), o.actor, (o.between[0], o.between[1]), board.turn)
            board.mediations.append(m)
            board.emit(
                "MediationOffered",
                f"{board.name(o.actor)} offered to mediate between {board.name(o.between[0])} and "
                f"{board.name(o.between[1])} (id {m.id}).",
                (o.actor, *o.between),
            )
    # active mediation: shuttle diplomacy cools the dispute every turn
    for m in board.mediations:
        if m.status == "active":
            a, b = m.parties
            board.shift_relation(a, b, 5)
            board.tension = max(0.0, board.tension - 3)


def mediated(board_or_state, a: str, b: str) -> bool:
    return any(m.status == "active" and set(m.parties) == {a, b} for m in board_or_state.mediations)


def settle_ultimatums(board: Board, orders: list[Order]) -> None:
    """Answers and deadlines of earlier ultimatums, then this turn's new ones."""
    answers = {o.ultimatum: o for o in orders if isinstance(o, AnswerUltimatum)}
    enforcing = {(o.actor, o.target) for o in orders if isinstance(o, Attack | ImposeSanctions)}
    for u in list(board.ultimatums):
        if u.status != "pending" or u.turn >= board.turn:
            continue
        answer = answers.get(u.id)
        if answer is not None and answer.comply:
            board.replace_in(board.ultimatums, u, status="complied")
            board.bump(u.target, "backed_down")
            board.adjust(u.target, "stability", -5 * democracy_factor(u.target, board.scenario))
            board.adjust(u.issuer, "reputation", 3)
            board.adjust(u.issuer, "stability", 3)
            board.emit(
                "UltimatumComplied",
                f"{board.name(u.target)} gave in to {board.name(u.issuer)}'s ultimatum.",
                (u.issuer, u.target),
                {"target stability change": -5 * democracy_factor(u.target, board.scenario)},
            )
        elif (u.issuer, u.target) in enforcing:
            board.replace_in(board.ultimatums, u, status="enforced")
            board.emit("UltimatumEnforced", f"{board.name(u.issuer)} enforced its ultimatum against {board.name(u.target)}.", (u.issuer, u.target))
        else:
            cost = ULTIMATUM_AUDIENCE_COST * democracy_factor(u.issuer, board.scenario)
            board.replace_in(board.ultimatums, u, status="backed_down")
            board.adjust(u.issuer, "stability", -cost)
            board.adjust(u.issuer, "reputation", -8)
            board.bump(u.issuer, "backed_down")
            board.emit(
                "UltimatumNotEnforced",
                f"{board.name(u.target)} defied {board.name(u.issuer)}'s ultimatum and "
                f"{board.name(u.issuer)} did not act: it paid the audience cost of an empty threat.",
                (u.issuer, u.target),
                {"stability change": -cost, "reputation change": -8, "regime factor": democracy_factor(u.issuer, board.scenario)},
            )
    for o in orders:
        if isinstance(o, IssueUltimatum):
            u = Ultimatum(board.new_id("u"), o.actor, o.target, o.demand, board.turn, board.turn + 1)
            board.ultimatums.append(u)
            board.shift_relation(o.actor, o.target, -8)
            board.tension = min(100.0, board.tension + 4)
            board.reach(RUNG["coercion"])
            board.emit(
                "UltimatumIssued",
                f"{board.name(o.actor)} gave {board.name(o.target)} an ultimatum: {o.demand} "
                f"(answer by next turn; id {u.id}).",
                (o.actor, o.target),
                {"tension change": 4, "relations change": -8},
            )
