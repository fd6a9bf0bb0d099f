"""Drive the window as a player does: find widgets by their object names, click, choose, type.

Tests assert on what is rendered (labels, list rows, tree items) and on the presenter's signals,
never on private attributes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QListView,
    QPushButton,
    QTreeWidget,
    QWidget,
)

from ui.main_window import MainWindow

TUTORIAL = "tutorial_strait"
RESOLVE_TIMEOUT_MS = 20000


def find(window: QWidget, cls: type, name: str):  # noqa: ANN201 - the widget asked for
    """The widget of that name on screen now (pages not shown may hold one of the same name)."""
    widgets = window.findChildren(cls, name)
    assert widgets, f"no {cls.__name__} named {name!r}"
    return next((w for w in widgets if w.isVisible()), widgets[0])


def click(qtbot, window: QWidget, name: str) -> None:
    button = find(window, QPushButton, name)
    assert button.isVisible() and button.isEnabled(), (
        f"{name} cannot be clicked: {button.toolTip()}"
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    if name == "submitOrdersButton" and button.property("confirming"):
        # no orders were queued: the game asked once; a player who means it presses again
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def label(window: QWidget, name: str) -> str:
    return find(window, QLabel, name).text()


def choose(window: QWidget, combo_name: str, text: str) -> None:
    combo = find(window, QComboBox, combo_name)
    index = combo.findText(text)
    assert index >= 0, (
        f"{text!r} is not offered by {combo_name}: {[combo.itemText(i) for i in range(combo.count())]}"
    )
    combo.setCurrentIndex(index)


def combo_texts(widget: QWidget, name: str) -> list[str]:
    combo = find(widget, QComboBox, name)
    return [combo.itemText(i) for i in range(combo.count())]


def visible_texts(window: QWidget) -> str:
    """Every label, list row and tree row a person could read on screen now."""
    out = [w.text() for w in window.findChildren(QLabel) if w.isVisible()]
    for view in window.findChildren(QAbstractItemView):
        if not view.isVisible() or view.model() is None:
            continue
        model = view.model()
        stack = [(r, model.index(r, 0)) for r in range(model.rowCount())]
        while stack:
            _, index = stack.pop()
            out.append(str(index.data() or ""))
            stack.extend((r, model.index(r, 0, index)) for r in range(model.rowCount(index)))
    return "\n".join(out)


def start_from_start_screen(
    qtbot, window: MainWindow, players: dict[str, str], levels: dict[str, str] | None = None
) -> None:
    """New game -> the tutorial -> who plays each state (and the computer's level) -> Start."""
    click(qtbot, window, "newGameButton")
    qtbot.waitUntil(lambda: window.page() == "setup" and window.setup_page.loaded)
    assert window.setup_page.select_scenario(TUTORIAL)
    assert "The Narrow Strait" in label(window, "scenarioTitle")
    for seat, who in players.items():
        choose(window, f"player_{seat}", "A person" if who == "person" else "The computer")
    for seat, level in (levels or {}).items():
        choose(window, f"level_{seat}", level)
    click(qtbot, window, "startGameButton")


def pick_move(window: QWidget, label_text: str) -> None:
    tree = find(window, QTreeWidget, "movesTree")
    items = tree.findItems(label_text, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
    assert items, f"no move {label_text!r} in the orders panel"
    tree.setCurrentItem(items[0])


def queued_rows(window: QWidget) -> list[str]:
    view = find(window, QListView, "queuedOrders")
    model = view.model()
    return [str(model.index(r, 0).data()) for r in range(model.rowCount())]


def submit_and_wait(qtbot, window: MainWindow) -> None:
    """Submit, wait for the turn to be resolved and for what follows (the next screen, or the
    debrief, which is prepared on the worker) to be ready."""
    with qtbot.waitSignal(window.presenter.sig_turn_resolved, timeout=RESOLVE_TIMEOUT_MS):
        click(qtbot, window, "submitOrdersButton")
    qtbot.waitUntil(lambda: not window.presenter.busy, timeout=RESOLVE_TIMEOUT_MS)
