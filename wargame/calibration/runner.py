"""Playing many all-computer crises, spread over every core.

Crisis i is played on scenario i mod k (so every scenario gets the same share) with a seed derived
from the base seed and i: the same command gives the same records on every machine, whatever the
number of worker processes. Every crisis is a real game, played by the same game loop as a match.
Each setting (a computer level and a doctrine world) plays the same crises, so settings are
compared on the same scenarios and seeds.

The work is handed to a process pool in chunks (a few per worker, so the cores stay busy to the
end without a message per crisis); each worker receives the scenarios once, when it starts. No
state is hashed: a crisis keeps only its final state, turned into its record in the worker. The
workers time where the CPU goes (the players' decisions, the rest of each turn, the records) so
that `wargame calibrate --timing` can say what to make faster.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import Any

from ..ai import make_player
from ..loop import SessionDice, play_turn
from ..players import Decision, Player
from ..rng import derive_seed
from ..scenario import Scenario
from ..scenario.library import bundled_names, load_bundled
from ..setup import new_game
from ..state import GameState
from ..view import SeatView
from .records import crisis_record

DEFAULT_SEED = 1816  # the first year of the Correlates of War system
CHUNK = 20  # at most this many crises per task handed to a worker
TASKS_PER_WORKER = 4  # at least this many tasks per worker when there are few crises

_SCENARIOS: dict[str, Scenario] = {}


def shipped_scenarios() -> dict[str, Scenario]:
    """The bundled scenarios by id, loaded once per process."""
    if not _SCENARIOS:
        loaded = [load_bundled(name) for name in bundled_names()]  # all or none are kept
        _SCENARIOS.update({sc.id: sc for sc in loaded})
    return _SCENARIOS


@dataclass(frozen=True, slots=True)
class Setting:
    """Who plays every seat: a computer level, and a doctrine for every state (None: each state
    plays its scenario doctrine)."""

    level: str = "easy"
    doctrine: str | None = None

    @property
    def world(self) -> str:
        return self.doctrine or "own"

    def player(self) -> Player:
        return make_player(self.level, self.doctrine)


@dataclass
class Timing:
    """Processor seconds spent in the workers, by part."""

    crises: int = 0
    turns: float = 0.0  # whole turns: views, decisions and the rules' resolution
    deciding: float = 0.0  # of which the players' decisions
    records: float = 0.0  # turning final states into records and scores

    def add(self, other: Timing) -> None:
        self.crises += other.crises
        self.turns += other.turns
        self.deciding += other.deciding
        self.records += other.records

    @property
    def resolving(self) -> float:
        """Views and the rules' resolution: a turn's time outside the players' decisions."""
        return self.turns - self.deciding

    def to_dict(self) -> dict[str, float]:
        return {
            "crises": self.crises,
            "cpu_turns": round(self.turns, 3),
            "cpu_deciding": round(self.deciding, 3),
            "cpu_views_and_resolution": round(self.resolving, 3),
            "cpu_records": round(self.records, 3),
        }


@dataclass
class Results:
    records: dict[Setting, list[dict[str, Any]]]
    timing: Timing = field(default_factory=Timing)
    wall: float = 0.0  # seconds, start of the pool to the last record
    jobs: int = 1


class _Timed:
    """A player whose decisions are timed (the decisions themselves are untouched)."""

    def __init__(self, player: Player, timing: Timing):
        self.player, self.timing = player, timing
        self.name = player.name

    def decide(self, view: SeatView, rng) -> Decision:
        start = time.process_time()
        try:
            return self.player.decide(view, rng)
        finally:
            self.timing.deciding += time.process_time() - start


def crisis_seed(base: int, index: int) -> int:
    return derive_seed(base, "calibrate", index) & ((1 << 63) - 1)


def plan(
    runs: int, base_seed: int = DEFAULT_SEED, scenarios: Sequence[str] | None = None
) -> list[tuple[int, str, int]]:
    """(index, scenario id, seed) for every crisis to play."""
    ids = list(scenarios) if scenarios else sorted(shipped_scenarios())
    return [(i, ids[i % len(ids)], crisis_seed(base_seed, i)) for i in range(runs)]


