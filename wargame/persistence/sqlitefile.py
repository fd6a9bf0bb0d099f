"""The session file on disk: recognising it, opening it safely, and writing it atomically.

Everything here is about SQLite files, not about sessions. Checks run in an order that never
changes a file we do not recognise: the 100-byte header is read with plain file I/O first (an
ordinary file, magic, application id, format version), then SQLite opens the file read-only
(`mode=ro`, hardened: guard.py), and only a file that passed every check is reopened read-write
(`mode=rw`, which never creates a file).

Durability: WAL while a session is being written, a plain rollback-journal file at rest.
- From the first write of a store: `journal_mode=WAL`, `synchronous=FULL` (a store that only
  reads, or whose file is refused, leaves it byte for byte). A commit appends to the `-wal` file
  and fsyncs it once before returning, so pulling the plug loses at most the transaction in
  flight (a torn last frame fails its checksum and is ignored). A rollback journal needs about
  four fsyncs per commit (journal, its header, database, journal reset): 4-5x slower autosave on
  disks where a flush is slow (virtual disks, many Windows machines).
- Closing (`settle`): checkpoint, then `journal_mode=DELETE`. The file is one self-contained
  `.wargame` again: safe to copy or mail, and a read-only open (verify, export) creates no
  `-wal`/`-shm` files, which it would for a file left in WAL mode.
- After a crash the `-wal` holds committed transactions; the next open for writing recovers and
  settles the file first (`recover`), so nothing committed is lost; a read-only open recovers a
  copy instead. Rollback-journal files (the creation of a file, an upgrade) recover the same way
  from a hot journal. Either way only once the side file is shown to belong (sidefiles.py).
- Where WAL cannot work (a network share without shared memory) SQLite keeps the rollback
  journal, still with FULL: slower commits, same guarantees.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from .errors import SessionError
from .guard import connect
from .schema import APPLICATION_ID, SCHEMA_VERSION
from .textsafe import plain

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
# far above any real session (a 50-turn game of the largest scenario is 2.3 MB); a bigger file
# is refused unread
MAX_FILE_BYTES = 128 * 1024 * 1024


@dataclass(frozen=True)
class Header:
    page_size: int
    page_count: int | None  # None when SQLite itself would not trust the stored count
    user_version: int  # mirrors meta.schema_version so a newer file is refused before any SQL
    application_id: int
    wal_mode: bool  # the file was left in WAL mode (not settled by `close`)


def describe(path: Path) -> str:
    """A file name for a message: quoted, and with anything that could hijack a terminal removed."""
    return f"'{plain(path)}'"


def side_file(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def open_regular(path: Path) -> int:
    """A read-only descriptor of `path`, which must be an ordinary file (never blocks on a FIFO).

    SessionError says what the path is instead: missing, a folder, a pipe or device, too large.
    """
    name = describe(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise SessionError(f"{name} does not exist.") from None
    except IsADirectoryError:
        raise SessionError(f"{name} is a folder, not a saved session.") from None
    except PermissionError:
        if path.is_dir():
            raise SessionError(f"{name} is a folder, not a saved session.") from None
        raise SessionError(f"{name} cannot be read: permission denied.") from None
    except OSError as exc:
        raise SessionError(f"{name} cannot be read: {exc.strerror or exc}.") from None
    info = os.fstat(fd)
    problem = None
    if stat.S_ISDIR(info.st_mode):
        problem = f"{name} is a folder, not a saved session."
    elif not stat.S_ISREG(info.st_mode):
        problem = (
            f"{name} is not an ordinary file (a pipe or a device), so it is not a saved session."
        )
    elif info.st_size > MAX_FILE_BYTES:
        problem = (
            f"{name} is {info.st_size:,} bytes, far larger than any saved session "
            f"(at most {MAX_FILE_BYTES:,}); it was not opened."
        )
    if problem:
        os.close(fd)
        raise SessionError(problem)
    return fd


def read_header(path: Path, shown: Path | None = None) -> Header:
    """The SQLite header of a session file, or SessionError saying what the file is instead.

    `shown`: the name to use in messages when `path` is a temporary copy of it.
    """
    name = describe(shown or path)
    fd = open_regular(path)
    try:
        raw = os.read(fd, HEADER_SIZE)
    except OSError as exc:
        raise SessionError(f"{name} cannot be read: {exc.strerror or exc}.") from None
    finally:
        os.close(fd)
    if not raw:
        raise SessionError(f"{name} is empty: it is not a saved Crisis Wargame session.")
    if not raw.startswith(SQLITE_MAGIC):
        raise SessionError(f"{name} is not a Crisis Wargame session file.")
    if len(raw) < HEADER_SIZE:
        raise SessionError(f"{name} is damaged: the file is cut short (only {len(raw)} bytes).")
    header = _parse_header(raw)
    if header.application_id != APPLICATION_ID:
        raise SessionError(
            f"{name} is a database of another program, not a Crisis Wargame session; it was left untouched."
        )
    if header.user_version > SCHEMA_VERSION:
        raise SessionError(newer_version_message(shown or path, header.user_version))
    return header


def newer_version_message(path: Path, version: int) -> str:
    return (
        f"{describe(path)} was saved by a newer version of Crisis Wargame (file format {version}; "
        f"this version reads formats up to {SCHEMA_VERSION}). Update the program to open it."
    )


def _parse_header(raw: bytes) -> Header:
    page_size = int.from_bytes(raw[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    # the stored page count is valid only if written by a SQLite that also bumped "version valid for"
    change_counter = int.from_bytes(raw[24:28], "big")
    valid_for = int.from_bytes(raw[92:96], "big")
    count = int.from_bytes(raw[28:32], "big")
    return Header(
        page_size=page_size,
        page_count=count if count and change_counter == valid_for else None,
        user_version=int.from_bytes(raw[60:64], "big", signed=True),
        application_id=int.from_bytes(raw[68:72], "big", signed=True),
        wal_mode=raw[18] == 2,
    )


def check_complete(path: Path, header: Header, shown: Path | None = None) -> None:
    """SQLite writes whole pages; a file shorter than its header says was cut short.

    Only meaningful for a file with nothing to recover: during recovery from a WAL the header
    on disk may already count pages still to be written.
    """
    size = path.stat().st_size
    name = describe(shown or path)
    if header.page_size < 512 or header.page_size & (header.page_size - 1):
        raise SessionError(f"{name} is damaged: its header is not valid.")
    expected = header.page_count * header.page_size if header.page_count else None
    if size % header.page_size or (expected is not None and size < expected):
        raise SessionError(
            f"{name} is damaged: the file is cut short ({size:,} bytes"
            + (f" of {expected:,})." if expected else ").")
        )


def go_live(conn: sqlite3.Connection) -> None:
    """Switch to WAL for fast durable commits; SQLite keeps the old mode where WAL cannot work."""
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")  # per connection, and again after the mode change


def settle(conn: sqlite3.Connection) -> None:
    """Fold the WAL into the file and return to rollback mode: one self-contained file at rest.
    Fails quietly while another connection (another window, `verify`) still has the file open."""
    with contextlib.suppress(sqlite3.Error):
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        conn.execute("PRAGMA journal_mode=DELETE").fetchall()


def has_hot_journal(path: Path) -> bool:
    """A rollback journal with content: a transaction was cut off (only a crash leaves one)."""
    try:
        fd = open_regular(side_file(path, "-journal"))
    except SessionError:
        return False
    try:
        return os.read(fd, 1) not in (b"", b"\x00")  # SQLite ignores a zeroed journal
    except OSError:
        return False
    finally:
        os.close(fd)


def has_wal(path: Path) -> bool:
    """Transactions not yet folded into the file: a writer has it open, or crashed."""
    return _size(path.with_name(path.name + "-wal")) > 0


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def recover(path: Path) -> None:
    """Bring back the last committed state after a crash, and settle the file.

    Called only once the header has shown the file is ours. A read-only connection cannot roll
    back a hot journal (SQLITE_READONLY_ROLLBACK) and would leave `-wal`/`-shm` files behind; a
    read-write connection does both jobs on its first read.
    """
    try:
        conn = connect(path, "rw")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            settle(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise SessionError(
            f"{describe(path)} was being saved when the program stopped and cannot be recovered ({exc})."
        ) from None


TEMP_MARK = "wargame-tmp"
# ours: ".NAME.PID.wargame-tmp" (and SQLite's side files of it); ".NAME.wargame.PID.tmp" before
_TEMP_NAME = re.compile(
    r"^\.(?:.+\.(?P<pid>\d+)\." + TEMP_MARK + r"|.+\.wargame\.(?P<old>\d+)\.tmp)"
    r"(?:-journal|-wal|-shm)?$"
)
ORPHAN_AFTER_S = 60.0  # a temporary of a process that has ended, left this long, is an orphan
ORPHAN_ANYWAY_AFTER_S = 3600.0  # ... and after this long whatever (its process id was reused)


def temp_sibling(dest: Path) -> Path:
    """A temporary name in the destination's folder, so os.replace stays on one file system.

    The name carries the writing process's id, so a temporary a killed process left behind can
    be recognised and removed later (`remove_orphaned_temporaries`).
    """
    return dest.with_name(f".{dest.name}.{os.getpid()}.{TEMP_MARK}")


def remove_orphaned_temporaries(folder: Path, *, now: float | None = None) -> list[Path]:
    """Delete temporaries of ours that a killed "Save as", create or export left in `folder`.

    Only names this program makes (see `temp_sibling`), only ordinary files, and only when their
    process is gone (checked on this computer) and they are a minute old, or an hour old in any
    case. Returns what was removed; never fails.
    """
    removed: list[Path] = []
    now = time.time() if now is None else now
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        m = _TEMP_NAME.match(entry.name)
        if m is None:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode):
            continue
        age = now - info.st_mtime
        pid = int(m.group("pid") or m.group("old"))
        orphaned = age >= ORPHAN_ANYWAY_AFTER_S or (age >= ORPHAN_AFTER_S and not _alive(pid))
        if orphaned and pid != os.getpid():
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _alive(pid: int) -> bool:
    if os.name == "nt":
        return True  # no cheap check: such a file goes only after an hour
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True
    return True


def replace_durably(tmp: Path, dest: Path) -> None:
    """Move a fully written file into place; a crash leaves either the old file or the new one."""
    with tmp.open("rb+") as f:
        os.fsync(f.fileno())
    os.replace(tmp, dest)
    fsync_dir(dest.parent)


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # Windows cannot open a folder for fsync; NTFS journals the rename
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_side_files(path: Path) -> None:
    """Before a new file replaces `path` (whose lock the caller holds): SQLite would apply a
    `-wal` or `-journal` left from the old file, or from anywhere, to the new one."""
    for suffix in ("-wal", "-shm", "-journal"):
        side = path.with_name(path.name + suffix)
        with contextlib.suppress(OSError):
            if stat.S_ISREG(os.lstat(side).st_mode):
                side.unlink()


def remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def copy_exact(source: sqlite3.Connection, path: Path, dest: Path) -> None:
    """A byte-for-byte copy of `path` (which `source` has open), made under a shared lock so no
    writer can commit halfway through it; an older release can open the copy as it was."""
    tmp = temp_sibling(dest)
    try:
        source.execute("BEGIN")
        try:
            source.execute("SELECT count(*) FROM sqlite_master").fetchone()  # takes the shared lock
            shutil.copyfile(path, tmp)
        finally:
            source.execute("ROLLBACK")
        replace_durably(tmp, dest)
    except (OSError, sqlite3.Error) as exc:
        remove_quietly(tmp)
        raise SessionError(
            f"Could not write {describe(dest)}: {getattr(exc, 'strerror', None) or exc}."
        ) from None


def backup_into(source: sqlite3.Connection, dest: Path, overwrite: bool = False) -> None:
    """Copy a live database page by page (SQLite backup API) to `dest`, atomically."""
    if dest.exists() and not overwrite:
        raise SessionError(f"{describe(dest)} already exists; choose another name.")
    tmp = temp_sibling(dest)
    remove_quietly(tmp)
    try:
        target = sqlite3.connect(tmp)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")  # pages copied from a live file say WAL
        finally:
            target.close()
        remove_side_files(dest)
        replace_durably(tmp, dest)
    except (OSError, sqlite3.Error) as exc:
        remove_quietly(tmp)
        raise SessionError(
            f"Could not write {describe(dest)}: {getattr(exc, 'strerror', None) or exc}."
        ) from None
