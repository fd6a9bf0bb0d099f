"""Start-up probe shared by the frozen app launcher and the bare reference app.

When the environment variable ``WARGAME_STARTUP_PROBE`` is set, as soon as an event loop runs
(``app.exec()``, a dialog's ``exec()`` or ``processEvents()``) with a top-level window visible
and exposed, this prints one line

    startup-probe: shown <seconds since QApplication was created> <window title>

to stdout and ends the process at once (exit code 0, no clean-up, so nothing is saved). If no
window appears within 60 seconds it prints ``startup-probe: no window`` and exits 3.

It hooks ``QApplication.__init__``, so the GUI code needs no hook of its own; the bare reference
app and the real app use this same module and are measured alike. `bench.package_bench` times
each run from process start to that line (the seconds printed leave out interpreter start-up
and imports before the QApplication, so they are informative only).
"""

from __future__ import annotations

import os
import sys
import time

ENV = "WARGAME_STARTUP_PROBE"
MARKER = "startup-probe: shown"
_TIMEOUT_S = 60.0


def enabled() -> bool:
    return bool(os.environ.get(ENV))


def install() -> None:
    """Arm the probe if the environment asks for it; otherwise do nothing (and import no Qt)."""
    if not enabled():
        return
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    original_init = QApplication.__init__

    def init_with_probe(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        started = time.monotonic()

        def report_when_shown() -> None:
            for widget in QApplication.topLevelWidgets():
                handle = widget.windowHandle()
                if widget.isVisible() and handle is not None and handle.isExposed():
                    elapsed = time.monotonic() - started
                    print(f"{MARKER} {elapsed:.3f} {widget.windowTitle()}", flush=True)
                    sys.stderr.flush()
                    os._exit(0)
            if time.monotonic() - started > _TIMEOUT_S:
                print("startup-probe: no window", flush=True)
                os._exit(3)
            QTimer.singleShot(5, report_when_shown)

        QTimer.singleShot(0, report_when_shown)

    QApplication.__init__ = init_with_probe
