"""The projector view: a second window for the class screen, full screen on a chosen monitor.

It shows what every student may know, and nothing more: the public map (estimates of forces,
never true figures), this turn's public news (the facilitator's too), the escalation ladder and
tension, the time left and the Security Council's votes. Everything on it comes from
`white_cell.projector`, which reads only `wargame.view.public_view`; the class screen never
receives a secret, whatever the facilitator has open on their own screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from .ladder import EscalationLadder
from .map_view import MapView
from .resources import APP_NAME
from .viewmodels import rung_names
from .white_cell import Projector, projector
from .white_cell_backends import WhiteCellBackend
from .widgets import heading, muted


class ProjectorWindow(QWidget):
    def __init__(self, backend: WhiteCellBackend, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("projectorWindow")
        self.setWindowTitle(f"Class screen \u2014 {APP_NAME}")
        self.backend = backend
        self.model: Projector | None = None
        self.title = heading("", 2.0, "projectorTitle")
        self.turn = heading("", 1.6, "projectorTurn")
        self.clock = heading("", 2.2, "projectorClock")
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.map = MapView()
        self.map.setObjectName("projectorMap")
        self.ladder = EscalationLadder(rung_names())
        self.ladder.setObjectName("projectorLadder")
        self.tension = heading("", 1.3, "projectorTension")
        self.news = QListWidget()
        self.news.setObjectName("projectorNews")
        self.news.setWordWrap(True)
        self.news.setSpacing(3)
        self.news.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.news.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.council = QListWidget()
        self.council.setObjectName("projectorCouncil")
        self.council.setWordWrap(True)
        self.council.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.council.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        big = self.font()
        big.setPointSizeF(big.pointSizeF() * 1.25)
        for widget in (self.news, self.council):
            widget.setFont(big)
        news = QVBoxLayout()
        news.addWidget(heading("The news", 1.2))
        news.addWidget(self.news, 3)
        self.council_heading = heading("Security Council votes", 1.2)
        news.addWidget(self.council_heading)
        news.addWidget(self.council, 1)
        body = QHBoxLayout()
        body.addWidget(self.map, 5)
        body.addLayout(news, 4)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.turn)
        top.addSpacing(24)
        top.addWidget(self.clock)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        ladder = QHBoxLayout()
        ladder.addWidget(self.ladder, 1)
        ladder.addSpacing(16)
        ladder.addWidget(self.tension)
        layout.addLayout(top)
        layout.addLayout(ladder)
        layout.addLayout(body, 1)
        layout.addWidget(
            muted("The class screen: public news and estimates only. Esc leaves full screen.")
        )
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.showNormal)
        backend.sig_changed.connect(self.refresh)
        backend.sig_tick.connect(self._show_clock)
        self.resize(1280, 800)
        self.refresh()

    # --- public API -------------------------------------------------------------------------------

    def refresh(self) -> None:
        match = self.backend.match
        if match is None:
            self.model = None
            self.title.setText("No session in progress")
            self.turn.setText("")
            self.clock.setText("")
            self.news.clear()
            self.council.clear()
            return
        model = projector(match, self.backend.clock)
        self.model = model
        self.title.setText(model.title)
        self.turn.setText("Game over" if model.finished else f"Turn {model.turn} of {model.turns}")
        self.map.show_map(model.map)
        self.ladder.set_rung(model.rung, model.max_rung)
        self.tension.setText(f"Tension {model.tension:.0f} of 100")
        self.news.clear()
        bold = QFont(self.news.font())
        bold.setBold(True)
        for group in model.news:  # newest first
            title = QListWidgetItem(f"Turn {group.turn}")
            title.setFont(bold)
            self.news.addItem(title)
            for e in group.events:
                self.news.addItem(QListWidgetItem(f"\u2022 {e.text}"))
        if not model.news:
            self.news.addItem("No news yet: it appears here as the turns are played.")
        # a scenario without a Council gives the news the whole column, not an empty box
        self.council_heading.setVisible(model.has_council)
        self.council.setVisible(model.has_council)
        self.council.clear()
        for line in model.council:
            self.council.addItem(f"{line.title}: {line.result}")
        if model.has_council and not model.council:
            self.council.addItem("No draft has been tabled yet.")
        self._show_clock()

    def show_on(self, screen_index: int) -> None:
        """Full screen on that monitor (the last one when there is no such screen)."""
        screens = QGuiApplication.screens()
        if screens:
            screen = screens[min(max(0, screen_index), len(screens) - 1)]
            self.setScreen(screen)
            self.move(screen.geometry().topLeft())
        self.showFullScreen()
        self.raise_()

    def visible_text(self) -> str:
        """Everything the class can read on it now (what the secret test compares)."""
        model = self.model
        if model is None:
            return ""
        lines = [model.title, self.turn.text(), self.clock.text(), self.tension.text()]
        lines += [f"{n.name}\n{n.details}" for n in model.map.nodes]
        lines += [self.news.item(i).text() for i in range(self.news.count())]
        lines += [self.council.item(i).text() for i in range(self.council.count())]
        return "\n".join(lines)

    # --- private --------------------------------------------------------------------------------

    def _show_clock(self) -> None:
        model = self.model
        if model is None or model.finished:
            self.clock.setText("")
            return
        from .white_cell import clock_model

        self.clock.setText(clock_model(self.backend.clock).words)
