"""Which session a command means: a session file, or a session in a database given with --db.

    wargame verify FILE                       a session file
    wargame verify --db URL --latest          the newest session in the database
    wargame verify --db URL SESSION_ID        one session, by the id `wargame play --db` printed
    wargame verify --db URL                   the database's only session

A name is always a file name, even with "://" in it: a database is used only when given
explicitly with --db. An SQLite database holds one session (id 1); a PostgreSQL database holds
many (database.py).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    target: object  # a file name (str) or a sqlalchemy URL
    session: str | None  # a session id in the database (None: the only one)
    label: str  # how to name it in messages


def add_session_source(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        nargs="?",
        help="a session file (.wargame; a name is always a file name, even with '://' in it), "
        "or with --db a session id",
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        help="use a session in the database at this SQLAlchemy URL (e.g. "
        "postgresql+psycopg://user@host/db or sqlite:///path.db) instead of a file",
    )
    parser.add_argument(
        "--latest",
        action="store_true",
        help="with --db: the session created last",
    )


def session_source(args: argparse.Namespace) -> Source:
    """ValueError, with a message for the user, unless the arguments name one session."""
    if args.db is None:
        if args.file is None:
            raise ValueError("give a session file, or a database URL with --db")
        if args.latest:
            raise ValueError("--latest picks a session in a database given with --db")
        return Source(args.file, None, args.file)
    if args.file is not None and _looks_like_a_file(args.file):
        raise ValueError(
            "give a session file, or a database URL with --db and a session id (not both)"
        )
    if args.latest and args.file is not None:
        raise ValueError("give a session id or --latest, not both")
    from sqlalchemy.engine import make_url  # loaded only for a database URL
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(args.db)
    except ArgumentError:
        raise ValueError(f"--db: {args.db!r} is not a database URL") from None
    session = args.file
    if args.latest:
        from .database import Database, is_catalog_url
        from .errors import SessionError

        try:
            session = Database(url).latest() if is_catalog_url(url) else None
        except SessionError as exc:
            raise ValueError(exc.message) from None
    label = url.render_as_string(hide_password=True)
    return Source(url, session, f"{label} session {session}" if session else label)


def _looks_like_a_file(name: str) -> bool:
    """A session id is a short word (12 hex digits, or 1); a path or a .wargame name is not."""
    import os

    from .schema import FILE_SUFFIX

    return name.endswith(FILE_SUFFIX) or "/" in name or os.sep in name or os.path.exists(name)
