"""The orders panel: every move of the rules grouped by family, a form for the chosen move, and
the orders queued this turn (with remove). Moves that are not possible now stay in the list,
greyed, so students see them and learn why they are not allowed."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .item_models import OrderQueueModel
from .labels import Labeller
from .order_catalog import KindOptions
from .order_form import Checker, OrderForm
from .widgets import WrapDelegate, heading, muted, scrolled, tip

KIND_ROLE = Qt.ItemDataRole.UserRole + 2


class OrdersPanel(QWidget):
    # --- signals ----------------------------------------------------------------------------
    sig_order_requested = Signal(object)  # add this order
    sig_remove_requested = Signal(int)  # remove the queued order at this row
    sig_clear_requested = Signal()
    sig_submit_requested = Signal()

    def __init__(self, checker: Checker, parent: QWidget | None = None):
        super().__init__(parent)
        self._catalog: dict[str, KindOptions] = {}
        self._labeller: Labeller | None = None
        self._seat = ""
        self.moves = QTreeWidget()
        self.moves.setObjectName("movesTree")
        self.moves.setAccessibleName("Moves")
        self.moves.setHeaderHidden(True)
        self.moves.setIndentation(12)
        WrapDelegate(self.moves)
        self.moves.setToolTip(
            "Every move the rules allow. Greyed moves are not possible right now: select one to see why."
        )
        self.moves.currentItemChanged.connect(self._on_move_changed)
        self.form = OrderForm(checker)
        self.form.setObjectName("orderForm")
        self.form.sig_order_requested.connect(self.sig_order_requested)
        self.queue_model = OrderQueueModel(self)
        self.queue = QListView()
        self.queue.setObjectName("queuedOrders")
        self.queue.setAccessibleName("This turn's orders")
        self.queue.setModel(self.queue_model)
        self.queue.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.queue.setWordWrap(True)
        self.queue.setToolTip(
            "The orders you will submit this turn. Select one and press Delete to remove it."
        )
        self.queue_title = heading("This turn's orders", 1.1, "queueTitle")
        self.remove_button = QPushButton("Remove")
        self.remove_button.setObjectName("removeOrderButton")
        self.remove_button.setToolTip("Remove the selected order (Delete)")
        self.remove_button.clicked.connect(self._on_remove)
        self.clear_button = QPushButton("Remove all")
        self.clear_button.setToolTip("Remove every queued order")
        self.clear_button.clicked.connect(self.sig_clear_requested)
        self.submit_button = QPushButton("Submit orders")
        self.submit_button.setObjectName("submitOrdersButton2")
        self.submit_button.setToolTip("Hand in this turn's orders (Ctrl+Enter)")
        self.submit_button.clicked.connect(self.sig_submit_requested)
        QShortcut(QKeySequence.StandardKey.Delete, self.queue, self._on_remove)

        moves = QWidget()
        m = QVBoxLayout(moves)
        m.setContentsMargins(0, 0, 0, 0)
        m.addWidget(self.moves, 1)
        m.addWidget(muted("Greyed moves are not possible now: select one to see why."))
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(moves)
        top.addWidget(scrolled(self.form))
        top.setStretchFactor(1, 1)
        top.setSizes([250, 330])
        bottom = QWidget()
        b = QVBoxLayout(bottom)
        b.setContentsMargins(0, 4, 0, 0)
        b.addWidget(self.queue_title)
        b.addWidget(self.queue, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        b.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("ordersSplitter")
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([440, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)

    # --- public API ---------------------------------------------------------------------------

    def show_catalog(self, catalog: Sequence[KindOptions], labeller: Labeller, seat: str) -> None:
        current = self.current_kind()
        self._catalog = {k.kind: k for k in catalog}
        self._labeller, self._seat = labeller, seat
        self.moves.blockSignals(True)
        self.moves.clear()
        families: dict[str, QTreeWidgetItem] = {}
        for options in catalog:  # in the rules' family order
            parent = families.get(options.family)
            if parent is None:
                parent = QTreeWidgetItem([options.family_title])
                parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = parent.font(0)
                font.setBold(True)
                parent.setFont(0, font)
                families[options.family] = parent
                self.moves.addTopLevelItem(parent)
            item = QTreeWidgetItem([options.label])
            item.setToolTip(
                0,
                options.label
                if options.available
                else tip(f"{options.label}: {options.unavailable}"),
            )
            item.setData(0, KIND_ROLE, options.kind)
            if not options.available:
                item.setForeground(
                    0,
                    self.palette().brush(
                        self.palette().ColorGroup.Disabled, self.palette().ColorRole.Text
                    ),
                )
            parent.addChild(item)
        self.moves.expandAll()
        self.moves.blockSignals(False)
        self.select_kind(current or next((k.kind for k in catalog if k.available), ""))

    def show_queue(self, state: object) -> None:
        self.queue_model.set_rows(state.rows)  # type: ignore[attr-defined]
        used, limit = state.actions_used, state.max_actions  # type: ignore[attr-defined]
        self.queue_title.setText(
            f"This turn's orders \u2014 {used} of {limit} actions used (messages and answers are free)"
        )
        self.remove_button.setEnabled(bool(state.rows))  # type: ignore[attr-defined]
        self.clear_button.setEnabled(bool(state.rows))  # type: ignore[attr-defined]
        self.form.recheck()

    def select_kind(self, kind: str) -> bool:
        for i in range(self.moves.topLevelItemCount()):
            parent = self.moves.topLevelItem(i)
            for j in range(parent.childCount()):
                item = parent.child(j)
                if item.data(0, KIND_ROLE) == kind:
                    self.moves.setCurrentItem(item)
                    self._show_form(kind)
                    return True
        return False

    def current_kind(self) -> str | None:
        item = self.moves.currentItem()
        return item.data(0, KIND_ROLE) if item is not None else None

    def clear(self) -> None:
        self._catalog = {}
        self.moves.clear()
        self.form.set_options(None, None, "")
        self.queue_model.set_rows(())

    # --- private --------------------------------------------------------------------------------

    def _on_move_changed(
        self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None
    ) -> None:
        kind = item.data(0, KIND_ROLE) if item is not None else None
        if kind:
            self._show_form(kind)

    def _show_form(self, kind: str) -> None:
        self.form.set_options(self._catalog.get(kind), self._labeller, self._seat)

    def _on_remove(self) -> None:
        index: QModelIndex = self.queue.currentIndex()
        row = index.row() if index.isValid() else self.queue_model.rowCount() - 1
        if row >= 0:
            self.sig_remove_requested.emit(row)
