"""Which orders a seat may give: each move's own check, from the ruleset, plus the per-turn limits.

An illegal order is not an error: `resolve` records it as void with the reason, as the Diplomacy
adjudicator does, so players learn why.
"""

from __future__ import annotations

from collections.abc import Iterable

from .moves import Move, Order, Ruleset
from .rules import STANDARD
from .state import GameState

MAX_ACTIONS_PER_TURN = 4  # messages and answers are free; everything else counts


def check_order(state: GameState, order: Order, rules: Ruleset = STANDARD) -> str | None:
    """None when the order is legal in this state, otherwise the reason it is not."""
    if state.finished:
        return "the game is over"
    if order.actor not in state.ids:
        return f"there is no state {order.actor!r} in this scenario"
    return _check_by_type(state, order, rules.move(order))


def _check_by_type(state: GameState, order: Order, move: Move | None) -> str | None:
    """The move's own check (after the checks on the game and the actor)."""
    if move is None:
        return f"unknown order {order.kind}"
    return move.check(state, order)


def check_orders(
    state: GameState, seat: str, orders: Iterable[Order], rules: Ruleset = STANDARD
) -> list[str | None]:
    """Reasons per order, including the per-turn limits that only a whole set can break."""
    reasons: list[str | None] = []
    actions = 0
    seen: set[Order] = set()
    if state.finished:
        seat_reason: str | None = "the game is over"
    elif seat not in state.ids:
        seat_reason = f"there is no state {seat!r} in this scenario"
    else:
        seat_reason = None
    for order in orders:
        move = rules.moves.get(type(order))  # looked up once: the check and the count need it
        if order.actor != seat:
            reason = f"this order belongs to {order.actor}, not {seat}"
        elif order in seen:
            reason = "the same order was given twice"
        else:
            reason = seat_reason or _check_by_type(state, order, move)
        seen.add(order)
        if reason is None and move is not None and move.costs_action:
            actions += 1
            if actions > MAX_ACTIONS_PER_TURN:
                reason = (
                    f"at most {MAX_ACTIONS_PER_TURN} actions a turn (messages and answers are free)"
                )
        reasons.append(reason)
    return reasons


def legal_orders(state: GameState, seat: str, rules: Ruleset = STANDARD) -> list[Order]:
    """Every legal order for the seat this turn, except free-text messages (python-chess's
    legal move generation; the count for the tutorial's first turn is pinned in the tests)."""
    if state.finished:
        return []
    out = []
    for move in rules.moves.values():
        for order in move.candidates(state, seat):
            if check_order(state, order, rules) is None:
                out.append(order)
    return out
