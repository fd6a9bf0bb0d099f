"""A computer player that looks ahead with the engine itself.

It proposes several candidate order sets (its doctrine's instinct, the other doctrines'
instincts, the instinct with one action left out, answers flipped), plays each forward a few
turns on its own belief of the world (its seat's view: estimates, not true values) with the
other states played by the rule-of-thumb player, and keeps the candidate whose futures score
best for its objectives. Difficulty is foresight: how many candidates, how many turns ahead and
how many futures per candidate. The work is counted in simulated turns, not seconds, so the
same seed gives the same decision on every machine; an optional wall-clock budget stops early
with the best candidate so far (anytime), for interactive play.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from ..loop import play_turn
from ..orders import Order
from ..players import Player
from ..rng import Rng, derive_seed
from ..rules.agreements import AnswerProposal
from ..rules.alliances import AnswerInvocation
from ..rules.diplomacy import AnswerUltimatum
from ..rules.sanctions import ConcedeToSanctions
from ..scoring import score
from ..state import GameState
from ..view import SeatView
from .heuristic import DOCTRINES, Decision, HeuristicPlayer


@dataclass(frozen=True)
class Foresight:
    candidates: int  # order sets compared
    depth: int  # turns simulated ahead
    futures: int  # rollouts per candidate (the dice differ)


LEVELS: dict[str, Foresight | None] = {
    "easy": None,  # the rule-of-thumb player: no look-ahead
    "normal": Foresight(candidates=8, depth=2, futures=2),
    "hard": Foresight(candidates=12, depth=3, futures=3),
}
DEFAULT_LEVEL = "normal"


def utility(state: GameState, seat: str, start: GameState) -> float:
    """How good a state is for the seat: objectives met and obligations kept dominate; the
    state's condition breaks ties (it is what future objectives are won with)."""
    sc = score(state, seat)
    now, before = state.country(seat), start.country(seat)
    lost_war = any(
        w.winner in ("a", "b") and seat in (w.side_b if w.winner == "a" else w.side_a)
        for w in state.wars
    )
    return (
        sc.objective_points
        + 0.5 * sc.obligation_points
        + 0.4 * (now.stability - before.stability)
        + 0.3 * (now.reputation - before.reputation)
        + 30.0 * (now.economy / before.economy - 1.0)
        + 10.0 * (now.military / max(before.military, 1.0) - 1.0)
        - (25.0 if lost_war else 0.0)
    )


class LookaheadPlayer:
    name = "lookahead"

    def __init__(
        self,
        level: str = DEFAULT_LEVEL,
        doctrine: str | None = None,
        budget_seconds: float | None = None,
        clock: Callable[[], float] = time.perf_counter,
    ):
        if level not in LEVELS:
            raise ValueError(f"unknown level {level!r} (expected one of {', '.join(LEVELS)})")
        self.level = level
        self.doctrine = doctrine
        self.foresight = LEVELS[level]
        self.instinct = HeuristicPlayer(doctrine)
        self.budget = budget_seconds
        self.clock = clock

    def decide(self, view: SeatView, rng: Rng) -> Decision:
        base = self.instinct.decide(view, Rng(derive_seed(rng.below(2**62), "instinct")))
        if self.foresight is None or view.state.finished:
            return base
        started = self.clock()
        candidates = self._candidates(view, base, rng)[: self.foresight.candidates]
        stream = rng.below(2**62)  # every candidate meets the same futures (common dice)
        best, best_value = base, float("-inf")
        tried = 0
        for decision in candidates:
            value = self._evaluate(view, decision.orders, stream)
            tried += 1
            if value > best_value:
                best, best_value = decision, value
            if self.budget is not None and self.clock() - started > self.budget:
                break  # anytime: keep the best found so far
        reasons = [
            *best.reasons,
            f"Looked {self.foresight.depth} turn(s) ahead over {tried} plan(s); "
            f"this one scored {best_value:.1f}.",
        ]
        return Decision(list(best.orders), reasons)

    # --- candidates -----------------------------------------------------------------------------

    def _candidates(self, view: SeatView, base: Decision, rng: Rng) -> list[Decision]:
        out = [base]
        seen = {tuple(base.orders)}

        def add(decision: Decision) -> None:
            key = tuple(decision.orders)
            if key not in seen:
                seen.add(key)
                out.append(decision)

        for doctrine in DOCTRINES:
            if doctrine != (self.doctrine or view.state.scenario.state(view.seat).doctrine):
                add(
                    HeuristicPlayer(doctrine).decide(
                        view, Rng(derive_seed(rng.below(2**62), doctrine))
                    )
                )
        for i, order in enumerate(base.orders):
            flipped = _flip(order)
            if flipped is not None:
                add(
                    Decision(
                        [*base.orders[:i], flipped, *base.orders[i + 1 :]],
                        [*base.reasons, f"{order.label}: the opposite answer looked better"],
                    )
                )
            elif order.costs_action:
                add(
                    Decision(
                        [*base.orders[:i], *base.orders[i + 1 :]],
                        [r for j, r in enumerate(base.reasons) if j != i],
                    )
                )
        add(
            Decision(
                [o for o in base.orders if not o.costs_action],
                ["Holding back this turn looked wisest."],
            )
        )
        return out

    # --- evaluation ------------------------------------------------------------------------------

    def _evaluate(self, view: SeatView, orders: list[Order], stream: int) -> float:
        """The mean utility of `futures` rollouts in which the seat gives `orders` now and plays
        by instinct afterwards, the other states by the rule-of-thumb player."""
        assert self.foresight is not None and view.seat is not None
        seat, belief = view.seat, view.state
        others: dict[str, Player] = {o: HeuristicPlayer() for o in belief.ids if o != seat}
        total = 0.0
        for k in range(self.foresight.futures):
            future = Rng(derive_seed(stream, "future", k))
            state = belief
            for depth in range(self.foresight.depth):
                if state.finished:
                    break
                given = {seat: orders} if depth == 0 else {}
                players = others if depth == 0 else {**others, seat: self.instinct}
                deciding = [*others, *([seat] if depth else [])]  # the seat draws last
                dice = _DrawnDice.draw(future, deciding)
                state = play_turn(state, (), given, players, dice).state
            total += utility(state, seat, belief)
        return total / self.foresight.futures


class _DrawnDice:
    """The dice of one simulated turn, drawn in advance from a rollout's stream: one generator
    per deciding seat (in seat order), then the turn's."""

    def __init__(self, seats: dict[str, Rng], turn: Rng):
        self.seats, self.turn = seats, turn

    @classmethod
    def draw(cls, stream: Rng, seats: list[str]) -> _DrawnDice:
        drawn = {seat: Rng(stream.below(2**62)) for seat in seats}
        return cls(drawn, Rng(stream.below(2**62)))

    def for_seat(self, turn: int, seat: str) -> Rng:
        return self.seats[seat]

    def for_turn(self, turn: int) -> Rng:
        return self.turn


def _flip(order: Order) -> Order | None:
    """The opposite answer to something addressed to us, where there is one."""
    from dataclasses import replace

    if isinstance(order, AnswerProposal):
        return replace(order, accept=not order.accept)
    if isinstance(order, AnswerInvocation):
        return replace(order, honour=not order.honour)
    if isinstance(order, AnswerUltimatum):
        return replace(order, comply=not order.comply)
    if isinstance(order, ConcedeToSanctions):
        return None
    return None
