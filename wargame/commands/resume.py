"""`wargame resume FILE`: continue an unfinished saved session in the terminal.

Computer seats play by themselves; human seats are asked on the terminal as in `wargame play`.
Every move is saved as it happens, so the session can be interrupted and resumed again. The file
is locked while it is played: a second `resume` (or the desktop app) is told at once who has it.
Everything printed passes through `plain`: names and texts from the file cannot act on the
terminal.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from ..persistence.sources import add_session_source, session_source
from ..state import state_hash
from .play import play_to_end


def add_parser(sub) -> None:
    p = sub.add_parser(
        "resume",
        help="continue a saved session in the terminal",
        description="Continue an unfinished saved session; every move is saved as it happens.",
    )
    add_session_source(p)
    p.add_argument("--quiet", action="store_true", help="print only the final hash")
    p.set_defaults(run=run)


class PlainWriter:
    """Standard output with control and bidirectional characters removed from all it writes."""

    def __init__(self, out: TextIO):
        self._out = out

    def write(self, text: str) -> int:
        from ..persistence.textsafe import plain

        self._out.write(plain(text, newlines=True))
        return len(text)

    def __getattr__(self, name: str):
        return getattr(self._out, name)


@contextmanager
def plain_output() -> Iterator[None]:
    real = sys.stdout
    sys.stdout = PlainWriter(real)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout = real


def run(args: argparse.Namespace) -> int:
    from ..ai import make_player  # the commands choose the players; persistence never does
    from ..persistence import SessionError, SessionStore  # sqlalchemy loads only when needed
    from ..persistence.textsafe import plain

    try:
        source = session_source(args)
        target, label = source.target, source.label
    except ValueError as exc:
        print(f"wargame resume: {plain(exc)}", file=sys.stderr)
        return 2
    try:
        store = SessionStore.open(target, session=source.session)  # type: ignore[arg-type]
        with store, plain_output():
            if store.backup_path is not None and not args.quiet:
                print(
                    f"upgraded from file format {store.upgraded_from}; the old file was kept as {store.backup_path}"
                )
            match = store.resume(make_player)
            if match.finished:
                print(f"{label}: the session is already finished ({len(match.history)} turns)")
                print(f"state_hash: {state_hash(match.state)}")
                return 0
            if not args.quiet:
                print(f"resuming {label} at turn {match.state.turn} of {match.scenario.turns}")
            if match.paused:  # the facilitator had paused it: playing on resumes it, on the record
                from ..facilitator import ClockChange

                match.intervene(ClockChange(action="resume"))
                if not args.quiet:
                    print("the facilitator had paused the game; it is resumed")
            return play_to_end(match, quiet=args.quiet)
    except SessionError as exc:
        print(f"wargame resume: {plain(exc)}", file=sys.stderr)
        return 2
