"""One program at a time plays a session: the second opener is told at once who holds it."""

from __future__ import annotations

import json
import multiprocessing
import os
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from wargame.ai import make_player
from wargame.match import Match
from wargame.persistence import SessionError, SessionStore
from wargame.persistence.lock import lock_path
from wargame.scenario.library import find_scenario

from .helpers import fingerprint, run_cli

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="holds the lock from a fork")


@contextmanager
def held_by_another_process(path: Path) -> Iterator[multiprocessing.Process]:
    """A forked process that has the session open for writing until the block ends."""
    context = multiprocessing.get_context("fork")
    to_child, from_parent = context.Pipe()

    def hold() -> None:
        store = SessionStore.open(path)
        from_parent.send("ready")
        from_parent.poll(30)  # until the parent says so (or goes away)
        store.close()

    process = context.Process(target=hold)
    process.start()
    try:
        assert to_child.poll(20) and to_child.recv() == "ready", "the holder did not start"
        yield process
    finally:
        if process.is_alive():
            to_child.send("done")
        process.join(20)
        if process.is_alive():
            process.kill()
            process.join()


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_second_opener_is_told_who_holds_the_session(unfinished_file: Path):
    with held_by_another_process(unfinished_file) as holder:
        with pytest.raises(SessionError) as info:
            SessionStore.open(unfinished_file)
        message = str(info.value)
        assert f"process {holder.pid} on this computer" in message
        assert "close it there first, or open it read-only" in message
        # reading is still allowed while it is played elsewhere
        with SessionStore.open(unfinished_file, readonly=True) as reader:
            assert len(reader.load().turns) == 2


def test_resume_is_refused_at_once_while_another_program_plays(unfinished_file: Path):
    with held_by_another_process(unfinished_file) as holder:
        before = unfinished_file.read_bytes()
        code, out, err, _ = run_cli("resume", str(unfinished_file))
    assert code == 2 and out == ""  # nobody was asked for orders
    assert f"process {holder.pid}" in err and err.count("\n") == 1
    assert unfinished_file.read_bytes() == before


def test_a_second_store_in_the_same_program_is_refused(unfinished_file: Path):
    with SessionStore.open(unfinished_file):
        with pytest.raises(SessionError, match="already open in this program"):
            SessionStore.open(unfinished_file)
    SessionStore.open(unfinished_file).close()  # released on close


def test_a_lock_left_by_a_killed_process_is_taken_over(unfinished_file: Path):
    with held_by_another_process(unfinished_file) as holder:
        holder.kill()  # SIGKILL: no chance to release anything
        holder.join()
        assert json.loads(lock_path(unfinished_file).read_text())["pid"] == holder.pid
    with SessionStore.open(unfinished_file) as store:
        assert json.loads(lock_path(unfinished_file).read_text())["pid"] == os.getpid()
        store.resume(make_player).resolve_turn()
    assert not lock_path(unfinished_file).exists()


def test_a_stale_lock_file_of_a_dead_process_is_taken_over(unfinished_file: Path):
    stale = {"pid": dead_pid(), "host": socket.gethostname(), "program": "wargame resume"}
    lock_path(unfinished_file).write_text(json.dumps(stale))
    with SessionStore.open(unfinished_file) as store:
        assert store.resume(make_player).state.turn == 3
    assert sorted(p.name for p in unfinished_file.parent.iterdir()) == ["unfinished.wargame"]


def test_creating_takes_the_lock_and_closing_removes_it(sessions: Path, tutorial):
    path = sessions / "new.wargame"
    match = Match(tutorial, 1, tutorial.state_ids)
    with SessionStore.create(path, match):
        assert lock_path(path).exists()
        with pytest.raises(SessionError, match="already open in this program"):
            SessionStore.open(path)
        match.resolve_turn()
    assert sorted(p.name for p in sessions.iterdir()) == ["new.wargame"]


def test_a_refused_resume_leaves_the_file_byte_identical(unfinished_file: Path):
    db = sqlite3.connect(unfinished_file)
    db.execute("UPDATE turn SET state_hash = '0' WHERE number = 2")
    db.commit()
    db.close()
    before = fingerprint(unfinished_file.parent)
    code, _, err, _ = run_cli("resume", str(unfinished_file))
    assert code == 2 and "turn 2 does not replay" in err
    assert fingerprint(unfinished_file.parent) == before  # header bytes too, and no lock left


def test_lock_files_nobody_holds_are_removed_when_the_folder_is_next_used(
    unfinished_file: Path,
):
    folder = unfinished_file.parent
    never_saved = folder / "killed-while-creating.wargame.lock"
    never_saved.write_text(json.dumps({"pid": dead_pid(), "host": socket.gethostname()}))
    empty = folder / "killed-before-writing.wargame.lock"
    empty.write_bytes(b"")
    other = folder / "yarn.lock"  # someone else's
    other.write_text("# not ours")
    with held_by_another_process(folder / "unfinished.wargame"):
        with SessionStore.open(folder / "unfinished.wargame", readonly=True):
            pass
        SessionStore.create(folder / "new.wargame", Match(find_scenario("tutorial_strait"))).close()
        assert lock_path(unfinished_file).exists()  # held: kept
    assert not never_saved.exists() and not empty.exists() and other.exists()
