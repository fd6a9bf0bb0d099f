"""Applying an intervention to the game: a pure function of the state, the intervention and its
place in the turn, with the events that tell the seats (or only the facilitator) about it.

`check(state, intervention)` says why an intervention cannot be made now (None when it can);
`apply(state, intervention, position)` makes it. Both are deterministic: an argument's roll comes
from its own stream of the session's dice (`derive_seed(seed, "facilitator", turn, position)`),
so a replay of the log makes the same rulings with the same rolls, and nothing else's dice move.
The changes go through the same working copy a turn uses (`TurnDraft`), so every figure stays
within its bounds exactly as the rules keep it.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from ..draft import TurnDraft
from ..enums import (
    DraftStatus,
    MediationStatus,
    ProposalStatus,
    Rung,
    SanctionsStage,
    Side,
    Stat,
    TreatyStatus,
    UltimatumStatus,
    WarEnd,
)
from ..events import Event
from ..rng import Rng, derive_seed
from ..scenario import ScenarioError, parse_scenario
from ..state import GameState, state_hash
from .odds import odds_words
from .records import (
    BOOKKEEPING,
    AdHocInject,
    Argument,
    Effects,
    ObjectiveChange,
    Override,
)
from .words import describe, population_name, record_words


class FacilitatorEvent(StrEnum):
    NEWS = "NewsInjected"  # an inject written on the spot
    ARGUMENT = "ArgumentRuled"
    OVERRIDE = "FacilitatorOverride"
    OBJECTIVE = "ObjectiveSet"  # told only to the state whose objectives changed
    NOTE = "FacilitatorNote"  # schedules, seats, the clock: the facilitator's record only
    DEADLINE = "DeadlinePassed"


FACILITATOR_KINDS = frozenset(str(k) for k in FacilitatorEvent)
FACILITATOR_ONLY: tuple[str, ...] = ()  # visible_to for events no seat sees

STAT_FIGURES = {"military": Stat.MILITARY, "economy": Stat.ECONOMY}
STAT_FIGURES |= {"stability": Stat.STABILITY, "reputation": Stat.REPUTATION}
WAR_STATUSES = ("ongoing", "ceasefire", "peace", "exhaustion", "attackers_won", "defenders_won")
RECORD_STATUSES: dict[str, tuple[str, ...]] = {
    "treaty": tuple(TreatyStatus),
    "sanctions": tuple(SanctionsStage),
    "draft": tuple(DraftStatus),
    "proposal": tuple(ProposalStatus),
    "ultimatum": tuple(UltimatumStatus),
    "mediation": tuple(MediationStatus),
    "war": WAR_STATUSES,
}
RECORD_FIELDS = {
    "treaty": "treaties",
    "sanctions": "sanctions",
    "draft": "drafts",
    "proposal": "proposals",
    "ultimatum": "ultimatums",
    "mediation": "mediations",
    "war": "wars",
}


class InterventionRefused(ValueError):
    """An intervention that cannot be made now; the text says why, ready to show."""


@dataclass(frozen=True)
class Applied:
    """An intervention as made: where it stands in the turn, what it told whom, and the state
    after it. `withdrawn` lists seats whose handed-in orders it made impossible (live play only:
    they hand in again)."""

    turn: int
    position: int
    intervention: Any  # one of records.Intervention
    events: tuple[Event, ...]
    state: GameState
    withdrawn: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        return self.intervention.kind

    @functools.cached_property
    def state_hash(self) -> str:
        return state_hash(self.state)


# --- checking ---------------------------------------------------------------------------------


def check(state: GameState, iv: Any) -> str | None:
    """Why `iv` cannot be made in this state (None: it can). Who plays the seats and whether
    they have handed in orders is the match's to check (see Match.intervene)."""
    if state.finished:
        return "the game is over"
    kind = iv.kind
    if kind == "fire_inject":
        return _inject_problem(state, iv.inject)
    if kind == "schedule_inject":
        if iv.cancel:
            return None
        if not state.turn <= iv.turn <= state.scenario.turns:
            return (
                f"an inject can be scheduled for turn {state.turn} to {state.scenario.turns}, "
                f"not turn {iv.turn}"
            )
        return _inject_problem(state, iv.inject)
    if kind == "inject":
        unknown = [s for s in iv.audience or () if s not in state.scenario.state_index]
        if unknown:
            return f"the news is for {', '.join(unknown)}, which is not a state of this scenario"
        return effects_problem(state, iv.effects)
    if kind == "argument":
        if iv.by is not None and iv.by not in state.scenario.state_index:
            return f"{iv.by!r} is not a state of this scenario"
        for c in iv.counters:
            if c.by is not None and c.by not in state.scenario.state_index:
                return f"{c.by!r}, who counter-argues, is not a state of this scenario"
        return effects_problem(state, iv.on_success) or effects_problem(state, iv.on_failure)
    if kind == "override":
        return _override_problem(state, iv)
    if kind in ("seat", "deadline"):
        seats = (iv.seat,) if kind == "seat" else iv.seats
        unknown = [s for s in seats if s not in state.scenario.state_index]
        if unknown:
            return f"{', '.join(unknown)} is not a state of this scenario"
    return None


