"""Scores against objectives, kept obligations, and each state's outcome.

The score counts both the state's (public and secret) objectives and how well it kept its
obligations, so the debrief can show the trade-off between national interest and commitments.
"""

from __future__ import annotations

from dataclasses import dataclass

from .enums import Rung
from .scenario.schema import Objective
from .state import GameState

KEPT_TREATY_POINTS = 10
BROKEN_OBLIGATION_POINTS = -15
OUTCOMES = ("victory", "compromise", "stalemate", "defeat")


@dataclass(frozen=True, slots=True)
class ObjectiveResult:
    objective: Objective
    met: bool


@dataclass(frozen=True, slots=True)
class Score:
    state_id: str
    objectives: tuple[ObjectiveResult, ...]
    objective_points: int
    possible_points: int
    obligation_points: int
    outcome: str

    @property
    def total(self) -> int:
        return self.objective_points + self.obligation_points


def condition_met(state: GameState, owner: str, objective: Objective) -> bool:
    c = objective.condition
    t = c.type
    if t == "avoid_war":
        return not any(
            (owner in w.side_a + w.side_b) and (c.with_ is None or c.with_ in w.side_a + w.side_b)
            for w in state.wars
        )
    if t == "win_war":
        return any(
            (w.winner == "a" and owner in w.side_a and c.against in w.side_b)
            or (w.winner == "b" and owner in w.side_b and c.against in w.side_a)
            for w in state.wars
        )
    if t == "attribute_at_least":
        return getattr(state.country(c.state or owner), c.attribute) >= c.value
    if t == "treaty_with":
        return any(c.with_ in tr.members for tr in state.active_treaties(member=owner, kind=c.kind))
    if t == "relations_at_least":
        return state.relation(owner, c.with_) >= c.value
    if t == "population_protected":
        pop = next(p for p in state.populations if p.id == c.population)
        return pop.deaths <= c.max_deaths
    if t == "sanctions_conceded":
        return any(
            e.stage == "conceded" and e.target == c.target and owner in e.senders
            for e in state.sanctions
        )
    if t == "escalation_at_most":
        return state.escalation <= Rung.named(c.rung)
    if t == "obligations_kept":
        return state.country(owner).obligations_broken == 0
    if t == "resolution_passed":
        return any(
            d.status == "adopted"
            and d.kind == c.kind
            and (c.target is None or d.target == c.target)
            for d in state.drafts
        )
    if t == "not_sanctioned":
        return not any(e.stage == "imposed" and e.target == owner for e in state.sanctions)
    if t == "never_conceded":
        return not any(
            e.stage == "conceded" and e.target == owner for e in state.sanctions
        ) and not any(u.status == "complied" and u.target == owner for u in state.ultimatums)
    raise ValueError(f"unknown objective condition {t!r}")


def score(state: GameState, owner: str) -> Score:
    spec = state.scenario.state(owner)
    results = tuple(ObjectiveResult(o, condition_met(state, owner, o)) for o in spec.objectives)
    earned = sum(r.objective.points for r in results if r.met)
    possible = sum(o.points for o in spec.objectives) or 1
    kept = len(state.active_treaties(member=owner))
    broken = state.country(owner).obligations_broken
    obligations = kept * KEPT_TREATY_POINTS + broken * BROKEN_OBLIGATION_POINTS
    return Score(
        owner, results, earned, possible, obligations, outcome(state, owner, earned / possible)
    )


def outcome(state: GameState, owner: str, share: float) -> str:
    """victory / compromise / stalemate / defeat, from objectives met and wars won or lost."""
    lost = won = False
    for w in state.wars:
        if w.winner in ("a", "b"):
            side = w.side_a if w.winner == "a" else w.side_b
            if owner in w.side_a + w.side_b:
                won |= owner in side
                lost |= owner not in side
    if lost and not won:
        return "defeat" if share < 0.75 else "stalemate"
    if share >= 0.75 or (won and share >= 0.45):
        return "victory"
    if share >= 0.45:
        return "compromise"
    if share >= 0.2:
        return "stalemate"
    return "defeat"


def scores(state: GameState) -> dict[str, Score]:
    return {sid: score(state, sid) for sid in state.ids}
