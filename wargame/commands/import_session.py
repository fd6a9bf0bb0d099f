"""`wargame import FILE --db URL`: bring a session file into a database (e.g. the department's
PostgreSQL server), as a new session; `wargame export --db URL ID --wargame OUT` takes one back.

The file is opened as any session file is: read-only, checked before anything of it is read
(docs/SECURITY.md), upgraded in memory if it is older. Its rows are copied as they are, so
`wargame verify --db URL ID` proves the copy is the same game. Prints the new session's id.
"""

from __future__ import annotations

import argparse
import sys


def add_parser(sub) -> None:
    p = sub.add_parser(
        "import",
        help="copy a session file into a database as a new session",
        description="Copy a saved session (.wargame) into the database at --db URL as a new "
        "session, and print its id.",
    )
    p.add_argument("file", help="the session file (.wargame)")
    p.add_argument(
        "--db",
        required=True,
        metavar="URL",
        help="the database's SQLAlchemy URL, e.g. postgresql+psycopg://user@host/db",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from ..persistence import SessionError, SessionStore
    from ..persistence.textsafe import plain

    try:
        url = make_url(args.db)
    except ArgumentError:
        print(plain(f"wargame import: --db: {args.db!r} is not a database URL"), file=sys.stderr)
        return 2
    try:
        with SessionStore.open(args.file, readonly=True) as store:
            store.load()  # every row decodes: a damaged file is refused before it is copied
            where = store.copy_to(url)
    except SessionError as exc:
        print(f"wargame import: {plain(exc)}", file=sys.stderr)
        return 2
    print(plain(f"{args.file}: copied to {where}"))
    return 0
