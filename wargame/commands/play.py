"""`wargame play SCENARIO --seed N --computer all|ID,ID`: play a session in the terminal.

Computer seats decide by themselves; every other seat is a person at the terminal
(`terminal_seat`): each turn they see their briefing, objectives, figures and news, choose moves
grouped by family by number or name, and hand in; several people get a hand-over between them.
Prints a summary of each turn, the scores with each objective, and, last, `state_hash: <hex>`.
With `--computer all` the output is a plain record of the game (tools read it line by line).
"""

from __future__ import annotations

import argparse
import sys

from ..ai import DEFAULT_LEVEL, KINDS, make_player
from ..match import Match, TurnRecord
from ..scenario import ScenarioError
from ..scenario.library import find_scenario
from ..scoring import scores
from ..state import state_hash
from .inject_option import add_inject_option, schedule_injects
from .terminal_seat import Console, StopPlaying, TerminalSeat, terminal_console


def add_parser(sub) -> None:
    p = sub.add_parser(
        "play",
        help="play a session in the terminal (headless)",
        description="Play a whole session without the GUI. Every state the computer does not "
        "play is a person at this terminal: each turn it sees its briefing, objectives, figures "
        "and news, and chooses moves by number or name (type `help` at its prompt).",
    )
    p.add_argument("scenario", help="a scenario file, or the id of a bundled scenario")
    p.add_argument("--seed", type=int, default=None, help="random seed (default: the scenario's)")
    p.add_argument(
        "--computer",
        default="all",
        help="'all', 'none', or a comma list of state ids the computer plays (the others are "
        "people at this terminal)",
    )
    p.add_argument(
        "--level",
        default=DEFAULT_LEVEL,
        choices=KINDS,
        help=f"how the computer plays: {', '.join(KINDS)} (default {DEFAULT_LEVEL}); levels differ in foresight",
    )
    p.add_argument("--quiet", action="store_true", help="print only the final hash")
    add_inject_option(p)
    p.add_argument(
        "--save",
        metavar="FILE",
        help="save the session to FILE (.wargame) as it is played; continue it with 'wargame resume FILE'",
    )
    p.add_argument(
        "--db",
        metavar="URL",
        help="save the session in the database at this SQLAlchemy URL as it is played (e.g. "
        "postgresql+psycopg://user@host/db); its id is printed on standard error",
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
    problem = schedule_injects(match, args.inject)  # the facilitator's plan, on the record
    if problem:
        print(f"wargame play: {problem}", file=sys.stderr)
        return 2
    if args.save and args.db:
        print("wargame play: give --save FILE or --db URL, not both", file=sys.stderr)
        return 2
    if not args.save and not args.db:
        return play_to_end(match, quiet=args.quiet)
    from ..persistence import SessionError, SessionStore  # sqlalchemy loads only when saving

    try:
        target = args.save if args.save else _database_url(args.db)
        store = SessionStore.create(target, match)  # becomes match.recorder: every move is saved
    except (SessionError, ValueError) as exc:
        print(f"wargame play: {exc}", file=sys.stderr)
        return 2
    if store.session_id is not None:  # standard output stays the plain record of the game
        print(f"saving to {store.name}", file=sys.stderr, flush=True)
    with store:
        try:
            code = play_to_end(match, quiet=args.quiet)
        except SessionError as exc:
            print(f"wargame play: {exc}", file=sys.stderr)
            return 2
    if code == 1:
        again = args.save if args.save else f"--db URL {store.session_id or ''}".strip()
        print(
            f"the session so far is saved; continue it with: wargame resume {again}",
            file=sys.stderr,
        )
    return code


def _database_url(text: str):  # noqa: ANN202 - a sqlalchemy URL
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(text)
    except ArgumentError:
        raise ValueError(f"--db: {text!r} is not a database URL") from None


def play_to_end(match: Match, quiet: bool = False, console: Console | None = None) -> int:
    sc = match.scenario
    if not quiet:
        print(
            f"{sc.title}: {len(sc.states)} states, {sc.turns} turns of {sc.turn_length}, seed {match.seed}"
        )
    people: dict[str, TerminalSeat] = {}
    if match.human_seats:
        console = console or terminal_console()
        people = {seat: TerminalSeat(match, seat, console) for seat in match.human_seats}
    hand_over = len(people) > 1
    while not match.finished:
        for seat in match.waiting_for():
            try:
                people[seat].play_turn(hand_over)
            except StopPlaying as exc:
                print(f"\nwargame play: {exc}; the session was not finished", file=sys.stderr)
                return 1
        record = match.resolve_turn()
        if not quiet:
            print_turn(match, record, events=not people)
    if not quiet:
        print_scores(match, objectives=bool(people))
    print(f"state_hash: {state_hash(match.state)}")
    return 0


def print_turn(match: Match, record: TurnRecord, events: bool = True) -> None:
    """The turn's headline and its public events (people read their own news at their turn)."""
    s = record.state
    print(
        f"\nTurn {record.turn}: escalation {s.rung_name.replace('_', ' ')}, tension {s.tension:.0f}"
    )
    if not events:
        return
    for e in record.events:
        if e.visible_to is None and e.kind not in ("EscalationChanged",):
            print(f"  - {e.text}")


def print_scores(match: Match, objectives: bool = False) -> None:
    print("\nFinal scores")
    for sid, sc in scores(match.state).items():
        name = match.scenario.state(sid).name
        print(
            f"  {name:<22} {sc.total:>4} points  ({sc.objective_points}/{sc.possible_points} from objectives, "
            f"{sc.obligation_points:+d} for obligations)  {sc.outcome}"
        )
        if objectives:  # the breakdown, secret objectives revealed now that the game is over
            for r in sc.objectives:
                mark = "\u2713 met    " if r.met else "\u2717 not met"
                secret = " (secret)" if r.objective.secret else ""
                text = " ".join(r.objective.text.split())
                print(f"      {mark} {text} \u2014 {r.objective.points} points{secret}")
            if sc.obligation_points:
                print(f"      obligations kept and broken: {sc.obligation_points:+d} points")


def describe(order) -> str:
    details = ", ".join(
        f"{k}={v}"
        for k, v in order.to_dict().items()
        if k not in ("kind", "actor") and v not in ("", None, [])
    )
    return f"{order.label}" + (f" ({details})" if details else "")
