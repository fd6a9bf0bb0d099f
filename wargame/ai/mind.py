"""The computer player's working memory for one turn, and the readings every judgement shares.

`Mind` holds the seat's state, its doctrine's style and the seeded generator, collects the
Decision (each order with its reason) and enforces the action limit. The judgements themselves
live in the modules that extend it (answers, sanctions, force, objectives, doctrine); heuristic.py
puts them together.
"""

from __future__ import annotations

import math
from typing import Any

from ..events import Event
from ..legality import MAX_ACTIONS_PER_TURN
from ..orders import Order
from ..players import Decision
from ..rng import Rng
from ..rules.common import democracy_factor
from ..rules.power import fighting_strength
from ..state import GameState

_OBJECTIVES_BY_TYPE: dict[int, tuple[Any, dict[str, tuple[Any, ...]]]] = {}


def objectives_of_type(spec: Any, ctype: str) -> tuple[Any, ...]:
    """A state's objectives of one condition type, in order: grouped once per state's spec (a
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
    return entry[1].get(ctype, ())


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

    # --- readings of the world ----------------------------------------------------------------

    def strength(self, sid: str) -> float:
        found = self._strengths.get(sid)
        if found is None:
            found = self._strengths[sid] = max(1.0, fighting_strength(self.s, sid))
        return found

    def name(self, state_id: str) -> str:
        """A state's display name, for reasons players read."""
        return self.s.name(state_id)

    def rel(self, other: str) -> float:
        return self.s.relation(self.me, other)

    def rivals(self) -> list[str]:
        return sorted((o for o in self.s.ids if o != self.me and self.rel(o) < -15), key=self.rel)

    def points(self, ctype: str, **match) -> int:
        """Points of this state's objectives of one condition type (optionally matching fields)."""
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
        for obj in objectives_of_type(self.spec, ctype):
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
        audience costs its public imposes on empty threats, and its record in this crisis."""
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
