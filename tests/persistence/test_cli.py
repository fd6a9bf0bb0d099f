"""`wargame play --save`, `resume`, `verify` and `export`, run in-process."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

from wargame.cli import main
from wargame.persistence import SessionStore

from .helpers import fingerprint


def test_play_save_then_verify(sessions: Path, capsys):
    path = sessions / "cli.wargame"
    assert (
        main(
            [
                "play",
                "tutorial_strait",
                "--seed",
                "3",
                "--computer",
                "all",
                "--save",
                str(path),
                "--quiet",
            ]
        )
        == 0
    )
    played_hash = capsys.readouterr().out.strip().splitlines()[-1]
    assert main(["verify", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in out[1:7]] == [f"turn {n}" for n in range(1, 7)]
    assert all(" ok " in line for line in out[1:7])
    assert out[6].endswith(played_hash.removeprefix("state_hash: "))


def test_play_save_refuses_an_existing_file(finished_file: Path, capsys):
    before = fingerprint(finished_file.parent)
    assert main(["play", "tutorial_strait", "--save", str(finished_file), "--quiet"]) == 2
    assert "already exists" in capsys.readouterr().err
    assert fingerprint(finished_file.parent) == before


def test_export_writes_the_whole_log(finished_file: Path, tmp_path: Path):
    out = tmp_path / "log.json"
    before = fingerprint(finished_file.parent)
    assert main(["export", str(finished_file), "--json", str(out), "--full"]) == 0
    data = json.loads(out.read_text())
    with SessionStore.open(finished_file, readonly=True) as store:
        log = store.load()
    assert data["format"] == "crisis-wargame-log" and data["seed"] == log.seed == 11
    assert data["scenario"]["id"] == "tutorial_strait" and len(data["seats"]) == 4
    assert [t["state_hash"] for t in data["turns"]] == [t.state_hash for t in log.turns]
    assert data["turns"][0]["orders"] == [o.to_dict() for o in log.turns[0].orders]
    assert data["turns"][0]["events"] == [e.to_dict() for e in log.turns[0].events]
    assert data["turns"][-1]["state"]["turn"] == 7
    assert fingerprint(finished_file.parent) == before  # export never writes to the session


def test_export_to_stdout(unfinished_file: Path, capsys):
    assert main(["export", str(unfinished_file), "--json", "-", "--full"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["turns"]) == 2 and data["pending"]["turn"] == 3


def test_resume_finishes_an_all_computer_game(unfinished_file: Path, capsys):
    assert main(["resume", str(unfinished_file)]) == 0
    out = capsys.readouterr().out
    assert "resuming" in out and "at turn 3 of 6" in out and "state_hash:" in out
    assert main(["verify", str(unfinished_file)]) == 0
    assert "all 6 turn(s) replay exactly" in capsys.readouterr().out


def test_resume_of_a_finished_game_says_so(finished_file: Path, capsys):
    assert main(["resume", str(finished_file)]) == 0
    assert "already finished" in capsys.readouterr().out


def test_resume_asks_human_seats_and_saves_as_it_goes(sessions: Path, monkeypatch, capsys):
    path = sessions / "humans.wargame"
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n"))  # one seat passes, then input ends
    assert (
        main(
            [
                "play",
                "tutorial_strait",
                "--computer",
                "carpathia,dalmora",
                "--save",
                str(path),
                "--quiet",
            ]
        )
        == 1
    )
    assert "wargame resume" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n" * 20))  # everyone passes to the end
    assert main(["resume", str(path), "--quiet"]) == 0
    assert main(["verify", str(path)]) == 0


def test_cli_loads_sqlalchemy_only_for_commands_that_save():
    import subprocess

    code = "import sys, wargame.cli as c; c.build_parser(); print('sqlalchemy' in sys.modules)"
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True
    )
    assert out.stdout.strip() == "False"  # `wargame validate`, `play` and the GUI start without it
