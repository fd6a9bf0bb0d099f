"""Which orders a seat may give: one check per order type, gathered from the rules modules.

An illegal order is not an error: `resolve` records it as void with the reason, as the Diplomacy
adjudicator does, so players learn why.
"""

from __future__ import annotations

from collections.abc import Iterable

from .orders import MAX_ACTIONS_PER_TURN, Order
from .rules import (
    agreements,
    alliances,
    arms_control,
    diplomacy,
    humanitarian,
    military,
    organizations,
    sanctions,
    soft_power,
)
from .state import GameState

FAMILIES = (
    diplomacy,
    agreements,
    sanctions,
    alliances,
    military,
    arms_control,
    organizations,
    humanitarian,
    soft_power,
)
CHECKS = {cls: check for module in FAMILIES for cls, check in module.CHECKS.items()}


def check_order(state: GameState, order: Order) -> str | None:
    """None when the order is legal in this state, otherwise the reason it is not."""
    if state.finished:
        return "the game is over"
    if order.actor not in state.ids:
        return f"there is no state {order.actor!r} in this scenario"
    return _check_by_type(state, order)


def _check_by_type(state: GameState, order: Order) -> str | None:
    """The order type's own check (after the checks on the game and the actor)."""
    check = CHECKS.get(type(order))
    if check is None:
        return f"unknown order {order.kind}"
    return check(state, order)


def check_orders(state: GameState, seat: str, orders: Iterable[Order]) -> list[str | None]:
    """Reasons per order, including the per-turn limits that only a whole set can break."""
    reasons: list[str | None] = []
    actions = 0
    seen: set[Order] = set()
    # check_order's first two checks, once for the whole set: they depend only on the seat
    if state.finished:
        seat_reason = "the game is over"
    elif seat not in state.ids:
        seat_reason = f"there is no state {seat!r} in this scenario"
    else:
        seat_reason = None
    for order in orders:
        known = len(seen)
        seen.add(order)
        repeated = len(seen) == known  # "order in seen" before the add, with one hash, not two
        if order.actor != seat:
            reason = f"this order belongs to {order.actor}, not {seat}"
        elif repeated:
            reason = "the same order was given twice"
        else:
            reason = seat_reason or _check_by_type(state, order)
        if reason is None and order.costs_action:
            actions += 1
            if actions > MAX_ACTIONS_PER_TURN:
                reason = (
                    f"at most {MAX_ACTIONS_PER_TURN} actions a turn (messages and answers are free)"
                )
        reasons.append(reason)
    return reasons


def legal_orders(state: GameState, seat: str) -> list[Order]:
    """Every legal order for the seat this turn, except free-text messages (python-chess's
    legal move generation; the count for the tutorial's first turn is pinned in the tests)."""
    if state.finished:
        return []
    out = []
    for module in FAMILIES:
        for order in module.candidates(state, seat):
            if check_order(state, order) is None:
                out.append(order)
    return out