def _inject_problem(state: GameState, inject_id: str) -> str | None:
    if not any(i.id == inject_id for i in state.scenario.injects):
        return f"the scenario has no inject {inject_id!r}"
    if inject_id in state.fired_injects:
        return f"the inject {inject_id!r} has already happened"
    return None


def effects_problem(state: GameState, effects: Effects) -> str | None:
    ids = state.scenario.state_index
    for e in effects.indicators:
        if e.state not in ids:
            return f"{e.state!r} is not a state of this scenario"
    for r in effects.relations:
        a, b = r.between
        if a not in ids or b not in ids:
            return f"relations between {a!r} and {b!r}: both must be states of this scenario"
        if a == b:
            return "relations are between two different states"
    for change in effects.issues:
        problem = _issue_problem(state, change.issue, change.status)
        if problem:
            return problem
    if effects.objectives:
        try:
            with_objectives(state, effects.objectives)
        except InterventionRefused as exc:
            return str(exc)
    return None


def _issue_problem(state: GameState, issue_id: str, status: str) -> str | None:
    spec = _issue_spec(state, issue_id)
    if spec is None or _issue_now(state, issue_id) is None:
        return f"the scenario has no issue at stake {issue_id!r}"
    if status not in spec.outcomes:
        return f"{spec.name} cannot be {status!r} (expected one of: {', '.join(spec.outcomes)})"
    return None


def _issue_spec(state: GameState, issue_id: str) -> Any:
    finder = getattr(state.scenario, "issue", None)  # scenarios gained issues in format 3
    return finder(issue_id) if callable(finder) else None


def _issue_now(state: Any, issue_id: str) -> Any:
    return next((i for i in getattr(state, "issues", ()) if i.id == issue_id), None)


def _override_problem(state: GameState, o: Override) -> str | None:
    ids = state.scenario.state_index
    if o.figure in STAT_FIGURES or o.figure == "relation":
        if o.state not in ids:
            return f"say which state's {o.figure} to change (one of: {', '.join(ids)})"
    if o.figure == "relation" and (o.other not in ids or o.other == o.state):
        return "say the other state of the relation (a different state of this scenario)"
    if o.figure == "escalation" and o.value not in tuple(Rung):
        return "the escalation rung is a whole number from 0 (peace) to 6 (nuclear threat)"
    if o.figure == "deaths":
        population = next((p for p in state.populations if p.id == o.subject), None)
        if population is None:
            return f"the scenario has no population at risk {o.subject!r}"
        if o.value is None or not 0 <= o.value <= population.people or o.value % 1:
            return f"deaths are a whole number from 0 to {population.people:,}"
    if o.record == "issue":
        return _issue_problem(state, o.subject or "", o.status or "")
    if o.record is not None:
        records = getattr(state, RECORD_FIELDS[o.record])
        if not any(r.id == o.subject for r in records):
            return f"there is no {o.record} {o.subject!r} in this game"
        allowed = RECORD_STATUSES[o.record]
        if o.status not in allowed:
            return f"a {o.record} can be {', '.join(allowed)}; not {o.status!r}"
    return None


# --- applying ---------------------------------------------------------------------------------


def apply(state: GameState, iv: Any, position: int) -> Applied:
    """Make the intervention: the state after it and its events. InterventionRefused when
    `check` finds it cannot be made."""
    problem = check(state, iv)
    if problem:
        raise InterventionRefused(problem)
    rng = Rng(derive_seed(state.seed, "facilitator", state.turn, position))
    draft = TurnDraft(state, rng)
    objectives: tuple[ObjectiveChange, ...] = ()
    if iv.kind == "fire_inject":
        from ..rules.escalation import happen  # the one way an inject happens

        happen(draft, next(i for i in state.scenario.injects if i.id == iv.inject))
    elif iv.kind == "inject":
        objectives = _news(draft, iv)
    elif iv.kind == "argument":
        objectives = _argument(draft, iv)
    elif iv.kind == "override":
        _override(draft, iv)
    elif iv.kind in BOOKKEEPING:
        _note(draft, iv)
    after = dataclasses.replace(draft.freeze(), turn=state.turn)  # between turns: same turn
    if objectives:
        after = dataclasses.replace(after, scenario=with_objectives(after, objectives))
    return Applied(state.turn, position, iv, tuple(draft.events), after)


