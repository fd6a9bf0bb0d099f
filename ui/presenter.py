"""The session presenter: owns the match being played and drives a session through signals.

It knows nothing of widgets. Views send it requests (queue this order, submit, the next player is
ready) and render what its signals carry: view-models built from the engine's per-seat views.
Long work (computer players deciding, resolving the turn, opening a file, the debrief) goes
through the task runner, so the window never freezes; so does preparing the next seat's screen
after a turn (the view-models are pure Python, built from immutable states), which leaves the GUI
thread only the showing.
With several people at one computer (hot-seat) it asks for a hand-over screen before each seat
sees its own view.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from wargame.legality import MAX_ACTIONS_PER_TURN, check_orders
from wargame.match import Match, OrdersRejected, TurnRecord
from wargame.orders import Order
from wargame.setup import new_game
from wargame.state import GameState
from wargame.view import SeatView, view_for

from . import interpreter
from .debrief import debrief
from .game_setup import GameSetup
from .labels import Labeller
from .session_files import SessionFileError, SessionFiles
from .tasks import TaskRunner, describe
from .viewmodels import SeatScreen, seat_screen


@dataclass(frozen=True)
class Handover:
    seat: str
    name: str
    turn: int
    turns: int
    done: str  # the states that have already handed in orders this turn, in words


@dataclass(frozen=True)
class QueuedRow:
    label: str
    reason: str | None  # why the engine would reject it, None when fine
    costs_action: bool


@dataclass(frozen=True)
class QueueState:
    seat: str
    rows: tuple[QueuedRow, ...]
    orders: tuple[Order, ...]
    actions_used: int
    max_actions: int

    @property
    def ok(self) -> bool:
        return all(r.reason is None for r in self.rows)


@dataclass(frozen=True)
class PreparedScreen:
    """A seat's screen built ahead (on the worker), with what it was built from."""

    seat: str
    state: GameState
    turns_played: int
    interventions: int
    view: SeatView
    screen: SeatScreen

    def fits(self, match: Match) -> bool:
        """Whether the match is still where it was when this screen was built."""
        return (
            match.state is self.state
            and len(match.history) == self.turns_played
            and len(match.interventions) == self.interventions
            and self.seat in match.waiting_for()
        )


