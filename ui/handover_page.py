"""Hot-seat hand-over: hides one seat's view before the next person sees their own."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QProgressBar, QVBoxLayout, QWidget

from .widgets import GuardedButton, heading, muted, text


class HandoverPage(QWidget):
    # --- signals ----------------------------------------------------------------------------
    sig_ready_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("handoverPage")
        self.title = heading("", 2.0, "handoverTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = text("", "handoverDetail")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note = muted("Nobody else should look at the screen while a player chooses orders.")
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ready = GuardedButton("")
        self.ready.setObjectName("handoverReadyButton")
        self.ready.setDefault(True)
        self.ready.setAutoDefault(True)
        self.ready.setMinimumHeight(self.fontMetrics().height() * 3)
        self.ready.clicked.connect(self.sig_ready_requested)
        self.progress = QProgressBar()
        self.progress.setObjectName("handoverProgress")
        self.progress.setRange(0, 0)
        self.progress.hide()
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 40)
        card.setMinimumWidth(min(320, card.maximumWidth()))
        c = QVBoxLayout(card)
        c.setContentsMargins(32, 32, 32, 32)
        c.setSpacing(16)
        c.addWidget(self.title)
        c.addWidget(self.detail)
        c.addWidget(self.ready)
        c.addWidget(self.progress)
        c.addWidget(self.note)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

    def show_handover(self, name: str, turn: int, turns: int, done: str) -> None:
        self.title.setText(f"Pass the computer to {name}")
        before = (
            f"{done} {'has' if ',' not in done and ' and ' not in done else 'have'} handed in orders; they are hidden. "
            if done
            else ""
        )
        self.detail.setText(
            f"Turn {turn} of {turns}. {before}When {name}'s player is at the keyboard, click below."
        )
        self.ready.setText(f"I lead {name} \u2014 show my view")
        self.ready.setToolTip(
            "Shows this state's secret briefing, objectives and intelligence (Enter)"
        )
        self.ready.show()
        self.progress.hide()
        self.ready.setFocus()

    def show_waiting(self, turn: int, turns: int) -> None:
        """Every person has handed in orders: the turn is being resolved."""
        self.title.setText("All orders are in")
        self.detail.setText(
            f"Resolving turn {turn} of {turns}\u2026 The next player will be asked to take the keyboard."
        )
        self.ready.hide()
        self.progress.show()