def _news(draft: TurnDraft, iv: AdHocInject) -> tuple[ObjectiveChange, ...]:
    numbers = apply_effects(draft, iv.effects)
    actors = tuple(dict.fromkeys(e.state for e in iv.effects.indicators))
    draft.emit(FacilitatorEvent.NEWS, f"{iv.headline}: {iv.text}", actors, numbers, iv.audience)
    _follow_on(draft, iv.effects)
    return iv.effects.objectives


def _argument(draft: TurnDraft, iv: Argument) -> tuple[ObjectiveChange, ...]:
    success, roll = draft.rng.roll(iv.odds)
    effects = iv.on_success if success else iv.on_failure
    numbers = {"chance of success": iv.odds, "roll (succeeds below the chance)": roll}
    numbers |= apply_effects(draft, effects)
    who = draft.name(iv.by) if iv.by else "The facilitator"
    lines = [f"{who} argued: {iv.action.rstrip('.')}. Because: {iv.reasons.rstrip('.')}."]
    for c in iv.counters:
        who_counters = draft.name(c.by) if c.by else "The facilitator"
        lines.append(f"{who_counters} countered: {c.text.rstrip('.')}.")
    verdict = "it succeeded" if success else "it failed"
    lines.append(
        f"The facilitator judged it {odds_words(iv.odds)} ({iv.odds:.0%}); the dice decided: "
        f"{verdict}."
    )
    actors = tuple(
        dict.fromkeys([*([iv.by] if iv.by else []), *(c.by for c in iv.counters if c.by)])
    )
    draft.emit(FacilitatorEvent.ARGUMENT, "\n".join(lines), actors, numbers)
    _follow_on(draft, effects)
    return effects.objectives


def apply_effects(draft: TurnDraft, effects: Effects) -> dict[str, float]:
    """Make the effects' changes of figures; the changes actually made, by name, for the
    event's "Why?" (what follows from them comes after the news: `_follow_on`)."""
    numbers: dict[str, float] = {}
    for e in effects.indicators:
        change = draft.country(e.state).shift(Stat(e.attribute), e.delta)
        numbers[f"{draft.name(e.state)}: {e.attribute} change"] = change
    for r in effects.relations:
        a, b = r.between
        change = draft.shift_relation(a, b, r.delta)
        numbers[f"relations {draft.name(a)}\u2013{draft.name(b)} change"] = change
    if effects.tension:
        numbers["tension change"] = draft.shift_tension(effects.tension)
    return numbers


def _follow_on(draft: TurnDraft, effects: Effects) -> None:
    """After the news: issues at stake change (with their own news), objectives are told to
    their states (the scenario itself changes in `with_objectives`)."""
    for change in effects.issues:
        _set_issue(draft, change.issue, change.status)
    _tell_objectives(draft, effects.objectives)


def _set_issue(draft: TurnDraft, issue_id: str, status: str) -> None:
    from ..rules.demands import change_issue  # issues at stake and what follows from them

    issue = draft.issues.find(issue_id)
    if issue is not None and issue.status != status:
        change_issue(
            draft, issue_id, status, issue.held_by, None, "was so ruled by the facilitator"
        )


def _tell_objectives(draft: TurnDraft, changes: tuple[ObjectiveChange, ...]) -> None:
    for change in changes:
        o = change.objective
        secret = " (secret)" if o.secret else ""
        draft.emit(
            FacilitatorEvent.OBJECTIVE,
            f"New objective for {draft.name(change.state)}{secret}: {o.text} ({o.points} points)",
            (change.state,),
            visible_to=(change.state,),
        )


def with_objectives(state: GameState, changes: tuple[ObjectiveChange, ...]) -> Any:
    """The scenario with these objectives added (or replaced, same id): objectives live in the
    scenario, so the state's scenario changes, and with it the state's hash."""
    data = state.scenario.model_dump(mode="json", by_alias=True)
    for change in changes:
        spec = next((s for s in data["states"] if s["id"] == change.state), None)
        if spec is None:
            raise InterventionRefused(f"{change.state!r} is not a state of this scenario")
        new = change.objective.model_dump(mode="json", by_alias=True)
        objectives = spec.setdefault("objectives", [])
        at = next((i for i, o in enumerate(objectives) if o["id"] == new["id"]), None)
        if at is None:
            objectives.append(new)
        else:
            objectives[at] = new
    try:
        return parse_scenario(data, "the objective")
    except ScenarioError as exc:
        first = exc.problems[0].message if exc.problems else str(exc)
        raise InterventionRefused(f"that objective does not fit the scenario: {first}") from None


