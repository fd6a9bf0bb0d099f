"""Long sessions: what a turn costs, and what `verify` costs per turn, from turn 10 to turn 200.

    .venv/bin/python -m bench.long_game_bench [--scenario FILE ...] [--level easy]

For each scenario (by default northern_sea, 7 states, and crisis_committee, 28 states), one
all-computer game is played with the scenario's length raised to 200 turns (the cap), saving the
session at each checkpoint T. Then, in processor time:

- turn cost at T: turn T played again from the state before it, as live play plays it (each
  computer seat decides from its view, the rules resolve, the new state is hashed as a save
  hashes it), split into those four parts; the median over the turns T-4..T, each the fastest
  of `--repeats` runs;
- the same turn without its history: played again from that state with every ended record
  (archive.py) dropped, the same live world without what the crisis left behind, in the same
  runs (the seats decide from their views of it, and the orders decided with the history are
  resolved, so both resolve the same orders); turn T with its history / without says what the
  history costs, apart from how busy the live world has grown (a long crisis has more live
  treaties, drafts and wars at turn 200 than at turn 10, which makes a turn dearer whatever the
  archive does);
- verify per turn at T: `SessionStore.verify` (what `wargame verify FILE` runs: every turn derived
  again, computer decisions included, and checked against the file) of the session file holding
  the game's first T turns, divided by T; the fastest of `--repeats` runs.

The runs are interleaved (every checkpoint once, then every checkpoint again...), so a change in
the machine's load falls on turn 10 and turn 200 alike and their ratio holds where the absolute
figures do not.

It prints a table per scenario, the ratios turn 200 / turn 10 (target: under 1.5 for both), turn
200 with its history / without (bench/sections.py holds it to under 1.1) and the growth exponents over T = 15 ... 200: the slope of log(cost) against log(T), about 0 for a
cost per turn that stays flat (1 for a cost per turn growing as T), so the total verify time
grows as T^(1 + exponent). `main(argv)` prints the same and returns 0 when every target is met.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import platform
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from wargame.ai import make_player
from wargame.archive import ARCHIVED_FIELDS
from wargame.events import Event
from wargame.loop import SessionDice
from wargame.match import Match
from wargame.orders import Order
from wargame.persistence import SessionStore
from wargame.resolve import resolve
from wargame.scenario import Scenario, parse_scenario
from wargame.scenario.loader import read_yaml
from wargame.state import GameState, canonical_json, state_hash
from wargame.view import view_for

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"
DEFAULT_SCENARIOS = ("northern_sea.yaml", "crisis_committee.yaml")
CHECKPOINTS = (10, 15, 30, 60, 100, 200)
GROWTH_FROM = 15  # exponents over T = 15 ... 200 (issue 21)
WINDOW = 5  # turns whose median cost stands for turn T
TARGET_RATIO = 1.5  # turn 200 / turn 10, for a turn and for verify per turn
PARTS = ("views", "decisions", "resolution", "hash")


def long_scenario(name: str, turns: int) -> Scenario:
    path = SCENARIOS / name
    data = read_yaml(path.read_text(encoding="utf-8"), str(path))
    data["turns"] = turns
    return parse_scenario(data, str(path))


def cpu(fn: Callable[[], object]) -> float:
    started = time.process_time()
    fn()
    return time.process_time() - started


@dataclass
class Game:
    """Every state of one game (the first one included), every turn's events, and the session
    files of its first T turns for each checkpoint T."""

    states: list[GameState]
    events: list[tuple[Event, ...]]
    sessions: dict[int, Path]


def play_game(scenario: Scenario, seed: int, level: str, folder: Path) -> Game:
    match = Match(scenario, seed, {s: make_player(level) for s in scenario.state_ids})
    game = Game([match.state], [()], {})
    while not match.finished:
        record = match.resolve_turn()
        game.states.append(record.state)
        game.events.append(record.events)
        if record.turn in CHECKPOINTS:
            path = folder / f"{scenario.id}_{record.turn}.wargame"
            SessionStore.create(path, match, player_factory=make_player).close()
            match.recorder = None  # the file holds the first T turns; the game goes on without it
            game.sessions[record.turn] = path
    return game


def turn_parts(
    state: GameState,
    events: tuple[Event, ...],
    players: dict,
    dice: SessionDice,
    orders: Sequence[Order] | None = None,
) -> tuple[tuple[float, ...], list[Order]]:
    """Seconds of processor time for each part of the turn played from `state` (after
    `events`), as `loop.play_turn` plays it (no seat has given orders) and a save hashes its
    state; and the orders the seats decided. With `orders`, the seats still decide (and are
    timed) but those orders are resolved instead, so two states can be compared on the same
    orders."""
    started = time.process_time()
    views = {seat: view_for(state, seat, events) for seat in state.ids}
    viewed = time.process_time()
    decided_orders = [
        order
        for seat in state.ids
        for order in players[seat].decide(views[seat], dice.for_seat(state.turn, seat)).orders
    ]
    decided = time.process_time()
    result = resolve(state, decided_orders if orders is None else orders, dice.for_turn(state.turn))
    resolved = time.process_time()
    state_hash(result.state)
    hashed = time.process_time()
    return (
        viewed - started,
        decided - viewed,
        resolved - decided,
        hashed - resolved,
    ), decided_orders


def without_history(state: GameState) -> GameState:
    """`state` with every ended record dropped (see archive.py): the same live world, as if the
    crisis had left nothing behind. Record ids come from `next_id`, so new ones cannot clash."""
    return dataclasses.replace(
        state, archive=None, **{name: tuple(state.live(name)) for name in ARCHIVED_FIELDS}
    )


def turn_costs(
    scenario: Scenario, game: Game, level: str, repeats: int
) -> tuple[dict[int, tuple[float, ...]], dict[int, float]]:
    """For each checkpoint T, the seconds of a turn's parts (see `turn_parts`): the median over
    the window of turns, each turn's fastest run; and the seconds of the same turns played
    without their history (see `without_history`) on the same orders, in the same runs."""
    players = {s: make_player(level) for s in scenario.state_ids}
    dice = SessionDice(game.states[0].seed)
    windows = {t: range(max(1, t - WINDOW + 1), t + 1) for t in CHECKPOINTS}
    bare = {t: without_history(game.states[t - 1]) for w in windows.values() for t in w}
    fastest: dict[int, tuple[float, ...]] = {}
    fastest_bare: dict[int, float] = {}
    for _ in range(repeats):
        for window in windows.values():
            for turn in window:
                events = game.events[turn - 1]
                parts, orders = turn_parts(game.states[turn - 1], events, players, dice)
                if turn not in fastest or sum(parts) < sum(fastest[turn]):
                    fastest[turn] = parts
                alone = sum(turn_parts(bare[turn], events, players, dice, orders)[0])
                fastest_bare[turn] = min(fastest_bare.get(turn, math.inf), alone)
    return (
        {
            t: tuple(statistics.median(fastest[w][i] for w in window) for i in range(len(PARTS)))
            for t, window in windows.items()
        },
        {t: statistics.median(fastest_bare[w] for w in window) for t, window in windows.items()},
    )


def verify_costs(game: Game, level: str, repeats: int) -> dict[int, float]:
    """Seconds of processor time `verify` takes per turn, on the sessions of T turns."""
    fastest: dict[int, float] = {}
    for _ in range(repeats):
        for t, path in game.sessions.items():

            def check(path: Path = path, t: int = t) -> None:
                with SessionStore.open(path, readonly=True) as store:
                    proof = store.verify(make_player)
                assert proof.ok, f"the session of {t} turns does not verify"

            fastest[t] = min(fastest.get(t, math.inf), cpu(check) / t)
    return fastest


def exponent(costs: dict[int, float]) -> float:
    """Least-squares slope of log(cost) against log(T)."""
    xs = [math.log(t) for t in costs]
    ys = [math.log(max(c, 1e-9)) for c in costs.values()]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def growth(costs: dict[int, float]) -> float:
    """The exponent over T = 15 ... 200."""
    return exponent({t: c for t, c in costs.items() if t >= GROWTH_FROM})


def report(scenario: Scenario, args: argparse.Namespace) -> bool:
    """Measure one scenario and print its table; whether both ratios are under the target."""
    with tempfile.TemporaryDirectory() as folder:
        game = play_game(scenario, args.seed, args.level, Path(folder))
        turns, bare = turn_costs(scenario, game, args.level, args.repeats)
        verify = verify_costs(game, args.level, args.repeats)
    total = {t: sum(parts) for t, parts in turns.items()}
    print(
        f"\n### {scenario.id} ({len(scenario.states)} states), level {args.level}, seed "
        f"{args.seed}, fastest of {args.repeats}\n"
    )
    print(
        "| T | turn T (ms) | views | decisions | resolution | hash | without its history (ms) "
        "| verify per turn (ms) | snapshot (kB) | live records | all records |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for t in CHECKPOINTS:
        state = game.states[t]
        every = sum(len(getattr(state, n)) for n in _RECORDS)
        live = sum(len(_live(state, n)) for n in _RECORDS)
        parts = " | ".join(f"{p * 1000:.1f}" for p in turns[t])
        print(
            f"| {t} | {total[t] * 1000:.1f} | {parts} | {bare[t] * 1000:.1f} | "
            f"{verify[t] * 1000:.1f} | "
            f"{len(canonical_json(state)) / 1000:.1f} | {live} | {every} |"
        )
    turn_ratio, verify_ratio = total[200] / total[10], verify[200] / verify[10]
    print(
        f"\nturn 200 / turn 10: {turn_ratio:.2f} (target < {TARGET_RATIO}); verify per turn, "
        f"200 / 10: {verify_ratio:.2f} (target < {TARGET_RATIO})"
    )
    print(
        f"turn 200 with its history / without (the same live world): "
        f"{total[200] / bare[200]:.2f}; turn 200 / turn 10 without history: "
        f"{bare[200] / bare[10]:.2f}"
    )
    by_part = ", ".join(
        f"{name} {growth({t: turns[t][i] for t in CHECKPOINTS}):+.2f}"
        for i, name in enumerate(PARTS)
    )
    print(
        f"growth exponents over T = {GROWTH_FROM} ... {max(CHECKPOINTS)} (0: flat per turn): "
        f"turn {growth(total):+.2f} ({by_part}), verify per turn {growth(verify):+.2f} "
        f"(total verify ~ T^{1 + growth(verify):.2f})"
    )
    return max(turn_ratio, verify_ratio) < TARGET_RATIO


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--scenario",
        action="append",
        help="a shipped scenario file (again for several; default: "
        f"{' and '.join(DEFAULT_SCENARIOS)})",
    )
    parser.add_argument("--level", default="easy", help="the computer level of every seat")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeats", type=int, default=3, help="runs of each turn and verify")
    args = parser.parse_args(argv)
    for name in args.scenario or ():
        if not (SCENARIOS / name).is_file():
            shipped = ", ".join(sorted(p.name for p in SCENARIOS.glob("*.yaml")))
            parser.error(f"--scenario {name}: no such file in {SCENARIOS} (shipped: {shipped})")

    print(
        f"# long sessions, {platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}; processor time"
    )
    met = [
        report(long_scenario(name, max(CHECKPOINTS)), args)
        for name in args.scenario or DEFAULT_SCENARIOS
    ]
    return 0 if all(met) else 1


_RECORDS = (
    "treaties",
    "proposals",
    "sanctions",
    "disputes",
    "wars",
    "invocations",
    "populations",
    "drafts",
    "mediations",
    "ultimatums",
)


def _live(state: GameState, name: str) -> tuple:
    """The records of a kind that a turn still scans (all of them in a tree without the archive,
    for side-by-side runs)."""
    if name in ARCHIVED_FIELDS and hasattr(state, "ledger"):
        return state.ledger(name).live
    return getattr(state, name)


if __name__ == "__main__":
    raise SystemExit(main())
