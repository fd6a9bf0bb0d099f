"""Upgrading session files saved in an older format, one version step at a time.

Each step runs on a plain sqlite3 connection inside one transaction, so a failure leaves the file
as it was; the store also keeps a backup copy of the old file before upgrading it in place. A
step's DDL is written out literally: it must keep producing *that* version's tables after
`schema.py` has moved on.

Format history
  1  meta, session(scenario_json, seed, created), seat, and one `turn` row per turn with its
     orders and events as JSON lists. Pending orders were not kept.
  2  orders and events one row each (queryable by seat and kind, e.g. messages), submissions
     per seat (an unfinished turn survives a crash), order results and the computer seats'
     reasons per turn, and summary columns on `session` for the recent-sessions list.
  3  the facilitator's interventions (injects, argument rulings, overrides, seat changes, the
     clock), one row each in the turn they were made in, with the state hash each led to.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

from .codec import dumps
from .records import now
from .schema import SCHEMA_VERSION

# The tables of format 1, as that release wrote them. The open check (shape.py) accepts a file in
# this format only if its schema is exactly this.
V1_TABLES = """
CREATE TABLE meta ("key" VARCHAR NOT NULL, value VARCHAR NOT NULL, PRIMARY KEY ("key"));
CREATE TABLE session (id INTEGER PRIMARY KEY, scenario_json TEXT NOT NULL, seed INTEGER NOT NULL,
                      created TEXT NOT NULL);
CREATE TABLE seat (seat TEXT PRIMARY KEY, controller TEXT NOT NULL, player TEXT, doctrine TEXT);
CREATE TABLE turn (number INTEGER PRIMARY KEY, orders_json TEXT NOT NULL, events_json TEXT NOT NULL,
                   state_json TEXT NOT NULL, state_hash TEXT NOT NULL, resolved TEXT NOT NULL);
"""

V2_TABLES = """
CREATE TABLE session_v2 (
    id INTEGER NOT NULL, scenario_id VARCHAR NOT NULL, scenario_title VARCHAR NOT NULL,
    scenario_json VARCHAR NOT NULL, seed INTEGER NOT NULL, turns_total INTEGER NOT NULL,
    turns_played INTEGER NOT NULL, finished BOOLEAN NOT NULL, created VARCHAR NOT NULL,
    updated VARCHAR NOT NULL, PRIMARY KEY (id));
CREATE TABLE seat_v2 (
    seat VARCHAR NOT NULL, position INTEGER NOT NULL, controller VARCHAR NOT NULL,
    player VARCHAR, doctrine VARCHAR, PRIMARY KEY (seat));
CREATE TABLE submission (
    turn INTEGER NOT NULL, seat VARCHAR NOT NULL, orders_json VARCHAR NOT NULL,
    submitted VARCHAR NOT NULL, PRIMARY KEY (turn, seat));
CREATE TABLE turn_v2 (
    number INTEGER NOT NULL, state_json VARCHAR NOT NULL, state_hash VARCHAR NOT NULL,
    results_json VARCHAR NOT NULL, reasons_json VARCHAR NOT NULL, resolved VARCHAR NOT NULL,
    PRIMARY KEY (number));
CREATE TABLE turn_order (
    turn INTEGER NOT NULL, position INTEGER NOT NULL, seat VARCHAR NOT NULL,
    kind VARCHAR NOT NULL, data VARCHAR NOT NULL, PRIMARY KEY (turn, position));
CREATE INDEX ix_turn_order_kind ON turn_order (kind);
CREATE INDEX ix_turn_order_seat ON turn_order (seat);
CREATE TABLE event (
    turn INTEGER NOT NULL, position INTEGER NOT NULL, kind VARCHAR NOT NULL,
    data VARCHAR NOT NULL, PRIMARY KEY (turn, position));
CREATE INDEX ix_event_kind ON event (kind);
"""


# The tables of format 2 as that release created them (a new file, not an upgraded one).
V2_CREATED = """
CREATE TABLE meta ("key" VARCHAR NOT NULL, value VARCHAR NOT NULL, PRIMARY KEY ("key"));
CREATE TABLE session (
    id INTEGER NOT NULL, scenario_id VARCHAR NOT NULL, scenario_title VARCHAR NOT NULL,
    scenario_json VARCHAR NOT NULL, seed INTEGER NOT NULL, turns_total INTEGER NOT NULL,
    turns_played INTEGER NOT NULL, finished BOOLEAN NOT NULL, created VARCHAR NOT NULL,
    updated VARCHAR NOT NULL, PRIMARY KEY (id));
CREATE TABLE seat (
    seat VARCHAR NOT NULL, position INTEGER NOT NULL, controller VARCHAR NOT NULL,
    player VARCHAR, doctrine VARCHAR, PRIMARY KEY (seat));
CREATE TABLE submission (
    turn INTEGER NOT NULL, seat VARCHAR NOT NULL, orders_json VARCHAR NOT NULL,
    submitted VARCHAR NOT NULL, PRIMARY KEY (turn, seat));
