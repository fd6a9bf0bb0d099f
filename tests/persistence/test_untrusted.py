"""The smaller guards of a store that treats files as untrusted input."""

from __future__ import annotations

import ast
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from wargame.ai import make_player
from wargame.match import Match
from wargame.persistence import SessionError, SessionStore
from wargame.persistence.guard import (
    LIMITS,
    MAX_FIELD_BYTES,
    connect_memory,
    describe_sqlite_error,
)
from wargame.persistence.sqlitefile import remove_orphaned_temporaries, temp_sibling
from wargame.persistence.textsafe import plain
from wargame.scenario.library import find_scenario

from .helpers import fingerprint, run_cli, write_v1_session

PERSISTENCE = Path(__file__).resolve().parents[2] / "wargame" / "persistence"


# --- persistence does not depend on the players --------------------------------------------------


def test_persistence_never_imports_the_computer_players():
    for source in PERSISTENCE.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                module = "." * node.level + (node.module or "")
                assert module not in ("..ai", "wargame.ai") and not module.startswith(
                    ("..ai.", "wargame.ai.")
                ), f"{source.name} imports {module}"
            elif isinstance(node, ast.Import):
                assert not any(a.name.startswith("wargame.ai") for a in node.names), source.name


def test_players_come_from_the_factory_the_caller_passes(unfinished_file: Path):
    built = []

    def factory(kind: str, doctrine: str | None):
        built.append((kind, doctrine))
        return make_player(kind, doctrine)

    with SessionStore.open(unfinished_file, readonly=True) as store:
        match = store.resume(factory)
    assert built == [("heuristic", None)] * 4 and set(match.computer) == set(match.seats)


def test_an_unknown_computer_player_is_refused_on_resume(unfinished_file: Path):
    db = sqlite3.connect(unfinished_file)
    db.execute("UPDATE seat SET player = 'oracle' WHERE seat = 'borduria'")
    db.commit()
    db.close()
    with (
        SessionStore.open(unfinished_file) as store,
        pytest.raises(SessionError, match="seat borduria: unknown computer player 'oracle'"),
    ):
        store.resume(make_player)


# --- hardened connections -----------------------------------------------------------------------


def test_every_connection_is_hardened():
    db = connect_memory()
    try:
        assert db.execute("PRAGMA trusted_schema").fetchone()[0] == 0
        assert db.getlimit(sqlite3.SQLITE_LIMIT_LENGTH) == MAX_FIELD_BYTES
        assert db.getlimit(sqlite3.SQLITE_LIMIT_ATTACHED) == 0
        assert all(db.getlimit(getattr(sqlite3, name)) <= value for name, value in LIMITS.items())
        assert db.execute("PRAGMA hard_heap_limit").fetchone()[0] > 0
        if hasattr(sqlite3, "SQLITE_DBCONFIG_DEFENSIVE") and hasattr(db, "getconfig"):
            assert db.getconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE)
    finally:
        db.close()


def test_a_runaway_statement_is_stopped_by_the_work_budget():
    db = connect_memory()
    try:
        with pytest.raises(sqlite3.OperationalError) as info:
            db.execute(
                "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c) "
                "SELECT count(*) FROM c"
            ).fetchone()
        assert describe_sqlite_error(info.value) == (
            "reading it took far more work than any session needs"
        )
    finally:
        db.close()


# --- file names, URLs and what is printed ------------------------------------------------------


def test_a_name_with_a_scheme_is_a_file_name(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SessionError, match="does not exist"):
        SessionStore.open("sqlite:///notes.db")
    code, _, err, _ = run_cli("verify", "postgresql://teacher@server/db")
    assert code == 2 and "teacher@server/db' does not exist" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []  # nothing was created, no database was contacted


def test_a_database_url_only_through_db(tmp_path: Path, tutorial):
    url = make_url(f"sqlite:///{tmp_path / 'by-url.db'}")
    match = Match(tutorial, 8, tutorial.state_ids)
    with SessionStore.create(url, match):
        match.play_out()
    code, out, _, _ = run_cli("verify", "--db", str(url))
    assert code == 0 and "all 6 turn(s) replay exactly" in out
    code, _, err, _ = run_cli("verify", "--db", "not a url")
    assert code == 2 and "is not a database URL" in err
    code, _, err, _ = run_cli("verify", str(tmp_path / "x.wargame"), "--db", str(url))
    assert code == 2 and "not both" in err


