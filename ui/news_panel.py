"""News and timeline: what happened each turn, newest first, and for every event a "why?" that
shows the numbers behind it (modifiers, probability, roll) as the engine recorded them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from .item_models import TimelineModel
from .viewmodels import EventRow, TurnEvents
from .widgets import WrapDelegate, heading, muted, text

WHY_INTRO = "The numbers behind this event, as the rules computed them:"


class NewsPanel(QWidget):
    # --- signals ----------------------------------------------------------------------------
    sig_event_selected = Signal(object)  # EventRow

    def __init__(
        self,
        empty_text: str = "Nothing has happened yet: the news appears here after each turn.",
        orientation: Qt.Orientation = Qt.Orientation.Horizontal,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.empty_text = empty_text
        self.model = TimelineModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("newsTree")
        self.tree.setAccessibleName("News: what happened each turn")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        WrapDelegate(self.tree)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setToolTip("Select an event, then press Why? to see the numbers behind it")
        self.tree.selectionModel().currentChanged.connect(self._on_current)
        self.tree.doubleClicked.connect(lambda _i: self.show_why())
        self.event_text = text("", "eventText")
        self.why_button = QPushButton("Why?")
        self.why_button.setObjectName("whyButton")
        self.why_button.setToolTip(
            "Show the numbers behind the selected event (or double-click it)"
        )
        self.why_button.clicked.connect(self.show_why)
        self.why = QPlainTextEdit()
        self.why.setObjectName("whyText")
        self.why.setAccessibleName("Why: the numbers behind the selected event")
        self.why.setReadOnly(True)
        self.why.setPlaceholderText(
            "Press Why? to see the modifiers, probability and dice roll behind the selected event."
        )
        details = QWidget()
        d = QVBoxLayout(details)
        horizontal = orientation == Qt.Orientation.Horizontal
        d.setContentsMargins(6 if horizontal else 0, 0 if horizontal else 6, 0, 0)
        d.addWidget(heading("Selected event", 1.1))
        d.addWidget(self.event_text)
        row = QHBoxLayout()
        row.addWidget(self.why_button)
        row.addStretch(1)
        d.addLayout(row)
        d.addWidget(self.why, 1)
        self.dice_note = muted(
            "Probabilities are between 0 and 1; an event with a chance happened when the roll "
            "came out below it."
        )
        self.dice_note.setObjectName("diceNote")
        self.dice_note.hide()  # shown with the numbers of an event the dice decided
        d.addWidget(self.dice_note)
        split = QSplitter(orientation)
        split.addWidget(self.tree)
        split.addWidget(details)
        split.setSizes([480, 320] if orientation == Qt.Orientation.Horizontal else [380, 260])
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)
        self._current: EventRow | None = None
        self.show_timeline(())

    # --- public API ---------------------------------------------------------------------------

    def show_timeline(self, timeline: Sequence[TurnEvents]) -> None:
        self.tree.setCurrentIndex(QModelIndex())  # choosing an event again is a change
        self.model.set_timeline(timeline)
        self._current = None
        self.why.clear()
        self.dice_note.hide()
        self.why_button.setEnabled(False)
        if not timeline:
            self.event_text.setText(self.empty_text)
            return
        self.event_text.setText("Select an event in the list.")
        self.tree.expand(self.model.index(0, 0))  # the newest turn
        first = self.model.index(0, 0, self.model.index(0, 0))
        if first.isValid():
            self.tree.setCurrentIndex(first)

    def select_event(self, turn_row: int, event_row: int) -> EventRow | None:
        index = self.model.index(event_row, 0, self.model.index(turn_row, 0))
        if index.isValid():
            self.tree.expand(index.parent())
            self.tree.setCurrentIndex(index)
        return self._current

    def show_why(self) -> None:
        if self._current is not None:
            self.why.setPlainText(f"{WHY_INTRO}\n\n{self._current.why}")
            self.dice_note.setVisible(self._current.rolled)

    def clear(self) -> None:
        self.show_timeline(())

    # --- private --------------------------------------------------------------------------------

    def _on_current(self, index: QModelIndex, _previous: QModelIndex) -> None:
        event = self.model.event_at(index)
        self._current = event
        self.why.clear()
        self.dice_note.hide()
        self.why_button.setEnabled(event is not None)
        if event is not None:
            if event.public:
                visibility = "Public"
            else:
                visibility = (
                    f"Private: seen only by {event.seen_by}"
                    if event.seen_by
                    else "Private (only some states saw this)"
                )
            self.event_text.setText(f"Turn {event.turn} \u00b7 {visibility}\n\n{event.text}")
            self.sig_event_selected.emit(event)
