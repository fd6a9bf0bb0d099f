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
    SerializerFunctionWrapHandler,
    ValidationInfo,
    field_validator,
    model_serializer,
    model_validator,
)

Identifier = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,39}$")]

REGIMES = ("democracy", "hybrid", "autocracy")
REACHES = ("local", "regional", "global")
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
MAX_STATES = 40  # a Model-UN crisis committee: 15 to 40 delegations
MAX_TURNS = 200  # a semester-long exercise
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


class IssueStatusCondition(Strict):
    """An issue at stake stands at this status at the end (see `issues`)."""

    type: Literal["issue_status"]
    issue: Identifier
    status: Identifier


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
    | NeverConceded
    | IssueStatusCondition,
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
    # geography (see `Geography`): the region it lies in, and how far it can project force
    # (None: global for a great power, regional for any other state)
    region: Identifier | None = None
    reach: Literal[REACHES] | None = None  # type: ignore[valid-type]

    @model_validator(mode="after")
    def _position_on_map(self) -> StateSpec:
        x, y = self.position
        if not (0 <= x <= 1 and 0 <= y <= 1):
            raise ValueError("position must be two numbers between 0 and 1")
        return self

    @property
    def projection(self) -> str:
        """How far it can project force: its `reach`, or the default for its kind of state."""
        return self.reach or ("global" if self.great_power else "regional")


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


class Interests(Strict):
    """What a bystander cares about: the states it stands by and those it opposes (it votes
    against drafts aimed at its friends or tabled by its rivals, and for drafts aimed at its
    rivals), and the geography region it belongs to (it follows that region's organizations)."""

    friends: tuple[Identifier, ...] = ()
    rivals: tuple[Identifier, ...] = ()
    region: Identifier | None = None


class Bystander(Strict):
    """A Security Council member no player controls; `leaning` is its readiness to act (-1..1),
    `interests` its friends, rivals and region. Listing its id in `permanent` makes it one of the
    five permanent members, with a veto."""

    id: Identifier
    name: ShortText
    leaning: float = Field(default=0.0, ge=-1, le=1)
    interests: Interests = Interests()


PERMANENT_SEATS = 5  # UN Charter Art. 23(1)
COUNCIL_SEATS = 15  # UN Charter Art. 23(1), as amended in 1965


class SecurityCouncil(Strict):
    permanent: tuple[Identifier, ...] = Field(min_length=1, max_length=PERMANENT_SEATS)
    elected: tuple[Identifier, ...] = ()
    bystanders: tuple[Bystander, ...] = ()

    @model_validator(mode="after")
    def _fifteen_seats(self) -> SecurityCouncil:
        bystander_ids = {b.id for b in self.bystanders}
        states_permanent = [m for m in self.permanent if m not in bystander_ids]
        seats = len(states_permanent) + len(self.elected) + len(self.bystanders)
        if seats != COUNCIL_SEATS:
            raise ValueError(
                f"the Security Council must have {COUNCIL_SEATS} seats (permanent + elected + "
                f"bystanders, a bystander listed in permanent counted once); found {seats}"
            )
        if len(self.permanent) != PERMANENT_SEATS:
            raise ValueError(
                f"the Security Council has {PERMANENT_SEATS} permanent members; found "
                f"{len(self.permanent)} (list states or bystanders' ids in permanent)"
            )
        return self

    @property
    def seats(self) -> tuple[str, ...]:
        """Every member once: permanent, elected, then the other bystanders."""
        listed = (*self.permanent, *self.elected)
        return (*listed, *(b.id for b in self.bystanders if b.id not in listed))


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


# --- issues at stake ---------------------------------------------------------------------------

ISSUE_KINDS = ("access", "territory", "protection", "inspections", "basing", "leadership", "policy")
MAX_WORTH = 100.0  # % of GDP a turn: more than any economy could bear


class Stake(Strict):
    """What an issue is worth to one state: the status it wants, and the cost (% of its GDP a
    turn) it would bear rather than give up that status."""

    state: Identifier
    wants: Identifier
    worth: float = Field(ge=0, le=MAX_WORTH)


