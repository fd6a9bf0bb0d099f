"""`wargame serve --db postgresql+psycopg://...`: a standing server hosting many classes.

Facilitators create classes over HTTP with the server's facilitator password (from
--password-file, or the WARGAME_FACILITATOR_PASSWORD environment variable):

    curl -H "Authorization: Bearer $PASSWORD" -d '{"scenario": "tutorial_strait"}' \\
         http://SERVER:8470/api/sessions

answers with the class's session id, its seats' join codes and a facilitator token for
`GET /api/sessions/ID` (Authorization: Bearer TOKEN). Students join as for `wargame host`.
Several `wargame serve` processes may share one database: each class is run by one of them at a
time, and the classes of a process that stops or dies are taken over by the others within
seconds (wargame/net/serving.py). docs/DEPLOYMENT.md shows it behind a reverse proxy with TLS.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from pathlib import Path

PASSWORD_ENV = "WARGAME_FACILITATOR_PASSWORD"
MIN_PASSWORD = 12


def add_parser(sub) -> None:
    p = sub.add_parser(
        "serve",
        help="a standing server for many classes, their sessions in PostgreSQL",
        description="Serve many classes from one PostgreSQL database; facilitators create "
        "them with the facilitator password (POST /api/sessions). Several processes may serve "
        "one database and take over each other's classes.",
    )
    p.add_argument(
        "--db",
        required=True,
        metavar="URL",
        help="the PostgreSQL database, e.g. postgresql+psycopg://wargame@localhost/wargame",
    )
    p.add_argument("--port", type=int, default=None, help="port to listen on (default 8470)")
    p.add_argument(
        "--bind",
        default="127.0.0.1",
        metavar="ADDR",
        help="address to listen on (default 127.0.0.1: behind a reverse proxy on this computer)",
    )
    p.add_argument(
        "--password-file",
        metavar="FILE",
        help=f"file holding the facilitator password (default: ${PASSWORD_ENV})",
    )
    p.add_argument(
        "--no-take-over",
        action="store_true",
        help="run only the classes created here (do not take over other processes' classes)",
    )
    p.add_argument(
        "--upgrade",
        action="store_true",
        help="bring every session in the database to this version's format (the Alembic "
        "revisions it has not had yet), then exit; stop the servers and back up first",
    )
    p.add_argument("--quiet", action="store_true", help="print only where it listens")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from ..net.server import DEFAULT_PORT, ClassServer, ServerError
    from ..net.serving import SessionServer
    from ..net.web_client import WEB_DIR
    from ..persistence import SessionError
    from ..persistence.database import Database, is_catalog_url

    try:
        url = make_url(args.db)
    except ArgumentError:
        return _fail(f"--db: {args.db!r} is not a database URL")
    if not is_catalog_url(url):
        return _fail(
            "--db: wargame serve keeps its classes in PostgreSQL (postgresql+psycopg://...)"
        )
    if args.upgrade:
        return _upgrade(Database(url))
    password = _password(args)
    if isinstance(password, int):
        return password
    port = DEFAULT_PORT if args.port is None else args.port
    if not 0 <= port <= 65535:
        return _fail("--port must be between 0 and 65535 (0: any free port)")
    server = ClassServer(args.bind, port, static_dir=WEB_DIR if WEB_DIR.is_dir() else None)
    say = (lambda text: None) if args.quiet else (lambda text: print(f"  {text}", flush=True))
    serving = SessionServer(
        Database(url),
        server,
        facilitator_password=password,
        take_over=not args.no_take_over,
        on_event=say,
    )
    try:
        serving.start()
    except (ServerError, SessionError) as exc:
        return _fail(str(exc))
    signal.signal(signal.SIGTERM, _interrupt)  # systemd's stop: give the leases back
    print(f"serving classes from {serving.db.name} as {serving.owner}", flush=True)
    print(f"listening: {server.bind} port {server.port}", flush=True)
    try:
        while server.running:
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    stop_serving(serving)
    print("stopped; the classes run here are left to the other server processes", file=sys.stderr)
    return 0


def stop_serving(serving) -> None:  # noqa: ANN001 - a net.serving.Serving
    """Stop, and say what could not be recorded on the way out (one line per distinct problem)
    rather than end on a traceback: those classes' leases simply run out."""
    for problem in dict.fromkeys(serving.stop()):
        print(f"{problem} The class is left to its lease running out.", file=sys.stderr)


def _upgrade(db) -> int:  # noqa: ANN001 - a persistence.database.Database
    from ..persistence import SessionError

    try:
        sessions = db.sessions()
        for entry in sessions:
            reached = db.upgrade_session(entry.id)
            print(f"session {entry.id}: format {reached}")
    except SessionError as exc:
        return _fail(str(exc))
    print(f"{len(sessions)} session(s) in {db.name} are up to date")
    return 0


def _password(args: argparse.Namespace) -> str | int:
    if args.password_file:
        try:
            text = Path(args.password_file).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            return _fail(f"--password-file: cannot read {args.password_file}: {exc}")
    else:
        text = os.environ.get(PASSWORD_ENV, "").strip()
    if len(text) < MIN_PASSWORD:
        return _fail(
            f"give a facilitator password of at least {MIN_PASSWORD} characters in "
            f"--password-file or ${PASSWORD_ENV}"
        )
    return text


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _fail(message: str) -> int:
    print(f"wargame serve: {message}", file=sys.stderr)
    return 2
