"""A session in play: scenario, seed, who plays each seat, and the log of turns.

The match gathers each seat's orders (people submit them; computer seats decide from their own
view), plays the turn through the game loop (`loop.play_turn`) when every seat is in, and keeps
the log. It has no I/O of its own: a recorder (the session store) is told of every submission and
every resolved turn, which is how autosave works. The log is enough to replay the match exactly
(`replay`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Protocol

from .events import Event
from .legality import check_orders
from .loop import SessionDice, TurnRecord, play_turn
from .orders import Order
from .players import Decision, Player
from .scenario import Scenario
from .setup import new_game
from .view import SeatView, view_for

__all__ = ["Match", "OrdersRejected", "Recorder", "TurnRecord", "replay"]


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
        self.dice = SessionDice(self.seed)
        if isinstance(computer, Mapping):
            self.computer: dict[str, Player] = dict(computer)
        else:  # seat ids: the default computer player for each (the AI loads only here)
            from .ai import make_player

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

    def decide_for_computer(self, seat: str) -> Decision:
        """What a computer seat's player decides now, from its view (as the turn will ask it)."""
        rng = self.dice.for_seat(self.state.turn, seat)
        return self.computer[seat].decide(self.view(seat), rng)

    def resolve_turn(self) -> TurnRecord:
        """Let computer seats decide, resolve the turn and log it. All humans must be in."""
        missing = self.waiting_for()
        if missing:
            raise RuntimeError(f"still waiting for orders from {', '.join(missing)}")
        record = play_turn(self.state, self.last_events(), self.pending, self.computer, self.dice)
        return self._log(record)

    def apply(
        self,
        orders: Mapping[str, tuple[Order, ...]],
        reasons: Mapping[str, tuple[str, ...]] | None = None,
    ) -> TurnRecord:
        """Resolve the turn with these orders for every seat (a replayed log's), as given."""
        record = play_turn(self.state, self.last_events(), orders, {}, self.dice)
        return self._log(dataclasses.replace(record, reasons=dict(reasons or {})))

    def _log(self, record: TurnRecord) -> TurnRecord:
        self.state = record.state
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
    state, events = new_game(scenario, seed), ()
    dice = SessionDice(seed)
    records = []
    for orders in turns:
        by_seat: dict[str, list[Order]] = {}
        for order in orders:
            by_seat.setdefault(order.actor, []).append(order)
        record = play_turn(state, events, by_seat, {}, dice)
        records.append(record)
        state, events = record.state, record.events
    return records