def test_a_database_at_a_url_is_checked_like_a_file(tmp_path: Path, tutorial):
    path = tmp_path / "by-url.db"
    SessionStore.create(
        make_url(f"sqlite:///{path}"), Match(tutorial, 8, tutorial.state_ids)
    ).close()
    db = sqlite3.connect(path)
    db.execute("CREATE TRIGGER t AFTER INSERT ON turn BEGIN DELETE FROM turn; END")
    db.commit()
    db.close()
    with pytest.raises(SessionError, match="a trigger 't'"):
        SessionStore.open(make_url(f"sqlite:///{path}"))


def test_plain_removes_what_could_act_on_a_terminal():
    assert plain("ok\x1b[32m green\x1b[0m") == "ok green"
    assert plain("a\x1b]52;c;ZXZpbA==\x07b") == "ab"  # OSC 52: a clipboard write
    assert plain("x\u202eevil\u2066y\u200b\u200e") == "xevily"
    assert plain("one\ntwo\tthree\u2028four") == "one two three four"
    assert plain("one\ntwo", newlines=True) == "one\ntwo"
    assert plain("\x9b31mred\x85\x00") == "red"
    assert plain("Ünïcödé names, 日本") == "Ünïcödé names, 日本"


# --- temporaries a killed process left -----------------------------------------------------------


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_orphaned_temporaries_are_removed_when_the_folder_is_next_used(unfinished_file: Path):
    folder = unfinished_file.parent
    dead, alive = dead_pid(), os.getppid()
    hour_ago = time.time() - 3700
    minutes_ago = time.time() - 120

    def temp(name: str, pid: int, when: float | None) -> Path:
        path = folder / f".{name}.{pid}.wargame-tmp"
        path.write_bytes(b"half a file")
        if when is not None:
            os.utime(path, (when, when))
        return path

    orphans = [
        temp("saved-as.wargame", dead, minutes_ago),  # a killed "Save as"
        temp("created.wargame", alive, hour_ago),  # its process id was reused long since
    ]
    journal = folder / f".saved-as.wargame.{dead}.wargame-tmp-journal"
    journal.write_bytes(b"x")
    os.utime(journal, (minutes_ago, minutes_ago))
    orphans.append(journal)
    kept = [
        temp("just-now.wargame", dead, None),  # maybe another computer, still writing
        temp("in-use.wargame", alive, minutes_ago),  # its process is still running
        folder / ".notes.123.tmp",  # not ours
    ]
    kept[-1].write_bytes(b"someone else's")
    os.utime(kept[-1], (hour_ago, hour_ago))
    with SessionStore.open(unfinished_file):
        pass
    assert not any(p.exists() for p in orphans)
    assert all(p.exists() for p in kept)


def test_temporaries_carry_our_mark_and_the_writers_process_id(tmp_path: Path):
    tmp = temp_sibling(tmp_path / "x.wargame")
    assert tmp.name == f".x.wargame.{os.getpid()}.wargame-tmp"
    tmp.write_bytes(b"")
    os.utime(tmp, (0, 0))
    assert remove_orphaned_temporaries(tmp_path) == []  # our own are never orphans


# --- upgrades ------------------------------------------------------------------------------------


def test_an_old_file_that_cannot_be_upgraded_leaves_no_backup(sessions: Path, tutorial):
    match = Match(tutorial, 21, tutorial.state_ids)
    match.resolve_turn()
    path = sessions / "old.wargame"
    write_v1_session(path, match)
    db = sqlite3.connect(path)
    db.execute("UPDATE turn SET events_json = ? WHERE number = 1", ("[" * 100_000 + "]" * 100_000,))
    db.commit()
    db.close()
    before = fingerprint(sessions)
    with pytest.raises(SessionError, match="could not be upgraded.*left as it was"):
        SessionStore.open(path)
    assert fingerprint(sessions) == before  # no .v1-backup, no lock, not a byte changed


