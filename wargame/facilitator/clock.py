"""The turn's clock: a time limit per turn that the facilitator sets, extends, pauses and resumes.

The clock reads time from the function it is given (a monotonic clock in a host or a window, a
fake one in tests): the engine itself never reads the time. What the facilitator does to it is
recorded in the session log like every other intervention (`ClockChange`); `follow` applies such
a record to a clock, so the live clock and the log cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .records import AtDeadline


class TurnClock:
    def __init__(
        self,
        clock: Callable[[], float],
        seconds: float | None = None,
        at_deadline: AtDeadline = "computer",
    ):
        self._now = clock
        self.seconds = seconds  # the time each turn gets (None: no limit)
        self.at_deadline: AtDeadline = at_deadline  # what happens to seats without orders
        self._ends: float | None = None  # when this turn's time runs out, while running
        self._left: float | None = None  # the time left, while paused
        self.paused = False
        self.start_turn()

    # --- reading ------------------------------------------------------------------------------

    @property
    def limited(self) -> bool:
        """Whether this turn has a time limit."""
        return self._ends is not None or self._left is not None

    def left(self) -> float | None:
        """Seconds left in this turn (None: no limit); they do not run down while paused."""
        if self._left is not None:
            return max(0.0, self._left)
        if self._ends is None:
            return None
        return max(0.0, self._ends - self._now())

    def due(self) -> bool:
        """The time ran out (never while paused)."""
        return not self.paused and self._ends is not None and self._now() >= self._ends

    # --- the facilitator's controls -----------------------------------------------------------

    def start_turn(self) -> None:
        """A new turn: its full time, counted from now (or from the resume, while paused)."""
        self._ends = self._left = None
        if self.seconds is None:
            return
        if self.paused:
            self._left = self.seconds
        else:
            self._ends = self._now() + self.seconds

    def set(self, seconds: float | None, at_deadline: AtDeadline | None = None) -> None:
        """`seconds` for this turn from now, and for each later turn (None: no limit)."""
        self.seconds = seconds
        if at_deadline is not None:
            self.at_deadline = at_deadline
        self.start_turn()

    def extend(self, seconds: float) -> None:
        """More time for this turn only (a turn without a limit gets one of `seconds`)."""
        if self._left is not None:
            self._left += seconds
        elif self._ends is not None:
            self._ends = max(self._ends, self._now()) + seconds
        elif self.paused:
            self._left = seconds
        else:
            self._ends = self._now() + seconds

    def pause(self) -> None:
        if self.paused:
            return
        self.paused = True
        if self._ends is not None:
            self._left, self._ends = max(0.0, self._ends - self._now()), None

    def resume(self) -> None:
        if not self.paused:
            return
        self.paused = False
        if self._left is not None:
            self._ends, self._left = self._now() + self._left, None


def follow(clock: TurnClock, iv: Any) -> None:
    """Apply a recorded `ClockChange` to a clock."""
    if iv.action == "pause":
        clock.pause()
    elif iv.action == "resume":
        clock.resume()
    elif iv.action == "deadline":
        clock.set(iv.seconds, iv.at_deadline)
    elif iv.action == "extend":
        clock.extend(iv.seconds)
    elif iv.action == "clear":
        clock.set(None, iv.at_deadline)


def restored(clock: Callable[[], float], match: Any) -> TurnClock:
    """The clock as the facilitator left it in `match`'s log (a session opened again): the time
    limit last set, what happens at it, and the pause. The turn in progress starts afresh."""
    turn_clock = TurnClock(clock)
    made = [a for r in match.history for a in r.interventions] + list(match.interventions)
    for applied in made:
        iv = applied.intervention
        if iv.kind == "clock" and iv.action in ("deadline", "clear"):
            turn_clock.set(iv.seconds if iv.action == "deadline" else None, iv.at_deadline)
    if match.paused:
        turn_clock.pause()
    turn_clock.start_turn()
    return turn_clock
