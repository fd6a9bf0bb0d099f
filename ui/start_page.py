"""The start screen: new game, open a session file, recent sessions, quit, and a short "how a
game works" for people who have never played."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .resources import APP_NAME, app_icon
from .widgets import heading, muted, rich, text, tip

HOW_TO_PLAY = """
<ol>
<li><b>Pick a scenario</b> and decide who leads each state: a person, or the computer.</li>
<li><b>Read your briefing</b> and your objectives. Some objectives are secret: only you know them.</li>
<li><b>Each turn</b>, talk to the other states, then choose up to four actions (messages and answers
are free) and submit them. Everyone moves at the same time.</li>
<li><b>See what happened</b> in the News tab. Every event has a <i>Why?</i> with the numbers behind it.</li>
<li><b>At the end</b>, every state is scored against its objectives and the obligations it kept.</li>
</ol>
<p>Several people at one computer? Each hands over to the next when done; the screen hides
the previous player's view.</p>
"""


class StartPage(QWidget):
    # --- signals ----------------------------------------------------------------------------
    sig_new_game_requested = Signal()
    sig_open_requested = Signal()
    sig_open_recent_requested = Signal(str)
    sig_quit_requested = Signal()
    sig_tutorial_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("startPage")
        self._files_available = True
        self._busy = False
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(QSize(96, 96)))
        logo.setFixedSize(QSize(100, 100))
        title = heading(APP_NAME, 2.2, "appTitle")
        tagline = muted(
            "Lead a state through an international crisis: negotiate, sign or break treaties, sanction, call on allies \u2014 or fight."
        )
        self.new_button = self._button(
            "&New game\u2026",
            "newGameButton",
            "Choose a scenario and who plays each state (Ctrl+N)",
        )
        self.open_button = self._button(
            "&Open session\u2026", "openSessionButton", "Continue a saved session (Ctrl+O)"
        )
        self.quit_button = self._button("&Quit", "quitButton", "Close the application (Ctrl+Q)")
        self.new_button.setDefault(True)
        self.new_button.clicked.connect(self.sig_new_game_requested)
        self.open_button.clicked.connect(self.sig_open_requested)
        self.quit_button.clicked.connect(self.sig_quit_requested)
        self.recent = QListWidget()
        self.recent.setObjectName("recentSessions")
        self.recent.setAccessibleName("Recent sessions")
        self.recent.setToolTip("Double-click (or press Enter) to continue a session")
        self.recent.itemActivated.connect(self._on_recent)
        self.recent_note = muted("", "recentNote")

        left = QVBoxLayout()
        top = QHBoxLayout()
        top.addWidget(logo)
        names = QVBoxLayout()
        names.addStretch(1)
        names.addWidget(title)
        names.addWidget(tagline)
        names.addStretch(1)
        top.addLayout(names, 1)
        left.addLayout(top)
        left.addSpacing(12)
        for b in (self.new_button, self.open_button, self.quit_button):
            left.addWidget(b)
        left.addSpacing(12)
        left.addWidget(heading("Recent sessions", 1.15))
        left.addWidget(self.recent, 1)
        left.addWidget(self.recent_note)
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        right = QVBoxLayout(card)
        right.addWidget(heading("How a game works", 1.3))
        right.addWidget(rich(HOW_TO_PLAY, "howToPlay"))
        right.addSpacing(12)
        right.addWidget(heading("New here?", 1.15))
        right.addWidget(
            text(
                "Start the tutorial at once: you lead Aurelia, a democracy whose trade runs through a contested strait; the computer plays the three other states. Six turns, about twenty minutes."
            )
        )
        self.tutorial_button = self._button(
            "Play the &tutorial",
            "tutorialButton",
            "Start The Narrow Strait: you lead Aurelia, the computer the others",
        )
        self.tutorial_button.clicked.connect(self.sig_tutorial_requested)
        right.addWidget(self.tutorial_button)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(32)
        layout.addLayout(left, 1)
        layout.addWidget(card, 1)

    # --- public API ---------------------------------------------------------------------------

    def set_files_available(self, available: bool, reason: str) -> None:
        self._files_available = available
        self.open_button.setEnabled(available and not self._busy)
        self.recent.setEnabled(available and not self._busy)
        self.open_button.setToolTip("Continue a saved session (Ctrl+O)" if available else reason)
        self.recent.setToolTip(
            "Double-click (or press Enter) to continue a session" if available else reason
        )
        self.recent_note.setText("" if available else reason)
        self.recent_note.setVisible(not available)

    def set_busy(self, busy: bool) -> None:
        """While a session is being opened (or a turn resolved), nothing here starts another."""
        self._busy = busy
        for button in (self.new_button, self.tutorial_button):
            button.setEnabled(not busy)
        self.open_button.setEnabled(self._files_available and not busy)
        self.recent.setEnabled(self._files_available and not busy)

    def set_recent(self, paths: Sequence[str]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{Path(path).stem}\n{path}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(tip(path))
            self.recent.addItem(item)
        if not paths:
            item = QListWidgetItem("No recent sessions yet.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(item)

    # --- private --------------------------------------------------------------------------------

    def _button(self, label: str, name: str, tip: str) -> QPushButton:
        button = QPushButton(label)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setMinimumHeight(self.fontMetrics().height() * 2 + 8)
        return button

    def _on_recent(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path:
            self.sig_open_recent_requested.emit(str(path))
