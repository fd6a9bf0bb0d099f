"""Reading and writing the rows of one session, inside a transaction the caller owns."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, insert, update
from sqlmodel import Session, select

from ..edition import RULES_EDITION, edition_of
from ..events import Event
from ..facilitator import Applied
from ..match import Match, TurnRecord
from ..orders import Order
from ..resolve import OrderResult
from ..scenario import Scenario
from ..state import canonical_json
from . import codec
from .codec import CodecError, SeatInfo
from .schema import (
    APP_NAME,
    SCHEMA_VERSION,
    EventRow,
    InterventionRow,
    MetaRow,
    SeatRow,
    SessionRow,
    SubmissionRow,
    TurnOrderRow,
    TurnRow,
)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def app_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("crisis-wargame")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "unknown"


@dataclass(frozen=True)
class StoredTurn:
    number: int
    orders: tuple[Order, ...]  # flat, in the order they were resolved
    events: tuple[Event, ...]
    results: tuple[OrderResult, ...]
    reasons: Mapping[str, tuple[str, ...]]
    state_json: str
    state_hash: str
    resolved: str


@dataclass(frozen=True)
class StoredIntervention:
    """One of the facilitator's interventions as the file keeps it."""

    turn: int
    position: int
    intervention: Any  # one of wargame.facilitator.records.Intervention
    state_hash: str  # the state's hash right after it was made
    made: str


@dataclass(frozen=True)
class SessionLog:
    """Everything a session file holds, decoded; enough to rebuild the match (see check.py)."""

    scenario: Scenario
    seed: int
    seats: tuple[SeatInfo, ...]
    turns: tuple[StoredTurn, ...]
    pending: Mapping[str, tuple[Order, ...]]  # submissions for the turn not yet resolved
    meta: Mapping[str, str] = field(default_factory=dict)
    created: str = ""
    updated: str = ""
    # every seat's last submission for every turn, resolved or not: what its player sent
    submissions: Mapping[tuple[int, str], tuple[Order, ...]] = field(default_factory=dict)
    # the facilitator's interventions by the turn they were made in, in order (the turn in
    # progress too)
    interventions: Mapping[int, tuple[StoredIntervention, ...]] = field(default_factory=dict)

    def interventions_of(self, turn: int) -> tuple[Any, ...]:
        return tuple(i.intervention for i in self.interventions.get(turn, ()))

    @property
    def rules_edition(self) -> int | None:
        return edition_of(dict(self.meta))

    @property
    def next_turn(self) -> int:
        return len(self.turns) + 1

    @property
    def finished(self) -> bool:
        return len(self.turns) >= self.scenario.turns


# --- writing --------------------------------------------------------------------------------------


def write_new_session(
    s: Session, match: Match, seats: Iterable[SeatInfo], scenario_json: str
) -> None:
    """Header rows plus everything the match already holds (it may have been played unsaved)."""
    stamp = now()
    for key, value in {
        "schema_version": str(SCHEMA_VERSION),
        "app": APP_NAME,
        "app_version": app_version(),
        "rules_edition": str(RULES_EDITION),
        "created": stamp,
    }.items():
        s.add(MetaRow(key=key, value=value))
    sc = match.scenario
    s.add(
        SessionRow(
            scenario_id=sc.id,
            scenario_title=sc.title,
            scenario_json=scenario_json,
            seed=match.seed,
            turns_total=sc.turns,
            created=stamp,
            updated=stamp,
        )
    )
    for position, seat in enumerate(seats):
        s.add(
            SeatRow(
                seat=seat.seat,
                position=position,
                controller=seat.controller,
                player=seat.player,
                doctrine=seat.doctrine,
            )
        )
    for record in match.history:
        for applied in record.interventions:
            write_intervention(s, applied)
        write_turn(s, match.scenario, record)
    for applied in match.interventions:
        write_intervention(s, applied)
    for seat, orders in match.pending.items():
        write_submission(s, match.state.turn, seat, orders)


