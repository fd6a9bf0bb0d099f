"""The game loop: one turn played from a state, the same way everywhere.

Matches (live and resumed), replays of a saved log, calibration runs and the computer players'
look-ahead all play turns through `play_turn`: the seats that have not given orders and are
played by the computer decide from their own view, each with its own generator, then `resolve`
plays every order together. What differs between them is only where the dice come from (`Dice`).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from .events import Event
from .moves import Order, Ruleset
from .players import Player
from .resolve import OrderResult, resolve
from .rng import Rng
from .rules import STANDARD
from .state import GameState, state_hash
from .view import view_for


class Dice(Protocol):
    """Where a turn's randomness comes from: one generator per deciding seat, one for the rules."""

    def for_seat(self, turn: int, seat: str) -> Rng: ...
    def for_turn(self, turn: int) -> Rng: ...


@dataclass(frozen=True)
class SessionDice:
    """A session's dice: streams derived from its seed, the turn and the seat, so that adding a
    draw in one place never shifts the numbers anywhere else."""

    seed: int

    def for_seat(self, turn: int, seat: str) -> Rng:
        return Rng.for_seat(self.seed, turn, seat)

    def for_turn(self, turn: int) -> Rng:
        return Rng.for_turn(self.seed, turn)


@dataclass(frozen=True)
class TurnRecord:
    turn: int
    orders: tuple[Order, ...]
    events: tuple[Event, ...]
    results: tuple[OrderResult, ...]
    state: GameState
    reasons: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # computer seats' why
    # the facilitator's interventions made during the turn, before it was resolved (their events
    # lead `events`): facilitator.Applied records
    interventions: tuple[Any, ...] = ()

    @functools.cached_property
    def state_hash(self) -> str:
        """The new state's fingerprint (worked out when first asked: simulations never ask)."""
        return state_hash(self.state)


def play_turn(
    state: GameState,
    events: tuple[Event, ...],
    given: Mapping[str, Sequence[Order]],
    players: Mapping[str, Player],
    dice: Dice,
    rules: Ruleset = STANDARD,
) -> TurnRecord:
    """Play one turn: `given` holds the orders seats handed in; every seat in `players` without
    given orders decides now from its view of `state` (with last turn's `events`). Orders are
    resolved seat by seat in scenario order; orders of unknown seats come last (and are void)."""
    orders: dict[str, tuple[Order, ...]] = {seat: tuple(o) for seat, o in given.items()}
    reasons: dict[str, tuple[str, ...]] = {}
    for seat in state.ids:
        if seat in players and seat not in orders:
            view = view_for(state, seat, events)
            decision = players[seat].decide(view, dice.for_seat(state.turn, seat))
            orders[seat] = tuple(decision.orders)
            reasons[seat] = tuple(decision.reasons)
    seats = [*state.ids, *(s for s in orders if s not in state.scenario.state_index)]
    flat = tuple(o for seat in seats for o in orders.get(seat, ()))
    result = resolve(state, flat, dice.for_turn(state.turn), rules)
    return TurnRecord(state.turn, flat, result.events, result.results, result.state, reasons)
