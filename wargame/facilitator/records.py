"""The facilitator's interventions, as the session log keeps them: pydantic models, one per kind.

An intervention is what the white cell does to a session in play: fire or schedule an inject from
the scenario's library, write one on the spot, rule on an argument (a matrix-game move), override
a figure or an outcome, hand a seat to the computer or back, or change the clock. Each is checked
field by field here (ids, ranges, text without control codes); what it means for the game as it
stands (does that state, inject or treaty exist now?) is checked by `rulings.check`.

Every model is immutable and round-trips through JSON (`to_data`/`intervention_from_data`), which
is how the session file, the network and `wargame export` carry it.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, TypeAdapter, ValidationError, model_validator

from ..scenario.schema import (
    MAX_STATES,
    MAX_TENSION_CHANGE,
    MAX_TURNS,
    Effect,
    Identifier,
    Objective,
    Paragraph,
    RelationEffect,
    ShortText,
    Strict,
)

MAX_EFFECTS = 24  # changes one inject or ruling may make (a facilitator types them by hand)
MAX_COUNTERS = 12
MAX_DEADLINE_SECONDS = 4 * 3600.0  # a turn of a class lasts minutes, not days
MIN_ODDS, MAX_ODDS = 0.01, 0.99  # a roll always decides: never certain, never impossible

AtDeadline = Literal["pass", "computer"]
HANDOVER_LEVEL = "normal"  # how the computer plays a seat handed to it, unless told otherwise


class IssueChange(Strict):
    """An issue at stake moved to one of its statuses (its `outcomes`)."""

    issue: Identifier
    status: Identifier


class ObjectiveChange(Strict):
    """A state gains an objective, or one of its objectives (same id) is replaced."""

    state: Identifier
    objective: Objective


class Effects(Strict):
    """What an inject written on the spot, or an argument's success or failure, changes."""

    indicators: tuple[Effect, ...] = Field(default=(), max_length=MAX_EFFECTS)
    relations: tuple[RelationEffect, ...] = Field(default=(), max_length=MAX_EFFECTS)
    tension: float = Field(default=0.0, ge=-MAX_TENSION_CHANGE, le=MAX_TENSION_CHANGE)
    issues: tuple[IssueChange, ...] = Field(default=(), max_length=MAX_EFFECTS)
    objectives: tuple[ObjectiveChange, ...] = Field(default=(), max_length=MAX_EFFECTS)

    @property
    def empty(self) -> bool:
        return not (
            self.indicators or self.relations or self.tension or self.issues or self.objectives
        )


class FireInject(Strict):
    """An inject of the scenario's library happens now (`scheduled`: as the facilitator had
    scheduled it for this turn)."""

    kind: Literal["fire_inject"] = "fire_inject"
    inject: Identifier
    scheduled: bool = False


class ScheduleInject(Strict):
    """An inject of the library will happen at the start of `turn` (or is taken off the plan)."""

    kind: Literal["schedule_inject"] = "schedule_inject"
    inject: Identifier
    turn: int = Field(ge=1, le=MAX_TURNS)
    cancel: bool = False


class AdHocInject(Strict):
    """News written on the spot: for everyone, or only for the chosen seats."""

    kind: Literal["inject"] = "inject"
    headline: ShortText
    text: Paragraph
    audience: tuple[Identifier, ...] | None = Field(
        default=None, min_length=1, max_length=MAX_STATES
    )
    effects: Effects = Effects()


class Counter(Strict):
    """A counter-argument: who makes it (None: the facilitator) and what it says."""

    by: Identifier | None = None
    text: Paragraph


class Argument(Strict):
    """A matrix-game move: an action no menu offers, argued for with reasons, maybe countered,
    given odds by the facilitator and decided by the session's seeded dice."""

    kind: Literal["argument"] = "argument"
    by: Identifier | None = None  # the seat that argues (None: the facilitator)
    action: ShortText
    reasons: Paragraph
    counters: tuple[Counter, ...] = Field(default=(), max_length=MAX_COUNTERS)
    odds: float = Field(ge=MIN_ODDS, le=MAX_ODDS)
    on_success: Effects = Effects()
    on_failure: Effects = Effects()


