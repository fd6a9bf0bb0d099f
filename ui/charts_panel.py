"""Charts over the turns: one indicator for the states the player picks (others' military as
estimates, dashed), global tension, and the escalation rung. pyqtgraph, coloured from the
palette.

The list of states beside the charts is both the legend (each state's colour and marker) and
the picker: in a big world every state at once is a tangle, so a seat starts with itself and
the strongest few others, and ticks the rest in or out. Curves are kept and given new data
after a turn rather than rebuilt, and the charts are only drawn while the tab is on screen."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QPolygonF, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from .labels import INDICATORS
from .theme import plot_colors, state_color, state_symbol
from .viewmodels import Series, rung_names
from .widgets import muted, tip

ALL_AT_ONCE = 8  # up to this many states, every one is shown at first
FIRST_PICK = 6  # in a bigger world: the seat and the strongest others, this many in all


def default_pick(series: Series, seat: str) -> set[str]:
    """The states shown at first: all of a small world; else the seat and the others with the
    largest military now (the ones a player watches first)."""
    ids = list(series.names)
    if len(ids) <= ALL_AT_ONCE:
        return set(ids)
    military = series.values["military"]
    others = sorted((s for s in ids if s != seat), key=lambda s: (-military[s][-1], ids.index(s)))
    return {seat, *others[: FIRST_PICK - 1]} if seat in ids else set(others[:FIRST_PICK])


def swatch(index: int, size: int) -> QIcon:
    """A state's colour and marker shape, as drawn on the charts and the map."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = QColor(state_color(index))
    painter.setPen(color.darker(150))
    painter.setBrush(color)
    r, c = size * 0.4, size / 2
    shape = state_symbol(index)
    if shape == "s":
        painter.drawRect(int(c - r), int(c - r), int(2 * r), int(2 * r))
    elif shape in ("t", "t1", "d"):
        points = {
            "t": [(0, r), (-r, -r), (r, -r)],
            "t1": [(0, -r), (-r, r), (r, r)],
            "d": [(0, -r), (r, 0), (0, r), (-r, 0)],
        }[shape]
        painter.drawPolygon(QPolygonF([QPointF(c + x, c + y) for x, y in points]))
    else:
        painter.drawEllipse(QPointF(c, c), r, r)
    painter.end()
    return QIcon(pixmap)


class ChartsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._series: Series | None = None
        self._seat = ""
        self._picked: set[str] = set()
        self._stale = False  # new figures arrived while the charts were off screen
        self._curves: dict[str, pg.PlotDataItem] = {}
        self.indicator = QComboBox()
        self.indicator.setObjectName("chartIndicator")
        self.indicator.setAccessibleName("Indicator to chart")
        for name in INDICATORS:
            self.indicator.addItem(name.capitalize(), name)
        self.indicator.setToolTip("Which indicator to plot for the states ticked in the list")
        self.indicator.currentIndexChanged.connect(lambda _i: self._draw())
        self.note = muted(
            "Turn 0 is the start. Your own figures are exact; other states' military figures "
            "are estimates (dashed)."
        )
        self.states = QListWidget()
        self.states.setObjectName("chartStates")
        self.states.setAccessibleName("States to chart")
        self.states.setToolTip("Tick the states to draw; each is drawn in its colour and marker")
        self.states.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.states.itemChanged.connect(self._on_item_changed)
        self.show_all = QPushButton("All")
        self.show_all.setObjectName("chartAllStates")
        self.show_all.setToolTip("Draw every state")
        self.show_all.clicked.connect(
            lambda: self.pick(set(self._series.names) if self._series else set())
        )
        self.show_few = QPushButton("Main ones")
        self.show_few.setObjectName("chartMainStates")
        self.show_few.setToolTip("You and the states with the largest military")
        self.show_few.clicked.connect(
            lambda: self.pick(default_pick(self._series, self._seat) if self._series else set())
        )
        self.graphs = pg.GraphicsLayoutWidget()
        self.graphs.setObjectName("chartsView")
        self.graphs.setAccessibleName(
            "Charts of the indicators, tension and escalation over the turns"
        )
        self.graphs.setMinimumHeight(300)
        self.top = self.graphs.addPlot(row=0, col=0)
        self.middle = self.graphs.addPlot(row=1, col=0)
        self.bottom = self.graphs.addPlot(row=2, col=0)
        self.graphs.ci.layout.setRowStretchFactor(0, 4)
        self.graphs.ci.layout.setRowStretchFactor(1, 2)
        self.graphs.ci.layout.setRowStretchFactor(2, 3)
        for plot in (self.top, self.middle, self.bottom):
            plot.showGrid(x=True, y=True, alpha=0.25)
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(False, False)
            plot.hideButtons()
        self.bottom.getAxis("left").setTicks([list(enumerate(rung_names()))])
        axis_width = self.fontMetrics().horizontalAdvance("military signalling") + 12
        for plot in (self.top, self.middle, self.bottom):
            plot.getAxis("left").setWidth(axis_width)
        self.bottom.setLabel("bottom", "after turn")
        self.tension_curve = self.middle.plot([], [], symbol="o", symbolSize=6)
        self.rung_curve = self.bottom.plot([], [], stepMode="center")
        picker = QWidget()
        side = QVBoxLayout(picker)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(QLabel("States:"))
        side.addWidget(self.states, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_few)
        buttons.addWidget(self.show_all)
        side.addLayout(buttons)
        fm = self.fontMetrics()
        buttons_width = self.show_few.sizeHint().width() + self.show_all.sizeHint().width() + 12
        picker.setMinimumWidth(buttons_width)
        # a long name is cut in the list (its tooltip and the map say it whole): the charts
        # keep the room they need beside it
        picker.setMaximumWidth(max(buttons_width, fm.averageCharWidth() * 24))
        self.states.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setObjectName("chartsSplitter")
        self.split.addWidget(picker)
        self.split.addWidget(self.graphs)
        self.split.setStretchFactor(0, 0)
        self.split.setStretchFactor(1, 1)
        self.split.setChildrenCollapsible(False)
        self.split.setSizes([fm.averageCharWidth() * 20, 10_000])
        # the plots' axes need this much: below it pyqtgraph cuts them off on the right
        self.graphs.setMinimumWidth(int(self.graphs.ci.minimumWidth()) + 4)
        row = QHBoxLayout()
        row.addWidget(QLabel("Indicator:"))
        row.addWidget(self.indicator)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.split, 1)
        self._apply_colors()

    # --- public API ---------------------------------------------------------------------------

    @property
    def picked(self) -> set[str]:
        """The states drawn now."""
        return set(self._picked)

    def plotted(self) -> dict[str, tuple[float, ...]]:
        """The curves on the indicator chart now: state id -> values (what the player sees)."""
        self._draw_if_stale()
        return {
            sid: tuple(float(v) for v in curve.yData)
            for sid, curve in self._curves.items()
            if curve.isVisible() and curve.yData is not None
        }

    def show_series(self, series: Series, seat: str) -> None:
        if (
            seat != self._seat
            or self._series is None
            or set(series.names) != set(self._series.names)
        ):
            self._picked = default_pick(series, seat)  # a new seat never sees another's choice
        self._series, self._seat = series, seat
        self._fill_states()
        self._stale = True
        if self.isVisible():
            self._draw()

    def pick(self, states: set[str]) -> None:
        """Draw these states (ids unknown to the series are ignored)."""
        known = set(self._series.names) if self._series else set()
        self._picked = set(states) & known
        self._fill_states()
        self._draw()

    def clear(self) -> None:
        self._series = None
        self._seat = ""
        self._picked = set()
        self.states.clear()
        self._draw()

    # --- Qt overrides -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._draw_if_stale()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_colors()
            self._draw()
        super().changeEvent(event)

    # --- private --------------------------------------------------------------------------------

    def _fill_states(self) -> None:
        """The picker: one row a state, in the scenario's order, ticked when drawn."""
        s = self._series
        self.states.blockSignals(True)
        if s is None:
            self.states.clear()
        else:
            ids = list(s.names)
            if [
                self.states.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.states.count())
            ] != ids:
                self.states.clear()
                size = self.fontMetrics().height()
                for i, sid in enumerate(ids):
                    item = QListWidgetItem(swatch(i, size), s.names[sid])
                    item.setData(Qt.ItemDataRole.UserRole, sid)
                    item.setToolTip(tip(s.names[sid]))
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                    self.states.addItem(item)
            for i, sid in enumerate(ids):
                item = self.states.item(i)
                name = s.names[sid] + (" (you)" if sid == self._seat else "")
                if item.text() != name:
                    item.setText(name)
                check = Qt.CheckState.Checked if sid in self._picked else Qt.CheckState.Unchecked
                if item.checkState() != check:
                    item.setCheckState(check)
        self.states.blockSignals(False)

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        sid = str(item.data(Qt.ItemDataRole.UserRole))
        if item.checkState() == Qt.CheckState.Checked:
            self._picked.add(sid)
        else:
            self._picked.discard(sid)
        self._draw()

    def _apply_colors(self) -> None:
        colors = plot_colors(self.palette())
        self.graphs.setBackground(colors.background)
        for plot in (self.top, self.middle, self.bottom):
            for name in ("left", "bottom"):
                axis = plot.getAxis(name)
                axis.setPen(colors.muted)
                axis.setTextPen(colors.foreground)
            plot.titleLabel.setAttr("color", colors.foreground)
        self.bottom.getAxis("bottom").setLabel("after turn", color=colors.foreground.name())
        self.tension_curve.setPen(pg.mkPen(colors.highlight, width=3))
        self.tension_curve.setSymbolBrush(colors.highlight)
        self.rung_curve.setPen(pg.mkPen("#D55E00", width=3))

    def _draw_if_stale(self) -> None:
        if self._stale:
            self._draw()

    def _draw(self) -> None:
        self._stale = False
        colors = plot_colors(self.palette())
        indicator = self.indicator.currentData() or "military"
        self.top.setTitle(f"{indicator.capitalize()} by state", color=colors.foreground.name())
        self.middle.setTitle("Global tension (0\u2013100)", color=colors.foreground.name())
        self.bottom.setTitle("Escalation ladder", color=colors.foreground.name())
        s = self._series
        if s is None:
            for curve in self._curves.values():
                self.top.removeItem(curve)
            self._curves = {}
            self.tension_curve.setData([], [])
            self.rung_curve.setData([], [])
            return
        x = list(s.turns)
        for sid in [sid for sid in self._curves if sid not in s.names]:
            self.top.removeItem(self._curves.pop(sid))
        for i, (sid, values) in enumerate(s.values[indicator].items()):
            curve = self._curves.get(sid)
            if sid not in self._picked:
                if curve is not None:
                    curve.hide()
                continue
            if curve is None:
                curve = self.top.plot([], [])
                self._curves[sid] = curve
            estimate = indicator == "military" and sid != self._seat
            curve.setPen(
                pg.mkPen(
                    state_color(i),
                    width=4 if sid == self._seat else 2,
                    style=Qt.PenStyle.DashLine if estimate else Qt.PenStyle.SolidLine,
                )
            )
            curve.setSymbol(state_symbol(i))
            curve.setSymbolSize(8)
            curve.setSymbolBrush(state_color(i))
            curve.setData(x, list(values))
            curve.setZValue(2 if sid == self._seat else 1)
            curve.show()
        self.tension_curve.setData(x, list(s.tension))
        self.middle.setYRange(0, 100, padding=0.05)
        edges = [t - 0.5 for t in x] + [x[-1] + 0.5]
        self.rung_curve.setData(edges, list(s.escalation))
        self.bottom.setYRange(0, len(rung_names()) - 1, padding=0.08)
        ticks = [[(t, str(t)) for t in x[:: max(1, len(x) // 12)]]]  # at most a dozen labels
        for plot in (self.top, self.middle, self.bottom):
            plot.setXRange(-0.5, max(1, x[-1]) + 0.5, padding=0)
            plot.getAxis("bottom").setTicks(ticks)
