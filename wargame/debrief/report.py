"""The after-action report as data: for the facilitator (everything, the seed revealed) or for one
seat (only what its views held, its own objectives and score; the seed once the game is over).
`wargame report`, File > Export report and the debrief screen all render this."""

from __future__ import annotations

from dataclasses import dataclass

from ..enums import Rung
from ..view import SeatView
from .affairs import Affairs, affairs
from .outcomes import SeatOutcome, outcomes
from .played import Played, SeatPlayer
from .questions import Question, questions
from .timeline import TurnStory, timeline
from .words import Words, number, rung_words

INDICATORS = ("military", "economy", "stability", "reputation")


@dataclass(frozen=True)
class Charts:
    """Figures after each turn (turn 0 = the start), per state name, as the reader saw them."""

    turns: tuple[int, ...]
    names: tuple[str, ...]
    indicators: dict[str, dict[str, tuple[float, ...]]]  # indicator -> state name -> values
    estimated: tuple[str, ...]  # states whose military the reader could only estimate
    tension: tuple[float, ...]
    escalation: tuple[int, ...]
    rungs: tuple[str, ...]  # the ladder's rungs in words, lowest first


@dataclass(frozen=True)
class Report:
    title: str
    turn_length: str
    reader: str  # "the facilitator" or the seat's name
    seat: str | None
    finished: bool
    turns_played: int
    turns_total: int
    summary: str
    seed: int | None  # None in a seat's report of a game still going on
    seats: tuple[SeatPlayer, ...]
    timeline: tuple[TurnStory, ...]
    affairs: Affairs
    outcomes: tuple[SeatOutcome, ...]
    questions: tuple[Question, ...]
    charts: Charts


def build_report(played: Played, seat: str | None = None) -> Report:
    played.check_seat(seat)
    views = played.views(seat)
    if seat is None:
        views_by_seat = {s: played.views(s) for s in played.scenario.state_ids}
    else:
        views_by_seat = {seat: views}
    # outcomes judged on each seat's own views; the facilitator sees them all
    seat_outcomes = outcomes(played, views_by_seat)
    words = Words(played.scenario)
    seats = played.seats
    if seat is not None:  # others' computer players' kinds are not the seat's to know
        seats = tuple(
            s if s.seat == seat else SeatPlayer(s.seat, s.name, s.computer) for s in seats
        )
    return Report(
        title=played.scenario.title,
        turn_length=played.scenario.turn_length,
        reader="the facilitator" if seat is None else played.seat(seat).name,
        seat=seat,
        finished=played.finished,
        turns_played=len(played.turns),
        turns_total=played.scenario.turns,
        summary=summary(played, views),
        seed=played.seed if seat is None or played.finished else None,
        seats=seats,
        timeline=timeline(played, seat),
        affairs=affairs(played, views, seat),
        outcomes=seat_outcomes,
        questions=questions(views, seat_outcomes, words),
        charts=charts(views, seat),
    )


def summary(played: Played, views: list[SeatView]) -> str:
    final = views[-1].state
    peak = max(v.state.escalation for v in views)
    done = len(played.turns)
    played_words = (
        f"All {done} turns were played."
        if played.finished
        else f"{done} of {played.scenario.turns} turns have been played."
    )
    return (
        f"{played_words} The crisis began at {rung_words(views[0].state.escalation)} and "
        f"{'ended' if played.finished else 'stands'} at {rung_words(final.escalation)}; the "
        f"highest rung reached was {rung_words(peak)}. Global tension went from "
        f"{number(views[0].state.tension, 0)} to {number(final.tension, 0)} of 100."
    )


def charts(views: list[SeatView], seat: str | None) -> Charts:
    scenario = views[0].state.scenario
    names = tuple(scenario.state_names[s] for s in scenario.state_ids)
    indicators = {
        name: {
            scenario.state_names[sid]: tuple(
                float(getattr(v.state.country(sid), name)) for v in views
            )
            for sid in scenario.state_ids
        }
        for name in INDICATORS
    }
    estimated = tuple(
        scenario.state_names[s] for s in scenario.state_ids if seat is not None and s != seat
    )
    return Charts(
        tuple(range(len(views))),
        names,
        indicators,
        estimated,
        tuple(v.state.tension for v in views),
        tuple(v.state.escalation for v in views),
        tuple(r.words for r in Rung),
    )
