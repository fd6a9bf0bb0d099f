"""Small building blocks shared by the screens: headings, wrapped text, sections, scroll areas."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


class WrapLabel(QLabel):
    """A word-wrapped label whose minimum height fits its current width.

    Qt sizes a wrapped QLabel's minimum for a narrow guess of its width, so in a wide column
    each label would get a tall box with blank space around its text."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if self.wordWrap() and self.width() > 40:
            return QSize(hint.width(), self.heightForWidth(self.width()))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.wordWrap() and event.size().width() != event.oldSize().width():
            self.updateGeometry()


def heading(text: str, scale: float = 1.5, object_name: str = "") -> QLabel:
    label = WrapLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if object_name:
        label.setObjectName(object_name)
    return label


def text(value: str = "", object_name: str = "", selectable: bool = True) -> QLabel:
    label = WrapLabel(value)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if object_name:
        label.setObjectName(object_name)
    return label


def rich(value: str = "", object_name: str = "") -> QLabel:
    label = WrapLabel(value)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if object_name:
        label.setObjectName(object_name)
    return label


def muted(value: str = "", object_name: str = "") -> QLabel:
    """Secondary text: the palette's placeholder colour (readable in light and dark looks)."""
    label = text(value, object_name)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def reflow(value: str) -> str:
    """Join the hard line breaks of YAML text into paragraphs, so labels wrap to their width."""
    paragraphs = [
        " ".join(line.strip() for line in block.splitlines())
        for block in value.strip().split("\n\n")
    ]
    return "\n\n".join(p for p in paragraphs if p)


def section(title: str, layout: QLayout | None = None, object_name: str = "") -> QGroupBox:
    box = QGroupBox(title)
    box.setLayout(layout if layout is not None else QVBoxLayout())
    if object_name:
        box.setObjectName(object_name)
    return box


def scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def clear_layout(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        if widget is not None:
            widget.setParent(None)
            widget.deleteLater()
        elif item.layout() is not None:
            clear_layout(item.layout())


def escape(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


CHECK_COLUMNS = 3


def check_grid(layout: QGridLayout, boxes: list[QWidget], columns: int = CHECK_COLUMNS) -> None:
    """Lay check boxes out in rows of a few, so a long list of states never widens a column."""
    for i, box in enumerate(boxes):
        layout.addWidget(box, i // columns, i % columns)
    layout.setColumnStretch(columns, 1)
