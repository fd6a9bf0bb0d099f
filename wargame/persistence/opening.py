"""Deciding whether a file is a session we can open, and upgrading an older one.

Nothing here writes to a file that has not passed every check. The only writes are: recovering
a file of ours that a crash left mid-transaction or in WAL mode (see `check_session_file`), and
upgrading an older format, after a backup copy has been made.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from . import migrations
from .errors import SessionError
from .schema import APP_NAME, SCHEMA_VERSION
from .sqlitefile import (
    check_complete,
    connect,
    copy_exact,
    describe,
    has_hot_journal,
    has_wal,
    newer_version_message,
    read_header,
    recover,
    remove_quietly,
    settle,
)


def check_session_file(path: Path, *, readonly: bool = False) -> int:
    """The file's format version, once it is known to be an undamaged session of ours.

    A crash leaves a hot journal (only a read-write connection can roll it back) or a WAL of
    committed transactions (a read-only connection can read it; opening for writing settles it).
    A file left in WAL mode with no WAL beside it (a store never closed) is settled first, or a
    read-only open would leave `-wal` and `-shm` files behind.
    """
    header = read_header(path)  # plain file I/O: foreign and newer files stop here
    wal = has_wal(path)
    if has_hot_journal(path) or (wal and not readonly) or (header.wal_mode and not wal):
        recover(path)
    try:
        db = connect(path, "ro")
    except sqlite3.Error as exc:
        raise SessionError(f"{describe(path)} cannot be opened ({exc}).") from None
    try:
        return _check_database(db, path)
    except sqlite3.DatabaseError as exc:
        check_complete(path, header)  # "cut short" says more than SQLite's "malformed"
        raise SessionError(f"{describe(path)} is damaged and cannot be opened ({exc}).") from None
    finally:
        db.close()


def _check_database(db: sqlite3.Connection, path: Path) -> int:
    db.execute("BEGIN")
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()  # takes the shared lock
        check_complete(path, read_header(path))  # under the lock: no writer is mid-commit
        problems = [
            line for row in db.execute("PRAGMA quick_check(3)") for line in row[0].splitlines()
        ]
        if problems != ["ok"]:
            first = next((p for p in problems if not p.startswith("***")), problems[0])
            raise SessionError(
                f"{describe(path)} is damaged and cannot be opened (SQLite reports: {first})."
            )
        meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
        user_version = db.execute("PRAGMA user_version").fetchone()[0]
    finally:
        if db.in_transaction:
            db.execute("ROLLBACK")
    if meta.get("app") != APP_NAME:
        raise SessionError(f"{describe(path)} is not a Crisis Wargame session.")
    try:
        version = int(meta["schema_version"])
    except (KeyError, ValueError):
        raise SessionError(f"{describe(path)} is damaged: its format version is missing.") from None
    if version > SCHEMA_VERSION:
        raise SessionError(newer_version_message(path, version))
    if version < 1 or version != user_version:
        raise SessionError(f"{describe(path)} is damaged: its format version is inconsistent.")
    return version


def backup_name(path: Path, version: int) -> Path:
    candidate = path.with_name(f"{path.stem}.v{version}-backup{path.suffix}")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.v{version}-backup-{n}{path.suffix}")
        n += 1
    return candidate


def upgrade_file(path: Path, version: int) -> Path:
    """Copy the file aside, then upgrade it in place; returns the backup's path."""
    backup = backup_name(path, version)
    source = connect(path, "ro")
    try:
        copy_exact(source, path, backup)
    finally:
        source.close()
    db = connect(path, "rw")
    try:
        migrations.upgrade(db, version)
    except migrations.UPGRADE_ERRORS as exc:
        remove_quietly(backup)  # the upgrade rolled back: the file itself is still the old one
        raise SessionError(
            f"{describe(path)} is in an older format and could not be upgraded ({exc}); it was left as it was."
        ) from None
    finally:
        settle(db)
        db.close()
    return backup


def upgraded_copy(path: Path, version: int) -> sqlite3.Connection:
    """An upgraded in-memory copy, for read-only use: the file itself is not changed."""
    source = connect(path, "ro")
    memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    try:
        source.backup(memory)
        migrations.upgrade(memory, version)
    except migrations.UPGRADE_ERRORS as exc:
        memory.close()
        raise SessionError(
            f"{describe(path)} is in an older format and could not be read ({exc})."
        ) from None
    finally:
        source.close()
    return memory
