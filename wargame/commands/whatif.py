"""`wargame whatif SESSION --turn T [--seat S --orders FILE] --runs N --json OUT`: what if a state
had chosen differently at turn T? Replays the session to turn T, gives seat S the orders in FILE
(a JSON list of orders, as `wargame export` writes them) instead of its recorded ones, and plays
on: one branch with the session's own dice, compared turn by turn with what happened, then N
futures with the recorded orders against N with the alternative (future k of both with the same
dice, derived from the session seed). Without --seat only the recorded orders' futures are
played. Prints each arm's outcome shares; the same session and arguments give the same JSON.
The session file is opened read-only and never changed."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..persistence.sources import add_session_source, session_source

WHATIF_FORMAT = "crisis-wargame-whatif"
WHATIF_VERSION = 1
DEFAULT_RUNS = 20
MAX_RUNS = 100_000


def add_parser(sub) -> None:
    p = sub.add_parser(
        "whatif",
        help="replay a saved session from a turn with other orders, and compare",
        description="Branch a saved session at a turn: replace one seat's orders and play on, "
        "once with the session's dice and N times with other dice, against the recorded orders.",
    )
    add_session_source(p)
    p.add_argument("--turn", type=int, required=True, help="the turn to branch at (from 1)")
    p.add_argument("--seat", metavar="STATE", help="the seat whose orders change (its id)")
    p.add_argument(
        "--orders",
        metavar="FILE",
        help="the seat's orders at that turn instead: a JSON list of orders ([] for none)",
    )
    p.add_argument(
        "--runs",
        type=int,
        default=DEFAULT_RUNS,
        help=f"futures per arm for the distribution of outcomes (default {DEFAULT_RUNS}; 0: "
        "only the branch)",
    )
    p.add_argument("--json", metavar="OUT", help="write the results as JSON ('-': standard output)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(run=run)


def read_orders(path: str, seat: str) -> list[Any]:
    """Orders from a JSON file; an order without an actor is the seat's."""
    from ..orders import OrderFormatError, order_from_dict

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"--orders: cannot read {path}: {exc.strerror or exc}") from None
    except (ValueError, RecursionError) as exc:
        raise ValueError(f"--orders: {path} is not valid JSON ({str(exc)[:200]})") from None
    if isinstance(data, dict) and "orders" in data:
        data = data["orders"]
    if not isinstance(data, list):
        raise ValueError(f"--orders: {path} must hold a JSON list of orders")
    orders = []
    for i, item in enumerate(data, start=1):
        if isinstance(item, dict) and "actor" not in item:
            item = {**item, "actor": seat}
        try:
            orders.append(order_from_dict(item))
        except OrderFormatError as exc:
            raise ValueError(f"--orders: order {i} in {path}: {exc}") from None
    return orders


def run(args: argparse.Namespace) -> int:
    from ..ai import make_player
    from ..debrief import DebriefError, played_from_log
    from ..debrief.whatif import branch, monte_carlo
    from ..debrief.whatif_report import comparison, describe_distribution, distribution
    from ..persistence import SessionError, SessionStore
    from ..persistence.textsafe import plain

    if (args.seat is None) != (args.orders is None):
        print("wargame whatif: --seat and --orders go together", file=sys.stderr)
        return 2
    if not 0 <= args.runs <= MAX_RUNS:
        print(f"wargame whatif: --runs must be between 0 and {MAX_RUNS}", file=sys.stderr)
        return 2
    try:
        source = session_source(args)
        label = source.label
        with SessionStore.open(source.target, readonly=True, session=source.session) as store:  # type: ignore[arg-type]
            log = store.load()
        played = played_from_log(log)
        orders = read_orders(args.orders, args.seat) if args.orders else None
        future = branch(played, args.turn, args.seat, orders, make_player)
    except (SessionError, DebriefError, ValueError) as exc:
        print(f"wargame whatif: {plain(exc)}", file=sys.stderr)
        return 2
    data: dict[str, Any] = {
        "format": WHATIF_FORMAT,
        "format_version": WHATIF_VERSION,
        "scenario": played.scenario.id,
        "seed": played.seed,
        "turns_played": len(played.turns),
        "turn": args.turn,
        "seat": args.seat,
        "orders": None if orders is None else [o.to_dict() for o in orders],
        "branch": comparison(played, future, args.seat, orders),
    }
    print(plain(f"{label}: {played.scenario.title}, branch at turn {args.turn}"))
    if args.runs:
        recorded, alternative = _futures(played, args, orders, monte_carlo, make_player)
        data["monte_carlo"] = {
            "runs": args.runs,
            "dice": "future k of each arm: streams derived from the session seed, 'whatif', k, "
            "the turn and the seat",
            "recorded": distribution(played, recorded),
            "alternative": distribution(played, alternative) if alternative else None,
        }
        for key, title in (
            ("recorded", "with the recorded orders"),
            ("alternative", "with the alternative"),
        ):
            if data["monte_carlo"][key]:
                for line in describe_distribution(title, data["monte_carlo"][key]):
                    print(plain(line))
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if args.json == "-":
        sys.stdout.write(text)
    elif args.json:
        try:
            Path(args.json).write_text(text, encoding="utf-8")
        except OSError as exc:
            print(
                plain(f"wargame whatif: cannot write {args.json}: {exc.strerror or exc}"),
                file=sys.stderr,
            )
            return 2
        print(plain(f"written to {args.json}"))
    return 0


def _futures(played, args, orders, monte_carlo, make_player):  # noqa: ANN001, ANN202
    from tqdm import tqdm

    arms = 2 if args.seat is not None else 1
    with tqdm(
        total=args.runs * arms, desc="futures", unit="future", disable=args.quiet, file=sys.stderr
    ) as bar:
        return monte_carlo(
            played,
            args.turn,
            args.seat,
            orders,
            make_player,
            args.runs,
            progress=lambda done, total: bar.update(done - bar.n),
        )
