"""Start-up of the desktop app against a bare PySide6 window holding one pyqtgraph plot.

    .venv/bin/python -m bench.startup_bench                # 7 runs each, offscreen
    .venv/bin/python -m bench.startup_bench --runs 11 --platform xcb

Each run is a fresh Python process. The time is wall-clock from starting the process to the first
top-level window being visible and exposed with the event loop running (for the app: the start
screen, ready for a click). Runs alternate between the two programs after one warm-up each; the
table shows the median, the fastest and the slowest, and the ratio of the medians (target: at
most 1.5x). Settings and data go to a throw-away folder.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 1.5
MARKER = "startup-bench: ready"

# Installed before anything else in the child: once an event loop runs with a window exposed,
# print the marker and leave at once (nothing is saved on the way out).
PROBE = f"""
import os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
_init = QApplication.__init__
def _ready():
    for w in QApplication.topLevelWidgets():
        h = w.windowHandle()
        if w.isVisible() and h is not None and h.isExposed():
            print({MARKER!r}, flush=True)
            os._exit(0)
    QTimer.singleShot(2, _ready)
def _init_with_probe(self, *args, **kwargs):
    _init(self, *args, **kwargs)
    QTimer.singleShot(0, _ready)
QApplication.__init__ = _init_with_probe
"""

PROGRAMS = {
    "bare PySide6 + 1 pyqtgraph plot": PROBE
    + """
import pyqtgraph as pg
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
plot = pg.PlotWidget()
plot.plot([0, 1, 2, 3], [0, 1, 4, 9])
window.setCentralWidget(plot)
window.resize(800, 600)
window.show()
sys.exit(app.exec())
""",
    "Crisis Wargame start screen": PROBE
    + """
from ui.app import main
sys.exit(main())
""",
}


def run_once(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip() == MARKER:
            elapsed = time.perf_counter() - start
            proc.wait(timeout=30)
            return elapsed
    proc.wait(timeout=30)
    raise RuntimeError(
        f"the program never showed a window:\n{proc.stderr.read() if proc.stderr else ''}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--runs", type=int, default=7, help="timed runs of each program (default 7)"
    )
    parser.add_argument(
        "--platform",
        default="offscreen",
        help="QT_QPA_PLATFORM for the children (default offscreen)",
    )
    args = parser.parse_args(argv)
    times: dict[str, list[float]] = {name: [] for name in PROGRAMS}
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(
            os.environ,
            QT_QPA_PLATFORM=args.platform,
            HOME=tmp,
            XDG_CONFIG_HOME=tmp,
            WARGAME_DATA_DIR=tmp,
        )
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        for code in PROGRAMS.values():
            run_once(code, env)  # warm-up: file caches, .pyc files
        for _ in range(args.runs):
            for name, code in PROGRAMS.items():
                times[name].append(run_once(code, env))
    bare, ours = (statistics.median(times[name]) for name in PROGRAMS)
    print(
        f"Start-up to an interactive window ({args.runs} runs each, "
        f"QT_QPA_PLATFORM={args.platform}, Python {sys.version.split()[0]})\n"
    )
    print("| program | median s | min s | max s |")
    print("|---|---|---|---|")
    for name, values in times.items():
        print(
            f"| {name} | {statistics.median(values):.3f} | {min(values):.3f} | {max(values):.3f} |"
        )
    ratio = ours / bare
    verdict = "ok" if ratio <= TARGET_RATIO else "TOO SLOW"
    print(f"| ratio (app / bare) | {ratio:.2f}x | | |")
    print(f"\nTarget: ratio at most {TARGET_RATIO}x ({verdict}).")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
