"""The end-of-game debrief as data: scores against objectives, outcomes, what happened and why
the computer players did what they did. At the end everything is revealed (the facilitator's
view, seat None), including secret objectives. The engine's debrief (wargame.debrief) adds the
timeline that links outcomes to decisions, the crisis's threads, the objectives' deciding turns
and questions for discussion; `played` is what the what-if page and the report export start
from. Pure Python: no Qt."""

from __future__ import annotations

from dataclasses import dataclass

from wargame.debrief import Played, Report, build_report, played_from_match
from wargame.debrief.words import Words
from wargame.match import Match
from wargame.scenario import ESCALATION_RUNGS
from wargame.scoring import scores
from wargame.view import view_for

from .game_setup import player_label
from .labels import Labeller, pretty
from .viewmodels import ObjectiveRow, TurnEvents, event_rows


@dataclass(frozen=True)
class DecidedObjective(ObjectiveRow):
    decided_turn: int = 0  # from this turn on it stayed met (or missed); 0: from the start


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
    why: str  # the rule that decided the outcome, in words (wargame/debrief/why_outcome.py)


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
    ]  # turn -> (state and who played it, reasons in plain words)
    played: Played
    report: Report  # the facilitator's


def debrief(match: Match) -> Debrief:
    s = match.state
    lab = Labeller(s)
    played = played_from_match(match)
    report = build_report(played)
    decided = {o.seat: o.objectives for o in report.outcomes}
    outcome_why = {o.seat: o.why for o in report.outcomes}
    words = Words(match.scenario)
    rows = tuple(
        ScoreRow(
            sid,
            lab.name(sid),
            player_label(match, sid),
            tuple(
                DecidedObjective(
                    r.objective.text,
                    r.objective.points,
                    r.objective.secret,
                    r.met,
                    line.decided_turn,
                )
                for r, line in zip(sc.objectives, decided[sid], strict=True)
            ),
            sc.objective_points,
            sc.possible_points,
            sc.obligation_points,
            sc.total,
            sc.outcome,
            outcome_why[sid],
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
                (
                    f"{lab.name(seat)} \u2014 {player_label(match, seat)}",
                    tuple(words.reason(line) for line in why),
                )
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
        played,
        report,
    )
