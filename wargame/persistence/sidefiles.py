"""The side files SQLite leaves beside a session after a crash, and whether they belong to it.

A process killed while saving leaves `x.wargame-journal` (a transaction to roll back) or
`x.wargame-wal` (committed transactions not yet folded into the file). SQLite applies whatever
side file it finds under the right name, without asking where it came from: a `-wal` copied from
another session, or an older one of the same session, would be folded into the file for good.

So a side file is never applied to the file before it has been applied to a copy: the file and
its side files are copied to a temporary folder, SQLite recovers the copy, and the result must be
a healthy session (`check` is the open check), the same session as the file alone (same creation
stamp and seed), and a continuation of it: a WAL may only add turns, a rollback may only remove
the turn being saved. A read-only open then reads that recovered copy and the file is never
touched; an open for writing lets SQLite recover the file itself, which gives the same result.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import SessionError
from .guard import GuardedConnection, connect, connect_memory
from .sqlitefile import (
    MAX_FILE_BYTES,
    Header,
    describe,
    has_hot_journal,
    open_regular,
    settle,
    side_file,
)

JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
WAL_MAGICS = (0x377F0682, 0x377F0683)
WAL_HEADER_SIZE = 32

# (meta "created", session seed, session "created"), and the saved turns as (number, hash)
Identity = tuple[tuple[str, str, str], tuple[tuple[int, str], ...]]


@dataclass(frozen=True)
class Leftovers:
    """What beside the file (or in its header) asks for recovery before it can be read."""

    journal: Path | None  # a hot rollback journal: a transaction cut off
    wal: Path | None  # a write-ahead log, of any size
    wal_mode: bool  # the header says WAL mode (a store never closed)

    @property
    def any(self) -> bool:
        return bool(self.journal or self.wal or self.wal_mode)

    @property
    def files(self) -> tuple[Path, ...]:
        return tuple(p for p in (self.journal, self.wal) if p is not None)


def find_leftovers(path: Path, header: Header) -> Leftovers:
    """The side files present; SessionError if one is not an ordinary file (a pipe, a folder)."""
    present: dict[str, Path] = {}
    for suffix in ("-journal", "-wal", "-shm"):
        side = side_file(path, suffix)
        try:
            info = os.stat(side)
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise SessionError(
                f"{describe(path)} cannot be opened: its side file {describe(side)} cannot be "
                f"examined ({exc.strerror or exc})."
            ) from None
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            raise SessionError(
                f"{describe(path)} cannot be opened: {describe(side)} beside it is not a side file "
                "SQLite could have written (it is not an ordinary file, or far too large). "
                "Nothing was changed."
            )
        present[suffix] = side
    journal = present.get("-journal")
    if journal is not None and not has_hot_journal(path):
        journal = None  # empty or zeroed: SQLite ignores it, and so do we
    return Leftovers(journal, present.get("-wal"), header.wal_mode)


def check_side_headers(path: Path, header: Header, leftovers: Leftovers) -> None:
    """Cheap checks first: a side file of another page size or with no valid header is foreign."""
    for side in leftovers.files:
        fd = open_regular(side)
        try:
            raw = os.read(fd, WAL_HEADER_SIZE)
        finally:
            os.close(fd)
        if side == leftovers.journal:
            ok = raw[:8] == JOURNAL_MAGIC and int.from_bytes(raw[24:28], "big") in (
                0,
                header.page_size,
            )
        elif not raw:
            ok = True  # an empty WAL holds nothing to apply
        else:
            ok = (
                len(raw) == WAL_HEADER_SIZE
                and int.from_bytes(raw[0:4], "big") in WAL_MAGICS
                and int.from_bytes(raw[8:12], "big") == header.page_size
            )
        if not ok:
            raise SessionError(foreign_message(path, side))


def foreign_message(path: Path, side: Path) -> str:
    return (
        f"{describe(path)} has a side file {describe(side)} that does not belong to it (it was "
        "written for another file, or at another time). It was not applied, and neither file was "
        "changed. Move that side file away to open the session as it was last saved."
    )


Check = Callable[[sqlite3.Connection, Path], int]  # the open check: version, or SessionError


def recovered_copy(
    path: Path, header: Header, leftovers: Leftovers, check: Check
) -> tuple[GuardedConnection, int]:
    """The session as SQLite recovers it from its side files, as an in-memory copy, after
    checking that the side files belong to the file. The file and its side files are only read.
    """
    check_side_headers(path, header, leftovers)
    with tempfile.TemporaryDirectory(prefix="wargame-recovery-") as folder:
        bare = Path(folder) / "alone.wargame"
        copy = Path(folder) / "recovered.wargame"
        _copy(path, bare)
        _copy(path, copy)
        for side in leftovers.files:
            _copy(side, side_file(copy, side.name[len(path.name) :]))
        before = _identity(bare, check)
        try:
            conn = connect(copy, "rw")
        except sqlite3.Error as exc:
            raise SessionError(_unrecoverable(path, exc)) from None
        try:
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # recovers
                settle(conn)
            except sqlite3.DatabaseError as exc:
                raise SessionError(_damage(path, leftovers, before, exc)) from None
            try:
                version = check(conn, copy)
                after = _read_identity(conn)
            except (SessionError, sqlite3.DatabaseError) as exc:
                if before is None:
                    raise
                raise SessionError(_damage(path, leftovers, before, exc)) from None
            if before is not None and not _continues(before, after, leftovers):
                raise SessionError(foreign_message(path, _first_side(path, leftovers)))
            memory = connect_memory()
            conn.backup(memory)
            return memory, version
        finally:
            conn.close()


def validate_leftovers(path: Path, header: Header, leftovers: Leftovers, check: Check) -> None:
    """SessionError unless recovering from the side files gives a healthy continuation."""
    memory, _ = recovered_copy(path, header, leftovers, check)
    memory.close()


def _copy(source: Path, dest: Path) -> None:
    fd = open_regular(source)  # never blocks, never follows into a pipe
    try:
        with os.fdopen(fd, "rb", closefd=False) as src, open(dest, "wb") as out:
            shutil.copyfileobj(src, out, 1 << 20)
    except OSError as exc:
        raise SessionError(
            f"{describe(source)} could not be copied for recovery ({exc.strerror or exc})."
        ) from None
    finally:
        os.close(fd)


def _identity(bare: Path, check: Check) -> Identity | None:
    """Who the file alone says it is, if it can be read at all (mid-save it may not)."""
    with contextlib.suppress(SessionError, sqlite3.Error, OSError, ValueError):
        conn = connect(bare, "rw")  # a temporary copy: SQLite may make side files of its own
        try:
            check(conn, bare)
            return _read_identity(conn)
        finally:
            conn.close()
    return None


def _read_identity(conn: sqlite3.Connection) -> Identity:
    created = conn.execute("SELECT value FROM meta WHERE key = 'created'").fetchone()
    session = conn.execute("SELECT seed, created FROM session").fetchone()
    turns = conn.execute("SELECT number, state_hash FROM turn ORDER BY number").fetchall()
    return (
        (str(created[0] if created else ""), str(session[0]), str(session[1])),
        tuple((int(n), str(h)) for n, h in turns),
    )


def _continues(before: Identity, after: Identity, leftovers: Leftovers) -> bool:
    """Recovery may only finish what the file was doing: same session; a WAL adds turns, a
    rollback removes the one being saved."""
    if before[0] != after[0]:
        return False
    old, new = before[1], after[1]
    grows = new[: len(old)] == old
    shrinks = old[: len(new)] == new
    if leftovers.wal and leftovers.journal:
        return grows or shrinks
    return grows if leftovers.wal or not leftovers.journal else shrinks


def _first_side(path: Path, leftovers: Leftovers) -> Path:
    return leftovers.files[0] if leftovers.files else side_file(path, "-wal")


def _damage(path: Path, leftovers: Leftovers, before: Identity | None, exc: BaseException) -> str:
    if before is not None and leftovers.files:  # the file alone is healthy: its side file is not
        return foreign_message(path, _first_side(path, leftovers))
    return _unrecoverable(path, exc)


def _unrecoverable(path: Path, exc: BaseException) -> str:
    detail = exc.message if isinstance(exc, SessionError) else str(exc).splitlines()[0]
    return (
        f"{describe(path)} was being saved when the program stopped and cannot be recovered "
        f"({detail})."
    )
