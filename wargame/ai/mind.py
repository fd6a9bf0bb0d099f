"""The computer player's working memory for one turn, and the readings every judgement shares.

`Mind` holds the seat's state, its doctrine's style and the seeded generator, collects the
Decision (each order with its reason) and enforces the action limit. The judgements themselves
live in the modules that extend it (answers, sanctions, force, objectives, doctrine); heuristic.py
puts them together.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, TypeVar

from ..events import Event
from ..legality import MAX_ACTIONS_PER_TURN
from ..orders import Order
from ..players import Decision
from ..rng import Rng
from ..rules.common import democracy_factor
from ..rules.power import expected_support, fighting_strength
from ..state import GameState

_OBJECTIVES_BY_TYPE: dict[int, tuple[Any, dict[str, tuple[Any, ...]]]] = {}


def objectives_by_type(spec: Any) -> dict[str, tuple[Any, ...]]:
    """A state's objectives by condition type, each in order: grouped once per state's spec (a
    scenario never changes, and a decision asks for points of one type or another many times)."""
    entry = _OBJECTIVES_BY_TYPE.get(id(spec))
    if entry is None or entry[0] is not spec:  # held here: its id is not reused meanwhile
        grouped: dict[str, list[Any]] = {}
        for obj in spec.objectives:
            grouped.setdefault(obj.condition.type, []).append(obj)
        if len(_OBJECTIVES_BY_TYPE) >= 4096:
            _OBJECTIVES_BY_TYPE.clear()
        entry = (spec, {t: tuple(objs) for t, objs in grouped.items()})
        _OBJECTIVES_BY_TYPE[id(spec)] = entry
    return entry[1]


_PER_SCENARIO: dict[tuple[int, str], tuple[Any, Any]] = {}
T = TypeVar("T")


def per_scenario(scenario: Any, what: str, build: Callable[[Any], T]) -> T:
    """`build(scenario)`, worked out once per scenario (a seat's view keeps the same redacted
    scenario turn after turn, and scenarios never change) and remembered under the name `what`.
    Each entry holds its scenario, so that its id is not reused while the entry lives."""
    key = (id(scenario), what)
    entry = _PER_SCENARIO.get(key)
    if entry is None or entry[0] is not scenario:
        if len(_PER_SCENARIO) >= 4096:
            _PER_SCENARIO.clear()
        entry = _PER_SCENARIO[key] = (scenario, build(scenario))
    return entry[1]


def logistic(x: float) -> float:
    if x < -60:
        return 0.0
    return 1.0 / (1.0 + math.exp(-x))


class Mind:
    def __init__(
        self,
        state: GameState,
        me: str,
        style: dict[str, float],
        rng: Rng,
        private_seed: int = 0,
        events: tuple[Event, ...] = (),
    ):
        self.s = state
        self.private_seed = private_seed  # the seat's own key for its private draws
        self.events = events  # last turn's events as the seat saw them (messages to it...)
        self.me = me
        self.spec = state.scenario.state(me)
        self.style = style
        self.rng = rng
        self.decision = Decision()
        self.notes: list[str] = []  # reasons for what we chose not to do (holding out...)
        self.actions = 0
        self.turns_left = state.scenario.turns - state.turn  # turns still to come after this one
        # readings asked again and again in one decision (every rival's strength, objective
        # points), worked out once: the state and the objectives do not change while it thinks
        self._strengths: dict[str, float] = {}
        self._points: dict[tuple, int] = {}
        self._supports: dict[tuple[str, str], float] = {}
        self._appeals: dict[str, float] = {}  # force.py `attack_appeal`
        self._prospects: dict[tuple[str, str, str], float] = {}  # sanctions.py `prospect`
        self._current: dict[str, Any] = {}
        self._credibility: dict[str, float] = {}
        self._minds: dict[str, Any] = {}  # sanctions.py `_their_mind`
        self._objectives = objectives_by_type(self.spec)
        # our row of the relations matrix: `rel` is asked hundreds of times a decision
        index = state.scenario.state_index
        self._index, self._relations = index, state.relations
        self._row = index[me] * len(index)

    # --- bookkeeping --------------------------------------------------------------------------

    def give(self, order: Order, reason: str) -> bool:
        if order in self.decision.orders:
            return False
        if order.costs_action:
            if self.actions >= MAX_ACTIONS_PER_TURN:
                return False
            self.actions += 1
        self.decision.orders.append(order)
        self.decision.reasons.append(f"{order.label}: {reason}")
        return True

    def note(self, text: str) -> None:
        """A reason with no order: why we did not act (we held out, we let an offer pass)."""
        self.notes.append(text[:1].upper() + text[1:])

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def chance_at_most(self, ceiling: float, share: Callable[[], float]) -> bool:
        """`chance(ceiling * share())` for a share between 0 and 1 (and a ceiling of at least
        0), the same draw and the same answer, with the share worked out only when the draw
        falls under the ceiling: above it no share could make the chance succeed (a share that
        weighs every rival's friends is thus mostly spared)."""
        draw = self.rng.random()
        return draw < ceiling and draw < ceiling * share()

    # --- readings of the world ----------------------------------------------------------------

    def current(self, name: str) -> Any:
        """`GameState.current`, read once a decision: a view's filtered records have no ledger,
        so every reading of them would work their order out again (archive.py)."""
        found = self._current.get(name)
        if found is None:
            found = self._current[name] = self.s.current(name)
        return found

    def strength(self, sid: str) -> float:
        found = self._strengths.get(sid)
        if found is None:
            found = self._strengths[sid] = max(1.0, fighting_strength(self.s, sid))
        return found

    def name(self, state_id: str) -> str:
        """A state's display name, for reasons players read."""
        return self.s.name(state_id)

    def rel(self, other: str) -> float:
        return self._relations[self._row + self._index[other]]  # as `GameState.relation` reads it

    def support(self, protege: str, aggressor: str) -> float:
        """`expected_support` of the protege against the aggressor, worked out once a decision."""
        key = (protege, aggressor)
        found = self._supports.get(key)
        if found is None:
            found = self._supports[key] = expected_support(self.s, protege, aggressor)
        return found

    def rivals(self) -> list[str]:
        return sorted((o for o in self.s.ids if o != self.me and self.rel(o) < -15), key=self.rel)

    def points(self, ctype: str, **match) -> int:
        """Points of this state's objectives of one condition type (optionally matching fields)."""
        if ctype not in self._objectives:
            return 0  # most questions: none of that type, nothing to match
        key = (ctype, *sorted(match.items()))
        try:
            found = self._points.get(key)
        except TypeError:  # a list to match against: not remembered
            return self._count_points(ctype, match)
        if found is None:
            found = self._points[key] = self._count_points(ctype, match)
        return found

    def _count_points(self, ctype: str, match: dict) -> int:
        total = 0
        for obj in self._objectives.get(ctype, ()):
            c = obj.condition
            if all(getattr(c, k, None) in v for k, v in match.items()):
                total += obj.points
        return total

    def war_aversion(self, other: str) -> float:
        """How much this state's objectives forbid a war with `other` (0 none .. about 1)."""
        return self.points("avoid_war", with_=(None, other)) / 30

    def at_war_with(self, other: str) -> bool:
        return self.s.at_war(self.me, other)

    def credibility(self, issuer: str) -> float:
        """How likely this state thinks `issuer` is to carry out a threat: its reputation, the
        audience costs its public imposes on empty threats, and its record in this crisis.
        Worked out once a decision for each issuer (every prospect of a threat of ours asks)."""
        found = self._credibility.get(issuer)
        if found is None:
            found = self._credibility[issuer] = self._reckon_credibility(issuer)
        return found

    def _reckon_credibility(self, issuer: str) -> float:
        s = self.s
        rep = s.country(issuer).reputation / 100
        audience = (democracy_factor(issuer, s.scenario) - 0.7) / 0.8  # 0 autocracy .. 1 democracy
        kept = sum(1 for u in s.ultimatums if u.issuer == issuer and u.status == "enforced")
        broke = sum(1 for u in s.ultimatums if u.issuer == issuer and u.status == "backed_down")
        kept += sum(
            1
            for e in s.sanctions
            if issuer in e.senders and e.threatened_turn is not None and e.imposed_turn is not None
        )
        broke += sum(1 for e in s.sanctions if issuer in e.senders and e.stage == "dropped")
        return min(0.95, max(0.05, 0.2 + 0.4 * rep + 0.25 * audience + 0.08 * kept - 0.12 * broke))
