"""The control cell's view-model: the whole truth of a session, for the facilitator (the teacher
running a class), never for a player.

Built from the engine's facilitator view (`view_for(state, None, events)`), which hides nothing:
every state's true figures including capability gained by undetected cheating, every treaty,
sanctions episode, war, dispute, call on allies and Security Council draft, every state's
objectives (secret ones too) with whether they are met now, which people have handed in orders
this turn, and every event ever, private messages included. Pure Python: no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from wargame.debrief.words import Words
from wargame.match import Match
from wargame.scenario import ESCALATION_RUNGS
from wargame.scoring import score
from wargame.state import GameState
from wargame.view import SeatView, view_for

from .game_setup import player_label
from .labels import MEASURE_LABELS, TREATY_LABELS, Labeller, pretty
from .viewmodels import EventRow, ObjectiveRow, TurnEvents, event_row

HANDED_IN = "handed in"
WAITING = "waiting"
COMPUTER_DECIDES = "decides when the turn is resolved"


@dataclass(frozen=True)
class ControlState:
    state_id: str
    name: str
    regime: str
    played_by: str  # "person" or e.g. "computer (normal, dove)"
    orders: str  # HANDED_IN | WAITING | COMPUTER_DECIDES ("" once the game is over)
    military: float  # the true figure, hidden capability included
    hidden_military: float  # capability from cheating no one has detected
    economy: float
    stability: float
    reputation: float
    objectives: tuple[ObjectiveRow, ...]  # secret ones too, met or not as things stand now
    objective_points: int
    possible_points: int


@dataclass(frozen=True)
class ControlSection:
    title: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class ControlCell:
    title: str
    turn: int
    turns: int
    finished: bool
    rung: str
    tension: float
    states: tuple[ControlState, ...]
    handed_in: tuple[str, ...]  # names of the people's states that have handed in this turn
    waiting: tuple[str, ...]  # names of those the turn still waits for
    sections: tuple[ControlSection, ...]  # treaties, sanctions, wars, ... (empty ones too)
    timeline: tuple[TurnEvents, ...]  # every event of every turn, private ones included


def control_cell(match: Match) -> ControlCell:
    view = view_for(match.state, None, match.last_events())
    s = view.state
    lab = Labeller(s)
    waiting = match.waiting_for()
    states = []
    for spec in s.scenario.states:
        c = s.country(spec.id)
        sc = score(s, spec.id)
        if match.finished:
            orders = ""
        elif spec.id in match.computer:
            orders = COMPUTER_DECIDES
        else:
            orders = WAITING if spec.id in waiting else HANDED_IN
        states.append(
            ControlState(
                spec.id,
                spec.name,
                spec.regime,
                player_label(match, spec.id),
                orders,
                c.military,
                c.hidden_military,
                c.economy,
                c.stability,
                c.reputation,
                tuple(
                    ObjectiveRow(r.objective.text, r.objective.points, r.objective.secret, r.met)
                    for r in sc.objectives
                ),
                sc.objective_points,
                sum(o.points for o in spec.objectives),
            )
        )
    handed_in = tuple(lab.name(seat) for seat in match.human_seats if seat not in waiting)
    timeline = tuple(
        TurnEvents(r.turn, tuple(_event_rows(view_for(r.state, None, r.events), lab)))
        for r in match.history
    )
    reasons = match.history[-1].reasons if match.history else {}
    return ControlCell(
        s.scenario.title,
        s.turn,
        s.scenario.turns,
        match.finished,
        pretty(s.rung_name),
        s.tension,
        tuple(states),
        () if match.finished else handed_in,
        () if match.finished else tuple(lab.name(seat) for seat in waiting),
        sections(s)
        + (
            _reasons_section(
                reasons, lab, Words(s.scenario), match.history[-1].turn if match.history else 0
            ),
        ),
        timeline,
    )


def sections(s: GameState) -> tuple[ControlSection, ...]:
    """Everything that binds or divides the states, in words, oldest first."""
    lab = Labeller(s)
    n = lab.names
    treaties = []
    for t in s.treaties:
        terms = f", cap {t.cap:g}" if t.cap is not None else ""
        terms += f", verification {t.verification:.0%}" if t.verification is not None else ""
        status = t.status + (f" by {lab.name(t.broken_by)}" if t.broken_by else "")
        status += f"; {n(t.withdrawn)} broke it" if t.withdrawn else ""
        signed = f"signed turn {t.signed_turn}" if t.signed_turn else "in force at the start"
        treaties.append(
            f"{TREATY_LABELS.get(t.kind, pretty(t.kind)).capitalize()}: {n(t.members)} ({signed}{terms}) \u2014 {status}"
        )
    sanctions = [
        f"{n(e.senders)} against {lab.name(e.target)}: {MEASURE_LABELS.get(e.measure, e.measure)} \u2014 {e.stage}"
        + (", UN-mandated" if e.un_mandated else "")
        + (f"; cost to {lab.name(e.target)} so far {e.cost:.1f}% of GDP" if e.cost else "")
        for e in s.sanctions
    ]
    wars = [_war(w, lab) for w in s.wars]
    disputes = [
        f"{lab.name(d.initiator)} against {lab.name(d.target)} since turn {d.started_turn}, at {pretty(ESCALATION_RUNGS[d.rung])}"
        + (", force answered with force" if d.reciprocated else "")
        + (
            " \u2014 became a war"
            if d.war_id
            else f" \u2014 ended turn {d.ended_turn}"
            if d.ended_turn is not None
            else " \u2014 open"
        )
        for d in s.disputes
    ]
    ultimatums = [
        f"{lab.name(u.issuer)} to {lab.name(u.target)}: \u201c{u.demand}\u201d (turn {u.turn}, deadline turn {u.deadline}) \u2014 {pretty(u.status)}"
        for u in s.ultimatums
    ]
    invocations = [
        f"{lab.invocation(i.id)}, turn {i.turn}; asked {n(i.allies)}"
        + (f"; honoured by {n(i.honoured_by)}" if i.honoured_by else "")
        + (f"; declined by {n(i.declined_by)}" if i.declined_by else "")
        + (" \u2014 closed" if i.closed else " \u2014 open")
        for i in s.invocations
    ]
    drafts = [
        f"{lab.draft(d.id)} (turn {d.turn}) \u2014 {d.status}"
        + ("; votes: " + ", ".join(f"{lab.name(m)} {v}" for m, v in d.votes) if d.votes else "")
        for d in s.drafts
    ]
    mediations = [f"{lab.mediation(m.id)} (turn {m.turn}) \u2014 {m.status}" for m in s.mediations]
    proposals = [
        f"{lab.proposal(p.id)} to {n(p.recipients)} (turn {p.turn}) \u2014 {p.status}"
        + (f", accepted by {n(p.accepted_by)}" if p.accepted_by and p.status == "open" else "")
        for p in s.proposals
    ]
    populations = [
        f"{lab.population(p.id)}: {p.threat:.0%} of the people at risk killed each turn if unprotected, {p.deaths:,} deaths so far"
        + (f", perpetrator {lab.name(p.perpetrator)}" if p.perpetrator else "")
        + (f"; protected by {n(p.protected_by)}" if p.protected_by else "")
        + ("; peacekeepers present" if p.peacekeepers else "")
        for p in s.populations
    ]
    relations = [
        f"{lab.name(a)} \u2013 {lab.name(b)}: {s.relation(a, b):+.0f}"
        for i, a in enumerate(s.ids)
        for b in s.ids[i + 1 :]
    ]
    return tuple(
        ControlSection(title, tuple(lines))
        for title, lines in (
            ("Treaties", treaties),
            ("Sanctions", sanctions),
            ("Wars", wars),
            ("Militarized disputes", disputes),
            ("Ultimatums", ultimatums),
            ("Calls on allies", invocations),
            ("Security Council drafts", drafts),
            ("Mediation", mediations),
            ("Proposals (private ones too)", proposals),
            ("Populations at risk", populations),
            ("Relations, \u2212100 hostile to +100 close", relations),
        )
    )


def _war(w, lab: Labeller) -> str:  # noqa: ANN001 - wargame.state.War
    sides = f"{lab.names(w.side_a)} against {lab.names(w.side_b)} since turn {w.started_turn}"
    if w.ended_turn is None:
        leader = (
            lab.names(w.side_a)
            if w.front > 0
            else lab.names(w.side_b)
            if w.front < 0
            else "neither side"
        )
        return f"{sides}: front {w.front:+.0f} of \u00b1100 ({leader} ahead) \u2014 ongoing"
    winner = {"a": lab.names(w.side_a), "b": lab.names(w.side_b)}.get(w.winner or "", "no one")
    return f"{sides} \u2014 ended turn {w.ended_turn} ({w.ended_by or 'ended'}), won by {winner}"


def _reasons_section(
    reasons: dict[str, tuple[str, ...]], lab: Labeller, words: Words, turn: int
) -> ControlSection:
    """The computer players' reasons in the debrief's plain words."""
    lines = tuple(
        f"{lab.name(seat)}: {words.reason(why)}" for seat, whys in reasons.items() for why in whys
    )
    title = (
        f"Why the computer players did what they did on turn {turn}"
        if turn
        else "Why the computer players did what they did"
    )
    return ControlSection(title, lines)


def _event_rows(view: SeatView, lab: Labeller) -> list[EventRow]:
    """Every event; a private one says who saw it."""
    return [event_row(e, lab.names(e.visible_to or ())) for e in view.events]
