"""Diplomacy: messages, back-channel talks, ultimatums (with audience costs) and mediation.

Talk is cheap but not free of consequence. An ultimatum ties the issuer's credibility to
enforcing it (Fearon's audience costs): the target answers in the next turn; if it defies the
demand, the issuer has until the turn after to act (force or sanctions against the target) or it
pays in stability and reputation, more so for a democracy, whose public punishes empty threats.
That cost is what makes a democracy's ultimatum credible.

Mediation needs both parties' consent. An active mediator cools the crisis every turn (relations
between the parties improve, tension falls) and, each turn, puts a draft settlement to both
parties: a ceasefire if they are fighting, otherwise a non-aggression pact. The mediator is not a
party to it but its guarantor: breaking a mediated settlement costs more (agreements.py). This is
how mediation raises the chance of a formal agreement: it supplies the proposal, and the
guarantee makes it easier to accept. Back-channel (Track II) talks quietly improve relations and
lower tension.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..draft import TurnDraft
from ..enums import MediationStatus, Rung, UltimatumStatus
from ..moves import Answer, Family, Move, MoveHelp, Order, Phase, Step, TurnOrders
from ..state import GameState, Mediation, Proposal, Ultimatum, by_id
from .common import check_other_state, democracy_factor, no_candidates, others, toward_each_other
from .military import Attack
from .sanctions import ImposeSanctions

MAX_MESSAGE_CHARS = 2000
ULTIMATUM_AUDIENCE_COST = 8.0  # stability lost by an issuer who does not enforce a defied demand
ULTIMATUM_REPUTATION_COST = 8.0
MEDIATION_RELATIONS = 5.0  # relations gained between the parties each turn of active mediation
MEDIATION_TENSION = 3.0


# --- orders ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SendMessage(Order):
    to: tuple[str, ...] = ()
    text: str = ""
    public: bool = False


@dataclass(frozen=True, slots=True)
class BackChannel(Order):
    target: str = ""


@dataclass(frozen=True, slots=True)
class IssueUltimatum(Order):
    target: str = ""
    demand: str = ""


@dataclass(frozen=True, slots=True)
class AnswerUltimatum(Order):
    ultimatum: str = ""
    comply: bool = False


@dataclass(frozen=True, slots=True)
class OfferMediation(Order):
    between: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AnswerMediation(Order):
    mediation: str = ""
    accept: bool = True


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
    if any(
        u.status in ("pending", "defied") and u.issuer == o.actor and u.target == o.target
        for u in state.ultimatums
    ):
        return "you already have an ultimatum pending against this state"
    return None


def check_answer_ultimatum(state: GameState, o: AnswerUltimatum) -> str | None:
    u = by_id(state.ultimatums, o.ultimatum)
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
    if any(
        m.status in ("offered", "active") and set(m.parties) == set(o.between)
        for m in state.mediations
    ):
        return "a mediation between these states is already offered or under way"
    return None


def check_answer_mediation(state: GameState, o: AnswerMediation) -> str | None:
    m = by_id(state.mediations, o.mediation)
    if m is None or o.actor not in m.parties:
        return "no mediation with that id involves you"
    if m.status != "offered" or o.actor in m.accepted_by:
        return "that offer is no longer open to you"
    return None


# --- phases ------------------------------------------------------------------------------------


def deliver_messages(board: TurnDraft, orders: TurnOrders) -> None:
    for o in orders.of(SendMessage, BackChannel):
        if isinstance(o, SendMessage):
            names = ", ".join(board.name(t) for t in o.to)
            visible = None if o.public else (o.actor, *o.to)
            kind = "StatementMade" if o.public else "MessageSent"
            board.emit(
                kind,
                f"{board.name(o.actor)} to {names}: {o.text}",
                (o.actor, *o.to),
                visible_to=visible,
            )
        elif isinstance(o, BackChannel):
            board.shift_relation(o.actor, o.target, 4)
            board.tension = max(0.0, board.tension - 1)
            board.emit(
                "BackChannelOpened",
                f"Quiet talks between {board.name(o.actor)} and {board.name(o.target)} improved relations.",
                (o.actor, o.target),
                {"relations change": 4, "tension change": -1},
                visible_to=(o.actor, o.target),
            )


def settle_mediation(board: TurnDraft, orders: TurnOrders) -> None:
    for o in orders.of(AnswerMediation):
        m = board.find(board.mediations, o.mediation)
        if not o.accept:
            board.replace_in(board.mediations, m, status="declined")
            board.emit(
                "MediationDeclined",
                f"{board.name(o.actor)} declined {board.name(m.mediator)}'s mediation.",
                (o.actor, m.mediator),
            )
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
    for o in orders.of(OfferMediation):
        m = Mediation(board.new_id("m"), o.actor, (o.between[0], o.between[1]), board.turn)
        board.mediations.append(m)
        board.emit(
            "MediationOffered",
            f"{board.name(o.actor)} offered to mediate between {board.name(o.between[0])} and "
            f"{board.name(o.between[1])} (id {m.id}).",
            (o.actor, *o.between),
        )
    # active mediation: shuttle diplomacy cools the dispute and puts a settlement on the table
    for m in list(board.mediations):
        if m.status != "active":
            continue
        a, b = m.parties
        board.shift_relation(a, b, MEDIATION_RELATIONS)
        board.tension = max(0.0, board.tension - MEDIATION_TENSION)
        kind = settlement_kind(board, a, b)
        if kind is None:
            board.replace_in(board.mediations, m, status="ended")
            continue
        if any(
            p.status == "open" and p.mediated and set(p.recipients) == {a, b}
            for p in board.proposals
        ):
            continue
        p = Proposal(
            board.new_id("p"),
            m.mediator,
            (a, b),
            kind,
            board.turn,
            mediated=True,
            note=f"Draft settlement from the mediator, {board.name(m.mediator)}.",
        )
        board.proposals.append(p)
        board.emit(
            "SettlementDrafted",
            f"{board.name(m.mediator)}'s shuttle diplomacy produced a draft {kind.replace('_', ' ')} between "
            f"{board.name(a)} and {board.name(b)} (id {p.id}); it is signed if both accept.",
            (m.mediator, a, b),
            {
                "relations change between the parties": MEDIATION_RELATIONS,
                "tension change": -MEDIATION_TENSION,
            },
            visible_to=(m.mediator, a, b),
        )


def settlement_kind(board_or_state, a: str, b: str) -> str | None:
    """What a mediator proposes: a ceasefire to states at war, else a non-aggression pact; None
    when the parties already have one in force (the mediation has done its work)."""
    at_war = any(
        w.ended_turn is None
        and ((a in w.side_a and b in w.side_b) or (a in w.side_b and b in w.side_a))
        for w in board_or_state.wars
    )
    kinds = ("ceasefire",) if at_war else ("non_aggression", "ceasefire", "peace")
    for t in board_or_state.treaties:
        if t.status == "active" and t.kind in kinds and {a, b} <= set(t.members):
            return None
    return "ceasefire" if at_war else "non_aggression"


def mediated(board_or_state, a: str, b: str) -> bool:
    return any(m.status == "active" and set(m.parties) == {a, b} for m in board_or_state.mediations)


def settle_ultimatums(board: TurnDraft, orders: TurnOrders) -> None:
    """Answers and deadlines of earlier ultimatums, then this turn's new ones."""
    answers = {o.ultimatum: o for o in orders.of(AnswerUltimatum)}
    enforcing = {(o.actor, o.target) for o in orders.of(Attack, ImposeSanctions)}
    for u in list(board.ultimatums):
        if u.status == "defied":  # the issuer's last chance to act
            if (u.issuer, u.target) in enforcing:
                _enforced(board, u)
            else:
                _backed_down(board, u)
            continue
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
            _enforced(board, u)
        else:
            board.replace_in(board.ultimatums, u, status="defied")
            board.adjust(u.target, "stability", 2)  # defiance plays well at home
            board.tension = min(100.0, board.tension + 3)
            cost = ULTIMATUM_AUDIENCE_COST * democracy_factor(u.issuer, board.scenario)
            board.emit(
                "UltimatumDefied",
                f"{board.name(u.target)} defied {board.name(u.issuer)}'s ultimatum. {board.name(u.issuer)} must act "
                "next turn (force or sanctions) or lose face.",
                (u.issuer, u.target),
                {
                    "issuer's stability at stake": cost,
                    "issuer's reputation at stake": ULTIMATUM_REPUTATION_COST,
                    "tension change": 3,
                },
            )
    for o in orders.of(IssueUltimatum):
        if any(
            u.status in ("pending", "defied") and u.issuer == o.actor and u.target == o.target
            for u in board.ultimatums
        ):
            continue
        u = Ultimatum(board.new_id("u"), o.actor, o.target, o.demand, board.turn, board.turn + 1)
        board.ultimatums.append(u)
        board.shift_relation(o.actor, o.target, -8)
        board.tension = min(100.0, board.tension + 4)
        board.reach(Rung.COERCION)
        board.emit(
            "UltimatumIssued",
            f"{board.name(o.actor)} gave {board.name(o.target)} an ultimatum: {o.demand} "
            f"(answer by next turn; id {u.id}).",
            (o.actor, o.target),
            {"tension change": 4, "relations change": -8},
        )


