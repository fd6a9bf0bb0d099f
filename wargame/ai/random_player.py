"""A uniformly random legal player: the baseline every computer player must beat."""

from __future__ import annotations

from ..legality import MAX_ACTIONS_PER_TURN, legal_orders
from ..rng import Rng
from ..view import SeatView
from .heuristic import Decision


class RandomPlayer:
    name = "random"

    def decide(self, view: SeatView, rng: Rng) -> Decision:
        assert view.seat is not None
        options = legal_orders(view.state, view.seat)
        decision = Decision()
        actions = 0
        seen_answers: set[str] = set()
        while options and actions < MAX_ACTIONS_PER_TURN:
            order = options.pop(rng.below(len(options)))
            key = (
                getattr(order, "proposal", None)
                or getattr(order, "invocation", None)
                or getattr(order, "draft", None)
                or getattr(order, "ultimatum", None)
                or getattr(order, "mediation", None)
            )
            if key:
                if key in seen_answers:
                    continue
                seen_answers.add(key)
            decision.orders.append(order)
            decision.reasons.append(f"{order.label}: chosen at random")
            if order.costs_action:
                actions += 1
        return decision
