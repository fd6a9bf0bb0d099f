"""Outcome balance (issue 13): no state wins more than 80% of its crises, and perpetrators of
atrocities never end in victory; both rows in the text and JSON reports."""

from __future__ import annotations

from wargame.calibration.outcomes import format_outcomes, outcomes_json, top_winner
from wargame.calibration.report import build_report, format_setting, setting_json
from wargame.calibration.rows import calibration_rows
from wargame.calibration.runner import Setting

from .helpers import record


def crisis(scenario: str, winner: str | None, perpetrator: str | None = None) -> dict:
    states = {
        s: {
            "outcome": "victory" if s == winner else "compromise",
            "perpetrator": s == perpetrator,
        }
        for s in ("ash", "birch", "cedar")
    }
    return record(scenario) | {"states": states}


def _rows(records):
    return {r.id: r for r in calibration_rows(records)}


def test_the_most_victorious_state_is_named_and_judged_against_80_percent():
    records = [crisis("north", "ash" if i < 16 else "birch") for i in range(20)]
    records += [crisis("south", "cedar" if i < 10 else None) for i in range(20)]
    top = top_winner(records)
    assert (top.scenario, top.state, top.victories, top.crises) == ("north", "ash", 16, 20)
    row = _rows(records)["outcome_balance"]
    assert row.value == 0.8 and row.passed and not row.by_construction  # at 80%: still balanced
    assert "ash in north" in row.note
    records[16] = crisis("north", "ash")  # 17 of 20
    row = _rows(records)["outcome_balance"]
    assert row.value == 0.85 and row.status == "off target"
    assert "north: ash wins most often, 17 of 20 crises (0.85) x" in format_outcomes(records)


def test_scenarios_with_too_few_crises_are_not_judged():
    few = [crisis("north", "ash") for _ in range(5)]
    assert top_winner(few) is None
    assert _rows(few)["outcome_balance"].status == "too few cases"
    # a scenario with enough crises is judged, one with too few is left aside
    enough = few + [crisis("south", "birch" if i < 10 else None) for i in range(20)]
    row = _rows(enough)["outcome_balance"]
    assert row.value == 0.5 and row.passed and "birch in south" in row.note


def test_a_perpetrators_victory_is_counted_and_the_row_holds_by_construction():
    records = [crisis("delta", "ash", perpetrator="birch") for _ in range(20)]
    row = _rows(records)["perpetrator_victory"]
    assert row.by_construction and row.value == 0 and row.n == 20 and row.passed
    records.append(crisis("delta", "birch", perpetrator="birch"))  # what the rule forbids
    row = _rows(records)["perpetrator_victory"]
    assert row.value == 1 and row.status == "off target"
    assert _rows([crisis("delta", "ash")])["perpetrator_victory"].status == "too few cases"


def test_the_text_and_json_reports_carry_the_outcome_balance():
    records = [crisis("north", "ash" if i % 2 else "birch") for i in range(30)]
    rep = build_report(Setting("easy"), records, tune=["north"])
    text = format_setting(rep)
    assert "Largest share of its crises any state ends in victory" in text
    assert "Outcome balance" in text and "north: ash wins most often, 15 of 30" in text
    data = setting_json(rep)["outcomes"]
    assert data == outcomes_json(records)
    assert data["scenarios"]["north"]["victory_share"] == {"ash": 0.5, "birch": 0.5, "cedar": 0.0}
    assert data["perpetrator_victories"] == 0 and data["top_winners"][0]["state"] == "ash"
