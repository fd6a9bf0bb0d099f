"""`wargame scenarios`: list the scenarios on offer, why any file cannot be played, and where to
put your own."""

from __future__ import annotations

import argparse

from ..paths import user_scenarios_dir
from ..scenario.library import catalogue
from ..scenario.loader import visible


def add_parser(sub) -> None:
    p = sub.add_parser(
        "scenarios",
        help="list available scenarios and the folder for your own",
        description="List bundled and user scenarios (with the problems of any file that cannot "
        "be played), and where user scenarios go.",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:  # noqa: ARG001 - no options
    folder = user_scenarios_dir()
    for entry in catalogue():
        source = visible(entry.source)
        if entry.scenario is not None:
            s = entry.scenario
            print(f"{s.id:<20} {s.title} ({len(s.states)} states, {s.turns} turns)  [{source}]")
        else:
            print(f"{'(cannot be loaded)':<20} {source}")
            for problem in entry.problems:
                print(f"    {problem}")
    missing = "" if folder.is_dir() else " (create this folder)"
    print(f"\nYour own scenarios go in: {visible(str(folder))}{missing}")
    return 0
