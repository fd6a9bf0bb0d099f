"""The white cell of a class hosted from the desktop app: the control cell opened from the host
window, every action made on the host (over the server's own thread) and seen by a student's
window joined over a real connection on 127.0.0.1; the class screen shows public facts only."""

from __future__ import annotations

import socket

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSpinBox, QWidget

from ui.join_dialog import JoinRequest
from ui.white_cell_panel import WhiteCellPanel
from wargame.ai import make_player
from wargame.legality import legal_orders
from wargame.persistence import SessionStore
from wargame.view import public_view

from .test_white_cell import PRIVATE_NEWS, choose, click, select_inject, type_into

TIMEOUT = 30_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def host_a_class(qtbot, facilitator, tmp_path):  # noqa: ANN001, ANN201
    facilitator.class_menu.host_action.trigger()
    host = facilitator.class_menu.host_window
    qtbot.addWidget(host)
    setup = host.setup_page
    setup.scenario.setCurrentIndex(setup.scenario.findData("tutorial_strait"))
    for i in (2, 3):  # the computer plays Carpathia and Dalmora
        setup.computer.item(i).setCheckState(Qt.CheckState.Checked)
    setup.level.setCurrentIndex(setup.level.findData("easy"))
    setup.bind.setCurrentIndex(setup.bind.findData("127.0.0.1"))
    setup.port.setValue(free_port())
    host.start_class(tmp_path / "class.wargame")
    qtbot.waitUntil(lambda: host.stack.currentWidget() is host.class_page, timeout=TIMEOUT)
    return host


def done(qtbot, panel: WhiteCellPanel, words: str) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: words in panel.feedback.text(), timeout=TIMEOUT)


def test_each_white_cell_action_in_a_hosted_class(qtbot, make_window, tmp_path):
    facilitator, student = make_window(), make_window()
    host = host_a_class(qtbot, facilitator, tmp_path)
    page = host.class_page
    code = page.findChild(QLabel, "code_aurelia").text()
    client = student.class_menu.join(
        JoinRequest(page.address.text().splitlines()[0], "aurelia", code)
    )
    qtbot.addWidget(client)
    qtbot.waitUntil(lambda: client.page() == "play", timeout=TIMEOUT)

    click(qtbot, page, "classWhiteCellButton")
    parts = host.white_cell
    panel, match = parts.panel, host.presenter.hosted.host.match
    assert parts.window.isVisible() and parts.window.tabs.indexOf(panel) == 0
    assert "Aurelia" in parts.window.states.topLevelItem(0).text(0)  # the whole truth, too

    # time: a limit the student sees, then a pause
    panel.findChild(QSpinBox, "deadlineMinutes").setValue(5)
    click(qtbot, panel, "setDeadlineButton")
    done(qtbot, panel, "Set a time limit of 5 min")
    deadline = client.findChild(QLabel, "deadlineLabel")
    qtbot.waitUntil(lambda: deadline.text().startswith("Turn closes in 4:5"), timeout=TIMEOUT)
    click(qtbot, panel, "pauseButton")
    qtbot.waitUntil(lambda: deadline.text() == "Paused by the facilitator", timeout=TIMEOUT)
    assert match.paused and "Paused" in panel.clock_label.text()
    click(qtbot, panel, "resumeButton")
    done(qtbot, panel, "Resumed the game")

    # news for Aurelia only reaches the student's news at once; a library inject fired now
    type_into(qtbot, panel, "newsHeadline", "Cable intercepted")
    type_into(qtbot, panel, "newsText", PRIVATE_NEWS)
    panel.some.setChecked(True)
    panel.audience_boxes["aurelia"].setChecked(True)
    click(qtbot, panel, "sendNewsButton")
    done(qtbot, panel, "Wrote news for Aurelia")
    qtbot.waitUntil(
        lambda: any(
            PRIVATE_NEWS in e.text for t in client.play_page.screen_model.timeline for e in t.events
        ),
        timeout=TIMEOUT,
    )
    select_inject(panel, "markets_fall")
    click(qtbot, panel, "fireInjectButton")
    done(qtbot, panel, "Fired the inject")

    # an argument and an override
    choose(panel, "argumentBy", "borduria")
    type_into(qtbot, panel, "argumentAction", "Mines close the channel")
    type_into(qtbot, panel, "argumentReasons", "The channel is narrow and shallow")
    choose(panel, "argumentOdds", 0.3)
    click(qtbot, panel, "ruleArgumentButton")
    done(qtbot, panel, "Ruled on Borduria's argument")
    qtbot.waitUntil(lambda: "Borduria argued" in panel.argument_result.text(), timeout=TIMEOUT)
    choose(panel, "overrideFigure", "tension")
    panel.value.setValue(44)
    type_into(qtbot, panel, "overrideReason", "Talks broke down")
    click(qtbot, panel, "overrideButton")
    done(qtbot, panel, "Set tension to 44")
    assert match.state.tension == 44

    # the projector of the class: public facts only
    click(qtbot, panel, "projectorButton")
    shown = parts.projector.visible_text()
    assert "Markets fall" in shown and PRIVATE_NEWS not in shown
    public = public_view(match.state, match.live_events())
    assert [e.text for t in parts.projector.model.news for e in t.events] == [
        e.text for e in public.events
    ]

    # near the deadline the student's window hands in what is queued (its timer is armed)
    student_side = client.presenter
    order = next(
        o
        for o in legal_orders(match.view("aurelia").state, "aurelia")
        if o.kind == "MobilizeForces"
    )
    assert student_side.queue_order(order)
    student_side.hand_in_queue()
    qtbot.waitUntil(lambda: match.pending.get("aurelia") == (order,), timeout=TIMEOUT)

    # seats: Borduria's team is away: handed to the computer, the turn is played
    click(qtbot, panel, "handSeat_borduria")
    done(qtbot, panel, "Handed Borduria to the computer")
    assert page.findChild(QWidget, "autoplay_borduria").isChecked()
    qtbot.waitUntil(lambda: len(match.history) == 1, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "Turn 2 of 6" in panel.status.text(), timeout=TIMEOUT)
    lines = [panel.record.item(i).text() for i in range(panel.record.count())]
    assert lines[0] == "Turn 1: Handed Borduria to the computer (normal level)"
    client.close()
    host.presenter.stop()
    with SessionStore.open(tmp_path / "class.wargame", readonly=True) as store:
        assert store.verify(make_player).ok
