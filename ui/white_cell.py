"""The white cell's view-models: what the facilitator's controls offer, and what the projector
may show. Pure Python, no Qt.

`white_cell(match, clock, connected)` is read from the match the white cell steers (a hot-seat
game's or a hosted class's): the inject library with what has happened and what is planned, each
seat with who plays it and whether it has handed in orders, what an override may change (every
figure and record, with its statuses), and the facilitator's record so far. `projector(match,
clock)` is made from `public_view` alone: what an observer who leads no state may know.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wargame.enums import Rung
from wargame.facilitator import describe
from wargame.facilitator.rulings import RECORD_FIELDS, RECORD_STATUSES
from wargame.facilitator.words import record_words
from wargame.match import HandedPlayer, Match
from wargame.view import public_view

from .game_setup import player_label
from .labels import Labeller, pretty
from .viewmodels import EventRow, MapModel, TurnEvents, event_rows, map_model

INDICATORS = ("military", "economy", "stability", "reputation")
FIGURE_WORDS = {
    "military": "Military (true)",
    "economy": "Economy",
    "stability": "Stability",
    "reputation": "Reputation",
    "relation": "Relations between two states",
    "tension": "Tension",
    "escalation": "Escalation rung",
    "deaths": "Deaths in a population at risk",
}
RECORD_WORDS = {
    "treaty": "Treaty",
    "sanctions": "Sanctions",
    "draft": "Council draft",
    "proposal": "Proposal",
    "ultimatum": "Ultimatum",
    "mediation": "Mediation",
    "war": "War",
    "issue": "Issue at stake",
}


@dataclass(frozen=True)
class InjectRow:
    id: str
    title: str
    text: str
    when: str  # its own trigger, in words
    status: str  # "happened on turn 2", "planned for turn 4", "waiting"
    fired: bool
    planned: int | None  # the turn the facilitator scheduled it for


@dataclass(frozen=True)
class SeatRow:
    seat: str
    name: str
    played_by: str  # "person", "computer (normal, realist)", "computer this turn"
    orders: str  # "handed in", "waiting", "computer decides", ""
    connected: bool | None  # None: not a networked class
    by_person: bool  # people play it now (it may be handed to the computer)
    handed: bool  # the facilitator handed it to the computer (it may be given back)
    # the computer played it from the start; at one computer it may be given to a person (a
    # hosted class has no join code for it)
    may_join: bool = False


@dataclass(frozen=True)
class RecordChoice:
    kind: str  # treaty | sanctions | ... | issue
    id: str
    words: str
    status: str  # its status now
    statuses: tuple[str, ...]


@dataclass(frozen=True)
class ClockModel:
    limited: bool
    left: float | None  # seconds left this turn
    per_turn: float | None
    at_deadline: str  # "pass" | "computer"
    paused: bool

    @property
    def words(self) -> str:
        if self.paused:
            return "Paused by the facilitator"
        if self.left is None:
            return "No time limit"
        left = round(self.left)
        return f"Time left {left // 60}:{left % 60:02d}"


@dataclass(frozen=True)
class WhiteCell:
    title: str
    turn: int
    turns: int
    finished: bool
    clock: ClockModel
    injects: tuple[InjectRow, ...]
    seats: tuple[SeatRow, ...]
    states: tuple[tuple[str, str], ...]  # (id, name)
    issues: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...]  # id, name, statuses
    records: tuple[RecordChoice, ...]
    populations: tuple[tuple[str, str, int], ...]  # id, name, people
    record: tuple[tuple[int, str], ...]  # (turn, what the facilitator did), oldest first


def clock_model(clock: Any) -> ClockModel:
    return ClockModel(
        clock.limited, clock.left(), clock.seconds, clock.at_deadline, bool(clock.paused)
    )


def white_cell(
    match: Match, clock: Any, connected: Callable[[str], bool | None] = lambda _seat: None
) -> WhiteCell:
    s = match.state
    lab = Labeller(s)
    return WhiteCell(
        s.scenario.title,
        s.turn,
        s.scenario.turns,
        match.finished,
        clock_model(clock),
        inject_rows(match),
        seat_rows(match, connected),
        tuple((spec.id, spec.name) for spec in s.scenario.states),
        issue_choices(s, lab),
        record_choices(s),
        tuple((p.id, lab.population(p.id), p.people) for p in s.populations),
        facilitator_record(match),
    )


def inject_rows(match: Match) -> tuple[InjectRow, ...]:
    from wargame.debrief.handouts import trigger_words  # as the facilitator's sheet says it

    fired = set(match.state.fired_injects)
    fired_on: dict[str, int] = {}
    for inj in match.state.scenario.injects:
        for record in [*match.history, None]:
            events = record.events if record is not None else match.live_events()
            if any(
                e.kind == "InjectOccurred" and e.text.startswith(f"{inj.title}:") for e in events
            ):
                fired_on.setdefault(inj.id, record.turn if record is not None else match.state.turn)
    rows = []
    for inj in match.state.scenario.injects:
        planned = match.schedule.get(inj.id)
        if inj.id in fired:
            turn = fired_on.get(inj.id)
            status = f"happened on turn {turn}" if turn else "has happened"
        elif planned is not None:
            status = f"planned for turn {planned}"
        else:
            status = "in the library"
        rows.append(
            InjectRow(
                inj.id,
                inj.title,
                inj.text,
                trigger_words(inj.when),
                status,
                inj.id in fired,
                planned,
            )
        )
    return tuple(rows)


def seat_rows(match: Match, connected: Callable[[str], bool | None]) -> tuple[SeatRow, ...]:
    waiting = set(match.waiting_for())
    out = []
    for spec in match.state.scenario.states:
        seat = spec.id
        player = match.players().get(seat)
        if seat in match.stand_ins:
            played_by = "computer, this turn (the time ran out)"
        else:
            played_by = player_label(match, seat)
        if match.finished:
            orders = ""
        elif seat in match.pending:
            orders = "handed in"
        elif seat in waiting:
            orders = "waiting"
        else:
            orders = "computer decides"
        out.append(
            SeatRow(
                seat,
                spec.name,
                played_by,
                orders,
                connected(seat),
                player is None,
                isinstance(match.computer.get(seat), HandedPlayer),
                connected(seat) is None
                and seat in match.computer
                and not isinstance(match.computer.get(seat), HandedPlayer),
            )
        )
    return tuple(out)


def issue_choices(
    s: Any, lab: Labeller
) -> tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...]:
    out = []
    for issue in getattr(s, "issues", ()):
        spec = s.scenario.issue(issue.id)
        if spec is None:
            continue
        out.append((issue.id, spec.name, tuple(spec.outcomes.items())))
    return tuple(out)


def record_choices(s: Any) -> tuple[RecordChoice, ...]:
    out = []
    for kind, field in RECORD_FIELDS.items():
        for record in getattr(s, field):
            status = _status(kind, record)
            out.append(
                RecordChoice(
                    kind, record.id, record_words(s, kind, record.id), status, RECORD_STATUSES[kind]
                )
            )
    for issue in getattr(s, "issues", ()):
        spec = s.scenario.issue(issue.id)
        if spec is not None:
            out.append(
                RecordChoice(
                    "issue",
                    issue.id,
                    f"the status of {spec.name}",
                    issue.status,
                    tuple(spec.outcomes),
                )
            )
    return tuple(out)


def _status(kind: str, record: Any) -> str:
    if kind == "war":
        if record.ended_turn is None:
            return "ongoing"
        return {"a": "attackers_won", "b": "defenders_won"}.get(
            str(record.winner), str(record.ended_by or "ceasefire")
        )
    return str(record.stage if kind == "sanctions" else record.status)


def current_figure(
    s: Any, figure: str, state: str | None, other: str | None, subject: str | None
) -> float | None:
    """The figure's value now (what an override would change), or None if the choice is
    incomplete."""
    if figure in INDICATORS:
        return None if state is None else getattr(s.country(state), figure)
    if figure == "relation":
        return (
            None if state is None or other is None or state == other else s.relation(state, other)
        )
    if figure == "tension":
        return s.tension
    if figure == "escalation":
        return float(s.escalation)
    if figure == "deaths":
        found = next((p for p in s.populations if p.id == subject), None)
        return None if found is None else float(found.deaths)
    return None


def made_words(applied: Any) -> str:
    """What the facilitator just did, in words; for a ruling, what the dice decided."""
    words = describe(applied.intervention, applied.state)
    if applied.kind == "argument" and applied.events:
        numbers = dict(applied.events[0].numbers)
        roll = numbers.get("roll (succeeds below the chance)", 1.0)
        verdict = "it succeeded" if roll < applied.intervention.odds else "it failed"
        words += f"; the dice decided: {verdict} (roll {roll:.2f})"
    return words


def facilitator_record(match: Match) -> tuple[tuple[int, str], ...]:
    made = [a for r in match.history for a in r.interventions] + list(match.interventions)
    return tuple((a.turn, describe(a.intervention, a.state)) for a in made)


# --- the projector ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CouncilLine:
    title: str
    result: str


@dataclass(frozen=True)
class Projector:
    """What the class screen shows: public facts only (made from `public_view`)."""

    title: str
    turn: int
    turns: int
    finished: bool
    rung: int
    max_rung: int
    rung_words: str
    tension: float
    map: MapModel
    news: tuple[TurnEvents, ...]  # this turn's public news (and the facilitator's, so far)
    council: tuple[CouncilLine, ...]
    clock: ClockModel
    has_council: bool = True  # False: the scenario seats no Security Council (no panel for it)


def projector(match: Match, clock: Any) -> Projector:
    view = public_view(match.state, match.live_events())
    s = view.state
    lab = Labeller(s)
    rows = event_rows(view)
    turns = sorted(
        {r.turn for r in rows}, reverse=True
    )  # the facilitator's news of this turn first
    news = tuple(TurnEvents(t, tuple(r for r in rows if r.turn == t)) for t in turns)
    return Projector(
        s.scenario.title,
        s.turn,
        s.scenario.turns,
        s.finished,
        s.escalation,
        s.max_escalation,
        pretty(Rung(s.escalation).word),
        s.tension,
        map_model(s, None),
        news,
        council_lines(s, lab),
        clock_model(clock),
        s.scenario.organizations.security_council is not None,
    )


def council_lines(s: Any, lab: Labeller) -> tuple[CouncilLine, ...]:
    """Every Security Council draft with how it went: public in any Council."""
    out = []
    for d in reversed(s.drafts):
        counts = {v: sum(1 for _m, vote in d.votes if vote == v) for v in ("yes", "no", "abstain")}
        tally = ", ".join(f"{n} {v}" for v, n in counts.items() if n)
        result = str(d.status) + (f" ({tally})" if tally else "")
        out.append(CouncilLine(f"{lab.draft(d.id)} (turn {d.turn})", result))
    return tuple(out)


__all__ = [
    "EventRow",
    "FIGURE_WORDS",
    "Projector",
    "RECORD_WORDS",
    "WhiteCell",
    "current_figure",
    "projector",
    "white_cell",
]
