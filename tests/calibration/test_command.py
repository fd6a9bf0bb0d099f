"""`wargame calibrate`: levels, doctrine worlds, scenario files, the tune / held-out split, the
constants list, and an exit code that reports errors, not sampling noise."""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path

import pytest

from wargame.calibration import rows as rows_module
from wargame.calibration.runner import shipped_scenarios
from wargame.calibration.split import DEFAULT_SCENARIOS
from wargame.cli import build_parser, main
from wargame.commands.calibrate import _library

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["calibrate", "--quiet", "--jobs", "1", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_both_commands_are_labelled_for_researchers(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--help"])
    out = capsys.readouterr().out
    for command in ("calibrate", "tournament"):
        line = next(x for x in out.splitlines() if x.strip().startswith(command))
        assert "for researchers" in line


def test_too_few_cases_is_not_a_failure(tmp_path, capsys):
    table = tmp_path / "table.json"
    code, out, _ = _run(
        capsys, "--runs", "3", "--scenario", "tutorial_strait", "--json", str(table)
    )
    data = json.loads(table.read_text())
    assert code == 0 and "FAIL" not in out and "too few cases" in out
    assert any(not r["enough_cases"] for r in data["rows"])
    (setting,) = data["settings"]
    assert (setting["level"], setting["doctrine"]) == ("easy", "own")
    assert setting["tune_scenarios"] == ["tutorial_strait"] and "held-out" not in setting["slices"]


def test_strict_exits_1_when_a_calibrated_row_with_enough_cases_misses(monkeypatch, capsys):
    # make one row impossible to meet and judged on a single case
    targets = tuple(
        dataclasses.replace(t, target=1.0, band=0.001, min_n=1) if t.id == "mid_war" else t
        for t in rows_module.TARGETS
    )
    monkeypatch.setattr(rows_module, "TARGETS", targets)
    args = ("--runs", "4", "--scenario", "tutorial_strait", "--seed", "3")
    code, out, _ = _run(capsys, *args)
    assert code == 0 and "miss their target" in out
    assert "Militarized disputes that escalate to war" in out.split("miss their target")[1]
    assert _run(capsys, *args, "--strict")[0] == 1


def test_levels_and_doctrine_worlds(tmp_path, capsys):
    table = tmp_path / "table.json"
    args = ("--scenario", "tutorial_strait", "--json", str(table))
    code, out, _ = _run(capsys, "--runs", "2", "--robustness", *args)
    worlds = [(s["level"], s["doctrine"]) for s in json.loads(table.read_text())["settings"]]
    assert code == 0
    assert worlds == [("easy", w) for w in ("own", "hawk", "dove", "realist", "institutionalist")]
    assert "== level easy, every state hawk: 2 crises ==" in out
    assert "Doctrine worlds, level easy, pooled" in out
    code, out, _ = _run(capsys, "--runs", "1", "--level", "normal", "--doctrine", "dove", *args)
    (setting,) = json.loads(table.read_text())["settings"]
    assert code == 0 and (setting["level"], setting["doctrine"]) == ("normal", "dove")


def test_scenario_files_are_played_and_held_out(tmp_path, capsys):
    text = (SCENARIOS / "tutorial_strait.yaml").read_text()
    mine = tmp_path / "my_strait.yaml"
    mine.write_text(text.replace("id: tutorial_strait", "id: my_strait", 1))
    records = tmp_path / "crises.jsonl"
    args = ("--runs", "2", "--scenario", "tutorial_strait", "--scenarios", str(mine))
    code, out, _ = _run(capsys, *args, "--records", str(records))
    assert code == 0
    assert "Tuning scenarios: tutorial_strait; held out: my_strait." in out
    lines = [json.loads(x) for x in records.read_text().splitlines()]
    assert [x["scenario"] for x in lines] == ["my_strait", "tutorial_strait"]
    code, out, _ = _run(capsys, *args, "--tune", "my_strait")
    assert code == 0 and "Tuning scenarios: my_strait; held out: tutorial_strait." in out


def test_bad_scenario_files_are_refused_with_a_reason(tmp_path, capsys):
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: broken\nstates: 3\n")
    code, _, err = _run(capsys, "--runs", "2", "--scenarios", str(broken))
    assert code == 2 and "broken.yaml" in err and "Traceback" not in err
    code, _, err = _run(capsys, "--runs", "2", "--scenarios", str(tmp_path / "none.yaml"))
    assert code == 2 and "file not found" in err
    copy = tmp_path / "copy.yaml"
    copy.write_text((SCENARIOS / "tutorial_strait.yaml").read_text())
    code, _, err = _run(capsys, "--scenario", "tutorial_strait", "--scenarios", str(copy))
    assert code == 2 and "the same scenario id 'tutorial_strait'" in err


def test_the_constants_are_listed_and_written_only_between_markers(tmp_path, capsys):
    code, out, _ = _run(capsys, "--constants")
    assert code == 0 and "### Every row's basis" in out and "`BATTLE_EDGE`" in out
    plain = tmp_path / "plain.md"
    plain.write_text("no markers\n")
    code, _, err = _run(capsys, "--constants", "--write", str(plain))
    assert code == 2 and "no constants markers" in err
    code, _, err = _run(capsys, "--write", str(plain))
    assert code == 2 and "--write goes with --constants" in err


def test_the_default_run_plays_the_classic_scenarios_and_any_shipped_one_can_be_named():
    default = _library(argparse.Namespace(scenario=None, scenarios=None))
    assert sorted(default) == sorted(DEFAULT_SCENARIOS)
    for sid in shipped_scenarios():  # a large scenario shipped later: played when named
        assert list(_library(argparse.Namespace(scenario=[sid], scenarios=None))) == [sid]
