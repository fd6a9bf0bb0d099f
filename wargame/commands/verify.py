"""`wargame verify FILE`: replay a saved session from its stored scenario and check every turn.

Prints one line per turn; exits 0 only when every turn reproduces its saved state hash, 1 when
some turn does not, 2 when the file cannot be opened. The file is opened read-only.
"""

from __future__ import annotations

import argparse
import sys


def add_parser(sub) -> None:
    p = sub.add_parser(
        "verify",
        help="check that a saved session replays exactly",
        description="Replay a saved session and check every turn's state hash (exit 0 when all match).",
    )
    p.add_argument("file", help="a session file (.wargame)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..persistence import SessionError, SessionStore  # sqlalchemy loads only when needed

    try:
        with SessionStore.open(args.file, readonly=True) as store:
            log = store.load()
            checks = store.verify()
    except SessionError as exc:
        print(f"wargame verify: {exc}", file=sys.stderr)
        return 2
    sc = log.scenario
    print(f"{args.file}: {sc.title}, seed {log.seed}, {len(log.turns)} of {sc.turns} turns saved")
    for check in checks:
        if check.ok:
            print(f"turn {check.turn}: ok {check.stored_hash}")
        else:
            got = check.replayed_hash or "-"
            print(
                f"turn {check.turn}: MISMATCH saved {check.stored_hash} replayed {got}: {check.problem}"
            )
    if log.pending:
        print(
            f"turn {log.next_turn}: in progress, orders saved from {', '.join(sorted(log.pending))}"
        )
    bad = sum(not c.ok for c in checks)
    if bad:
        print(f"{bad} of {len(checks)} turn(s) do not replay")
        return 1
    print(f"all {len(checks)} turn(s) replay exactly")
    return 0
