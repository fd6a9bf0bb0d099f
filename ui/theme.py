"""Light and dark looks. "system" follows the desktop's colour scheme (and its changes).

The Fusion style is used everywhere so the app looks the same on every platform; the dark palette
is built here because not every platform theme provides one. Plots and the map take their
background and ink from the palette (see `plot_colors`). State colours come from the
Okabe-Ito set, extended with Paul Tol's muted colours to twelve (the most states a scenario may
have), so every state has its own; each state also has its own marker shape, so colour is
never the only cue (for colour-blind players, and on a washed-out projector).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

STATE_COLORS = (
    "#0072B2",  # blue (Okabe-Ito)
    "#D55E00",  # vermilion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
    "#332288",  # indigo (Tol muted)
    "#882255",  # wine
    "#999933",  # olive
    "#999999",  # grey
    "#6B4226",  # brown
)
# pyqtgraph marker symbols, one per state in scenario order (the second cue after colour)
STATE_SYMBOLS = ("o", "s", "t", "d", "p", "h", "t1", "star", "t2", "t3", "+", "x")

# map edges: colour, width, dash (Qt.PenStyle name), short label for the legend
EDGE_STYLES = {
    "alliance": ("#009E73", 4, "SolidLine", "Alliance or defense pact"),
    "treaty": ("#56B4E9", 2, "SolidLine", "Other treaty"),
    "sanctions": ("#E69F00", 3, "DashLine", "Sanctions"),
    "dispute": ("#D55E00", 2, "DotLine", "Militarized dispute"),
    "war": ("#C00000", 6, "SolidLine", "War"),
    "intervention": ("#CC79A7", 3, "DashDotLine", "Protecting civilians"),
}
# the legend's tooltips: what each line means in full
EDGE_HELP = {
    "alliance": "Alliance or defense pact: the members have promised to defend each other",
    "treaty": "Another treaty in force (non-aggression, basing, intelligence sharing, arms control...)",
    "sanctions": "Sanctions, threatened or imposed; the arrow points at the target",
    "dispute": "A militarized dispute: threats or shows of force, not (yet) war",
    "war": "War between the two states",
    "intervention": "Intervention to protect civilians; the arrow points at the state intervened in",
}

# the scenario's geography: colour, fill alpha or line width, Qt pen or brush style, legend label
GEO_STYLES = {
    "region": ("#7f8c99", 0.10, "SolidLine", "Region"),
    "zone": ("#b35900", 0.0, "DashLine", "Disputed zone"),
    "sea_lane": ("#1f5f99", 2, "DashLine", "Sea lane"),
    "river": ("#3a8dde", 3, "SolidLine", "River"),
    "issue": ("#7a0f3a", 16, "d", "At stake"),
    "population": ("#b42318", 14, "t1", "People at risk"),
}
GEO_HELP = {
    "region": "A region of the scenario: states in it are close to each other",
    "zone": "A disputed or special zone (hatched); its tooltip says what is at stake there",
    "sea_lane": "A shipping lane",
    "river": "A river",
    "issue": "An issue at stake in the crisis, at its place; its tooltip says its status now",
    "population": "A population at risk, next to the state it lives in; its tooltip gives the figures",
}

_default_palette: QPalette | None = None


def dark_palette() -> QPalette:
    p = QPalette()
    window, base, text = QColor("#2b2d30"), QColor("#1e1f22"), QColor("#e6e6e6")
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        p.setColor(group, QPalette.ColorRole.Window, window)
        p.setColor(group, QPalette.ColorRole.WindowText, text)
        p.setColor(group, QPalette.ColorRole.Base, base)
        p.setColor(group, QPalette.ColorRole.AlternateBase, QColor("#27292c"))
        p.setColor(group, QPalette.ColorRole.Text, text)
        p.setColor(group, QPalette.ColorRole.Button, QColor("#3a3c40"))
        p.setColor(group, QPalette.ColorRole.ButtonText, text)
        p.setColor(group, QPalette.ColorRole.ToolTipBase, QColor("#3a3c40"))
        p.setColor(group, QPalette.ColorRole.ToolTipText, text)
        p.setColor(group, QPalette.ColorRole.PlaceholderText, QColor("#8c8c8c"))
        p.setColor(group, QPalette.ColorRole.Highlight, QColor("#3d7fd6"))
        p.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        p.setColor(group, QPalette.ColorRole.Link, QColor("#7ab4ff"))
        p.setColor(group, QPalette.ColorRole.BrightText, QColor("#ff6b6b"))
        p.setColor(group, QPalette.ColorRole.Light, QColor("#4a4c50"))
        p.setColor(group, QPalette.ColorRole.Midlight, QColor("#3f4145"))
        p.setColor(group, QPalette.ColorRole.Mid, QColor("#303236"))
        p.setColor(group, QPalette.ColorRole.Dark, QColor("#191a1c"))
        p.setColor(group, QPalette.ColorRole.Shadow, QColor("#000000"))
    disabled = QColor("#7a7a7a")
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Window, window)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, QColor("#25262a"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button, QColor("#333539"))
    return p


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, mode: str = "system") -> bool:
    """Set the palette for mode (system, light, dark); returns whether the result is dark."""
    global _default_palette
    if _default_palette is None:
        app.setStyle("Fusion")
        _default_palette = QPalette(app.palette())
    dark = mode == "dark" or (mode == "system" and system_is_dark())
    if dark:
        app.setPalette(dark_palette())
    elif mode == "light":
        app.setPalette(app.style().standardPalette())
    else:
        app.setPalette(_default_palette)
    return dark


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


@dataclass(frozen=True)
class PlotColors:
    background: QColor
    foreground: QColor
    muted: QColor
    highlight: QColor


def plot_colors(palette: QPalette) -> PlotColors:
    return PlotColors(
        background=palette.color(QPalette.ColorRole.Base),
        foreground=palette.color(QPalette.ColorRole.Text),
        muted=palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text),
        highlight=palette.color(QPalette.ColorRole.Highlight),
    )


def state_color(index: int) -> str:
    return STATE_COLORS[index % len(STATE_COLORS)]


def state_symbol(index: int) -> str:
    """Its own shape for each of the first twelve states; past them colours come round again,
    and the shapes shift by one each round, so no two states share both colour and shape."""
    return STATE_SYMBOLS[(index + index // len(STATE_COLORS)) % len(STATE_SYMBOLS)]


def good_bad_colors(palette: QPalette) -> tuple[str, str]:
    """Readable green and red for met / not met, tuned to the background."""
    return ("#5fd38d", "#ff7b72") if is_dark(palette) else ("#1a7f37", "#b42318")
