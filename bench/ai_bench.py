"""Computer players' thinking time: per seat per turn, for each level, on the largest shipped
scenario (the other seats played by the rule-of-thumb player).

    .venv/bin/python -m bench.ai_bench
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from wargame.ai import LEVELS, make_player
from wargame.match import Match
from wargame.rng import Rng
from wargame.scenario import load_scenario

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"
BUDGET_MS = 200.0


def largest_scenario():
    scenarios = [load_scenario(p) for p in sorted(SCENARIOS.glob("*.yaml"))]
    return max(scenarios, key=lambda s: (len(s.states), s.turns))


def decision_times(scenario, level: str, games: int = 3) -> list[float]:
    times = []
    for seed in range(games):
        match = Match(scenario, seed, computer=scenario.state_ids)
        while not match.finished:
            for seat in scenario.state_ids:
                player = make_player(level)
                view, rng = match.view(seat), Rng.for_seat(seed, match.state.turn, seat)
                t0 = time.perf_counter()
                player.decide(view, rng)
                times.append(time.perf_counter() - t0)
            match.resolve_turn()
    return times


def main() -> None:
    scenario = largest_scenario()
    print(
        f"Decision time per seat per turn on {scenario.id} ({len(scenario.states)} states, {scenario.turns} turns)\n"
    )
    print("| level | median ms | max ms | decisions | within 200 ms |")
    print("|---|---|---|---|---|")
    for level in LEVELS:
        t = decision_times(scenario, level)
        within = sum(x * 1000 <= BUDGET_MS for x in t) / len(t)
        print(
            f"| {level} | {statistics.median(t) * 1000:.1f} | {max(t) * 1000:.1f} | {len(t)} | {within:.0%} |"
        )


if __name__ == "__main__":
    main()
