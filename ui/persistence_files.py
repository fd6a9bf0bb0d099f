"""`SessionFiles` implemented with `wargame.persistence` (SQLite session files).

New games are autosaved from their first move to a fresh file in the user's data folder (which
`$WARGAME_DATA_DIR` overrides); Save As moves the recording to the chosen file. Every file opened
or saved goes on the store's recent list (`wargame.persistence.recent`, a JSON file in the same
data folder), the one list that the start screen and the File menu show. The list is a
convenience: when it cannot be read or written, files still open and save.

The store is imported only when it is first used (the window reads the recent list on its task
runner), so the start screen appears without waiting for database code.
"""

from __future__ import annotations

import contextlib
import importlib.util
from pathlib import Path
from typing import Any

from wargame.ai import make_player
from wargame.match import Match

from .session_files import UNAVAILABLE, SessionFileError, SessionFiles


def installed_session_files() -> tuple[SessionFiles | None, str]:
    """The installed session store behind the interface, or None and why not."""
    if importlib.util.find_spec("wargame.persistence") is None:
        return None, UNAVAILABLE
    return PersistenceFiles(), ""


def _store_of(match: Match) -> Any:
    from wargame.persistence import SessionStore

    return match.recorder if isinstance(match.recorder, SessionStore) else None


class PersistenceFiles:
    def attach(self, match: Match) -> Path | None:
        from wargame.persistence import SessionError, SessionStore, recent

        try:
            store = SessionStore.create(recent.new_session_path(match.scenario.id), match)
        except (SessionError, OSError) as exc:
            raise SessionFileError(str(exc)) from None
        self._remember(store)
        return store.path

    def open(self, path: Path) -> Match:
        from wargame.persistence import SessionError, SessionStore

        try:
            store = SessionStore.open(path)
        except (SessionError, OSError) as exc:
            raise SessionFileError(str(exc)) from None
        try:
            match = store.resume(make_player)
        except (SessionError, OSError) as exc:
            store.close()  # a file that cannot be continued is not kept open (nor locked)
            raise SessionFileError(str(exc)) from None
        self._remember(store)
        return match

    def save_as(self, match: Match, path: Path) -> Path:
        from wargame.persistence import SessionError, SessionStore

        store = _store_of(match)
        try:
            if store is None:
                copy = SessionStore.create(path, match, overwrite=True)
            else:
                copy = store.save_as(path, match=match, overwrite=True)
        except (SessionError, OSError) as exc:
            raise SessionFileError(str(exc)) from None
        self._remember(copy)
        return Path(path)

    def path_of(self, match: Match) -> Path | None:
        store = _store_of(match)
        return store.path if store is not None else None

    def release(self, match: Match) -> None:
        store = _store_of(match)
        if store is not None:
            store.close()
            match.recorder = None

    def recent(self) -> list[str]:
        from wargame.persistence import recent

        return [entry.path for entry in recent.list_recent()]

    def forget(self, path: str) -> None:
        from wargame.persistence import recent

        recent.remove_recent(path)

    def forget_all(self) -> None:
        from wargame.persistence import recent

        recent.clear_recent()

    @staticmethod
    def _remember(store: Any) -> None:
        from wargame.persistence import SessionError, recent

        with contextlib.suppress(SessionError, OSError):
            recent.remember(store)
