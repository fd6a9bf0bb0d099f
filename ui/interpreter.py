"""How the app shares the Python interpreter between the GUI thread and its worker.

Both threads run under one interpreter lock. Two things in the interpreter's defaults blocked the
GUI thread for 50 to 140 ms after a turn in a 28- to 40-state world (measured by
bench/gui_bench.py's heartbeat):

- A full garbage collection walks every object the program holds (about 100,000 once Qt,
  pyqtgraph, the scenario and a few turns are loaded) and holds the lock while it does: 75 to
  140 ms, usually on the worker in the middle of a turn, with the GUI thread waiting. Objects
  that have lived through a turn are frozen (`gc.freeze`) so that collections only walk what is
  new; when a session ends, everything is unfrozen and collected once, between games.
- A thread asking for the lock waits up to the switch interval (5 ms by default) while the other
  computes. The GUI thread asks at every event handled in Python (a paint of a widget of ours,
  a timer), so a repaint during a turn cost several intervals. A shorter interval costs the
  worker nothing while the GUI thread is idle, since nobody asks for the lock then.

Managing is opt-in (`share_with_workers`, called by the app and its benchmark), so tests that
build many windows in one process keep the interpreter's defaults unless they ask.
"""

from __future__ import annotations

import gc
import sys

SWITCH_INTERVAL_S = 0.001

_managed = False
_default_interval: float | None = None


def share_with_workers() -> None:
    """Tune the interpreter for a responsive GUI thread: a short switch interval, and what is
    loaded so far (Qt, the libraries, the start screen) frozen out of collections. Freezing
    costs nothing; no collection runs here, so start-up is not delayed (a session's start
    collects once, `release_session`)."""
    global _managed, _default_interval
    if not _managed:
        _default_interval = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    gc.freeze()
    _managed = True


def keep_survivors() -> None:
    """After a turn is on screen: what survived it (the states, the views, the widgets) is
    frozen, so the next turn's collections do not walk it again. Cycles among frozen objects
    that die later wait for `release_session`."""
    if _managed:
        gc.freeze()


def release_session() -> None:
    """A session starts or ends: everything is unfrozen and collected once (a pause between
    games, never after a turn), then frozen again."""
    if _managed:
        gc.unfreeze()
        gc.collect()
        gc.freeze()


def restore_defaults() -> None:
    """The interpreter's own behaviour again (for tests)."""
    global _managed
    if _default_interval is not None:
        sys.setswitchinterval(_default_interval)
    gc.unfreeze()
    _managed = False


def managed() -> bool:
    return _managed