class SessionPresenter(QObject):
    # --- signals ----------------------------------------------------------------------------
    sig_session_started = Signal(str)  # scenario title
    sig_handover_requested = Signal(object)  # Handover: hide the screen until the seat is ready
    sig_seat_shown = Signal(object)  # viewmodels.SeatScreen
    sig_queue_changed = Signal(object)  # QueueState
    sig_orders_rejected = Signal(list)  # reasons, one line each
    sig_orders_submitted = Signal(str)  # seat id
    sig_busy_changed = Signal(bool, str)  # busy, what is happening
    sig_turn_resolved = Signal(int)  # the turn just resolved
    sig_game_finished = Signal(object)  # debrief.Debrief
    sig_file_changed = Signal(str)  # the session file ("" when none)
    sig_error_occurred = Signal(str, str)  # short message, details
    sig_session_closed = Signal()

    def __init__(
        self, runner: TaskRunner, files: SessionFiles | None = None, parent: QObject | None = None
    ):
        super().__init__(parent)
        self.runner = runner
        self.files = files
        self.match: Match | None = None
        self.last_setup: GameSetup | None = None
        self._seat: str | None = None
        self._view: SeatView | None = None
        self._queue: list[Order] = []
        self._busy = False
        self._start_state: GameState | None = None
        self._prepared: dict[str, PreparedScreen] = {}  # screens built ahead, by seat
        self._views: dict[tuple[str, int], SeatView] = {}  # a seat's view after each turn

    # --- public API: the session --------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def seat(self) -> str | None:
        """The seat whose view is on screen (None during a hand-over or between turns)."""
        return self._seat if self._view is not None else None

    @property
    def queued(self) -> tuple[Order, ...]:
        return tuple(self._queue)

    def start(self, setup: GameSetup) -> None:
        if self._busy:  # a turn is being resolved; the window disables this meanwhile
            return
        problem = setup.problem()
        if problem:
            self.sig_error_occurred.emit(problem, "")
            return
        self.last_setup = setup
        self._release()
        match = setup.build()
        if self.files is not None:
            try:
                self.files.attach(match)
            except SessionFileError as exc:
                self.sig_error_occurred.emit(
                    f"This game will not be saved automatically: {exc}", ""
                )
        self.adopt(match)

    def restart(self) -> None:
        if self.last_setup is not None:
            self.start(self.last_setup)

    def adopt(self, match: Match) -> None:
        """Take over a match (new, opened from a file, or built by a test) and carry on with it."""
        self.match = match
        self._start_state = new_game(match.scenario, match.seed)
        self._prepared, self._views = {}, {}
        interpreter.release_session()  # the last session's leftovers go before the first turn
        self.sig_session_started.emit(match.scenario.title)
        path = self.files.path_of(match) if self.files is not None else None
        self.sig_file_changed.emit(str(path) if path else "")
        self._next_seat()

    def open_file(self, path: str | Path) -> None:
        if self.files is None or self._busy:
            return
        files = self.files
        self._set_busy(True, f"Opening {Path(path).name}")
        self.runner.run(
            f"Opening {Path(path).name}",
            lambda: files.open(Path(path)),
            self._opened,
            self._open_failed,
        )

    def save_as(self, path: str | Path) -> bool:
        if self.files is None or self.match is None or self._busy:
            return False
        try:
            saved = self.files.save_as(self.match, Path(path))
        except SessionFileError as exc:
            self.sig_error_occurred.emit(str(exc), "")
            return False
        self.sig_file_changed.emit(str(saved))
        return True

    def close(self) -> None:
        if self._busy:
            return
        self._release()
        self.match = None
        self._seat = self._view = None
        self._queue = []
        self._prepared, self._views = {}, {}
        interpreter.release_session()
        self.sig_session_closed.emit()

    # --- public API: a seat's turn ------------------------------------------------------------

    def seat_ready(self) -> None:
        """The person for the waiting seat is at the keyboard (after the hand-over screen)."""
        if self.match is not None and self._seat is not None and self._view is None:
            if not self._busy:
                self._show_seat()

    def check(self, order: Order) -> str | None:
        """Why this order would be refused if added to the queue; None when it would be fine."""
        if self._view is None or self._seat is None:
            return "no seat is playing"
        return check_orders(self._view.state, self._seat, [*self._queue, order])[-1]

    def queue_order(self, order: Order) -> bool:
        reason = self.check(order)
        if reason is not None:
            label = (
                Labeller(self._view.state).order(order) if self._view is not None else order.kind
            )
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
        """Hand in the queued orders (possibly none) for the seat on screen."""
        if self.match is None or self._seat is None or self._view is None or self._busy:
            return
        lab = Labeller(self._view.state)
        try:
            self.match.submit(self._seat, self._queue)
        except OrdersRejected as exc:
            self.sig_orders_rejected.emit(
                [f"{lab.order(o)}: {r}" for o, r in exc.reasons] or [str(exc) or "the game is over"]
            )
            return
        seat = self._seat
        self._seat = self._view = None
        self._queue = []
        self.sig_orders_submitted.emit(seat)
        self._next_seat()

    def refresh(self) -> None:
        """The facilitator changed the game (wargame.facilitator): the seat on screen sees its
        view now; a seat no longer waiting (handed to the computer) makes way for the next; a
        turn nobody waits for any more (resumed, or its last seat handed over) is resolved."""
        match = self.match
        if match is None or self._busy:
            return
        if self._seat is not None and self._seat in match.waiting_for():
            if self._view is not None:
                self._show_seat()
            return
        self._seat, self._view, self._queue = None, None, []
        self._next_seat()

    # --- private --------------------------------------------------------------------------------

    def _next_seat(self) -> None:
        match = self.match
        if match is None:
            return
        if match.finished:
            label = "Preparing the debrief"
            self._set_busy(True, label)
            self.runner.run(
                label,
                lambda: debrief(match),
                lambda d: self._debriefed(match, d),
                lambda exc: self._debrief_failed(match, exc),
            )
            return
        waiting = match.waiting_for()
        if not waiting:
            if not match.paused:  # the facilitator's pause holds the turn until resumed
                self._resolve()
            return
        self._seat, self._view, self._queue = waiting[0], None, []
        if len(match.human_seats) > 1:
            self._prefetch(match, self._seat)
            lab = Labeller(match.state)
            done = lab.names([s for s in match.seats if s in match.pending])
            self.sig_handover_requested.emit(
                Handover(
                    self._seat, lab.name(self._seat), match.state.turn, match.scenario.turns, done
                )
            )
        else:
            self._show_seat()

    def _show_seat(self) -> None:
        """Show the seat's screen: the one prepared on the worker when it still fits the game
        (it was built after the turn was resolved, or while the hand-over screen was up), else
        built here at once (the screen must follow a click without waiting for a worker)."""
        match, seat = self.match, self._seat
        assert match is not None and seat is not None
        prepared = self._prepared.get(seat)
        if prepared is None or not prepared.fits(match):
            prepared = self._prepare(match, seat)
        self._prepared.clear()  # a screen is shown once; the next turn prepares afresh
        self._seat_built(match, seat, (prepared.view, prepared.screen))

    def _prepare(self, match: Match, seat: str) -> PreparedScreen:
        """Build a seat's screen. Pure Python on immutable states, so it may run on the worker;
        the seat's views of past turns are kept, so a turn adds one view rather than rebuilding
        them all."""
        start_state = self._start_state
        assert start_state is not None
        state, history = match.state, tuple(match.history)
        view = view_for(state, seat, match.live_events())
        past = [self._past_view(seat, i, r) for i, r in enumerate(history)]
        start = self._past_view(seat, -1, None)
        screen = seat_screen(view, past, start, hot_seat=len(match.human_seats) > 1)
        return PreparedScreen(seat, state, len(history), len(match.interventions), view, screen)

    def _past_view(self, seat: str, index: int, record: TurnRecord | None) -> SeatView:
        """The seat's view after turn `index` (-1: the start), kept once built."""
        key = (seat, index)
        view = self._views.get(key)
        if view is None:
            if record is None:
                assert self._start_state is not None
                view = view_for(self._start_state, seat)
            else:
                view = view_for(record.state, seat, record.events)
            self._views[key] = view
        return view

    def _prefetch(self, match: Match, seat: str) -> None:
        """Prepare a seat's screen on the worker while its hand-over screen is up."""
        if seat in self._prepared or self.runner.busy:
            return
        self.runner.run(
            "Preparing the next screen",
            lambda: self._prepare(match, seat),
            lambda prepared: self._prefetched(match, prepared),
            lambda _exc: None,  # built on the GUI thread when the seat is ready instead
        )

    def _prefetched(self, match: Match, prepared: PreparedScreen) -> None:
        if match is self.match and prepared.fits(match):
            self._prepared[prepared.seat] = prepared

    def _seat_built(self, match: Match, seat: str, built: tuple[SeatView, object]) -> None:
        if match is not self.match or seat != self._seat:  # the session moved on meanwhile
            return
        self._view, screen = built
        self.sig_seat_shown.emit(screen)
        self._emit_queue()

    def _debriefed(self, match: Match, result: object) -> None:
        self._set_busy(False, "")
        if match is self.match:
            self.sig_game_finished.emit(result)

    def _debrief_failed(self, match: Match, exc: Exception) -> None:
        self._set_busy(False, "")
        if match is self.match:
            self.sig_error_occurred.emit(f"The debrief could not be prepared: {exc}", describe(exc))

    def _emit_queue(self) -> None:
        if self._view is None or self._seat is None:
            return
        lab = Labeller(self._view.state)
        reasons = check_orders(self._view.state, self._seat, self._queue)
        rows = tuple(
            QueuedRow(lab.order(o), r, o.costs_action)
            for o, r in zip(self._queue, reasons, strict=True)
        )
        used = sum(1 for o in self._queue if o.costs_action)
        self.sig_queue_changed.emit(
            QueueState(self._seat, rows, tuple(self._queue), used, MAX_ACTIONS_PER_TURN)
        )

    def _resolve(self) -> None:
        match = self.match
        assert match is not None
        turn = match.state.turn
        label = f"Resolving turn {turn} of {match.scenario.turns}: computer players are deciding"
        self._set_busy(True, label)
        self.runner.run(
            label,
            lambda: self._resolve_and_prepare(match),
            lambda record: self._resolved(match, record),
            lambda exc: self._resolve_failed(match, turn, exc),
        )

    def _resolve_and_prepare(self, match: Match) -> TurnRecord:
        """On the worker: play the turn, then build the screen of the first seat to play next,
        so the GUI thread only has to show it."""
        record = match.resolve_turn()
        waiting = match.waiting_for()
        if waiting and not match.finished:
            prepared = self._prepare(match, waiting[0])
            self._prepared = {prepared.seat: prepared}  # read on the GUI thread after this job
        return record

    def _resolved(self, match: Match, record: TurnRecord) -> None:
        self._set_busy(False, "")
        if match is not self.match:  # the session was left meanwhile
            return
        self.sig_turn_resolved.emit(record.turn)
        self._next_seat()
        interpreter.keep_survivors()

    def _resolve_failed(self, match: Match, turn: int, exc: Exception) -> None:
        self._set_busy(False, "")
        if match is not self.match:
            return
        if match.state.turn > turn:  # the turn was played; recording it (autosave) failed
            self.sig_error_occurred.emit(
                f"Turn {turn} was played but could not be saved: {exc}", describe(exc)
            )
            self.sig_turn_resolved.emit(turn)
            self._next_seat()
        else:
            self.sig_error_occurred.emit(f"Turn {turn} could not be resolved: {exc}", describe(exc))

    def _opened(self, match: Match) -> None:
        self._set_busy(False, "")
        self._release()
        self.last_setup = None
        self.adopt(match)

    def _open_failed(self, exc: Exception) -> None:
        self._set_busy(False, "")
        if isinstance(exc, SessionFileError):
            self.sig_error_occurred.emit(str(exc), "")
        else:
            self.sig_error_occurred.emit(f"The session could not be opened: {exc}", describe(exc))

    def _release(self) -> None:
        if self.files is not None and self.match is not None:
            self.files.release(self.match)

    def _set_busy(self, busy: bool, text: str) -> None:
        self._busy = busy
        self.sig_busy_changed.emit(busy, text)
