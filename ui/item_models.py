"""Qt item models adapting view-model data for list and tree views."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel

from wargame.scenario.library import Entry

from .viewmodels import EventRow, TurnEvents
from .widgets import tip

ROW_DATA = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class ScenarioListModel(QAbstractListModel):
    """The scenarios on offer; files that fail to load are listed, greyed, with their problems."""

    def __init__(self, entries: Sequence[Entry] = (), parent: Any = None):
        super().__init__(parent)
        self._entries = list(entries)

    def set_entries(self, entries: Sequence[Entry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> Entry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entry(index.row())
        if entry is None:
            return None
        sc = entry.scenario
        if role == Qt.ItemDataRole.DisplayRole:
            if sc is None:  # the reason, so that the author knows what to fix
                name = Path(entry.source.removeprefix("bundled:")).name
                return f"{name} \u2014 cannot be played:\n{entry.reason or 'it could not be read'}"
            return (
                f"{sc.title}\n{len(sc.states)} states \u00b7 {sc.turns} turns of {sc.turn_length}"
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            if sc is None:
                problems = [f"{p.path}: {p.message}" for p in entry.problems[:10]]
                return tip("\n".join([entry.source.removeprefix("bundled:"), *problems]))
            return tip(sc.summary)
        if role == ROW_DATA:
            return entry
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        entry = self.entry(index.row())
        if entry is None or entry.scenario is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class OrderQueueModel(QAbstractListModel):
    """The orders queued this turn; an order the engine would refuse is shown in red with why."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._rows: list[Any] = []
        self.bad_color = QColor("#b42318")

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = f"{index.row() + 1}. {row.label}"
            if not row.costs_action:
                text += "  (free)"
            return text + (f"\n     \u26a0 {row.reason}" if row.reason else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                tip(row.label + "\n" + row.reason)
                if row.reason
                else ("Free: does not use an action" if not row.costs_action else "Uses one action")
            )
        if role == Qt.ItemDataRole.ForegroundRole and row.reason:
            return QBrush(self.bad_color)
        return None


class TimelineModel(QStandardItemModel):
    """Events grouped by turn, newest turn first; each event row carries its EventRow."""

    def set_timeline(self, timeline: Sequence[TurnEvents], label_turn: str = "Turn {turn}") -> None:
        """Show these turns. The turns shown already stay as they are: only the turns that
        differ (in a game, the newest) are removed and the new ones added at the top."""
        timeline = tuple(timeline)
        shown, label = getattr(self, "_shown", ((), None))
        if label != label_turn or self.rowCount() != len(shown):
            self.clear()
            self.setHorizontalHeaderLabels(["What happened"])
            shown = ()
        same = 0
        while same < min(len(shown), len(timeline)) and shown[same] == timeline[same]:
            same += 1
        if len(shown) > same:
            self.removeRows(0, len(shown) - same)  # newest first: the changed turns are on top
        for group in timeline[same:]:
            self.insertRow(0, self._turn_item(group, label_turn))
        self._shown = (timeline, label_turn)

    @staticmethod
    def _turn_item(group: TurnEvents, label_turn: str) -> QStandardItem:
        count = len(group.events)
        parent = QStandardItem(
            f"{label_turn.format(turn=group.turn)}  \u2014  {count} event{'s' if count != 1 else ''}"
        )
        parent.setEditable(False)
        font = parent.font()
        font.setBold(True)
        parent.setFont(font)
        for event in group.events:
            parent.appendRow(event_item(event))
        return parent

    def event_at(self, index: QModelIndex) -> EventRow | None:
        value = index.data(ROW_DATA) if index.isValid() else None
        return value if isinstance(value, EventRow) else None


def event_item(event: EventRow) -> QStandardItem:
    if event.public:
        prefix = private = ""
    elif event.seen_by:
        prefix, private = (
            f"(private: {event.seen_by}) ",
            f"Private: seen only by {event.seen_by}.\n\n",
        )
    else:
        prefix, private = "(private) ", "Private: only some states saw this.\n\n"
    item = QStandardItem(prefix + event.text)
    item.setEditable(False)
    item.setData(event, ROW_DATA)
    item.setToolTip(tip(f"{private}{event.text}\n\nWhy? {event.why.replace(chr(10), '; ')}"))
    return item
