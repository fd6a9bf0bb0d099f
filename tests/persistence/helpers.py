"""Helpers shared by the persistence tests: fingerprints of files and an old-format (v1) writer."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

from wargame.match import Match
from wargame.persistence.codec import scenario_to_json, seats_of
from wargame.persistence.schema import APP_NAME, APPLICATION_ID
from wargame.state import canonical_json


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file in a folder with the SHA-256 of its bytes: proves nothing changed or appeared."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


# The session format as version 1 wrote it, frozen here: it must never follow schema.py.
V1_DDL = """
CREATE TABLE meta ("key" VARCHAR NOT NULL, value VARCHAR NOT NULL, PRIMARY KEY ("key"));
CREATE TABLE session (id INTEGER PRIMARY KEY, scenario_json TEXT NOT NULL, seed INTEGER NOT NULL,
                      created TEXT NOT NULL);
CREATE TABLE seat (seat TEXT PRIMARY KEY, controller TEXT NOT NULL, player TEXT, doctrine TEXT);
CREATE TABLE turn (number INTEGER PRIMARY KEY, orders_json TEXT NOT NULL, events_json TEXT NOT NULL,
                   state_json TEXT NOT NULL, state_hash TEXT NOT NULL, resolved TEXT NOT NULL);
"""


def write_v1_session(path: Path, match: Match) -> None:
    """A session file as format 1 saved it: what an older release would have left on disk."""
    db = sqlite3.connect(path)
    with db:
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute("PRAGMA user_version = 1")
        db.executescript(V1_DDL)
        db.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [("schema_version", "1"), ("app", APP_NAME), ("created", "2024-05-01T09:00:00+00:00")],
        )
        db.execute(
            "INSERT INTO session VALUES (1, ?, ?, '2024-05-01T09:00:00+00:00')",
            (scenario_to_json(match.scenario), match.seed),
        )
        db.executemany(
            "INSERT INTO seat VALUES (?, ?, ?, ?)",
            [
                (s.seat, s.controller, s.player, s.doctrine)
                for s in seats_of(match.scenario, match.computer)
            ],
        )
        for r in match.history:
            db.execute(
                "INSERT INTO turn VALUES (?, ?, ?, ?, ?, '2024-05-01T09:30:00+00:00')",
                (
                    r.turn,
                    json.dumps([o.to_dict() for o in r.orders]),
                    json.dumps([e.to_dict() for e in r.events]),
                    canonical_json(r.state),
                    r.state_hash,
                ),
            )
    db.close()


def table_shapes(path: Path) -> dict[str, object]:
    """Columns and indexes of every table, to compare an upgraded file with a new one."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in db.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        return {
            t: (
                [tuple(c[1:]) for c in db.execute(f"PRAGMA table_info({t})")],
                sorted(
                    (i[1], tuple(c[2] for c in db.execute(f"PRAGMA index_info({i[1]})")))
                    for i in db.execute(f"PRAGMA index_list({t})")
                ),
            )
            for t in tables
        }
    finally:
        db.close()


def run_forked(fn: Callable[[], object], timeout: float = 20.0) -> object:
    """fn() in a forked child, whose result comes back through a pipe. A child still running
    after `timeout` seconds is killed and the test fails: a hang never stalls the suite (this
    is a safety net, not a timing check; the work is expected to take well under 5 s)."""
    import multiprocessing
    import traceback

    import pytest

    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def child() -> None:
        try:
            sender.send(("ok", fn()))
        except BaseException:
            sender.send(("error", traceback.format_exc()))

    process = context.Process(target=child)
    process.start()
    try:
        if not receiver.poll(timeout):
            pytest.fail(f"still running after {timeout} s")
        kind, value = receiver.recv()
    finally:
        if process.is_alive():
            process.kill()
        process.join()
    if kind == "error":
        pytest.fail(f"the child failed:\n{value}")
    return value


def run_cli(*argv: str) -> tuple[int, str, str, float]:
    """`wargame ARGV` in this process: (exit code, stdout, stderr, seconds)."""
    import contextlib
    import io
    import time

    from wargame.cli import main

    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue(), time.perf_counter() - started
