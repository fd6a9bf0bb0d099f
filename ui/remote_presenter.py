"""The presenter of a seat played from this computer in a hosted class.

Like `SessionPresenter` for one seat, but the match lives on the host: this presenter holds the
seat's client (`wargame.net.client.SeatClient`, on a thread of its own), follows the game from
the host's messages (`wargame.net.seat.SeatGame`), and builds the same screens from the views the
host sent. Messages reach the GUI thread only through a queued signal, so a slow network never
freezes the window. Orders are checked here for the player's convenience; the host checks them
again and is the only one that decides.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from wargame.legality import MAX_ACTIONS_PER_TURN, check_orders
from wargame.net.client import Outcome, SeatClient
from wargame.net.protocol import (
    Ack,
    Error,
    GameOver,
    Rejected,
    Status,
    TurnResolved,
    Update,
    Welcome,
)
from wargame.net.seat import SeatGame
from wargame.net.tokens import SeatTokens
from wargame.orders import Order
from wargame.scoring import scores

from . import interpreter
from .labels import Labeller
from .presenter import QueuedRow, QueueState
from .viewmodels import ObjectiveRow, seat_screen

AUTO_SUBMIT_MARGIN = 3.0  # seconds before the deadline a seat's queued orders are handed in
WITHDRAWN = "the facilitator's change made the orders you had handed in impossible; hand in again"

CONNECTION_WORDS = {
    "connecting": "Connecting to the host\u2026",
    "connected": "Connected to the host.",
    "reconnecting": "The connection was lost; reconnecting by itself\u2026",
}


@dataclass(frozen=True)
class Waiting:
    """Between handing in orders and the turn's results: who is still deciding."""

    turn: int
    turns: int
    waiting_for: str  # names, in words ("" when nobody)
    deadline: str  # e.g. "The turn closes at 14:05 (in 3 min)." or ""


@dataclass(frozen=True)
class SeatResult:
    """The end of the game as this seat may see it: its own objectives and score."""

    title: str
    seat_name: str
    turns_played: int
    objectives: tuple[ObjectiveRow, ...]
    total: int
    outcome: str
    state_hash: str


class _Relay(QObject):
    """Lives in the GUI thread; the client's thread emits, Qt queues the call to the GUI."""

    sig_received = Signal(object)
    sig_connection = Signal(str)
    sig_ended = Signal(object)