def test_an_old_file_whose_data_does_not_decode_is_not_upgraded(sessions: Path, tutorial):
    match = Match(tutorial, 21, tutorial.state_ids)
    match.resolve_turn()
    path = sessions / "old.wargame"
    write_v1_session(path, match)
    db = sqlite3.connect(path)
    (text,) = db.execute("SELECT scenario_json FROM session").fetchone()
    scenario = json.loads(text)
    scenario["states"][0]["objectives"][0]["points"] = 1000  # no scenario allows that
    db.execute("UPDATE session SET scenario_json = ?", (json.dumps(scenario),))
    db.commit()
    db.close()
    before = fingerprint(sessions)
    with pytest.raises(SessionError, match="It was not upgraded, and was left as it was"):
        SessionStore.open(path)
    assert fingerprint(sessions) == before


# --- export: whose record ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def northern(tmp_path_factory: pytest.TempPathFactory) -> Path:
    scenario = find_scenario("northern_sea")
    path = tmp_path_factory.mktemp("northern") / "northern.wargame"
    match = Match(scenario, 4, {seat: make_player("easy") for seat in scenario.state_ids[1:]})
    with SessionStore.create(path, match):
        for _ in range(3):
            match.submit(scenario.state_ids[0], ())
            match.resolve_turn()
        match.submit(scenario.state_ids[0], ())
    return path


def export_seat(path: Path, seat: str) -> dict:
    code, out, err, _ = run_cli("export", str(path), "--json", "-", "--seat", seat)
    assert code == 0 and err == "", err
    return json.loads(out)


def test_export_requires_saying_whose_record(northern: Path, tmp_path: Path):
    code, _, err, _ = run_cli("export", str(northern), "--json", str(tmp_path / "o.json"))
    assert code == 2 and "--full" in err and "--seat" in err
    assert not (tmp_path / "o.json").exists()
    code, _, err, _ = run_cli("export", str(northern), "--json", "-", "--seat", "atlantis")
    assert code == 2 and "not a seat of this session" in err


def test_export_full_warns_that_it_holds_every_secret(northern: Path):
    code, out, err, _ = run_cli("export", str(northern), "--json", "-", "--full")
    data = json.loads(out)
    assert code == 0 and data["record"] == "full" and data["seed"] == 4
    assert "every seat's secrets and the seed" in err


def test_export_for_a_seat_holds_only_what_that_seat_saw(northern: Path):
    scenario = find_scenario("northern_sea")
    seat = scenario.state_ids[1]
    data = export_seat(northern, seat)
    with SessionStore.open(northern, readonly=True) as store:
        log = store.load()
    assert data["record"] == "seat" and data["seat"] == seat
    assert data["seed"] is None  # not before the end
    assert all("seed" not in t["state"] for t in data["turns"]) and "seed" not in data["start"]
    for turn, stored in zip(data["turns"], log.turns, strict=True):
        assert turn["orders"] == [o.to_dict() for o in stored.orders if o.actor == seat]
        assert all(r["order"]["actor"] == seat for r in turn["results"])
        visible = [(e.turn, e.kind) for e in stored.events if e.visible_for(seat)]
        assert [(e["turn"], e["kind"]) for e in turn["events"]] == visible
        assert "reasons" not in turn or turn["reasons"] == list(stored.reasons[seat])
    assert data["pending"] == {"turn": 4, "orders": []}  # the person's orders are not its own
    others = [s for s in data["seats"] if s["seat"] != seat]
    assert all(set(s) == {"seat", "controller"} for s in others)  # not their players' settings


def test_export_for_a_seat_holds_no_other_seats_secrets(northern: Path):
    scenario = find_scenario("northern_sea")
    seat = scenario.state_ids[1]
    text = json.dumps(export_seat(northern, seat))

    def written(words: str) -> str:  # as the words appear inside the JSON text
        return json.dumps(words)[1:-1]

    own = scenario.state(seat)
    assert written(own.briefing) in text
    for other in scenario.states:
        if other.id == seat:
            continue
        assert written(other.briefing) not in text
        assert not any(o.secret and f'"{o.id}"' in text for o in other.objectives)
