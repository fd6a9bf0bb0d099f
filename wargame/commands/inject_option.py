"""`--inject TURN:INJECT_ID` (repeatable): the facilitator's plan for a scripted class or a test.

Each names an inject of the scenario's library and the turn it is to happen at the start of; it
goes into the session log as the facilitator's `ScheduleInject` and fires as the match reaches
that turn (`Match.fire_due_injects`), exactly as the white cell's "Schedule" does.
"""

from __future__ import annotations

import argparse

from ..facilitator import InterventionRefused, ScheduleInject
from ..match import Match


def add_inject_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--inject",
        action="append",
        default=[],
        metavar="TURN:INJECT_ID",
        help="fire an inject of the scenario's library at the start of TURN, as the facilitator "
        "would (repeatable); it is recorded in the session log",
    )


def parse_inject(value: str) -> tuple[int, str]:
    turn, sep, inject = value.partition(":")
    if not sep or not turn.strip().isdigit() or not inject.strip():
        raise ValueError(f"--inject {value!r}: expected TURN:INJECT_ID, e.g. 2:markets_fall")
    return int(turn), inject.strip()


def schedule_injects(match: Match, values: list[str]) -> str | None:
    """Put each `--inject` on the facilitator's plan; the first problem, in words, or None."""
    library = [i.id for i in match.scenario.injects]
    for value in values:
        try:
            turn, inject = parse_inject(value)
        except ValueError as exc:
            return str(exc)
        if inject not in library:
            known = ", ".join(library) or "none"
            return f"--inject {value!r}: the scenario has no inject {inject!r} (it has: {known})"
        if not 1 <= turn <= match.scenario.turns:
            return f"--inject {value!r}: the scenario has turns 1 to {match.scenario.turns}"
        try:
            match.intervene(ScheduleInject(inject=inject, turn=turn))
        except (InterventionRefused, ValueError) as exc:
            return f"--inject {value!r}: {exc}"
    return None
