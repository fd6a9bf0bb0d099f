"""`wargame join ADDRESS --seat S --code C`: play one seat of a hosted class from the terminal.

The seat is played on the terminal (a numbered list of its legal orders, as in `wargame play`),
or by the built-in computer player with --computer LEVEL, which decides exactly as the host's
computer would. The client comes back by itself after a dropped connection or a host restart.
--log FILE writes every message received from the host, raw, one per line; the last line of the
output (and of the log) is `state_hash: <hex>` as the host reports it.
"""

from __future__ import annotations

import argparse
import queue
import sys
import threading
import time
from typing import TextIO

from ..ai import KINDS
from ..persistence.textsafe import plain

GIVE_UP = 600.0  # seconds without a host before the client stops trying


def add_parser(sub) -> None:
    p = sub.add_parser(
        "join",
        help="play one seat of a hosted class from this computer",
        description="Join a class hosted with 'wargame host' or the desktop app.",
    )
    p.add_argument("address", help="the host's address, e.g. 192.168.1.20:8470")
    p.add_argument("--seat", required=True, help="the id of your state, e.g. aurelia")
    p.add_argument("--code", help="the seat's join code (not needed to come back into a seat)")
    p.add_argument(
        "--computer", metavar="LEVEL", choices=KINDS, help="let the computer play the seat"
    )
    p.add_argument("--log", metavar="FILE", help="write every message received to FILE, raw")
    p.add_argument(
        "--give-up",
        type=float,
        default=GIVE_UP,
        metavar="SECONDS",
        help=f"stop after this long without reaching the host (default {GIVE_UP:g})",
    )
    p.add_argument("--quiet", action="store_true", help="print only the final hash")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..net.client import AddressError, SeatClient
    from ..net.tokens import SeatTokens

    log: TextIO | None = None
    if args.log:
        try:
            log = open(args.log, "w", encoding="utf-8")  # noqa: SIM115 - closed below
        except OSError as exc:
            return _fail(f"cannot write the log {args.log}: {exc.strerror}")
    inbox: queue.Queue = queue.Queue()
    lock = threading.Lock()

    def raw(text: str) -> None:
        if log is not None:
            with lock:
                log.write(text.replace("\n", " ") + "\n")
                log.flush()

    try:
        client = SeatClient(
            args.address,
            args.seat,
            args.code,
            on_message=lambda m: inbox.put(("message", m)),
            on_raw=raw,
            on_connection=lambda state: inbox.put(("connection", state)),
            tokens=SeatTokens(),
            client_name="wargame-join",
        )
    except AddressError as exc:
        return _fail(str(exc))
    worker = threading.Thread(
        target=lambda: inbox.put(("outcome", client.run())), name="seat-client", daemon=True
    )
    worker.start()
    try:
        code, final = _play(client, inbox, args)
    except KeyboardInterrupt:
        client.stop()
        print("\ninterrupted; join again to come back into the seat", file=sys.stderr)
        code, final = 130, None
    finally:
        client.stop()
        worker.join(5)
    if log is not None:
        if final:
            log.write(f"state_hash: {final}\n")
        log.close()
    if final:
        print(f"state_hash: {final}")
    return code


def _play(client, inbox: queue.Queue, args: argparse.Namespace) -> tuple[int, str | None]:  # noqa: ANN001
    from ..net.protocol import Error, TurnResolved
    from ..net.seat import ComputerSeat, SeatGame

    game = SeatGame(args.seat)
    computer = ComputerSeat(args.computer) if args.computer else None
    say = (
        (lambda text: None)
        if args.quiet
        else (lambda text: print(plain(text, newlines=True), flush=True))
    )
    lost_since: float | None = time.monotonic()
    while True:
        try:
            kind, item = inbox.get(timeout=1.0)
        except queue.Empty:
            if lost_since is not None and time.monotonic() - lost_since > args.give_up:
                return _fail(f"no host at {client.url} for {args.give_up:g} seconds"), None
            continue
        if kind == "outcome":
            if item.reason == "game_over":
                return 0, game.state_hash
            if item.reason == "refused" and item.error is not None:
                return _fail(f"the host refused the seat: {item.error.message}"), None
            return 1, None
        if kind == "connection":
            lost_since = None if item == "connected" else (lost_since or time.monotonic())
            if item != "connected":
                say("connection lost; reconnecting...")
            continue
        try:
            game.apply(item)
        except ValueError as exc:  # a view or order this client cannot read
            return (
                _fail(
                    f"the host sent something this program cannot read ({exc}); "
                    "are host and client the same version?"
                ),
                None,
            )
        if isinstance(item, Error):
            say(f"host: {item.message}")
        elif isinstance(item, TurnResolved):
            say(_summary(game))
        if not game.needs_orders or game.awaiting_ack:
            continue
        orders = computer.orders(game) if computer is not None else _ask(game)
        if orders is not None:
            client.send(game.submission(orders))
            say(f"turn {game.turn}: handed in {len(orders)} order(s)")


def _summary(game) -> str:  # noqa: ANN001
    view = game.view
    rung = view.state.rung_name.replace("_", " ")
    lines = [
        f"\nTurn {view.turn - 1} resolved: escalation {rung}, tension {view.state.tension:.0f}"
    ]
    lines += [f"  - {e.text}" for e in view.events]
    return "\n".join(lines)


def _ask(game) -> tuple | None:  # noqa: ANN001
    """The seat's orders from the terminal (the engine's legal orders, numbered)."""
    from ..legality import check_orders, legal_orders
    from .play import describe

    view = game.view
    options = legal_orders(view.state, game.seat)
    print(f"\n== {game.seat}, turn {game.turn} of {game.turns}: choose orders ==")
    if game.refusals:
        print("  not accepted: " + "; ".join(r.reason for r in game.refusals))
    for i, o in enumerate(options, 1):
        print(plain(f"  {i:>3}. {describe(o)}"))
    while True:
        try:
            line = input("numbers separated by commas (empty to pass): ").strip()
        except EOFError:
            raise KeyboardInterrupt from None
        if not line:
            return ()
        try:
            numbers = [int(x) for x in line.split(",")]
            if any(n < 1 for n in numbers):
                raise IndexError
            picked = tuple(options[n - 1] for n in numbers)
        except (ValueError, IndexError):
            print(f"  please give numbers from 1 to {len(options)}")
            continue
        reasons = [r for r in check_orders(view.state, game.seat, picked) if r]
        if reasons:
            print("  not accepted: " + "; ".join(reasons))
            continue
        return picked


def _fail(message: str) -> int:
    print(f"wargame join: {message}", file=sys.stderr)
    return 2
