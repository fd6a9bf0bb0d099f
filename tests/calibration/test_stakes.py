"""What the rules make of a scenario's stakes (`wargame validate --stakes`): every demand a state
could press with sanctions, and the chance its holder gives in, as the rules would judge it."""

from __future__ import annotations

from pathlib import Path

import yaml

from wargame.calibration.stakes import NEARLY_ALWAYS, RARELY, demands, format_demands
from wargame.cli import main
from wargame.scenario import load_scenario
from wargame.scenario.loader import parse_scenario

RIVER_DELTA = Path(__file__).resolve().parents[2] / "scenarios" / "river_delta.yaml"


def _demand(found, sender, holder, issue):
    return next(d for d in found if (d.sender, d.holder, d.issue) == (sender, holder, issue))


def _with_stake(state: str, issue: str, worth: float):
    data = yaml.safe_load(RIVER_DELTA.read_text(encoding="utf-8"))
    spec = next(i for i in data["issues"] if i["id"] == issue)
    next(s for s in spec["stakes"] if s["state"] == state)["worth"] = worth
    return parse_scenario(data, "river_delta (changed)")


def test_every_demand_at_the_start_is_listed_with_its_chances():
    scenario = load_scenario(RIVER_DELTA)
    found = demands(scenario, readings=50)
    # one line for each state that wants an issue's status changed, against its holder
    expected = {
        (stake.state, issue.held_by, issue.id)
        for issue in scenario.issues
        for stake in issue.stakes
        if stake.state != issue.held_by and stake.wants != issue.status
    }
    assert {(d.sender, d.holder, d.issue) for d in found} == expected
    for d in found:
        assert 0.0 <= d.at_threat <= 1.0 and 0.0 <= d.once_imposed <= 1.0
        assert d.cost > 0 and d.worth > 0
    # Nayara's camps are worth little to it against what Ondara's sanctions would cost it;
    # Ondara's siege is worth far more to it than Aventine's sanctions would cost
    camps = _demand(found, "ondara", "nayara", "rebel_camps")
    assert camps.at_threat > NEARLY_ALWAYS and camps.flag == "nearly always gives in"
    siege = _demand(found, "aventine", "ondara", "killings")
    assert siege.at_threat < RARELY and siege.flag == "hardly ever gives in"
    # the sender reckons the chance from its own view (the holder's style unknown to it): close
    # to the holder's own, and a computer sender presses the hopeful demand only
    gaps = [abs(d.reckoned - d.at_threat) for d in found]
    assert max(gaps) < 0.25 and sum(gaps) / len(gaps) < 0.08
    assert camps.pressed and not siege.pressed


def test_the_chance_falls_as_the_holder_values_the_issue_more():
    chances = [
        _demand(
            demands(_with_stake("nayara", "rebel_camps", worth), readings=50),
            "ondara",
            "nayara",
            "rebel_camps",
        ).at_threat
        for worth in (0.3, 0.8, 1.5, 3.0)
    ]
    assert chances == sorted(chances, reverse=True) and chances[0] - chances[-1] > 0.5


def test_the_report_reads_as_a_table_with_its_flags():
    scenario = load_scenario(RIVER_DELTA)
    text = format_demands(scenario, demands(scenario, readings=20))
    assert "ondara -> nayara" in text and "rebel_camps: closed" in text
    assert "nearly always gives in" in text and "hardly ever gives in" in text
    assert "(pressed)" in text and "(not pressed)" in text
    assert (
        "demands a computer sender would press" in text
        and max(len(line) for line in text.splitlines()) < 140
    )


def test_validate_prints_the_stakes_only_when_asked(capsys):
    assert main(["validate", str(RIVER_DELTA)]) == 0
    plain = capsys.readouterr().out
    assert "ok" in plain and "rebel_camps" not in plain
    assert main(["validate", "--stakes", str(RIVER_DELTA)]) == 0
    out = capsys.readouterr().out
    assert "What the rules make of the stakes" in out and "rebel_camps: closed" in out