class IssueSpec(Strict):
    """An issue the crisis is about: who decides it (`held_by`: demands are made to that state),
    its status at the start, every status it can take in plain words, and what it is worth to each
    state that cares. A protection issue may name the population whose safety it decides and the
    status under which the killings stop (`population`, `safe_status`)."""

    id: Identifier
    name: ShortText
    kind: Literal[ISSUE_KINDS]  # type: ignore[valid-type]
    held_by: Identifier
    status: Identifier
    outcomes: dict[Identifier, Paragraph] = Field(min_length=2, max_length=8)
    stakes: tuple[Stake, ...] = ()
    at: tuple[float, float] | None = Field(default=None, description="map placement, 0..1")
    population: Identifier | None = None
    safe_status: Identifier | None = None

    @model_validator(mode="after")
    def _at_on_map(self) -> IssueSpec:
        if self.at is not None and not all(0 <= v <= 1 for v in self.at):
            raise ValueError("at must be two numbers between 0 and 1")
        return self

    def stake(self, state_id: str) -> Stake | None:
        return next((s for s in self.stakes if s.state == state_id), None)


# --- geography --------------------------------------------------------------------------------

Point = tuple[float, float]
MAX_MAP_POINTS = 200  # a polygon or a line of more points draws nothing more


def _on_map(points: tuple[Point, ...]) -> tuple[Point, ...]:
    for x, y in points:
        if not (0 <= x <= 1 and 0 <= y <= 1):
            raise ValueError(f"every point must be two numbers between 0 and 1; found [{x}, {y}]")
    return points


Area = Annotated[
    tuple[Point, ...], Field(min_length=3, max_length=MAX_MAP_POINTS), AfterValidator(_on_map)
]
Line = Annotated[
    tuple[Point, ...], Field(min_length=2, max_length=MAX_MAP_POINTS), AfterValidator(_on_map)
]


class Region(Strict):
    """A named area of the map (states belong to at most one): drawn as a tinted polygon.
    `tension`: the region's tension at the start when tension is kept by region (None: the
    scenario's `tension`)."""

    id: Identifier
    name: ShortText
    area: Area
    tension: float | None = Field(default=None, ge=0, le=100)

    @model_serializer(mode="wrap")
    def _without_unused_tension(self, handler: SerializerFunctionWrapHandler) -> dict:
        data = handler(self)  # added later: left out when unused (the digest stays the same)
        if data.get("tension") is None:
            data.pop("tension", None)
        return data


class SeaLane(Strict):
    id: Identifier
    name: ShortText
    path: Line


class River(Strict):
    id: Identifier
    name: ShortText
    path: Line


class Zone(Strict):
    """A disputed or special area, drawn hatched; it may name the issue at stake there."""

    id: Identifier
    name: ShortText
    area: Area
    issue: Identifier | None = None


class Geography(Strict):
    """Where things are: regions, sea lanes, rivers, zones, and which states are neighbours (by
    land or across a narrow sea). A state's reach (see StateSpec) is read against it."""

    regions: tuple[Region, ...] = ()
    sea_lanes: tuple[SeaLane, ...] = ()
    rivers: tuple[River, ...] = ()
    zones: tuple[Zone, ...] = ()
    borders: tuple[tuple[Identifier, Identifier], ...] = ()
    # tension kept region by region (every state then lies in a region): what happens in one
    # region heats that region, and the world's tension is their average, so a large world does
    # not boil over from one corner. False: one tension for the whole world.
    regional_tension: bool = False

    @model_serializer(mode="wrap")
    def _without_unused_regional_tension(self, handler: SerializerFunctionWrapHandler) -> dict:
        # added after sessions were first saved: left out when unused, so a scenario's digest
        # (part of every state hash) stays what it was
        data = handler(self)
        if not data.get("regional_tension"):
            data.pop("regional_tension", None)
        return data


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


