"""Reference timing: one phase of the `diplomacy` package (the DATC-compliant Diplomacy adjudicator
from PyPI), standard map, 7 powers, every power submitting uniformly random legal orders.

    .venv/bin/python -m bench.diplomacy_reference
"""

from __future__ import annotations

import logging
import random
import statistics
import time

from diplomacy import Game

# `import diplomacy` sets its root logger to DEBUG with a stderr handler; keep the bench quiet.
logging.getLogger("diplomacy").setLevel(logging.WARNING)


def _random_orders(game: Game, power_name: str, rng: random.Random) -> list[str]:
    """One uniformly random legal order per orderable location of `power_name`. Sorted, because
    the package builds its option lists from sets (order varies with PYTHONHASHSEED)."""
    possible = game.get_all_possible_orders()
    locs = sorted(game.get_orderable_locations(power_name))
    return [rng.choice(sorted(possible[loc])) for loc in locs if possible.get(loc)]


def diplomacy_phase_times(phases: int = 20, seed: int = 7) -> list[tuple[float, float]]:
    """(seconds in `Game.set_orders`, seconds in `Game.process()`) for each of `phases` consecutive
    phases of a standard 7-power game in which every power submits uniformly random legal orders
    (one per orderable location, chosen with random.Random(seed)). set_orders is where the package
    parses and checks orders; process() adjudicates them. Generating the orders is not timed. A
    finished game is replaced by a new one until `phases` timings exist."""
    rng = random.Random(seed)
    times: list[tuple[float, float]] = []
    game = Game()
    while len(times) < phases:
        if game.is_game_done:
            game = Game()
        orders = {
            power_name: _random_orders(game, power_name, rng) for power_name in sorted(game.powers)
        }
        t0 = time.perf_counter()
        for power_name, power_orders in orders.items():
            game.set_orders(power_name, power_orders)
        t1 = time.perf_counter()
        game.process()
        times.append((t1 - t0, time.perf_counter() - t1))
    return times


def main() -> None:
    times = diplomacy_phase_times()
    for label, ms in (
        ("set_orders", [s * 1000 for s, _ in times]),
        ("process()", [p * 1000 for _, p in times]),
    ):
        print(
            f"diplomacy: {len(ms)} phases, {label} median {statistics.median(ms):.3f} ms, "
            f"min {min(ms):.3f} ms, max {max(ms):.3f} ms"
        )


if __name__ == "__main__":
    main()
