"""A session in play: scenario, seed, who plays each seat, and the log of turns.

The match gathers each seat's orders (people submit them; computer seats decide from their own
view), resolves the turn when every seat is in, and keeps the log. It has no I/O of its own: a
recorder (the session store) is told of every submission and every resolved turn, which is how
autosave works. The log is enough to replay the match exactly (`replay`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from .ai import Player, make_player
from .events import Event
from .legality import check_orders
from .orders import Order
from .resolve import OrderResult, resolve
from .rng import Rng
from .scenario import Scenario
from .setup import new_game
from .state import GameState, state_hash
from .view import SeatView, view_for


@dataclass(frozen=True)
class TurnRecord:
    turn: int
    orders: tuple[Order, ...]
    events: tuple[Event, ...]
    results: tuple[OrderResult, ...]
    state: GameState
    state_hash: str
    reasons: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # computer seats' why


class Recorder(Protocol):
    def orders_submitted(self, match: Match, seat: str, orders: tuple[Order, ...]) -> None: ...
    def turn_resolved(self, match: Match, record: TurnRecord) -> None: ...


class OrdersRejected(ValueError):
    def __init__(self, reasons: list[tuple[Order, str]]):
        self.reasons = reasons
        super().__init__("; ".join(f"{o.label or o.kind}: {r}" for o, r in reasons))


class Match:
    def __init__(
        self,
        scenario: Scenario,
        seed: int | None = None,
        computer: Mapping[str, Player] | Iterable[str] = (),
        recorder: Recorder | None = None,
    ):
        self.scenario = scenario
        self.state = new_game(scenario, seed)
        self.seed = self.state.seed
        if isinstance(computer, Mapping):
            self.computer: dict[str, Player] = dict(computer)
        else:
            self.computer = {seat: make_player() for seat in computer}
        unknown = set(self.computer) - set(scenario.state_ids)
        if unknown:
            raise ValueError(f"unknown state(s) for computer play: {', '.join(sorted(unknown))}")
        self.history: list[TurnRecord] = []
        self.pending: dict[str, tuple[Order, ...]] = {}
        self.recorder = recorder

    # --- seats ----------------------------------------------------------------------------------

    @property
    def seats(self) -> tuple[str, ...]:
        return self.scenario.state_ids

    @property
    def human_seats(self) -> tuple[str, ...]:
        return tuple(s for s in self.seats if s not in self.computer)

    @property
    def finished(self) -> bool:
        return self.state.finished

    def waiting_for(self) -> tuple[str, ...]:
        """Human seats that have not yet submitted orders this turn."""
        return tuple(s for s in self.human_seats if s not in self.pending)

    def last_events(self) -> tuple[Event, ...]:
        return self.history[-1].events if self.history else ()

    def view(self, seat: str | None) -> SeatView:
        return view_for(self.state, seat, self.last_events())

    # --- orders ---------------------------------------------------------------------------------

    def submit(self, seat: str, orders: Iterable[Order]) -> None:
        """Record a seat's orders for this turn; raises OrdersRejected listing illegal ones."""
        if self.finished:
            raise OrdersRejected([])
        orders = tuple(orders)
        bad = [
            (o, r) for o, r in zip(orders, check_orders(self.state, seat, orders), strict=True) if r
        ]
        if bad:
            raise OrdersRejected(bad)
        self.pending[seat] = orders
        if self.recorder is not None:
            self.recorder.orders_submitted(self, seat, orders)

    def decide_for_computer(self, seat: str):
        rng = Rng.for_seat(self.seed, self.state.turn, seat)
        return self.computer[seat].decide(self.view(seat), rng)

    def resolve_turn(self) -> TurnRecord:
        """Let computer seats decide, resolve the turn and log it. All humans must be in."""
        missing = self.waiting_for()
        if missing:
            raise RuntimeError(f"still waiting for orders from {', '.join(missing)}")
        reasons: dict[str, tuple[str, ...]] = {}
        orders: dict[str, tuple[Order, ...]] = dict(self.pending)
        for seat in self.computer:
            decision = self.decide_for_computer(seat)
            orders[seat] = tuple(decision.orders)
            reasons[seat] = tuple(decision.reasons)
        return self.apply(orders, reasons)

    def apply(
        self,
        orders: Mapping[str, tuple[Order, ...]],
        reasons: Mapping[str, tuple[str, ...]] | None = None,
    ) -> TurnRecord:
        flat = tuple(o for seat in self.seats for o in orders.get(seat, ()))
        turn = self.state.turn
        result = resolve(self.state, flat, Rng.for_turn(self.seed, turn))
        record = TurnRecord(
            turn,
            flat,
            result.events,
            result.results,
            result.state,
            state_hash(result.state),
            dict(reasons or {}),
        )
        self.state = result.state
        self.history.append(record)
        self.pending = {}
        if self.recorder is not None:
            self.recorder.turn_resolved(self, record)
        return record

    def play_out(self) -> list[TurnRecord]:
        """Resolve turns until the game ends (every seat must be played by the computer)."""
        records = []
        while not self.finished:
            records.append(self.resolve_turn())
        return records


def replay(scenario: Scenario, seed: int, turns: Iterable[Iterable[Order]]) -> list[TurnRecord]:
    """Re-resolve a logged game from its scenario: the hashes must match the log's snapshots."""
    state = new_game(scenario, seed)
    records = []
    for orders in turns:
        orders = tuple(orders)
        result = resolve(state, orders, Rng.for_turn(seed, state.turn))
        records.append(
            TurnRecord(
                state.turn,
                orders,
                result.events,
                result.results,
                result.state,
                state_hash(result.state),
            )
        )
        state = result.state
    return records
