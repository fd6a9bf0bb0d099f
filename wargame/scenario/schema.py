"""The scenario file format, as pydantic models.

A scenario is the starting point of a crisis: the states and their attributes, how they relate and
trade, the treaties already in force, the international organizations, the populations at risk, each
state's objectives and the scripted events (injects). The schema is documented for authors in
docs/SCENARIOS.md; keep the two in step.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Identifier = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,39}$")]

REGIMES = ("democracy", "hybrid", "autocracy")
DOCTRINES = ("hawk", "dove", "realist", "institutionalist")
TREATY_KINDS = (
    "alliance",
    "defense_pact",
    "non_aggression",
    "basing",
    "intelligence_sharing",
    "joint_exercises",
    "arms_control",
    "ceasefire",
    "peace",
)
ESCALATION_RUNGS = (
    "peace",
    "protest",
    "coercion",
    "military_signalling",
    "limited_force",
    "war",
    "nuclear_threat",
)


class Strict(BaseModel):
    """Base: unknown keys are errors (a typo must not pass silently), and models are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- objectives -------------------------------------------------------------------------------


class AvoidWar(Strict):
    type: Literal["avoid_war"]
    with_: Identifier | None = Field(default=None, alias="with")


class WinWar(Strict):
    type: Literal["win_war"]
    against: Identifier


class AttributeAtLeast(Strict):
    type: Literal["attribute_at_least"]
    attribute: Literal["military", "economy", "stability", "reputation"]
    value: float
    state: Identifier | None = None  # None: the objective's own state


class TreatyWith(Strict):
    type: Literal["treaty_with"]
    kind: Literal[TREATY_KINDS]  # type: ignore[valid-type]
    with_: Identifier = Field(alias="with")


class RelationsAtLeast(Strict):
    type: Literal["relations_at_least"]
    with_: Identifier = Field(alias="with")
    value: float = Field(ge=-100, le=100)


class PopulationProtected(Strict):
    type: Literal["population_protected"]
    population: Identifier
    max_deaths: int = Field(ge=0)


class SanctionsConceded(Strict):
    """The target of sanctions (threatened or imposed by this state) gave in."""

    type: Literal["sanctions_conceded"]
    target: Identifier


class EscalationAtMost(Strict):
    type: Literal["escalation_at_most"]
    rung: Literal[ESCALATION_RUNGS]  # type: ignore[valid-type]


class AllianceKept(Strict):
    """Every treaty of this state is still in force at the end (no breach, no abandonment)."""

    type: Literal["obligations_kept"]


class ResolutionPassed(Strict):
    type: Literal["resolution_passed"]
    kind: Literal["condemn", "sanction", "authorize_force", "peacekeeping"]
    target: Identifier | None = None


class NotSanctioned(Strict):
    """No sanctions are in force against this state at the end."""

    type: Literal["not_sanctioned"]


class NeverConceded(Strict):
    """This state never gave in to sanctions or to an ultimatum."""

    type: Literal["never_conceded"]


Condition = Annotated[
    AvoidWar
    | WinWar
    | AttributeAtLeast
    | TreatyWith
    | RelationsAtLeast
    | PopulationProtected
    | SanctionsConceded
    | EscalationAtMost
    | AllianceKept
    | ResolutionPassed
    | NotSanctioned
    | NeverConceded,
    Field(discriminator="type"),
]


class Objective(Strict):
    id: Identifier
    text: str = Field(min_length=1)
    points: int = Field(ge=1, le=100)
    secret: bool = False
    condition: Condition


# --- states, relations, treaties ----------------------------------------------------------------


class StateSpec(Strict):
    id: Identifier
    name: str = Field(min_length=1, max_length=60)
    regime: Literal[REGIMES]  # type: ignore[valid-type]
    nuclear: bool = False
    great_power: bool = False
    military: float = Field(ge=0, le=1000, description="capability points")
    economy: float = Field(gt=0, le=10000, description="GDP index")
    stability: float = Field(ge=0, le=100)
    reputation: float = Field(ge=0, le=100)
    position: tuple[float, float] = Field(description="map placement, x and y in 0..1")
    doctrine: Literal[DOCTRINES] = "realist"  # type: ignore[valid-type]
    briefing: str = Field(min_length=1)
    objectives: tuple[Objective, ...] = ()

    @model_validator(mode="after")
    def _position_on_map(self) -> StateSpec:
        x, y = self.position
        if not (0 <= x <= 1 and 0 <= y <= 1):
            raise ValueError("position must be two numbers between 0 and 1")
        return self


