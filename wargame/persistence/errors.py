"""The one error a user sees from the session store."""

from __future__ import annotations

from .textsafe import plain


class SessionError(Exception):
    """A session file cannot be created, opened, saved or trusted.

    `str(error)` is a complete sentence for the user (it names the file); the CLI prints it and
    exits 2, the GUI shows it in a dialog. Nothing else from SQLite or SQLAlchemy leaves the store.
    The text may quote a file's name or contents, so control and bidirectional characters are
    removed from it here, once, whoever shows it.
    """

    def __init__(self, message: str):
        self.message = plain(message, newlines=True)
        super().__init__(self.message)
