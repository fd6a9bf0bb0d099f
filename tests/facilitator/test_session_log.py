"""The facilitator's interventions on the record: saved as they are made, made again by `wargame
verify` and by resuming, listed by `wargame export`, and checked like every row of an untrusted
file. Files of format 2 (before the white cell) are upgraded."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from wargame.ai import make_player
from wargame.cli import main
from wargame.facilitator import ClockChange, Override, SeatControl
from wargame.facilitator.records import to_data
from wargame.match import HandedPlayer
from wargame.persistence import SessionError, SessionStore

from .conftest import argument, every_kind


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_scripted_inject_from_the_command_line_verifies_and_is_exported(tmp_path, capsys):
    path = str(tmp_path / "f.wargame")
    code, _, err = run(
        capsys,
        "play",
        "tutorial_strait",
        "--seed",
        "7",
        "--computer",
        "all",
        "--level",
        "easy",
        "--inject",
        "2:markets_fall",
        "--save",
        path,
        "--quiet",
    )
    assert code == 0, err
    code, out, _ = run(capsys, "verify", path)
    assert code == 0
    assert "turn 1: facilitator: Scheduled the inject \u201cMarkets fall\u201d for turn 2" in out
    assert "turn 2: facilitator: As scheduled, fired the inject \u201cMarkets fall\u201d" in out
    code, out, _ = run(capsys, "export", path, "--full", "--json", "-")
    assert code == 0
    turn2 = json.loads(out)["turns"][1]
    (entry,) = turn2["facilitator"]
    assert entry["by"] == "facilitator" and entry["kind"] == "fire_inject"
    assert entry["intervention"] == {
        "kind": "fire_inject",
        "inject": "markets_fall",
        "scheduled": True,
    }
    assert turn2["events"][0]["text"].startswith("Markets fall:")


def test_a_bad_inject_option_is_refused_with_a_message(capsys):
    code, _, err = run(capsys, "play", "tutorial_strait", "--inject", "2:flood", "--quiet")
    assert code == 2 and "no inject 'flood'" in err and "markets_fall" in err
    code, _, err = run(capsys, "play", "tutorial_strait", "--inject", "9:markets_fall")
    assert code == 2 and "turns 1 to 6" in err


def played_with_everything(make_match, path: Path):
    """A session with every kind of intervention, an argument and an override on later turns
    too, saved as it is played; left with a turn in progress."""
    match = make_match(people=("aurelia", "borduria"))
    store = SessionStore.create(path, match, player_factory=make_player)
    for iv in every_kind():
        match.intervene(iv)
    for seat in match.waiting_for():
        match.submit(seat, ())
    match.resolve_turn()
    match.intervene(argument(0.85))
    match.intervene(
        Override(record="treaty", subject="harbour_treaty", status="broken", reason="x")
    )
    match.intervene(SeatControl(seat="borduria", to="computer", level="easy"))
    match.submit("aurelia", ())
    match.submit("carpathia", ())
    match.resolve_turn()
    match.intervene(ClockChange(action="pause"))
    match.intervene(argument(0.15, by=None))
    return match, store


def test_a_session_with_arguments_and_overrides_verifies_and_resumes(make_match, tmp_path, capsys):
    path = tmp_path / "white.wargame"
    match, store = played_with_everything(make_match, path)
    store.close()
    code, out, err = run(capsys, "verify", str(path))
    assert code == 0, out + err
    assert "Ruled on Aurelia's argument" in out and "Set the treaty" not in out
    assert "Set the alliance of Aurelia and Carpathia to broken" in out
    with SessionStore.open(path) as again:
        resumed = again.resume(make_player)
        assert resumed.state == match.state and resumed.paused
        assert isinstance(resumed.computer["borduria"], HandedPlayer)
        assert resumed.human_seats == ("aurelia", "carpathia")
        assert [a.state_hash for a in resumed.interventions] == [
            a.state_hash for a in match.interventions
        ]
        resumed.intervene(ClockChange(action="resume"))
        while not resumed.finished:
            for seat in resumed.waiting_for():
                resumed.submit(seat, ())
            resumed.resolve_turn()
    code, out, _ = run(capsys, "verify", str(path))
    assert code == 0 and "all 6 turn(s) replay exactly" in out


def forge(path: Path, sql: str, *params) -> None:
    db = sqlite3.connect(path)
    db.execute(sql, params)
    db.commit()
    db.close()


def test_a_forged_ruling_is_found_and_named(make_match, tmp_path, capsys):
    path = tmp_path / "forged.wargame"
    _, store = played_with_everything(make_match, path)
    store.close()
    better = to_data(argument(0.85)) | {"odds": 0.99}
    forge(
        path,
        "UPDATE intervention SET data = ? WHERE turn = 2 AND kind = 'argument'",
        json.dumps(better),
    )
    code, out, _ = run(capsys, "verify", str(path))
    assert code == 1
    assert "the facilitator's entry 1 (Ruled on Aurelia's argument" in out
    assert "does not make the news the turn saved" in out
    assert "first difference: turn 2" in out
    forge(path, "UPDATE intervention SET kind = 'override' WHERE turn = 2 AND position = 0")
    code, _, err = run(capsys, "verify", str(path))
    assert code == 2 and "does not describe itself consistently" in err
    forge(path, "DELETE FROM intervention WHERE turn = 1 AND position = 3")
    with pytest.raises(SessionError, match="not numbered in order"):
        SessionStore.open(path, readonly=True).load()


def test_an_impossible_entry_is_reported_not_raised(make_match, tmp_path, capsys):
    path = tmp_path / "impossible.wargame"
    _, store = played_with_everything(make_match, path)
    store.close()
    forge(
        path,
        "UPDATE intervention SET data = ? WHERE turn = 1 AND position = 0",
        json.dumps({"kind": "fire_inject", "inject": "flood", "scheduled": False}),
    )
    code, out, _ = run(capsys, "verify", str(path))
    assert code == 1 and "could not be made again: the scenario has no inject 'flood'" in out
    with SessionStore.open(path, readonly=True) as store, pytest.raises(SessionError):
        store.resume(make_player)


def test_a_table_changed_by_another_program_is_refused(make_match, tmp_path):
    path = tmp_path / "changed.wargame"
    _, store = played_with_everything(make_match, path)
    store.close()
    forge(path, "ALTER TABLE intervention ADD COLUMN note TEXT")
    with pytest.raises(SessionError, match="'intervention' is not defined as Crisis Wargame"):
        SessionStore.open(path, readonly=True)


def test_a_format_2_file_is_upgraded(make_match, tmp_path, capsys):
    path = tmp_path / "old.wargame"
    match = make_match()
    with SessionStore.create(path, match, player_factory=make_player):
        match.resolve_turn()
    db = sqlite3.connect(path)  # exactly what format 2 wrote: no table for the facilitator
    db.execute("DROP INDEX ix_intervention_kind")
    db.execute("DROP TABLE intervention")
    db.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    db.execute("PRAGMA user_version = 2")
    db.commit()
    db.close()
    code, out, _ = run(capsys, "verify", str(path))
    assert code == 0 and "turn 1: ok" in out
    with SessionStore.open(path) as store:
        assert store.upgraded_from == 2 and store.backup_path is not None
        resumed = store.resume(make_player)
        resumed.intervene(argument())
    with SessionStore.open(path, readonly=True) as store:
        assert store.upgraded_from is None
        assert store.load().interventions_of(2)[0] == argument()


def test_a_paused_session_resumed_in_the_terminal_plays_on(make_match, tmp_path, capsys):
    path = tmp_path / "paused.wargame"
    match = make_match()
    with SessionStore.create(path, match, player_factory=make_player):
        match.resolve_turn()
        match.intervene(ClockChange(action="pause"))
    code, out, err = run(capsys, "resume", str(path))
    assert code == 0, err
    assert "the facilitator had paused the game; it is resumed" in out
    code, out, _ = run(capsys, "verify", str(path))
    assert code == 0 and "turn 2: facilitator: Resumed the game" in out
