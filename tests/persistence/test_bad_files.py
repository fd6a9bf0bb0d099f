"""Files that are not healthy sessions: a clear SessionError, and not one byte changed."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from wargame.ai import make_player
from wargame.cli import main
from wargame.persistence import SessionError, SessionStore
from wargame.persistence.schema import APPLICATION_ID, SCHEMA_VERSION

from .helpers import fingerprint


def make_empty(path: Path, good: Path) -> None:
    path.write_bytes(b"")


def make_text(path: Path, good: Path) -> None:
    path.write_text("title: not a session\nturns: 3\n")


def make_noise(path: Path, good: Path) -> None:
    path.write_bytes(bytes((i * 7919) % 251 for i in range(20_000)))


def make_foreign_sqlite(path: Path, good: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    db.execute("INSERT INTO notes (body) VALUES ('groceries')")
    db.commit()
    db.close()


def make_other_app(path: Path, good: Path) -> None:
    make_foreign_sqlite(path, good)
    db = sqlite3.connect(path)
    db.execute("PRAGMA application_id = 1234")
    db.close()


def make_header_only(path: Path, good: Path) -> None:
    path.write_bytes(good.read_bytes()[:60])


def make_cut_mid_page(path: Path, good: Path) -> None:
    data = good.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 123])


def make_cut_at_page(path: Path, good: Path) -> None:
    data = good.read_bytes()
    path.write_bytes(data[: (len(data) // 4096 // 2) * 4096])


def make_scribbled(path: Path, good: Path) -> None:
    data = bytearray(good.read_bytes())
    for page in range(1, len(data) // 4096):  # every page but the header's
        start = page * 4096 + 200
        data[start : start + 1500] = bytes((i * 31) % 256 for i in range(1500))
    path.write_bytes(bytes(data))


def make_newer(path: Path, good: Path) -> None:
    path.write_bytes(good.read_bytes())
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    db.execute("PRAGMA user_version = 99")
    db.commit()
    db.close()


def make_newer_meta_only(path: Path, good: Path) -> None:
    path.write_bytes(good.read_bytes())
    db = sqlite3.connect(path)
    db.execute(f"UPDATE meta SET value = '{SCHEMA_VERSION + 1}' WHERE key = 'schema_version'")
    db.commit()
    db.close()


def make_ours_without_tables(path: Path, good: Path) -> None:
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 2")
    db.execute("CREATE TABLE unrelated (x)")
    db.commit()
    db.close()


BAD_FILES: dict[str, tuple[Callable[[Path, Path], None], str]] = {
    "empty": (make_empty, "is empty"),
    "text": (make_text, "not a Crisis Wargame session"),
    "noise": (make_noise, "not a Crisis Wargame session"),
    "foreign sqlite": (make_foreign_sqlite, "another program"),
    "other app id": (make_other_app, "another program"),
    "header only": (make_header_only, "cut short"),
    "cut mid-page": (make_cut_mid_page, "cut short"),
    "cut at a page boundary": (make_cut_at_page, "cut short"),
    "scribbled pages": (make_scribbled, "damaged"),
    "newer format": (make_newer, "newer version of Crisis Wargame"),
    "newer format in meta": (make_newer_meta_only, "newer version of Crisis Wargame"),
    "ours without tables": (make_ours_without_tables, "damaged"),
}


@pytest.fixture(params=sorted(BAD_FILES))
def bad_file(request, tmp_path: Path, finished_file: Path) -> tuple[Path, str]:
    make, expected = BAD_FILES[request.param]
    folder = tmp_path / "bad"
    folder.mkdir()
    path = folder / "session.wargame"
    make(path, finished_file)
    return path, expected


@pytest.mark.parametrize("readonly", [False, True])
def test_bad_file_gives_clear_message_and_stays_untouched(
    bad_file: tuple[Path, str], readonly: bool
):
    path, expected = bad_file
    before = fingerprint(path.parent)
    with pytest.raises(SessionError, match=expected) as info:
        SessionStore.open(path, readonly=readonly)
    assert str(path) in str(info.value)  # the message names the file
    assert "Traceback" not in str(info.value)
    assert fingerprint(path.parent) == before  # same bytes, and no journal or side file appeared


@pytest.mark.parametrize("command", ["verify", "resume", "export"])
def test_cli_reports_bad_file_and_exits_2(
    bad_file: tuple[Path, str], command: str, capsys, tmp_path: Path
):
    path, expected = bad_file
    before = fingerprint(path.parent)
    extra = ["--json", str(tmp_path / "out.json"), "--full"] if command == "export" else []
    assert main([command, str(path), *extra]) == 2
    err = capsys.readouterr().err
    assert f"wargame {command}:" in err and expected.split()[0] in err
    assert fingerprint(path.parent) == before
    assert not (tmp_path / "out.json").exists()


def test_missing_file_is_not_created(tmp_path: Path):
    path = tmp_path / "nothing.wargame"
    with pytest.raises(SessionError, match="does not exist"):
        SessionStore.open(path)
    assert list(tmp_path.iterdir()) == []


def test_folder_is_not_a_session(tmp_path: Path):
    with pytest.raises(SessionError, match="is a folder"):
        SessionStore.open(tmp_path)


def test_damaged_row_is_reported_on_load(finished_file: Path):
    db = sqlite3.connect(finished_file)
    db.execute("UPDATE event SET data = '{not json' WHERE turn = 2 AND position = 0")
    db.commit()
    db.close()
    before = fingerprint(finished_file.parent)
    with (
        SessionStore.open(finished_file, readonly=True) as store,
        pytest.raises(SessionError, match="damaged: turn 2 event 0"),
    ):
        store.load()
    assert main(["verify", str(finished_file)]) == 2
    assert fingerprint(finished_file.parent) == before


def test_altered_snapshot_fails_verification(finished_file: Path, capsys):
    db = sqlite3.connect(finished_file)
    db.execute("UPDATE turn SET state_hash = '00000000000000000000000000000000' WHERE number = 3")
    db.commit()
    db.close()
    assert main(["verify", str(finished_file)]) == 1
    out = capsys.readouterr().out
    assert "turn 2: ok" in out and "turn 3: MISMATCH saved 00000000000000000000000000000000" in out
    with (
        SessionStore.open(finished_file) as store,
        pytest.raises(SessionError, match="turn 3 does not replay"),
    ):
        store.resume(make_player)


def test_read_only_file_is_refused_for_writing_but_opens_read_only(
    finished_file: Path, monkeypatch
):
    monkeypatch.setattr(
        os, "access", lambda *args, **kwargs: False
    )  # as for a write-protected file
    with pytest.raises(SessionError, match="read-only"):
        SessionStore.open(finished_file)
    monkeypatch.undo()
    with SessionStore.open(finished_file, readonly=True) as store:
        assert store.verify(make_player).ok
