"""`wargame verify` proves what it prints: forged logs fail (exit 1) naming the turn and seat.

Each forgery below keeps the file consistent enough that replaying its orders still reaches the
saved hashes, which is all verify checked before: computer seats that only pass, edited
objective points, results, reasons and who plays a seat.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from wargame.ai import Decision, make_player
from wargame.match import Match
from wargame.persistence import SessionStore
from wargame.rng import Rng
from wargame.scenario.library import find_scenario

from .helpers import run_cli

PERSON = "aurelia"  # played by a person (a stand-in picks the orders and submits them)


def play(path: Path, computer: dict, seed: int = 5, turns: int | None = None) -> None:
    scenario = find_scenario("tutorial_strait")
    match = Match(scenario, seed, computer)
    stand_in = make_player("easy")
    with SessionStore.create(path, match):
        while not match.finished and (turns is None or len(match.history) < turns):
            for seat in match.waiting_for():
                view, rng = match.view(seat), Rng.for_seat(seed, match.state.turn, seat)
                match.submit(seat, stand_in.decide(view, rng).orders)
            match.resolve_turn()


@pytest.fixture(scope="module")
def honest(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("honest") / "honest.wargame"
    play(
        path,
        {
            "borduria": make_player("normal"),
            "carpathia": make_player("easy", "hawk"),
            "dalmora": make_player("random"),
        },
    )
    return path


@pytest.fixture
def forged(honest: Path, tmp_path: Path) -> Path:
    path = tmp_path / "forged.wargame"
    shutil.copyfile(honest, path)
    return path


def edit(path: Path, sql: str, *params: object) -> None:
    db = sqlite3.connect(path)
    db.execute(sql, params)
    db.commit()
    db.close()


def edit_json(path: Path, table: str, column: str, where: str, change) -> None:
    db = sqlite3.connect(path)
    (text,) = db.execute(f"SELECT {column} FROM {table} WHERE {where}").fetchone()
    data = json.loads(text)
    change(data)
    db.execute(f"UPDATE {table} SET {column} = ? WHERE {where}", (json.dumps(data),))
    db.commit()
    db.close()


def verify_fails_at(path: Path, turn: int, seat: str, problem: str) -> str:
    code, out, err, _ = run_cli("verify", str(path))
    assert code == 1, out + err
    assert f"turn {turn}, seat {seat}: MISMATCH {problem}" in out, out
    assert out.splitlines()[-1].endswith(f"first difference: turn {turn}, seat {seat}"), out
    return out


def test_an_honest_log_verifies(honest: Path):
    code, out, _, _ = run_cli("verify", str(honest))
    assert code == 0, out
    assert out.splitlines()[-1].startswith("all 6 turn(s) replay exactly")
    assert "scores after turn 6, recomputed: Aurelia" in out


class Passer:
    """Saved as the easy player, but passes every turn: a log forged with a consistent hash."""

    name = "heuristic"
    doctrine = None

    def decide(self, view, rng) -> Decision:
        return Decision([], [])


def test_computer_seats_that_only_pass_are_caught(tmp_path: Path):
    path = tmp_path / "passing.wargame"
    play(path, {seat: Passer() for seat in ("borduria", "carpathia", "dalmora")})
    code, out, _, _ = run_cli("verify", str(path))
    assert code == 1
    m = re.search(r"first difference: turn 1, seat (\w+)$", out)
    assert m and m.group(1) in ("borduria", "carpathia", "dalmora"), out
    assert f"seat {m.group(1)}: MISMATCH the computer's orders differ" in out


def test_edited_objective_points_in_the_stored_scenario_are_caught(tmp_path: Path):
    path = tmp_path / "points.wargame"
    play(path, {seat: make_player("normal") for seat in ("borduria", "carpathia", "dalmora")})

    def more_points(scenario: dict) -> None:
        for state in scenario["states"]:
            if state["id"] == "dalmora":
                for objective in state["objectives"]:
                    objective["points"] = 100

    edit_json(path, "session", "scenario_json", "id = 1", more_points)
    code, out, _, _ = run_cli("verify", str(path))
    assert code == 1
    assert re.search(r"first difference: turn 1, seat \w+$", out), out


def test_a_forged_result_is_caught(forged: Path):
    def flip(results: list) -> None:
        results[0][1] = "failed" if results[0][1] != "failed" else "done"

    edit_json(forged, "turn", "results_json", "number = 2", flip)
    db = sqlite3.connect(forged)
    (position,) = json.loads(
        db.execute("SELECT results_json FROM turn WHERE number = 2").fetchone()[0]
    )[0][:1]
    (seat,) = db.execute(
        "SELECT seat FROM turn_order WHERE turn = 2 AND position = ?", (position,)
    ).fetchone()
    db.close()
    verify_fails_at(forged, 2, seat, "the saved result of its order differs")


def test_forged_reasons_are_caught(forged: Path):
    edit_json(
        forged,
        "turn",
        "reasons_json",
        "number = 3",
        lambda reasons: reasons.__setitem__("borduria", ["We always wanted peace."]),
    )
    verify_fails_at(forged, 3, "borduria", "the computer's reasons differ")


def test_a_computer_seat_relabelled_as_a_person_is_caught(forged: Path):
    edit(forged, "UPDATE seat SET controller = 'human', player = NULL WHERE seat = 'carpathia'")
    edit(forged, "UPDATE seat SET doctrine = NULL WHERE seat = 'carpathia'")
    verify_fails_at(forged, 1, "carpathia", "a computer's reasons are recorded")


def test_a_person_relabelled_as_a_computer_is_caught(forged: Path):
    edit(
        forged,
        "UPDATE seat SET controller = 'computer', player = 'heuristic' WHERE seat = ?",
        PERSON,
    )
    verify_fails_at(forged, 1, PERSON, "orders submitted by a person are recorded")


def test_an_impossible_controller_is_caught(forged: Path):
    edit(forged, "UPDATE seat SET controller = 'robot' WHERE seat = 'dalmora'")
    verify_fails_at(forged, 1, "dalmora", "who plays this seat cannot be right")


def test_a_different_computer_player_is_caught(forged: Path):
    edit(forged, "UPDATE seat SET player = 'hard' WHERE seat = 'borduria'")
    verify_fails_at(forged, 1, "borduria", "the computer's")


def test_orders_other_than_those_submitted_are_caught(forged: Path):
    db = sqlite3.connect(forged)
    (turn,) = db.execute("SELECT min(turn) FROM turn_order WHERE seat = ?", (PERSON,)).fetchone()
    db.close()
    edit(
        forged, "UPDATE submission SET orders_json = '[]' WHERE turn = ? AND seat = ?", turn, PERSON
    )
    verify_fails_at(forged, turn, PERSON, "the resolved orders differ from the orders this seat")


def test_orders_saved_for_a_computer_seat_in_the_turn_in_progress_are_caught(tmp_path: Path):
    path = tmp_path / "unfinished.wargame"
    play(path, {"borduria": make_player("easy")}, turns=2)
    edit(
        path,
        "INSERT INTO submission VALUES (3, 'borduria', '[]', '2025-01-01T00:00:00+00:00')",
    )
    verify_fails_at(path, 3, "borduria", "orders submitted by a person are recorded")
