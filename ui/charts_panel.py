"""Charts over the turns: one indicator for every state (others' military as estimates, dashed),
global tension, and the escalation rung. pyqtgraph, coloured from the palette."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from .labels import INDICATORS
from .theme import plot_colors, state_color, state_symbol
from .viewmodels import Series, rung_names
from .widgets import escape, muted


class ChartsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._series: Series | None = None
        self._seat = ""
        self.indicator = QComboBox()
        self.indicator.setObjectName("chartIndicator")
        self.indicator.setAccessibleName("Indicator to chart")
        for name in INDICATORS:
            self.indicator.addItem(name.capitalize(), name)
        self.indicator.setToolTip("Which indicator to plot for every state")
        self.indicator.currentIndexChanged.connect(lambda _i: self._draw())
        self.note = muted(
            "Turn 0 is the start. Your own figures are exact; other states' military figures are estimates (dashed)."
        )
        self.graphs = pg.GraphicsLayoutWidget()
        self.graphs.setObjectName("chartsView")
        self.graphs.setAccessibleName(
            "Charts of the indicators, tension and escalation over the turns"
        )
        self.graphs.setMinimumHeight(300)
        self.top = self.graphs.addPlot(row=0, col=0)
        self.legend = pg.LegendItem(colCount=4, labelTextSize=f"{self.font().pointSizeF():.0f}pt")
        self.graphs.addItem(self.legend, row=1, col=0)
        self.middle = self.graphs.addPlot(row=2, col=0)
        self.bottom = self.graphs.addPlot(row=3, col=0)
        self.graphs.ci.layout.setRowStretchFactor(0, 3)
        self.graphs.ci.layout.setRowStretchFactor(2, 2)
        self.graphs.ci.layout.setRowStretchFactor(3, 3)
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
        row = QHBoxLayout()
        row.addWidget(QLabel("Indicator:"))
        row.addWidget(self.indicator)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.graphs, 1)
        self._apply_colors()

    # --- public API ---------------------------------------------------------------------------

    def show_series(self, series: Series, seat: str) -> None:
        self._series, self._seat = series, seat
        self._draw()

    def clear(self) -> None:
        self._series = None
        self._draw()

    # --- Qt overrides -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_colors()
            self._draw()
        super().changeEvent(event)

    # --- private --------------------------------------------------------------------------------

    def _apply_colors(self) -> None:
        colors = plot_colors(self.palette())
        self.graphs.setBackground(colors.background)
        for plot in (self.top, self.middle, self.bottom):
            for name in ("left", "bottom"):
                axis = plot.getAxis(name)
                axis.setPen(colors.muted)
                axis.setTextPen(colors.foreground)
            plot.titleLabel.setAttr("color", colors.foreground)
        self.legend.setLabelTextColor(colors.foreground)
        self.bottom.getAxis("bottom").setLabel("after turn", color=colors.foreground.name())

    def _draw(self) -> None:
        for plot in (self.top, self.middle, self.bottom):
            plot.clear()
        self.legend.clear()
        colors = plot_colors(self.palette())
        indicator = self.indicator.currentData() or "military"
        self.top.setTitle(f"{indicator.capitalize()} by state", color=colors.foreground.name())
        self.middle.setTitle("Global tension (0\u2013100)", color=colors.foreground.name())
        self.bottom.setTitle("Escalation ladder", color=colors.foreground.name())
        s = self._series
        if s is None:
            return
        x = list(s.turns)
        for i, (sid, values) in enumerate(s.values[indicator].items()):
            estimate = indicator == "military" and sid != self._seat
            pen = pg.mkPen(
                state_color(i),
                width=4 if sid == self._seat else 2,
                style=Qt.PenStyle.DashLine if estimate else Qt.PenStyle.SolidLine,
            )
            name = s.names[sid] + (" (you)" if sid == self._seat else " (est.)" if estimate else "")
            curve = self.top.plot(
                x,
                list(values),
                pen=pen,
                symbol=state_symbol(i),
                symbolSize=8,
                symbolBrush=state_color(i),
            )
            self.legend.addItem(curve, escape(name))  # a legend label is rich text
        self.middle.plot(
            x,
            list(s.tension),
            pen=pg.mkPen(colors.highlight, width=3),
            symbol="o",
            symbolSize=6,
            symbolBrush=colors.highlight,
        )
        self.middle.setYRange(0, 100, padding=0.05)
        edges = [t - 0.5 for t in x] + [x[-1] + 0.5]
        self.bottom.plot(
            edges, list(s.escalation), stepMode="center", pen=pg.mkPen("#D55E00", width=3)
        )
        self.bottom.setYRange(0, len(rung_names()) - 1, padding=0.08)
        for plot in (self.top, self.middle, self.bottom):
            plot.setXRange(-0.5, max(1, x[-1]) + 0.5, padding=0)
            plot.getAxis("bottom").setTicks([[(t, str(t)) for t in x]])
