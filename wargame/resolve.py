"""Turn resolution: all seats' orders applied together in a fixed phase order.

`resolve(state, orders, rng)` is a pure function: it returns the next state, the events that
explain it and one result per order, and touches nothing else. It has two halves: `validate`
(every order checked, void ones given their reason) and `adjudicate` (the phases, in the order
below, which is the rulebook's; docs/RULES.md describes it for players).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from .board import Board, TurnOrders
from .events import Event
from .legality import check_orders
from .orders import Order
from .rng import Rng
from .rules import (
    agreements,
    alliances,
    arms_control,
    diplomacy,
    domestic,
    escalation,
    humanitarian,
    military,
    organizations,
    sanctions,
    soft_power,
)
from .state import GameState


class OrderResult(NamedTuple):  # a named tuple: one per order per turn, and cheap to build
    order: Order
    status: str  # "applied" or "void"
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Resolution:
    state: GameState
    events: tuple[Event, ...]
    results: tuple[OrderResult, ...]


def resolve(state: GameState, orders: Iterable[Order], rng: Rng) -> Resolution:
    valid, results = validate(state, orders)
    return adjudicate(state, valid, rng, results)


def validate(
    state: GameState, orders: Iterable[Order]
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
        for order, reason in zip(
            by_seat[seat], check_orders(state, seat, by_seat[seat]), strict=True
        ):
            if reason is None:
                valid.append(order)
                results.append(OrderResult(order, "applied"))
            else:
                results.append(OrderResult(order, "void", reason))
    return valid, tuple(results)


def adjudicate(
    state: GameState, valid: list[Order], rng: Rng, results: tuple[OrderResult, ...] = ()
) -> Resolution:
    """The second half of `resolve`: every phase applied to orders `validate` found legal (void
    ones among `results` are reported to their seats). Apart from `resolve`, only tools that
    time the two halves apart call it: it does not check the orders again."""
    if state.finished:
        raise ValueError("the game is over; there is no turn to resolve")
    board = Board(state, rng)
    for r in results:
        if r.status == "void":
            board.emit(
                "OrderVoided",
                f"{r.order.label or r.order.kind} was not carried out: {r.reason}.",
                (r.order.actor,),
                visible_to=(r.order.actor,),
            )
    run_phases(board, TurnOrders(valid))
    return Resolution(board.freeze(), tuple(board.events), results)


def run_phases(board: Board, orders: TurnOrders) -> None:
    # 1. talk
    diplomacy.deliver_messages(board, orders)
    diplomacy.settle_mediation(board, orders)
    # 2. agreements: answers to last turn's proposals, breaches, new proposals
    agreements.settle_proposals(board, orders)
    agreements.break_treaties(board, orders)
    agreements.make_proposals(board, orders)
    # 3. international organizations
    organizations.vote_on_drafts(board, orders)
    organizations.table_drafts(board, orders)
    organizations.regional_appeals(board, orders)
    # 4. economic pressure
    sanctions.settle_sanctions_orders(board, orders)
    # 5. alliances: answers to last turn's calls, then new calls
    alliances.settle_invocations(board, orders)
    # 6. force: posture, cheating, shows and uses of force, covert action, intervention, war
    military.apply_force_posture(board, orders)
    arms_control.settle_arms_control(board, orders)
    military.fight_wars(board)  # wars already under way fight before new clashes start
    military.apply_force(board, orders)
    military.apply_proxy_support(board, orders)
    humanitarian.intervene(board, orders)
    # 7. deadlines, costs, slow forces
    diplomacy.settle_ultimatums(board, orders)
    sanctions.apply_sanction_costs(board)
    aided = soft_power.apply_soft_power(board, orders)
    humanitarian.population_toll(board, aided)
    domestic.settle_domestic(board)
    escalation.fire_injects(board)
    escalation.settle_escalation(board)
