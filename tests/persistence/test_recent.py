"""The recent-sessions list: kept in the (overridable) data folder, tolerant, written atomically."""

from __future__ import annotations

import json
from pathlib import Path

from wargame.persistence import SessionStore, recent


def test_data_folder_follows_the_environment(data_dir: Path):
    assert recent.data_dir() == data_dir
    assert recent.recent_file().parent == data_dir


def test_add_list_remove(tmp_path: Path):
    a, b = tmp_path / "a.wargame", tmp_path / "b.wargame"
    assert recent.list_recent() == []
    recent.add_recent(a)
    recent.add_recent(b)
    assert [Path(e.path) for e in recent.list_recent()] == [b, a]
    recent.add_recent(a)  # reopening moves it to the top, once
    assert [Path(e.path) for e in recent.list_recent()] == [a, b]
    recent.remove_recent(b)
    assert [Path(e.path) for e in recent.list_recent()] == [a]
    assert not recent.list_recent()[0].exists


def test_list_is_capped(tmp_path: Path):
    for i in range(recent.MAX_RECENT + 5):
        recent.add_recent(tmp_path / f"s{i}.wargame")
    entries = recent.list_recent()
    assert len(entries) == recent.MAX_RECENT
    assert Path(entries[0].path).name == f"s{recent.MAX_RECENT + 4}.wargame"


def test_remember_takes_title_and_progress(unfinished_file: Path):
    with SessionStore.open(unfinished_file) as store:
        recent.remember(store)
    entry = recent.list_recent()[0]
    assert Path(entry.path) == unfinished_file and entry.exists
    assert (entry.scenario_id, entry.turns_played, entry.turns_total, entry.finished) == (
        "tutorial_strait",
        2,
        6,
        False,
    )
    assert entry.title and entry.opened


def test_clearing_empties_the_list_but_keeps_the_files(tmp_path: Path):
    kept = tmp_path / "kept.wargame"
    kept.write_bytes(b"")
    recent.add_recent(kept)
    recent.clear_recent()
    assert recent.list_recent() == []
    assert json.loads(recent.recent_file().read_text())["sessions"] == []
    assert kept.exists()


def test_corrupt_list_reads_as_empty_and_is_replaced(data_dir: Path, tmp_path: Path):
    data_dir.mkdir(parents=True)
    for junk in ["{not json", "[1, 2]", '{"sessions": 5}', "\x00\x01", "[" * 100_000]:
        recent.recent_file().write_text(junk)
        assert recent.list_recent() == []
    recent.add_recent(tmp_path / "x.wargame")
    assert len(recent.list_recent()) == 1


def test_bad_entries_are_skipped_and_bad_fields_dropped(data_dir: Path):
    data_dir.mkdir(parents=True)
    entries = [
        {"path": "/a.wargame", "turns_played": "three", "title": 7, "future_field": 1},
        {"nopath": 1},
        "x",
        {"path": ""},
    ]
    recent.recent_file().write_text(json.dumps({"sessions": entries}))
    [entry] = recent.list_recent()
    assert (entry.path, entry.turns_played, entry.title) == ("/a.wargame", 0, "")


def test_writes_leave_no_temporary_files(data_dir: Path, tmp_path: Path):
    for i in range(3):
        recent.add_recent(tmp_path / f"{i}.wargame")
    assert sorted(p.name for p in data_dir.iterdir()) == ["recent.json"]


def test_unwritable_data_folder_does_not_raise(tmp_path: Path, monkeypatch):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("")
    monkeypatch.setenv("WARGAME_DATA_DIR", str(blocker / "sub"))
    assert [Path(e.path).name for e in recent.add_recent(tmp_path / "a.wargame")] == ["a.wargame"]
    assert recent.list_recent() == []


def test_new_session_paths_are_fresh(data_dir: Path):
    first = recent.new_session_path("tutorial_strait")
    first.write_bytes(b"")
    second = recent.new_session_path("tutorial_strait")
    assert first.parent == data_dir / "sessions" and first.suffix == ".wargame"
    assert second != first and not second.exists()