def _enforced(board: TurnDraft, u: Ultimatum) -> None:
    board.replace_in(board.ultimatums, u, status="enforced")
    board.adjust(u.issuer, "reputation", 2)
    board.emit(
        "UltimatumEnforced",
        f"{board.name(u.issuer)} enforced its ultimatum against {board.name(u.target)}: "
        "its threats will be taken seriously.",
        (u.issuer, u.target),
        {"reputation change": 2},
    )


def _backed_down(board: TurnDraft, u: Ultimatum) -> None:
    factor = democracy_factor(u.issuer, board.scenario)
    cost = ULTIMATUM_AUDIENCE_COST * factor
    board.replace_in(board.ultimatums, u, status="backed_down")
    board.adjust(u.issuer, "stability", -cost)
    board.adjust(u.issuer, "reputation", -ULTIMATUM_REPUTATION_COST)
    board.bump(u.issuer, "backed_down")
    board.emit(
        "UltimatumNotEnforced",
        f"{board.name(u.target)} defied {board.name(u.issuer)}'s ultimatum and "
        f"{board.name(u.issuer)} did not act: it paid the audience cost of an empty threat.",
        (u.issuer, u.target),
        {
            "stability change": -cost,
            "reputation change": -ULTIMATUM_REPUTATION_COST,
            "regime factor": factor,
        },
    )


