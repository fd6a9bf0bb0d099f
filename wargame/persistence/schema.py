"""The tables of a session file (format version 3), as sqlmodel classes.

A session file holds one session. Orders and events are stored one row each (JSON in `data`, the
kind in its own indexed column) so the GUI and the debrief can query "every message to this seat"
without decoding whole turns. Older formats are upgraded by `migrations.py`; change a table here
only together with a new version there.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Integer
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

SCHEMA_VERSION = 3
APP_NAME = "crisis-wargame"
# PRAGMA application_id: lets a foreign SQLite file be told apart before any table is read.
APPLICATION_ID = int.from_bytes(b"CWg1", "big")
FILE_SUFFIX = ".wargame"


class Base(SQLModel, registry=registry()):
    """Our own metadata, so tables other modules register with SQLModel never land in a session file."""


class MetaRow(Base, table=True):
    """Key/value facts about the file. Its shape never changes, so every version can read it."""

    __tablename__ = "meta"
    key: str = Field(primary_key=True)  # schema_version, app, app_version, created, upgraded_from
    value: str


class SessionRow(Base, table=True):
    __tablename__ = "session"
    id: int = Field(default=1, primary_key=True)  # always 1: one session per file
    scenario_id: str
    scenario_title: str
    scenario_json: str  # canonical JSON of scenario.model_dump(mode="json", by_alias=True)
    # seeds go up to 2^63-1: BIGINT in PostgreSQL; SQLite's INTEGER holds 64 bits already (and a
    # file's schema must stay exactly what format 3 wrote)
    seed: int = Field(sa_type=BigInteger().with_variant(Integer(), "sqlite"))
    turns_total: int
    turns_played: int = 0
    finished: bool = False
    created: str  # ISO 8601, UTC
    updated: str


class SeatRow(Base, table=True):
    __tablename__ = "seat"
    seat: str = Field(primary_key=True)  # a state id of the scenario
    position: int  # the scenario's state order
    controller: str  # "human" or "computer"
    player: str | None = None  # computer player kind: heuristic | random
    doctrine: str | None = None  # None: the state's own doctrine from the scenario


class SubmissionRow(Base, table=True):
    """The orders a seat submitted for a turn; the latest submission per turn and seat counts."""

    __tablename__ = "submission"
    turn: int = Field(primary_key=True)
    seat: str = Field(primary_key=True)
    orders_json: str  # [Order.to_dict(), ...]
    submitted: str


class TurnRow(Base, table=True):
    __tablename__ = "turn"
    number: int = Field(primary_key=True)  # a duplicate turn number is an error, never an overwrite
    state_json: str  # canonical_json of the state after the turn
    state_hash: str
    results_json: str  # [[position in the turn's orders, status, reason], ...] in resolution order
    reasons_json: str  # {seat: [why, ...]} for computer seats
    resolved: str


class TurnOrderRow(Base, table=True):
    """One order as resolved: `position` is its index in the turn's flat order tuple."""

    __tablename__ = "turn_order"
    turn: int = Field(primary_key=True)
    position: int = Field(primary_key=True)
    seat: str = Field(index=True)
    kind: str = Field(index=True)  # SendMessage rows are the turn's messages
    data: str  # Order.to_dict() as JSON


class EventRow(Base, table=True):
    __tablename__ = "event"
    turn: int = Field(primary_key=True)
    position: int = Field(primary_key=True)
    kind: str = Field(index=True)
    data: str  # Event.to_dict() as JSON


class InterventionRow(Base, table=True):
    """One of the facilitator's interventions (wargame.facilitator), in the turn it was made in
    (before that turn was resolved), with the state hash it led to."""

    __tablename__ = "intervention"
    turn: int = Field(primary_key=True)
    position: int = Field(primary_key=True)  # its place among the turn's interventions
    kind: str = Field(index=True)
    data: str  # facilitator.to_data(intervention) as JSON
    state_hash: str  # the state's hash right after it
    made: str  # ISO 8601, UTC


TABLES = [
    t.__table__
    for t in (
        MetaRow,
        SessionRow,
        SeatRow,
        SubmissionRow,
        TurnRow,
        TurnOrderRow,
        EventRow,
        InterventionRow,
    )
]  # type: ignore[attr-defined]
