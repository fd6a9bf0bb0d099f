"""How long the GUI thread is blocked after a turn, in worlds of 7 to 40 states.

    python -m bench.gui_bench [--states 7 14 28 40] [--turns 4] [--against REV]
    python -m bench.gui_bench --screenshots DIR

A main window plays one seat of a cloned world (tests/ui/big_world.py: northern_sea's states
cloned up to n; every other seat a random legal player, quick to decide, so the measure is the
window's and not the computer players'). For each turn a heartbeat (a QTimer ticking every
10 ms on the GUI thread) records the largest gap between two ticks from the press of Submit
until the next screen is shown and painted; the turn itself is resolved on the worker. Also
printed: the time `PlayPage.show_screen` takes on the GUI thread after a turn (incremental),
the same screen shown into an emptied page (a full rebuild), and the screen's preparation on
the worker (`seat_screen`, pure Python). No session file is written (the window is built
without the session store), so the figures are the window's alone.

`--against REV` measures a git revision too (e.g. the commit before this work) in the same
run, as an anchor: the ratios printed are against it.

`--screenshots DIR` saves the game screen (map and news, and the charts tab) at 1024x768 and
1366x768 for 7 and 30 states instead."""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.ui.big_world import random_computers_match  # noqa: E402
from ui.app_factory import create_app, create_window, temporary_settings  # noqa: E402
from ui.tasks import ThreadTaskRunner  # noqa: E402

SEAT = "valdoria"
TICK_MS = 10
SETTLE_MS = 150  # after the screen is shown: its painting and deferred layout count too


class Heartbeat:
    """A timer on the GUI thread; the largest gap between its ticks is how long the thread
    was blocked."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.clock = QElapsedTimer()
        self.largest = 0.0
        self.cpu_largest = 0.0  # the GUI thread's own CPU time in a gap: the machine's load aside
        self._cpu = 0.0

    def start(self) -> None:
        self.largest = self.cpu_largest = 0.0
        self.clock.start()
        self._cpu = time.thread_time()
        self.timer.start()

    def stop(self) -> float:
        """The largest gap since start, in seconds (a tick's own interval included)."""
        self._tick()
        self.timer.stop()
        return self.largest

    def _tick(self) -> None:
        self.largest = max(self.largest, self.clock.restart() / 1000.0)
        cpu = time.thread_time()
        self.cpu_largest = max(self.cpu_largest, cpu - self._cpu)
        self._cpu = cpu


def pump(condition, timeout: float = 600.0) -> None:  # noqa: ANN001 - a callable
    """Run the event loop until condition() holds, checked every 20 ms. A real event loop
    (not a loop of processEvents), so the GUI thread waits in Qt the way it does in the app
    and leaves the worker the interpreter."""
    if condition():
        return
    loop = QEventLoop()
    end = time.monotonic() + timeout
    late = []

    def check() -> None:
        if condition():
            loop.quit()
        elif time.monotonic() > end:
            late.append(True)
            loop.quit()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    if late:
        raise TimeoutError("the window did not get there in time")


def pump_for(ms: int) -> None:
    end = time.monotonic() + ms / 1000
    pump(lambda: time.monotonic() >= end)


def open_world(n: int, size: tuple[int, int], folder: Path):  # noqa: ANN201 - MainWindow
    create_app()
    window = create_window(
        ThreadTaskRunner(), temporary_settings(folder), with_files=False, ask_before_closing=False
    )
    window.resize(*size)
    window.show()
    window.presenter.adopt(random_computers_match(n, humans=(SEAT,)))
    pump(lambda: window.page() == "play" and not window.presenter.busy)
    return window


def play_turn(window, beat: Heartbeat | None = None) -> None:  # noqa: ANN001 - MainWindow
    presenter = window.presenter
    turn = presenter.match.state.turn
    if beat is not None:
        beat.start()
    presenter.submit()
    pump(
        lambda: (
            not presenter.busy
            and (presenter.match.finished or presenter.match.state.turn > turn)
            and presenter.seat is not None
        )
    )
    pump_for(SETTLE_MS)


def measure(n: int, turns: int, folder: Path) -> dict[str, float]:
    window = open_world(n, (1366, 768), folder)
    page = window.play_page
    shows: list[float] = []
    original = page.show_screen

    def timed(screen) -> None:  # noqa: ANN001 - SeatScreen
        start = time.perf_counter()
        original(screen)
        shows.append(time.perf_counter() - start)

    page.show_screen = timed  # type: ignore[method-assign]
    beat = Heartbeat()
    play_turn(window)  # warm-up: first imports and caches
    gaps, cpu = [], []
    for _ in range(turns):
        play_turn(window, beat)
        gaps.append(beat.stop())
        cpu.append(beat.cpu_largest)
    incremental = shows[-turns:]
    screen = page.screen_model
    page.clear()
    start = time.perf_counter()
    original(screen)
    QApplication.instance().processEvents()
    full = time.perf_counter() - start
    presenter = window.presenter
    start = time.perf_counter()
    if hasattr(presenter, "_prepare"):  # an older revision (--against) builds it on the GUI
        presenter._prepare(presenter.match, SEAT)  # noqa: SLF001 - timing the worker's part
    prepare = time.perf_counter() - start
    window.close()
    return {
        "gap_max": max(gaps),
        "gap_median": statistics.median(gaps),
        "cpu_max": max(cpu),
        "show": statistics.median(incremental),
        "full": full,
        "prepare": prepare,
    }


def save_small(widget, path: Path) -> None:  # noqa: ANN001 - a QWidget
    """A screenshot in 256 colours: a screen of flat colours loses nothing a reader sees, and
    the file is a third of the size."""
    image = widget.grab().toImage()
    image.convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.AvoidDither).save(
        str(path)
    )


