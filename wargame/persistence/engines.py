"""SQLAlchemy engines for session files and for any database URL.

pysqlite's own transaction handling begins transactions late (not before SELECT), so reads of a
turn's rows could straddle another process's commit. As SQLAlchemy's documentation recommends,
the DB-API connection is put in autocommit mode and the engine issues BEGIN itself.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import QueuePool, StaticPool

from .sqlitefile import Mode, connect, go_live, settle


def file_engine(path: Path, mode: Mode, *, live: bool = False) -> Engine:
    """An engine whose connections are made by `connect` (URI mode: ro / rw / rwc); `live`
    switches the file to WAL for fast commits until `release` settles it again."""

    def creator() -> sqlite3.Connection:
        conn = connect(path, mode)
        if live:
            go_live(conn)
        return conn

    return _explicit_transactions(
        create_engine(
            "sqlite://", creator=creator, poolclass=QueuePool, pool_size=1, max_overflow=4
        )
    )


def memory_engine(db: sqlite3.Connection) -> Engine:
    """An engine over one existing connection (an in-memory copy, e.g. an old file upgraded read-only)."""
    db.isolation_level = None
    return _explicit_transactions(
        create_engine("sqlite://", creator=lambda: db, poolclass=StaticPool)
    )


def url_engine(url: str | URL) -> Engine:
    """Any SQLAlchemy URL; SQLite ones get the same transaction and durability settings as files."""
    engine = create_engine(make_url(url))
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _setup(dbapi_connection: sqlite3.Connection, _record: object) -> None:
            dbapi_connection.isolation_level = None
            dbapi_connection.execute("PRAGMA synchronous=FULL")

        _explicit_transactions(engine)
    return engine


def _explicit_transactions(engine: Engine) -> Engine:
    event.listen(engine, "begin", _begin)
    return engine


def _begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN")


def is_url(target: object) -> bool:
    return isinstance(target, URL) or (isinstance(target, str) and "://" in target)


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
