"""`wargame export FILE --json OUT (--full | --seat STATE)`: a saved session as one JSON document.

Two records, and the command always asks which:

- `--full`, the facilitator's record: the scenario with every state's secret objectives and
  briefing, the seed, who plays each seat, and per turn the facilitator's interventions (each
  in words and as the log keeps it), every order, result and event (private ones too), the
  computer seats' reasons and the state snapshot with its hash.
- `--seat STATE`, what that seat saw: the scenario and each turn's state as that seat's view
  holds them, its own orders, their results and its computer player's reasons, the events it
  could see, and its own orders for an unfinished turn. The seed only once the game is over.

OUT "-" writes to standard output. The session file is opened read-only and never changed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..persistence.sources import add_session_source, session_source

if TYPE_CHECKING:
    from ..persistence import SessionLog

EXPORT_FORMAT = "crisis-wargame-log"
EXPORT_VERSION = 3  # 2: "record" says whose ("full" or "seat"); 3: the facilitator's entries


class ExportRefused(ValueError):
    """The record asked for cannot be made; the text says why."""


def add_parser(sub) -> None:
    p = sub.add_parser(
        "export",
        help="write a saved session's log as JSON",
        description="Write a saved session as JSON: the facilitator's whole record (--full) or "
        "what one seat saw (--seat STATE).",
    )
    add_session_source(p)
    out = p.add_mutually_exclusive_group(required=True)
    out.add_argument(
        "--json",
        metavar="OUT",
        help="the JSON file to write ('-' for standard output)",
    )
    out.add_argument(
        "--wargame",
        metavar="OUT",
        help="copy the session, whole, into a new session file OUT (.wargame), e.g. a class "
        "played on a server, for its debrief on a laptop",
    )
    whose = p.add_mutually_exclusive_group()
    whose.add_argument(
        "--full",
        action="store_true",
        help="the facilitator's whole record, with every seat's secrets and the seed",
    )
    whose.add_argument("--seat", metavar="STATE", help="only what this seat saw")
    p.set_defaults(run=run)


def log_to_data(log: SessionLog) -> dict[str, Any]:
    """The facilitator's whole record."""
    return {
        "format": EXPORT_FORMAT,
        "format_version": EXPORT_VERSION,
        "record": "full",
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
                "facilitator": facilitator_entries(log, t.number),
                "orders": [o.to_dict() for o in t.orders],
                "results": [
                    {"order": r.order.to_dict(), "status": r.status, "reason": r.reason}
                    for r in t.results
                ],
                "events": [e.to_dict() for e in t.events],
                "reasons": {seat: list(why) for seat, why in t.reasons.items()},
                "state_hash": t.state_hash,
                "state": _json(t.state_json, f"turn {t.number}'s state"),
            }
            for t in log.turns
        ],
        "pending": {
            "turn": log.next_turn,
            "facilitator": facilitator_entries(log, log.next_turn),
            "orders": {seat: [o.to_dict() for o in orders] for seat, orders in log.pending.items()},
        },
    }


def facilitator_entries(log: SessionLog, turn: int) -> list[dict[str, Any]]:
    """The facilitator's interventions of `turn`: who ("facilitator"), what in words, and the
    entry as the log keeps it, with the state hash it led to."""
    from ..facilitator import describe, to_data
    from ..setup import new_game

    names = new_game(log.scenario, log.seed)  # names the states and injects
    return [
        {
            "by": "facilitator",
            "position": i.position,
            "made": i.made,
            "kind": i.intervention.kind,
            "what": describe(i.intervention, names),
            "intervention": to_data(i.intervention),
            "state_hash": i.state_hash,
        }
        for i in log.interventions.get(turn, ())
    ]


def seat_to_data(log: SessionLog, seat: str) -> dict[str, Any]:
    """What `seat` saw, as its views show it (the views decide what a seat may know)."""
    from ..match import Match
    from ..persistence.check import check_log

    if seat not in log.scenario.state_ids:
        raise ExportRefused(
            f"--seat: {seat!r} is not a seat of this session "
            f"(expected one of: {', '.join(log.scenario.state_ids)})"
        )
    checks, records = check_log(log)  # the views are made from the replayed states
    bad = next((c for c in checks if not c.ok), None)
    if bad is not None:
        raise ExportRefused(
            f"turn {bad.turn} does not replay ({bad.problem}), so what a seat saw cannot be "
            "rebuilt; 'wargame verify' shows every turn"
        )
    finished = log.finished
    start = _seat_view_data(Match(log.scenario, log.seed).state, seat, (), finished)
    own = next(s for s in log.seats if s.seat == seat)
    turns = []
    for stored, record in zip(log.turns, records, strict=True):
        view = _seat_view_data(record.state, seat, record.events, finished)
        turn: dict[str, Any] = {
            "turn": stored.number,
            "resolved": stored.resolved,
            "orders": [o.to_dict() for o in stored.orders if o.actor == seat],
            "results": [
                {"order": r.order.to_dict(), "status": r.status, "reason": r.reason}
                for r in stored.results
                if r.order.actor == seat
            ],
            "events": view["events"],
            "state": view["state"],
        }
        if seat in stored.reasons:
            turn["reasons"] = list(stored.reasons[seat])
        turns.append(turn)
    return {
        "format": EXPORT_FORMAT,
        "format_version": EXPORT_VERSION,
        "record": "seat",
        "seat": seat,
        "meta": dict(log.meta),
        "created": log.created,
        "updated": log.updated,
        "scenario": start["scenario"],
        "seed": log.seed if finished else None,  # revealed with the debrief, at the end
        "seats": [
            {"seat": s.seat, "controller": s.controller}
            | ({"player": s.player, "doctrine": s.doctrine} if s is own else {})
            for s in log.seats
        ],
        "start": start["state"],
        "turns": turns,
        "pending": {
            "turn": log.next_turn,
            "orders": [o.to_dict() for o in log.pending.get(seat, ())],
        },
    }


