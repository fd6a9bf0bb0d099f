"""The map: states at their scenario positions, the scenario's geography (regions, zones, sea
lanes, rivers), what is at stake (issues, populations at risk), and what binds or divides the
states as lines.

Drawn with pyqtgraph (imported only when a game screen is first built, to keep start-up lean).
Colours come from the palette, so the map follows the light or dark look; every state has its own
colour and its own marker shape, and every kind of line its own dash pattern, so colour is never
the only cue. Names are placed in screen space where they overlap no other name and no marker
(`place_labels`; a name with no room is shortened, then left out and counted), and lines between
the same two states are drawn side by side. Clicking a state (or choosing it with the arrow keys)
shows what the seat knows about it below the map; the same details are in each marker's tooltip.
The map zooms and pans; in a world of more than FOCUS_FROM states it draws only the relations of
the seat's state and the chosen one (unless asked for all), with smaller markers, the key folded,
and the states of each region gathered in an outline when the scenario draws no regions.
"""

from __future__ import annotations

import dataclasses
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
    QHBoxLayout,
    QSizePolicy,
    QToolButton,
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
ZOOM_STEP, MAX_ZOOM = 0.7, 8.0  # a step in shrinks the view to this; the closest zoom, times
ARROW_LENGTH, ARROW_ANGLE = 12, 28  # an arrowhead's strokes: pixels, degrees off the line
FOCUS_FROM = 12  # above this many states, only the relations of your state and the chosen one
CLUSTER_PAD = 0.05  # map units between a region's states and the outline around them
NODE_SIZE, OWN_NODE_SIZE, MARKER_SIZE = 30, 38, 16  # marker diameters, in pixels
BIG_WORLD_SCALE = 0.75  # markers in a world of more than FOCUS_FROM states: room for names
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


GRID = 64  # pixels: the cell of the index that finds the names and marks near a place


