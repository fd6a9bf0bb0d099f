"""Draw the application icon with QPainter and save it as PNGs next to this script.

    .venv/bin/python assets/make_icon.py

A globe on a deep blue tile, with the escalation ladder rising in front of it. The PNGs are
committed; run this again only to change the design.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

HERE = Path(__file__).resolve().parent
SIZES = (256, 128, 64, 32, 16)


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 256, size / 256)
    # the tile
    tile = QRectF(8, 8, 240, 240)
    gradient = QLinearGradient(tile.topLeft(), tile.bottomRight())
    gradient.setColorAt(0, QColor("#1d4e89"))
    gradient.setColorAt(1, QColor("#0b1f3a"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(gradient)
    p.drawRoundedRect(tile, 44, 44)
    # the globe
    centre, radius = QPointF(112, 112), 72.0
    p.setBrush(QColor("#2f78c4"))
    p.setPen(QPen(QColor("#cfe6ff"), 6))
    p.drawEllipse(centre, radius, radius)
    grid = QPen(QColor(207, 230, 255, 170), 4)
    p.setPen(grid)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(centre, radius * 0.45, radius)
    p.drawLine(QPointF(centre.x() - radius, centre.y()), QPointF(centre.x() + radius, centre.y()))
    p.drawLine(QPointF(centre.x(), centre.y() - radius), QPointF(centre.x(), centre.y() + radius))
    for dy in (-0.55, 0.55):
        half = radius * (1 - dy * dy) ** 0.5
        y = centre.y() + dy * radius
        p.drawLine(QPointF(centre.x() - half, y), QPointF(centre.x() + half, y))
    # the strait: a bright channel across the globe
    channel = QPainterPath(QPointF(centre.x() - radius * 0.8, centre.y() + 30))
    channel.cubicTo(
        QPointF(95, 120), QPointF(130, 95), QPointF(centre.x() + radius * 0.75, centre.y() - 38)
    )
    p.setPen(QPen(QColor("#f7d154"), 7, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawPath(channel)
    # the escalation ladder: three rising bars, green to red
    for i, color in enumerate(("#3fb27f", "#f0a32a", "#e0452b")):
        height = 34 + i * 28
        bar = QRectF(146 + i * 30, 222 - height, 24, height)
        p.setPen(QPen(QColor("#0b1f3a"), 4))
        p.setBrush(QColor(color))
        p.drawRoundedRect(bar, 5, 5)
    p.end()
    return image


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts and pixmaps need it
    for size in SIZES:
        path = HERE / f"icon-{size}.png"
        if not draw(size).save(str(path)):
            print(f"could not write {path}", file=sys.stderr)
            return 1
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