def screenshots(out: Path, folder: Path) -> list[Path]:
    saved = []
    for n in (7, 30):
        for size in ((1024, 768), (1366, 768)):
            window = open_world(n, size, folder)
            for _ in range(3):
                play_turn(window)
            page = window.play_page
            where = out / f"{size[0]}x{size[1]}"
            where.mkdir(parents=True, exist_ok=True)
            page.select_tab("news")
            pump_for(200)
            path = where / f"40-big-world-{n}-map.png"
            save_small(window, path)
            saved.append(path)
            page.select_tab("charts")
            pump_for(200)
            path = where / f"41-big-world-{n}-charts.png"
            save_small(window, path)
            saved.append(path)
            window.close()
    return saved


def measure_revision(rev: str, states: list[int], turns: int) -> dict[int, dict[str, float]]:
    """The same measures on another git revision (this benchmark and its world copied into
    it), in a process of its own: an anchor measured side by side, under the same load."""
    root = Path(__file__).resolve().parent.parent
    archive = subprocess.run(["git", "archive", rev], cwd=root, capture_output=True, check=True)
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(tmp, filter="data")
        for part in ("bench/gui_bench.py", "tests/ui/big_world.py"):
            shutil.copy(root / part, Path(tmp) / part)
        run = subprocess.run(
            [sys.executable, "-m", "bench.gui_bench", "--json", "--turns", str(turns)]
            + ["--states", *map(str, states)],
            cwd=tmp,
            capture_output=True,
            text=True,
            check=True,
        )
    return {int(n): r for n, r in json.loads(run.stdout.splitlines()[-1]).items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--states", type=int, nargs="+", default=[7, 14, 28, 40])
    parser.add_argument("--turns", type=int, default=4, help="measured turns per world")
    parser.add_argument("--against", metavar="REV", help="also measure this git revision")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--screenshots", type=Path, help="save screenshots here instead")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        if args.screenshots:
            for path in screenshots(args.screenshots, Path(tmp)):
                print(path)
            return 0
        anchor = measure_revision(args.against, args.states, args.turns) if args.against else {}
        now = {n: measure(n, args.turns, Path(tmp)) for n in args.states}
    if args.json:
        print(json.dumps(now))
        return 0
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"load average {load} on {os.cpu_count()} cores; {args.turns} turns measured a world")
    print(
        f"{'states':>6}  {'largest gap':>11}  {'median gap':>10}  {'CPU in gap':>10}  "
        f"{'show (GUI)':>10}  {'full rebuild':>12}  {'prepare (worker)':>16}"
    )
    for label, figures in (("now", now), (args.against, anchor)):
        if not figures:
            continue
        if args.against:
            print(f"-- {label}")
        for n, r in figures.items():
            print(
                f"{n:>6}  {r['gap_max'] * 1000:>8.0f} ms  {r['gap_median'] * 1000:>7.0f} ms  "
                f"{r['cpu_max'] * 1000:>7.0f} ms  "
                f"{r['show'] * 1000:>7.0f} ms  {r['full'] * 1000:>9.0f} ms  "
                f"{r['prepare'] * 1000:>13.0f} ms"
            )
    if anchor:
        print(f"-- now / {args.against}: largest gap, CPU in gap, show")
        for n in args.states:
            a, b = now[n], anchor[n]
            print(
                f"{n:>6}  {a['gap_max'] / b['gap_max']:>10.2f}x  "
                f"{a['cpu_max'] / b['cpu_max']:>10.2f}x  {a['show'] / b['show']:>10.2f}x"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
