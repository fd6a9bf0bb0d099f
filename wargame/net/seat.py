"""What a client knows of its seat's game, kept from the host's messages, and the computer player
that can play the seat from the client.

`SeatGame.apply(message)` follows the game: the seat's views (decoded into `SeatView`s, the
start first and then one per resolved turn), the turn, the seat's dice for it, the deadline, which
orders the host holds, and at the end the host's `state_hash`.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from ..moves import Order
from ..orders import order_from_dict
from ..rng import Rng
from ..view import SeatView
from .decode import view_from_data
from .protocol import (
    Ack,
    Deadline,
    GameOver,
    Message,
    Refusal,
    Rejected,
    SeatStatus,
    Status,
    Submit,
    TurnResolved,
    Update,
    Welcome,
)


@dataclass
class SeatGame:
    seat: str
    title: str = ""
    turn: int = 0
    turns: int = 0
    finished: bool = False
    views: list[SeatView] = field(default_factory=list)
    dice: int | None = None
    submitted: tuple[Order, ...] | None = None  # what the host holds for this turn
    deadline: Deadline | None = None
    seats: tuple[SeatStatus, ...] = ()
    state_hash: str | None = None
    refusals: tuple[Refusal, ...] = ()  # why the last submission was not accepted
    rejected: tuple[Order, ...] | None = None  # the orders of this turn's last refused submission
    rejections: int = 0  # this turn's submissions the host refused
    _sent: dict[int, tuple[int, tuple[Order, ...]]] = field(default_factory=dict)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    @property
    def joined(self) -> bool:
        return bool(self.views)

    @property
    def view(self) -> SeatView:
        """The view to play from: the latest."""
        return self.views[-1]

    @property
    def start(self) -> SeatView:
        return self.views[0]

    @property
    def past(self) -> list[SeatView]:
        """The seat's view after each resolved turn."""
        return self.views[1:]

    @property
    def awaiting_ack(self) -> bool:
        return any(turn == self.turn for turn, _ in self._sent.values())

    @property
    def needs_orders(self) -> bool:
        return self.joined and not self.finished and self.submitted is None

    def submission(self, orders: tuple[Order, ...] | list[Order]) -> Submit:
        """The message handing in `orders` for this turn (remembered until acknowledged)."""
        orders = tuple(orders)
        ident = next(self._ids)
        self._sent[ident] = (self.turn, orders)
        return Submit(id=ident, turn=self.turn, orders=[o.to_dict() for o in orders])

    def apply(self, message: Message) -> None:
        if isinstance(message, Welcome):
            self.seat, self.title = message.seat, message.title
            self.turn, self.turns, self.finished = message.turn, message.turns, message.finished
            self.views = [view_from_data(v) for v in message.views]
            self.dice, self.deadline, self.seats = (
                message.dice,
                message.deadline,
                tuple(message.seats),
            )
            self.submitted = (
                None
                if message.submitted is None
                else tuple(order_from_dict(o) for o in message.submitted)
            )
            self._sent.clear()
            self.rejected, self.rejections = None, 0
        elif isinstance(message, TurnResolved):
            self.views.append(view_from_data(message.view))
            self.turn, self.dice, self.deadline = message.turn, message.dice, message.deadline
            self.finished = message.finished
            self.submitted = None
            self._sent.clear()
            self.rejected, self.rejections = None, 0
        elif isinstance(message, Ack):
            sent = self._sent.pop(message.id, None)
            if sent is not None and sent[0] == self.turn:
                self.submitted, self.refusals = sent[1], ()
        elif isinstance(message, Rejected):
            sent = self._sent.pop(message.id, None)
            self.refusals = tuple(message.reasons)
            if sent is not None and sent[0] == self.turn:
                self.rejected, self.rejections = sent[1], self.rejections + 1
        elif isinstance(message, Update):  # the facilitator changed the game during the turn
            if self.views and message.turn == self.turn:
                self.views[-1] = view_from_data(message.view)
                self.rejected, self.rejections = None, 0  # a new view: decide afresh
                self.submitted = (
                    None
                    if message.submitted is None
                    else tuple(order_from_dict(o) for o in message.submitted)
                )
        elif isinstance(message, Status):
            self.seats, self.deadline = tuple(message.seats), message.deadline
        elif isinstance(message, GameOver):
            self.finished, self.state_hash = True, message.state_hash


class ComputerSeat:
    """Plays a seat from the client exactly as the host's computer would: from the seat's view,
    with the seat's own dice for the turn (which the host sends).

    A refused submission never makes it leave, nor hand in the same orders again and again (the
    host would cut it off for flooding): it hands in its orders without the ones the host
    refused (all of them again when the host refused the submission as a whole, say it could not
    save it), then passes, then waits for the host's next turn, update or welcome."""

    def __init__(self, level: str):
        from ..ai import make_player  # the players load only for a computer client

        self.player = make_player(level)

    def orders(self, game: SeatGame) -> tuple[Order, ...] | None:
        """The orders to hand in now, or None when there is nothing to decide."""
        if not game.needs_orders or game.awaiting_ack or game.dice is None:
            return None
        if game.rejected is None:
            return tuple(self.player.decide(game.view, Rng(game.dice)).orders)
        if game.rejections == 1:
            refused = {r.index for r in game.refusals}
            return tuple(o for i, o in enumerate(game.rejected) if i not in refused)
        if game.rejections == 2:
            return ()  # passing is always legal
        return None
