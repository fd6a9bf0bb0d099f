"""The map: states as nodes at their scenario positions, and what binds or divides them as edges.

Drawn with pyqtgraph (imported only when a game screen is first built, to keep start-up lean).
Colours come from the palette, so the map follows the light or dark look. Clicking a state shows
what the seat knows about it; the same details are in each node's tooltip.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QVBoxLayout, QWidget

from .theme import EDGE_HELP, EDGE_STYLES, plot_colors, state_color
from .viewmodels import MapEdge, MapNode
from .widgets import text

OFFSET_STEP = 0.025  # separation of parallel edges between the same two states, in map units
DIRECTED = ("sanctions", "intervention")
XRANGE = (-0.12, 1.12)  # the map's extent in scenario units, both axes (positions are 0..1)
NODE_RADIUS = 0.6  # a node's radius, in units of 30 pixels


def label_places(
    points: list[tuple[float, float]], sizes: list[tuple[float, float]], gap: float
) -> list[tuple[bool, float]]:
    """Where to put each state's name: below its node (True) or above, and at which y.

    Below unless that would overlap another node or a name already placed, or leave the map.
    Sizes and gap are in map units."""
    placed: list[tuple[float, float, float, float]] = []  # x0, y0, x1, y1 of the names so far
    out = []
    for (x, y), (w, h) in zip(points, sizes, strict=True):
        options = [(True, y - gap, y - gap - h), (False, y + gap, y + gap + h)]
        best = options[0]
        for below, near, far in options:
            y0, y1 = min(near, far), max(near, far)
            rect = (x - w / 2, y0, x + w / 2, y1)
            clash = any(_overlap(rect, r) for r in placed) or any(
                (px, py) != (x, y)
                and rect[0] - gap < px < rect[2] + gap
                and rect[1] - gap < py < rect[3] + gap
                for px, py in points
            )
            if not clash and XRANGE[0] <= y0 and y1 <= XRANGE[1]:
                best = (below, near, far)
                break
        below, near, far = best
        placed.append((x - w / 2, min(near, far), x + w / 2, max(near, far)))
        out.append((below, near))
    return out


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def edge_pen(kind: str, scale: float = 1.0) -> QPen:
    color, width, dash, _ = EDGE_STYLES[kind]
    pen = QPen(QColor(color))
    pen.setWidthF(width * scale)
    pen.setStyle(getattr(Qt.PenStyle, dash))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setCosmetic(True)
    return pen


class MapLegend(QWidget):
    """A key to the edge styles, painted with the very pens the map uses.

    As many columns as fit the width (up to three), each wide enough for its whole label; in a
    very narrow map a label wraps rather than being cut. Each entry's tooltip says it in full."""

    SWATCH = 30  # the sample line's length, in pixels
    MAX_COLUMNS = 3

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mapLegend")
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setToolTip("What the lines between states mean")
        self.setAccessibleDescription("; ".join(EDGE_HELP.values()))

    # --- layout -------------------------------------------------------------------------------

    def entries(self) -> list[tuple[str, str, str]]:
        """(kind, label, full explanation) in legend order."""
        return [
            (kind, style[3], EDGE_HELP.get(kind, style[3])) for kind, style in EDGE_STYLES.items()
        ]

    def _text_x(self) -> int:
        return 4 + self.SWATCH + 8  # a margin, the sample line, a gap

    def _column_width(self) -> int:
        fm = self.fontMetrics()
        return (
            self._text_x()
            + max(fm.horizontalAdvance(label) for _, label, _ in self.entries())
            + fm.averageCharWidth()
        )

    def _columns(self, width: int) -> int:
        return max(
            1, min(self.MAX_COLUMNS, len(EDGE_STYLES), width // max(1, self._column_width()))
        )

    def text_rect(self, cell: QRect) -> QRect:
        """Where an entry's label is drawn in its cell (right of the sample line)."""
        return cell.adjusted(self._text_x(), 3, -4, 0)

    def cells(self, width: int) -> list[tuple[QRect, str, str, str]]:
        """Where each entry goes at this width: its cell, kind, label and explanation."""
        fm = self.fontMetrics()
        columns = self._columns(width)
        col_width = width // columns
        text_width = max(20, self.text_rect(QRect(0, 0, col_width, 10)).width())
        entries = self.entries()
        cells = []
        y = 3
        for start in range(0, len(entries), columns):
            row = entries[start : start + columns]
            heights = [
                fm.boundingRect(
                    QRect(0, 0, text_width, 10000), Qt.TextFlag.TextWordWrap, label
                ).height()
                for _, label, _ in row
            ]
            height = max(heights) + 6
            for col, (kind, label, full) in enumerate(row):
                cells.append((QRect(col * col_width, y, col_width, height), kind, label, full))
            y += height
        return cells

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        cells = self.cells(max(width, 1))
        return (cells[-1][0].bottom() + 4) if cells else 0

    def sizeHint(self) -> QSize:
        width = self._column_width() * 2
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        width = self._column_width()
        return QSize(self.SWATCH * 3, self.heightForWidth(width))

    # --- Qt overrides -------------------------------------------------------------------------

    def tooltip_at(self, pos: QPoint) -> str | None:
        """The full explanation of the entry at pos, if any."""
        return next(
            (full for rect, _, _, full in self.cells(self.width()) if rect.contains(pos)), None
        )

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            full = self.tooltip_at(event.pos())
            if full is not None:
                QToolTip.showText(event.globalPos(), full, self)
                return True
        return super().event(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.height() != self.heightForWidth(self.width()):
            self.updateGeometry()

    def paintEvent(self, event: QEvent) -> None:  # noqa: ARG002 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        ink = self.palette().color(self.foregroundRole())
        for rect, kind, label, _ in self.cells(self.width()):
            y = rect.top() + 3 + fm.height() / 2
            painter.setPen(edge_pen(kind, 0.8))
            painter.drawLine(QPointF(rect.left() + 4, y), QPointF(rect.left() + 4 + self.SWATCH, y))
            painter.setPen(ink)
            painter.drawText(
                self.text_rect(rect),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                | int(Qt.TextFlag.TextWordWrap),
                label,
            )
        painter.end()


class MapView(QWidget):
    # --- signals ----------------------------------------------------------------------------
    sig_state_clicked = Signal(str)  # state id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._nodes: tuple[MapNode, ...] = ()
        self._edges: tuple[MapEdge, ...] = ()
        self._selected: str | None = None
        self.plot = pg.PlotWidget()
        self.plot.setObjectName("mapPlot")
        self.plot.setMinimumSize(280, 220)
        item = self.plot.getPlotItem()
        for axis in ("left", "bottom"):
            item.hideAxis(axis)
        item.setMouseEnabled(False, False)
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setRange(xRange=XRANGE, yRange=XRANGE, padding=0)
        item.getViewBox().setAspectLocked(False)
        self.details = text("Click a state on the map to see what you know about it.", "mapDetails")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot, 1)
        self.legend = MapLegend()
        layout.addWidget(self.legend)
        layout.addWidget(self.details)
        self._apply_colors()

    # --- public API ---------------------------------------------------------------------------

    def show_map(self, nodes: Sequence[MapNode], edges: Sequence[MapEdge]) -> None:
        self._nodes, self._edges = tuple(nodes), tuple(edges)
        if self._selected not in {n.state_id for n in self._nodes}:
            self._selected = None
            self.details.setText("Click a state on the map to see what you know about it.")
        self._draw()

    def select(self, state_id: str) -> None:
        node = next((n for n in self._nodes if n.state_id == state_id), None)
        if node is None:
            return
        self._selected = state_id
        self.details.setText(node.details)
        self._draw()

    def clear(self) -> None:
        self.show_map((), ())

    # --- Qt overrides -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_colors()
            self._draw()
        super().changeEvent(event)

    # --- private --------------------------------------------------------------------------------

    def _apply_colors(self) -> None:
        self.plot.setBackground(plot_colors(self.palette()).background)

    def _draw(self) -> None:
        item = self.plot.getPlotItem()
        item.clear()
        colors = plot_colors(self.palette())
        where = {n.state_id: (n.x, n.y) for n in self._nodes}
        pairs: dict[frozenset[str], list[MapEdge]] = defaultdict(list)
        for e in self._edges:
            if e.a in where and e.b in where:
                pairs[frozenset((e.a, e.b))].append(e)
        for group in pairs.values():
            for i, e in enumerate(group):
                self._draw_edge(
                    item, where[e.a], where[e.b], e, (i - (len(group) - 1) / 2) * OFFSET_STEP
                )
        if not self._nodes:
            return
        spots = []
        for n in self._nodes:
            selected = n.state_id == self._selected
            ring = pg.mkPen(
                colors.foreground if selected else QColor(state_color(n.color_index)).darker(140),
                width=4 if selected else 1.5,
            )
            spots.append(
                {
                    "pos": (n.x, n.y),
                    "size": 38 if n.mine else 30,
                    "brush": pg.mkBrush(state_color(n.color_index)),
                    "pen": ring,
                    "data": n.state_id,
                    "symbol": "star" if n.mine else "o",
                }
            )
        scatter = pg.ScatterPlotItem(spots=spots, hoverable=True, tip=self._tip)
        scatter.sigClicked.connect(self._on_clicked)
        item.addItem(scatter)
        box = item.getViewBox()
        per_unit = (
            (box.width() or 400) / (XRANGE[1] - XRANGE[0]),
            (box.height() or 300) / (XRANGE[1] - XRANGE[0]),
        )
        fm = self.fontMetrics()
        texts = [n.name + ("  (you)" if n.mine else "") for n in self._nodes]
        sizes = [
            (fm.horizontalAdvance(t) * 1.15 / per_unit[0], fm.height() * 1.2 / per_unit[1])
            for t in texts
        ]
        places = label_places(
            [(n.x, n.y) for n in self._nodes], sizes, NODE_RADIUS * 30 / per_unit[1]
        )
        for n, name, (below, y) in zip(self._nodes, texts, places, strict=True):
            label = pg.TextItem(name, color=colors.foreground, anchor=(0.5, 0 if below else 1.0))
            font = label.textItem.font()
            font.setBold(n.mine)
            font.setPointSizeF(self.font().pointSizeF() * 1.1)
            label.setFont(font)
            label.setPos(n.x, y)
            item.addItem(label)

    def _draw_edge(
        self,
        item: pg.PlotItem,
        a: tuple[float, float],
        b: tuple[float, float],
        edge: MapEdge,
        offset: float,
    ) -> None:
        (x1, y1), (x2, y2) = a, b
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        nx, ny = -(y2 - y1) / length * offset, (x2 - x1) / length * offset
        curve = pg.PlotCurveItem([x1 + nx, x2 + nx], [y1 + ny, y2 + ny], pen=edge_pen(edge.kind))
        curve.setToolTip(edge.label)
        item.addItem(curve)
        if edge.kind in DIRECTED:
            angle = math.degrees(math.atan2(y2 - y1, x2 - x1))
            tip = (x1 + nx + (x2 - x1) * 0.72, y1 + ny + (y2 - y1) * 0.72)
            color = EDGE_STYLES[edge.kind][0]
            arrow = pg.ArrowItem(
                pos=tip,
                angle=180 - angle,
                headLen=16,
                tipAngle=35,
                brush=color,
                pen=pg.mkPen(color),
            )
            item.addItem(arrow)

    def _tip(self, x: float, y: float, data: str) -> str:  # noqa: ARG002 - pyqtgraph signature
        node = next((n for n in self._nodes if n.state_id == data), None)
        return node.details if node else ""

    def _on_clicked(self, _item: object, points: Sequence[object], _ev: object = None) -> None:
        if len(points):
            state_id = str(points[0].data())
            self.select(state_id)
            self.sig_state_clicked.emit(state_id)
