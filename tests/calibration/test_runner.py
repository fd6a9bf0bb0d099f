"""The calibration runner: real games in every setting, the same records on any number of
processes, the computer level and doctrine world of every seat, and where the time goes."""

from __future__ import annotations

import pytest

from wargame.calibration.records import crisis_record
from wargame.calibration.runner import (
    Setting,
    Timing,
    chunk_size,
    play_crisis,
    run_calibration,
)
from wargame.state import state_hash


@pytest.fixture(scope="module")
def library(tutorial):
    return {tutorial.id: tutorial}


def test_the_same_records_on_one_process_or_two(library):
    settings = (Setting("easy"), Setting("easy", "hawk"))
    one = run_calibration(6, 1, 7, library, settings)
    two = run_calibration(6, 2, 7, library, settings)
    assert one.records == two.records
    assert [r["doctrine"] for r in one.records[settings[1]]] == ["hawk"] * 6
    assert one.records[settings[0]] != one.records[settings[1]]  # hawks play otherwise
    assert [r["seed"] for r in one.records[settings[0]]] == [
        r["seed"] for r in one.records[settings[1]]
    ]  # every setting plays the same crises


def test_every_seat_plays_at_the_level_asked(library, tutorial):
    normal = Setting("normal")
    rec = run_calibration(1, 1, 3, library, (normal,)).records[normal][0]
    easy = crisis_record(play_crisis(tutorial, rec["seed"], Setting("easy")))
    assert rec["level"] == "normal" and rec != easy | {"level": "normal", "doctrine": "own"}


def test_timing_splits_the_processor_time_without_changing_the_game(tutorial):
    timing = Timing()
    timed = play_crisis(tutorial, 11, Setting(), timing)
    assert state_hash(timed) == state_hash(play_crisis(tutorial, 11))
    assert 0 <= timing.deciding <= timing.turns  # the decisions are timed inside the turns
    results = run_calibration(4, 1, 7, {tutorial.id: tutorial})
    assert results.timing.crises == 4 and results.timing.records >= 0


def test_chunks_keep_every_worker_busy():
    assert chunk_size(8, 2) == 1  # few crises: one a task, so both workers get some
    assert chunk_size(2000, 2) == 20
    assert chunk_size(100, 2) == 13
