"""The escalation ladder: the seven rungs from peace to nuclear threat, the current one filled,
the highest reached this game marked. Painted, so it scales with the font and the palette."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from .theme import is_dark

RUNG_COLORS = ("#2e9e5b", "#7dbb42", "#d9b526", "#f08c1a", "#e2541c", "#c21f1f", "#7a0f3a")
RUNG_HELP = (
    "Peace: no crisis behaviour.",
    "Protest: words, diplomatic protests.",
    "Coercion: threats, sanctions, ultimatums.",
    "Military signalling: forces mobilized, shows of force.",
    "Limited force: force has been used.",
    "War: open war between states.",
    "Nuclear threat: a nuclear power threatens its arsenal.",
)


class EscalationLadder(QWidget):
    def __init__(self, names: tuple[str, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("escalationLadder")
        self.names = names
        self.current = 0
        self.highest = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._update_tooltip()

    def set_rung(self, current: int, highest: int) -> None:
        self.current, self.highest = current, max(current, highest)
        self._update_tooltip()
        self.setAccessibleDescription(f"Escalation: {self.names[current]}")
        self.update()

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance("military signalling") * 4, fm.height() * 2 + 14)

    def minimumSizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance("nuclear") * 7, fm.height() * 2 + 14)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.updateGeometry()
            self.update()
        super().changeEvent(event)

    def paintEvent(self, event: QEvent) -> None:  # noqa: ARG002 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        n = len(self.names)
        gap = 3.0
        width = (self.width() - gap * (n - 1) - 2) / n
        height = self.height() - 2
        dark = is_dark(self.palette())
        ink = self.palette().color(self.foregroundRole())
        font = QFont(self.font())
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.9)
        for i, name in enumerate(self.names):
            rect = QRectF(1 + i * (width + gap), 1, width, height)
            color = QColor(RUNG_COLORS[i % len(RUNG_COLORS)])
            if i == self.current:
                p.setBrush(color)
                p.setPen(QPen(ink, 2.5))
            else:
                faded = QColor(color)
                faded.setAlphaF(0.35 if i <= self.highest else 0.14)
                p.setBrush(faded)
                p.setPen(QPen(color.darker(130 if not dark else 90), 1))
            p.drawRoundedRect(rect, 5, 5)
            bold = QFont(small)
            bold.setBold(i == self.current)
            p.setFont(bold)
            p.setPen(QColor("#ffffff") if i == self.current else ink)
            label = name if i != self.highest or i == self.current else name + " \u25b4"
            p.drawText(
                rect.adjusted(3, 2, -3, -2),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                label,
            )
        p.end()

    def _update_tooltip(self) -> None:
        marker = "\u25b6 "
        lines = [
            (marker if i == self.current else "   ") + h
            for i, h in enumerate(RUNG_HELP[: len(self.names)])
        ]
        self.setToolTip(
            "Escalation ladder (now: "
            + self.names[self.current]
            + f"; highest this game: {self.names[self.highest]})\n"
            + "\n".join(lines)
        )