def _seat_view_data(state, seat: str, events, finished: bool) -> dict[str, Any]:
    """What a client of `seat` receives (`view_data` of its view): the views decide what a seat
    may know. The seed stays out until the game is over, whatever a view holds."""
    from ..view import view_data, view_for

    data = view_data(view_for(state, seat, tuple(events)))
    if not finished and isinstance(data.get("state"), dict):
        data["state"].pop("seed", None)
    return data


def _json(text: str, what: str) -> Any:
    from ..persistence.codec import CodecError, loads

    try:
        return loads(text, what)
    except CodecError as exc:
        raise ExportRefused(str(exc)) from None


def to_text(data: dict[str, Any]) -> str:
    """JSON with every invisible or control character escaped (\\uXXXX): the same data, but
    nothing in it can act on a terminal that shows it."""
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if text.isascii() and text.replace("\n", "").isprintable():
        return text
    return "".join(
        _escaped(ch) if ch != "\n" and unicodedata.category(ch) in _INVISIBLE else ch for ch in text
    )


_INVISIBLE = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})


def _escaped(ch: str) -> str:
    """JSON's escape for one character (a surrogate pair beyond the Basic Multilingual Plane)."""
    code = ord(ch)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def run(args: argparse.Namespace) -> int:
    from ..persistence import SessionError, SessionStore  # sqlalchemy loads only when needed
    from ..persistence.sqlitefile import replace_durably, temp_sibling
    from ..persistence.textsafe import plain

    if args.wargame is not None:
        return _copy_to_file(args)
    if not args.full and args.seat is None:
        print(
            "wargame export: say whose record to write: --full (the facilitator's whole record, "
            "with every seat's secrets and the seed) or --seat STATE (only what that seat saw)",
            file=sys.stderr,
        )
        return 2
    try:
        source = session_source(args)
        target, label = source.target, source.label
        with SessionStore.open(target, readonly=True, session=source.session) as store:  # type: ignore[arg-type]
            log = store.load()
        data = log_to_data(log) if args.full else seat_to_data(log, args.seat)
        text = to_text(data)
    except (SessionError, ValueError) as exc:
        print(f"wargame export: {plain(exc)}", file=sys.stderr)
        return 2
    except RecursionError:
        print(
            "wargame export: the session holds data nested far more deeply than a session's",
            file=sys.stderr,
        )
        return 2
    if args.full:
        print(
            "wargame export: this is the facilitator's record: it holds every seat's secrets and "
            "the seed; do not hand it to players",
            file=sys.stderr,
        )
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
        print(
            plain(f"wargame export: cannot write '{out}': {exc.strerror or exc}"), file=sys.stderr
        )
        return 2
    whose = "the full record" if args.full else f"what {args.seat} saw"
    print(plain(f"{label}: {len(log.turns)} turn(s), {whose}, written to {out}"))
    return 0


def _copy_to_file(args: argparse.Namespace) -> int:
    from ..persistence import SessionError, SessionStore
    from ..persistence.textsafe import plain

    if args.full or args.seat is not None:
        print(
            "wargame export: --wargame copies the whole session: no --full or --seat",
            file=sys.stderr,
        )
        return 2
    try:
        source = session_source(args)
        with SessionStore.open(source.target, readonly=True, session=source.session) as store:  # type: ignore[arg-type]
            store.load()  # every row decodes before anything is written
            where = store.copy_to(args.wargame)
    except (SessionError, ValueError) as exc:
        print(f"wargame export: {plain(exc)}", file=sys.stderr)
        return 2
    print(plain(f"{source.label}: copied to {where}"))
    print(
        "wargame export: the session file holds every seat's secrets and the seed; keep it as "
        "you would keep a gradebook",
        file=sys.stderr,
    )
    return 0