def write_submission(s: Session, turn: int, seat: str, orders: tuple[Order, ...]) -> None:
    stamp = now()
    s.exec(delete(SubmissionRow).where(SubmissionRow.turn == turn, SubmissionRow.seat == seat))  # type: ignore[arg-type]
    s.add(
        SubmissionRow(
            turn=turn, seat=seat, orders_json=codec.orders_to_json(orders), submitted=stamp
        )
    )
    s.exec(update(SessionRow).values(updated=stamp))


def write_intervention(s: Session, applied: Applied) -> None:
    """The intervention's row; the orders it withdrew (made impossible) are no longer handed in."""
    stamp = now()
    s.add(
        InterventionRow(
            turn=applied.turn,
            position=applied.position,
            kind=applied.kind,
            data=codec.intervention_to_json(applied.intervention),
            state_hash=applied.state_hash,
            made=stamp,
        )
    )
    for seat in applied.withdrawn:
        s.exec(
            delete(SubmissionRow).where(  # type: ignore[arg-type]
                SubmissionRow.turn == applied.turn, SubmissionRow.seat == seat
            )
        )
    s.exec(update(SessionRow).values(updated=stamp))


class OutOfSequence(ValueError):
    """A turn that does not follow the last one saved (an earlier save failed, or another writer)."""


def write_turn(s: Session, scenario: Scenario, record: TurnRecord) -> None:
    last = s.exec(select(func.max(TurnRow.number))).one() or 0
    if record.turn != last + 1:
        raise OutOfSequence(f"turn {record.turn} does not follow turn {last}, the last one saved")
    stamp = now()
    s.add(
        TurnRow(
            number=record.turn,
            state_json=canonical_json(record.state),
            state_hash=record.state_hash,
            results_json=codec.results_to_json(record.results, record.orders),
            reasons_json=codec.dumps({k: list(v) for k, v in record.reasons.items()}),
            resolved=stamp,
        )
    )
    # many small rows: one executemany each rather than an ORM object per row (autosave stays fast)
    if record.orders:
        s.exec(
            insert(TurnOrderRow),
            params=[
                {
                    "turn": record.turn,
                    "position": i,
                    "seat": o.actor,
                    "kind": o.kind,
                    "data": codec.dumps(o.to_dict()),
                }
                for i, o in enumerate(record.orders)
            ],
        )
    if record.events:
        s.exec(
            insert(EventRow),
            params=[
                {
                    "turn": record.turn,
                    "position": i,
                    "kind": e.kind,
                    "data": codec.dumps(e.to_dict()),
                }
                for i, e in enumerate(record.events)
            ],
        )
    s.exec(
        update(SessionRow).values(
            turns_played=record.turn, finished=record.turn >= scenario.turns, updated=stamp
        )
    )


# --- reading ----------------------------------------------------------------------------------------


