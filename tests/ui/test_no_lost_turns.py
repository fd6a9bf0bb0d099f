"""No turn is lost to a stray click: a double click on Start game does not also press Submit
(which sits at the same spot), and handing in no orders asks once."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from ui.tasks import SyncTaskRunner

from .driver import label
from .screens import setup_for


def _second_press_of_a_double_click(widget) -> None:  # noqa: ANN001 - any widget
    """What a widget receives when a double click began on another one that is gone now: Qt
    sends the second press as a double-click event, then the release."""
    centre = QPointF(widget.rect().center())
    for kind in (QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseButtonRelease):
        event = QMouseEvent(
            kind,
            centre,
            widget.mapToGlobal(centre),
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton
            if kind == QEvent.Type.MouseButtonDblClick
            else Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(widget, event)


def test_a_double_click_on_start_game_does_not_submit_the_first_turn(qtbot, make_window, tutorial):
    window = make_window(SyncTaskRunner())
    window.new_game()
    window.setup_page.select_scenario("tutorial_strait")
    qtbot.mouseClick(window.setup_page.start_button, Qt.MouseButton.LeftButton)
    assert window.page() == "play"
    _second_press_of_a_double_click(window.play_page.submit)
    assert not window.play_page.submit.property("confirming")  # not even pressed once
    assert window.presenter.match.state.turn == 1 and window.page() == "play"
    assert "Turn 1 of 6" in label(window, "turnLabel")


def test_handing_in_no_orders_asks_once(qtbot, make_window, tutorial):
    window = make_window(SyncTaskRunner())
    window.presenter.start(setup_for(tutorial, people=1))
    page = window.play_page
    submitted = []
    window.presenter.sig_orders_submitted.connect(submitted.append)
    assert page.submit.text() == "Submit (no orders)"
    qtbot.mouseClick(page.submit, Qt.MouseButton.LeftButton)
    assert submitted == [] and page.submit.property("confirming")
    assert page.submit.text() == "Pass the turn (no orders)"
    assert "Press Submit again" in label(window, "playNotice")
    qtbot.mouseClick(page.submit, Qt.MouseButton.LeftButton)
    assert submitted == ["aurelia"] and window.presenter.match.state.turn == 2


def test_choosing_an_order_after_the_question_submits_it_at_once(qtbot, make_window, tutorial):
    window = make_window(SyncTaskRunner())
    window.presenter.start(setup_for(tutorial, people=1))
    page = window.play_page
    page.request_submit()
    assert page.submit.property("confirming")
    page.orders.select_kind("BuildUp")
    page.orders.form.add_button.click()  # the question is forgotten: there is an order now
    assert not page.submit.property("confirming")
    page.request_submit()
    assert window.presenter.match.state.turn == 2
