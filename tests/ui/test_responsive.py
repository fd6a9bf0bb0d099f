"""Resolving a turn (computer players deciding) runs on the worker thread: the window keeps
handling events, shows progress and refuses new orders until the turn is done.

No clock is involved. The computer players cannot decide until a timer callback has run on the
GUI thread, which only happens if the window's event loop runs while the turn is resolved; were
the GUI thread blocked, the players would give up waiting and the turn would fail.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QProgressBar

from wargame.ai import make_player
from wargame.match import Match

from .driver import RESOLVE_TIMEOUT_MS, click, find, label

GIVE_UP_S = RESOLVE_TIMEOUT_MS / 1000  # only how long a broken window takes to fail


class WaitingPlayer:
    """A computer player that decides only once `go` is set, and notes the thread it runs on."""

    name = "heuristic"

    def __init__(self, go: threading.Event, threads: list[threading.Thread]):
        self.inner = make_player()
        self.doctrine = None
        self.go = go
        self.threads = threads

    def decide(self, view, rng):
        self.threads.append(threading.current_thread())
        if not self.go.wait(GIVE_UP_S):
            raise TimeoutError("the window's event loop did not run while the turn was resolved")
        return self.inner.decide(view, rng)


def test_the_window_stays_responsive_while_a_turn_is_resolved(qtbot, make_window, tutorial):
    window = make_window()
    go = threading.Event()
    threads: list[threading.Thread] = []
    computer = {seat: WaitingPlayer(go, threads) for seat in ("borduria", "carpathia", "dalmora")}
    window.presenter.adopt(Match(tutorial, 3, computer))
    qtbot.waitUntil(lambda: window.page() == "play")

    seen_while_resolving = []  # what the GUI thread saw when its timer fired

    def release_the_players() -> None:
        seen_while_resolving.append(
            (
                threading.current_thread() is threading.main_thread(),
                window.presenter.busy,
                find(window, QProgressBar, "busyBar").isVisible(),
                window.play_page.submit.isEnabled(),
            )
        )
        go.set()

    busy = []
    window.presenter.sig_busy_changed.connect(lambda on, text: busy.append((on, text)))
    failures = []
    window.presenter.sig_error_occurred.connect(lambda message, details: failures.append(message))
    with qtbot.waitSignal(window.presenter.sig_turn_resolved, timeout=2 * RESOLVE_TIMEOUT_MS):
        click(qtbot, window, "submitOrdersButton")
        # straight after the click the turn is still being resolved, and it shows
        assert find(window, QProgressBar, "busyBar").isVisible()
        assert "Resolving turn 1 of 6" in find(window, QLabel, "busyLabel").text()
        assert not window.play_page.submit.isEnabled()
        QTimer.singleShot(0, release_the_players)

    assert not failures
    # the timer ran on the GUI thread while the turn was still being resolved, with the busy
    # bar up and orders refused; the players ran on another thread
    assert seen_while_resolving == [(True, True, True, False)]
    assert len(threads) == 3 and all(t is not threading.main_thread() for t in threads)
    assert busy[0][0] is True and busy[-1][0] is False
    qtbot.waitUntil(lambda: "Turn 2 of 6" in label(window, "turnLabel"))
    assert not find(window, QProgressBar, "busyBar").isVisible()