def play_crisis(
    scenario: Scenario,
    seed: int,
    setting: Setting = Setting(),  # noqa: B008 (frozen)
    timing: Timing | None = None,
) -> GameState:
    """Play one all-computer crisis to the end, as `Match.play_out` does, without keeping a log."""
    players: dict[str, Player] = {seat: setting.player() for seat in scenario.state_ids}
    if timing is not None:
        players = {seat: _Timed(p, timing) for seat, p in players.items()}
    state, events, dice = new_game(scenario, seed), (), SessionDice(seed)
    start = time.process_time()
    while not state.finished:
        record = play_turn(state, events, {}, players, dice)
        state, events = record.state, record.events
    if timing is not None:
        timing.turns += time.process_time() - start
    return state


# --- the workers --------------------------------------------------------------------------------

_LIBRARY: dict[str, Scenario] = {}
_SETTINGS: list[Setting] = []

Task = tuple[int, int, str, int]  # (setting index, crisis index, scenario id, seed)


def _init_worker(library: Mapping[str, Scenario], settings: Sequence[Setting]) -> None:
    _LIBRARY.clear()
    _LIBRARY.update(library)
    _SETTINGS[:] = settings


def _play_chunk(tasks: list[Task]) -> tuple[list[tuple[int, int, dict[str, Any]]], Timing]:
    timing = Timing()
    out = []
    for k, i, sid, seed in tasks:
        setting = _SETTINGS[k]
        state = play_crisis(_LIBRARY[sid], seed, setting, timing)
        start = time.process_time()
        record = crisis_record(state) | {"level": setting.level, "doctrine": setting.world}
        timing.records += time.process_time() - start
        timing.crises += 1
        out.append((k, i, record))
    return out, timing


def chunk_size(tasks: int, jobs: int) -> int:
    """Crises per task: up to CHUNK, fewer when there are few, so every worker gets several."""
    return max(1, min(CHUNK, math.ceil(tasks / (jobs * TASKS_PER_WORKER))))


def run_calibration(
    runs: int,
    jobs: int | None = None,
    base_seed: int = DEFAULT_SEED,
    library: Mapping[str, Scenario] | None = None,
    settings: Sequence[Setting] = (Setting(),),  # noqa: B008 (frozen)
    progress: Callable[[int, int], None] | None = None,
) -> Results:
    """Play `runs` crises in every setting on `jobs` processes (default: every core), on the
    scenarios of `library` (default: the shipped ones); the records of each setting in crisis
    order, and where the time went."""
    library = dict(library) if library is not None else shipped_scenarios()
    crises = plan(runs, base_seed, sorted(library))
    tasks: list[Task] = [(k, i, sid, seed) for k in range(len(settings)) for i, sid, seed in crises]
    jobs = max(1, jobs or os.cpu_count() or 1)
    size = chunk_size(len(tasks), jobs)
    chunks = [tasks[i : i + size] for i in range(0, len(tasks), size)]
    done: dict[tuple[int, int], dict[str, Any]] = {}
    timing = Timing()
    if progress:
        progress(0, len(tasks))
    start = time.perf_counter()

    def collect(result: tuple[list[tuple[int, int, dict[str, Any]]], Timing]) -> None:
        records, spent = result
        done.update({(k, i): rec for k, i, rec in records})
        timing.add(spent)
        if progress:
            progress(len(done), len(tasks))

    if jobs == 1 or len(chunks) <= 1:
        _init_worker(library, settings)
        for chunk in chunks:
            collect(_play_chunk(chunk))
    else:
        with ProcessPoolExecutor(
            max_workers=min(jobs, len(chunks)),
            initializer=_init_worker,
            initargs=(library, list(settings)),
        ) as pool:
            futures = [pool.submit(_play_chunk, chunk) for chunk in chunks]
            for future in as_completed(futures):
                collect(future.result())
    wall = time.perf_counter() - start
    records = {s: [done[(k, i)] for i in range(runs)] for k, s in enumerate(settings)}
    return Results(records, timing, wall, jobs)


def run_crises(
    runs: int,
    jobs: int | None = None,
    base_seed: int = DEFAULT_SEED,
    scenarios: Sequence[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
    setting: Setting = Setting(),  # noqa: B008 (frozen)
) -> list[dict[str, Any]]:
    """The records of `runs` crises in one setting, on shipped scenarios (all, or these ids)."""
    shipped = shipped_scenarios()
    library = {sid: shipped[sid] for sid in scenarios} if scenarios else shipped
    return run_calibration(runs, jobs, base_seed, library, (setting,), progress).records[setting]
