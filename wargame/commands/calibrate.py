"""`wargame calibrate`: a researcher's command.

Plays N all-computer crises at one or more computer levels (and, with --robustness, in every
doctrine world) and prints the calibration table of DESIGN.md section 2, pooled, on the tuning
and the held-out scenarios and per scenario, with the sanctions cost levels within each scenario.
`--constants` prints the tuned constants (docs/CALIBRATION.md is written from it).

Exit codes: 0 when the run completed, whatever the rows say (a table of sampled rates is a result,
not an error: rows with too few cases are notes); 1 only with --strict, when a calibrated row with
enough cases misses its target, pooled or on the held-out scenarios; 2 for bad input or a file
that cannot be written.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tqdm import tqdm

from ..ai import DOCTRINES, LEVELS
from ..calibration.constants import generated_markdown, write_constants
from ..calibration.report import (
    build_report,
    format_setting,
    format_timing,
    format_worlds,
    setting_json,
)
from ..calibration.runner import DEFAULT_SEED, Setting, run_calibration, shipped_scenarios
from ..calibration.split import DEFAULT_SCENARIOS, TUNE_SCENARIOS
from ..scenario import ScenarioError, load_scenario

WORLDS = ("own", *DOCTRINES)


def add_parser(sub) -> None:
    p = sub.add_parser(
        "calibrate",
        help="for researchers: play many computer crises and compare their rates with "
        "published figures",
        description="For researchers. Play N all-computer crises across the classic "
        "scenarios (or the shipped ones named, or the files given) and print simulated rates "
        "against the calibration targets (DESIGN.md section 2): pooled, on the tuning and the held-out scenarios, and per scenario. Rows "
        "that hold by construction are labelled and left out of the pass count. Exit code 0 "
        "when the run completes (rows with too few cases are notes, not failures); with "
        "--strict, 1 when a calibrated row with enough cases misses its target; 2 for bad input.",
    )
    p.add_argument("--runs", type=int, default=2000, help="crises per setting (default 2000)")
    p.add_argument(
        "--level",
        action="append",
        choices=tuple(LEVELS),
        help="computer level of every seat (repeatable; default easy, the fast rule-of-thumb "
        "player; students meet normal)",
    )
    p.add_argument(
        "--doctrine",
        choices=WORLDS,
        default="own",
        help="every state plays this doctrine (default own: each its scenario's)",
    )
    p.add_argument(
        "--robustness",
        action="store_true",
        help="also play every doctrine world (all-hawk, all-dove, ...) and compare them",
    )
    p.add_argument(
        "--scenarios",
        nargs="+",
        metavar="FILE",
        help="play these scenario files instead of the default ones (with --scenario: as well)",
    )
    p.add_argument(
        "--scenario",
        action="append",
        metavar="ID",
        help="only this shipped scenario (repeatable; default: the classic ones, "
        f"{', '.join(DEFAULT_SCENARIOS)})",
    )
    p.add_argument(
        "--tune",
        metavar="ID,...",
        help=f"the tuning scenarios; every other is held out (default {','.join(TUNE_SCENARIOS)})",
    )
    p.add_argument("--jobs", type=int, default=None, help="worker processes (default: every core)")
    p.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help=f"base seed (default {DEFAULT_SEED})"
    )
    p.add_argument("--json", metavar="OUT", help="also write the report as JSON to this file")
    p.add_argument(
        "--records", metavar="OUT.jsonl", help="write one JSON line per crisis to this file"
    )
    p.add_argument("--timing", action="store_true", help="say where the processor time went")
    p.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 when a calibrated row with enough cases misses its target",
    )
    p.add_argument(
        "--constants",
        action="store_true",
        help="list every tuned constant, its value, source and the rows it moves, and exit",
    )
    p.add_argument(
        "--write",
        metavar="FILE",
        help="with --constants: rewrite the list in FILE (docs/CALIBRATION.md) between its markers",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(run=run)


def _fail(message: str) -> int:
    print(f"wargame calibrate: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    if args.constants:
        return _constants(args)
    if args.write:
        return _fail("--write goes with --constants")
    if args.runs < 1:
        return _fail("--runs must be at least 1")
    if args.jobs is not None and args.jobs < 1:
        return _fail("--jobs must be at least 1")
    library = _library(args)
    if isinstance(library, int):
        return library
    tune = [t.strip() for t in args.tune.split(",") if t.strip()] if args.tune else None
    levels = list(dict.fromkeys(args.level or ["easy"]))
    worlds = list(WORLDS) if args.robustness else [args.doctrine]
    settings = [
        Setting(level, None if world == "own" else world) for level in levels for world in worlds
    ]
    interval = 0.1 if sys.stderr.isatty() else 5.0  # in a log, redraw every few seconds only
    total = args.runs * len(settings)
    with tqdm(total=total, unit="crisis", disable=args.quiet, mininterval=interval) as bar:
        results = run_calibration(
            args.runs,
            args.jobs,
            args.seed,
            library,
            settings,
            lambda done, _: bar.update(done - bar.n),
        )
    reports = [build_report(s, results.records[s], tune) for s in settings]
    first = reports[0]
    print(
        f"Calibration: {args.runs} crises per setting across {', '.join(sorted(library))} "
        f"(base seed {args.seed}) in {results.wall:.1f} s. Tuning scenarios: "
        f"{', '.join(first.tune) or 'none'}; held out: {', '.join(first.held_out) or 'none'}."
    )
    for rep in reports:
        print()
        print(format_setting(rep))
    if args.robustness:
        for level in levels:
            print()
            print(format_worlds([r for r in reports if r.setting.level == level]))
    judged = [r for r in reports if r.setting.world == args.doctrine]
    failures = [f for r in judged for f in r.failures()]
    if args.timing:
        print()
        print(format_timing(results.timing, results.wall, results.jobs))
    print()
    if failures:
        print(f"{len(failures)} calibrated row(s) with enough cases miss their target:")
        for f in failures:
            print(f"  {f}")
    else:
        print("Every calibrated row with enough cases is on target.")
    code = _write(args, reports, results, failures)
    if code:
        return code
    return 1 if args.strict and failures else 0


def _library(args: argparse.Namespace):
    """The scenarios to play, by id; or an exit code after saying what is wrong."""
    try:
        shipped = shipped_scenarios()
    except ScenarioError as exc:
        return _fail(f"a shipped scenario cannot be loaded: {exc.problems[0]}")
    unknown = [s for s in args.scenario or () if s not in shipped]
    if unknown:
        return _fail(
            f"unknown scenario(s) {', '.join(unknown)} (shipped: {', '.join(sorted(shipped))})"
        )
    library = {s: shipped[s] for s in args.scenario or ()}
    if not args.scenarios and not library:
        return {s: shipped[s] for s in DEFAULT_SCENARIOS if s in shipped}
    sources = {s: f"shipped scenario {s}" for s in library}
    for path in args.scenarios or ():
        try:
            sc = load_scenario(path)
        except ScenarioError as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            return _fail(f"cannot play {path}: see the problems above")
        if sc.id in library:
            return _fail(f"{path} and {sources[sc.id]} have the same scenario id {sc.id!r}")
        library[sc.id], sources[sc.id] = sc, path
    return library


def _write(args, reports, results, failures) -> int:
    try:
        if args.json:
            data = {
                "runs": args.runs,
                "seed": args.seed,
                "seconds": round(results.wall, 2),
                "rows": [r.to_dict() for r in reports[0].pooled],
                "settings": [setting_json(r) for r in reports],
                "failures": failures,
                "timing": results.timing.to_dict() | {"wall": round(results.wall, 2)},
            }
            Path(args.json).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        if args.records:
            with open(args.records, "w", encoding="utf-8") as f:
                for rep in reports:
                    for rec in results.records[rep.setting]:
                        f.write(json.dumps(rec, separators=(",", ":")) + "\n")
    except OSError as exc:
        return _fail(f"cannot write {exc.filename}: {exc.strerror}")
    return 0


def _constants(args: argparse.Namespace) -> int:
    if not args.write:
        print(generated_markdown(), end="")
        return 0
    try:
        changed = write_constants(Path(args.write))
    except OSError as exc:
        return _fail(f"cannot write {exc.filename}: {exc.strerror}")
    except ValueError as exc:
        return _fail(str(exc))
    print(f"{args.write}: {'updated' if changed else 'already up to date'}")
    return 0
