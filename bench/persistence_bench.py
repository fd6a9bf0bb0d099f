"""Session files: autosave and opening, against the same rows written/read with plain sqlite3.

    .venv/bin/python -m bench.persistence_bench [--dir FOLDER]

Both sides use the same file layout, the same durability (rollback journal, synchronous=FULL,
one transaction per save) and the same JSON encoding work, so the ratio is the cost of
SQLAlchemy/sqlmodel plus the store's checks. Targets: autosave under 10 ms, opening under 200 ms.
Fsync time depends on the disk: run with --dir on the disk that matters.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import yaml

from wargame.ai import make_player
from wargame.match import Match, TurnRecord, replay
from wargame.orders import Order, order_from_dict
from wargame.persistence import SessionStore
from wargame.persistence.codec import clear_order_cache, dumps, orders_to_json, results_to_json
from wargame.scenario import Scenario, parse_scenario
from wargame.state import canonical_json

SCENARIO = Path(__file__).resolve().parent.parent / "scenarios" / "northern_sea.yaml"
LONG_GAME = 50
OPEN_REPEATS = 15


@dataclass(frozen=True)
class BenchRow:
    name: str
    ours_ms: float  # median
    sqlite3_ms: float  # median, the same rows with the plain sqlite3 module
    target_ms: float | None

    @property
    def ratio(self) -> float:
        return self.ours_ms / self.sqlite3_ms

    @property
    def meets_target(self) -> bool | None:
        return None if self.target_ms is None else self.ours_ms <= self.target_ms


def long_scenario(turns: int = LONG_GAME) -> Scenario:
    """The largest scenario (7 states) stretched to `turns` turns."""
    data = yaml.safe_load(SCENARIO.read_text(encoding="utf-8"))
    data["turns"] = turns
    return parse_scenario(data, f"{SCENARIO.name} ({turns} turns)")


def play_long_game(scenario: Scenario) -> list[TurnRecord]:
    return Match(scenario, 1, scenario.state_ids).play_out()


# --- plain sqlite3: the same rows, by hand ----------------------------------------------------------


def plain_connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")  # the store's settings while a session is open
    db.execute("PRAGMA synchronous=FULL")
    return db


def plain_save_turn(db: sqlite3.Connection, scenario: Scenario, r: TurnRecord) -> None:
    db.execute("BEGIN")
    db.execute(
        "INSERT INTO turn VALUES (?, ?, ?, ?, ?, ?)",
        (
            r.turn,
            canonical_json(r.state),
            r.state_hash,
            results_to_json(r.results, r.orders),
            dumps({k: list(v) for k, v in r.reasons.items()}),
            "2025-01-01T00:00:00",
        ),
    )
    db.executemany(
        "INSERT INTO turn_order VALUES (?, ?, ?, ?, ?)",
        [(r.turn, i, o.actor, o.kind, dumps(o.to_dict())) for i, o in enumerate(r.orders)],
    )
    db.executemany(
        "INSERT INTO event VALUES (?, ?, ?, ?)",
        [(r.turn, i, e.kind, dumps(e.to_dict())) for i, e in enumerate(r.events)],
    )
    db.execute(
        "UPDATE session SET turns_played = ?, finished = ?, updated = ?",
        (r.turn, r.turn >= scenario.turns, "2025-01-01T00:00:00"),
    )
    db.execute("COMMIT")


def plain_save_orders(
    db: sqlite3.Connection, turn: int, seat: str, orders: tuple[Order, ...]
) -> None:
    db.execute("BEGIN")
    db.execute("DELETE FROM submission WHERE turn = ? AND seat = ?", (turn, seat))
    db.execute(
        "INSERT INTO submission VALUES (?, ?, ?, ?)",
        (turn, seat, orders_to_json(orders), "2025-01-01T00:00:00"),
    )
    db.execute("UPDATE session SET updated = ?", ("2025-01-01T00:00:00",))
    db.execute("COMMIT")


def plain_read(path: Path) -> dict[str, list[Any]]:
    """Every row, JSON columns decoded: the least any loader must do."""
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        out: dict[str, list[Any]] = {}
        for table, json_cols in {
            "session": [3],
            "seat": [],
            "turn": [1, 3, 4],
            "turn_order": [4],
            "event": [3],
            "submission": [2],
        }.items():
            rows = db.execute(f"SELECT * FROM {table}").fetchall()
            out[table] = [
                [json.loads(v) if i in json_cols else v for i, v in enumerate(row)] for row in rows
            ]
        return out
    finally:
        db.close()


# --- measuring -------------------------------------------------------------------------------------


def timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


@contextmanager
def folder_for(base: Path | None) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="wargame-bench-", dir=base) as tmp:
        yield Path(tmp)


def fsync_ms(folder: Path, samples: int = 30) -> float:
    """Median time of one fsync of a 4 KB write on this disk: the floor under every autosave."""
    path = folder / "fsync.bin"
    fd = os.open(path, os.O_CREAT | os.O_WRONLY)
    times = []
    try:
        for _ in range(samples):
            os.write(fd, b"x" * 4096)
            t0 = time.perf_counter()
            os.fsync(fd)
            times.append((time.perf_counter() - t0) * 1000)
    finally:
        os.close(fd)
        path.unlink()
    return statistics.median(times)


def persistence_rows(base: Path | None = None) -> list[BenchRow]:
    scenario = long_scenario()
    records = play_long_game(scenario)
    with folder_for(base) as folder:
        # autosave: every turn of the 50-turn game, saved as it would be live
        empty = Match(scenario, 1, scenario.state_ids)
        ours_path, plain_path = folder / "ours.wargame", folder / "plain.wargame"
        store = SessionStore.create(ours_path, empty)
        SessionStore.create(plain_path, Match(scenario, 1, scenario.state_ids)).close()
        plain = plain_connect(plain_path)
        fake = SimpleNamespace(scenario=scenario, state=SimpleNamespace(turn=0))
        ours_turn, plain_turn, ours_orders, plain_orders = [], [], [], []
        for r in records:
            fake.state.turn = r.turn
            for seat in scenario.state_ids:
                mine = tuple(o for o in r.orders if o.actor == seat)
                ours_orders.append(timed(lambda s=seat, m=mine: store.orders_submitted(fake, s, m)))  # type: ignore[arg-type]
                plain_orders.append(
                    timed(lambda s=seat, m=mine, t=r.turn: plain_save_orders(plain, t, s, m))
                )
            ours_turn.append(timed(lambda r=r: store.turn_resolved(fake, r)))  # type: ignore[arg-type]
            plain_turn.append(timed(lambda r=r: plain_save_turn(plain, scenario, r)))
        store.close()
        plain.close()

        def open_and_load() -> None:
            clear_order_cache()  # as a first open in a fresh process
            with SessionStore.open(ours_path) as s:
                s.load()

        def open_and_resume() -> None:
            clear_order_cache()
            with SessionStore.open(ours_path) as s:
                s.resume(make_player)

        def plain_read_and_replay() -> None:
            rows = plain_read(plain_path)
            stored = parse_scenario(rows["session"][0][3])
            turns: dict[int, list[Order]] = {}
            for turn, _position, _seat, _kind, data in sorted(
                rows["turn_order"], key=lambda row: row[:2]
            ):
                turns.setdefault(turn, []).append(order_from_dict(data))
            replay(stored, rows["session"][0][4], [turns.get(t, []) for t, *_ in rows["turn"]])

        ours_open = [timed(open_and_load) for _ in range(OPEN_REPEATS)]
        plain_open = [timed(lambda: plain_read(plain_path)) for _ in range(OPEN_REPEATS)]
        ours_resume = [timed(open_and_resume) for _ in range(OPEN_REPEATS)]
        plain_resume = [timed(plain_read_and_replay) for _ in range(OPEN_REPEATS)]
        orders = [r.orders for r in records]
        replay_only = [timed(lambda: replay(scenario, 1, orders)) for _ in range(OPEN_REPEATS)]
        size_kb = ours_path.stat().st_size / 1024

    med = statistics.median
    return [
        BenchRow("autosave one resolved turn (7 states)", med(ours_turn), med(plain_turn), 10.0),
        BenchRow("autosave one seat's order submission", med(ours_orders), med(plain_orders), 10.0),
        BenchRow(
            f"open {LONG_GAME}-turn session: checks + read + decode ({size_kb:.0f} KB)",
            med(ours_open),
            med(plain_open),
            200.0,
        ),
        BenchRow(
            f"open {LONG_GAME}-turn session and rebuild the match (replay, hashes)",
            med(ours_resume),
            med(plain_resume),
            200.0,
        ),
        BenchRow(
            f"  of which: replaying {LONG_GAME} turns (the engine, same on both sides)",
            med(replay_only),
            med(replay_only),
            None,
        ),
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--dir",
        type=Path,
        default=None,
        help="where to write the test files (default: the system temp folder)",
    )
    args = parser.parse_args(argv)
    with folder_for(args.dir) as folder:
        print(
            f"fsync on this disk: {fsync_ms(folder):.2f} ms median (an autosave does one, a rollback-journal commit about four)\n"
        )
    rows = persistence_rows(args.dir)
    print(
        "| operation | ours median ms | plain sqlite3 median ms | ratio | target ms | meets target |"
    )
    print("|---|---|---|---|---|---|")
    for row in rows:
        verdict = "-" if row.meets_target is None else ("yes" if row.meets_target else "NO")
        target = "-" if row.target_ms is None else f"{row.target_ms:g}"
        print(
            f"| {row.name} | {row.ours_ms:.2f} | {row.sqlite3_ms:.2f} | {row.ratio:.2f} | {target} | {verdict} |"
        )


if __name__ == "__main__":
    main()