FIGURES = ("military", "economy", "stability", "reputation", "relation", "tension", "escalation")
FIGURES += ("deaths",)
RECORDS = ("treaty", "sanctions", "draft", "proposal", "ultimatum", "mediation", "war", "issue")


class Override(Strict):
    """A figure set to a value, or a record's outcome changed, with the facilitator's reason.

    `figure`: a state's indicator (`state`), the relation between `state` and `other`, tension,
    the escalation rung (0-6) or a population's deaths (`subject`: its id). `record`: the status of
    a treaty, sanctions episode, Council draft, proposal, ultimatum, mediation, war ("ongoing" or
    how it ended) or issue at stake (`subject`: its id)."""

    kind: Literal["override"] = "override"
    figure: Literal[FIGURES] | None = None  # type: ignore[valid-type]
    record: Literal[RECORDS] | None = None  # type: ignore[valid-type]
    state: Identifier | None = None
    other: Identifier | None = None
    subject: str | None = Field(default=None, min_length=1, max_length=60)
    value: float | None = Field(default=None, ge=-1e9, le=1e9)
    status: str | None = Field(default=None, min_length=1, max_length=40)
    reason: Paragraph
    announce: bool = True  # False: only the facilitator's record shows it

    @model_validator(mode="after")
    def _one_target(self) -> Override:
        if (self.figure is None) == (self.record is None):
            raise ValueError("an override changes either a figure or a record, not both")
        if self.figure is not None and self.value is None:
            raise ValueError("a figure's override needs the new value")
        if self.record is not None and (self.subject is None or self.status is None):
            raise ValueError("a record's override needs its id (subject) and the new status")
        return self


class SeatControl(Strict):
    """A seat handed to the computer (at a level and in a style), or back to its person."""

    kind: Literal["seat"] = "seat"
    seat: Identifier
    to: Literal["computer", "person"]
    level: str | None = Field(default=None, min_length=1, max_length=40)
    doctrine: str | None = Field(default=None, min_length=1, max_length=40)


class ClockChange(Strict):
    """The turn's clock: paused, resumed, given a deadline (`seconds` from now, for this turn and
    the next ones), extended by `seconds`, or cleared (no deadline)."""

    kind: Literal["clock"] = "clock"
    action: Literal["pause", "resume", "deadline", "extend", "clear"]
    seconds: float | None = Field(default=None, gt=0, le=MAX_DEADLINE_SECONDS)
    at_deadline: AtDeadline | None = None

    @model_validator(mode="after")
    def _seconds_when_needed(self) -> ClockChange:
        if self.action in ("deadline", "extend") and self.seconds is None:
            raise ValueError(f"'{self.action}' needs the number of seconds")
        return self


class DeadlineReached(Strict):
    """The turn's deadline passed: the seats that had handed in no orders pass, or the computer
    plays them for this turn (at `level`)."""

    kind: Literal["deadline"] = "deadline"
    at_deadline: AtDeadline
    seats: tuple[Identifier, ...] = Field(max_length=MAX_STATES)
    level: str | None = Field(default=None, min_length=1, max_length=40)


Intervention = Annotated[
    FireInject
    | ScheduleInject
    | AdHocInject
    | Argument
    | Override
    | SeatControl
    | ClockChange
    | DeadlineReached,
    Field(discriminator="kind"),
]
_ADAPTER: TypeAdapter[Any] = TypeAdapter(Intervention)

# kinds that change nothing in the game state (who plays and when): the log keeps them all the same
BOOKKEEPING = ("schedule_inject", "seat", "clock", "deadline")


class InterventionFormatError(ValueError):
    """Data that is not an intervention; the text says which field and why."""


def to_data(intervention: Any) -> dict[str, Any]:
    """Plain JSON-ready data (what the log, the network and exports carry)."""
    return intervention.model_dump(mode="json", by_alias=True, exclude_defaults=False)


def intervention_from_data(data: Any) -> Any:
    """An intervention from plain data; InterventionFormatError saying what is wrong."""
    if not isinstance(data, dict):
        raise InterventionFormatError("an intervention is a mapping with a 'kind'")
    try:
        return _ADAPTER.validate_python(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "intervention"
        raise InterventionFormatError(f"{where}: {first['msg']}") from None
    except RecursionError:
        raise InterventionFormatError("nested far more deeply than an intervention") from None
