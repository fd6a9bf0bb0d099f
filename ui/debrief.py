"""The end-of-game debrief as data: scores against objectives, outcomes, what happened and why
the computer players did what they did. At the end everything is revealed (the facilitator's
view, seat None), including secret objectives. Pure Python: no Qt."""

from __future__ import annotations

from dataclasses import dataclass

from wargame.match import Match
from wargame.scenario import ESCALATION_RUNGS
from wargame.scoring import scores
from wargame.view import view_for

from .game_setup import player_label
from .labels import Labeller, pretty
from .viewmodels import ObjectiveRow, TurnEvents, event_rows


@dataclass(frozen=True)
class ScoreRow:
    state_id: str
    name: str
    played_by: str
    objectives: tuple[ObjectiveRow, ...]
    objective_points: int
    possible_points: int
    obligation_points: int
    total: int
    outcome: str


@dataclass(frozen=True)
class Debrief:
    title: str
    turns_played: int
    final_rung: str
    max_rung: str
    final_tension: float
    scores: tuple[ScoreRow, ...]
    timeline: tuple[TurnEvents, ...]
    reasons: tuple[
        tuple[int, tuple[tuple[str, tuple[str, ...]], ...]], ...
    ]  # turn -> (state and who played it, reasons)


def debrief(match: Match) -> Debrief:
    s = match.state
    lab = Labeller(s)
    rows = tuple(
        ScoreRow(
            sid,
            lab.name(sid),
            player_label(match, sid),
            tuple(
                ObjectiveRow(r.objective.text, r.objective.points, r.objective.secret, r.met)
                for r in sc.objectives
            ),
            sc.objective_points,
            sc.possible_points,
            sc.obligation_points,
            sc.total,
            sc.outcome,
        )
        for sid, sc in scores(s).items()
    )
    timeline = tuple(
        TurnEvents(r.turn, tuple(event_rows(view_for(r.state, None, r.events))))
        for r in match.history
    )
    reasons = tuple(
        (
            r.turn,
            tuple(
                (f"{lab.name(seat)} \u2014 {player_label(match, seat)}", tuple(why))
                for seat, why in r.reasons.items()
            ),
        )
        for r in match.history
        if r.reasons
    )
    return Debrief(
        s.scenario.title,
        len(match.history),
        pretty(s.rung_name),
        pretty(ESCALATION_RUNGS[s.max_escalation]),
        s.tension,
        rows,
        timeline,
        reasons,
    )
