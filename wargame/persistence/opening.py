"""Deciding whether a file is a session we can open, and upgrading an older one.

Every check runs before anything of the file is written, in an order that never trusts what it
has not yet checked: the 100-byte header with plain file I/O (an ordinary file, SQLite's magic,
our application id, a format we know); the side files a crash may have left (they must belong to
the file, see `sidefiles.py`); then, on a read-only hardened connection, the exact schema
(`shape.py`) before any row is read, SQLite's own quick check, and the format recorded inside.

The only writes: recovering a file of ours, for a store opened for writing, from side files that
were shown to belong to it; and upgrading an older format, after a backup copy has been made.
A read-only open never writes: a file that needs recovery is recovered in a temporary copy.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from . import migrations
from .errors import SessionError
from .guard import GuardedConnection, connect, connect_memory, describe_sqlite_error, reset_budget
from .lock import live_holder
from .schema import APP_NAME, SCHEMA_VERSION
from .shape import check_shape
from .sidefiles import find_leftovers, recovered_copy, validate_leftovers
from .sqlitefile import (
    check_complete,
    copy_exact,
    describe,
    newer_version_message,
    read_header,
    recover,
    remove_quietly,
    settle,
)


@dataclass(frozen=True)
class Checked:
    """A file that passed every check: its format, and for a read-only open of a file that
    needed recovery, the recovered in-memory copy to read in its place."""

    version: int
    copy: GuardedConnection | None = None


def check_session_file(path: Path, *, readonly: bool = False) -> Checked:
    """The file's format version, once it is known to be an undamaged session of ours.

    A crash leaves a hot journal or a WAL beside the file, or the header in WAL mode. While
    another program plays the session (it holds the lock, see `lock.py`) those are its own and a
    read-only open reads through them. Otherwise they are leftovers: checked in a temporary copy
    first; a read-only open reads that copy, an open for writing (which holds the lock) lets
    SQLite recover the file itself.
    """
    header = read_header(path)  # plain file I/O: foreign and newer files stop here

    def check(db: sqlite3.Connection, actual: Path) -> int:
        return check_database(db, path, actual)

    leftovers = find_leftovers(path, header)
    if leftovers.any:
        if readonly and live_holder(path) is None:
            memory, version = recovered_copy(path, header, leftovers, check)
            return Checked(version, memory)
        if not readonly:
            validate_leftovers(path, header, leftovers, check)
            recover(path)
    # after a recovery that could not settle the file (a full disk), or beside a live writer,
    # SQLite reads through the WAL and the header on disk may be ahead of the file's size
    settled = not find_leftovers(path, read_header(path)).any
    try:
        db = connect(path, "ro")
    except sqlite3.Error as exc:
        raise SessionError(f"{describe(path)} cannot be opened ({exc}).") from None
    try:
        return Checked(check_database(db, path, path if settled else None))
    finally:
        db.close()


def check_database(db: sqlite3.Connection, shown: Path, actual: Path | None) -> int:
    """Schema, integrity and recorded format of an open database; SessionError naming `shown`.

    `actual`: the file on disk whose size to check against its header (None: skip that check).
    """
    name = describe(shown)
    try:
        return _check_database(db, shown, actual)
    except sqlite3.DatabaseError as exc:
        if actual is not None:
            check_complete(actual, read_header(actual, shown), shown)  # "cut short" says more
        raise SessionError(
            f"{name} is damaged and cannot be opened ({describe_sqlite_error(exc)})."
        ) from None
    except (MemoryError, RecursionError) as exc:
        raise SessionError(f"{name} cannot be opened: {describe_sqlite_error(exc)}.") from None


def _check_database(db: sqlite3.Connection, shown: Path, actual: Path | None) -> int:
    name = describe(shown)
    reset_budget(db)
    db.execute("BEGIN")
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()  # takes the shared lock
        if actual is not None:
            check_complete(actual, read_header(actual, shown), shown)  # no writer is mid-commit
        user_version = db.execute("PRAGMA user_version").fetchone()[0]
        check_shape(db, name, user_version)  # before any row of ours is read
        problems = [
            line for row in db.execute("PRAGMA quick_check(3)") for line in row[0].splitlines()
        ]
        if problems != ["ok"]:
            first = next((p for p in problems if not p.startswith("***")), problems[0])
            raise SessionError(
                f"{name} is damaged and cannot be opened (SQLite reports: {first[:200]})."
            )
        meta = dict(db.execute("SELECT key, value FROM meta LIMIT 100").fetchall())
    finally:
        if db.in_transaction:
            db.execute("ROLLBACK")
    if meta.get("app") != APP_NAME:
        raise SessionError(f"{name} is not a Crisis Wargame session.")
    try:
        version = int(meta["schema_version"])
    except (KeyError, ValueError, TypeError):
        raise SessionError(f"{name} is damaged: its format version is missing.") from None
    if version > SCHEMA_VERSION:
        raise SessionError(newer_version_message(shown, version))
    if version < 1 or version != user_version:
        raise SessionError(f"{name} is damaged: its format version is inconsistent.")
    return version


def backup_name(path: Path, version: int) -> Path:
    candidate = path.with_name(f"{path.stem}.v{version}-backup{path.suffix}")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.v{version}-backup-{n}{path.suffix}")
        n += 1
    return candidate


def upgrade_file(path: Path, version: int) -> Path:
    """Copy the file aside, then upgrade it in place; returns the backup's path.

    On any failure the upgrade rolls back, the backup is removed and the file is as it was.
    """
    backup = backup_name(path, version)
    source = connect(path, "ro")
    try:
        copy_exact(source, path, backup)
    finally:
        source.close()
    try:
        db = connect(path, "rw")
    except sqlite3.Error as exc:
        remove_quietly(backup)
        raise SessionError(_not_upgraded(path, exc)) from None
    try:
        migrations.upgrade(db, version)
    except migrations.UPGRADE_ERRORS as exc:
        remove_quietly(backup)  # the upgrade rolled back: the file itself is still the old one
        raise SessionError(_not_upgraded(path, exc)) from None
    finally:
        settle(db)
        db.close()
    return backup


def _not_upgraded(path: Path, exc: BaseException) -> str:
    detail = describe_sqlite_error(exc) if isinstance(exc, sqlite3.Error) else _short(exc)
    return (
        f"{describe(path)} is in an older format and could not be upgraded ({detail}); "
        "it was left as it was."
    )


def upgraded_copy(path: Path, version: int, *, upgrading: bool = False) -> GuardedConnection:
    """An upgraded in-memory copy, for read-only use (or to try an upgrade before making it):
    the file itself is not changed."""
    source = connect(path, "ro")
    memory = connect_memory()
    try:
        source.backup(memory)
    except sqlite3.Error as exc:
        memory.close()
        raise SessionError(f"{describe(path)} could not be read ({exc}).") from None
    finally:
        source.close()
    return upgrade_in_memory(memory, path, version, upgrading=upgrading)


def upgrade_in_memory(
    memory: GuardedConnection, path: Path, version: int, *, upgrading: bool = False
) -> GuardedConnection:
    try:
        migrations.upgrade(memory, version)
    except migrations.UPGRADE_ERRORS as exc:
        memory.close()
        if upgrading:
            raise SessionError(_not_upgraded(path, exc)) from None
        raise SessionError(
            f"{describe(path)} is in an older format and could not be read ({_short(exc)})."
        ) from None
    return memory


def _short(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "some of its data is nested far more deeply than a session's"
    if isinstance(exc, MemoryError):
        return "some of its data is far larger than a session's"
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__
