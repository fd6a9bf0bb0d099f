"""Putting the white cell where the facilitator works: a tab of the control cell window of the
game at this computer (`attach_session_white_cell`, from the main window), or of the control cell
of a class hosted from here (`open_class_control_cell`, from the host window); the time left in
the main window's status bar, for every seat at the keyboard; and the projector view."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QWidget

from .projector_window import ProjectorWindow
from .white_cell import clock_model
from .white_cell_backends import ClassWhiteCell, SessionWhiteCell, WhiteCellBackend
from .white_cell_panel import WhiteCellPanel


@dataclass
class WhiteCellParts:
    backend: WhiteCellBackend
    panel: WhiteCellPanel
    window: Any  # the ControlCellWindow holding the panel
    projector: ProjectorWindow | None = field(default=None)

    def show_projector(self, screen_index: int) -> ProjectorWindow:
        """The class screen, full screen on that monitor (made on first use)."""
        if self.projector is None:
            self.projector = ProjectorWindow(self.backend, self.window)
        self.projector.refresh()
        self.projector.show_on(screen_index)
        return self.projector


def screen_names() -> list[str]:
    screens = QGuiApplication.screens()
    primary = QGuiApplication.primaryScreen()
    return [
        f"{i + 1}: {s.name() or 'screen'} ({s.size().width()}\u00d7{s.size().height()})"
        + (", this one" if s is primary else "")
        for i, s in enumerate(screens)
    ] or ["this screen"]


def _parts(backend: WhiteCellBackend, window: Any) -> WhiteCellParts:
    panel = WhiteCellPanel(backend)
    panel.set_screens(screen_names())
    window.add_white_cell(panel)
    parts = WhiteCellParts(backend, panel, window)
    panel.sig_projector_requested.connect(parts.show_projector)
    return parts


class ClockLabel(QLabel):
    """The time left in the turn (or that the game is paused), for every seat to see."""

    def __init__(self, backend: WhiteCellBackend, parent: QWidget | None = None):
        super().__init__("", parent)
        self.setObjectName("turnClockLabel")
        bold = self.font()
        bold.setBold(True)
        self.setFont(bold)
        self.backend = backend
        backend.sig_tick.connect(self.refresh)
        backend.sig_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        match, clock = self.backend.match, self.backend.clock
        shown = match is not None and not match.finished and (clock.limited or clock.paused)
        self.setText(clock_model(clock).words if shown else "")


def attach_session_white_cell(
    main_window: Any, control_window: Any, control: Any
) -> WhiteCellParts:
    """The white cell of the game played at this computer, as a tab of its control cell; the
    time left in the main window's status bar."""
    backend = SessionWhiteCell(main_window.presenter, main_window)
    parts = _parts(backend, control_window)
    backend.sig_changed.connect(control.refresh)
    main_window.statusBar().addPermanentWidget(ClockLabel(backend, main_window))
    return parts


def open_class_control_cell(host_window: Any) -> WhiteCellParts:
    """The control cell of the class hosted from this computer, with its white cell: made on
    first use, shown and raised."""
    parts: WhiteCellParts | None = getattr(host_window, "white_cell", None)
    if parts is None:
        from .control_cell import control_cell
        from .control_cell_window import ControlCellWindow

        window = ControlCellWindow(host_window)
        backend = ClassWhiteCell(host_window.presenter, window)
        parts = _parts(backend, window)

        def refresh() -> None:
            match = backend.match
            if match is None:
                window.clear()
            else:
                window.show_control_cell(control_cell(match))

        backend.sig_changed.connect(refresh)
        refresh()
        host_window.white_cell = parts
    parts.window.show()
    parts.window.raise_()
    parts.window.activateWindow()
    return parts
