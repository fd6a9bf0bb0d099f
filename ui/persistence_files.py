"""`SessionFiles` implemented with `wargame.persistence` (SQLite session files).

New games are autosaved from their first move to a fresh file in the user's data folder (which
`$WARGAME_DATA_DIR` overrides); Save As moves the recording to the chosen file. Every file opened
or saved is also added to the store's own recent list, which the command line uses.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from wargame.match import Match

from .session_files import SessionFileError


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
            match = store.resume()
        except (SessionError, OSError) as exc:
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

    @staticmethod
    def _remember(store: Any) -> None:
        from wargame.persistence import SessionError, recent

        with contextlib.suppress(SessionError, OSError):
            recent.remember(store)
