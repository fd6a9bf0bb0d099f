"""One writer per session file: a lock file beside it, held with an operating-system lock.

`x.wargame.lock` holds a line of JSON naming its holder (process id, computer, user, program,
since when), so a second opener can be told at once who has the session open. Whether the lock
is held is never read from that text: the holder keeps an exclusive OS lock on the file
(`flock` on POSIX, `msvcrt.locking` on Windows), and the operating system drops that lock the
moment the process ends, however it ends (kill -9, a crash, a power cut), so a stale lock can
never block anyone: a lock file nobody holds is simply taken over. A lock by process id alone
would break when ids are reused and cannot be checked across computers.

Where the file system offers no locks at all (rare network shares), the lock file is created
exclusively and its process id is checked on this computer instead.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .errors import SessionError
from .schema import FILE_SUFFIX
from .textsafe import plain

LOCK_SUFFIX = ".lock"
MAX_HOLDER_BYTES = 4096
ATTEMPTS = 5  # a reader peeking at the lock holds it for an instant; try again briefly
RETRY_S = 0.02
WINDOWS_LOCK_OFFSET = 1 << 30  # msvcrt locks a byte range; the holder text stays readable

_held_here: set[str] = set()  # paths this process holds (a second store on one file is refused)


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + LOCK_SUFFIX)


@dataclass(frozen=True)
class Holder:
    pid: int
    host: str
    user: str
    program: str
    since: str

    def describe(self) -> str:
        when = self.since
        with contextlib.suppress(ValueError):
            when = datetime.fromisoformat(self.since).strftime("%Y-%m-%d %H:%M")
        this_host = self.host == socket.gethostname()
        where = "on this computer" if this_host else f"on the computer '{plain(self.host)[:60]}'"
        who = f" by {plain(self.user)[:40]}" if self.user else ""
        return (
            f"{plain(self.program)[:60] or 'another program'} (process {self.pid} {where}{who}, "
            f"since {plain(when)[:32]})"
        )


def _me() -> Holder:
    user = ""
    with contextlib.suppress(Exception):
        user = getpass.getuser()
    program = " ".join(os.path.basename(a) for a in sys.argv[:2]) or "Crisis Wargame"
    return Holder(
        os.getpid(),
        socket.gethostname(),
        user,
        program,
        datetime.now().astimezone().isoformat(timespec="seconds"),
    )


def _read_holder(fd: int) -> Holder | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        data = json.loads(os.read(fd, MAX_HOLDER_BYTES).decode("utf-8", "replace"))
        return Holder(
            int(data["pid"]),
            str(data["host"]),
            str(data.get("user", "")),
            str(data.get("program", "")),
            str(data.get("since", "")),
        )
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None


def _try_os_lock(fd: int, exclusive: bool = True) -> bool | None:
    """True if locked, False if someone else holds it, None if the file system has no locks."""
    try:
        if os.name == "nt":
            import msvcrt

            os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    except PermissionError:  # Windows reports a held range as "permission denied"
        return False if os.name == "nt" else None
    except OSError:  # ENOLCK, EOPNOTSUPP: no locks on this file system
        return None


def _os_unlock(fd: int) -> None:
    with contextlib.suppress(OSError):
        if os.name == "nt":
            import msvcrt

            os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":
        return True  # cannot tell cheaply: assume it is (only the no-locks fallback asks)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _same_file(fd: int, path: Path) -> bool:
    """Still the lock file at `path` (another holder may have removed it while we waited)."""
    try:
        a, b = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


class SessionLock:
    """Held by the one process that may write a session file; `release` gives it up."""

    def __init__(self, path: Path, fd: int | None, key: str):
        self.path = path  # the lock file
        self._fd = fd  # None: the no-locks fallback (the file's existence is the lock)
        self._key = key

    @classmethod
    def acquire(cls, session: Path, name: str) -> SessionLock:
        """Lock `session` for writing, or SessionError naming who holds it."""
        path = lock_path(session)
        key = os.path.normcase(str(session.resolve()))
        if key in _held_here:
            raise SessionError(f"{name} is already open in this program.")
        for attempt in range(ATTEMPTS):
            flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
            try:
                fd = os.open(path, flags | getattr(os, "O_NONBLOCK", 0), 0o644)
            except OSError as exc:
                raise SessionError(
                    f"{name} cannot be opened for writing: its lock file '{plain(path)}' cannot "
                    f"be created ({exc.strerror or exc})."
                ) from None
            if os.name != "nt" and not _is_regular(fd):
                os.close(fd)
                raise SessionError(
                    f"{name} cannot be opened for writing: '{plain(path)}' is not a lock file "
                    "of this program."
                )
            locked = _try_os_lock(fd)
            if locked is None:
                os.close(fd)
                return cls._acquire_without_os_locks(path, key, name)
            if locked and _same_file(fd, path):
                cls._write_holder(fd)
                _held_here.add(key)
                return cls(path, fd, key)
            holder = None if locked else _read_holder(fd)
            if locked:
                _os_unlock(fd)
            os.close(fd)
            if attempt + 1 < ATTEMPTS:
                time.sleep(RETRY_S)
        raise SessionError(_held_message(name, holder))

    @classmethod
    def _acquire_without_os_locks(cls, path: Path, key: str, name: str) -> SessionLock:
        for _ in range(2):
            try:
                fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                fd = os.open(path, os.O_RDONLY)
                try:
                    holder = _read_holder(fd)
                finally:
                    os.close(fd)
                dead = holder is None or (
                    holder.host == socket.gethostname() and not _pid_alive(holder.pid)
                )
                if not dead:
                    raise SessionError(_held_message(name, holder)) from None
                with contextlib.suppress(OSError):
                    path.unlink()  # a dead process's lock: take it over
                continue
            cls._write_holder(fd)
            os.close(fd)
            _held_here.add(key)
            return cls(path, None, key)
        raise SessionError(_held_message(name, None))

    @staticmethod
    def _write_holder(fd: int) -> None:
        me = _me()
        text = json.dumps(me.__dict__, ensure_ascii=False) + "\n"
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, text.encode("utf-8"))

    def release(self) -> None:
        if self._key not in _held_here:
            return
        _held_here.discard(self._key)
        if self._fd is None:
            with contextlib.suppress(OSError):
                self.path.unlink()
            return
        if os.name != "nt":
            with contextlib.suppress(OSError):
                self.path.unlink()  # while still locked: nobody can take the old file for theirs
        _os_unlock(self._fd)
        with contextlib.suppress(OSError):
            os.close(self._fd)
        if os.name == "nt":
            with contextlib.suppress(OSError):
                self.path.unlink()
        self._fd = None


def live_holder(session: Path) -> Holder | None:
    """Who holds the session open for writing right now, without creating or changing anything.

    None when nobody does (no lock file, or one left by a process that has ended).
    """
    key = os.path.normcase(str(session.resolve()))
    if key in _held_here:
        return _me()
    path = lock_path(session)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        if os.name != "nt" and not _is_regular(fd):
            return None
        locked = _try_os_lock(fd, exclusive=False)
        if locked:
            _os_unlock(fd)
            return None
        holder = _read_holder(fd)
        if locked is None:  # no OS locks here: trust a live process id on this computer
            if holder and holder.host == socket.gethostname() and not _pid_alive(holder.pid):
                return None
        return holder or Holder(0, "", "", "another program", "")
    finally:
        os.close(fd)


def remove_stale_locks(folder: Path) -> list[Path]:
    """Delete lock files of ours in `folder` that nobody holds (their program has ended, maybe
    before it had even written its session). Returns what was removed; never fails."""
    removed: list[Path] = []
    try:
        entries = [e for e in os.scandir(folder) if e.name.endswith(LOCK_SUFFIX)]
    except OSError:
        return removed
    for entry in entries:
        flags = os.O_RDWR | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
        try:
            fd = os.open(entry.path, flags)
        except OSError:
            continue
        try:
            if os.name != "nt" and not _is_regular(fd):
                continue
            # ours: it names its holder, or it is still empty (its program was stopped
            # between creating and filling it) and named after a session file
            empty_ours = entry.name.endswith(FILE_SUFFIX + LOCK_SUFFIX) and not os.fstat(fd).st_size
            if not empty_ours and _read_holder(fd) is None:
                continue
            if _try_os_lock(fd) is not True:
                continue  # held (or no locks here to tell)
            if os.name != "nt":
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)  # while locked: see SessionLock.release
                    removed.append(Path(entry.path))
            _os_unlock(fd)
        finally:
            os.close(fd)
        if os.name == "nt":
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _is_regular(fd: int) -> bool:
    import stat

    return stat.S_ISREG(os.fstat(fd).st_mode)


def _held_message(name: str, holder: Holder | None) -> str:
    who = holder.describe() if holder else "another program"
    return (
        f"{name} is open in {who}. Only one program at a time may play a session: "
        "close it there first, or open it read-only."
    )
