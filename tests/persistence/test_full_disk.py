"""A disk that fills up mid-session: what was committed survives, and nobody calls it "cut short".

The disk is made "full" for one forked process with RLIMIT_FSIZE (no file of it may grow past a
size), which fails writes the way a full disk does. The session saves turns into its WAL until a
commit no longer fits; closing then cannot fold the WAL into the file either, and may leave the
file shorter than its header says. That file is recoverable: every committed turn is in the WAL.
"""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

from wargame.ai import make_player
from wargame.match import Match
from wargame.persistence import SessionError, SessionStore
from wargame.scenario.library import find_scenario

from .helpers import fingerprint, run_cli

resource = pytest.importorskip("resource")
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="fills the disk of a fork")


def play_until_the_disk_is_full(path: Path, room: int) -> int:
    """In a child: play with autosave until a save fails; returns the turns committed."""
    import signal

    scenario = find_scenario("northern_sea")
    match = Match(scenario, 7, {seat: make_player("easy") for seat in scenario.state_ids})
    for _ in range(3):  # a file big enough that its WAL can hold a few turns
        match.resolve_turn()
    store = SessionStore.create(path, match)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
    limit = path.stat().st_size + room
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    try:
        match.play_out()
        committed = len(match.history)
    except SessionError as exc:
        assert "Could not save turn" in str(exc)
        committed = len(match.history) - 1  # the turn whose save failed is not in the file
    store.close()  # cannot fold the WAL into the file either: the disk is still full
    return committed


def run_in_child(path: Path, room: int) -> int:
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=lambda: sender.send(play_until_the_disk_is_full(path, room)))
    child.start()
    assert receiver.poll(60), "the child did not report"
    committed = receiver.recv()
    child.join(20)
    return committed


@pytest.mark.parametrize("room", [0, 8192])
def test_a_session_cut_off_by_a_full_disk_is_recovered_not_called_cut_short(
    sessions: Path, room: int
):
    path = sessions / "full.wargame"
    committed = run_in_child(path, room)
    assert 3 < committed < 10  # the disk filled up mid-game, after saving a turn or more
    assert path.with_name(path.name + "-wal").exists()  # the turns are in the WAL
    before = fingerprint(sessions)

    code, out, err, _ = run_cli("verify", str(path))  # read-only: recovers in a copy
    assert code == 0, out + err
    assert "cut short" not in out + err
    assert f"{committed} of 10 turns saved" in out
    assert fingerprint(sessions) == before  # the file and its WAL exactly as they were

    with SessionStore.open(path) as store:  # opening for writing recovers the file itself
        match = store.resume(make_player)
        assert len(match.history) == committed
        match.play_out()
    with SessionStore.open(path, readonly=True) as store:
        assert store.verify(make_player).ok and store.summary().finished
    assert sorted(p.name for p in sessions.iterdir()) == ["full.wargame"]