COUNCIL_RESULTS = ("adopted", "failed", "vetoed", "any")
SANCTIONS_STEPS = ("threatened", "imposed", "conceded", "lifted", "dropped", "any")
# triggers added after sessions were first saved: left out of a scenario's data when unused, so
# its digest (part of every state hash) stays what it was and sessions saved before still replay
LATER_TRIGGERS = ("deaths_at_least", "council_vote", "sanctions", "manual")


class Trigger(Strict):
    """When an inject happens by itself: the first turn any of its conditions holds. `manual`
    injects never happen by themselves: they wait in the library for the facilitator."""

    turn: int | None = Field(default=None, ge=1)
    tension_at_least: float | None = Field(default=None, ge=0, le=100)
    escalation_at_least: Literal[ESCALATION_RUNGS] | None = None  # type: ignore[valid-type]
    deaths_at_least: int | None = Field(default=None, ge=1, le=MAX_PEOPLE)  # all populations
    council_vote: Literal[COUNCIL_RESULTS] | None = None  # type: ignore[valid-type]
    sanctions: Literal[SANCTIONS_STEPS] | None = None  # type: ignore[valid-type]
    manual: bool = False

    @model_validator(mode="after")
    def _one_condition(self) -> Trigger:
        conditions = (
            self.turn,
            self.tension_at_least,
            self.escalation_at_least,
            self.deaths_at_least,
            self.council_vote,
            self.sanctions,
        )
        if all(c is None for c in conditions) and not self.manual:
            raise ValueError(
                "a trigger needs turn, tension_at_least, escalation_at_least, deaths_at_least, "
                "council_vote or sanctions, or manual: true (only the facilitator fires it)"
            )
        return self

    @model_serializer(mode="wrap")
    def _without_unused_later_triggers(self, handler: SerializerFunctionWrapHandler) -> dict:
        data = handler(self)
        for key in LATER_TRIGGERS:
            if data.get(key) in (None, False):
                data.pop(key, None)
        return data


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
    turns: int = Field(ge=1, le=MAX_TURNS)
    turn_length: ShortText = Field(description="what a turn stands for, e.g. 'two weeks'")
    seed: int = Field(default=1, ge=0, lt=2**63)
    tension: float = Field(default=20, ge=0, le=100)
    escalation: Literal[ESCALATION_RUNGS] = "protest"  # type: ignore[valid-type]
    states: tuple[StateSpec, ...] = Field(min_length=2, max_length=MAX_STATES)
    relations: tuple[RelationSpec, ...] = ()
    trade: tuple[TradeSpec, ...] = ()
    treaties: tuple[TreatySpec, ...] = ()
    organizations: Organizations = Organizations()
    populations: tuple[PopulationSpec, ...] = ()
    injects: tuple[Inject, ...] = ()
    geography: Geography | None = None
    issues: tuple[IssueSpec, ...] = ()

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

    @cached_property
    def tension_regions(self) -> tuple[str, ...]:
        """The regions tension is kept in, in the geography's order; () when the scenario keeps
        one tension for the whole world (see Geography.regional_tension)."""
        geo = self.geography
        return tuple(r.id for r in geo.regions) if geo is not None and geo.regional_tension else ()

    @cached_property
    def tension_region_index(self) -> dict[str, int]:
        """Each state's region's position in `tension_regions` (states in a region only)."""
        where = {r: i for i, r in enumerate(self.tension_regions)}
        return {s.id: where[s.region] for s in self.states if s.region in where}

    @cached_property
    def tension_weights(self) -> tuple[float, ...]:
        """Each region's weight in the world's tension: its share of the states."""
        counts = [0] * len(self.tension_regions)
        for i in self.tension_region_index.values():
            counts[i] += 1
        total = sum(counts) or 1
        return tuple(c / total for c in counts)

    @cached_property
    def _issues_by_id(self) -> dict[str, IssueSpec]:
        return {i.id: i for i in self.issues}

    def issue(self, issue_id: str) -> IssueSpec | None:
        """The issue at stake with this id, or None."""
        return self._issues_by_id.get(issue_id)