def ultimatum_candidates(state: GameState, seat: str):
    for other in others(state, seat):
        yield IssueUltimatum(seat, target=other, demand="Stand down and accept our terms.")


def answer_ultimatum_candidates(state: GameState, seat: str):
    for u in state.ultimatums:
        if u.target == seat and u.status == UltimatumStatus.PENDING:
            yield AnswerUltimatum(seat, ultimatum=u.id, comply=True)
            yield AnswerUltimatum(seat, ultimatum=u.id, comply=False)


def answer_mediation_candidates(state: GameState, seat: str):
    for m in state.mediations:
        if seat in m.parties and m.status == MediationStatus.OFFERED and seat not in m.accepted_by:
            yield AnswerMediation(seat, mediation=m.id, accept=True)
            yield AnswerMediation(seat, mediation=m.id, accept=False)


def offer_mediation_candidates(state: GameState, seat: str):
    hostile = sorted({(d.initiator, d.target) for d in state.disputes if d.ended_turn is None})
    for a, b in hostile:
        if seat not in (a, b):
            yield OfferMediation(seat, between=(a, b))


TALK = Step(Phase.TALK, deliver_messages)
MEDIATION = Step(Phase.MEDIATION, settle_mediation)
DEADLINES = Step(Phase.DEADLINES, settle_ultimatums)

FAMILY = Family(
    "diplomacy",
    "Diplomacy",
    moves=(
        Move(
            SendMessage,
            "Send a message",
            check_message,
            no_candidates,
            TALK,
            MoveHelp(
                what="Send words to one or several states. Private messages are seen only by the recipients; public statements are seen by everyone.",
                costs="Free: messages do not use one of your actions.",
                risks="Words are not binding. Others may not believe you, and a public statement ties your hands.",
            ),
            costs_action=False,
        ),
        Move(
            BackChannel,
            "Open back-channel (Track II) talks",
            check_back_channel,
            toward_each_other(lambda seat, other: BackChannel(seat, target=other)),
            TALK,
            MoveHelp(
                what="Open quiet, unofficial (Track II) talks with one state.",
                costs="One action. Nothing else.",
                risks="Small effect: relations improve a little and only the two of you know.",
            ),
        ),
        Move(
            IssueUltimatum,
            "Issue a public ultimatum",
            check_ultimatum,
            ultimatum_candidates,
            DEADLINES,
            MoveHelp(
                what="Publicly demand something of a state, to be answered by next turn.",
                costs="One action. Raises tension and hurts relations with the target at once.",
                risks="Audience costs: if the target defies you and you do not enforce it (sanctions or force), your stability and reputation fall, more so in a democracy.",
                when="Not while you already have an ultimatum pending against the same state.",
            ),
            free_fields={"demand": "text"},
        ),
        Move(
            AnswerUltimatum,
            "Answer an ultimatum",
            check_answer_ultimatum,
            answer_ultimatum_candidates,
            DEADLINES,
            MoveHelp(
                what="Give in to an ultimatum addressed to you, or defy it.",
                costs="Free. Giving in costs you domestic support (you backed down) and rewards the issuer.",
                risks="Defying invites the issuer to enforce its threat with sanctions or force.",
                when="Only when another state has given you an ultimatum.",
            ),
            costs_action=False,
            answer=Answer("ultimatum", "comply", "Ultimatum"),
        ),
        Move(
            OfferMediation,
            "Offer to mediate",
            check_offer_mediation,
            offer_mediation_candidates,
            MEDIATION,
            MoveHelp(
                what="Offer to mediate between two states in a dispute.",
                costs="One action.",
                risks="They may decline. If both accept, relations between them improve and tension falls every turn, and your reputation rises.",
                when="Only when two other states are in an open dispute.",
            ),
        ),
        Move(
            AnswerMediation,
            "Answer an offer of mediation",
            check_answer_mediation,
            answer_mediation_candidates,
            MEDIATION,
            MoveHelp(
                what="Accept or decline a mediator's offer.",
                costs="Free.",
                risks="Accepting makes an agreement more likely and cools the crisis; declining may look intransigent.",
                when="Only when someone has offered to mediate in your dispute.",
            ),
            costs_action=False,
            answer=Answer("mediation", "accept", "Offer"),
        ),
    ),
    steps=(TALK, MEDIATION, DEADLINES),
)