class _RectIndex:
    """Rectangles bucketed by the grid cells they cover: only near ones are compared."""

    def __init__(self, rects: Sequence[Rect] = ()):
        self.rects: list[Rect] = []
        self._cells: dict[tuple[int, int], list[int]] = defaultdict(list)
        for rect in rects:
            self.add(rect)

    @staticmethod
    def _keys(rect: Rect) -> list[tuple[int, int]]:
        return [
            (i, j)
            for i in range(int(rect[0] // GRID), int(rect[2] // GRID) + 1)
            for j in range(int(rect[1] // GRID), int(rect[3] // GRID) + 1)
        ]

    def add(self, rect: Rect) -> None:
        self.rects.append(rect)
        for key in self._keys(rect):
            self._cells[key].append(len(self.rects) - 1)

    def hits(self, rect: Rect, keys: list[tuple[int, int]]) -> bool:
        """Whether `rect` overlaps any rectangle held (in the cells `keys`)."""
        x0, y0, x1, y1 = rect
        rects, cells = self.rects, self._cells
        for key in keys:
            for i in cells.get(key, ()):
                other = rects[i]
                if x0 < other[2] and other[0] < x1 and y0 < other[3] and other[1] < y1:
                    return True
        return False

    def overlap(self, rect: Rect, keys: list[tuple[int, int]] | None = None) -> float:
        """The area `rect` shares with the rectangles held (`keys`: its cells, if known)."""
        cells = self._cells
        near = {i for key in (keys or self._keys(rect)) for i in cells.get(key, ())}
        # the summed areas of overlap, worked out inline (a big world's names try thousands of
        # spots, and a call per pair was most of the map's time after a turn)
        x0, y0, x1, y1 = rect
        rects, total = self.rects, 0.0
        for i in near:
            other = rects[i]
            w = min(x1, other[2]) - max(x0, other[0])
            if w > 0:
                h = min(y1, other[3]) - max(y0, other[1])
                if h > 0:
                    total += w * h
        return total


def place_labels(
    labels: Sequence[Label],
    obstacles: Sequence[Rect],
    bounds: Rect,
    rings: int = 4,
    overlap_ok: bool = True,
) -> list[Rect | None]:
    """Where to draw each name: the first place around its point (below, above, right, left,
    then the corners, then further out) that stays inside `bounds` and overlaps no name placed
    before it and no obstacle (the markers). A required name that finds no free place takes
    the place with the least overlap when `overlap_ok`, so it is never lost; otherwise it is
    left out (None) like an optional one. Names are placed in the order given: put the most
    important first."""
    placed = _RectIndex()
    blocked = _RectIndex(obstacles)
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
            keys = _RectIndex._keys(rect)  # the same cells in both indexes
            if not (lab.required and overlap_ok):  # only a free place will do: no costs
                if not (placed.hits(rect, keys) or blocked.hits(rect, keys)):
                    chosen = rect
                    break
                continue
            cost = placed.overlap(rect, keys) + blocked.overlap(rect, keys)
            if cost == 0:
                chosen = rect
                break
            if best is None or cost < best[0]:
                best = (cost, rect)
        if chosen is None and lab.required and overlap_ok and best is not None:
            chosen = best[1]
        if chosen is not None:
            placed.add(chosen)
        out.append(chosen)
    return out


def short_name(name: str) -> str:
    """A state's name cut to fit a crowded map: the first word to four letters, the others to
    their initial, numbers kept ('Meridian Commonwealth 2' -> 'Meri. C. 2')."""
    words = name.split()
    if not words:
        return name
    first = words[0] if len(words[0]) <= 5 else words[0][:4] + "."
    rest = [w if w.isdigit() else w[0] + "." for w in words[1:]]
    return " ".join([first, *rest])


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
    """The map, drawn in layers that are kept between turns: the geography and the region
    clusters (redrawn only when they change), the states (one scatter, given new data), and
    the lines and names, which depend on where things fall on screen and are laid out again
    only when the relations, the names, the window's size or the zoom change.

    The mouse wheel (or +, - and 0 on the focused map, or the buttons beside it) zooms and
    a drag pans; names that find no free room at this zoom are cut short, then left out (the
    marker's tooltip still names the state), and the line under the map says how many."""

    # --- signals ----------------------------------------------------------------------------
    sig_state_clicked = Signal(str)  # state id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mapView")
        self._model = MapModel((), ())
        self._selected: str | None = None
        self.label_rects: dict[str, Rect] = {}  # what each drawn name covers, in pixels
        self.hidden_names: list[str] = []  # states whose name does not fit at this zoom
        self.edge_segments: list[tuple[Rect, str]] = []  # each line on screen, and what it is
        self._static: list[object] = []  # geography and clusters
        self._static_key: object = None
        self._layout_key: object = None  # what the names were placed for
        self._edges_key: object = None  # what the lines were drawn for
        self._nodes_key: object = None
        self._edge_items: list[object] = []
        self._texts: dict[str, pg.TextItem] = {}
        self._frame_now: tuple[float, float, float, float, float, float] | None = None
        self.plot = pg.PlotWidget()
        self.plot.setObjectName("mapPlot")
        self.plot.setMinimumSize(220, 140)
        self.plot.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.plot.setAccessibleName("Map of the states")
        self.plot.setAccessibleDescription(
            "The states and what binds or divides them; the arrow keys choose a state, "
            "plus and minus zoom, 0 shows the whole map"
        )
        self.plot.installEventFilter(self)
        self.plot.viewport().installEventFilter(self)
        item = self.plot.getPlotItem()
        for axis in ("left", "bottom"):
            item.hideAxis(axis)
        item.setMenuEnabled(False)
        item.hideButtons()
        box = item.getViewBox()
        box.setMouseEnabled(True, True)
        box.setAspectLocked(False)
        span = XRANGE[1] - XRANGE[0]
        box.setLimits(
            xMin=XRANGE[0] - 0.2,
            xMax=XRANGE[1] + 0.2,
            yMin=XRANGE[0] - 0.2,
            yMax=XRANGE[1] + 0.2,
            minXRange=span / MAX_ZOOM,
            minYRange=span / MAX_ZOOM,
            maxXRange=span,
            maxYRange=span,
        )
        item.setRange(xRange=XRANGE, yRange=XRANGE, padding=0)
        self._nodes = pg.ScatterPlotItem(hoverable=True, tip=self._tip)
        self._nodes.setZValue(10)
        self._nodes.sigClicked.connect(self._on_clicked)
        item.addItem(self._nodes)
        self._marker_details: dict[str, str] = {}
        self._markers = pg.ScatterPlotItem(
            hoverable=True,
            tip=lambda x, y, data: tip(self._marker_details.get(data, "")),  # noqa: ARG005
        )
        self._markers.setZValue(12)
        item.addItem(self._markers)
        self._names_later = False  # show_map(..., names=False): place_names() follows
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(self._lay_out)
        box.sigResized.connect(self._relayout.start)
        box.sigRangeChanged.connect(self._relayout.start)
        self.zoom_in = self._zoom_button("+", "Zoom in (+ or the mouse wheel)", ZOOM_STEP)
        self.zoom_out = self._zoom_button("\u2212", "Zoom out (-)", 1 / ZOOM_STEP)
        self.zoom_fit = self._zoom_button("\u2922", "Show the whole map (0)", None)
        self.all_lines = QToolButton(self)
        self.all_lines.setObjectName("mapAllLines")
        self.all_lines.setText("All")
        self.all_lines.setCheckable(True)
        self.all_lines.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.all_lines.setToolTip(
            f"Draw every relation. With more than {FOCUS_FROM} states only yours and those of "
            "the state you chose are drawn, so the map stays readable."
        )
        self.all_lines.setAccessibleName("Draw every relation")
        self.all_lines.toggled.connect(lambda _on: self._lay_out())
        self.details = text(NO_SELECTION, "mapDetails")
        self.key = QToolButton(self)
        self.key.setObjectName("mapKeyButton")
        self.key.setText("Key")
        self.key.setCheckable(True)
        self.key.setChecked(True)
        self.key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.key.setToolTip(
            "Show or hide the key to the lines and marks (hidden at first in a world of more "
            f"than {FOCUS_FROM} states, to give the map the room)"
        )
        self.key.setAccessibleName("Show the map's key")
        self._key_chosen = False  # the player showed or hid the key: their choice stands
        self.key.clicked.connect(lambda _on: setattr(self, "_key_chosen", True))
        # the zoom buttons in a strip beside the map, where they hide no name
        strip = QVBoxLayout()
        strip.setContentsMargins(0, 0, 0, 0)
        strip.setSpacing(2)
        for button in (self.zoom_in, self.zoom_out, self.zoom_fit, self.all_lines, self.key):
            strip.addWidget(button)
        strip.addStretch(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.plot, 1)
        row.addLayout(strip)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row, 1)
        self.legend = MapLegend()
        layout.addWidget(self.legend)
        self.key.toggled.connect(self.legend.setVisible)
        layout.addWidget(self.details)
        self._apply_colors()

    # --- public API ---------------------------------------------------------------------------

    @property
    def model(self) -> MapModel:
        return self._model

    @property
    def selected(self) -> str | None:
        return self._selected

    def show_map(self, model: MapModel, names: bool = True) -> None:
        """Draw the map. names=False leaves the markers and names as they are until
        `place_names` (after a turn in a big world, placing them is a pass of its own)."""
        self._names_later = not names
        self._model = model
        if self._node(self._selected) is None:
            self._selected = None
        self.legend.set_geography(self._geo_kinds())
        self._place_zoom_buttons()
        self._draw()

    def place_names(self) -> None:
        """The markers and names that `show_map(..., names=False)` left for later."""
        if self._names_later:
            self._names_later = False
            self._lay_out()

    def select(self, state_id: str) -> None:
        if self._node(state_id) is None:
            return
        self._selected = state_id
        self._draw_nodes()
        self._lay_out()  # in a big world the chosen state's relations are drawn

    def clear(self) -> None:
        self._selected = None
        self.show_map(MapModel((), ()))

    def zoom(self, factor: float | None, centre: tuple[float, float] | None = None) -> None:
        """Zoom by `factor` (below 1 zooms in) about `centre` (map units; the middle of the
        view when None); None shows the whole map."""
        box = self.plot.getPlotItem().getViewBox()
        if factor is None:
            box.setRange(xRange=XRANGE, yRange=XRANGE, padding=0)
        else:
            box.scaleBy((factor, factor), QPointF(*centre) if centre else None)
        self._lay_out()

    def pan(self, dx: float, dy: float) -> None:
        """Move the view by (dx, dy) map units."""
        self.plot.getPlotItem().getViewBox().translateBy(x=dx, y=dy)
        self._lay_out()

    def drawn_edges(self) -> tuple[MapEdge, ...]:
        """The relations drawn: all of them in a small world (or when asked); in a big one
        those of the seat's state and of the state chosen on the map."""
        m = self._model
        if len(m.nodes) <= FOCUS_FROM or self.all_lines.isChecked():
            return tuple(m.edges)
        focus = {n.state_id for n in m.nodes if n.mine} | {self._selected}
        return tuple(e for e in m.edges if e.a in focus or e.b in focus)

    def view_range(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """The part of the map in view: ((x0, x1), (y0, y1)) in map units."""
        (x0, x1), (y0, y1) = self.plot.getPlotItem().getViewBox().viewRange()
        return ((x0, x1), (y0, y1))

    # --- Qt overrides -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._apply_colors()
            self._static_key = self._layout_key = self._edges_key = self._nodes_key = None
            self._draw()
        super().changeEvent(event)

    def eventFilter(self, watched: object, event: QEvent) -> bool:
        """Arrows choose the previous and next state on the focused map; + - 0 zoom. A
        tooltip over a line says what it is."""
        if watched is self.plot.viewport() and event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            words = self._edge_at(event.pos().x(), event.pos().y())
            if words:
                QToolTip.showText(event.globalPos(), words, self.plot)
                return True
            return False
        if watched is self.plot and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = Qt.Key(event.key())
            zoom = {
                Qt.Key.Key_Plus: ZOOM_STEP,
                Qt.Key.Key_Equal: ZOOM_STEP,
                Qt.Key.Key_Minus: 1 / ZOOM_STEP,
            }.get(key)
            if zoom is not None:
                self.zoom(zoom)
                return True
            if key == Qt.Key.Key_0:
                self.zoom(None)
                return True
            step = {
                Qt.Key.Key_Right: 1,
                Qt.Key.Key_Down: 1,
                Qt.Key.Key_Left: -1,
                Qt.Key.Key_Up: -1,
            }.get(key)
            if step is not None and self._model.nodes:
                ids = [n.state_id for n in self._model.nodes]
                now = ids.index(self._selected) if self._selected in ids else -step
                chosen = ids[(now + step) % len(ids)]
                self.select(chosen)
                self.sig_state_clicked.emit(chosen)
                return True
        return super().eventFilter(watched, event)

    # --- private: drawing -----------------------------------------------------------------------

    def _zoom_button(self, label: str, help_text: str, factor: float | None) -> QToolButton:
        button = QToolButton(self)
        button.setText(label)
        button.setToolTip(help_text)
        button.setAccessibleName(help_text.split(" (")[0])
        button.setAutoRaise(False)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys on the map do the same
        button.clicked.connect(lambda: self.zoom(factor))
        return button

    def _place_zoom_buttons(self) -> None:
        buttons = (self.zoom_in, self.zoom_out, self.zoom_fit, self.all_lines, self.key)
        big = len(self._model.nodes) > FOCUS_FROM
        self.all_lines.setVisible(big)
        if not self._key_chosen:
            self.key.setChecked(not big)
        hints = [b.sizeHint() for b in buttons]  # square, and never below what the text needs
        side = max(22, *(h.width() for h in hints), *(h.height() for h in hints))
        for button in buttons:
            button.setFixedSize(side, side)

    def _size(self, node: MapNode) -> float:
        """A state's marker, in pixels: smaller in a big world."""
        size = OWN_NODE_SIZE if node.mine else NODE_SIZE
        return size * BIG_WORLD_SCALE if len(self._model.nodes) > FOCUS_FROM else size

    def _node(self, state_id: str | None) -> MapNode | None:
        return next((n for n in self._model.nodes if n.state_id == state_id), None)

    def _geo_kinds(self) -> set[str]:
        m = self._model
        kinds = {a.kind for a in m.areas} | {li.kind for li in m.lines}
        kinds |= {k.kind for k in m.markers}
        return kinds | ({"region"} if _clusters(m) else set())

    def _apply_colors(self) -> None:
        self.plot.setBackground(plot_colors(self.palette()).background)

    def _pixels(self) -> tuple[float, float]:
        box = self.plot.getPlotItem().getViewBox()
        return (max(box.width(), 50.0), max(box.height(), 50.0))

    def _frame(self) -> tuple[float, float, float, float, float, float]:
        """The view's size in pixels and its range in map units (read once per layout)."""
        if self._frame_now is not None:
            return self._frame_now
        w, h = self._pixels()
        (x0, x1), (y0, y1) = self.view_range()
        return (w, h, x0, x1, y0, y1)

    def _to_px(self, x: float, y: float) -> tuple[float, float]:
        w, h, x0, x1, y0, y1 = self._frame()
        return ((x - x0) / (x1 - x0) * w, (1 - (y - y0) / (y1 - y0)) * h)

    def _to_map(self, px: float, py: float) -> tuple[float, float]:
        w, h, x0, x1, y0, y1 = self._frame()
        return (x0 + px / w * (x1 - x0), y0 + (1 - py / h) * (y1 - y0))

    def _show_details(self) -> None:
        node = self._node(self._selected)
        words = node.details if node is not None else NO_SELECTION
        notes = []
        if self.hidden_names:
            n = len(self.hidden_names)
            notes.append(f"zoom in (+, wheel) to read the {n} name{'s' if n > 1 else ''} left out")
        if len(self._model.nodes) > FOCUS_FROM and not self.all_lines.isChecked():
            notes.append("lines: yours and the chosen state's ('All': every one)")
        if notes:
            sentence = "; ".join(notes)
            words += "\n" + sentence[0].upper() + sentence[1:] + "."
        if self.details.text() != words:
            self.details.setText(words)

    def _draw(self) -> None:
        self._draw_static()
        self._draw_nodes()
        self._lay_out()

    def _draw_static(self) -> None:
        """The geography and the clusters of states by region: the same all game long."""
        m = self._model
        clusters = _clusters(m)
        key = (m.areas, m.lines, clusters)
        if key == self._static_key:
            return
        self._static_key = key
        item = self.plot.getPlotItem()
        for old in self._static:
            item.removeItem(old)
        self._static = []
        for area in (*m.areas, *clusters):
            self._static.append(self._draw_area(item, area))
        for line in m.lines:
            self._static.append(self._draw_line(item, line))

    def _draw_nodes(self) -> None:
        key = (tuple((n.state_id, n.x, n.y, n.mine, n.color_index) for n in self._model.nodes),)
        key += (self._selected,)
        if key == self._nodes_key:
            return
        self._nodes_key = key
        colors = plot_colors(self.palette())
        spots = []
        for n in self._model.nodes:
            selected = n.state_id == self._selected
            ring = pg.mkPen(
                colors.foreground
                if selected or n.mine
                else QColor(state_color(n.color_index)).darker(150),
                width=4 if selected else (2.5 if n.mine else 1.5),
            )
            spots.append(
                {
                    "pos": (n.x, n.y),
                    "size": self._size(n),
                    "brush": pg.mkBrush(state_color(n.color_index)),
                    "pen": ring,
                    "data": n.state_id,
                    "symbol": state_symbol(n.color_index),
                }
            )
        self._nodes.setData(spots=spots)

    def _lay_out(self) -> None:
        """Lines, markers and names: where they fall on screen. Each is laid out again only
        when what it depends on changed: after a turn usually only the lines have."""
        self._relayout.stop()
        self._frame_now = None
        self._frame_now = self._frame()
        try:
            self._lay_out_now()
        finally:
            self._frame_now = None

    def _lay_out_now(self) -> None:
        m = self._model
        where = (self._pixels(), self.view_range())
        places = tuple((n.state_id, n.x, n.y, n.mine) for n in m.nodes)
        edges = self.drawn_edges()
        edges_key = (places, edges, where)
        if edges_key != self._edges_key:
            self._edges_key = edges_key
            item = self.plot.getPlotItem()
            for old in self._edge_items:
                item.removeItem(old)
            self._edge_items = []
            self.edge_segments = []
            self._draw_edges(item, m.nodes, edges)
        names = tuple((n.name, n.great_power) for n in m.nodes)
        # where things are and what they are called; not their details, which change each turn
        marks = tuple((k.id, k.name, k.kind, k.x, k.y) for k in m.markers)
        areas = tuple((a.id, a.name, a.kind, a.points) for a in m.areas)
        lines = tuple((li.id, li.name, li.kind, li.points) for li in m.lines)
        labels_key = (places, names, marks, areas, lines, where, self.font().toString())
        self._marker_details = {k.id: k.details for k in m.markers}
        if labels_key != self._layout_key and not self._names_later:
            self._layout_key = labels_key
            obstacles: list[Rect] = []
            for n in m.nodes:
                px, py = self._to_px(n.x, n.y)
                half = self._size(n) / 2 + 2
                obstacles.append((px - half, py - half, px + half, py + half))
            markers = self._draw_markers(m.markers, obstacles)
            self._draw_labels(m, markers, obstacles)
        self._show_details()

    def _draw_area(self, item: pg.PlotItem, area: MapArea) -> QGraphicsPolygonItem:
        polygon = QGraphicsPolygonItem(QPolygonF([QPointF(x, y) for x, y in area.points]))
        polygon.setPen(geo_pen(area.kind))
        polygon.setBrush(geo_brush(area.kind))
        polygon.setToolTip(tip(area.details))
        polygon.setZValue(-20 if area.kind == "region" else -15)
        item.addItem(polygon)
        return polygon

    def _draw_line(self, item: pg.PlotItem, line: MapLine) -> pg.PlotCurveItem:
        curve = pg.PlotCurveItem(
            [p[0] for p in line.points], [p[1] for p in line.points], pen=geo_pen(line.kind)
        )
        curve.setToolTip(tip(line.name))
        curve.setZValue(-10)
        item.addItem(curve)
        return curve

    def _draw_edges(
        self, item: pg.PlotItem, nodes: Sequence[MapNode], edges: Sequence[MapEdge]
    ) -> None:
        """Every line of a kind in one item (pairs of points), lines between the same two
        states side by side; an arrowhead two thirds along a sanction or an intervention."""
        where = {n.state_id: self._to_px(n.x, n.y) for n in nodes}
        pairs: dict[frozenset[str], list[MapEdge]] = defaultdict(list)
        for e in edges:
            if e.a in where and e.b in where and e.a != e.b:
                pairs[frozenset((e.a, e.b))].append(e)
        lines: dict[str, list[tuple[float, float]]] = defaultdict(list)
        heads: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for group in pairs.values():
            group.sort(key=lambda e: (e.kind, e.a, e.label))  # the same order every turn
            for i, e in enumerate(group):
                offset = (i - (len(group) - 1) / 2) * EDGE_SPACING
                first, second = sorted((e.a, e.b))  # the same sideways direction both ways
                (fx, fy), (sx, sy) = where[first], where[second]
                length = math.hypot(sx - fx, sy - fy) or 1.0
                nx, ny = -(sy - fy) / length * offset, (sx - fx) / length * offset
                (ax, ay), (bx, by) = where[e.a], where[e.b]
                a, b = (ax + nx, ay + ny), (bx + nx, by + ny)
                lines[e.kind] += [a, b]
                self.edge_segments.append(((*a, *b), e.label))
                if e.kind in DIRECTED:
                    heads[e.kind] += _arrowhead(a, b)
        for kind, points in lines.items():
            self._add_pairs(item, points, edge_pen(kind), 0)
        for kind, points in heads.items():
            pen = QPen(edge_pen(kind))
            pen.setStyle(Qt.PenStyle.SolidLine)
            self._add_pairs(item, points, pen, 1)

    def _add_pairs(
        self, item: pg.PlotItem, points: list[tuple[float, float]], pen: QPen, z: float
    ) -> None:
        xy = [self._to_map(px, py) for px, py in points]
        curve = pg.PlotCurveItem([p[0] for p in xy], [p[1] for p in xy], pen=pen, connect="pairs")
        curve.setZValue(z)
        item.addItem(curve)
        self._edge_items.append(curve)

    def _edge_at(self, px: float, py: float) -> str:
        """What the line nearest a point of the view is, if one passes within a few pixels."""
        # the viewport's pixels are the view box's, offset by where the box sits in the scene
        box = self.plot.getPlotItem().getViewBox()
        origin = self.plot.mapFromScene(box.mapToScene(QPointF(0, 0)))
        x, y = px - origin.x(), py - origin.y()
        near = [
            (_distance_to_segment(x, y, seg), words)
            for seg, words in self.edge_segments
            if _distance_to_segment(x, y, seg) <= 5
        ]
        return tip(min(near)[1]) if near else ""

    def _draw_markers(
        self, markers: Sequence[MapMarker], obstacles: list[Rect]
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
            color, size, symbol, _ = GEO_STYLES[k.kind]
            spots.append(
                {
                    "pos": self._to_map(px, py),
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
        self._marker_details = {k.id: k.details for k in markers}
        self._markers.setData(spots=spots)
        return placed

    def _text(self, key: str, words: str, color: QColor, scale: float, **style) -> pg.TextItem:
        """The name item for `key`, kept between layouts (made once, given new words)."""
        label = self._texts.get(key)
        if label is None:
            label = pg.TextItem(words, color=color, anchor=(0, 0))
            label.setZValue(20)
            self.plot.getPlotItem().addItem(label)
            self._texts[key] = label
        elif label.toPlainText() != words:
            label.setText(words, color=color)
        label.setColor(color)
        f = label.textItem.font()
        f.setPointSizeF(self.font().pointSizeF() * scale)
        f.setBold(style.get("bold", False))
        f.setItalic(style.get("italic", False))
        if f != label.textItem.font():
            label.setFont(f)
        return label

    def _draw_labels(
        self,
        m: MapModel,
        markers: Sequence[tuple[MapMarker, float, float]],
        obstacles: list[Rect],
    ) -> None:
        """States' names first (the seat's, then great powers', then the rest), whole where
        they fit, else cut short, else left out; then the optional names of markers, areas
        and lines, where room is left."""
        colors = plot_colors(self.palette())
        muted = colors.muted
        w, h = self._pixels()
        bounds = (2.0, 2.0, w - 2, h - 2)
        wanted: dict[str, tuple[str, QColor, float, dict[str, bool]]] = {}

        def measure(key: str, words: str, color: QColor, scale: float, **style) -> tuple:
            wanted[key] = (words, color, scale, style)
            size = self._text(key, words, color, scale, **style).textItem.boundingRect()
            return size.width(), size.height()

        nodes = sorted(m.nodes, key=lambda n: (not n.mine, not n.great_power))
        state_labels = []
        for n in nodes:
            px, py = self._to_px(n.x, n.y)
            gap = self._size(n) / 2 + 3  # clear of its own marker (an obstacle to the others)
            words = n.name + ("  (you)" if n.mine else "")
            width, height = measure(
                f"state:{n.state_id}", words, colors.foreground, 1.05, bold=n.mine
            )
            state_labels.append(Label(px, py, width, height, gap))
        # the seat's own name comes first and always shows: it may cover a marker, no name
        mine = 1 if nodes and nodes[0].mine else 0
        places = place_labels(state_labels[:mine], obstacles, bounds)
        places += place_labels(
            state_labels[mine:], [*obstacles, *filter(None, places)], bounds, overlap_ok=False
        )
        taken = [r for r in places if r is not None]
        # names with no room: cut short, in the room the whole names left
        short = []
        for i, (n, rect) in enumerate(zip(nodes, places, strict=True)):
            if rect is None:
                words = short_name(n.name) + (" (you)" if n.mine else "")
                key = f"state:{n.state_id}"
                width, height = measure(key, words, colors.foreground, 0.95, bold=n.mine)
                short.append((i, dataclasses.replace(state_labels[i], width=width, height=height)))
        if short:
            again = place_labels(
                [lab for _, lab in short], [*obstacles, *taken], bounds, overlap_ok=False
            )
            for (i, _), rect in zip(short, again, strict=True):
                places[i] = rect
                if rect is not None:
                    taken.append(rect)
        self.hidden_names = [n.state_id for n, r in zip(nodes, places, strict=True) if r is None]
        optional: list[tuple[str, Label]] = []
        for k, px, py in markers:
            key = f"{k.kind}:{k.id}"
            width, height = measure(key, k.name, colors.foreground, 0.9)
            optional.append((key, Label(px, py, width, height, MARKER_SIZE / 2 - 4, False)))
        for area in (*m.areas, *_clusters(m)):
            cx, cy = _centre(area.points)
            px, py = self._to_px(cx, cy)
            key = f"{area.kind}:{area.id}"
            width, height = measure(key, area.name, muted, 0.9, italic=True)
            within = tuple(self._to_px(x, y) for x, y in area.points)
            optional.append((key, Label(px, py, width, height, 0, False, within)))
        for line in m.lines:
            px, py = self._to_px(*line.points[len(line.points) // 2])
            key = f"{line.kind}:{line.id}"
            color = QColor(GEO_STYLES[line.kind][0])
            width, height = measure(key, line.name, color, 0.85, italic=True)
            optional.append((key, Label(px, py, width, height, 4, False)))
        more = place_labels([lab for _, lab in optional], [*obstacles, *taken], bounds)
        rects = dict(zip([f"state:{n.state_id}" for n in nodes], places, strict=True))
        rects.update(zip([key for key, _ in optional], more, strict=True))
        self.label_rects = {}
        for key in [k for k in self._texts if k not in wanted]:  # gone from the map
            self.plot.getPlotItem().removeItem(self._texts.pop(key))
        for key, label in self._texts.items():
            rect = rects.get(key)
            if rect is None:
                label.hide()
                continue
            label.setPos(*self._to_map(rect[0], rect[1]))
            label.show()
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


# --- shapes ---------------------------------------------------------------------------------


def _centre(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))


def _arrowhead(a: tuple[float, float], b: tuple[float, float]) -> list[tuple[float, float]]:
    """Two strokes of an arrowhead pointing from a to b, 72% of the way, in pixels."""
    tip_x, tip_y = a[0] + (b[0] - a[0]) * 0.72, a[1] + (b[1] - a[1]) * 0.72
    angle = math.atan2(b[1] - a[1], b[0] - a[0])
    out = []
    for side in (-1, 1):
        back = angle + math.pi + side * math.radians(ARROW_ANGLE)
        out += [
            (tip_x, tip_y),
            (tip_x + ARROW_LENGTH * math.cos(back), tip_y + ARROW_LENGTH * math.sin(back)),
        ]
    return out


def _distance_to_segment(x: float, y: float, seg: Rect) -> float:
    x1, y1, x2, y2 = seg
    dx, dy = x2 - x1, y2 - y1
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / ((dx * dx + dy * dy) or 1.0)))
    return math.hypot(x - (x1 + t * dx), y - (y1 + t * dy))


def _hull(points: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """The convex hull (Andrew's monotone chain), counter-clockwise."""
    pts = sorted(set(points))
    if len(pts) < 3:
        return pts

    def cross(o, a, b) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    upper: list[tuple[float, float]] = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def _clusters(m: MapModel) -> tuple[MapArea, ...]:
    """The states of each region gathered in a tinted outline, when the scenario names regions
    but draws none (a big world reads as a few groups rather than a scatter of dots)."""
    if any(a.kind == "region" for a in m.areas):
        return ()
    members: dict[str, list[MapNode]] = defaultdict(list)
    for n in m.nodes:
        if n.region:
            members[n.region].append(n)
    out = []
    for name, nodes in members.items():
        if len(nodes) < 2:
            continue
        around = [
            (
                n.x + CLUSTER_PAD * math.cos(k * math.pi / 4),
                n.y + CLUSTER_PAD * math.sin(k * math.pi / 4),
            )
            for n in nodes
            for k in range(8)
        ]
        names = ", ".join(n.name for n in nodes)
        out.append(
            MapArea(f"cluster_{name}", name, "region", tuple(_hull(around)), f"{name}: {names}")
        )
    return tuple(out)
