"""Format 1 files (written by `write_v1_session`, frozen in helpers.py) open as format 2."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from wargame.ai import make_player
from wargame.cli import main
from wargame.match import Match
from wargame.persistence import SCHEMA_VERSION, SessionError, SessionStore

from .helpers import fingerprint, table_shapes, write_v1_session


@pytest.fixture
def v1_file(sessions: Path, tutorial) -> tuple[Path, Match]:
    match = Match(tutorial, 21, tutorial.state_ids)
    for _ in range(3):
        match.resolve_turn()
    path = sessions / "old.wargame"
    write_v1_session(path, match)
    return path, match


def test_v1_file_is_backed_up_then_upgraded(v1_file: tuple[Path, Match]):
    path, match = v1_file
    original = path.read_bytes()
    with SessionStore.open(path) as store:
        assert store.upgraded_from == 1
        assert store.backup_path == path.with_name("old.v1-backup.wargame")
        assert store.backup_path.read_bytes() == original
        log = store.load()
        assert store.verify(make_player).ok
        again = store.resume(make_player)
    assert log.meta["schema_version"] == str(SCHEMA_VERSION) and log.meta["upgraded_from"] == "1"
    assert [t.orders for t in log.turns] == [r.orders for r in match.history]
    assert [t.events for t in log.turns] == [r.events for r in match.history]
    assert again.state == match.state
    assert int.from_bytes(path.read_bytes()[60:64], "big") == SCHEMA_VERSION


def test_upgraded_file_has_the_same_tables_as_a_new_one(
    v1_file: tuple[Path, Match], sessions: Path
):
    path, match = v1_file
    SessionStore.open(path).close()
    fresh = sessions / "fresh.wargame"
    SessionStore.create(fresh, match).close()
    assert table_shapes(path) == table_shapes(fresh)


def test_upgraded_session_plays_on_and_verifies(v1_file: tuple[Path, Match], capsys):
    path, _ = v1_file
    with SessionStore.open(path) as store:
        store.resume(make_player).play_out()
    assert main(["verify", str(path)]) == 0
    assert "all 6 turn(s) replay exactly" in capsys.readouterr().out


def test_second_upgrade_keeps_the_first_backup(v1_file: tuple[Path, Match], tutorial):
    path, match = v1_file
    SessionStore.open(path).close()
    write_v1_session(path.with_name("again.wargame"), match)
    path.unlink()
    path.with_name("again.wargame").rename(path)
    with SessionStore.open(path) as store:
        assert store.backup_path == path.with_name("old.v1-backup-2.wargame")


def test_read_only_open_of_v1_upgrades_in_memory_only(v1_file: tuple[Path, Match]):
    path, match = v1_file
    before = fingerprint(path.parent)
    with SessionStore.open(path, readonly=True) as store:
        assert store.upgraded_from == 1 and store.backup_path is None
        assert store.verify(make_player).ok
        assert store.resume(make_player).state == match.state
    assert main(["verify", str(path)]) == 0
    assert fingerprint(path.parent) == before


def test_failed_upgrade_leaves_the_file_as_it_was(v1_file: tuple[Path, Match]):
    path, _ = v1_file
    db = sqlite3.connect(path)
    db.execute("UPDATE turn SET orders_json = '[{\"no kind\": 1}]' WHERE number = 2")
    db.commit()
    db.close()
    before = fingerprint(path.parent)
    with pytest.raises(SessionError, match="could not be upgraded"):
        SessionStore.open(path)
    assert fingerprint(path.parent) == before  # rolled back, and the unneeded backup removed


def test_save_as_of_an_old_file_opened_read_only_writes_the_current_format(
    v1_file: tuple[Path, Match], sessions: Path
):
    path, _ = v1_file
    with SessionStore.open(path, readonly=True) as store:
        copy = store.save_as(sessions / "new.wargame")
    with copy:
        assert copy.upgraded_from is None and copy.verify(make_player).ok
