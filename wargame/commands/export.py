"""`wargame export FILE --json OUT`: write a saved session's whole log as one JSON document.

The document holds the scenario, seed, seats, and per turn the orders, results, events, the
computer seats' reasons and the state snapshot with its hash; plus the orders already submitted
for an unfinished turn. OUT "-" writes to standard output. The session file is opened read-only.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..persistence import SessionLog

EXPORT_FORMAT = "crisis-wargame-log"
EXPORT_VERSION = 1


def add_parser(sub) -> None:
    p = sub.add_parser(
        "export",
        help="write a saved session's log as JSON",
        description="Write the whole log of a saved session as JSON.",
    )
    p.add_argument("file", help="a session file (.wargame)")
    p.add_argument(
        "--json",
        required=True,
        metavar="OUT",
        help="the JSON file to write ('-' for standard output)",
    )
    p.set_defaults(run=run)


def log_to_data(log: SessionLog) -> dict[str, Any]:
    return {
        "format": EXPORT_FORMAT,
        "format_version": EXPORT_VERSION,
        "meta": dict(log.meta),
        "created": log.created,
        "updated": log.updated,
        "scenario": log.scenario.model_dump(mode="json", by_alias=True),
        "seed": log.seed,
        "seats": [
            {"seat": s.seat, "controller": s.controller, "player": s.player, "doctrine": s.doctrine}
            for s in log.seats
        ],
        "turns": [
            {
                "turn": t.number,
                "resolved": t.resolved,
                "orders": [o.to_dict() for o in t.orders],
                "results": [
                    {"order": r.order.to_dict(), "status": r.status, "reason": r.reason}
                    for r in t.results
                ],
                "events": [e.to_dict() for e in t.events],
                "reasons": {seat: list(why) for seat, why in t.reasons.items()},
                "state_hash": t.state_hash,
                "state": json.loads(t.state_json),
            }
            for t in log.turns
        ],
        "pending": {
            "turn": log.next_turn,
            "orders": {seat: [o.to_dict() for o in orders] for seat, orders in log.pending.items()},
        },
    }


def run(args: argparse.Namespace) -> int:
    from ..persistence import SessionError, SessionStore  # sqlalchemy loads only when needed
    from ..persistence.sqlitefile import replace_durably, temp_sibling

    try:
        with SessionStore.open(args.file, readonly=True) as store:
            log = store.load()
    except SessionError as exc:
        print(f"wargame export: {exc}", file=sys.stderr)
        return 2
    text = json.dumps(log_to_data(log), indent=2, ensure_ascii=False) + "\n"
    if args.json == "-":
        sys.stdout.write(text)
        return 0
    out = Path(args.json)
    tmp = temp_sibling(out)
    try:
        tmp.write_text(text, encoding="utf-8")
        replace_durably(tmp, out)
    except OSError as exc:
        if tmp.exists():
            os.unlink(tmp)
        print(f"wargame export: cannot write '{out}': {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"{args.file}: {len(log.turns)} turn(s) written to {out}")
    return 0
