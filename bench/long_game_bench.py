"""Long sessions: what a turn costs, and what `verify` costs per turn, from turn 10 to turn 200.

    .venv/bin/python -m bench.long_game_bench [--scenario northern_sea.yaml] [--level easy]

One all-computer game is played on a shipped scenario whose length is raised to 200 turns (the
cap). Then, in processor time:

- turn cost at T: turn T played again from the state before it, as live play plays it (each
  computer seat decides from its view, the rules resolve, the new state is hashed as a save
  hashes it); the median over the turns T-4..T, each the fastest of `--repeats` runs;
- verify per turn at T: `SessionStore.verify` (what `wargame verify FILE` runs: every turn derived
  again, computer decisions included, and checked against the file) of a session file holding
  the game's first T turns, divided by T; the fastest of `--repeats` runs.

It prints a table, the ratios turn 200 / turn 10 (target: under 1.5 for both) and the growth
exponents: the slope of log(cost) against log(T), about 0 for a cost per turn that stays flat (1 for
a cost per turn growing as T), so the total verify time grows as T^(1 + exponent).
"""

from __future__ import annotations

import argparse
import math
import platform
import statistics
import tempfile
import time
from pathlib import Path

from wargame.ai import make_player
from wargame.archive import ARCHIVED_FIELDS
from wargame.loop import SessionDice, play_turn
from wargame.match import Match
from wargame.persistence import SessionStore
from wargame.scenario import Scenario, parse_scenario
from wargame.scenario.loader import read_yaml
from wargame.state import GameState, canonical_json, state_hash

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"
CHECKPOINTS = (10, 15, 30, 60, 100, 200)
WINDOW = 5  # turns whose median cost stands for turn T
TARGET_RATIO = 1.5  # turn 200 / turn 10, for a turn and for verify per turn


def long_scenario(name: str, turns: int) -> Scenario:
    path = SCENARIOS / name
    data = read_yaml(path.read_text(encoding="utf-8"), str(path))
    data["turns"] = turns
    return parse_scenario(data, str(path))


def cpu(fn) -> float:  # noqa: ANN001 - a function of nothing
    started = time.process_time()
    fn()
    return time.process_time() - started


def play_game(scenario: Scenario, seed: int, level: str) -> tuple[list[GameState], list[tuple]]:
    """Every state of the game (the first one included) and every turn's events."""
    match = Match(scenario, seed, {s: make_player(level) for s in scenario.state_ids})
    states, events = [match.state], [()]
    while not match.finished:
        record = match.resolve_turn()
        states.append(record.state)
        events.append(record.events)
    return states, events


def turn_costs(scenario, states, events, level: str, repeats: int) -> dict[int, float]:
    """Seconds of processor time to play turn T again, for each checkpoint T."""
    players = {s: make_player(level) for s in scenario.state_ids}
    dice = SessionDice(states[0].seed)

    def once(turn: int) -> None:
        record = play_turn(states[turn - 1], events[turn - 1], {}, players, dice)
        state_hash(record.state)

    out = {}
    for t in CHECKPOINTS:
        window = range(max(1, t - WINDOW + 1), t + 1)
        out[t] = statistics.median(
            min(cpu(lambda w=w: once(w)) for _ in range(repeats)) for w in window
        )
    return out


def verify_costs(scenario, seed: int, level: str, repeats: int, folder: Path) -> dict[int, float]:
    """Seconds of processor time `verify` takes per turn, on sessions of T turns."""
    out = {}
    for t in CHECKPOINTS:
        match = Match(scenario, seed, {s: make_player(level) for s in scenario.state_ids})
        for _ in range(t):
            match.resolve_turn()
        path = folder / f"long_{t}.wargame"
        SessionStore.create(path, match, player_factory=make_player).close()

        def check(path: Path = path, t: int = t) -> None:
            with SessionStore.open(path, readonly=True) as store:
                proof = store.verify(make_player)
            assert proof.ok, f"the session of {t} turns does not verify"

        out[t] = min(cpu(check) for _ in range(repeats)) / t
    return out


def exponent(costs: dict[int, float]) -> float:
    """Least-squares slope of log(cost) against log(T)."""
    xs = [math.log(t) for t in costs]
    ys = [math.log(max(c, 1e-9)) for c in costs.values()]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", default="northern_sea.yaml", help="a shipped scenario file")
    parser.add_argument("--level", default="easy", help="the computer level of every seat")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)

    scenario = long_scenario(args.scenario, max(CHECKPOINTS))
    states, events = play_game(scenario, args.seed, args.level)
    turns = turn_costs(scenario, states, events, args.level, args.repeats)
    with tempfile.TemporaryDirectory() as folder:
        verify = verify_costs(scenario, args.seed, args.level, args.repeats, Path(folder))

    print(
        f"# long sessions: {scenario.id} ({len(scenario.states)} states), level {args.level}, "
        f"seed {args.seed}; {platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}; processor time"
    )
    print("| T | turn T (ms) | verify per turn (ms) | snapshot (kB) | live records | all records |")
    print("|---|---|---|---|---|---|")
    for t in CHECKPOINTS:
        state = states[t]
        every = sum(len(getattr(state, n)) for n in _RECORDS)
        live = sum(len(_live(state, n)) for n in _RECORDS)
        print(
            f"| {t} | {turns[t] * 1000:.1f} | {verify[t] * 1000:.1f} | "
            f"{len(canonical_json(state)) / 1000:.1f} | {live} | {every} |"
        )
    turn_ratio, verify_ratio = turns[200] / turns[10], verify[200] / verify[10]
    print(
        f"\nturn 200 / turn 10: {turn_ratio:.2f} (target < {TARGET_RATIO}); verify per turn, "
        f"200 / 10: {verify_ratio:.2f} (target < {TARGET_RATIO})"
    )
    print(
        f"growth exponents against T (0: flat per turn): turn {exponent(turns):+.2f}, "
        f"verify per turn {exponent(verify):+.2f} (total verify ~ T^{1 + exponent(verify):.2f})"
    )
    return 0 if max(turn_ratio, verify_ratio) < TARGET_RATIO else 1


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
