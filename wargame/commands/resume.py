"""`wargame resume FILE`: continue an unfinished saved session in the terminal.

Computer seats play by themselves; human seats are asked on the terminal as in `wargame play`.
Every move is saved as it happens, so the session can be interrupted and resumed again.
"""

from __future__ import annotations

import argparse
import sys

from ..state import state_hash
from .play import play_to_end


def add_parser(sub) -> None:
    p = sub.add_parser(
        "resume",
        help="continue a saved session in the terminal",
        description="Continue an unfinished saved session; every move is saved as it happens.",
    )
    p.add_argument("file", help="a session file (.wargame)")
    p.add_argument("--quiet", action="store_true", help="print only the final hash")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..persistence import SessionError, SessionStore  # sqlalchemy loads only when needed

    try:
        store = SessionStore.open(args.file)
        with store:
            if store.backup_path is not None and not args.quiet:
                print(
                    f"upgraded from file format {store.upgraded_from}; the old file was kept as {store.backup_path}"
                )
            match = store.resume()
            if match.finished:
                print(f"{args.file}: the session is already finished ({len(match.history)} turns)")
                print(f"state_hash: {state_hash(match.state)}")
                return 0
            if not args.quiet:
                print(f"resuming {args.file} at turn {match.state.turn} of {match.scenario.turns}")
            return play_to_end(match, quiet=args.quiet)
    except SessionError as exc:
        print(f"wargame resume: {exc}", file=sys.stderr)
        return 2
