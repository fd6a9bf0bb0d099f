"""The working copy that one turn's resolution edits, then freezes into the next GameState.

Rules modules receive a Board; it gives them clamped attribute changes, symmetric relations, fresh
ids, the turn's random generator and an `emit` for events. Keeping mutation inside this one object
is what lets `resolve` stay a pure function of (state, orders, rng).
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from .events import Event
from .rng import Rng
from .state import Country, GameState, record_dict

COUNTRY_FIELDS = tuple(f.name for f in fields(Country))
BOUNDS = {
    "military": (0.0, 2000.0),
    "economy": (1.0, 20000.0),
    "stability": (0.0, 100.0),
    "reputation": (0.0, 100.0),
    "buildup": (0.0, 10.0),
}


class Board:
    def __init__(self, state: GameState, rng: Rng):
        self.scenario = state.scenario
        self.ids = state.ids
        self.turn = state.turn
        self.rng = rng
        self.n = len(self.ids)
        self._index = state.scenario.state_index
        self.countries: dict[str, dict[str, Any]] = {c.id: {f: getattr(c, f) for f in COUNTRY_FIELDS} for c in state.countries}
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
        return self.scenario.state(state_id).name

    # --- countries ----------------------------------------------------------------------------

    def get(self, state_id: str, attribute: str) -> Any:
        return self.countries[state_id][attribute]

    def set(self, state_id: str, attribute: str, value: Any) -> None:
        self.countries[state_id][attribute] = value

    def adjust(self, state_id: str, attribute: str, delta: float) -> float:
        """Add delta within the attribute's bounds; returns the change actually applied."""
        low, high = BOUNDS[attribute]
        old = self.countries[state_id][attribute]
        new = min(high, max(low, old + delta))
        self.countries[state_id][attribute] = new
        return new - old

    def scale(self, state_id: str, attribute: str, factor: float) -> float:
        """Multiply (e.g. lose 3% of the economy: factor 0.97); returns the change."""
        old = self.countries[state_id][attribute]
        return self.adjust(state_id, attribute, old * factor - old)

    def bump(self, state_id: str, counter: str, by: int = 1) -> None:
        self.countries[state_id][counter] += by

    def flag(self, state_id: str, name: str) -> None:
        self.countries[state_id][name] = True

    # --- relations ----------------------------------------------------------------------------

    def relation(self, a: str, b: str) -> float:
        return self.relations[self._index[a] * self.n + self._index[b]]

    def shift_relation(self, a: str, b: str, delta: float) -> None:
        if a == b:
            return
        i, j = self._index[a], self._index[b]
        value = min(100.0, max(-100.0, self.relations[i * self.n + j] + delta))
        self.relations[i * self.n + j] = value
        self.relations[j * self.n + i] = value

    def shift_relations_with_all(self, state_id: str, delta: float, *, except_: tuple[str, ...] = ()) -> None:
        for other in self.ids:
            if other != state_id and other not in except_:
                self.shift_relation(state_id, other, delta)

    # --- static data from the scenario --------------------------------------------------------

    def trade_share(self, a: str, b: str) -> float:
        """Share of a's trade that goes to b."""
        return _trade_table(self.scenario).get((a, b), 0.0)

    # --- collections --------------------------------------------------------------------------

    def replace_in(self, items: list, old: Any, **changes: Any) -> Any:
        """Swap `old` (found by identity, not equality: faster and exact) for a changed copy."""
        new = type(old)(**{**record_dict(old), **changes})  # dataclasses.replace, without its checks
        for i, item in enumerate(items):
            if item is old:
                items[i] = new
                return new
        raise ValueError(f"{old!r} is not in the list")

    def find(self, items: list, ident: str) -> Any:
        return next((x for x in items if x.id == ident), None)

    def at_war(self, a: str, b: str) -> bool:
        for w in self.wars:
            if w.ended_turn is None and (
                (a in w.side_a and b in w.side_b) or (a in w.side_b and b in w.side_a)
            ):
                return True
        return False

    def war_between(self, a: str, b: str):
        return next(
            (
                w
                for w in self.wars
                if w.ended_turn is None
                and ((a in w.side_a and b in w.side_b) or (a in w.side_b and b in w.side_a))
            ),
            None,
        )

    def open_dispute(self, a: str, b: str):
        return next(
            (
                d
                for d in self.disputes
                if d.ended_turn is None and {d.initiator, d.target} == {a, b}
            ),
            None,
        )

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
        self.events.append(
            Event(
                turn=self.turn,
                kind=kind,
                text=text,
                actors=actors,
                numbers=tuple([(k, float(v)) for k, v in numbers.items()]) if numbers else (),
                visible_to=visible_to,
            )
        )

    # --- freezing -----------------------------------------------------------------------------

    def freeze(self) -> GameState:
        return GameState(
            scenario=self.scenario,
            seed=self.previous.seed,
            turn=self.turn + 1,
            countries=tuple(Country(**self.countries[sid]) for sid in self.ids),
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


_TRADE_CACHE: dict[int, tuple[object, dict[tuple[str, str], float]]] = {}


def _trade_table(scenario) -> dict[tuple[str, str], float]:
    """The scenario's trade shares as a dict, built once per scenario object."""
    entry = _TRADE_CACHE.get(id(scenario))
    if entry is None or entry[0] is not scenario:
        if len(_TRADE_CACHE) > 64:
            _TRADE_CACHE.clear()
        entry = (scenario, {(t.from_, t.to): t.share for t in scenario.trade})
        _TRADE_CACHE[id(scenario)] = entry
    return entry[1]
