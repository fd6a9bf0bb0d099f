"""Saving sessions: one self-contained SQLite file (`.wargame`) per session, or many sessions in
one PostgreSQL database (`database.py`), given explicitly with `--db URL`.

The GUI needs only these names:

    SessionStore.create(path, match)    new file with everything so far; autosaves from then on
    SessionStore.open(path)             checks (and upgrades) a file, locks it; SessionError if not
    store.resume(make_player) -> Match  rebuilt by replay, hashes checked, still autosaving
    store.save_as(path, match=match)    copy (SQLite backup API) and continue in the copy
    store.verify(make_player) -> Proof  every turn derived again, computer decisions included
    store.load()                        the decoded log
    recent.list_recent(), recent.remember(store), recent.remove_recent(path)
    recent.new_session_path(scenario_id)  where a new, not yet named session is saved

A session file is untrusted input: see docs/SECURITY.md. Computer players are built by the
factory the caller passes (`wargame.ai.make_player`): persistence never imports the players.
Every failure a user can cause is a SessionError whose text is ready to show.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Loaded on first use, so that importing a light module of this package (e.g. `textsafe`) does
# not load SQLAlchemy: commands that never open a session start without it.
_EXPORTS = {
    "FILE_SUFFIX": ".schema",
    "SCHEMA_VERSION": ".schema",
    "PlayerFactory": ".codec",
    "Proof": ".check",
    "SeatInfo": ".codec",
    "SessionError": ".errors",
    "SessionLog": ".records",
    "SessionStore": ".store",
    "SessionSummary": ".store",
    "StoredTurn": ".records",
    "TurnCheck": ".check",
}

if TYPE_CHECKING:
    from . import recent
    from .check import Proof, TurnCheck
    from .codec import PlayerFactory, SeatInfo
    from .errors import SessionError
    from .records import SessionLog, StoredTurn
    from .schema import FILE_SUFFIX, SCHEMA_VERSION
    from .store import SessionStore, SessionSummary


def __getattr__(name: str) -> Any:
    if name == "recent":
        return importlib.import_module(".recent", __name__)
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "FILE_SUFFIX",
    "SCHEMA_VERSION",
    "PlayerFactory",
    "Proof",
    "SeatInfo",
    "SessionError",
    "SessionLog",
    "SessionStore",
    "SessionSummary",
    "StoredTurn",
    "TurnCheck",
    "recent",
]
