"""Objectives met and missed, each with the turn it was decided, and the scores. For a seat only
its own objectives and score, judged on what it saw; for the facilitator every seat's."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..scoring import condition_met, score
from ..view import SeatView
from .played import Played
from .why_outcome import why_outcome
from .words import Words


@dataclass(frozen=True)
class ObjectiveLine:
    text: str
    points: int
    secret: bool
    met: bool
    decided_turn: int  # from this turn on it stayed met (or missed); 0: from the start


@dataclass(frozen=True)
class SeatOutcome:
    seat: str
    name: str
    played_by: str
    objectives: tuple[ObjectiveLine, ...]
    objective_points: int
    possible_points: int
    obligation_points: int
    total: int
    outcome: str
    why: str  # the rule that decided the outcome, in words (why_outcome.py)


def outcomes(
    played: Played, views_by_seat: dict[str, Sequence[SeatView]]
) -> tuple[SeatOutcome, ...]:
    """One outcome per seat in `views_by_seat`, each judged on that seat's own views."""
    out = []
    words = Words(played.scenario)
    for seat, views in views_by_seat.items():
        spec = played.scenario.state(seat)
        final = views[-1].state
        sc = score(final, seat)
        lines = []
        for objective in spec.objectives:
            history = [condition_met(v.state, seat, objective) for v in views]
            lines.append(
                ObjectiveLine(
                    objective.text,
                    objective.points,
                    objective.secret,
                    history[-1],
                    decided_turn(history),
                )
            )
        player = played.seat(seat)
        out.append(
            SeatOutcome(
                seat,
                player.name,
                player.played_by,
                tuple(lines),
                sc.objective_points,
                sc.possible_points,
                sc.obligation_points,
                sc.total,
                sc.outcome,
                why_outcome(final, seat, words),
            )
        )
    return tuple(out)


def decided_turn(history: Sequence[bool]) -> int:
    """The first turn from which the answer stayed what it was at the end (0: the start)."""
    final = history[-1]
    turn = len(history) - 1
    while turn > 0 and history[turn - 1] == final:
        turn -= 1
    return turn


def decided_words(line: ObjectiveLine) -> str:
    if line.met:
        return (
            "met from the start" if line.decided_turn == 0 else f"met on turn {line.decided_turn}"
        )
    if line.decided_turn == 0:
        return "never met"
    return f"lost on turn {line.decided_turn}"
