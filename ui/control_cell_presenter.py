"""Keeps the control cell (the facilitator's view of the whole truth) up to date.

It follows the session presenter's signals (a session started or closed, orders handed in, a
turn resolved, the game over) and emits a fresh `ControlCell` each time; the control cell
window only renders it. Read-only: it never changes the session.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from .control_cell import ControlCell, control_cell
from .presenter import SessionPresenter


class ControlCellPresenter(QObject):
    # --- signals ----------------------------------------------------------------------------
    sig_control_cell_changed = Signal(object)  # ControlCell
    sig_session_closed = Signal()

    def __init__(self, session: SessionPresenter, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        session.sig_session_started.connect(lambda _title: self.refresh())
        session.sig_orders_submitted.connect(lambda _seat: self.refresh())
        session.sig_turn_resolved.connect(lambda _turn: self.refresh())
        session.sig_game_finished.connect(lambda _debrief: self.refresh())
        session.sig_session_closed.connect(self.sig_session_closed)

    # --- public API ---------------------------------------------------------------------------

    def current(self) -> ControlCell | None:
        match = self.session.match
        return control_cell(match) if match is not None else None

    def refresh(self) -> None:
        model = self.current()
        if model is None:
            self.sig_session_closed.emit()
        else:
            self.sig_control_cell_changed.emit(model)