CREATE TABLE turn (
    number INTEGER NOT NULL, state_json VARCHAR NOT NULL, state_hash VARCHAR NOT NULL,
    results_json VARCHAR NOT NULL, reasons_json VARCHAR NOT NULL, resolved VARCHAR NOT NULL,
    PRIMARY KEY (number));
CREATE TABLE turn_order (
    turn INTEGER NOT NULL, position INTEGER NOT NULL, seat VARCHAR NOT NULL,
    kind VARCHAR NOT NULL, data VARCHAR NOT NULL, PRIMARY KEY (turn, position));
CREATE INDEX ix_turn_order_kind ON turn_order (kind);
CREATE INDEX ix_turn_order_seat ON turn_order (seat);
CREATE TABLE event (
    turn INTEGER NOT NULL, position INTEGER NOT NULL, kind VARCHAR NOT NULL,
    data VARCHAR NOT NULL, PRIMARY KEY (turn, position));
CREATE INDEX ix_event_kind ON event (kind);
"""

V3_TABLES = """
CREATE TABLE intervention (
    turn INTEGER NOT NULL, position INTEGER NOT NULL, kind VARCHAR NOT NULL,
    data VARCHAR NOT NULL, state_hash VARCHAR NOT NULL, made VARCHAR NOT NULL,
    PRIMARY KEY (turn, position));
CREATE INDEX ix_intervention_kind ON intervention (kind);
"""


def run_script(db: sqlite3.Connection, script: str) -> None:
    """Each statement on its own (executescript would commit the caller's transaction)."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def replace_v1_tables(db: sqlite3.Connection) -> None:
    for table in ("session", "seat", "turn"):
        db.execute(f"DROP TABLE {table}")
        db.execute(f"ALTER TABLE {table}_v2 RENAME TO {table}")


def upgrade_1_to_2(db: sqlite3.Connection) -> None:
    run_script(db, V2_TABLES)
    scenario_json, seed, created = db.execute(
        "SELECT scenario_json, seed, created FROM session"
    ).fetchone()
    scenario = json.loads(scenario_json)
    state_ids = [s["id"] for s in scenario["states"]]
    played = db.execute("SELECT count(*) FROM turn").fetchone()[0]
    db.execute(
        "INSERT INTO session_v2 VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            scenario["id"],
            scenario["title"],
            scenario_json,
            seed,
            scenario["turns"],
            played,
            played >= scenario["turns"],
            created,
            created,
        ),
    )
    for seat, controller, player, doctrine in db.execute(
        "SELECT seat, controller, player, doctrine FROM seat"
    ).fetchall():
        db.execute(
            "INSERT INTO seat_v2 VALUES (?, ?, ?, ?, ?)",
            (seat, state_ids.index(seat), controller, player, doctrine),
        )
    rows = db.execute(
        "SELECT number, orders_json, events_json, state_json, state_hash, resolved FROM turn ORDER BY number"
    ).fetchall()
    for number, orders_json, events_json, state_json, state_hash, resolved in rows:
        # v1 kept no results or reasons; replay recomputes results, reasons are simply unknown
        db.execute(
            "INSERT INTO turn_v2 VALUES (?, ?, ?, '[]', '{}', ?)",
            (number, state_json, state_hash, resolved),
        )
        db.executemany(
            "INSERT INTO turn_order VALUES (?, ?, ?, ?, ?)",
            [
                (number, i, o["actor"], o["kind"], dumps(o))
                for i, o in enumerate(json.loads(orders_json))
            ],
        )
        db.executemany(
            "INSERT INTO event VALUES (?, ?, ?, ?)",
            [(number, i, e["kind"], dumps(e)) for i, e in enumerate(json.loads(events_json))],
        )
    replace_v1_tables(db)


def upgrade_2_to_3(db: sqlite3.Connection) -> None:
    """A table for the facilitator's interventions; sessions saved before had none."""
    run_script(db, V3_TABLES)


# what a step may raise on a file whose old-format rows are malformed (RecursionError: JSON nested
# absurdly deep; MemoryError: a field too large to decode)
UPGRADE_ERRORS = (
    sqlite3.Error,
    KeyError,
    IndexError,
    ValueError,
    TypeError,
    AttributeError,
    RecursionError,
    MemoryError,
)

STEPS: dict[int, Callable[[sqlite3.Connection], None]] = {1: upgrade_1_to_2, 2: upgrade_2_to_3}


def upgrade(db: sqlite3.Connection, version: int) -> None:
    """Bring a file from `version` to SCHEMA_VERSION in one transaction (all steps or none).

    `db` must be in autocommit mode (isolation_level=None) so the transaction is ours alone.
    """
    db.execute("BEGIN IMMEDIATE")
    try:
        for step in range(version, SCHEMA_VERSION):
            STEPS[step](db)
        stamp = now()
        db.executemany(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            [
                ("schema_version", str(SCHEMA_VERSION)),
                ("upgraded_from", str(version)),
                ("upgraded", stamp),
            ],
        )
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
