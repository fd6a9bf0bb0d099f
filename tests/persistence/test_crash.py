"""Pull the plug: kill a saving process (SIGKILL) at random moments, then open what it left.

Every file must open and verify, and must hold every submission and turn the process had
reported as saved (it reports only after the commit returned). A resumed session then plays to
the end and still verifies: nothing was lost and nothing half-written was kept.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from wargame.ai import make_player
from wargame.persistence import SessionStore
from wargame.persistence.sqlitefile import has_hot_journal, has_wal
from wargame.rng import Rng

ROOT = Path(__file__).resolve().parents[2]
PLAYER = Path(__file__).with_name("crash_player.py")
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
RUNS = 25
REPORTS_PER_GAME = 32  # "created", 2 submissions and a turn for each of 10 turns, "done"
JITTER_SECONDS = 0.01  # about one commit plus the engine's work between two reports

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL"),
]


@dataclass
class Run:
    path: Path
    seed: int
    reported: list[str]


@pytest.fixture(scope="module")
def server() -> Iterator[subprocess.Popen[str]]:
    """crash_player.py --serve: forks a player per run, so 25 runs cost one interpreter start."""
    proc = subprocess.Popen(
        [sys.executable, str(PLAYER), "--serve"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    yield proc
    assert proc.stdin is not None
    proc.stdin.close()
    proc.wait(timeout=30)


def ask(server: subprocess.Popen[str], request: str) -> str:
    assert server.stdin is not None and server.stdout is not None
    server.stdin.write(request + "\n")
    server.stdin.flush()
    return server.stdout.readline().strip()


def run_and_kill(server: subprocess.Popen[str], folder: Path, seed: int) -> Run:
    """Kill a player after a random number of its reports (0: while creating) plus a random
    fraction of a commit's time, so the kills spread over the whole game on any machine."""
    rng = random.Random(seed)
    after_reports, jitter = rng.randint(0, REPORTS_PER_GAME), rng.uniform(0, JITTER_SECONDS)
    path, reports = folder / f"crash-{seed}.wargame", folder / f"crash-{seed}.log"
    pid = int(ask(server, f"run {path} {seed} {reports}").split()[1])
    deadline = time.monotonic() + 30
    while _count_lines(reports) < after_reports and time.monotonic() < deadline:
        time.sleep(0.0005)
    time.sleep(jitter)
    os.kill(pid, signal.SIGKILL)  # harmless if it already finished: it is not reaped yet
    assert ask(server, f"reap {pid}") == "reaped"
    lines = reports.read_text().split("\n") if reports.exists() else [""]
    reports.unlink(missing_ok=True)
    return Run(path, seed, lines[:-1])  # a last line without its newline was cut by the kill


def _count_lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def check_run(run: Run) -> tuple[int, bool]:
    """(turns found in the file, whether a crash journal had to be rolled back)."""
    if "created" not in run.reported and not run.path.exists():
        return -1, False
    hot = has_hot_journal(run.path) or has_wal(
        run.path
    )  # committed turns still in the WAL, or a hot journal
    saved_turns = [int(line.split()[2]) for line in run.reported if line.startswith("saved turn")]
    saved_orders = [
        (int(t), seat)
        for _, _, t, seat in (
            line.split() for line in run.reported if line.startswith("saved orders")
        )
    ]

    with SessionStore.open(run.path) as store:
        log = store.load()
        assert [c for c in store.verify(make_player).checks if not c.ok] == [], (
            run.seed,
            run.reported,
        )
        assert len(log.turns) >= max(saved_turns, default=0), (
            run.seed,
            len(log.turns),
            saved_turns,
        )
        with store.engine.connect() as conn:
            stored = set(conn.exec_driver_sql("SELECT turn, seat FROM submission").fetchall())
        assert set(saved_orders) <= stored, run.seed
        for turn, seat in saved_orders:
            if turn == log.next_turn:
                assert seat in log.pending, (run.seed, turn, seat)
        found = len(log.turns)

        match = store.resume(
            make_player
        )  # finish the game the killed process left, then check it all again
        stand_in = make_player()
        while not match.finished:
            for seat in match.waiting_for():
                match.submit(
                    seat,
                    stand_in.decide(
                        match.view(seat), Rng.for_seat(run.seed, match.state.turn, seat)
                    ).orders,
                )
            match.resolve_turn()
        assert [c for c in store.verify(make_player).checks if not c.ok] == [], run.seed
        assert len(store.load().turns) == match.scenario.turns
    return found, hot


def test_killed_at_random_moments_every_file_opens_and_keeps_what_was_saved(server, tmp_path: Path):
    runs = [run_and_kill(server, tmp_path, seed) for seed in range(RUNS)]
    results = [check_run(run) for run in runs]
    found = [turns for turns, _ in results]
    mid_game = sum(0 <= t < 10 for t in found)
    print(
        f"\nturns found per file: {found}; killed mid-game: {mid_game}; files recovered from a WAL or journal: {sum(h for _, h in results)}"
    )
    assert mid_game >= 5  # the kills really landed while the game was being played and saved
    not_created = {f".crash-{r.seed}.wargame." for r in runs if "created" not in r.reported}
    leftovers = [p.name for p in tmp_path.iterdir() if p.suffix != ".wargame"]
    assert all(any(name.startswith(prefix) for prefix in not_created) for name in leftovers), (
        leftovers
    )


def test_killed_cli_play_leaves_a_session_that_resumes(tmp_path: Path):
    """Kill `wargame play --save` (a fresh interpreter) mid-game; the file must resume and
    verify. A kill that lands before the file exists is retried later, so every seed is
    checked on a real file."""
    checked = []
    for seed in (1, 2):
        path = tmp_path / f"cli-{seed}.wargame"
        command = [
            sys.executable,
            "-m",
            "wargame",
            "play",
            "northern_sea",
            "--seed",
            str(seed),
            "--save",
            str(path),
            "--quiet",
        ]
        delay = 0.5 + 0.3 * seed
        while not path.exists() and delay < 30:
            proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, env=ENV, cwd=ROOT)
            time.sleep(delay)
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
            delay *= 2  # killed before the file was created: let the next one live longer
        assert path.exists(), f"seed {seed}: no run lived long enough to create its file"
        with SessionStore.open(path) as store:
            store.resume(make_player).play_out()  # resume checks every saved turn's hash
            assert store.summary().finished
        with SessionStore.open(path, readonly=True) as store:
            assert store.resume(make_player).finished  # every turn, old and new, replays
        checked.append(seed)
    assert checked == [1, 2]
