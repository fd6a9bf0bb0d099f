"""How long the GUI thread is blocked after a turn, in worlds of 7 to 40 states.

    python -m bench.gui_bench [--states 7 14 28 30 40] [--turns 6] [--with-defaults | --against REV]
    python -m bench.gui_bench --screenshots DIR

A main window plays one seat of a cloned world (tests/ui/big_world.py: northern_sea's states
cloned up to n; every other seat a random legal player, quick to decide, so the measure is the
window's and not the computer players'). The interpreter is set up as the app sets it
(ui/interpreter.py). For each turn, the first included, a heartbeat (a QTimer ticking every
10 ms on the GUI thread) records the largest gap between two ticks from the press of Submit
until the next screen is shown and painted, and 150 ms more; the turn itself is resolved on the
worker. Also printed: the GUI thread's own processor time in its largest gap (what the load of
a shared machine does not inflate), the time `PlayPage.show_screen` takes on the GUI thread
after a turn (the header; the panels follow one per pass of the event loop, inside the
heartbeat's window), the same screen shown into an emptied page (a full rebuild, all panels at
once), and the screen's preparation on the worker (`seat_screen`, pure Python). No session file
is written (the window is built without the session store), so the figures are the window's.

`--with-defaults` measures the same tree with the interpreter's defaults too (no tuning of its
garbage collector and thread switch interval), in a process of its own in the same run, as an
anchor; `--against REV` measures a git revision instead (e.g. the commit before this work).

`--screenshots DIR` saves the game screen (map and news, and the charts tab) at 1024x768 and
1366x768 for 7 and 30 states instead."""

from __future__ import annotations

import argparse
import importlib.util
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
TUNED = True  # the interpreter set up as the app sets it (--defaults: as Python leaves it)
SETTLE_MS = 150
SHOWN_MS = 800  # after the window opens, before the first Submit  # after the screen is shown: its painting and deferred layout count too


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
    if TUNED and importlib.util.find_spec("ui.interpreter") is not None:  # absent in old revisions
        from ui.interpreter import share_with_workers

        share_with_workers()  # as the app does at start
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
    # no warm-up turn: the first turn is measured too (a player meets it); only the window's
    # showing and activation, which come before any Submit, are let finish
    pump_for(SHOWN_MS)
    gaps, cpu = [], []
    for _ in range(turns):
        play_turn(window, beat)
        gaps.append(beat.stop())
        cpu.append(beat.cpu_largest)
    incremental = shows[-turns:]  # the screens shown after the measured turns
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


def measure_elsewhere(states: list[int], turns: int, rev: str | None) -> dict[int, dict]:
    """The same measures in a process of its own, side by side under the same load: on another
    git revision (this benchmark and its world copied into it), or on this tree with the
    interpreter as Python leaves it (rev None: no tuning of its collector and thread switches)."""
    root = Path(__file__).resolve().parent.parent
    command = [sys.executable, "-m", "bench.gui_bench", "--json", "--turns", str(turns)]
    command += ["--states", *map(str, states)]
    with tempfile.TemporaryDirectory() as tmp:
        where = root
        if rev is not None:
            archive = subprocess.run(
                ["git", "archive", rev], cwd=root, capture_output=True, check=True
            )
            with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
                tar.extractall(tmp, filter="data")
            for part in ("bench/gui_bench.py", "tests/ui/big_world.py"):
                shutil.copy(root / part, Path(tmp) / part)
            where = Path(tmp)
        else:
            command.append("--defaults")
        run = subprocess.run(command, cwd=where, capture_output=True, text=True, check=True)
    return {int(n): r for n, r in json.loads(run.stdout.splitlines()[-1]).items()}


def table(figures: dict[int, dict], anchor: dict[int, dict], anchor_name: str) -> list[str]:
    head = (
        "| states | largest gap ms | median gap ms | GUI thread's CPU in a gap, largest ms "
        "| show (GUI) ms | full rebuild ms | prepare (worker) ms |"
    )
    lines = [head, "|---|---|---|---|---|---|---|"]
    for n, r in figures.items():
        lines.append(
            f"| {n} | {r['gap_max'] * 1000:.0f} | {r['gap_median'] * 1000:.0f} "
            f"| {r['cpu_max'] * 1000:.0f} | {r['show'] * 1000:.1f} | {r['full'] * 1000:.0f} "
            f"| {r['prepare'] * 1000:.0f} |"
        )
    if anchor:
        lines += [
            "",
            f"Side by side, {anchor_name}:",
            "",
            "| states | largest gap ms | GUI thread's CPU in a gap, largest ms "
            "| largest gap, ours / theirs |",
            "|---|---|---|---|",
        ]
        for n, r in anchor.items():
            ours = figures[n]["gap_max"] / r["gap_max"] if n in figures else float("nan")
            lines.append(
                f"| {n} | {r['gap_max'] * 1000:.0f} | {r['cpu_max'] * 1000:.0f} | {ours:.2f} |"
            )
    return lines


def main(argv: list[str] | None = None) -> int:
    global TUNED
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--states", type=int, nargs="+", default=[7, 14, 28, 30, 40])
    parser.add_argument("--turns", type=int, default=6, help="measured turns per world")
    parser.add_argument("--against", metavar="REV", help="also measure this git revision")
    parser.add_argument(
        "--with-defaults",
        action="store_true",
        help="also measure this tree with the interpreter's default collector and switching",
    )
    parser.add_argument("--defaults", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--screenshots", type=Path, help="save screenshots here instead")
    args = parser.parse_args(argv)
    TUNED = not args.defaults
    with tempfile.TemporaryDirectory() as tmp:
        if args.screenshots:
            for path in screenshots(args.screenshots, Path(tmp)):
                print(path)
            return 0
        anchor, anchor_name = {}, ""
        if args.against:
            anchor = measure_elsewhere(args.states, args.turns, args.against)
            anchor_name = f"revision {args.against}"
        elif args.with_defaults:
            anchor = measure_elsewhere(args.states, args.turns, None)
            anchor_name = (
                "this tree with the interpreter's defaults (5 ms switch interval, no freezing)"
            )
        now = {n: measure(n, args.turns, Path(tmp)) for n in args.states}
    if args.json:
        print(json.dumps(now))
        return 0
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"{args.turns} turns measured a world, heartbeat every {TICK_MS} ms; load average {load} "
        f"at the end, {os.cpu_count()} cores\n"
    )
    print("\n".join(table(now, anchor, anchor_name)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
