"""Turn resolution: all seats' orders applied together, step by step in the rulebook's phases.

`resolve(state, orders, rng)` is a pure function: it returns the next state, the events that
explain it and one result per order, and touches nothing else. It has two halves: `validate`
(every order checked, void ones given their reason) and `adjudicate` (every step of the ruleset,
in phase order: see `moves.Phase`; docs/RULES.md describes it for players).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from .draft import TurnDraft
from .enums import OrderStatus
from .events import Event
from .legality import check_orders
from .moves import Order, Ruleset, TurnOrders
from .rng import Rng
from .rules import STANDARD
from .state import GameState


class OrderResult(NamedTuple):
    order: Order
    status: OrderStatus
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Resolution:
    state: GameState
    events: tuple[Event, ...]
    results: tuple[OrderResult, ...]


def resolve(
    state: GameState, orders: Iterable[Order], rng: Rng, rules: Ruleset = STANDARD
) -> Resolution:
    valid, results = validate(state, orders, rules)
    return adjudicate(state, valid, rng, results, rules)


def validate(
    state: GameState, orders: Iterable[Order], rules: Ruleset = STANDARD
) -> tuple[list[Order], tuple[OrderResult, ...]]:
    """The legal orders in resolution order (seat by seat), and a result for every order: void
    ones carry the reason. The first half of `resolve`."""
    if state.finished:
        raise ValueError("the game is over; there is no turn to resolve")
    by_seat: dict[str, list[Order]] = {}
    for order in orders:
        by_seat.setdefault(order.actor, []).append(order)
    results: list[OrderResult] = []
    valid: list[Order] = []
    for seat in sorted(by_seat):  # a fixed order, whatever order the seats submitted in
        reasons = check_orders(state, seat, by_seat[seat], rules)
        for order, reason in zip(by_seat[seat], reasons, strict=True):
            if reason is None:
                valid.append(order)
                results.append(OrderResult(order, OrderStatus.APPLIED))
            else:
                results.append(OrderResult(order, OrderStatus.VOID, reason))
    return valid, tuple(results)


def adjudicate(
    state: GameState,
    valid: list[Order],
    rng: Rng,
    results: tuple[OrderResult, ...] = (),
    rules: Ruleset = STANDARD,
) -> Resolution:
    """The second half of `resolve`: every step applied to the orders `validate` found legal
    (void ones among `results` are reported to their seats). Apart from `resolve`, only tools
    that time the two halves apart call it: it does not check the orders again."""
    if state.finished:
        raise ValueError("the game is over; there is no turn to resolve")
    draft = TurnDraft(state, rng)
    for r in results:
        if r.status == OrderStatus.VOID:
            draft.emit(
                "OrderVoided",
                f"{r.order.label} was not carried out: {r.reason}.",
                (r.order.actor,),
                visible_to=(r.order.actor,),
            )
    orders = TurnOrders(valid)
    for step in rules.steps:
        rules.run(step, draft, orders)
    return Resolution(draft.freeze(), tuple(draft.events), results)
