"""`wargame calibrate --runs N [--jobs J] [--json OUT] [--records OUT.jsonl]`.

Plays N all-computer crises across the shipped scenarios on every core and prints the calibration
table: each quantity of DESIGN.md section 2, its simulated value, the published target, the
tolerance, the sample size and pass/fail. Exit code 0 only when every row passes.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from tqdm import tqdm

from ..calibration.records import crisis_record  # noqa: F401  (documented entry point)
from ..calibration.rows import calibration_rows, format_table
from ..calibration.runner import DEFAULT_SEED, run_crises, shipped_scenarios


def add_parser(sub) -> None:
    p = sub.add_parser(
        "calibrate",
        help="play many computer crises and compare their rates with published figures",
        description="Play N all-computer crises across the shipped scenarios and print simulated rates "
        "against the calibration targets (DESIGN.md section 2). Exit code 0 when every row passes.",
    )
    p.add_argument("--runs", type=int, default=2000, help="number of crises to play (default 2000)")
    p.add_argument("--jobs", type=int, default=None, help="worker processes (default: every core)")
    p.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help=f"base seed (default {DEFAULT_SEED})"
    )
    p.add_argument(
        "--scenario", action="append", metavar="ID", help="only this shipped scenario (repeatable)"
    )
    p.add_argument("--json", metavar="OUT", help="also write the table as JSON to this file")
    p.add_argument(
        "--records", metavar="OUT.jsonl", help="write one JSON line per crisis to this file"
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.runs < 1:
        print("wargame calibrate: --runs must be at least 1", file=sys.stderr)
        return 2
    if args.jobs is not None and args.jobs < 1:
        print("wargame calibrate: --jobs must be at least 1", file=sys.stderr)
        return 2
    known = shipped_scenarios()
    unknown = [s for s in args.scenario or () if s not in known]
    if unknown:
        print(
            f"wargame calibrate: unknown scenario(s) {', '.join(unknown)} (shipped: {', '.join(sorted(known))})",
            file=sys.stderr,
        )
        return 2
    start = time.perf_counter()
    # in a log (not a terminal) the bar is redrawn every few seconds only
    interval = 0.1 if sys.stderr.isatty() else 5.0
    with tqdm(total=args.runs, unit="crisis", disable=args.quiet, mininterval=interval) as bar:
        records = run_crises(
            args.runs, args.jobs, args.seed, args.scenario, lambda done, _: bar.update(done - bar.n)
        )
    elapsed = time.perf_counter() - start
    rows = calibration_rows(records)
    print(
        f"Calibration: {len(records)} crises across {', '.join(sorted(args.scenario or known))} "
        f"(base seed {args.seed}) in {elapsed:.1f} s"
    )
    print(format_table(rows))
    passed = sum(r.passed for r in rows)
    print(f"{passed}/{len(rows)} rows pass")
    try:
        if args.json:
            with open(args.json, "w", encoding="utf-8") as f:
                json.dump(
                    {
                        "runs": len(records),
                        "seed": args.seed,
                        "seconds": round(elapsed, 2),
                        "rows": [r.to_dict() for r in rows],
                    },
                    f,
                    indent=2,
                )
                f.write("\n")
        if args.records:
            with open(args.records, "w", encoding="utf-8") as f:
                for rec in records:
                    f.write(json.dumps(rec, separators=(",", ":")) + "\n")
    except OSError as exc:
        print(f"wargame calibrate: cannot write {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 2
    return 0 if passed == len(rows) else 1
