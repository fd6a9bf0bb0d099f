"""The report's charts, drawn for paper with pyqtgraph (the app's own chart library, so the
printed figures match the screen's): black ink on white, each state told apart by its dash
pattern and marker rather than by colour, so they read when printed in black and white.

Rendered offscreen into images at print resolution; `wargame report` needs no display.
"""

from __future__ import annotations

import html

import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsItem

from wargame.debrief import Charts

WIDTH, HEIGHT = 760, 300  # logical pixels: about the width of a page's text
SCALE = 3  # device pixels per logical pixel: about 300 dpi on paper
INK = QColor("#000000")
GRID = 0.18
DASHES = (
    Qt.PenStyle.SolidLine,
    Qt.PenStyle.DashLine,
    Qt.PenStyle.DotLine,
    Qt.PenStyle.DashDotLine,
    Qt.PenStyle.DashDotDotLine,
)
MARKERS = ("o", "s", "t", "d", "x", "+", "star", "p")
SHADES = ("#000000", "#555555")


def chart_images(charts: Charts) -> dict[str, QImage]:
    """Chart key (see wargame.debrief.report_html.CHARTS) -> image."""
    return {key: chart_image(charts, key) for key in chart_keys(charts)}


def chart_keys(charts: Charts) -> list[str]:
    return ["tension", *charts.indicators]


def chart_image(charts: Charts, key: str) -> QImage:
    """One chart as an image at print resolution (drawn on the GUI thread: pyqtgraph's items
    are widgets' kin)."""
    if key == "tension":
        return _render(_tension(charts), HEIGHT + 60)
    return _render(_indicator(charts, key, charts.indicators[key]), HEIGHT)


def chart_widget(charts: Charts, key: str) -> pg.GraphicsLayoutWidget:
    """One chart as a widget (the debrief screen shows the printed charts as they will print)."""
    if key == "tension":
        return _tension(charts)
    return _indicator(charts, key, charts.indicators[key])


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


# --- private ------------------------------------------------------------------------------------


def _layout() -> pg.GraphicsLayoutWidget:
    widget = pg.GraphicsLayoutWidget()
    widget.setBackground("w")
    font = QFont("DejaVu Sans")
    font.setPointSizeF(9)
    widget.setFont(font)
    return widget


def _style(plot: pg.PlotItem, title: str, charts: Charts) -> None:
    plot.setTitle(title, color="k", size="11pt")
    plot.showGrid(x=True, y=True, alpha=GRID)
    plot.hideButtons()
    plot.setMenuEnabled(False)
    tick_font = QFont("DejaVu Sans")
    tick_font.setPixelSize(11)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(INK)
        axis.setTextPen(INK)
        axis.setStyle(tickFont=tick_font)
    x = charts.turns
    plot.setXRange(-0.3, max(1, x[-1]) + 0.3, padding=0)
    plot.getAxis("bottom").setTicks([[(t, str(t)) for t in x]])
    plot.setLabel("bottom", "after turn (0 = the start)", color="k", size="9pt")


def _indicator(charts: Charts, indicator: str, by_state: dict[str, tuple[float, ...]]):
    widget = _layout()
    plot = widget.addPlot(row=0, col=0)
    _style(plot, f"{indicator.capitalize()} by state", charts)
    plot.setLabel("bottom", "")
    longest = max(len(n) for n in by_state)
    columns = min(len(by_state), 4 if longest <= 14 else 3 if longest <= 24 else 2)
    legend = pg.LegendItem(colCount=columns, labelTextColor="k", labelTextSize="7.5pt")
    # a legend keeps its size when a plot zooms: here it must scale with the page like the rest
    legend.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, False)
    widget.addItem(legend, row=1, col=0)
    x = list(charts.turns)
    for i, (name, values) in enumerate(by_state.items()):
        shade = SHADES[(i // len(DASHES)) % len(SHADES)]
        own = name not in charts.estimated and bool(charts.estimated)
        pen = pg.mkPen(shade, width=3.2 if own else 2.0, style=DASHES[i % len(DASHES)])
        filled = i % 2 == 0
        curve = plot.plot(
            x,
            list(values),
            pen=pen,
            symbol=MARKERS[i % len(MARKERS)],
            symbolSize=8,
            symbolPen=pg.mkPen(shade, width=1.2),
            symbolBrush=pg.mkBrush(shade if filled else "w"),
        )
        # a legend label is rich text: the name is escaped so it shows as written
        legend.addItem(curve, html.escape(name + (" (you)" if own else ""), quote=False))
    rows = -(-len(by_state) // columns)
    widget.ci.layout.setRowFixedHeight(1, 17 * rows + 6)
    return widget


def _tension(charts: Charts):
    widget = _layout()
    top = widget.addPlot(row=0, col=0)
    _style(top, "Global tension (0\u2013100)", charts)
    x = list(charts.turns)
    top.plot(
        x,
        list(charts.tension),
        pen=pg.mkPen(INK, width=2),
        symbol="o",
        symbolSize=6,
        symbolPen=INK,
        symbolBrush=pg.mkBrush(INK),
    )
    top.setYRange(0, 100, padding=0.05)
    top.setLabel("bottom", "")
    bottom = widget.addPlot(row=1, col=0)
    _style(bottom, "Escalation rung", charts)
    edges = [t - 0.5 for t in x] + [x[-1] + 0.5]
    bottom.plot(
        edges,
        list(charts.escalation),
        stepMode="center",
        pen=pg.mkPen(INK, width=2.5),
    )
    bottom.setYRange(0, len(charts.rungs) - 1, padding=0.08)
    bottom.getAxis("left").setTicks([list(enumerate(charts.rungs))])
    width = max(top.getAxis("left").width(), 120)
    for plot in (top, bottom):
        plot.getAxis("left").setWidth(width)
    widget.ci.layout.setRowStretchFactor(0, 1)
    widget.ci.layout.setRowStretchFactor(1, 1)
    return widget


def _render(widget: pg.GraphicsLayoutWidget, height: int) -> QImage:
    """Lay the charts out at the size they will have on paper (shown, but never on screen),
    then paint the scene SCALE times larger: text and lines keep their size, only sharper."""
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    widget.resize(WIDTH, height)
    widget.show()
    QApplication.processEvents()  # the layout settles on the shown widget
    image = QImage(WIDTH * SCALE, height * SCALE, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    widget.scene().render(
        painter, QRectF(0, 0, image.width(), image.height()), QRectF(0, 0, WIDTH, height)
    )
    painter.end()
    widget.close()
    widget.deleteLater()
    return image
