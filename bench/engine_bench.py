"""Engine speed: turn resolution per shipped scenario, whole all-computer games, and one turn of
our 7-state scenario against one phase of the `diplomacy` package (the DATC-compliant Diplomacy
adjudicator, 7 powers, random legal orders), measured side by side in one run.

    .venv/bin/python -m bench.engine_bench
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from wargame.legality import legal_orders
from wargame.match import Match
from wargame.resolve import resolve
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


def turn_times(scenario, turns: int = 60) -> list[float]:
    """Seconds per resolve() call with random legal orders; order generation is not timed."""
    times: list[float] = []
    seed = 0
    while len(times) < turns:
        state = new_game(scenario, seed)
        picker = Rng(seed + 1000)
        while not state.finished and len(times) < turns:
            orders = random_legal_orders(state, picker)
            rng = Rng.for_turn(state.seed, state.turn)
            t0 = time.perf_counter()
            state = resolve(state, orders, rng).state
            times.append(time.perf_counter() - t0)
        seed += 1
    return times


def computer_turn_times(scenario, games: int = 20) -> list[float]:
    """Seconds per resolve() call on the orders computer players actually gave (decisions are
    made beforehand and not timed): the load of real play."""
    cases = []
    for seed in range(games):
        match = Match(scenario, seed, computer=scenario.state_ids)
        while not match.finished:
            before = match.state
            cases.append((before, match.resolve_turn().orders))
    times = []
    for state, orders in cases:
        rng = Rng.for_turn(state.seed, state.turn)
        t0 = time.perf_counter()
        resolve(state, orders, rng)
        times.append(time.perf_counter() - t0)
    return times


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


def main() -> None:
    scenarios = [load_scenario(p) for p in sorted(SCENARIOS.glob("*.yaml"))]
    print("| scenario | states | turn resolution median ms | max ms | full all-computer game median ms | max ms |")
    print("|---|---|---|---|---|---|")
    for sc in scenarios:
        turns, games = turn_times(sc), game_times(sc)
        print(f"| {sc.id} | {len(sc.states)} | {ms(statistics.median(turns))} | {ms(max(turns))} | "
              f"{ms(statistics.median(games))} | {ms(max(games))} |")  # fmt: skip
    seven = next(sc for sc in scenarios if len(sc.states) == 7)
    try:
        from bench.diplomacy_reference import diplomacy_phase_times
    except ImportError as exc:
        print(f"\n(diplomacy comparison skipped: {exc}; install with pip install -e '.[bench]')")
        return
    theirs = statistics.median(diplomacy_phase_times(40))
    loads = {
        "computer players' orders (real play)": statistics.median(computer_turn_times(seven)),
        f"random legal orders, {ORDERS_PER_SEAT} per seat": statistics.median(turn_times(seven, 200)),
    }
    print("\n| engine | unit | median ms | ratio to diplomacy |")
    print("|---|---|---|---|")
    for load, ours in loads.items():
        print(f"| Crisis Wargame ({seven.id}, 7 states) | one turn, {load} | {ms(ours)} | {ours / theirs:.3f} |")
    print(f"| diplomacy {_version()} (7 powers) | one phase, random legal orders | {ms(theirs)} | 1 |")
    print("\ntarget: our turn at most 1/5 of their phase (ratio <= 0.200)")


def _version() -> str:
    from importlib.metadata import version

    return version("diplomacy")


if __name__ == "__main__":
    main()
