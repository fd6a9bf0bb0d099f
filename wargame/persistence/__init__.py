"""Saving sessions: one self-contained SQLite file (`.wargame`) per session.

The GUI needs only these names:

    SessionStore.create(path, match)    new file with everything so far; autosaves from then on
    SessionStore.open(path)             checks (and upgrades) a file; SessionError if it cannot
    store.resume() -> Match             rebuilt by replay, hashes checked, still autosaving
    store.save_as(path, match=match)    copy (SQLite backup API) and continue in the copy
    store.verify() / store.load()       per-turn replay check / the decoded log
    recent.list_recent(), recent.remember(store), recent.remove_recent(path)
    recent.new_session_path(scenario_id)  where a new, not yet named session is saved

Every failure a user can cause is a SessionError whose text is ready to show.
"""

from . import recent
from .check import TurnCheck
from .codec import SeatInfo
from .errors import SessionError
from .records import SessionLog, StoredTurn
from .schema import FILE_SUFFIX, SCHEMA_VERSION
from .store import SessionStore, SessionSummary

__all__ = [
    "FILE_SUFFIX",
    "SCHEMA_VERSION",
    "SeatInfo",
    "SessionError",
    "SessionLog",
    "SessionStore",
    "SessionSummary",
    "StoredTurn",
    "TurnCheck",
    "recent",
]
