"""Playing many all-computer crises, spread over every core.

Crisis i is played on the shipped scenario i mod k (so every scenario gets the same share) with a
seed derived from the base seed and i: the same command gives the same records on every machine,
whatever the number of worker processes. Every crisis is a real game, played by the same game loop as a match.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import Any

from ..ai import make_player
from ..loop import SessionDice, play_turn
from ..rng import derive_seed
from ..scenario import Scenario
from ..scenario.library import bundled_names, load_bundled
from ..setup import new_game
from ..state import GameState
from .records import crisis_record

DEFAULT_SEED = 1816  # the first year of the Correlates of War system
CHUNK = 20  # crises per task handed to a worker

_SCENARIOS: dict[str, Scenario] = {}


def shipped_scenarios() -> dict[str, Scenario]:
    """The bundled scenarios by id, loaded once per process."""
    if not _SCENARIOS:
        for name in bundled_names():
            sc = load_bundled(name)
            _SCENARIOS[sc.id] = sc
    return _SCENARIOS


def crisis_seed(base: int, index: int) -> int:
    return derive_seed(base, "calibrate", index) & ((1 << 63) - 1)


def plan(
    runs: int, base_seed: int = DEFAULT_SEED, scenarios: Sequence[str] | None = None
) -> list[tuple[int, str, int]]:
    """(index, scenario id, seed) for every crisis to play."""
    ids = list(scenarios) if scenarios else sorted(shipped_scenarios())
    return [(i, ids[i % len(ids)], crisis_seed(base_seed, i)) for i in range(runs)]


def play_crisis(scenario: Scenario, seed: int) -> GameState:
    """Play one all-computer crisis to the end, as `Match.play_out` does, without keeping a log."""
    players = {seat: make_player() for seat in scenario.state_ids}
    state, events, dice = new_game(scenario, seed), (), SessionDice(seed)
    while not state.finished:
        record = play_turn(state, events, {}, players, dice)
        state, events = record.state, record.events
    return state


def _play_chunk(tasks: list[tuple[int, str, int]]) -> list[tuple[int, dict[str, Any]]]:
    library = shipped_scenarios()
    return [(i, crisis_record(play_crisis(library[sid], seed))) for i, sid, seed in tasks]


def run_crises(
    runs: int,
    jobs: int | None = None,
    base_seed: int = DEFAULT_SEED,
    scenarios: Sequence[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[dict[str, Any]]:
    """Play `runs` crises on `jobs` processes (default: every core); the records in crisis order."""
    tasks = plan(runs, base_seed, scenarios)
    chunks = [tasks[i : i + CHUNK] for i in range(0, len(tasks), CHUNK)]
    jobs = max(1, jobs or os.cpu_count() or 1)
    done: dict[int, dict[str, Any]] = {}
    if progress:
        progress(0, runs)
    if jobs == 1 or len(chunks) <= 1:
        for chunk in chunks:
            done.update(_play_chunk(chunk))
            if progress:
                progress(len(done), runs)
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(_play_chunk, chunk) for chunk in chunks]
            for future in as_completed(futures):
                done.update(future.result())
                if progress:
                    progress(len(done), runs)
    return [done[i] for i in range(runs)]