def read_log(s: Session) -> SessionLog:
    """Decode every row; raises CodecError naming what is malformed."""
    meta = {m.key: m.value for m in s.exec(select(MetaRow))}
    head = s.exec(select(SessionRow)).one_or_none()
    if head is None:
        raise CodecError("the session record is missing")
    if type(head.seed) is not int or not 0 <= head.seed < 2**63:
        raise CodecError("the session's seed is not a number the game can use")
    scenario = codec.scenario_from_json(head.scenario_json)
    seats = tuple(
        SeatInfo(r.seat, r.controller, r.player, r.doctrine)
        for r in s.exec(select(SeatRow).order_by(SeatRow.position))
    )
    if tuple(x.seat for x in seats) != scenario.state_ids:
        raise CodecError("the seats do not match the scenario's states")
    # who plays each seat is checked where it matters: resume builds the players, verify
    # reports an implausible seat with the turn it affects

    # the big tables are read as plain tuples: ORM objects for thousands of rows cost more than the rows
    orders: dict[int, list[Order]] = {}
    for turn, position, data in s.exec(
        select(TurnOrderRow.turn, TurnOrderRow.position, TurnOrderRow.data).order_by(
            TurnOrderRow.turn, TurnOrderRow.position
        )
    ):
        orders.setdefault(turn, []).append(
            codec.order_from_text(data, f"turn {turn} order {position}")
        )
    events: dict[int, list[Event]] = {}
    for turn, position, data in s.exec(
        select(EventRow.turn, EventRow.position, EventRow.data).order_by(
            EventRow.turn, EventRow.position
        )
    ):
        events.setdefault(turn, []).append(
            codec.event_from_data(
                codec.loads(data, f"turn {turn} event {position}"), f"turn {turn}"
            )
        )

    turns = []
    columns = (
        TurnRow.number,
        TurnRow.results_json,
        TurnRow.reasons_json,
        TurnRow.state_json,
        TurnRow.state_hash,
        TurnRow.resolved,
    )
    rows = s.exec(select(*columns).order_by(TurnRow.number))
    for expected, (number, results_json, reasons_json, state_json, hash_, resolved) in enumerate(
        rows, 1
    ):
        if number != expected:
            raise CodecError(f"turn {expected} is missing from the log")
        if not isinstance(state_json, str) or not isinstance(hash_, str):
            raise CodecError(f"turn {number}: the saved state is not text")
        turn_orders = tuple(orders.pop(number, ()))
        turns.append(
            StoredTurn(
                number,
                turn_orders,
                tuple(events.pop(number, ())),
                codec.results_from_json(results_json, turn_orders, f"turn {number} results"),
                codec.reasons_from_json(reasons_json, f"turn {number} reasons"),
                state_json,
                hash_,
                resolved,
            )
        )
    if orders or events:
        raise CodecError(
            f"orders or events for turn {min([*orders, *events])}, which was never resolved"
        )
    if len(turns) > scenario.turns:
        raise CodecError(f"the log has {len(turns)} turns; the scenario has only {scenario.turns}")

    next_turn = len(turns) + 1
    submissions = {
        (turn, seat): codec.orders_from_json(orders_json, f"turn {turn} orders of {seat}")
        for turn, seat, orders_json in s.exec(
            select(SubmissionRow.turn, SubmissionRow.seat, SubmissionRow.orders_json).order_by(
                SubmissionRow.turn, SubmissionRow.seat
            )
        )
    }
    if any(
        not 1 <= turn <= next_turn or seat not in scenario.state_ids for turn, seat in submissions
    ):
        raise CodecError("orders were submitted for a turn or a seat the session does not have")
    pending = {seat: orders for (turn, seat), orders in submissions.items() if turn == next_turn}
    interventions = read_interventions(s, next_turn)
    return SessionLog(
        scenario,
        head.seed,
        seats,
        tuple(turns),
        pending,
        meta,
        head.created,
        head.updated,
        submissions,
        interventions,
    )


def read_interventions(s: Session, next_turn: int) -> dict[int, tuple[StoredIntervention, ...]]:
    """The facilitator's interventions by turn; CodecError for one out of place or malformed."""
    out: dict[int, list[StoredIntervention]] = {}
    columns = (
        InterventionRow.turn,
        InterventionRow.position,
        InterventionRow.kind,
        InterventionRow.data,
        InterventionRow.state_hash,
        InterventionRow.made,
    )
    for turn, position, kind, data, hash_, made in s.exec(
        select(*columns).order_by(InterventionRow.turn, InterventionRow.position)
    ):
        what = f"turn {turn}, the facilitator's entry {position}"
        if type(turn) is not int or not 1 <= turn <= next_turn:
            raise CodecError(f"{what} is for a turn the session does not have")
        mine = out.setdefault(turn, [])
        if position != len(mine):
            raise CodecError(f"turn {turn}: the facilitator's entries are not numbered in order")
        intervention = codec.intervention_from_text(data, what)
        if kind != intervention.kind or not isinstance(hash_, str) or not isinstance(made, str):
            raise CodecError(f"{what} does not describe itself consistently")
        mine.append(StoredIntervention(turn, position, intervention, hash_, made))
    return {turn: tuple(items) for turn, items in out.items()}
