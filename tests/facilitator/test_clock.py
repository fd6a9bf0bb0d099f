"""The turn's clock on a clock the test moves: limits, more time, pause and resume."""

from __future__ import annotations

from wargame.facilitator import ClockChange, TurnClock, follow
from wargame.facilitator.clock import restored


class Now:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


def test_a_limit_runs_down_and_falls_due():
    now = Now()
    clock = TurnClock(now, 60)
    assert clock.limited and clock.left() == 60 and not clock.due()
    now.t += 59.5
    assert not clock.due()
    now.t += 1
    assert clock.due() and clock.left() == 0
    clock.start_turn()  # the next turn gets its full time
    assert clock.left() == 60


def test_a_pause_holds_the_time_and_more_time_is_added():
    now = Now()
    clock = TurnClock(now)
    assert not clock.limited and clock.left() is None
    follow(clock, ClockChange(action="deadline", seconds=300, at_deadline="pass"))
    assert clock.at_deadline == "pass"
    now.t += 100
    follow(clock, ClockChange(action="pause"))
    now.t += 1000
    assert clock.left() == 200 and not clock.due()
    follow(clock, ClockChange(action="extend", seconds=60))
    follow(clock, ClockChange(action="resume"))
    now.t += 250
    assert clock.left() == 10
    follow(clock, ClockChange(action="clear"))
    assert clock.left() is None and not clock.due()


def test_a_reopened_session_gets_the_clock_its_log_set(make_match):
    match = make_match()
    match.intervene(ClockChange(action="deadline", seconds=120, at_deadline="pass"))
    match.resolve_turn()
    match.intervene(ClockChange(action="pause"))
    clock = restored(Now(), match)
    assert clock.seconds == 120 and clock.at_deadline == "pass" and clock.paused
    assert clock.left() == 120
