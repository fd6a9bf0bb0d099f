"""`wargame host SCENARIO`: host a class; students join their seats from other computers.

Prints where to join and one line per seat, `seat <id> code <CODE>`, then what happens (who
joined, turns resolved). The session is saved as it is played (--save, or a new file in the
sessions folder); `wargame host --resume FILE` continues it with the same codes, and the clients
come back by themselves. Exits when the game is over, its last line `state_hash: <hex>`.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ..ai import DEFAULT_LEVEL, KINDS
from ..scenario import ScenarioError
from ..state import state_hash
from .play import parse_computer
from .serve import stop_serving

LINGER = 30.0  # seconds the host waits after the game for absent seats to collect the result


def add_parser(sub) -> None:
    p = sub.add_parser(
        "host",
        help="host a class: students join their seats from other computers",
        description="Host a session over the network. Each seat gets a join code; students "
        "join from a web browser at http://ADDRESS/, with 'wargame join' or the desktop app's "
        "File > Join a Class.",
    )
    p.add_argument("scenario", nargs="?", help="a scenario file, or the id of a bundled scenario")
    p.add_argument(
        "--resume",
        metavar="FILE",
        help="continue the class saved in FILE (with --db: the class's session id)",
    )
    p.add_argument(
        "--db",
        metavar="URL",
        help="keep the class in this PostgreSQL database (postgresql+psycopg://...) instead of "
        "a file; its seats' codes are kept there too",
    )
    p.add_argument("--seed", type=int, default=None, help="random seed (default: the scenario's)")
    p.add_argument("--port", type=int, default=None, help="port to listen on (default 8470)")
    p.add_argument(
        "--bind",
        default="0.0.0.0",
        metavar="ADDR",
        help="address to listen on: 0.0.0.0 for every network (default), 127.0.0.1 for this "
        "computer only, or one of its addresses",
    )
    p.add_argument(
        "--save", metavar="FILE", help="session file (default: a new file in the sessions folder)"
    )
    p.add_argument(
        "--level",
        default=DEFAULT_LEVEL,
        choices=KINDS,
        help=f"how the computer plays its seats (default {DEFAULT_LEVEL})",
    )
    p.add_argument(
        "--computer", default="none", help="seats the computer plays: a comma list of state ids"
    )
    p.add_argument(
        "--replace",
        action="store_true",
        help="a second client with a seat's code replaces the first (default: it is refused)",
    )
    p.add_argument(
        "--deadline",
        type=float,
        metavar="SECONDS",
        help="time allowed for each turn (default: none)",
    )
    p.add_argument(
        "--at-deadline",
        choices=("computer", "pass"),
        default="computer",
        help="seats without orders at the deadline: the computer plays them (default), or they pass",
    )
    p.add_argument(
        "--linger",
        type=float,
        default=LINGER,
        metavar="SECONDS",
        help=f"after the game, how long to wait for absent seats to collect the result (default {LINGER:g})",
    )
    p.add_argument("--quiet", action="store_true", help="print only the codes and the final hash")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..net.keys import KeysError
    from ..net.server import DEFAULT_PORT, ServerError, check_address
    from ..persistence import SessionError

    port = DEFAULT_PORT if args.port is None else args.port
    if not 0 <= port <= 65535:
        return _fail("--port must be between 0 and 65535 (0: any free port)")
    if args.deadline is not None and not 10 <= args.deadline <= 24 * 3600:
        return _fail("--deadline must be between 10 seconds and a day")
    try:
        check_address(args.bind, port)  # before a session file is made for nothing
    except ServerError as exc:
        return _fail(str(exc))
    if args.db:
        return _host_in_database(args, port)
    try:
        opened = _open_session(args)
    except (SessionError, ScenarioError) as exc:
        return _fail(str(exc))
    except ValueError as exc:
        return _fail(str(exc))
    match, store, path = opened
    from ..net.hosting import host_class

    try:
        hosted = host_class(
            match,
            store,
            path,
            bind=args.bind,
            port=port,
            level=args.level,
            replace_duplicates=args.replace,
            deadline=args.deadline,
            at_deadline=args.at_deadline,
            fresh_keys=args.resume is None,
        )
    except (ServerError, KeysError) as exc:
        store.close()
        return _fail(str(exc))
    if not args.quiet:
        hosted.host.listeners.append(lambda e: print(f"  {e.text}", flush=True))
    _print_class(hosted, args)
    try:
        _wait_for_the_end(hosted, args.linger)
    except KeyboardInterrupt:
        hosted.stop()
        print(f"\nstopped; continue the class with: wargame host --resume {path}", file=sys.stderr)
        return 130
    hosted.stop()
    print(f"state_hash: {state_hash(match.state)}", flush=True)
    return 0


def _open_session(args: argparse.Namespace):  # noqa: ANN202 - (Match, SessionStore, Path)
    from ..net.hosting import new_session, resume_session

    if args.resume:
        if args.scenario or args.seed is not None or args.save:
            raise ValueError("--resume continues a saved class: give no scenario, --seed or --save")
        path = Path(args.resume)
        match, store = resume_session(path)
        if match.finished:
            store.close()
            raise ValueError(f"{path}: the session is already finished")
        return match, store, path
    if not args.scenario:
        raise ValueError("give a scenario (or --resume FILE)")
    from ..persistence.recent import new_session_path
    from ..scenario.library import find_scenario

    scenario = find_scenario(args.scenario)
    computer = parse_computer(args.computer, scenario.state_ids)
    if len(computer) == len(scenario.state_ids):
        raise ValueError("--computer: leave at least one seat for a person")
    if args.seed is not None and not 0 <= args.seed < 2**63:
        raise ValueError("--seed must be between 0 and 2^63-1")
    path = Path(args.save) if args.save else new_session_path(scenario.id)
    match, store = new_session(scenario, args.seed, computer, args.level, path)
    return match, store, path


def _host_in_database(args: argparse.Namespace, port: int) -> int:
    """The class kept in PostgreSQL, hosted the way `wargame serve` hosts each of its classes
    (with its lease, so a `wargame serve` on the same database leaves it to this host)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from ..net.server import ClassServer, ServerError
    from ..net.serving import ClassSettings, SessionServer
    from ..net.web_client import WEB_DIR
    from ..persistence import SessionError
    from ..persistence.database import Database, is_catalog_url

    if args.save:
        return _fail("--save names a file: give --save FILE or --db URL, not both")
    try:
        url = make_url(args.db)
    except ArgumentError:
        return _fail(f"--db: {args.db!r} is not a database URL")
    if not is_catalog_url(url):
        return _fail("--db: a class is kept in PostgreSQL (postgresql+psycopg://...) or a file")
    server = ClassServer(args.bind, port, static_dir=WEB_DIR if WEB_DIR.is_dir() else None)
    say = (lambda text: None) if args.quiet else (lambda text: print(f"  {text}", flush=True))
    serving = SessionServer(
        Database(url), server, facilitator_password=None, take_over=False, on_event=say
    )
    try:
        serving.start()
    except (ServerError, SessionError) as exc:
        return _fail(str(exc))
    try:
        if args.resume:
            if args.scenario or args.seed is not None:
                raise ValueError("--resume continues a saved class: give no scenario or --seed")
            session_id = Database(url).choose(args.resume)
            if not serving.adopt(session_id):
                raise ValueError(
                    f"session {session_id} is finished, or another server process runs it"
                )
        else:
            if not args.scenario:
                raise ValueError("give a scenario (or --resume SESSION_ID)")
            settings = ClassSettings(
                args.level, args.deadline, args.at_deadline, replace_duplicates=args.replace
            )
            computer = [c for c in args.computer.split(",") if c.strip()]
            session_id = serving.create(
                args.scenario, seed=args.seed, computer=computer, settings=settings
            )["session"]
    except (SessionError, ScenarioError, ValueError) as exc:
        stop_serving(serving)
        return _fail(str(exc))
    host = serving.served[session_id].host
    m = host.match
    print(
        f"{m.scenario.title}: turn {m.state.turn} of {m.scenario.turns}; saving to "
        f"{serving.db.name} session {session_id}"
    )
    print(f"listening: {server.bind} port {server.port}")
    for seat in m.seats:
        print(
            f"seat {seat} code {host.codes[seat]}"
            if seat in host.codes
            else f"seat {seat} computer"
        )
    print("students: open http://ADDRESS:PORT/ in a browser, or 'wargame join'", flush=True)
    try:
        while not host.finished:
            time.sleep(0.1)
        ended = time.monotonic()
        while time.monotonic() - ended < args.linger and not set(host.seats) <= host.told_game_over:
            time.sleep(0.1)
    except KeyboardInterrupt:
        stop_serving(serving)
        print(
            f"\nstopped; continue the class with: wargame host --db URL --resume {session_id}",
            file=sys.stderr,
        )
        return 130
    stop_serving(serving)
    print(f"state_hash: {state_hash(m.state)}", flush=True)
    return 0


def _print_class(hosted, args: argparse.Namespace) -> None:  # noqa: ANN001
    host, server = hosted.host, hosted.server
    m = host.match
    print(f"{m.scenario.title}: turn {m.state.turn} of {m.scenario.turns}; saving to {hosted.path}")
    print(f"listening: {server.bind} port {server.port}")
    for address in hosted.addresses:
        print(f"address: {address}")
        print(f"browser: http://{address}/")
    for seat in m.seats:
        if seat in host.codes:
            print(f"seat {seat} code {host.codes[seat]}")
        else:
            print(f"seat {seat} computer")
    print(
        "students: open the browser address (nothing to install), or File > Join a Class in "
        "the desktop app, or 'wargame join ADDRESS --seat SEAT --code CODE'",
        flush=True,
    )


def _wait_for_the_end(hosted, linger: float) -> None:  # noqa: ANN001
    host = hosted.host
    while not host.finished:
        time.sleep(0.1)
    ended = time.monotonic()
    while time.monotonic() - ended < linger and not set(host.seats) <= host.told_game_over:
        time.sleep(0.1)


def _fail(message: str) -> int:
    print(f"wargame host: {message}", file=sys.stderr)
    return 2
