"""How a move is declared: once, in its family's rules module.

A move is an order type together with everything the game needs to know about it: its label, its
legality check (with the reason when it is illegal), its candidate generator for legal-move
listing, the step that carries it out (and so the phase it runs in), the help players read, and
the hints the computer players and the order forms use. A `Family` gathers a rules module's moves
and steps; a `Ruleset` puts families together and is what `legality` and `resolve` consult, much
as boardgame.io reads a game's `moves` and `phases`.

    @dataclass(frozen=True, slots=True)
    class SendAid(Order):
        target: str = ""

    MOVES = (Move(SendAid, "Send aid", check_aid, aid_candidates, SOFT_POWER_STEP, help=...),)
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum, IntEnum
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import ConfigDict

if TYPE_CHECKING:
    from .draft import TurnDraft
    from .state import GameState


@functools.cache
def field_names(order_type: type) -> tuple[str, ...]:
    """An order class's fields, in order, looked up once: `dataclasses.fields` is slow to ask,
    and orders are turned into data and searched for the states they name by the hundred in
    every guide and every look-ahead decision."""
    return tuple(f.name for f in dataclasses.fields(order_type))


@dataclass(frozen=True, slots=True)
class Order:
    """One thing a seat does in a turn. Subclasses add typed fields; each is declared as a move
    (see `Move`), which fills in `move`. Orders travel as dicts
    ({"kind": "ImposeSanctions", "actor": ..., ...}) in the session log and between processes."""

    actor: str
    move: ClassVar[Move]
    # how `orders.order_from_dict` validates fields from JSON: exact types, nothing unknown
    __pydantic_config__: ClassVar[ConfigDict] = ConfigDict(
        extra="forbid", strict=True, allow_inf_nan=False
    )

    @property
    def kind(self) -> str:
        return type(self).__name__

    @property
    def label(self) -> str:
        return type(self).move.label

    @property
    def costs_action(self) -> bool:
        return type(self).move.costs_action

    @property
    def family(self) -> str:
        return type(self).move.family

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind}
        for name in field_names(type(self)):
            value = getattr(self, name)
            if isinstance(value, tuple):
                value = list(value)
            elif isinstance(value, Enum):
                value = value.value
            data[name] = value
        return data

    def targets(self) -> tuple[str, ...]:
        """The states this order is aimed at (for the map and for legality)."""
        out = []
        for name in ("target", "against", "beneficiary"):
            value = getattr(self, name, None)
            if isinstance(value, str):
                out.append(value)
        for name in ("to", "between"):
            out.extend(getattr(self, name, ()) or ())
        return tuple(out)


class Phase(IntEnum):
    """The rulebook's order of resolution (docs/RULES.md, "A turn"). Every step runs in the phase
    it declares; phases run in this order, and steps within a phase in family order."""

    TALK = 10  # messages and back channels
    MEDIATION = 11  # answers to mediation offers, new offers, shuttle diplomacy
    PROPOSALS_ANSWERED = 20  # last turn's proposals accepted or rejected; treaties signed
    TREATIES_BROKEN = 21
    PROPOSALS_MADE = 22
    COUNCIL_VOTES = 30  # last turn's drafts voted on
    COUNCIL_DRAFTS = 31
    REGIONAL = 32
    SANCTIONS = 40  # concessions, lifts, threats, impositions, joins
    ALLIANCES = 50  # answers to last turn's calls, then new calls
    POSTURE = 60  # build-ups and reductions; arms races
    ARMS_CONTROL = 61  # cheating, inspections, detection
    WARS = 62  # wars already under way fight before new clashes start
    FORCE = 63  # shows and uses of force; clashes that become wars
    COVERT = 64
    INTERVENTION = 65
    DEADLINES = 70  # ultimatums answered, defied, enforced
    SANCTIONS_COSTS = 71
    SOFT_POWER = 72
    TOLL = 73  # populations at risk
    DOMESTIC = 80
    INJECTS = 81
    ESCALATION = 82


StepRun = Callable[["TurnDraft", "TurnOrders"], None]


@dataclass(frozen=True, eq=False)
class Step:
    """A piece of the turn's resolution, in its phase: it carries out its moves' orders, or the
    turn's upkeep (wars fought, costs paid). Every step runs every turn.

    With a `run` function, the step takes its orders itself (`orders.of(...)`): for moves settled
    together, such as answers weighed against the record they answer. Without one, it applies
    each of its moves' orders in resolution order with the move's own `apply`."""

    phase: Phase
    run: StepRun | None = None
    name: str = ""

    def __post_init__(self) -> None:
        if not self.name:
            object.__setattr__(self, "name", self.run.__name__ if self.run else self.phase.name)


@dataclass(frozen=True)
class MoveHelp:
    """Plain-language help for players who have never played: what it does, costs and risks,
    and when it can be given."""

    what: str
    costs: str
    risks: str
    when: str = "Any turn."


@dataclass(frozen=True)
class Answer:
    """For moves that answer something addressed to the seat: the field naming what is answered
    (a proposal's id...) and the yes/no field, so forms, the random player and the look-ahead
    can offer or flip the answer without knowing the move."""

    ref: str  # e.g. "proposal"
    choice: str | None  # e.g. "accept"; None when the move is itself the only answer
    ref_label: str  # what the form calls the referenced thing: "Proposal"


Check = Callable[["GameState", Any], "str | None"]
Apply = Callable[["TurnDraft", Any], None]
Candidates = Callable[["GameState", str], Iterable[Order]]


@dataclass(frozen=True)
class Move:
    order: type[Order]
    label: str
    check: Check  # None when the order is legal in this state, else the reason it is not
    candidates: Candidates  # every order of this kind the seat might give (checked afterwards)
    effect: Step  # the step that carries it out (and so the phase it runs in)
    help: MoveHelp
    apply: Apply | None = None  # what one order does, when its step applies orders one by one
    costs_action: bool = True  # free moves: messages and answers
    answer: Answer | None = None
    # for order forms: fields a player fills in freely, with their widget ("text", "states",
    # "number", "fraction"; the engine checks the result), and the order to ask for the fields
    free_fields: Mapping[str, str] = field(default_factory=dict)
    field_order: tuple[str, ...] = ()
    family: str = ""  # filled in by the Family that declares it

    @property
    def kind(self) -> str:
        return self.order.__name__


@dataclass(frozen=True)
class Family:
    """A rules module's moves and steps, and the enum of the event kinds it emits."""

    id: str
    title: str  # for players: "Economic sanctions"
    moves: tuple[Move, ...] = ()
    steps: tuple[Step, ...] = ()
    events: type | tuple[type, ...] = ()  # the StrEnum(s) of the event kinds its steps emit

    def __post_init__(self) -> None:
        moves = tuple(dataclasses.replace(m, family=self.id) for m in self.moves)
        object.__setattr__(self, "moves", moves)
        for move in moves:
            move.order.move = move  # the order class answers label, family... from its move


class Ruleset:
    """The families of a game, in catalogue order: its moves by order type and its steps in
    resolution order. `STANDARD` (in `rules`) is the game; tests build others."""

    def __init__(self, families: Sequence[Family]):
        self.families = tuple(families)
        self.moves: dict[type[Order], Move] = {}
        for family in self.families:
            for move in family.moves:
                if move.order in self.moves:
                    raise ValueError(f"{move.kind} is declared twice")
                self.moves[move.order] = move
        for move in self.moves.values():
            if (move.effect.run is None) != (move.apply is not None):
                raise ValueError(
                    f"{move.kind}: a move needs `apply` exactly when its step has no `run`"
                )
        ranked = [
            (step.phase, rank, position, step)
            for rank, family in enumerate(self.families)
            for position, step in enumerate(family.steps)
        ]
        self.steps: tuple[Step, ...] = tuple(s for *_, s in sorted(ranked, key=lambda r: r[:3]))
        self.order_types: dict[str, type[Order]] = {m.kind: m.order for m in self.moves.values()}
        # the order types each step applies one by one, worked out once: the step then takes
        # its own orders, not a pass over every order of the turn (steps run in every
        # simulated turn of the computer players' look-ahead)
        self.applied: dict[Step, tuple[type[Order], ...]] = {}
        for move in self.moves.values():
            self.applied[move.effect] = (*self.applied.get(move.effect, ()), move.order)
        for step in self.steps:
            if step.run is None and step not in self.applied:
                raise ValueError(f"step {step.name} applies orders but no move uses it")

    def run(self, step: Step, draft: TurnDraft, orders: TurnOrders) -> None:
        """Carry out one step of the turn."""
        if step.run is not None:
            step.run(draft, orders)
            return
        for order in orders.of(*self.applied[step]):
            self.moves[type(order)].apply(draft, order)  # type: ignore[misc]

    def move(self, order: Order | type[Order]) -> Move | None:
        return self.moves.get(order if isinstance(order, type) else type(order))

    def family(self, family_id: str) -> Family:
        return next(f for f in self.families if f.id == family_id)

    @property
    def event_kinds(self) -> tuple[str, ...]:
        return tuple(
            str(kind)
            for f in self.families
            for enum in (f.events if isinstance(f.events, tuple) else (f.events,))
            for kind in enum
        )


class TurnOrders(list):
    """This turn's valid orders in resolution order, also grouped by type, for steps to take
    their own with `of(...)`."""

    def __init__(self, orders: Iterable[Order]):
        super().__init__(orders)
        self._by_type: dict[type, list[Order]] = {}
        for order in self:
            self._by_type.setdefault(type(order), []).append(order)

    def of(self, *types: type[Order]) -> Sequence[Any]:
        """The orders of any of these types, in resolution order."""
        if len(types) == 1:
            return self._by_type.get(types[0], ())
        if self._by_type.keys().isdisjoint(types):
            return ()  # most turns: none of them, so no pass over the orders
        return [o for o in self if type(o) in types]
