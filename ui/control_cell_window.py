"""The control cell window: the facilitator's read-only view of the whole truth of a session.

A separate window, so the teacher can keep it on their own screen while students play. It renders
a `ControlCell` (see control_cell.py): every state's true figures and objectives, what binds or
divides the states, who has handed in orders, and the full event log with "why?". It never
changes the game.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .control_cell import COMPUTER_DECIDES, HANDED_IN, WAITING, ControlCell, ControlState
from .news_panel import NewsPanel
from .resources import APP_NAME
from .theme import good_bad_colors
from .widgets import WrapDelegate, escape, fit_to_screen, heading, muted, rich, text, tip

STATE_COLUMNS = (
    "State",
    "Played by",
    "Orders this turn",
    "Military\n(true)",
    "Hidden\nmilitary",
    "Economy",
    "Stability",
    "Reputation",
    "Objectives\nmet now",
)
STATE_TIPS = (
    "The state and its regime; expand it to see its objectives, secret ones included",
    "A person, or the computer (level, style)",
    "Whether the person leading the state has handed in this turn's orders",
    "True military capability, including any hidden capability",
    "Capability gained by undetected cheating on an arms cap: no other state's intelligence estimate includes it",
    "Economy (GDP index)",
    "Domestic stability",
    "Reputation (credibility)",
    "Points for objectives met if the game ended now, of the points possible",
)
ORDER_WORDS = {
    HANDED_IN: "\u2713 handed in",
    WAITING: "\u2026 waiting",
    COMPUTER_DECIDES: "computer decides at resolution",
}
WARNING = (
    "<b>Secret: for the facilitator only.</b> This window shows every state's hidden figures, secret "
    "objectives and private messages. Keep it away from the players' eyes."
)


class ControlCellWindow(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("controlCellWindow")
        self.setWindowTitle(f"Control cell \u2014 {APP_NAME}")
        self._model: ControlCell | None = None
        self.status = text("", "controlStatus")
        self.orders = rich("", "controlOrders")
        self.states = QTreeWidget()
        self.states.setObjectName("controlStates")
        self.states.setAccessibleName("States and objectives, true figures")
        self.states.setColumnCount(len(STATE_COLUMNS))
        self.states.setHeaderLabels(list(STATE_COLUMNS))
        for c, help_text in enumerate(STATE_TIPS):
            self.states.headerItem().setToolTip(c, help_text)
        self.states.setAlternatingRowColors(True)
        self.states.header().setStretchLastSection(True)  # the objectives' lines span the table
        self.states.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.affairs = QTreeWidget()
        self.affairs.setObjectName("controlAffairs")
        self.affairs.setAccessibleName("Agreements and conflicts")
        self.affairs.setHeaderHidden(True)
        WrapDelegate(self.affairs)
        self.events = NewsPanel(
            "No turn has been played yet: every event, private ones too, appears here."
        )
        self.events.setObjectName("controlEvents")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("controlTabs")
        states_tab = QWidget()
        st = QVBoxLayout(states_tab)
        st.addWidget(self.states, 1)
        st.addWidget(
            muted(
                "True figures: what each state's own government knows about itself. Other states see estimates of military strength that miss hidden capability."
            )
        )
        self.tabs.addTab(states_tab, "&States and objectives")
        self.tabs.addTab(self.affairs, "&Agreements and conflicts")
        self.tabs.addTab(self.events, "&Event log (all)")
        close = QPushButton("Close")
        close.setObjectName("controlCloseButton")
        close.setToolTip("Hide the control cell (Esc)")
        close.clicked.connect(self.close)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        buttons = QHBoxLayout()
        self.note = muted(
            "Read-only: nothing here changes the game. It refreshes after every turn and every hand-in.",
            "controlNote",
        )
        buttons.addWidget(self.note, 1)
        buttons.addWidget(close)
        warning = rich(WARNING, "controlWarning")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(heading("Control cell: the whole truth", 1.4, "controlTitle"))
        layout.addWidget(warning)
        layout.addWidget(self.status)
        layout.addWidget(self.orders)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, 1100, 720)

    # --- public API ---------------------------------------------------------------------------

    @property
    def model(self) -> ControlCell | None:
        return self._model

    def show_control_cell(self, model: ControlCell) -> None:
        self._model = model
        self.setWindowTitle(f"Control cell \u2014 {model.title} \u2014 {APP_NAME}")
        when = "Game over" if model.finished else f"Turn {model.turn} of {model.turns}"
        self.status.setText(
            f"{model.title} \u00b7 {when} \u00b7 escalation: {model.rung} \u00b7 tension {model.tension:.0f} of 100"
        )
        self.orders.setText(_orders_line(model))
        self._fill_states(model)
        self._fill_affairs(model)
        self.events.show_timeline(model.timeline)

    def add_white_cell(self, panel: QWidget) -> None:
        """The facilitator's controls (white_cell_panel.py), as the first tab."""
        self.tabs.insertTab(0, panel, "&White cell")
        self.note.setText(
            "The White cell tab steers the game (each action on the session's record); the other "
            "tabs only show it. Everything refreshes after every change."
        )

    def clear(self) -> None:
        self._model = None
        self.setWindowTitle(f"Control cell \u2014 {APP_NAME}")
        self.status.setText("No session in progress.")
        self.orders.setText("")
        self.states.clear()
        self.affairs.clear()
        self.events.clear()

    # --- Qt overrides -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and self._model is not None:
            self._fill_states(self._model)
        super().changeEvent(event)

    # --- private --------------------------------------------------------------------------------

    def _fill_states(self, model: ControlCell) -> None:
        good, bad = good_bad_colors(self.palette())
        self.states.clear()
        for row in model.states:
            item = QTreeWidgetItem(_state_cells(row))
            item.setToolTip(0, tip(f"{row.name} ({row.regime})"))
            bold = QFont(item.font(0))
            bold.setBold(True)
            item.setFont(0, bold)
            if row.hidden_military > 0:
                item.setForeground(4, QBrush(QColor(bad)))
                item.setFont(4, bold)
                item.setToolTip(4, STATE_TIPS[4])
            if row.orders == WAITING:
                item.setFont(2, bold)
            for c in range(3, len(STATE_COLUMNS)):
                item.setTextAlignment(
                    c, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
            self.states.addTopLevelItem(item)
            for o in row.objectives:
                mark = "\u2713 met now" if o.met else "\u2717 not met now"
                secret = " (secret)" if o.secret else ""
                child = QTreeWidgetItem(
                    [f"{mark} \u2014 {o.text}{secret} \u2014 {o.points} points"]
                )
                child.setForeground(0, QBrush(QColor(good if o.met else bad)))
                child.setToolTip(0, tip(child.text(0)))
                item.addChild(child)
                child.setFirstColumnSpanned(True)
            if not row.objectives:
                child = QTreeWidgetItem(["No objectives in this scenario."])
                item.addChild(child)
                child.setFirstColumnSpanned(True)
        # size the columns by the states' rows (the objectives span the table), then expand
        self.states.collapseAll()
        pad = self.fontMetrics().averageCharWidth() * 2
        for c in range(len(STATE_COLUMNS)):
            self.states.resizeColumnToContents(c)
            header = self.states.header().sectionSizeFromContents(c).width()
            self.states.setColumnWidth(c, max(self.states.columnWidth(c), header) + pad)
        self.states.expandAll()

    def _fill_affairs(self, model: ControlCell) -> None:
        self.affairs.clear()
        for section in model.sections:
            top = QTreeWidgetItem([f"{section.title} ({len(section.lines)})"])
            font = QFont(top.font(0))
            font.setBold(True)
            top.setFont(0, font)
            for line in section.lines or ("None.",):
                leaf = QTreeWidgetItem([line])
                leaf.setToolTip(0, tip(line))
                top.addChild(leaf)
            self.affairs.addTopLevelItem(top)
            top.setExpanded(bool(section.lines))


def _state_cells(row: ControlState) -> list[str]:
    return [
        row.name,
        row.played_by,
        ORDER_WORDS.get(row.orders, row.orders),
        f"{row.military:.0f}",
        f"{row.hidden_military:.0f}" if row.hidden_military else "\u2014",
        f"{row.economy:.0f}",
        f"{row.stability:.0f}",
        f"{row.reputation:.0f}",
        f"{row.objective_points} of {row.possible_points}",
    ]


def _orders_line(model: ControlCell) -> str:
    if model.finished:
        return "The game is over: no more orders."
    waiting = (
        escape(", ".join(model.waiting)) if model.waiting else "no one (the turn is being resolved)"
    )
    handed = escape(", ".join(model.handed_in)) if model.handed_in else "no one yet"
    return f"<b>Orders this turn</b> \u2014 handed in: {handed} \u00b7 waiting for: {waiting}"
