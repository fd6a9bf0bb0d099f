"""The window never freezes: reading the scenarios, the debrief and writing a report go through
the task runner's worker (with progress in the status bar); only the
report's charts, which pyqtgraph draws on the GUI thread, are drawn there, one at a time."""

from __future__ import annotations

import threading

from ui.tasks import ThreadTaskRunner

from .screens import setup_for


def test_long_work_runs_on_the_worker(qtbot, make_window, short_tutorial, tmp_path):
    runner = ThreadTaskRunner()
    window = make_window(runner)
    started: list[str] = []
    runner.sig_task_started.connect(started.append)
    window.new_game()
    qtbot.waitUntil(lambda: window.setup_page.loaded, timeout=20000)
    assert "Reading the scenarios" in started
    window.presenter.start(setup_for(short_tutorial, people=1))
    qtbot.waitUntil(lambda: window.page() == "play", timeout=20000)
    while window.page() != "end":
        window.play_page.request_submit()
        window.play_page.request_submit()  # no orders: asked once, then passed
        qtbot.waitUntil(
            lambda: window.page() in ("play", "end") and not window.presenter.busy, timeout=20000
        )
    assert "Preparing the debrief" in started

    from wargame.debrief import played_from_match

    progress: list[str] = []
    threads: list[threading.Thread] = []
    path = tmp_path / "report.pdf"
    export = window.start_export(played_from_match(window.presenter.match), None, path, False)
    export.sig_progress.connect(progress.append)
    export.sig_progress.connect(lambda _t: threads.append(threading.current_thread()))
    with qtbot.waitSignal(export.sig_written, timeout=60000):
        pass
    assert path.read_bytes().startswith(b"%PDF")
    assert {"Preparing the report", f"Writing {path.name}"} <= set(started)
    assert any(p.startswith("Drawing the charts: 1 of ") for p in progress) and progress[-1] == ""
    assert all(t is threading.main_thread() for t in threads)  # the window hears of each step
