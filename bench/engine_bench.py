"""Engine speed: turn resolution per shipped scenario, whole all-computer games, and one turn of
our 7-state scenario against one phase of the `diplomacy` package (the DATC-compliant Diplomacy
adjudicator, 7 powers, random legal orders), measured side by side in one run.

Both engines take a turn in two steps, and each step is timed apart: checking the orders (ours:
`validate`; theirs: `Game.set_orders`, which parses and checks them) and adjudicating them (ours:
`adjudicate`; theirs: `Game.process()`). The ratios compare like with like (adjudication alone,
and the whole turn), and also our whole turn against their adjudication alone, the strictest.

    .venv/bin/python -m bench.engine_bench [--quick]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from wargame.legality import legal_orders
from wargame.match import Match
from wargame.resolve import adjudicate, resolve, validate
from wargame.rng import Rng
from wargame.scenario import load_scenario
from wargame.setup import new_game

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"
ORDERS_PER_SEAT = 3


def random_legal_orders(state, picker: Rng):
    orders = []
    for seat in state.ids:
        options = legal_orders(state, seat)
        for _ in range(min(ORDERS_PER_SEAT, len(options))):
            orders.append(options.pop(picker.below(len(options))))
    return orders


def random_play_cases(scenario, turns: int) -> list[tuple]:
    """(state, orders) for `turns` turns in which every seat gives random legal orders."""
    cases: list[tuple] = []
    seed = 0
    while len(cases) < turns:
        state = new_game(scenario, seed)
        picker = Rng(seed + 1000)
        while not state.finished and len(cases) < turns:
            orders = random_legal_orders(state, picker)
            cases.append((state, orders))
            state = resolve(state, orders, Rng.for_turn(state.seed, state.turn)).state
        seed += 1
    return cases


def real_play_cases(scenario, games: int = 20) -> list[tuple]:
    """(state, orders) for every turn of `games` all-computer games: the orders computer players
    actually gave, the load of real play."""
    cases: list[tuple] = []
    for seed in range(games):
        match = Match(scenario, seed, computer=scenario.state_ids)
        while not match.finished:
            before = match.state
            cases.append((before, match.resolve_turn().orders))
    return cases


def step_times(cases) -> list[tuple[float, float]]:
    """(seconds to validate, seconds to adjudicate) per turn; together they are resolve()."""
    times = []
    for state, orders in cases:
        rng = Rng.for_turn(state.seed, state.turn)
        t0 = time.perf_counter()
        valid, results = validate(state, orders)
        t1 = time.perf_counter()
        adjudicate(state, valid, rng, results)
        times.append((t1 - t0, time.perf_counter() - t1))
    return times


def turn_times(scenario, turns: int = 60) -> list[float]:
    """Seconds per resolve() call with random legal orders; order generation is not timed."""
    return [v + a for v, a in step_times(random_play_cases(scenario, turns))]


def game_times(scenario, games: int = 10) -> list[float]:
    """Seconds for a whole all-computer game, computer decisions included."""
    out = []
    for seed in range(games):
        t0 = time.perf_counter()
        Match(scenario, seed, computer=scenario.state_ids).play_out()
        out.append(time.perf_counter() - t0)
    return out


def ms(x: float) -> str:
    return f"{x * 1000:.3f}"


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    quick = "--quick" in argv  # fewer turns, games and phases: a rougher figure, sooner
    turns, games, phases, real_games = (20, 3, 15, 5) if quick else (60, 10, 40, 20)
    scenarios = [load_scenario(p) for p in sorted(SCENARIOS.glob("*.yaml"))]
    print(
        "| scenario | states | turn resolution median ms | max ms | full all-computer game median ms | max ms |"
    )
    print("|---|---|---|---|---|---|")
    for sc in scenarios:
        turn_s, game_s = turn_times(sc, turns), game_times(sc, games)
        print(
            f"| {sc.id} | {len(sc.states)} | {ms(statistics.median(turn_s))} | {ms(max(turn_s))} | "
            f"{ms(statistics.median(game_s))} | {ms(max(game_s))} |"
        )
    seven = next(sc for sc in scenarios if len(sc.states) == 7)
    try:
        from bench.diplomacy_reference import diplomacy_phase_times
    except ImportError as exc:
        print(f"\n(diplomacy comparison skipped: {exc}; install with pip install -e '.[bench]')")
        return
    theirs = _steps(diplomacy_phase_times(phases))
    loads = {
        "computer players' orders (real play)": _steps(
            step_times(real_play_cases(seven, real_games))
        ),
        f"random legal orders, {ORDERS_PER_SEAT} per seat": _steps(
            step_times(random_play_cases(seven, 200))
        ),
    }
    print("\nMedian ms per turn (ours) and per phase (theirs), by step:\n")
    print("| engine | load | check orders | adjudicate | whole turn |")
    print("|---|---|---|---|---|")
    for load, ours in loads.items():
        print(
            f"| Crisis Wargame ({seven.id}, 7 states) | {load} | {ms(ours[0])} | {ms(ours[1])} | {ms(ours[2])} |"
        )
    print(
        f"| diplomacy {_version()} (7 powers) | random legal orders | {ms(theirs[0])} | {ms(theirs[1])} | {ms(theirs[2])} |"
    )
    print("\nRatio of our turn to their phase (target: at most 0.200):\n")
    print(
        "| load | adjudicate / process() | whole turn / whole phase | whole turn / process() alone |"
    )
    print("|---|---|---|---|")
    for load, ours in loads.items():
        print(
            f"| {load} | {ours[1] / theirs[1]:.3f} | {ours[2] / theirs[2]:.3f} | {ours[2] / theirs[1]:.3f} |"
        )


def _steps(times: list[tuple[float, float]]) -> tuple[float, float, float]:
    """Medians of (check, adjudicate, check + adjudicate) over the timed turns."""
    return (
        statistics.median(c for c, _ in times),
        statistics.median(a for _, a in times),
        statistics.median(c + a for c, a in times),
    )


def _version() -> str:
    from importlib.metadata import version

    return version("diplomacy")


if __name__ == "__main__":
    main()
