"""The seat's dashboard: its indicators, objectives (met or not, right now), treaties, pressures
and the intelligence it has on the other states, labelled as estimates."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .labels import pretty
from .theme import good_bad_colors
from .viewmodels import Dashboard
from .widgets import (
    clear_layout,
    escape,
    heading,
    muted,
    reflow,
    rich,
    scrolled,
    section,
    text,
    tip,
)

INDICATOR_HELP = {
    "military": "Military capability: what your forces can do in a clash or a war.",
    "economy": "Economy (GDP index): pays for build-ups and aid; sanctions and war shrink it.",
    "stability": "Domestic stability: public support at home. Backing down and losses lower it.",
    "reputation": "Reputation (credibility): how far others trust your word. Broken treaties and empty threats lower it.",
}
INTEL_COLUMNS = (
    "State",
    "Military\n(estimate)",
    "Economy",
    "Stability",
    "Reputation",
    "Relations\nwith you",
)
INTEL_TIPS = (
    "The state and its regime",
    "Military capability as your intelligence estimates it; the true figure may differ",
    "Economy (GDP index), public",
    "Domestic stability, public",
    "Reputation (credibility), public",
    "Relations with you, from -100 (hostile) to +100 (close)",
)


class DashboardView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._model: Dashboard | None = None
        self._cards: dict[str, tuple[QLabel, QLabel]] = {}  # indicator -> value, change
        inner = QWidget()
        self.body = QVBoxLayout(inner)
        self.body.setContentsMargins(4, 4, 4, 4)
        self.title = heading("", 1.3, "dashboardTitle")
        self.indicators = QGridLayout()
        self.objectives = QVBoxLayout()
        self.treaties = QVBoxLayout()
        self.body.addWidget(self.title)
        self.body.addLayout(self.indicators)
        objectives = QVBoxLayout()
        objectives.addWidget(
            muted("\u2713 met / \u2717 not met: as things stand now, if the game ended this turn.")
        )
        objectives.addLayout(self.objectives)
        self.body.addWidget(section("Your objectives", objectives, "objectivesBox"))
        self.body.addWidget(section("Treaties and pressures", self.treaties, "treatiesBox"))
        self.issues = QVBoxLayout()
        self.issues_box = section("What is at stake", self.issues, "issuesBox")
        self.issues_box.hide()
        self.body.addWidget(self.issues_box)
        self.briefing = text("", "briefingText")
        self.body.addWidget(section("Your briefing", _wrap(self.briefing), "briefingBox"))
        self.body.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolled(inner))

    # --- public API ---------------------------------------------------------------------------

    def show_dashboard(self, model: Dashboard) -> None:
        """Show the seat's figures; a part that is as it was is left alone (after a turn the
        objectives, treaties and briefing seldom change)."""
        before, self._model = self._model, model
        self.title.setText(f"{model.name} \u00b7 {model.regime}")
        self._fill_indicators(model)
        if before is None or (before.objectives, before.standing, before.standing_why) != (
            model.objectives,
            model.standing,
            model.standing_why,
        ):
            self._fill_objectives(model)
        if before is None or (before.treaties, before.pressures) != (
            model.treaties,
            model.pressures,
        ):
            clear_layout(self.treaties)
            for line in model.treaties or ("No treaties in force.",):
                self.treaties.addWidget(text("\u2022 " + line))
            for line in model.pressures:
                self.treaties.addWidget(text("\u26a0 " + line))
        if before is None or before.issues != model.issues:
            clear_layout(self.issues)
            for line in model.issues:
                self.issues.addWidget(text("\u25c6 " + line))
            self.issues_box.setVisible(bool(model.issues))
        if before is None or before.briefing != model.briefing:
            self.briefing.setText(reflow(model.briefing))

    def clear(self) -> None:
        self._model = None
        self._cards = {}
        self.title.setText("")
        for layout in (self.indicators, self.objectives, self.treaties, self.issues):
            clear_layout(layout)
        self.briefing.setText("")

    # --- Qt overrides -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and self._model is not None:
            self._fill_objectives(self._model)
            self._fill_indicators(self._model)
        super().changeEvent(event)

    # --- private --------------------------------------------------------------------------------

    def _fill_indicators(self, model: Dashboard) -> None:
        """One card an indicator, made once; a turn only changes their figures."""
        names = tuple(ind.name for ind in model.indicators)
        if names != tuple(self._cards):
            clear_layout(self.indicators)
            self._cards = {}
            for i, name in enumerate(names):
                card = QFrame()
                card.setFrameShape(QFrame.Shape.StyledPanel)
                card.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
                card.setToolTip(INDICATOR_HELP.get(name, ""))
                box = QVBoxLayout(card)
                box.setContentsMargins(8, 4, 8, 4)
                box.addWidget(muted(pretty(name).capitalize()))
                value = QLabel("")
                font = QFont(value.font())
                font.setPointSizeF(font.pointSizeF() * 1.6)
                font.setBold(True)
                value.setFont(font)
                delta = rich("")
                delta.setToolTip("Change since the start of last turn")
                row = QHBoxLayout()
                row.addWidget(value)
                row.addWidget(delta)
                row.addStretch(1)
                box.addLayout(row)
                self.indicators.addWidget(card, i // 2, i % 2)
                self._cards[name] = (value, delta)
        good, bad = good_bad_colors(self.palette())
        for ind in model.indicators:
            value, delta = self._cards[ind.name]
            value.setText(f"{ind.value:.0f}")
            moved = ind.change is not None and round(ind.change) != 0
            if moved:
                arrow = "\u25b2" if ind.change > 0 else "\u25bc"
                delta.setText(
                    f"<span style='color:{good if ind.change > 0 else bad}'>"
                    f"{arrow} {ind.change:+.0f}</span>"
                )
            delta.setVisible(moved)

    def _fill_objectives(self, model: Dashboard) -> None:
        clear_layout(self.objectives)
        good, bad = good_bad_colors(self.palette())
        if not model.objectives:
            self.objectives.addWidget(muted("This state has no objectives in this scenario."))
        for o in model.objectives:
            mark = (
                f"<b style='color:{good}'>\u2713 met</b>"
                if o.met
                else f"<b style='color:{bad}'>\u2717 not met</b>"
            )
            secret = " <i>(secret: only you know)</i>" if o.secret else ""
            label = rich(
                f"{mark} &nbsp; {escape(o.text)} <span>\u2014 {o.points} points</span>{secret}"
            )
            label.setObjectName("objectiveRow")
            self.objectives.addWidget(label)
        if model.standing:
            standing = text(model.standing, "standingNow")
            self.objectives.addWidget(standing)
            self.objectives.addWidget(muted(model.standing_why))


def _wrap(widget: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout()
    layout.addWidget(widget)
    return layout


class IntelTable(QWidget):
    """What the seat knows about the other states; military figures are labelled estimates."""

    # --- signals ----------------------------------------------------------------------------
    sig_state_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.intel = QTableWidget(0, len(INTEL_COLUMNS))
        self.intel.setObjectName("intelTable")
        self.intel.setTabKeyNavigation(False)
        self.intel.setAccessibleName("Intelligence on other states")
        self.intel.setHorizontalHeaderLabels(list(INTEL_COLUMNS))
        for c, help_text in enumerate(INTEL_TIPS):
            self.intel.horizontalHeaderItem(c).setToolTip(help_text)
        self.intel.verticalHeader().hide()
        self.intel.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.intel.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.intel.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.intel.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.intel.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.intel.setWordWrap(False)
        self.intel.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.intel.cellClicked.connect(self._on_intel_clicked)
        self.intel.currentCellChanged.connect(
            lambda row, col, _r, _c: self._on_intel_clicked(row, col)
        )
        self.intel.setToolTip(
            "Click a state to see it on the map. Military figures are intelligence estimates, not true values."
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading("Intelligence on other states", 1.1))
        layout.addWidget(
            muted(
                "\u2248 military figures are estimates from your intelligence services; the rest is public."
            )
        )
        layout.addWidget(self.intel, 1)

    def show_intel(self, model: Dashboard) -> None:
        self._fill_intel(model)

    def clear(self) -> None:
        self.intel.setRowCount(0)

    def _fill_intel(self, model: Dashboard) -> None:
        """Only the cells whose text changed are touched: after a turn most figures are the
        same, and every change makes the table measure its columns again."""
        table = self.intel
        header = table.horizontalHeader()
        table.blockSignals(True)  # filling the table chooses no state on the map
        table.setUpdatesEnabled(False)
        # measured once at the end rather than at every cell
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        rows_before = table.rowCount()
        table.setRowCount(len(model.intel))
        for r, row in enumerate(model.intel):
            cells = (
                row.name,
                f"\u2248 {row.military_estimate:.0f}",
                f"{row.economy:.0f}",
                f"{row.stability:.0f}",
                f"{row.reputation:.0f}",
                f"{row.relation:+.0f}",
            )
            for c, value in enumerate(cells):
                item = table.item(r, c)
                if item is None:
                    item = QTableWidgetItem(value)
                    if c:
                        item.setTextAlignment(
                            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                        )
                        item.setToolTip(INTEL_TIPS[c])
                    table.setItem(r, c, item)
                elif item.text() != value:
                    item.setText(value)
                if item.data(Qt.ItemDataRole.UserRole) != row.state_id:
                    item.setData(Qt.ItemDataRole.UserRole, row.state_id)
                if c == 0:
                    words = tip(f"{row.name} ({row.regime})")
                    if item.toolTip() != words:
                        item.setToolTip(words)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if table.rowCount() != rows_before:
            table.resizeRowsToContents()
        table.setUpdatesEnabled(True)
        table.blockSignals(False)

    def _on_intel_clicked(self, row: int, _column: int) -> None:
        item = self.intel.item(row, 0)
        if item is not None:
            self.sig_state_clicked.emit(str(item.data(Qt.ItemDataRole.UserRole)))
