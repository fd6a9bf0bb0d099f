"""`wargame validate [--stakes] FILE...`: check scenario files; exit 0 if all valid, else 2.
With --stakes, also say what the rules make of each valid file's stakes (every demand a state
could press with sanctions, and the chance its holder gives in)."""

from __future__ import annotations

import argparse

from ..calibration.stakes import demands, format_demands
from ..scenario import ScenarioError, load_scenario
from ..scenario.loader import visible


def add_parser(sub) -> None:
    p = sub.add_parser(
        "validate",
        help="check scenario files",
        description="Check scenario files; exit 0 when all are valid, 2 otherwise. "
        "Every problem is printed with its file and field path (see docs/SCENARIOS.md).",
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument(
        "--stakes",
        action="store_true",
        help="also list every demand a state could press with sanctions at the start, and how "
        "likely its holder is to give in (see docs/SCENARIOS.md)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    bad = 0
    for path in args.files:
        try:
            scenario = load_scenario(path)
        except ScenarioError as exc:
            bad += 1
            for problem in exc.problems:
                print(problem)
        else:
            summary = f"{scenario.title}: {len(scenario.states)} states, {scenario.turns} turns"
            print(visible(f"{path}: ok ({summary})"))
            if args.stakes:
                print()
                print(visible(format_demands(scenario, demands(scenario))))
                print()
    if bad:
        print(f"{bad} of {len(args.files)} file(s) have problems")
        return 2
    return 0
