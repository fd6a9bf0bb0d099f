"""The recent-sessions list and the user's data folder.

The one list of recent sessions: the desktop app's start screen and File menu show it, and it
lives with the session store so that every front end shares it. It is a small JSON file in the
user's data folder (platformdirs), or in $WARGAME_DATA_DIR when set (tests, portable installs).
It is a convenience: a damaged list reads as empty and a list that cannot be written is skipped
silently, never stopping a session from opening. Writes go to a temporary file first and replace
the list in one step, so a crash never leaves half a list.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import Any

from ..paths import data_dir
from .schema import FILE_SUFFIX
from .store import SessionStore, SessionSummary

MAX_RECENT = 12


def sessions_dir() -> Path:
    """Where new sessions are saved until the user picks a place ("Save as")."""
    return data_dir() / "sessions"


def new_session_path(scenario_id: str, folder: Path | None = None) -> Path:
    """A fresh file name like `tutorial_strait-2025-11-25-1003.wargame` (the folder is created)."""
    folder = folder if folder is not None else sessions_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{scenario_id}-{datetime.now().strftime('%Y-%m-%d-%H%M')}"
    path, n = folder / f"{stem}{FILE_SUFFIX}", 2
    while path.exists():
        path, n = folder / f"{stem}-{n}{FILE_SUFFIX}", n + 1
    return path


@dataclass(frozen=True)
class RecentSession:
    path: str
    title: str = ""
    scenario_id: str = ""
    turns_played: int = 0
    turns_total: int = 0
    finished: bool = False
    opened: str = ""  # when it was last opened or saved (local time, ISO 8601)

    @property
    def exists(self) -> bool:
        return Path(self.path).is_file()


def recent_file() -> Path:
    return data_dir() / "recent.json"


def list_recent() -> list[RecentSession]:
    """Most recent first. Entries whose file is gone are kept (the GUI may offer to remove them)."""
    try:
        data = json.loads(recent_file().read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):  # RecursionError: absurdly deep nesting
        return []
    entries = data.get("sessions") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return []
    out = [e for e in map(_entry, entries) if e is not None]
    return out[:MAX_RECENT]


def add_recent(
    path: str | os.PathLike[str], summary: SessionSummary | None = None
) -> list[RecentSession]:
    """Put a session at the top of the list (replacing an older entry for the same file)."""
    key = _key(path)
    entry = RecentSession(path=key, opened=datetime.now().isoformat(timespec="seconds"))
    if summary is not None:
        entry = RecentSession(
            key,
            summary.title,
            summary.scenario_id,
            summary.turns_played,
            summary.turns_total,
            summary.finished,
            entry.opened,
        )
    entries = [entry, *(e for e in list_recent() if _key(e.path) != key)][:MAX_RECENT]
    _write(entries)
    return entries


def remember(store: SessionStore) -> list[RecentSession]:
    """Add an open session file to the list, with its title and progress."""
    if store.path is None:
        return list_recent()
    return add_recent(store.path, store.summary())


def remove_recent(path: str | os.PathLike[str]) -> list[RecentSession]:
    key = _key(path)
    entries = [e for e in list_recent() if _key(e.path) != key]
    _write(entries)
    return entries


def clear_recent() -> None:
    """Empty the list (the session files themselves stay where they are)."""
    _write([])


def _key(path: str | os.PathLike[str]) -> str:
    return os.path.normcase(os.path.abspath(os.fspath(path)))


def _entry(data: Any) -> RecentSession | None:
    if not isinstance(data, dict) or not isinstance(data.get("path"), str) or not data["path"]:
        return None
    known = {f.name for f in fields(RecentSession)}
    values = {k: v for k, v in data.items() if k in known}
    expected = {"turns_played": int, "turns_total": int, "finished": bool}
    for name, kind in expected.items():
        if name in values and type(values[name]) is not kind:
            values.pop(name)
    for name in ("title", "scenario_id", "opened"):
        if name in values and not isinstance(values[name], str):
            values.pop(name)
    return RecentSession(**values)


def _write(entries: list[RecentSession]) -> None:
    target = recent_file()
    text = json.dumps(
        {"version": 1, "sessions": [asdict(e) for e in entries]}, indent=2, ensure_ascii=False
    )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".recent-", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError:
        pass  # the list is a convenience; an unwritable data folder must not stop the game
