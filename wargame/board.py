"""The working copy that one turn's resolution edits, then freezes into the next GameState.

Rules modules receive a Board; it gives them clamped attribute changes, symmetric relations, fresh
ids, the turn's random generator and an `emit` for events. Keeping mutation inside this one object
is what lets `resolve` stay a pure function of (state, orders, rng).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from .events import Event
from .orders import Order
from .rng import Rng
from .state import Country, GameState, field_positions

BOUNDS = {
    "military": (0.0, 2000.0),
    "economy": (1.0, 20000.0),
    "stability": (0.0, 100.0),
    "reputation": (0.0, 100.0),
    "buildup": (0.0, 10.0),
}


# How a named tuple is built, minus a Python frame: records and events are built by the dozen.
_new_tuple = tuple.__new__


class TurnOrders(list):
    """This turn's valid orders in resolution order, also grouped by type: most phases want one
    or two kinds of order, and fetching them from the groups spares each phase a scan of all."""

    def __init__(self, orders: list[Order]):
        super().__init__(orders)
        self._by_type: dict[type, list[Order]] = {}
        for order in orders:
            for cls in _order_classes(type(order)):
                self._by_type.setdefault(cls, []).append(order)

    def of(self, *types: type) -> Sequence[Order]:
        """The orders that are instances of any of `types` (order classes), in resolution order.
        The result may be shared: read it, do not change it."""
        if len(types) == 1:  # the usual call
            return self._by_type.get(types[0], ())
        found = None
        for t in types:
            group = self._by_type.get(t)
            if group is not None:
                if found is not None:  # several kinds present: keep them interleaved as given
                    return [o for o in self if isinstance(o, types)]
                found = group
        return () if found is None else found


@functools.cache
def _order_classes(cls: type) -> tuple[type, ...]:
    """The order classes an order of class `cls` is an instance of (as isinstance sees it),
    up to but not including the base class Order."""
    return cls.__mro__[: cls.__mro__.index(Order)]


class Board:
    def __init__(self, state: GameState, rng: Rng):
        self.scenario = state.scenario
        self.ids = state.ids
        self.turn = state.turn
        self.rng = rng
        self.n = len(self.ids)
        self._index = state.scenario.state_index
        self._names = state.scenario.state_names
        self._trade = state.scenario.trade_shares
        self.countries: dict[str, dict[str, Any]] = {
            c.id: dict(zip(c._fields, c, strict=True)) for c in state.countries
        }
        self.relations = list(state.relations)
        self.tension = state.tension
        self.escalation = state.escalation
        self.max_escalation = state.max_escalation
        self.treaties = list(state.treaties)
        self.proposals = list(state.proposals)
        self.sanctions = list(state.sanctions)
        self.disputes = list(state.disputes)
        self.wars = list(state.wars)
        self.invocations = list(state.invocations)
        self.populations = list(state.populations)
        self.drafts = list(state.drafts)
        self.mediations = list(state.mediations)
        self.ultimatums = list(state.ultimatums)
        self.fired_injects = list(state.fired_injects)
        self.next_id = state.next_id
        self.events: list[Event] = []
        self.rungs_this_turn: list[int] = []  # escalation reached by this turn's actions
        self.previous = state  # the state at the start of the turn, for "before" values

    # --- identities and time ------------------------------------------------------------------

    def new_id(self, prefix: str) -> str:
        ident = f"{prefix}{self.next_id}"
        self.next_id += 1
        return ident

    def name(self, state_id: str) -> str:
        return self._names[state_id]

    # --- countries ----------------------------------------------------------------------------

    def get(self, state_id: str, attribute: str) -> Any:
        return self.countries[state_id][attribute]

    def set(self, state_id: str, attribute: str, value: Any) -> None:
        row = self.countries[state_id]
        if attribute not in row:  # a row must keep exactly Country's fields (see freeze)
            raise KeyError(f"a country has no attribute {attribute!r}")
        row[attribute] = value

    def adjust(self, state_id: str, attribute: str, delta: float) -> float:
        """Add delta within the attribute's bounds; returns the change actually applied."""
        low, high = BOUNDS[attribute]
        row = self.countries[state_id]
        old = row[attribute]
        new = old + delta
        # min(high, max(low, new)) without the two calls, ties included: a hot path
        if not new > low:
            new = low
        elif not new < high:
            new = high
        row[attribute] = new
        return new - old

    def scale(self, state_id: str, attribute: str, factor: float) -> float:
        """Multiply (e.g. lose 3% of the economy: factor 0.97); returns the change."""
        old = self.countries[state_id][attribute]
        return self.adjust(state_id, attribute, old * factor - old)

    def bump(self, state_id: str, counter: str, by: int = 1) -> None:
        self.countries[state_id][counter] += by

    def flag(self, state_id: str, name: str) -> None:
        self.set(state_id, name, True)

    # --- relations ----------------------------------------------------------------------------

    def relation(self, a: str, b: str) -> float:
        return self.relations[self._index[a] * self.n + self._index[b]]

    def shift_relation(self, a: str, b: str, delta: float) -> None:
        if a == b:
            return
        i, j = self._index[a], self._index[b]
        value = self.relations[i * self.n + j] + delta
        if not value > -100.0:  # min(100.0, max(-100.0, value)), as in adjust
            value = -100.0
        elif not value < 100.0:
            value = 100.0
        self.relations[i * self.n + j] = value
        self.relations[j * self.n + i] = value

    def shift_relations_with_all(
        self, state_id: str, delta: float, *, except_: tuple[str, ...] = ()
    ) -> None:
        for other in self.ids:
            if other != state_id and other not in except_:
                self.shift_relation(state_id, other, delta)

    # --- static data from the scenario --------------------------------------------------------

    def trade_share(self, a: str, b: str) -> float:
        """Share of a's trade that goes to b."""
        return self._trade.get((a, b), 0.0)

    # --- collections --------------------------------------------------------------------------

    def replace_in(self, items: list, old: Any, **changes: Any) -> Any:
        """Swap the record `old` for a copy with `changes` (as old._replace(**changes) would make,
        without building a dict of all its fields) and return the copy."""
        position = field_positions(type(old))
        values = list(old)
        for name, value in changes.items():
            values[position[name]] = value
        new = _new_tuple(type(old), values)
        # index() searches in C, comparing by identity first; no other record in a list is equal
        # to `old`, since each has its own id
        items[items.index(old)] = new
        return new

    def find(self, items: list, ident: str) -> Any:
        for x in items:
            if x.id == ident:
                return x
        return None

    def at_war(self, a: str, b: str) -> bool:
        for w in self.wars:
            if w.ended_turn is None and (
                (a in w.side_a and b in w.side_b) or (a in w.side_b and b in w.side_a)
            ):
                return True
        return False

    def war_between(self, a: str, b: str):
        for w in self.wars:
            if w.ended_turn is None and (
                (a in w.side_a and b in w.side_b) or (a in w.side_b and b in w.side_a)
            ):
                return w
        return None

    def open_dispute(self, a: str, b: str):
        for d in self.disputes:
            if d.ended_turn is None and (
                (d.initiator == a and d.target == b) or (d.initiator == b and d.target == a)
            ):
                return d
        return None

    def reach(self, rung: int) -> None:
        self.rungs_this_turn.append(rung)

    # --- events -------------------------------------------------------------------------------

    def emit(
        self,
        kind: str,
        text: str,
        actors: tuple[str, ...] = (),
        numbers: dict[str, float] | None = None,
        visible_to: tuple[str, ...] | None = None,
    ) -> None:
        # a hot path: the tuple is built as Event(...) builds it (tuple.__new__), minus a frame
        pairs = tuple([(k, float(v)) for k, v in numbers.items()]) if numbers else ()
        self.events.append(_new_tuple(Event, (self.turn, kind, text, actors, pairs, visible_to)))

    # --- freezing -----------------------------------------------------------------------------

    def freeze(self) -> GameState:
        return GameState(
            scenario=self.scenario,
            seed=self.previous.seed,
            turn=self.turn + 1,
            # positional: each row keeps the fields' order (rows are built in it, never gain keys)
            countries=tuple(
                [_new_tuple(Country, self.countries[sid].values()) for sid in self.ids]
            ),
            relations=tuple(self.relations),
            tension=self.tension,
            escalation=self.escalation,
            max_escalation=self.max_escalation,
            treaties=tuple(self.treaties),
            proposals=tuple(self.proposals),
            sanctions=tuple(self.sanctions),
            disputes=tuple(self.disputes),
            wars=tuple(self.wars),
            invocations=tuple(self.invocations),
            populations=tuple(self.populations),
            drafts=tuple(self.drafts),
            mediations=tuple(self.mediations),
            ultimatums=tuple(self.ultimatums),
            fired_injects=tuple(self.fired_injects),
            next_id=self.next_id,
        )
