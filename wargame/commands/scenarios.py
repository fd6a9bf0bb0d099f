"""`wargame scenarios`: list the scenarios on offer and where to put your own."""

from __future__ import annotations

import argparse

from ..paths import user_scenarios_dir
from ..scenario.library import catalogue


def add_parser(sub) -> None:
    p = sub.add_parser(
        "scenarios",
        help="list available scenarios and the folder for your own",
        description="List bundled and user scenarios, and where user scenarios go.",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:  # noqa: ARG001 - no options
    folder = user_scenarios_dir()
    for entry in catalogue():
        if entry.scenario is not None:
            s = entry.scenario
            print(
                f"{s.id:<20} {s.title} ({len(s.states)} states, {s.turns} turns)  [{entry.source}]"
            )
        else:
            print(f"{'(not loaded)':<20} {entry.source}")
            for problem in entry.problems:
                print(f"    {problem}")
    print(
        f"\nYour own scenarios go in: {folder}{'' if folder.is_dir() else ' (create this folder)'}"
    )
    return 0
