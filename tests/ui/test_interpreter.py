"""The app's interpreter settings for a responsive GUI thread (ui/interpreter.py): a short thread
switch interval, what survives a turn kept out of full collections, and everything collected
again when a session ends, so nothing stays frozen for good."""

from __future__ import annotations

import gc
import sys
import weakref

import pytest

from ui import interpreter
from ui.tasks import SyncTaskRunner

from .screens import setup_for


class Node:
    """An object in a reference cycle: only the garbage collector frees it."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def managed():
    interval = sys.getswitchinterval()
    interpreter.share_with_workers()
    yield
    interpreter.restore_defaults()
    assert sys.getswitchinterval() == interval and gc.get_freeze_count() == 0


def test_untouched_unless_the_app_asks() -> None:
    assert not interpreter.managed()
    frozen = gc.get_freeze_count()
    interpreter.keep_survivors()
    interpreter.release_session()
    assert gc.get_freeze_count() == frozen


def test_switch_interval_is_short_while_managed(managed) -> None:
    assert interpreter.managed()
    assert sys.getswitchinterval() == pytest.approx(interpreter.SWITCH_INTERVAL_S)


def test_frozen_garbage_is_freed_when_the_session_ends(managed) -> None:
    cycle = Node()
    alive = weakref.ref(cycle)
    interpreter.keep_survivors()  # the cycle lived through a turn
    del cycle
    gc.collect()
    assert alive() is not None  # frozen: full collections leave it alone
    interpreter.release_session()
    assert alive() is None


def test_a_turn_freezes_what_survived_it(managed, make_window, qtbot, short_tutorial) -> None:
    window = make_window(SyncTaskRunner())
    window.presenter.start(setup_for(short_tutorial, people=1))
    qtbot.waitUntil(lambda: window.page() == "play", timeout=20000)
    gc.unfreeze()  # as if nothing were frozen yet
    before = gc.get_freeze_count()
    window.play_page.request_submit()
    window.play_page.request_submit()  # no orders: asked once, then passed
    qtbot.waitUntil(lambda: not window.presenter.busy, timeout=20000)
    assert window.presenter.match.state.turn == 2
    assert gc.get_freeze_count() > before
