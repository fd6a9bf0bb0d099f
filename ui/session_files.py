"""What the File menu needs from persistence: a small interface the UI depends on.

The session store (`wargame.persistence`) records a match as it is played (it becomes the match's
recorder, which is how autosave works), opens session files and saves copies, and keeps the list
of recent sessions (one list, in the user's data folder). The UI talks to it only through
`SessionFiles`, so the menus work whatever the store looks like inside and tests can plug in a
fake. `persistence_files.installed_session_files()` gives the real one, or None with the reason
when the store is not installed; the File menu then disables Open and Save As with that reason
as a tooltip.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from wargame.match import Match

FILE_SUFFIX = ".wargame"
FILE_FILTER = f"Crisis Wargame sessions (*{FILE_SUFFIX});;All files (*)"
UNAVAILABLE = "Saving and opening session files needs the session store (wargame.persistence), which is not installed."


class SessionFileError(Exception):
    """A session file cannot be created, opened or saved; str() is a sentence for the user."""


class SessionFiles(Protocol):
    def attach(self, match: Match) -> Path | None:
        """Start autosaving a new match (to a fresh file in the user's data folder); its path."""
        ...

    def open(self, path: Path) -> Match:
        """The match stored in a session file, ready to continue and autosaving there."""
        ...

    def save_as(self, match: Match, path: Path) -> Path:
        """Write the whole session to path; later turns are autosaved there."""
        ...

    def path_of(self, match: Match) -> Path | None:
        """The file the match is being saved to, if any."""
        ...

    def release(self, match: Match) -> None:
        """The session is left: close its file."""
        ...

    def recent(self) -> list[str]:
        """Session files opened or saved lately, most recent first (a damaged list reads empty)."""
        ...

    def forget(self, path: str) -> None:
        """Take a file off the recent list (it is not deleted)."""
        ...

    def forget_all(self) -> None:
        """Empty the recent list (no file is deleted)."""
        ...
