"""`wargame play SCENARIO --seed N --computer all|ID,ID`: play a session in the terminal.

Computer seats decide by themselves; every other seat is asked on the terminal, choosing from a
numbered list of its legal orders. Prints a summary of each turn and, last, `state_hash: <hex>`.
"""

from __future__ import annotations

import argparse
import sys

from ..ai import DEFAULT_LEVEL, KINDS, make_player
from ..match import Match, OrdersRejected, TurnRecord
from ..scenario import ScenarioError
from ..scenario.library import find_scenario
from ..scoring import scores
from ..state import state_hash


def add_parser(sub) -> None:
    p = sub.add_parser(
        "play",
        help="play a session in the terminal (headless)",
        description="Play a whole session without the GUI.",
    )
    p.add_argument("scenario", help="a scenario file, or the id of a bundled scenario")
    p.add_argument("--seed", type=int, default=None, help="random seed (default: the scenario's)")
    p.add_argument(
        "--computer",
        default="all",
        help="'all', 'none', or a comma list of state ids the computer plays",
    )
    p.add_argument(
        "--level",
        default=DEFAULT_LEVEL,
        choices=KINDS,
        help=f"how the computer plays: {', '.join(KINDS)} (default {DEFAULT_LEVEL}); levels differ in foresight",
    )
    p.add_argument("--quiet", action="store_true", help="print only the final hash")
    p.add_argument(
        "--save",
        metavar="FILE",
        help="save the session to FILE (.wargame) as it is played; continue it with 'wargame resume FILE'",
    )
    p.set_defaults(run=run)


def parse_computer(value: str, seats: tuple[str, ...]) -> list[str]:
    if value == "all":
        return list(seats)
    if value in ("", "none"):
        return []
    chosen = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [c for c in chosen if c not in seats]
    if unknown:
        raise ValueError(
            f"--computer: unknown state(s) {', '.join(unknown)} (expected some of: {', '.join(seats)})"
        )
    return chosen


def open_match(args: argparse.Namespace) -> Match | int:
    try:
        scenario = find_scenario(args.scenario)
        computer = parse_computer(args.computer, scenario.state_ids)
    except ScenarioError as exc:
        print(exc, file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"wargame play: {exc}", file=sys.stderr)
        return 2
    if args.seed is not None and not 0 <= args.seed < 2**63:
        print("wargame play: --seed must be between 0 and 2^63-1", file=sys.stderr)
        return 2
    return Match(scenario, args.seed, {seat: make_player(args.level) for seat in computer})


def run(args: argparse.Namespace) -> int:
    match = open_match(args)
    if isinstance(match, int):
        return match
    if not args.save:
        return play_to_end(match, quiet=args.quiet)
    from ..persistence import SessionError, SessionStore  # sqlalchemy loads only when saving

    try:
        store = SessionStore.create(args.save, match)  # becomes match.recorder: every move is saved
    except SessionError as exc:
        print(f"wargame play: {exc}", file=sys.stderr)
        return 2
    with store:
        try:
            code = play_to_end(match, quiet=args.quiet)
        except SessionError as exc:
            print(f"wargame play: {exc}", file=sys.stderr)
            return 2
    if code == 1:
        print(
            f"the session so far is saved; continue it with: wargame resume {args.save}",
            file=sys.stderr,
        )
    return code


def play_to_end(match: Match, quiet: bool = False) -> int:
    sc = match.scenario
    if not quiet:
        print(
            f"{sc.title}: {len(sc.states)} states, {sc.turns} turns of {sc.turn_length}, seed {match.seed}"
        )
    while not match.finished:
        for seat in match.waiting_for():
            try:
                ask_and_submit(match, seat)
            except EOFError:
                print(
                    "\nwargame play: no more input; the session was not finished", file=sys.stderr
                )
                return 1
        record = match.resolve_turn()
        if not quiet:
            print_turn(match, record)
    if not quiet:
        print_scores(match)
    print(f"state_hash: {state_hash(match.state)}")
    return 0


def print_turn(match: Match, record: TurnRecord) -> None:
    s = record.state
    print(
        f"\nTurn {record.turn}: escalation {s.rung_name.replace('_', ' ')}, tension {s.tension:.0f}"
    )
    for e in record.events:
        if e.visible_to is None and e.kind not in ("EscalationChanged",):
            print(f"  - {e.text}")


def print_scores(match: Match) -> None:
    print("\nFinal scores")
    for sid, sc in scores(match.state).items():
        name = match.scenario.state(sid).name
        print(
            f"  {name:<22} {sc.total:>4} points  ({sc.objective_points}/{sc.possible_points} from objectives, "
            f"{sc.obligation_points:+d} for obligations)  {sc.outcome}"
        )


def ask_and_submit(match: Match, seat: str) -> None:
    """Show the seat its news and legal orders; submit its choice once the engine accepts it."""
    from ..legality import legal_orders

    view = match.view(seat)
    options = legal_orders(view.state, seat)
    name = match.scenario.state(seat).name
    print(f"\n== {name}, turn {match.state.turn}: choose orders ==")
    for e in view.events:
        print(f"  news: {e.text}")
    for i, o in enumerate(options, 1):
        print(f"  {i:>3}. {describe(o)}")
    while True:
        line = input("numbers separated by commas (empty to pass): ").strip()
        if not line:
            match.submit(seat, ())
            return
        try:
            picked = tuple(options[int(x) - 1] for x in line.split(","))
            if any(int(x) < 1 for x in line.split(",")):
                raise IndexError
        except (ValueError, IndexError):
            print(f"  please give numbers from 1 to {len(options)}")
            continue
        try:
            match.submit(seat, picked)  # checks the set as a whole (action limit)
            return
        except OrdersRejected as exc:
            print(f"  not accepted: {exc}")


def describe(order) -> str:
    details = ", ".join(
        f"{k}={v}"
        for k, v in order.to_dict().items()
        if k not in ("kind", "actor") and v not in ("", None, [])
    )
    return f"{order.label}" + (f" ({details})" if details else "")
