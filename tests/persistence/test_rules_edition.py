"""A session played under another edition of the rules is named as such, not as a mismatch:
verify, resume and the debrief say which edition saved it; export still reads it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from wargame.ai import make_player
from wargame.cli import main
from wargame.edition import RULES_EDITION
from wargame.persistence import SessionError, SessionStore


@pytest.fixture
def older(sessions: Path, capsys) -> Path:
    path = sessions / "older.wargame"
    args = ["play", "tutorial_strait", "--seed", "3", "--computer", "all", "--quiet"]
    assert main([*args, "--save", str(path)]) == 0
    capsys.readouterr()
    with sqlite3.connect(path) as db:  # as a file saved under the first edition of the rules
        db.execute("UPDATE meta SET value = '1' WHERE key = 'rules_edition'")
    return path


def test_a_new_session_records_the_edition(sessions: Path, capsys):
    path = sessions / "new.wargame"
    assert main(["play", "tutorial_strait", "--computer", "all", "--save", str(path)]) == 0
    with SessionStore.open(path, readonly=True) as store:
        assert store.load().rules_edition == RULES_EDITION
        assert store.verify(make_player).ok


def test_verify_names_the_edition_instead_of_a_mismatch(older: Path, capsys):
    assert main(["verify", str(older)]) == 2
    err = capsys.readouterr().err
    assert "edition 1 of the rules" in err and f"edition {RULES_EDITION}" in err
    assert "MISMATCH" not in err


def test_resume_and_report_refuse_with_the_reason_and_export_still_reads(older, tmp_path, capsys):
    with SessionStore.open(older) as store, pytest.raises(SessionError, match="edition 1"):
        store.resume(make_player)
    assert main(["report", str(older), "--html", str(tmp_path / "r.html")]) == 2
    assert "edition 1" in capsys.readouterr().err
    assert main(["export", str(older), "--full", "--json", str(tmp_path / "x.json")]) == 0
    assert (tmp_path / "x.json").stat().st_size > 0
