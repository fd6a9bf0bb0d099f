"""SQLAlchemy engines for session files and for a database given by URL.

pysqlite's own transaction handling begins transactions late (not before SELECT), so reads of a
turn's rows could straddle another process's commit. As SQLAlchemy's documentation recommends,
the DB-API connection is put in autocommit mode and the engine issues BEGIN itself; each BEGIN
also gives the connection a fresh work budget (see guard.py).

A database URL is only ever one given explicitly (a `URL` object, from `--db` on the command
line): a file name that happens to contain "://" is a file name.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.pool import QueuePool, StaticPool

from .guard import GuardedConnection, Mode, connect, harden, reset_budget
from .sqlitefile import go_live, settle


def file_engine(path: Path, mode: Mode) -> Engine:
    """An engine whose connections are made by `guard.connect` (URI mode: ro / rw / rwc)."""
    return _explicit_transactions(
        create_engine(
            "sqlite://",
            creator=lambda: connect(path, mode),
            poolclass=QueuePool,
            pool_size=1,
            max_overflow=4,
        )
    )


def memory_engine(db: sqlite3.Connection) -> Engine:
    """An engine over one existing connection (an in-memory copy, e.g. an old file upgraded read-only)."""
    db.isolation_level = None
    return _explicit_transactions(
        create_engine("sqlite://", creator=lambda: db, poolclass=StaticPool)
    )


def url_engine(url: URL) -> Engine:
    """An explicit SQLAlchemy URL; SQLite ones get the same hardening, transaction handling and
    durability as files."""
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"factory": GuardedConnection})

        @event.listens_for(engine, "connect")
        def _setup(dbapi_connection: GuardedConnection, _record: object) -> None:
            dbapi_connection.isolation_level = None
            harden(dbapi_connection)
            dbapi_connection.execute("PRAGMA synchronous=FULL")

        return _explicit_transactions(engine)
    return create_engine(url)


def _explicit_transactions(engine: Engine) -> Engine:
    event.listen(engine, "begin", _begin)
    return engine


def _begin(conn: Connection) -> None:
    reset_budget(conn.connection.driver_connection)
    conn.exec_driver_sql("BEGIN")


def is_url(target: object) -> bool:
    return isinstance(target, URL)


def make_live(engine: Engine) -> None:
    """Switch a file to WAL for fast durable commits (on the first write, so a store that only
    reads, or is refused, never changes the file)."""
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        if isinstance(raw, sqlite3.Connection):
            go_live(raw)


def release(engine: Engine) -> None:
    """Close every connection, leaving the file settled (no WAL, no journal beside it)."""
    if engine.dialect.name == "sqlite":
        try:
            engine.dispose()  # other pooled connections must be closed for the mode change
            with engine.connect() as conn:
                raw = conn.connection.driver_connection
                if isinstance(raw, sqlite3.Connection) and not raw.in_transaction:
                    settle(raw)
        except Exception:  # closing must not fail because the file went away or is read-only
            pass
    engine.dispose()
