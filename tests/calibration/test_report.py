"""The calibration report: tune and held-out slices, per-scenario rows, the cost-level mix, the
doctrine worlds side by side, and which rows count as real misses."""

from __future__ import annotations

from wargame.calibration.report import (
    HELD_OUT,
    POOLED,
    TUNE,
    build_report,
    format_setting,
    format_worlds,
    setting_json,
)
from wargame.calibration.runner import Setting
from wargame.calibration.split import TUNE_SCENARIOS, split

from .helpers import disputes, episode, record


def _records():
    return [
        record("s1", disputes=disputes(300, 14), sanctions=[episode("minor", True)] * 20),
        record("s2", disputes=disputes(300, 13), sanctions=[episode("major", False)] * 3),
        record("s3", disputes=disputes(300, 25)),  # held out: more wars
    ]


def test_the_split_is_explicit_and_unknown_scenarios_are_held_out():
    tune, held = split(["river_delta", "my_crisis", *TUNE_SCENARIOS])
    assert tune == sorted(TUNE_SCENARIOS) and held == ["my_crisis", "river_delta"]
    assert split(["a", "b", "c"], tune=["b"]) == (["b"], ["a", "c"])


def test_rows_are_reported_pooled_tuned_held_out_and_per_scenario():
    rep = build_report(Setting("normal"), _records(), tune=["s1", "s2"])
    assert (rep.tune, rep.held_out) == (["s1", "s2"], ["s3"])
    assert set(rep.slices) == {POOLED, TUNE, HELD_OUT} and set(rep.by_scenario) == {
        "s1",
        "s2",
        "s3",
    }
    slices = rep.slices | rep.by_scenario
    war = {name: next(r for r in rows if r.id == "mid_war") for name, rows in slices.items()}
    assert (war[POOLED].n, war[TUNE].n, war[HELD_OUT].n, war["s3"].n) == (900, 600, 300, 300)
    assert war[TUNE].status == "pass" and war[HELD_OUT].status == "off target"
    assert rep.failures() == [
        "level normal, each state's own doctrine, held-out: "
        "Militarized disputes that escalate to war"
    ]


def test_the_text_report_shows_every_slice_and_the_cost_levels_within_scenarios():
    text = format_setting(build_report(Setting("hard", "dove"), _records(), tune=["s1", "s2"]))
    assert "== level hard, every state dove: 3 crises ==" in text
    assert "Held out (s3):" in text and "Pooled:" in text and "Cost trend within scenarios" in text
    header = next(line for line in text.splitlines() if line.startswith("row "))
    assert header.split() == ["row", "pooled", "tune", "held-out", "s1", "s2", "s3"]
    assert "council_art27 (by construction)" in text
    assert "s1: 100% of its episodes are minor: its cost levels barely vary" in text
    assert "FAIL" not in text


def test_the_json_report_carries_labels_tallies_and_the_cost_mix():
    data = setting_json(build_report(Setting(), _records(), tune=["s1", "s2"]))
    assert (data["level"], data["doctrine"], data["held_out_scenarios"]) == ("easy", "own", ["s3"])
    pooled = data["slices"][POOLED]
    assert {"by_construction", "status", "basis", "enough_cases"} <= set(pooled["rows"][0])
    assert pooled["tally"]["by_construction"] == sum(r["by_construction"] for r in pooled["rows"])
    assert data["cost_mix"]["s1"]["minor"] == {"episodes": 20, "conceded": 20}
    assert set(data["scenarios"]) == {"s1", "s2", "s3"} and "rows" in data["scenarios"]["s3"]


def test_every_scenario_tuned_means_no_held_out_slice():
    rep = build_report(Setting(), _records(), tune=["s1", "s2", "s3"])
    assert HELD_OUT not in rep.slices and rep.slices[TUNE] is rep.slices[POOLED]
    assert "Held out: none" in format_setting(rep)


def test_doctrine_worlds_are_compared_side_by_side():
    calm = [record("s1", disputes=disputes(300, 3))]
    hot = [record("s1", disputes=disputes(300, 30))]
    reports = [build_report(Setting("easy", w), r) for w, r in (("dove", calm), ("hawk", hot))]
    text = format_worlds(reports)
    line = next(x for x in text.splitlines() if x.startswith("mid_war"))
    assert line.split()[-1] == "0.09"  # the spread between the worlds: 0.10 - 0.01
    assert "dove" in text.splitlines()[1] and "calibrated rows passing" in text