class RelationSpec(Strict):
    between: tuple[Identifier, Identifier]
    value: float = Field(ge=-100, le=100)


class TradeSpec(Strict):
    """Share of `from`'s foreign trade that goes to `to` (its dependence on that partner)."""

    from_: Identifier = Field(alias="from")
    to: Identifier
    share: float = Field(ge=0, le=1)


class TreatySpec(Strict):
    id: Identifier
    kind: Literal[TREATY_KINDS]  # type: ignore[valid-type]
    members: tuple[Identifier, ...] = Field(min_length=2)
    casus_foederis: Literal["defensive", "any"] = "defensive"
    # arms control terms: a ceiling on military capability and how intrusive verification is
    cap: float | None = Field(default=None, ge=0)
    verification: float | None = Field(default=None, ge=0, le=1)


class Bystander(Strict):
    """A Security Council member no player controls; `leaning` is its readiness to act (-1..1)."""

    id: Identifier
    name: str
    leaning: float = Field(default=0.0, ge=-1, le=1)


class SecurityCouncil(Strict):
    permanent: tuple[Identifier, ...] = Field(min_length=1, max_length=5)
    elected: tuple[Identifier, ...] = ()
    bystanders: tuple[Bystander, ...] = ()

    @model_validator(mode="after")
    def _fifteen_seats(self) -> SecurityCouncil:
        seats = len(self.permanent) + len(self.elected) + len(self.bystanders)
        if seats != 15:
            raise ValueError(
                f"the Security Council must have 15 seats (permanent + elected + bystanders); "
                f"found {seats}"
            )
        return self


class RegionalOrganization(Strict):
    id: Identifier
    name: str
    members: tuple[Identifier, ...] = Field(min_length=2)


class Organizations(Strict):
    security_council: SecurityCouncil | None = None
    regional: tuple[RegionalOrganization, ...] = ()


class PopulationSpec(Strict):
    id: Identifier
    name: str
    in_state: Identifier
    people: int = Field(gt=0)
    threat: float = Field(
        ge=0, le=1, description="share of the people killed per turn if unprotected"
    )
    perpetrator: Identifier | None = None
    active_from: int = Field(
        default=1, ge=1, description="turn from which the population is at risk"
    )


# --- injects ----------------------------------------------------------------------------------


class Effect(Strict):
    state: Identifier
    attribute: Literal["military", "economy", "stability", "reputation"]
    delta: float


class RelationEffect(Strict):
    between: tuple[Identifier, Identifier]
    delta: float


class Trigger(Strict):
    turn: int | None = Field(default=None, ge=1)
    tension_at_least: float | None = Field(default=None, ge=0, le=100)
    escalation_at_least: Literal[ESCALATION_RUNGS] | None = None  # type: ignore[valid-type]

    @model_validator(mode="after")
    def _one_condition(self) -> Trigger:
        if self.turn is None and self.tension_at_least is None and self.escalation_at_least is None:
            raise ValueError("a trigger needs turn, tension_at_least or escalation_at_least")
        return self


class Inject(Strict):
    id: Identifier
    title: str
    text: str
    when: Trigger
    effects: tuple[Effect, ...] = ()
    relation_effects: tuple[RelationEffect, ...] = ()
    tension: float = 0.0


# --- the scenario -----------------------------------------------------------------------------


