"""Pull the plug on a process saving into PostgreSQL (SIGKILL at random moments): every session
it left opens and verifies, holds every submission and turn it had reported saved, and plays on
to the end. The same players and checks as tests/persistence/test_crash.py for files."""

from __future__ import annotations

import random
import time

import pytest

from tests.persistence.test_crash import JITTER_SECONDS, REPORTS_PER_GAME, _count_lines, ask
from tests.persistence.test_crash import server as server  # noqa: F401 - the forking player
from wargame.ai import make_player
from wargame.persistence import SessionStore
from wargame.persistence.database import Database
from wargame.rng import Rng

RUNS = 12

pytestmark = pytest.mark.slow


def test_killed_at_random_moments_every_session_opens_and_keeps_what_was_saved(
    pg_url,  # first: without a server the test is skipped before the player starts
    server,  # noqa: F811
    tmp_path,
):
    import os
    import signal

    url = pg_url.render_as_string(hide_password=False)
    reported: dict[str, list[str]] = {}
    for seed in range(RUNS):
        rng = random.Random(seed)
        after, jitter = rng.randint(0, REPORTS_PER_GAME), rng.uniform(0, JITTER_SECONDS)
        reports = tmp_path / f"crash-{seed}.log"
        pid = int(ask(server, f"run {url} {seed} {reports}").split()[1])
        deadline = time.monotonic() + 30
        while _count_lines(reports) < after and time.monotonic() < deadline:
            time.sleep(0.0005)
        time.sleep(jitter)
        os.kill(pid, signal.SIGKILL)
        assert ask(server, f"reap {pid}") == "reaped"
        lines = reports.read_text().split("\n")[:-1] if reports.exists() else []
        session = next((line.split()[1] for line in lines if line.startswith("session ")), None)
        if session is not None:
            reported[session] = lines
    found = []
    for entry in Database(pg_url).sessions():  # every session, reported or not, is whole
        lines = reported.get(entry.id, [])
        with SessionStore.open(pg_url, session=entry.id) as store:
            log = store.load()
            assert store.verify(make_player).ok, entry.id
            saved_turns = [int(x.split()[2]) for x in lines if x.startswith("saved turn")]
            assert len(log.turns) >= max(saved_turns, default=0)
            saved_orders = {
                (int(x.split()[2]), x.split()[3]) for x in lines if x.startswith("saved orders")
            }
            assert saved_orders <= set(log.submissions), entry.id
            found.append(len(log.turns))
            match = store.resume(make_player)  # finish what the killed process left
            seed = log.seed
            stand_in = make_player()
            while not match.finished:
                for seat in match.waiting_for():
                    view = match.view(seat)
                    match.submit(
                        seat,
                        stand_in.decide(view, Rng.for_seat(seed, match.state.turn, seat)).orders,
                    )
                match.resolve_turn()
            assert store.verify(make_player).ok
    print(f"\nturns found per session: {found}")
    assert set(reported) <= {e.id for e in Database(pg_url).sessions()}
    assert sum(0 <= t < 10 for t in found) >= 3  # the kills landed mid-game
