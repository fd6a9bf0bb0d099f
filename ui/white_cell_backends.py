"""Where the white cell's interventions go: a game at this computer, or a hosted class.

Both offer the same face to the white cell's panel and the projector: the match it steers (to
read), the turn's clock, whether a seat is connected, and `intervene(intervention)`, which
reports `sig_made` (in words) or `sig_refused` (why not), then `sig_changed`.

- `SessionWhiteCell`: the game of this window's session presenter (hot seat, or one person with
  the computer). It keeps the turn's clock: at the deadline, the seat on screen hands in what it
  has queued, and the seats still without orders pass or are played by the computer (an
  intervention on the record), then the turn is resolved.
- `ClassWhiteCell`: a class hosted from this computer. The host owns the match and the clock;
  interventions run on the host's thread (`ClassHost.intervene`) and the answer comes back here.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from wargame.facilitator import (
    DeadlineReached,
    InterventionRefused,
    TurnClock,
    follow,
)
from wargame.facilitator.clock import restored
from wargame.match import Match, OrdersRejected

from .host_presenter import HostPresenter
from .presenter import SessionPresenter
from .white_cell import made_words

TICK_MS = 1000


class WhiteCellBackend(QObject):
    # --- signals ----------------------------------------------------------------------------
    sig_changed = Signal()  # the game or the class changed: redraw
    sig_made = Signal(str)  # an intervention was made: what, in words
    sig_refused = Signal(str)  # an intervention was not made: why
    sig_tick = Signal()  # a second passed: the clock's display

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self._on_tick)
        self._ticker.start()

    @property
    def match(self) -> Match | None:
        raise NotImplementedError

    @property
    def clock(self) -> TurnClock:
        raise NotImplementedError

    def connected(self, seat: str) -> bool | None:  # noqa: ARG002 - None: not a class
        return None

    def intervene(self, intervention: Any) -> None:
        raise NotImplementedError

    def _on_tick(self) -> None:
        self.sig_tick.emit()


class SessionWhiteCell(WhiteCellBackend):
    def __init__(self, session: SessionPresenter, parent: QObject | None = None):
        self.session = session
        self._clock = TurnClock(time.monotonic)
        super().__init__(parent)
        session.sig_session_started.connect(self._on_started)
        session.sig_orders_submitted.connect(lambda _seat: self.sig_changed.emit())
        session.sig_turn_resolved.connect(self._on_turn)
        session.sig_game_finished.connect(lambda _d: self.sig_changed.emit())
        session.sig_session_closed.connect(self.sig_changed)
        if session.match is not None:
            self._clock = restored(time.monotonic, session.match)

    @property
    def match(self) -> Match | None:
        return self.session.match

    @property
    def clock(self) -> TurnClock:
        return self._clock

    def intervene(self, intervention: Any) -> None:
        match = self.match
        if match is None:
            self.sig_refused.emit("no game is being played")
            return
        if self.session.busy:
            self.sig_refused.emit("a turn is being resolved; try again in a moment")
            return
        try:
            made = match.intervene(intervention)
        except InterventionRefused as exc:
            self.sig_refused.emit(str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - made, but the autosave failed: say so
            self.sig_refused.emit(f"it was made, but could not be saved: {exc}")
            made = None
        if intervention.kind == "clock":
            follow(self._clock, intervention)
        if made is not None:
            self.sig_made.emit(made_words(made))
        self.sig_changed.emit()
        self.session.refresh()

    def deadline_reached(self) -> None:
        """The turn's time ran out: the seat on screen hands in what it has queued; the seats
        still without orders pass or are played by the computer, as the facilitator chose."""
        match = self.match
        if match is None or match.finished or self.session.busy:
            return
        seat, queued = self.session.seat, self.session.queued
        if seat is not None and queued:
            try:
                match.submit(seat, queued)
            except OrdersRejected:
                pass  # orders the game refuses: the seat is handled like one without orders
        waiting = match.waiting_for()
        if waiting:
            self.intervene(DeadlineReached(at_deadline=self._clock.at_deadline, seats=waiting))
        else:
            self.session.refresh()

    def _on_started(self, _title: str) -> None:
        match = self.match
        self._clock = (
            restored(time.monotonic, match) if match is not None else TurnClock(time.monotonic)
        )
        self.sig_changed.emit()

    def _on_turn(self, _turn: int) -> None:
        self._clock.start_turn()
        self.sig_changed.emit()

    def _on_tick(self) -> None:
        super()._on_tick()
        if self._clock.due():
            self.deadline_reached()


class _Answer(QObject):
    sig_answer = Signal(object)  # emitted on the host's thread, delivered on the GUI thread


class ClassWhiteCell(WhiteCellBackend):
    def __init__(self, presenter: HostPresenter, parent: QObject | None = None):
        self.presenter = presenter
        super().__init__(parent)
        self._answer = _Answer(self)
        self._answer.sig_answer.connect(self._on_answer)
        presenter.sig_class_changed.connect(lambda _event: self.sig_changed.emit())
        presenter.sig_class_stopped.connect(self.sig_changed)

    @property
    def match(self) -> Match | None:
        hosted = self.presenter.hosted
        return hosted.host.match if hosted is not None else None

    @property
    def clock(self) -> TurnClock:
        hosted = self.presenter.hosted
        return hosted.host.clock if hosted is not None else TurnClock(time.monotonic)

    def connected(self, seat: str) -> bool | None:
        hosted = self.presenter.hosted
        return hosted.host.connected(seat) if hosted is not None else None

    def intervene(self, intervention: Any) -> None:
        hosted = self.presenter.hosted
        if hosted is None:
            self.sig_refused.emit("the class is not being hosted")
            return
        host, answer = hosted.host, self._answer

        def attempt():  # noqa: ANN202 - on the host's thread: a Reply
            from wargame.net.host import Reply

            turns, position = len(host.match.history), len(host.match.interventions)
            try:
                reply = host.intervene(intervention)
            except InterventionRefused as exc:
                answer.sig_answer.emit(exc)
                return Reply()
            m = host.match  # the turn it was made in may have been resolved since
            made = m.history[turns].interventions if len(m.history) > turns else m.interventions
            answer.sig_answer.emit(made_words(made[position]))
            return reply

        hosted.server.call(host, attempt)

    def _on_answer(self, answer: object) -> None:
        if isinstance(answer, Exception):
            self.sig_refused.emit(str(answer))
        else:
            self.sig_made.emit(str(answer))
        self.sig_changed.emit()