def _override(draft: TurnDraft, o: Override) -> None:
    before, after, what, concerned = _override_change(draft, o)
    visible: tuple[str, ...] | None = concerned
    if not o.announce:
        visible = FACILITATOR_ONLY
    draft.emit(
        FacilitatorEvent.OVERRIDE,
        f"The facilitator changed {what} from {before} to {after}. Reason: {o.reason}",
        tuple(s for s in (o.state, o.other) if s),
        {},
        visible,
    )


def _override_change(draft: TurnDraft, o: Override) -> tuple[str, str, str, tuple[str, ...] | None]:
    """Make the override; (before, after, what changed, who may hear of it: None = everyone)."""
    if o.figure in STAT_FIGURES:
        country = draft.country(o.state)
        old = getattr(country, o.figure)
        country.shift(STAT_FIGURES[o.figure], o.value - old)
        # true military strength is the state's own secret: others only estimate it
        who = (o.state,) if o.figure == "military" else None
        return (
            _num(old),
            _num(getattr(country, o.figure)),
            f"{draft.name(o.state)}'s {o.figure}",
            who,
        )
    if o.figure == "relation":
        old = draft.relation(o.state, o.other)
        draft.shift_relation(o.state, o.other, o.value - old)
        what = f"relations between {draft.name(o.state)} and {draft.name(o.other)}"
        return _num(old), _num(draft.relation(o.state, o.other)), what, None
    if o.figure == "tension":
        old = draft.tension
        draft.tension = o.value
        return _num(old), _num(draft.tension), "the world's tension", None
    if o.figure == "escalation":
        old = Rung(draft.escalation)
        draft.escalation = Rung(int(o.value))
        draft.max_escalation = max(draft.max_escalation, draft.escalation)
        return old.words, Rung(draft.escalation).words, "the crisis's rung on the ladder", None
    if o.figure == "deaths":
        p = draft.populations.find(o.subject)
        draft.populations.replace(p, deaths=int(o.value))
        what = f"the deaths among {population_name(draft.scenario, p.id)}"
        return f"{p.deaths:,}", f"{int(o.value):,}", what, None
    if o.record == "issue":
        issue = draft.issues.find(o.subject)
        spec = draft.scenario.issue(o.subject)
        _set_issue(draft, o.subject, o.status)
        return issue.status, o.status, f"the status of {spec.name}", None
    return _record_change(draft, o)


def _record_change(draft: TurnDraft, o: Override) -> tuple[str, str, str, tuple[str, ...] | None]:
    records = getattr(draft, RECORD_FIELDS[o.record])
    record = records.find(o.subject)
    turn = draft.turn
    concerned: tuple[str, ...] | None = None
    if o.record == "war":
        old = _war_status(record)
        if o.status == "ongoing":
            records.replace(record, ended_turn=None, winner=None, ended_by=None)
        else:
            winner = {"attackers_won": Side.A, "defenders_won": Side.B}.get(o.status)
            ended_by = WarEnd.VICTORY if winner else WarEnd(o.status)
            records.replace(record, ended_turn=turn, winner=winner, ended_by=ended_by)
        return old, o.status.replace("_", " "), record_words(draft, "war", o.subject), None
    what = record_words(draft, o.record, o.subject)
    field = "stage" if o.record == "sanctions" else "status"
    old = str(getattr(record, field))
    changes: dict[str, Any] = {field: o.status}
    if o.record == "sanctions":
        live = o.status in (SanctionsStage.THREATENED, SanctionsStage.IMPOSED)
        changes["ended_turn"] = None if live else (record.ended_turn or turn)
        if not getattr(record, "public", True):
            concerned = (*record.senders, record.target)
    if o.record == "treaty" and o.status == TreatyStatus.ACTIVE:
        changes["broken_by"] = None
    if o.record == "proposal":  # proposals are private to those they concern
        concerned = (record.proposer, *record.recipients)
    records.replace(record, **changes)
    return old, o.status, what, concerned


def _war_status(war: Any) -> str:
    if war.ended_turn is None:
        return "ongoing"
    if war.winner == Side.A:
        return "attackers won"
    if war.winner == Side.B:
        return "defenders won"
    return str(war.ended_by or "ended")


def _num(value: float) -> str:
    return f"{value:g}" if float(value).is_integer() else f"{value:.1f}"


def _note(draft: TurnDraft, iv: Any) -> None:
    """Who plays, when, and what is planned: the facilitator's record (a passed deadline is told
    to everyone)."""
    if iv.kind == "deadline":
        draft.emit(FacilitatorEvent.DEADLINE, describe(iv, draft), tuple(iv.seats))
        return
    draft.emit(FacilitatorEvent.NOTE, describe(iv, draft), (), visible_to=FACILITATOR_ONLY)


__all__ = [
    "Applied",
    "FACILITATOR_KINDS",
    "FacilitatorEvent",
    "InterventionRefused",
    "apply",
    "check",
]
