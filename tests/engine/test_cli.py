"""The command-line contract: validate and play."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wargame.cli import main

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
SHIPPED = sorted(SCENARIOS.glob("*.yaml"))


def run_cli(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out + out.err


def test_validate_all_shipped_scenarios_exits_zero(capsys):
    code, out = run_cli(capsys, "validate", *map(str, SHIPPED))
    assert code == 0, out


def test_validate_a_broken_copy_exits_two_naming_file_and_field(capsys, tmp_path):
    broken = tmp_path / "broken.yaml"
    text = (
        (SCENARIOS / "tutorial_strait.yaml")
        .read_text()
        .replace("economy: 90", "economy: plenty", 1)
    )
    broken.write_text(text)
    code, out = run_cli(capsys, "validate", str(SHIPPED[0]), str(broken))
    assert code == 2
    assert f"{broken}: states[1].economy:" in out
    assert "number" in out


def test_validate_binary_file_without_traceback(tmp_path):
    junk = tmp_path / "junk.yaml"
    junk.write_bytes(bytes(range(256)) * 10)
    proc = subprocess.run(
        [sys.executable, "-m", "wargame", "validate", str(junk)], capture_output=True, text=True
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stdout + proc.stderr
    assert str(junk) in proc.stdout


@pytest.mark.parametrize("scenario", SHIPPED, ids=lambda p: p.stem)
def test_play_all_computer_gives_the_same_hash_twice(capsys, scenario):
    # the default level everywhere but the 28-state committee (normal costs ~15 s a game there)
    level = ["--level", "easy"] if scenario.stem == "crisis_committee" else []
    args = ("play", str(scenario), "--seed", "7", "--computer", "all", *level)
    code1, out1 = run_cli(capsys, *args)
    code2, out2 = run_cli(capsys, *args)
    assert code1 == code2 == 0
    last1, last2 = out1.strip().splitlines()[-1], out2.strip().splitlines()[-1]
    assert last1.startswith("state_hash: ") and len(last1.split()[-1]) == 32
    assert last1 == last2
    assert "Turn 1:" in out1 and "Final scores" in out1


def test_play_as_a_human_seat_on_the_terminal():
    # aurelia is asked every turn; it passes except for turn 1 where it picks order 1
    answers = "1\n" + "\n" * 10
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "wargame",
            "play",
            "tutorial_strait",
            "--seed",
            "7",
            "--computer",
            "borduria,carpathia,dalmora",
        ],
        input=answers,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("== Aurelia, turn") == 6
    assert proc.stdout.strip().splitlines()[-1].startswith("state_hash: ")


def test_play_stops_cleanly_when_input_ends():
    proc = subprocess.run(
        [sys.executable, "-m", "wargame", "play", "tutorial_strait", "--computer", "none"],
        input="",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1
    assert "no more input" in proc.stderr and "Traceback" not in proc.stderr


def test_play_rejects_unknown_computer_seat(capsys):
    code, out = run_cli(capsys, "play", "tutorial_strait", "--computer", "atlantis")
    assert code == 2 and "atlantis" in out


def test_play_unknown_scenario(capsys):
    code, out = run_cli(capsys, "play", "no_such_scenario")
    assert code == 2 and "tutorial_strait" in out


def test_console_script_is_installed():
    assert shutil.which("wargame") or (Path(sys.executable).parent / "wargame").exists()


def test_scenarios_lists_bundled_and_user_scenarios_with_problems(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("WARGAME_DATA_DIR", str(tmp_path))
    (tmp_path / "scenarios").mkdir()
    shutil.copy(SCENARIOS / "tutorial_strait.yaml", tmp_path / "scenarios" / "mine.yaml")
    (tmp_path / "scenarios" / "broken.yaml").write_text("id: broken\n")
    code, out = run_cli(capsys, "scenarios")
    assert code == 0
    assert "bundled:northern_sea.yaml" in out
    assert str(tmp_path / "scenarios" / "mine.yaml") in out
    assert f"{tmp_path / 'scenarios' / 'broken.yaml'}: title: is required but missing" in out
    assert f"Your own scenarios go in: {tmp_path / 'scenarios'}" in out
