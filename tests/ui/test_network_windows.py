"""A class on two windows: one hosts (File > Host a Class), the other joins (File > Join a Class),
and a turn is played through both, over a real connection on 127.0.0.1."""

from __future__ import annotations

import socket

import segno
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QCheckBox, QLabel

from ui.join_dialog import JoinRequest
from wargame.state import state_hash

TIMEOUT = 30_000  # ms a wait may last before the test fails (never reached when all is well)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def qr_modules(pixmap, scale: int = 10, border: int = 2) -> list[list[int]]:
    """The dark (1) and light (0) modules of a QR code drawn `scale` pixels a module inside a
    quiet zone of `border` modules, read from the middle of each module."""
    image = pixmap.toImage()
    size = image.width() // scale - 2 * border
    return [
        [
            int(
                image.pixelColor(
                    (c + border) * scale + scale // 2, (r + border) * scale + scale // 2
                ).lightness()
                < 128
            )
            for c in range(size)
        ]
        for r in range(size)
    ]


def test_a_turn_is_played_from_a_joined_window_and_the_host_window_follows(
    make_window, qtbot, tmp_path
):
    facilitator, student = make_window(), make_window()
    file_menu = facilitator.menuBar().actions()[0].menu()
    names = [a.objectName() for a in file_menu.actions()]
    assert "actionHostClass" in names and "actionJoinClass" in names

    facilitator.class_menu.host_action.trigger()
    host = facilitator.class_menu.host_window
    qtbot.addWidget(host)
    setup = host.setup_page
    setup.scenario.setCurrentIndex(setup.scenario.findData("tutorial_strait"))
    for i in range(1, setup.computer.count()):  # the computer plays all but Aurelia
        setup.computer.item(i).setCheckState(Qt.CheckState.Checked)
    setup.bind.setCurrentIndex(setup.bind.findData("127.0.0.1"))
    setup.port.setValue(free_port())
    host.start_class(tmp_path / "class.wargame")
    qtbot.waitUntil(lambda: host.stack.currentWidget() is host.class_page, timeout=TIMEOUT)
    page = host.class_page
    code = page.findChild(QLabel, "code_aurelia").text()
    assert page.findChild(QLabel, "code_borduria").text() == "computer"
    url = f"http://127.0.0.1:{setup.port.value()}/"
    assert page.url == url and page.address.text().splitlines()[0] == url
    width = QFontMetrics(page.address.font()).horizontalAdvance(url)
    assert width <= page.address.width()  # on one line, in the largest type that fits
    assert qr_modules(page.qr.pixmap()) == [list(row) for row in segno.make(url, error="m").matrix]
    address = url.removeprefix("http://").rstrip("/")

    client = student.class_menu.join(JoinRequest(address, "aurelia", code))
    qtbot.addWidget(client)
    qtbot.waitUntil(lambda: client.page() == "play", timeout=TIMEOUT)
    screen = client.play_page.screen_model
    assert screen.seat == "aurelia" and screen.turn == 1
    status = page.findChild(QLabel, "status_aurelia")
    qtbot.waitUntil(lambda: "deciding" in status.text(), timeout=TIMEOUT)

    # a first order through the student's order form, then Submit
    client.presenter.queue_order(next(_legal_orders(client)))
    assert len(client.presenter.queued) == 1
    qtbot.mouseClick(client.play_page.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: client.page() == "play" and client.play_page.screen_model.turn == 2,
        timeout=TIMEOUT,
    )
    assert "Turn 2 of 6" in page.turn.text()
    assert host.presenter.hosted.host.match.history[0].orders[0].actor == "aurelia"

    # the facilitator hands the seat to the computer: the game goes on to its end
    page.findChild(QCheckBox, "autoplay_aurelia").setChecked(True)
    qtbot.waitUntil(lambda: client.page() == "result", timeout=TIMEOUT)
    assert "The game is over" in page.turn.text()
    final = state_hash(host.presenter.hosted.host.match.state)
    assert final in client.result_page.summary.text()
    client.close()
    host.presenter.stop()


def _legal_orders(client):  # noqa: ANN001, ANN202
    from wargame.legality import legal_orders

    game = client.presenter.game
    return iter(legal_orders(game.view.state, game.seat))
