"""The scenario file format, as pydantic models.

A scenario is the starting point of a crisis: the states and their attributes, how they relate and
trade, the treaties already in force, the international organizations, the populations at risk, each
state's objectives and the scripted events (injects). The schema is documented for authors in
docs/SCENARIOS.md; keep the two in step.

These models check each field on its own: its type, its range (every number finite and of a
sensible size), text without control characters. What fields say about each other (ids that must
exist or be unique, a state allied with itself...) is checked afterwards, in consistency.py.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import cached_property
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

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


# The range the game keeps each attribute in during play (the engine's STAT_BOUNDS, a test keeps
# the two equal): inject changes and objective thresholds are checked against it, so a typo like
# 1e308 cannot pass.
ATTRIBUTE_RANGE = {
    "military": (0.0, 2000.0),
    "economy": (1.0, 20000.0),
    "stability": (0.0, 100.0),
    "reputation": (0.0, 100.0),
}
Attribute = Literal["military", "economy", "stability", "reputation"]
MAX_RELATION_CHANGE = 200  # relations run from -100 to 100: a bigger change means nothing more
MAX_TENSION_CHANGE = 100  # tension runs from 0 to 100
MAX_PEOPLE = 10_000_000_000  # more than the world's population

# Characters that could rewrite a terminal line or reorder displayed text: C0 and C1 controls
# (escape sequences, carriage return...) and the bidirectional overrides. Line breaks and tabs
# are text.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _no_control_characters(text: str) -> str:
    found = CONTROL_CHARACTERS.search(text)
    if found:
        raise ValueError(
            f"contains the control character U+{ord(found.group()):04X} at position "
            f"{found.start()}; text may hold letters, punctuation, line breaks and tabs only"
        )
    return text


def _text(max_length: int) -> object:
    """Non-empty player-facing text of at most max_length characters, with no control codes."""
    return Annotated[
        str, Field(min_length=1, max_length=max_length), AfterValidator(_no_control_characters)
    ]


ShortText = _text(120)  # names, titles, headlines
Paragraph = _text(2000)  # summaries, objectives' and injects' texts
Briefing = _text(20_000)


class Strict(BaseModel):
    """Base: unknown keys are errors (a typo must not pass silently), models are immutable, and
    every number is finite (NaN and infinity would poison every sum they touch)."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


# --- objectives -------------------------------------------------------------------------------


class AvoidWar(Strict):
    type: Literal["avoid_war"]
    with_: Identifier | None = Field(default=None, alias="with")


class WinWar(Strict):
    type: Literal["win_war"]
    against: Identifier


class AttributeAtLeast(Strict):
    type: Literal["attribute_at_least"]
    attribute: Attribute
    value: float
    state: Identifier | None = None  # None: the objective's own state

    @field_validator("value")
    @classmethod
    def _within_the_attributes_range(cls, value: float, info: ValidationInfo) -> float:
        attribute = info.data.get("attribute")
        if attribute is not None:
            high = ATTRIBUTE_RANGE[attribute][1]
            if not 0 <= value <= high:
                article = "an" if attribute[0] in "aeiou" else "a"
                raise ValueError(
                    f"{article} {attribute} threshold must be between 0 and {high:g} "
                    f"(the range {attribute} is kept in during play)"
                )
        return value


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
    max_deaths: int = Field(ge=0, le=MAX_PEOPLE)


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
    text: Paragraph
    points: int = Field(ge=1, le=100)
    secret: bool = False
    condition: Condition


# --- states, relations, treaties ----------------------------------------------------------------


class StateSpec(Strict):
    id: Identifier
    name: ShortText = Field(max_length=60)
    regime: Literal[REGIMES]  # type: ignore[valid-type]
    nuclear: bool = False
    great_power: bool = False
    military: float = Field(ge=0, le=1000, description="capability points")
    economy: float = Field(gt=0, le=10000, description="GDP index")
    stability: float = Field(ge=0, le=100)
    reputation: float = Field(ge=0, le=100)
    position: tuple[float, float] = Field(description="map placement, x and y in 0..1")
    doctrine: Literal[DOCTRINES] = "realist"  # type: ignore[valid-type]
    briefing: Briefing
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
    cap: float | None = Field(default=None, ge=0, le=ATTRIBUTE_RANGE["military"][1])
    verification: float | None = Field(default=None, ge=0, le=1)


class Bystander(Strict):
    """A Security Council member no player controls; `leaning` is its readiness to act (-1..1)."""

    id: Identifier
    name: ShortText
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
    name: ShortText
    members: tuple[Identifier, ...] = Field(min_length=2)


class Organizations(Strict):
    security_council: SecurityCouncil | None = None
    regional: tuple[RegionalOrganization, ...] = ()


class PopulationSpec(Strict):
    id: Identifier
    name: ShortText
    in_state: Identifier
    people: int = Field(gt=0, le=MAX_PEOPLE)
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
    attribute: Attribute
    delta: float

    @field_validator("delta")
    @classmethod
    def _within_the_attributes_range(cls, delta: float, info: ValidationInfo) -> float:
        attribute = info.data.get("attribute")
        if attribute is not None:
            low, high = ATTRIBUTE_RANGE[attribute]
            if abs(delta) > high - low:
                raise ValueError(
                    f"a change of {attribute} must be between {low - high:g} and {high - low:g} "
                    f"({attribute} is kept between {low:g} and {high:g})"
                )
        return delta


class RelationEffect(Strict):
    between: tuple[Identifier, Identifier]
    delta: float = Field(ge=-MAX_RELATION_CHANGE, le=MAX_RELATION_CHANGE)


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
    title: ShortText
    text: Paragraph
    when: Trigger
    effects: tuple[Effect, ...] = ()
    relation_effects: tuple[RelationEffect, ...] = ()
    tension: float = Field(default=0.0, ge=-MAX_TENSION_CHANGE, le=MAX_TENSION_CHANGE)


# --- the scenario -----------------------------------------------------------------------------


class Scenario(Strict):
    id: Identifier
    title: ShortText = Field(max_length=80)
    summary: Paragraph
    briefing: Briefing = Field(description="the situation as everyone knows it")
    turns: int = Field(ge=1, le=60)
    turn_length: ShortText = Field(description="what a turn stands for, e.g. 'two weeks'")
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
    def digest(self) -> str:
        """A fingerprint of everything the scenario says: a game state's hash includes it, so a
        session whose stored scenario was edited no longer replays to its saved hashes."""
        data = self.model_dump(mode="json", by_alias=True)
        text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()[:32]

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
