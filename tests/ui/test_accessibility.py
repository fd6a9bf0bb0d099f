"""Accessibility: every control has a name a screen reader can say (checked through Qt's own
accessibility interface, which also reads button texts and the labels of form rows), and a whole
game can be played with the keyboard alone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGraphicsView,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from ui.tasks import SyncTaskRunner

from .screens import settle, tour

CONTROLS = (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QAbstractSpinBox,
    QAbstractItemView,
    QTabBar,
    QPlainTextEdit,
    QTextEdit,
    QGraphicsView,
)
QT_PARTS = ("qt_", "ScrollLeftButton", "ScrollRightButton")  # Qt's own inner widgets


def unnamed_controls(top: QWidget) -> list[str]:
    missing = []
    for w in top.findChildren(QWidget):
        if not w.isVisible() or not isinstance(w, CONTROLS):
            continue
        if w.objectName().startswith(QT_PARTS) or isinstance(w.parentWidget(), QComboBox):
            continue
        if isinstance(w, QHeaderView):
            continue  # a table's header: Qt presents its sections as the table's column names
        if isinstance(w, QLineEdit) and isinstance(w.parentWidget(), QAbstractSpinBox | QComboBox):
            continue  # the editor inside a spin box or combo box, named through it
        face = QAccessible.queryAccessibleInterface(w)
        name = face.text(QAccessible.Text.Name) if face is not None else ""
        if not name.strip():
            missing.append(f"{type(w).__name__} {w.objectName()!r}")
    return missing


def test_every_control_has_an_accessible_name(qtbot, make_window, short_tutorial):
    window = make_window(SyncTaskRunner())
    problems = {}
    for name, shown in tour(window, short_tutorial):
        found = unnamed_controls(shown)
        if found:
            problems[name] = found
    assert not problems, "\n".join(f"{n}: {', '.join(sorted(set(p)))}" for n, p in problems.items())


def _key(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press to whatever has the focus, as the keyboard would send it."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier)
    settle()


def _tab_to(qtbot, window, widget: QWidget, limit: int = 200) -> None:
    """Press Tab until `widget` has the focus (as a keyboard user does)."""
    for _ in range(limit):
        if widget.hasFocus():
            return
        _key(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {widget.objectName() or widget}")


def test_a_whole_game_with_the_keyboard_alone(qtbot, make_window):
    window = make_window(SyncTaskRunner())
    window.activateWindow()
    window.setFocus()
    settle()
    # the start screen: Ctrl+N, then Enter starts the tutorial (selected first) for one person
    _key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.page() == "setup"
    _tab_to(qtbot, window, window.setup_page.start_button)
    _key(qtbot, Qt.Key.Key_Return)
    assert window.page() == "play"
    page = window.play_page
    # turn 1: Ctrl+1 to the orders, choose a move in the tree with the arrow keys, add it
    _key(qtbot, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    _tab_to(qtbot, window, page.orders.moves)
    while page.orders.current_kind() != "CulturalExchange":
        before = page.orders.current_kind()
        _key(qtbot, Qt.Key.Key_Down)
        assert page.orders.current_kind() != before or before is None, "stuck in the moves"
    _tab_to(qtbot, window, page.orders.form.add_button)
    _key(qtbot, Qt.Key.Key_Space)
    assert len(window.presenter.queued) == 1
    # hand in with Ctrl+Enter; later turns: Ctrl+Enter asks once, Ctrl+Enter again passes
    turns = 0
    while window.page() == "play":
        turn = window.presenter.match.state.turn
        _key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        if window.page() == "play" and window.presenter.match.state.turn == turn:
            assert page.submit.property("confirming")
            _key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        turns += 1
        assert turns <= 6
    assert window.page() == "end" and turns == 6
    # the manual is one key away, and Esc closes it
    _key(qtbot, Qt.Key.Key_F1)
    manual = window.show_manual()
    assert manual.isVisible()
    manual.activateWindow()
    manual.page.setFocus()
    _key(qtbot, Qt.Key.Key_Escape)
    assert not manual.isVisible()
