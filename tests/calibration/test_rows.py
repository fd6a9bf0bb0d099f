"""Calibration rows: their basis (calibrated or by construction), what counts as a pass, and
success by cost level compared within scenarios."""

from __future__ import annotations

import pytest

from wargame.calibration import basis as basis_module
from wargame.calibration.basis import BASIS, Basis, missing_constants
from wargame.calibration.report import Tally
from wargame.calibration.rows import OUTCOME_TARGETS, TARGETS, calibration_rows, cost_mix

from .helpers import calls, disputes, episode, record


def _rows(records):
    return {r.id: r for r in calibration_rows(records)}


def test_every_row_has_a_basis_and_the_constants_it_names_exist():
    ids = {t.id for t in TARGETS + OUTCOME_TARGETS} | {"success_monotonic"}
    assert set(BASIS) == ids
    assert missing_constants() == [], (
        "a constant that fixes a row by construction is gone: review its label in "
        "wargame/calibration/basis.py"
    )
    for row_id, b in BASIS.items():
        assert b.why, row_id
        assert bool(b.fixed_by) == b.by_construction, row_id  # say what fixes it


def test_rows_by_construction_are_labelled_and_left_out_of_the_pass_count():
    rows = calibration_rows([record("s", votes=[{"art27_ok": True}] * 5)])
    by_id = {r.id: r for r in rows}
    assert by_id["council_art27"].by_construction and by_id["council_art27"].passed
    assert by_id["council_art27"].to_dict()["by_construction"] is True
    assert by_id["mid_war"].to_dict()["by_construction"] is False
    tally = Tally.of(rows)
    built = sum(BASIS[r.id].by_construction for r in rows)
    assert (tally.by_construction, tally.calibrated) == (built, len(rows) - built)
    assert tally.holding == 1  # the Charter row; the others have no cases here


def test_the_label_is_data_a_row_can_be_flipped(monkeypatch):
    monkeypatch.setitem(BASIS, "council_art27", Basis(False, "now a rate of the model"))
    row = _rows([record("s", votes=[{"art27_ok": True}])])["council_art27"]
    assert not row.by_construction and row.why == "now a rate of the model"
    monkeypatch.delitem(BASIS, "mid_war")
    assert not basis_module.basis("mid_war").by_construction  # unlisted rows are calibrated


def test_too_few_cases_is_a_note_not_a_miss():
    few = _rows([record("s", disputes=disputes(50, 40))])["mid_war"]  # min 200 disputes
    assert few.status == "too few cases" and not few.passed and not few.enough
    off = _rows([record("s", disputes=disputes(400, 200))])["mid_war"]
    assert off.status == "off target" and off.enough and not off.passed
    on = _rows([record("s", disputes=disputes(400, 18))])["mid_war"]
    assert on.status == "pass"
    tally = Tally.of([few, off, on])
    assert (tally.passed, tally.off_target, tally.too_few) == (1, 1, 1)


def test_honour_rows_count_answers_by_treaty_kind():
    rows = _rows([record("s", invocations=calls("alliance", 3, 1) + calls("defense_pact", 1, 3))])
    assert rows["alliance_honoured"].value == 0.75 and rows["pact_honoured"].value == 0.25


def _episodes(cost: str, n: int, conceded: int) -> list[dict]:
    return [episode(cost, i < conceded) for i in range(n)]


def test_cost_mix_counts_episodes_and_concessions_per_scenario():
    records = [
        record("a", sanctions=_episodes("minor", 4, 1) + _episodes("severe", 2, 2)),
        record("b", sanctions=_episodes("major", 3, 0)),
    ]
    mix = cost_mix(records)
    assert mix["a"] == {"minor": (4, 1), "major": (0, 0), "severe": (2, 2)}
    assert mix["b"]["major"] == (3, 0)


def test_success_by_cost_is_compared_within_scenarios_not_across_them():
    # Simpson's paradox: within each scenario success falls from minor to major, but scenario b,
    # where targets give in easily, has mostly major episodes, so the pooled rates rise
    a = _episodes("minor", 90, 18) + _episodes("major", 10, 1) + _episodes("severe", 10, 10)
    b = _episodes("minor", 10, 9) + _episodes("major", 90, 72) + _episodes("severe", 10, 10)
    rows = _rows([record("a", sanctions=a), record("b", sanctions=b)])
    assert rows["success_minor"].value < rows["success_major"].value  # pooled: 0.27 < 0.73
    trend = rows["success_monotonic"]
    assert trend.enough and not trend.passed and trend.value == 0.0
    assert "minor 0.55 >= major 0.45 in a, b" in trend.note


def test_the_trend_is_not_judged_when_no_scenario_has_two_cost_levels():
    records = [
        record("a", sanctions=_episodes("minor", 100, 40)),
        record("b", sanctions=_episodes("major", 100, 70)),
        record("c", sanctions=_episodes("severe", 100, 80)),
    ]
    trend = _rows(records)["success_monotonic"]
    assert trend.status == "too few cases" and trend.value is None
    assert "no scenario has both" in trend.note


@pytest.mark.parametrize("severe", [10, 2])
def test_a_rising_trend_within_scenarios_passes(severe):
    a = _episodes("minor", 50, 20) + _episodes("major", 50, 35) + _episodes("severe", 20, 18)
    b = _episodes("minor", 40, 20) + _episodes("major", 40, 30) + _episodes("severe", severe, 9)
    trend = _rows([record("a", sanctions=a), record("b", sanctions=b)])["success_monotonic"]
    assert trend.passed
    # a scenario enters a step with at least 5 episodes of each of its two levels
    assert trend.note.endswith("severe 0.90 in a, b" if severe >= 5 else "severe 0.90 in a")