class RemoteSeatPresenter(QObject):
    # --- signals ----------------------------------------------------------------------------
    sig_connection_changed = Signal(str)  # words for the status bar
    sig_seat_shown = Signal(object)  # viewmodels.SeatScreen
    sig_queue_changed = Signal(object)  # QueueState
    sig_orders_rejected = Signal(list)  # reasons, one line each
    sig_waiting_shown = Signal(object)  # Waiting
    sig_game_finished = Signal(object)  # SeatResult
    sig_refused = Signal(str)  # the host will not have this client: why
    sig_deadline_changed = Signal(object)  # seconds left in the turn (float), or None
    sig_paused_changed = Signal(bool)  # the facilitator paused (True) or resumed the game

    def __init__(self, tokens: SeatTokens | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.tokens = tokens if tokens is not None else SeatTokens()
        self.game: SeatGame | None = None
        self._client: SeatClient | None = None
        self._thread: threading.Thread | None = None
        self._queue: list[Order] = []
        self._relay = _Relay(self)
        self._relay.sig_received.connect(self._on_message)
        self._relay.sig_connection.connect(
            lambda state: self.sig_connection_changed.emit(CONNECTION_WORDS.get(state, state))
        )
        self._relay.sig_ended.connect(self._on_ended)
        # at the deadline the orders still queued are handed in (a little before it, so they
        # reach the host in time); seats with none are handled as the facilitator chose
        self._deadline_timer = QTimer(self)
        self._deadline_timer.setSingleShot(True)
        self._deadline_timer.timeout.connect(self.hand_in_queue)

    # --- public API -------------------------------------------------------------------------------

    @property
    def seat(self) -> str | None:
        return self.game.seat if self.game is not None else None

    @property
    def queued(self) -> tuple[Order, ...]:
        return tuple(self._queue)

    def join(self, address: str, seat: str, code: str | None) -> None:
        """Connect (on the client's own thread); AddressError for an address that is not one."""
        self.leave()
        relay = self._relay
        client = SeatClient(
            address,
            seat,
            code,
            on_message=relay.sig_received.emit,
            on_connection=relay.sig_connection.emit,
            tokens=self.tokens,
            client_name="wargame desktop",
        )
        self.game, self._client, self._queue = SeatGame(seat), client, []
        self.sig_connection_changed.emit(CONNECTION_WORDS["connecting"])
        self._thread = threading.Thread(
            target=lambda: relay.sig_ended.emit(client.run()), name="seat-client", daemon=True
        )
        self._thread.start()

    def leave(self, wait: float = 3.0) -> None:
        client, thread = self._client, self._thread
        self._client = self._thread = None
        if client is not None:
            client.stop()
        if thread is not None:
            thread.join(wait)
        interpreter.release_session()  # the class's leftovers, collected once on the way out

    def check(self, order: Order) -> str | None:
        """Why this order would be refused if added to the queue; None when it would be fine."""
        game = self.game
        if game is None or not game.joined or game.finished:
            return "no game is being played"
        return check_orders(game.view.state, game.seat, [*self._queue, order])[-1]

    def queue_order(self, order: Order) -> bool:
        reason = self.check(order)
        if reason is not None:
            label = Labeller(self.game.view.state).order(order) if self._playing() else order.kind
            self.sig_orders_rejected.emit([f"{label}: {reason}"])
            return False
        self._queue.append(order)
        self._emit_queue()
        return True

    def remove_order(self, index: int) -> None:
        if 0 <= index < len(self._queue):
            del self._queue[index]
            self._emit_queue()

    def clear_orders(self) -> None:
        self._queue.clear()
        self._emit_queue()

    def submit(self) -> None:
        """Hand the queued orders to the host; the screen changes when the host acknowledges."""
        game, client = self.game, self._client
        if game is None or client is None or not self._playing() or game.awaiting_ack:
            return
        reasons = [r for r in check_orders(game.view.state, game.seat, self._queue) if r]
        if reasons:
            self.sig_orders_rejected.emit(reasons)
            return
        if not client.send(game.submission(self._queue)):
            self.sig_orders_rejected.emit(
                ["not connected to the host just now; try again in a moment"]
            )

    # --- private --------------------------------------------------------------------------------

    def _playing(self) -> bool:
        return self.game is not None and self.game.joined and not self.game.finished

    @Slot(object)
    def _on_message(self, message: object) -> None:
        game = self.game
        if game is None:
            return
        game.apply(message)  # type: ignore[arg-type]
        if isinstance(message, Welcome | TurnResolved | Status | Update):
            self._follow_deadline()
        if isinstance(message, Welcome | TurnResolved | Update):
            if isinstance(message, TurnResolved):
                self._queue = []
            if isinstance(message, Update) and message.withdrawn:
                self.sig_orders_rejected.emit([WITHDRAWN])
            self._show()
            if isinstance(message, TurnResolved):
                interpreter.keep_survivors()  # what lived through the turn: out of full passes
        elif isinstance(message, Ack):
            self._show()
        elif isinstance(message, Rejected):
            self.sig_orders_rejected.emit([r.reason for r in message.reasons])
        elif isinstance(message, Status):
            if game.joined and game.submitted is not None and not game.finished:
                self.sig_waiting_shown.emit(self._waiting())
        elif isinstance(message, GameOver):
            self.sig_game_finished.emit(self._result())
        elif isinstance(message, Error):
            if message.retry:  # the client tries again by itself
                self.sig_connection_changed.emit(
                    f"{message.message[:1].upper()}{message.message[1:]}."
                )
            else:
                self.sig_refused.emit(message.message)

    def _follow_deadline(self) -> None:
        game = self.game
        assert game is not None
        deadline = None if game.finished else game.deadline
        paused = deadline is not None and deadline.paused
        limited = deadline is not None and deadline.limited and not paused
        self.sig_deadline_changed.emit(deadline.seconds_left if limited else None)  # type: ignore[union-attr]
        self.sig_paused_changed.emit(paused)
        self._deadline_timer.stop()
        if limited and game.needs_orders:
            wait = max(0.0, deadline.seconds_left - AUTO_SUBMIT_MARGIN)  # type: ignore[union-attr]
            self._deadline_timer.start(int(wait * 1000))

    def hand_in_queue(self) -> None:
        """The deadline: hand in what is queued (nothing queued: the facilitator's rule for
        seats without orders applies)."""
        game = self.game
        if game is not None and game.needs_orders and self._queue:
            self.submit()

    @Slot(object)
    def _on_ended(self, outcome: Outcome) -> None:
        if outcome.reason == "refused" and outcome.error is not None:
            self.sig_refused.emit(outcome.error.message)

    def _show(self) -> None:
        game = self.game
        assert game is not None
        if game.finished:
            return  # the game-over message follows
        if game.submitted is not None:
            self.sig_waiting_shown.emit(self._waiting())
            return
        screen = seat_screen(game.view, game.past, game.start, hot_seat=False)
        self.sig_seat_shown.emit(screen)
        self._emit_queue()

    def _emit_queue(self) -> None:
        game = self.game
        if not self._playing() or game is None:
            return
        lab = Labeller(game.view.state)
        reasons = check_orders(game.view.state, game.seat, self._queue)
        rows = tuple(
            QueuedRow(lab.order(o), r, o.costs_action)
            for o, r in zip(self._queue, reasons, strict=True)
        )
        used = sum(1 for o in self._queue if o.costs_action)
        self.sig_queue_changed.emit(
            QueueState(game.seat, rows, tuple(self._queue), used, MAX_ACTIONS_PER_TURN)
        )

    def _waiting(self) -> Waiting:
        game = self.game
        assert game is not None
        lab = Labeller(game.view.state)
        missing = [s.seat for s in game.seats if not s.handed_in and s.played_by == "person"]
        deadline = ""
        if game.deadline is not None:
            minutes = max(1, round(game.deadline.seconds_left / 60))
            deadline = f"The turn closes in about {minutes} min."
        return Waiting(game.turn, game.turns, lab.names(missing), deadline)

    def _result(self) -> SeatResult:
        game = self.game
        assert game is not None
        view = game.view
        mine = scores(view.state)[game.seat]
        objectives = tuple(
            ObjectiveRow(r.objective.text, r.objective.points, r.objective.secret, r.met)
            for r in mine.objectives
        )
        return SeatResult(
            game.title,
            Labeller(view.state).name(game.seat),
            len(game.past),
            objectives,
            mine.total,
            mine.outcome,
            game.state_hash or "",
        )
