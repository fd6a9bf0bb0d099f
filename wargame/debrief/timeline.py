"""The timeline: turn by turn, each decision with what became of it (carried out, or void and
why), the events it led to with the numbers behind them, and the computer players' reasons in
plain words. A seat's timeline holds its own decisions and the events it could see.

An event is put under the first decision that may have caused it: an order of the same rules
family, given by one of the event's actors, aimed at one of them (when it is aimed at anyone).
Events no decision explains (injects, domestic mood, the ladder moving) follow on their own.
The facilitator's interventions come first in their turn, as the decisions of "Facilitator",
each with the news it made (a seat's timeline holds those whose news it saw).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ..enums import OrderStatus
from ..events import Event
from ..orders import Order
from ..rules import STANDARD
from ..state import GameState
from .played import Played
from .words import Words, named_number

ESCALATION_KIND = "EscalationChanged"
FACILITATOR_SEAT = "@facilitator"  # the white cell's line in a turn; no state id has this form
FACILITATOR_NAME = "Facilitator"


@dataclass(frozen=True)
class EventLine:
    kind: str
    text: str
    why: tuple[str, ...]  # the numbers behind it, formatted for people
    public: bool


@dataclass(frozen=True)
class DecisionLine:
    seat: str
    text: str
    kind: str
    applied: bool
    void_reason: str  # why the game refused it, when it did
    why: str  # the computer player's reason, in plain words ("" for a person)
    led_to: tuple[EventLine, ...]


@dataclass(frozen=True)
class SeatTurn:
    seat: str
    name: str
    played_by: str
    decisions: tuple[DecisionLine, ...]
    notes: tuple[str, ...]  # the computer's reasons not tied to one order


@dataclass(frozen=True)
class TurnStory:
    turn: int
    rung_before: int
    rung_after: int
    tension_before: float
    tension_after: float
    seats: tuple[SeatTurn, ...]
    also: tuple[EventLine, ...]  # events no decision shown here explains


def timeline(played: Played, seat: str | None = None) -> tuple[TurnStory, ...]:
    words = Words(played.scenario)
    stories = []
    for record in played.turns:
        before = played.state_before(record.turn)
        events = [e.for_seat(seat) for e in record.events if e.visible_for(seat)]
        results = {id(r.order): r for r in record.results}
        shown = [o for o in record.orders if seat is None or o.actor == seat]
        causes = _assign(shown, events)
        seat_turns = []
        for sid in played.scenario.state_ids if seat is None else (seat,):
            orders = [o for o in shown if o.actor == sid]
            reasons = record.reasons.get(sid, ())
            if not orders and not reasons:
                continue
            why, notes = align_reasons(orders, reasons)
            decisions = tuple(
                _decision(o, results.get(id(o)), w, causes.get(id(o), []), words, before)
                for o, w in zip(orders, why, strict=True)
            )
            player = played.seat(sid)
            seat_turns.append(
                SeatTurn(
                    sid,
                    player.name,
                    player.played_by,
                    decisions,
                    tuple(words.reason(n) for n in notes),
                )
            )
        white_cell = facilitator_turn(played, record.turn, seat, words)
        if white_cell is not None:
            seat_turns.insert(0, white_cell)
        made = {(e.kind, e.text) for a in played.interventions(record.turn) for e in a.events}
        explained = {id(e) for linked in causes.values() for e in linked}
        also = tuple(
            event_line(e, words)
            for e in events
            if id(e) not in explained and (e.kind, e.text) not in made
        )
        stories.append(
            TurnStory(
                record.turn,
                before.escalation,
                record.state.escalation,
                before.tension,
                record.state.tension,
                tuple(seat_turns),
                also,
            )
        )
    return tuple(stories)


def facilitator_turn(played: Played, turn: int, seat: str | None, words: Words) -> SeatTurn | None:
    """The facilitator's interventions of the turn, each with the news it made: all of them
    for the facilitator, for a seat those whose news it saw."""
    from ..facilitator import describe

    decisions = []
    for applied in played.interventions(turn):
        seen = [e.for_seat(seat) for e in applied.events if e.visible_for(seat)]
        if seat is not None and not seen:
            continue
        decisions.append(
            DecisionLine(
                FACILITATOR_SEAT,
                describe(applied.intervention, applied.state),
                applied.kind,
                True,
                "",
                "",
                tuple(event_line(e, words) for e in seen),
            )
        )
    if not decisions:
        return None
    return SeatTurn(FACILITATOR_SEAT, FACILITATOR_NAME, "the white cell", tuple(decisions), ())


def align_reasons(orders: Sequence[Order], reasons: Sequence[str]) -> tuple[list[str], list[str]]:
    """Each order's reason (computer players write "<label>: <why>"), and the reasons left over."""
    left = list(reasons)
    mine = []
    for order in orders:
        prefix = f"{order.label}: "
        found = next((r for r in left if r.startswith(prefix)), None)
        if found is None:
            mine.append("")
            continue
        left.remove(found)
        mine.append(found[len(prefix) :])
    return mine, left


def event_line(event: Event, words: Words) -> EventLine:
    why = [named_number(name, value) for name, value in event.numbers]
    why += [
        f"{named_number(name, value)} (known to {words.name(who)} only)"
        for who, name, value in event.private
    ]
    return EventLine(
        str(event.kind), words.ids_to_names(event.text), tuple(why), event.visible_to is None
    )


def _decision(
    order: Order,
    result,  # noqa: ANN001 - OrderResult | None
    why: str,
    led_to: list[Event],
    words: Words,
    before: GameState,
) -> DecisionLine:
    applied = result is None or result.status == OrderStatus.APPLIED
    return DecisionLine(
        order.actor,
        words.order(order, before),
        order.kind,
        applied,
        "" if applied else words.ids_to_names(result.reason),
        words.reason(why) if why else "",
        tuple(event_line(e, words) for e in led_to),
    )


def _assign(orders: Sequence[Order], events: Sequence[Event]) -> dict[int, list[Event]]:
    out: dict[int, list[Event]] = {}
    for event in events:
        able = [o for o in orders if may_cause(o, event)]
        # the event's first actor is the one who did it: prefer that state's order
        cause = next((o for o in able if event.actors and o.actor == event.actors[0]), None)
        cause = cause or next(iter(able), None)
        if cause is not None:
            out.setdefault(id(cause), []).append(event)
    return out


def may_cause(order: Order, event: Event) -> bool:
    """Could this order be behind this event? Same family, its actor among the event's actors,
    and (when it is aimed at anyone) one of its targets among them too."""
    families, open_families = _event_families()
    family = families.get(str(event.kind))
    if family is None:
        if order.family not in open_families:
            return False
    elif family != order.family:
        return False
    if order.actor not in event.actors:
        return False
    targets = set(order.targets())
    return not targets or bool(targets & set(event.actors))


@cache
def _event_families() -> tuple[dict[str, str], frozenset[str]]:
    """Event kind -> the family that declares it; and the families with moves that declare no
    event kinds (their events may come from any of their moves)."""
    kinds: dict[str, str] = {}
    open_families = set()
    for family in STANDARD.families:
        if family.events is None:
            if family.moves:
                open_families.add(family.id)
            continue
        for kind in family.events:
            kinds[str(kind)] = family.id
    return kinds, frozenset(open_families)
