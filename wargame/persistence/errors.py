"""The one error a user sees from the session store."""

from __future__ import annotations


class SessionError(Exception):
    """A session file cannot be created, opened, saved or trusted.

    `str(error)` is a complete sentence for the user (it names the file); the CLI prints it and
    exits 2, the GUI shows it in a dialog. Nothing else from SQLite or SQLAlchemy leaves the store.
    """

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)
