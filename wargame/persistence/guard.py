"""SQLite connections fit for files from strangers.

A session file is untrusted input: a classmate, a download or a mail attachment may have written
it. Before any row is read its schema is compared with ours (`shape.py`); on top of that every
connection the store makes is hardened as SQLite's "defense against the dark arts" advises:

- `trusted_schema=OFF`: SQL functions with side effects may not run from the schema;
- defensive mode, and triggers and views switched off, where the Python build can (3.12+);
- small limits: no string or blob above MAX_FIELD_BYTES (a 100 MB "title" is refused, not read),
  short statements, no ATTACH;
- a work budget per transaction (the progress handler stops a statement that runs away);
- a cap on SQLite's heap (a process-wide setting; it can only be lowered).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Literal

Mode = Literal["ro", "rw", "rwc"]

BUSY_TIMEOUT_S = 5.0  # another process (the GUI, `wargame verify`) may hold a lock briefly
# the largest text a session keeps is the scenario, whose file may be 2 MB of YAML
MAX_FIELD_BYTES = 4_000_000
# SQLite virtual-machine steps per transaction: opening and loading a 50-turn session of the
# largest scenario takes about 20 thousand; this many take a fraction of a second, so a
# runaway statement stops there
STEP_BUDGET = 10_000_000
STEPS_PER_CHECK = 10_000
HEAP_LIMIT_BYTES = 512 * 1024 * 1024

LIMITS = {
    "SQLITE_LIMIT_LENGTH": MAX_FIELD_BYTES,
    "SQLITE_LIMIT_SQL_LENGTH": 100_000,
    "SQLITE_LIMIT_COLUMN": 100,
    "SQLITE_LIMIT_EXPR_DEPTH": 100,
    "SQLITE_LIMIT_COMPOUND_SELECT": 10,
    "SQLITE_LIMIT_VDBE_OP": 100_000,
    "SQLITE_LIMIT_FUNCTION_ARG": 16,
    "SQLITE_LIMIT_ATTACHED": 0,
    "SQLITE_LIMIT_LIKE_PATTERN_LENGTH": 100,
    "SQLITE_LIMIT_VARIABLE_NUMBER": 1000,
    "SQLITE_LIMIT_TRIGGER_DEPTH": 1,
    "SQLITE_LIMIT_WORKER_THREADS": 0,
}
# (sqlite3 constant, value): defensive mode, and no triggers or views at all, where available
DB_CONFIG = (
    ("SQLITE_DBCONFIG_DEFENSIVE", True),
    ("SQLITE_DBCONFIG_TRUSTED_SCHEMA", False),
    ("SQLITE_DBCONFIG_ENABLE_TRIGGER", False),
    ("SQLITE_DBCONFIG_ENABLE_VIEW", False),
)


class Budget:
    """Steps left in the current transaction; the progress handler asks it whether to stop."""

    def __init__(self) -> None:
        self.left = STEP_BUDGET

    def reset(self) -> None:
        self.left = STEP_BUDGET

    def tick(self) -> int:
        self.left -= STEPS_PER_CHECK
        return 1 if self.left < 0 else 0  # non-zero interrupts the running statement


class GuardedConnection(sqlite3.Connection):
    """A sqlite3 connection with its work budget (see `harden`)."""

    budget: Budget


def connect(path: Path, mode: Mode) -> GuardedConnection:
    """A hardened DB-API connection in autocommit mode (transactions are begun explicitly).

    URI mode: "ro" never writes, "rw" never creates a file, "rwc" may create one.
    """
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    conn = sqlite3.connect(
        uri,
        uri=True,
        timeout=BUSY_TIMEOUT_S,
        isolation_level=None,
        check_same_thread=False,
        factory=GuardedConnection,
    )
    try:
        harden(conn)
        if mode != "ro":
            conn.execute("PRAGMA synchronous=FULL")
    except BaseException:
        conn.close()
        raise
    return conn


def connect_memory() -> GuardedConnection:
    """A hardened in-memory database (an upgraded or recovered copy read in place of a file)."""
    conn = sqlite3.connect(
        ":memory:", isolation_level=None, check_same_thread=False, factory=GuardedConnection
    )
    harden(conn)
    return conn


def harden(conn: GuardedConnection) -> None:
    """Apply every protection this Python and SQLite support; skip the others quietly."""
    setconfig = getattr(conn, "setconfig", None)  # Python 3.12+
    if setconfig is not None:
        for name, value in DB_CONFIG:
            option = getattr(sqlite3, name, None)
            if option is not None:
                setconfig(option, value)
    conn.execute("PRAGMA trusted_schema=OFF")
    conn.execute("PRAGMA cell_size_check=ON")  # notice damaged pages early
    conn.execute("PRAGMA mmap_size=0")
    conn.execute(f"PRAGMA hard_heap_limit={HEAP_LIMIT_BYTES}")  # only ever lowers it
    setlimit = getattr(conn, "setlimit", None)  # Python 3.11+
    if setlimit is not None:
        for name, value in LIMITS.items():
            category = getattr(sqlite3, name, None)
            if category is not None:
                setlimit(category, value)
    conn.budget = Budget()
    conn.set_progress_handler(conn.budget.tick, STEPS_PER_CHECK)


def reset_budget(conn: object) -> None:
    """Give a connection a fresh work budget (at the start of each transaction)."""
    budget = getattr(conn, "budget", None)
    if isinstance(budget, Budget):
        budget.reset()


def describe_sqlite_error(exc: BaseException) -> str:
    """What a guard tripped, in words; SQLite's own text otherwise."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if isinstance(exc, sqlite3.DataError) or "too big" in text:
        return f"it holds a field larger than {MAX_FIELD_BYTES // 1_000_000} MB, more than any session needs"
    if text == "interrupted":
        return "reading it took far more work than any session needs"
    if isinstance(exc, MemoryError) or "out of memory" in text:
        return "reading it needed more memory than any session needs"
    return text
