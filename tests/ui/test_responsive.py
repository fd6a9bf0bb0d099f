"""Resolving a turn (computer players deciding) runs on the worker thread: the window keeps
handling events, shows progress and refuses new orders until the turn is done."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QProgressBar

from wargame.ai import make_player
from wargame.match import Match

from .driver import click, find, label

THINKING_S = 0.25


class SlowPlayer:
    """A computer player that thinks for a while, and notes the thread it thinks on."""

    name = "heuristic"

    def __init__(self, threads: list[threading.Thread]):
        self.inner = make_player()
        self.doctrine = None
        self.threads = threads

    def decide(self, view, rng):
        self.threads.append(threading.current_thread())
        time.sleep(THINKING_S)
        return self.inner.decide(view, rng)


def test_the_window_stays_responsive_while_a_turn_is_resolved(qtbot, make_window, tutorial):
    window = make_window()
    threads: list[threading.Thread] = []
    computer = {seat: SlowPlayer(threads) for seat in ("borduria", "carpathia", "dalmora")}
    window.presenter.adopt(Match(tutorial, 3, computer))
    qtbot.waitUntil(lambda: window.page() == "play")

    ticks = []
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: ticks.append(time.monotonic()))
    heartbeat.start(20)
    busy = []
    window.presenter.sig_busy_changed.connect(lambda on, text: busy.append((on, text)))
    with qtbot.waitSignal(window.presenter.sig_turn_resolved, timeout=20000):
        click(qtbot, window, "submitOrdersButton")
        # straight after the click the turn is still being resolved, and it shows
        assert find(window, QProgressBar, "busyBar").isVisible()
        assert "Resolving turn 1 of 6" in find(window, QLabel, "busyLabel").text()
        assert not window.play_page.submit.isEnabled()
    heartbeat.stop()

    assert len(threads) == 3 and all(t is not threading.main_thread() for t in threads)
    assert len(ticks) >= 10, (
        f"the event loop ran only {len(ticks)} times in {3 * THINKING_S}s of thinking"
    )
    assert busy[0][0] is True and busy[-1][0] is False
    qtbot.waitUntil(lambda: "Turn 2 of 6" in label(window, "turnLabel"))
    assert not find(window, QProgressBar, "busyBar").isVisible()