class Scenario(Strict):
    id: Identifier
    title: str = Field(min_length=1, max_length=80)
    summary: str = Field(min_length=1)
    briefing: str = Field(min_length=1, description="the situation as everyone knows it")
    turns: int = Field(ge=1, le=60)
    turn_length: str = Field(min_length=1, description="what a turn stands for, e.g. 'two weeks'")
    seed: int = Field(default=1, ge=0, lt=2**63)
    tension: float = Field(default=20, ge=0, le=100)
    escalation: Literal[ESCALATION_RUNGS] = "protest"  # type: ignore[valid-type]
    states: tuple[StateSpec, ...] = Field(min_length=2, max_length=12)
    relations: tuple[RelationSpec, ...] = ()
    trade: tuple[TradeSpec, ...] = ()
    treaties: tuple[TreatySpec, ...] = ()
    organizations: Organizations = Organizations()
    populations: tuple[PopulationSpec, ...] = ()
    injects: tuple[Inject, ...] = ()

    @cached_property
    def state_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.states)

    @cached_property
    def _states_by_id(self) -> dict[str, StateSpec]:
        return {s.id: s for s in self.states}

    @cached_property
    def state_names(self) -> dict[str, str]:
        """Each state's display name by id."""
        return {s.id: s.name for s in self.states}

    @cached_property
    def trade_shares(self) -> dict[tuple[str, str], float]:
        """(from, to) -> share of `from`'s trade that goes to `to`; pairs not listed trade nothing."""
        return {(t.from_, t.to): t.share for t in self.trade}

    @cached_property
    def state_index(self) -> dict[str, int]:
        """Position of each state in `states` (the order of per-state tuples in a game state)."""
        return {s.id: i for i, s in enumerate(self.states)}

    def state(self, state_id: str) -> StateSpec:
        return self._states_by_id[state_id]


def cross_reference_problems(sc: Scenario) -> Iterator[tuple[str, str]]:
    """Yield (field path, message) for every id that names nothing, or names something twice.

    Run by the loader after field validation, so each problem gets its own path."""
    ids = [s.id for s in sc.states]
    known = set(ids)
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        yield "states", f"id {dup!r} is used twice"

    def check(where: str, ref: str | None):
        if ref is not None and ref not in known:
            return where, f"unknown state {ref!r} (expected one of: {', '.join(ids)})"
        return None

    refs: list[tuple[str, str | None]] = []
    for i, r in enumerate(sc.relations):
        refs += [(f"relations[{i}].between", s) for s in r.between]
        if r.between[0] == r.between[1]:
            yield f"relations[{i}].between", "a state cannot have relations with itself"
    for i, t in enumerate(sc.trade):
        refs += [(f"trade[{i}].from", t.from_), (f"trade[{i}].to", t.to)]
    for i, t in enumerate(sc.treaties):
        refs += [(f"treaties[{i}].members", m) for m in t.members]
        if t.kind == "arms_control" and t.cap is None:
            yield f"treaties[{i}].cap", "an arms_control treaty needs a cap (a number)"
    for i, p in enumerate(sc.populations):
        refs += [
            (f"populations[{i}].in_state", p.in_state),
            (f"populations[{i}].perpetrator", p.perpetrator),
        ]
    for i, inj in enumerate(sc.injects):
        refs += [(f"injects[{i}].effects[{j}].state", e.state) for j, e in enumerate(inj.effects)]
        for j, e in enumerate(inj.relation_effects):
            refs += [(f"injects[{i}].relation_effects[{j}].between", s) for s in e.between]
    council = sc.organizations.security_council
    if council is not None:
        refs += [("organizations.security_council.permanent", s) for s in council.permanent]
        refs += [("organizations.security_council.elected", s) for s in council.elected]
    for i, org in enumerate(sc.organizations.regional):
        refs += [(f"organizations.regional[{i}].members", m) for m in org.members]
    pop_ids = {p.id for p in sc.populations}
    for si, spec in enumerate(sc.states):
        for oi, obj in enumerate(spec.objectives):
            cond = obj.condition
            where = f"states[{si}].objectives[{oi}].condition"
            for field in ("with_", "against", "state", "target"):
                refs.append((f"{where}.{field.rstrip('_')}", getattr(cond, field, None)))
            if cond.type == "population_protected" and cond.population not in pop_ids:
                yield f"{where}.population", f"unknown population {cond.population!r}"
    for where, ref in refs:
        problem = check(where, ref)
        if problem:
            yield problem
