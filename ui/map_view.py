"""The map: states at their scenario positions, the scenario's geography (regions, zones, sea
lanes, rivers), what is at stake (issues, populations at risk), and what binds or divides the
states as lines.

Drawn with pyqtgraph (imported only when a game screen is first built, to keep start-up lean).
Colours come from the palette, so the map follows the light or dark look; every state has its own
colour and its own marker shape, and every kind of line its own dash pattern, so colour is never
the only cue. Names are placed in screen space where they overlap no other name and no marker
(`place_labels`), and lines between the same two states are drawn side by side. Clicking a state
(or choosing it with the arrow keys) shows what the seat knows about it below the map; the same
details are in each marker's tooltip.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QHelpEvent,
    QKeyEvent,
    QPainter,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QGraphicsPolygonItem,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from .theme import (
    EDGE_HELP,
    EDGE_STYLES,
    GEO_HELP,
    GEO_STYLES,
    plot_colors,
    state_color,
    state_symbol,
)
from .viewmodels import MapArea, MapEdge, MapLine, MapMarker, MapModel, MapNode
from .widgets import text, tip

EDGE_SPACING = 9  # pixels between parallel lines joining the same two states
DIRECTED = ("sanctions", "intervention")
XRANGE = (-0.12, 1.12)  # the map's extent in scenario units, both axes (positions are 0..1)
NODE_SIZE, OWN_NODE_SIZE, MARKER_SIZE = 30, 38, 16  # marker diameters, in pixels
NO_SELECTION = "Click a state on the map (or use the arrow keys) to see what you know about it."

# --- placing names --------------------------------------------------------------------------

Rect = tuple[float, float, float, float]  # x0, y0, x1, y1 in pixels, y downwards

# where a name may go around its point: (dx, dy) as multiples of the name's half size + the gap
DIRECTIONS = ((0, 1), (0, -1), (1, 0), (-1, 0), (1, 1), (-1, 1), (1, -1), (-1, -1))


@dataclass(frozen=True)
class Label:
    x: float  # the point named, in pixels
    y: float
    width: float
    height: float
    gap: float  # the clearance from the point (its marker's radius and a little)
    required: bool = True  # a state's name must be shown; a region's may be left out
    within: tuple[tuple[float, float], ...] = ()  # an area's name stays inside the area


def _inside_polygon(x: float, y: float, polygon: Sequence[tuple[float, float]]) -> bool:
    """Ray casting: whether (x, y) lies inside the polygon."""
    inside = False
    for (x1, y1), (x2, y2) in zip(polygon, (*polygon[1:], polygon[0]), strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _overlaps(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _overlap_area(a: Rect, b: Rect) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def place_labels(
    labels: Sequence[Label], obstacles: Sequence[Rect], bounds: Rect, rings: int = 4
) -> list[Rect | None]:
    """Where to draw each name: the first place around its point (below, above, right, left,
    then the corners, then further out) that stays inside `bounds` and overlaps no name placed
    before it and no obstacle (the markers). A required name that finds no free place takes
    the place with the least overlap, so it is never lost; an optional one is left out (None).
    Names are placed in the order given: put the most important first."""
    placed: list[Rect] = []
    out: list[Rect | None] = []
    for lab in labels:
        best: tuple[float, Rect] | None = None
        chosen: Rect | None = None
        for cx, cy in _candidates(lab, rings):
            rect = _inside(
                (cx - lab.width / 2, cy - lab.height / 2, cx + lab.width / 2, cy + lab.height / 2),
                bounds,
            )
            if lab.within and not _inside_polygon(
                (rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2, lab.within
            ):
                continue
            cost = sum(_overlap_area(rect, r) for r in placed) + sum(
                _overlap_area(rect, r) for r in obstacles
            )
            if cost == 0:
                chosen = rect
                break
            if best is None or cost < best[0]:
                best = (cost, rect)
        if chosen is None and lab.required and best is not None:
            chosen = best[1]
        if chosen is not None:
            placed.append(chosen)
        out.append(chosen)
    return out


def _candidates(lab: Label, rings: int) -> list[tuple[float, float]]:
    """Centres to try for a name: around its point, ring after ring; an area's name also in
    each corner of the area, a little inside."""
    out = [] if not lab.within else [(lab.x, lab.y)]
    # an optional name stays next to its mark or is left out: far away it would name the wrong one
    for ring in range(rings if lab.required else min(rings, 2)):
        for dx, dy in DIRECTIONS:
            out.append(
                (
                    lab.x + dx * (lab.width / 2 + lab.gap + ring * lab.height),
                    lab.y + dy * (lab.height / 2 + lab.gap + ring * lab.height),
                )
            )
    for vx, vy in lab.within:
        inward_x = 1 if lab.x > vx else -1
        inward_y = 1 if lab.y > vy else -1
        out.append((vx + inward_x * (lab.width / 2 + 6), vy + inward_y * (lab.height / 2 + 4)))
    return out


def _inside(rect: Rect, bounds: Rect) -> Rect:
    """The rectangle moved (not shrunk) to lie within bounds, as far as it fits."""
    x0, y0, x1, y1 = rect
    dx = max(bounds[0] - x0, 0) + min(bounds[2] - x1, 0)
    dy = max(bounds[1] - y0, 0) + min(bounds[3] - y1, 0)
    return (x0 + dx, y0 + dy, x1 + dx, y1 + dy)


# --- pens and the legend --------------------------------------------------------------------


def edge_pen(kind: str, scale: float = 1.0) -> QPen:
    color, width, dash, _ = EDGE_STYLES[kind]
    pen = QPen(QColor(color))
    pen.setWidthF(width * scale)
    pen.setStyle(getattr(Qt.PenStyle, dash))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setCosmetic(True)
    return pen


def geo_pen(kind: str, scale: float = 1.0) -> QPen:
    color, width, style, _ = GEO_STYLES[kind]
    pen = QPen(QColor(color))
    pen.setWidthF((width if kind in ("sea_lane", "river") else 1.5) * scale)
    pen.setStyle(getattr(Qt.PenStyle, style if kind != "region" else "SolidLine"))
    pen.setCosmetic(True)
    return pen


def geo_brush(kind: str) -> QBrush:
    color = QColor(GEO_STYLES[kind][0])
    if kind == "zone":
        color.setAlphaF(0.55)
        return QBrush(color, Qt.BrushStyle.BDiagPattern)
    color.setAlphaF(GEO_STYLES[kind][1])
    return QBrush(color)


class MapLegend(QWidget):
    """A key to the lines (and, when the scenario has them, the places) on the map, painted
    with the very pens the map uses.

    As many columns as fit the width (up to three), each wide enough for its whole label; in a
    very narrow map a label wraps rather than being cut. Each entry's tooltip says it in full."""

    SWATCH = 30  # the sample line's length, in pixels
    MAX_COLUMNS = 3

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mapLegend")
        self._geo: tuple[str, ...] = ()
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setToolTip("What the lines and marks on the map mean")
        self.setAccessibleName("Map legend")
        self._describe()

    # --- layout -------------------------------------------------------------------------------

    def set_geography(self, kinds: Sequence[str]) -> None:
        """Show entries for these kinds of places too (those the map draws now)."""
        kinds = tuple(k for k in GEO_STYLES if k in kinds)
        if kinds != self._geo:
            self._geo = kinds
            self._describe()
            self.updateGeometry()
            self.update()

    def entries(self) -> list[tuple[str, str, str]]:
        """(kind, label, full explanation) in legend order."""
        edges = [
            (kind, style[3], EDGE_HELP.get(kind, style[3])) for kind, style in EDGE_STYLES.items()
        ]
        return edges + [(k, GEO_STYLES[k][3], GEO_HELP[k]) for k in self._geo]

    def _describe(self) -> None:
        self.setAccessibleDescription("; ".join(full for _, _, full in self.entries()))

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
            1, min(self.MAX_COLUMNS, len(self.entries()), width // max(1, self._column_width()))
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
            self._swatch(painter, kind, QPointF(rect.left() + 4, y))
            painter.setPen(ink)
            painter.drawText(
                self.text_rect(rect),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                | int(Qt.TextFlag.TextWordWrap),
                label,
            )
        painter.end()

    def _swatch(self, painter: QPainter, kind: str, left: QPointF) -> None:
        end = QPointF(left.x() + self.SWATCH, left.y())
        if kind in EDGE_STYLES:
            painter.setPen(edge_pen(kind, 0.8))
            painter.drawLine(left, end)
        elif kind in ("sea_lane", "river"):
            painter.setPen(geo_pen(kind))
            painter.drawLine(left, end)
        elif kind in ("region", "zone"):
            painter.setPen(geo_pen(kind))
            painter.setBrush(geo_brush(kind))
            painter.drawRect(QRectF(left.x(), left.y() - 6, self.SWATCH, 12))
            painter.setBrush(Qt.BrushStyle.NoBrush)
        else:  # a marker: the diamond of an issue, the downward triangle of a population
            color = QColor(GEO_STYLES[kind][0])
            painter.setPen(QPen(color.darker(140), 1))
            painter.setBrush(color)
            c, r = QPointF(left.x() + self.SWATCH / 2, left.y()), 6
            points = (
                [(0, -r), (r, 0), (0, r), (-r, 0)]
                if kind == "issue"
                else [(-r, -r * 0.8), (r, -r * 0.8), (0, r)]
            )
            painter.drawPolygon(QPolygonF([QPointF(c.x() + x, c.y() + y) for x, y in points]))
            painter.setBrush(Qt.BrushStyle.NoBrush)


# --- the map --------------------------------------------------------------------------------


class MapView(QWidget):
    # --- signals ----------------------------------------------------------------------------
    sig_state_clicked = Signal(str)  # state id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mapView")
        self._model = MapModel((), ())
        self._selected: str | None = None
        self.label_rects: dict[str, Rect] = {}  # what each drawn name covers, in pixels
        self.plot = pg.PlotWidget()
        self.plot.setObjectName("mapPlot")
        self.plot.setMinimumSize(220, 140)
        self.plot.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.plot.setAccessibleName("Map of the states")
        self.plot.setAccessibleDescription(
            "The states and what binds or divides them; the arrow keys choose a state"
        )
        self.plot.installEventFilter(self)
        item = self.plot.getPlotItem()
        for axis in ("left", "bottom"):
            item.hideAxis(axis)
        item.setMouseEnabled(False, False)
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setRange(xRange=XRANGE, yRange=XRANGE, padding=0)
        item.getViewBox().setAspectLocked(False)
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(0)
        self._redraw.timeout.connect(self._draw)
        item.getViewBox().sigResized.connect(self._redraw.start)
        self.details = text(NO_SELECTION, "mapDetails")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot, 1)
        self.legend = MapLegend()
        layout.addWidget(self.legend)
        layout.addWidget(self.details)
        self._apply_colors()

    # --- public API ---------------------------------------------------------------------------

    @property
    def model(self) -> MapModel:
        return self._model

    @property
    def selected(self) -> str | None:
        return self._selected

    def show_map(self, model: MapModel) -> None:
        self._model = model
        node = self._node(self._selected)
        if node is None:
            self._selected = None
            self.details.setText(NO_SELECTION)
        else:  # the same state, with this turn's figures: never last turn's
            self.details.setText(node.details)
        self.legend.set_geography(self._geo_kinds())
        self._draw()

    def select(self, state_id: str) -> None:
        node = self._node(state_id)
        if node is None:
            return
        self._selected = state_id
        self.details.setText(node.details)
        self._draw()

    def clear(self) -> None:
        self._selected = None
        self.show_map(MapModel((), ()))

    # --- Qt overrides -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_colors()
            self._draw()
        super().changeEvent(event)

    def eventFilter(self, watched: object, event: QEvent) -> bool:
        """Left/Up and Right/Down choose the previous and next state on the focused map."""
        if watched is self.plot and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = {
                Qt.Key.Key_Right: 1,
                Qt.Key.Key_Down: 1,
                Qt.Key.Key_Left: -1,
                Qt.Key.Key_Up: -1,
            }.get(Qt.Key(event.key()))
            if step is not None and self._model.nodes:
                ids = [n.state_id for n in self._model.nodes]
                now = ids.index(self._selected) if self._selected in ids else -step
                chosen = ids[(now + step) % len(ids)]
                self.select(chosen)
                self.sig_state_clicked.emit(chosen)
                return True
        return super().eventFilter(watched, event)

    # --- private: drawing -----------------------------------------------------------------------

    def _node(self, state_id: str | None) -> MapNode | None:
        return next((n for n in self._model.nodes if n.state_id == state_id), None)

    def _geo_kinds(self) -> set[str]:
        m = self._model
        return {a.kind for a in m.areas} | {li.kind for li in m.lines} | {k.kind for k in m.markers}

    def _apply_colors(self) -> None:
        self.plot.setBackground(plot_colors(self.palette()).background)

    def _pixels(self) -> tuple[float, float]:
        box = self.plot.getPlotItem().getViewBox()
        return (max(box.width(), 50.0), max(box.height(), 50.0))

    def _to_px(self, x: float, y: float) -> tuple[float, float]:
        w, h = self._pixels()
        span = XRANGE[1] - XRANGE[0]
        return ((x - XRANGE[0]) / span * w, (1 - (y - XRANGE[0]) / span) * h)

    def _to_map(self, px: float, py: float) -> tuple[float, float]:
        w, h = self._pixels()
        span = XRANGE[1] - XRANGE[0]
        return (XRANGE[0] + px / w * span, XRANGE[0] + (1 - py / h) * span)

    def _draw(self) -> None:
        item = self.plot.getPlotItem()
        item.clear()
        self.label_rects = {}
        m = self._model
        colors = plot_colors(self.palette())
        for area in m.areas:
            self._draw_area(item, area)
        for line in m.lines:
            self._draw_line(item, line)
        self._draw_edges(item, m.nodes, m.edges)
        if not m.nodes and not m.markers:
            return
        obstacles: list[Rect] = []
        spots = []
        for n in m.nodes:
            selected = n.state_id == self._selected
            size = OWN_NODE_SIZE if n.mine else NODE_SIZE
            ring = pg.mkPen(
                colors.foreground
                if selected or n.mine
                else QColor(state_color(n.color_index)).darker(150),
                width=4 if selected else (2.5 if n.mine else 1.5),
            )
            spots.append(
                {
                    "pos": (n.x, n.y),
                    "size": size,
                    "brush": pg.mkBrush(state_color(n.color_index)),
                    "pen": ring,
                    "data": n.state_id,
                    "symbol": state_symbol(n.color_index),
                }
            )
            px, py = self._to_px(n.x, n.y)
            half = size / 2 + 2
            obstacles.append((px - half, py - half, px + half, py + half))
        if spots:
            scatter = pg.ScatterPlotItem(spots=spots, hoverable=True, tip=self._tip)
            scatter.setZValue(10)
            scatter.sigClicked.connect(self._on_clicked)
            item.addItem(scatter)
        markers = self._draw_markers(item, m.markers, obstacles)
        self._draw_labels(item, m, markers, obstacles)

    def _draw_area(self, item: pg.PlotItem, area: MapArea) -> None:
        polygon = QGraphicsPolygonItem(QPolygonF([QPointF(x, y) for x, y in area.points]))
        polygon.setPen(geo_pen(area.kind))
        polygon.setBrush(geo_brush(area.kind))
        polygon.setToolTip(tip(area.details))
        polygon.setZValue(-20 if area.kind == "region" else -15)
        item.addItem(polygon)

    def _draw_line(self, item: pg.PlotItem, line: MapLine) -> None:
        curve = pg.PlotCurveItem(
            [p[0] for p in line.points], [p[1] for p in line.points], pen=geo_pen(line.kind)
        )
        curve.setToolTip(tip(line.name))
        curve.setZValue(-10)
        item.addItem(curve)

    def _draw_edges(
        self, item: pg.PlotItem, nodes: Sequence[MapNode], edges: Sequence[MapEdge]
    ) -> None:
        where = {n.state_id: (n.x, n.y) for n in nodes}
        pairs: dict[frozenset[str], list[MapEdge]] = defaultdict(list)
        for e in edges:
            if e.a in where and e.b in where and e.a != e.b:
                pairs[frozenset((e.a, e.b))].append(e)
        for group in pairs.values():
            group.sort(key=lambda e: (e.kind, e.a, e.label))  # the same order every turn
            for i, e in enumerate(group):
                offset = (i - (len(group) - 1) / 2) * EDGE_SPACING
                first, second = sorted((e.a, e.b))  # the same sideways direction both ways
                self._draw_edge(
                    item, where[e.a], where[e.b], e, offset, where[first], where[second]
                )

    def _draw_edge(
        self,
        item: pg.PlotItem,
        a: tuple[float, float],
        b: tuple[float, float],
        edge: MapEdge,
        offset: float,
        first: tuple[float, float],
        second: tuple[float, float],
    ) -> None:
        """A line from a to b, moved `offset` pixels sideways (parallel lines side by side);
        sideways is reckoned along first->second, the pair in a fixed order."""
        (ax, ay), (bx, by) = self._to_px(*a), self._to_px(*b)
        (fx, fy), (sx, sy) = self._to_px(*first), self._to_px(*second)
        length = math.hypot(sx - fx, sy - fy) or 1.0
        nx, ny = -(sy - fy) / length * offset, (sx - fx) / length * offset
        x1, y1 = self._to_map(ax + nx, ay + ny)
        x2, y2 = self._to_map(bx + nx, by + ny)
        curve = pg.PlotCurveItem([x1, x2], [y1, y2], pen=edge_pen(edge.kind))
        curve.setToolTip(tip(edge.label))
        item.addItem(curve)
        if edge.kind in DIRECTED:
            angle = math.degrees(math.atan2(-(by - ay), bx - ax))  # on screen, y up
            tip_at = (x1 + (x2 - x1) * 0.72, y1 + (y2 - y1) * 0.72)
            color = EDGE_STYLES[edge.kind][0]
            arrow = pg.ArrowItem(
                pos=tip_at,
                angle=180 - angle,
                headLen=16,
                tipAngle=35,
                brush=color,
                pen=pg.mkPen(color),
            )
            item.addItem(arrow)

    def _draw_markers(
        self, item: pg.PlotItem, markers: Sequence[MapMarker], obstacles: list[Rect]
    ) -> list[tuple[MapMarker, float, float]]:
        """Issues at their place; populations beside their state (several fan out)."""
        placed = []
        beside: dict[tuple[float, float], int] = defaultdict(int)
        spots = []
        for k in markers:
            px, py = self._to_px(k.x, k.y)
            if k.kind == "population":
                n = beside[(k.x, k.y)]
                beside[(k.x, k.y)] += 1
                px, py = px + 24 + 18 * n, py - 20
            x, y = self._to_map(px, py)
            color, size, symbol, _ = GEO_STYLES[k.kind]
            spots.append(
                {
                    "pos": (x, y),
                    "size": size,
                    "brush": pg.mkBrush(color),
                    "pen": pg.mkPen(QColor(color).darker(150), width=1.2),
                    "symbol": symbol,
                    "data": k.id,
                }
            )
            half = size / 2 + 2
            obstacles.append((px - half, py - half, px + half, py + half))
            placed.append((k, px, py))
        if spots:
            details = {k.id: k.details for k in markers}
            scatter = pg.ScatterPlotItem(
                spots=spots,
                hoverable=True,
                tip=lambda x, y, data: tip(details.get(data, "")),  # noqa: ARG005 - pyqtgraph
            )
            scatter.setZValue(12)
            item.addItem(scatter)
        return placed

    def _draw_labels(
        self,
        item: pg.PlotItem,
        m: MapModel,
        markers: Sequence[tuple[MapMarker, float, float]],
        obstacles: list[Rect],
    ) -> None:
        colors = plot_colors(self.palette())
        base = self.font().pointSizeF()
        texts: list[tuple[str, pg.TextItem, Label]] = []

        def add(key: str, words: str, px: float, py: float, gap: float, required: bool, **font):
            label = pg.TextItem(words, color=font.get("color", colors.foreground), anchor=(0, 0))
            f = label.textItem.font()
            f.setPointSizeF(base * font.get("scale", 1.0))
            f.setBold(font.get("bold", False))
            f.setItalic(font.get("italic", False))
            label.setFont(f)
            size = label.textItem.boundingRect()
            within = tuple(self._to_px(x, y) for x, y in font.get("within", ()))
            texts.append(
                (key, label, Label(px, py, size.width(), size.height(), gap, required, within))
            )

        for n in m.nodes:  # states first: their names must show
            px, py = self._to_px(n.x, n.y)
            gap = (OWN_NODE_SIZE if n.mine else NODE_SIZE) / 2 - 4
            add(
                f"state:{n.state_id}",
                n.name + ("  (you)" if n.mine else ""),
                px,
                py,
                gap,
                True,
                bold=n.mine,
                scale=1.05,
            )
        for k, px, py in markers:
            add(f"{k.kind}:{k.id}", k.name, px, py, MARKER_SIZE / 2 - 4, False, scale=0.9)
        muted = colors.muted
        for area in m.areas:
            cx = sum(p[0] for p in area.points) / len(area.points)
            cy = sum(p[1] for p in area.points) / len(area.points)
            px, py = self._to_px(cx, cy)
            add(
                f"{area.kind}:{area.id}",
                area.name,
                px,
                py,
                0,
                False,
                italic=True,
                scale=0.9,
                color=muted,
                within=area.points,  # inside its area, or not at all
            )
        for line in m.lines:
            mid = line.points[len(line.points) // 2]
            px, py = self._to_px(*mid)
            add(
                f"{line.kind}:{line.id}",
                line.name,
                px,
                py,
                4,
                False,
                italic=True,
                scale=0.85,
                color=QColor(GEO_STYLES[line.kind][0]),
            )
        w, h = self._pixels()
        places = place_labels([t[2] for t in texts], obstacles, (2, 2, w - 2, h - 2))
        for (key, label, _), rect in zip(texts, places, strict=True):
            if rect is None:
                continue
            label.setPos(*self._to_map(rect[0], rect[1]))
            label.setZValue(20)
            item.addItem(label)
            self.label_rects[key] = rect

    # --- private: interaction -------------------------------------------------------------------

    def _tip(self, x: float, y: float, data: str) -> str:  # noqa: ARG002 - pyqtgraph signature
        node = self._node(data)
        return tip(node.details) if node else ""

    def _on_clicked(self, _item: object, points: Sequence[object], _ev: object = None) -> None:
        if len(points):
            state_id = str(points[0].data())
            self.select(state_id)
            self.sig_state_clicked.emit(state_id)
