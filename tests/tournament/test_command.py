"""`wargame tournament`: scripted entrants and outside players against the normal player in the
same seat, the standing checks, scores labelled for what they are, and exit codes that report
errors, not sampling noise."""

from __future__ import annotations

import json

from wargame.calibration.split import DEFAULT_SCENARIOS
from wargame.cli import main
from wargame.commands.tournament import default_scenarios, shipped

from .test_external import players_md_example


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["tournament", "--quiet", "--jobs", "1", "--scenario", "tutorial_strait", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_entrants_are_measured_against_normal_in_the_same_seats(tmp_path, capsys):
    table = tmp_path / "t.json"
    args = ("--games", "2", "--contenders", "hard", "--entrants", "nothing,propose-everything")
    code, out, _ = _run(capsys, *args, "--strict", "--json", str(table))
    data = json.loads(table.read_text())
    played = {r["contender"] for r in data["results"]}
    assert played == {"hard", "nothing", "propose-everything", "normal"}  # normal: the baseline
    assert "| nothing vs normal |" in out and "| hard vs normal |" in out
    for name in ("nothing", "propose-everything"):
        mine = [r for r in data["results"] if r["contender"] == name]
        base = [r for r in data["results"] if r["contender"] == "normal"]
        same = [(r["scenario"], r["seat"], r["seed"]) for r in base]
        assert [(r["scenario"], r["seat"], r["seed"]) for r in mine] == same
    checks = {c["text"].split(" (")[0]: c["holds"] for c in data["checks"]}
    assert set(checks) == {
        "no entrant beats normal",
        "nothing scores at least 10 points below normal",
        "hard at or above normal",
    }
    assert "per 100 objective points at stake" in out and "% of objectives' points" not in out
    assert code == (0 if all(checks.values()) else 1)  # --strict: the checks decide


def test_an_outside_player_plugs_in(tmp_path, capsys):
    path = tmp_path / "cautious.py"
    path.write_text(players_md_example())
    args = ("--games", "2", "--contenders", "none", "--entrants", "none")
    code, out, _ = _run(capsys, *args, "--entrant", f"{path}:Cautious")
    assert code == 0 and f"| {path}:Cautious vs normal |" in out


def test_bad_input_is_refused_with_a_message(tmp_path, capsys):
    code, _, err = _run(capsys, "--entrant", f"{tmp_path}/absent.py:Mine")
    assert code == 2 and "absent.py: no such file" in err and "Traceback" not in err
    code, _, err = _run(capsys, "--entrants", "bluff")
    assert code == 2 and "unknown contender(s) bluff" in err
    code, _, err = _run(capsys, "--games", "1")
    assert code == 2 and "--games must be at least 2" in err
    failing = tmp_path / "bad.py"
    failing.write_text(
        "class Bad:\n    def decide(self, view, rng):\n        raise KeyError('x')\n"
    )
    alone = ("--games", "2", "--contenders", "none", "--entrants", "none")
    code, _, err = _run(capsys, *alone, "--entrant", f"{failing}:Bad")
    assert code == 2 and "decide raised KeyError" in err and "turn 1" in err


def test_the_default_scenarios_are_the_classic_ones():
    assert default_scenarios(shipped()) == tuple(sorted(DEFAULT_SCENARIOS))
    assert set(DEFAULT_SCENARIOS) <= set(shipped()) and "crisis_committee" not in DEFAULT_SCENARIOS
