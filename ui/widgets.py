"""Small building blocks shared by the screens: headings, wrapped text, sections, scroll areas."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QMouseEvent, QPalette, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

SIZE_CACHE = 20_000  # rows' measured sizes kept by a wrapping delegate
WIDTHS_REMEMBERED = 64  # heights a wrapped label keeps, one per width it was asked about


class WrapDelegate(QStyledItemDelegate):
    """Rows of a one-column tree as tall as their text wrapped to the tree's width, so a long
    event or reason is read whole instead of being cut with "..."."""

    def __init__(self, view: QTreeView):
        super().__init__(view)
        self.view = view
        view.setWordWrap(True)
        view.setUniformRowHeights(False)
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
        view.setItemDelegate(self)
        view.viewport().installEventFilter(self)
        self._width = -1
        self._sizes: dict[tuple[object, int, str], QSize] = {}

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        decorated = 1 if self.view.rootIsDecorated() else 0
        width = self.view.viewport().width() - self.view.indentation() * (depth + decorated) - 12
        # the same text at the same width wraps the same: measured once (a turn's news in a
        # big world is hundreds of rows, and each measure is costly)
        font = index.data(Qt.ItemDataRole.FontRole)
        fonts = (font.key() if font else "") + self.view.font().key()
        key = (index.data(Qt.ItemDataRole.DisplayRole), width, fonts)
        size = self._sizes.get(key)
        if size is None:
            size = self._measure(option, index, width)
            if len(self._sizes) > SIZE_CACHE:
                self._sizes.clear()
            self._sizes[key] = size
        return size

    def _measure(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex, width: int
    ) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        if not opt.text or width < 40:
            return super().sizeHint(option, index)
        rect = opt.fontMetrics.boundingRect(
            QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), opt.text
        )
        base = super().sizeHint(option, index)
        return QSize(min(base.width(), width), max(base.height(), rect.height() + 6))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.view.viewport().width() != self._width:
            self._width = self.view.viewport().width()
            self.view.doItemsLayout()  # the rows' heights follow the new width
        return super().eventFilter(watched, event)


class GuardedButton(QPushButton):
    """A button that a double click presses once, not twice.

    Qt turns the second press of a double click into a press of whatever button is under the
    mouse by then. Where one screen replaces another (Start game, then Submit orders at the
    same spot) that second press would act on the new screen: this button ignores it."""

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        event.accept()  # neither a press nor a click


class WrapLabel(QLabel):
    """A word-wrapped label whose minimum height fits its current width.

    Qt sizes a wrapped QLabel's minimum for a narrow guess of its width, so in a wide column
    each label would get a tall box with blank space around its text.

    Its height for a width is remembered until its text, font, style or format changes: a
    layout asks again and again (a column of labels relaid after a turn asked hundreds of times,
    half the time the GUI thread spent on it), and each answer lays the text out anew."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._heights: dict[int, int] = {}

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            if len(self._heights) >= WIDTHS_REMEMBERED:  # a window dragged wider and narrower
                self._heights.clear()
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def setText(self, text: str) -> None:
        if text != self.text():
            self._heights.clear()
            super().setText(text)

    def clear(self) -> None:
        self._heights.clear()
        super().clear()

    def setNum(self, number: float) -> None:
        self._heights.clear()
        super().setNum(number)

    def setPixmap(self, pixmap: QPixmap) -> None:
        self._heights.clear()
        super().setPixmap(pixmap)

    def setTextFormat(self, fmt: Qt.TextFormat) -> None:
        self._heights.clear()
        super().setTextFormat(fmt)

    def setWordWrap(self, on: bool) -> None:
        self._heights.clear()
        super().setWordWrap(on)

    def setContentsMargins(self, *margins: object) -> None:
        self._heights.clear()
        super().setContentsMargins(*margins)  # type: ignore[arg-type]

    def setIndent(self, indent: int) -> None:
        self._heights.clear()
        super().setIndent(indent)

    def setMargin(self, margin: int) -> None:
        self._heights.clear()
        super().setMargin(margin)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._heights.clear()
        super().changeEvent(event)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if self.wordWrap() and self.width() > 40:
            return QSize(hint.width(), self.heightForWidth(self.width()))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.wordWrap() and event.size().width() != event.oldSize().width():
            self.updateGeometry()


class PageArea(QScrollArea):
    """A page of a window that fills it, or scrolls when the window is smaller than the page's
    minimum (a small screen at 200% scaling): never cut off.

    QScrollArea's own resizing takes a page's preferred height as its minimum when any text
    in it wraps; this one uses the page's true minimum, so a page that fits is not scrolled."""

    def __init__(self, page: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the page's controls
        self.setWidget(page)
        page.installEventFilter(self)

    def fit(self) -> None:
        page = self.widget()
        if page is None:
            return
        least = page.minimumSizeHint().expandedTo(page.minimumSize())
        page.resize(self.viewport().size().expandedTo(least))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.fit()
        return super().eventFilter(watched, event)


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize a top-level window to width x height, or less on a smaller screen."""
    screen = window.screen()
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, int(available.width() * 0.95))
        height = min(height, int(available.height() * 0.92))
    window.resize(width, height)


def heading(text: str, scale: float = 1.5, object_name: str = "") -> QLabel:
    """A bold title; plain text, so a name from a scenario is shown as written, never as markup."""
    label = WrapLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
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
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the controls it holds
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


def named(widget: QWidget, name: str, description: str = "") -> QWidget:
    """Give a control the name (and description) a screen reader says."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def escape(value: str) -> str:
    """Text (a name, a reason) made safe to put inside deliberate rich text."""
    return html.escape(value, quote=False)


def tip(value: str) -> str:
    """A tooltip that shows `value` exactly as written.

    Qt renders a tooltip that looks like markup as rich text, so a scenario name such as
    `<img src=...>` would be drawn as an image: such text is escaped inside a paragraph that
    keeps its line breaks. Text with nothing that could be markup stays as it is."""
    if "<" not in value and "&" not in value:
        return value
    return f"<p style='white-space:pre-wrap'>{html.escape(value, quote=False)}</p>"


def literal(value: str) -> str:
    """Text for a button, check box, tab or group title: an `&` in a name is shown, not taken
    as the mark of a keyboard shortcut."""
    return value.replace("&", "&&")


CHECK_COLUMNS = 3


def check_grid(layout: QGridLayout, boxes: list[QWidget], columns: int = CHECK_COLUMNS) -> None:
    """Lay check boxes out in rows of a few, so a long list of states never widens a column."""
    for i, box in enumerate(boxes):
        layout.addWidget(box, i // columns, i % columns)
    layout.setColumnStretch(columns, 1)
