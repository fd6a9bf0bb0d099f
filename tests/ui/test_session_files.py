"""File > Save As, autosave, recent sessions and opening a session, through the session store."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QProgressBar, QPushButton

from ui.game_setup import player_label
from ui.tasks import SyncTaskRunner
from wargame.ai import make_player
from wargame.match import Match
from wargame.state import state_hash

from .driver import find, label, start_from_start_screen, submit_and_wait

pytest.importorskip("wargame.persistence")
from wargame.persistence import SessionStore  # noqa: E402


def test_sessions_are_autosaved_and_can_be_saved_as_and_reopened(
    qtbot, make_window, tmp_path: Path
):
    window = make_window()
    start_from_start_screen(qtbot, window, {"aurelia": "person"})
    qtbot.waitUntil(lambda: window.page() == "play")
    assert find(window, QLabel, "fileLabel").text().startswith("Saving to ")
    submit_and_wait(qtbot, window)
    qtbot.waitUntil(lambda: "Turn 2 of 6" in label(window, "turnLabel"))
    played = window.presenter.match.state

    path = tmp_path / "class-a.wargame"
    assert window.presenter.save_as(path)
    assert path.exists()
    assert find(window, QLabel, "fileLabel").text() == f"Saving to {path}"

    # back to the start screen: the session is in the recent list; open it from there
    window.presenter.close()
    qtbot.waitUntil(lambda: window.page() == "start")
    recent = find(window, QListWidget, "recentSessions")
    paths = [recent.item(i).data(Qt.ItemDataRole.UserRole) for i in range(recent.count())]
    assert str(path.resolve()) in paths
    item = recent.item(paths.index(str(path.resolve())))
    recent.itemActivated.emit(item)
    qtbot.waitUntil(lambda: window.page() == "play", timeout=20000)
    assert "Turn 2 of 6" in label(window, "turnLabel")
    assert state_hash(window.presenter.match.state) == state_hash(played)


def test_a_broken_file_is_reported_not_raised(qtbot, make_window, tmp_path: Path):
    window = make_window()
    bad = tmp_path / "broken.wargame"
    bad.write_text("not a session")
    errors = []
    window.presenter.sig_error_occurred.connect(lambda message, details: errors.append(message))
    window.open_session(str(bad))
    qtbot.waitUntil(lambda: bool(errors), timeout=20000)
    assert "broken.wargame" in errors[0]
    assert window.page() == "start"


class RecordingRunner(SyncTaskRunner):
    """Runs each job at once on this thread, like SyncTaskRunner, and knows when one is running."""

    def __init__(self):
        super().__init__()
        self.in_job = False
        self.labels: list[str] = []

    def run(self, label, fn, on_done, on_error=None):
        self.labels.append(label)

        def job():
            self.in_job = True
            try:
                return fn()
            finally:
                self.in_job = False

        super().run(label, job, on_done, on_error)


def _saved_session(path: Path, scenario, turns: int) -> str:
    computer = {
        "borduria": make_player("hard", "hawk"),
        "carpathia": make_player("easy"),
        "dalmora": make_player("normal", "dove"),
    }
    match = Match(scenario, 5, computer)
    store = SessionStore.create(path, match)
    for _ in range(turns):
        match.submit("aurelia", [])
        match.resolve_turn()
    digest = state_hash(match.state)
    store.close()
    return digest


def test_opening_from_the_recent_list_replays_on_the_task_runner_with_the_busy_indicator(
    qtbot, make_window, ui_settings, tmp_path: Path, monkeypatch, tutorial
):
    path = tmp_path / "two-turns.wargame"
    digest = _saved_session(path, tutorial, 2)
    ui_settings.add_recent_file(str(path))
    runner = RecordingRunner()
    window = make_window(runner)
    seen = []  # (step, inside a runner job, busy bar shown, Open button enabled)

    def note(step: str) -> None:
        seen.append(
            (
                step,
                runner.in_job,
                find(window, QProgressBar, "busyBar").isVisible(),
                find(window, QPushButton, "openSessionButton").isEnabled(),
            )
        )

    real_open, real_resume = SessionStore.open, SessionStore.resume
    monkeypatch.setattr(
        SessionStore, "open", staticmethod(lambda *a, **k: (note("open"), real_open(*a, **k))[1])
    )
    monkeypatch.setattr(SessionStore, "resume", lambda self: (note("resume"), real_resume(self))[1])
    busy = []
    window.presenter.sig_busy_changed.connect(lambda on, text: busy.append((on, text)))

    recent = find(window, QListWidget, "recentSessions")
    recent.itemActivated.emit(recent.item(0))

    assert seen == [("open", True, True, False), ("resume", True, True, False)]
    assert runner.labels == ["Opening two-turns.wargame"]
    assert busy == [(True, "Opening two-turns.wargame"), (False, "")]
    assert window.page() == "play" and "Turn 3 of 6" in label(window, "turnLabel")
    assert state_hash(window.presenter.match.state) == digest
    assert not find(window, QProgressBar, "busyBar").isVisible()


def test_computer_levels_are_kept_in_the_session_file(qtbot, make_window, tmp_path: Path, tutorial):
    path = tmp_path / "levels.wargame"
    _saved_session(path, tutorial, 1)
    window = make_window(SyncTaskRunner())
    window.open_session(str(path))
    assert window.page() == "play"
    match = window.presenter.match
    assert [player_label(match, s) for s in match.seats] == [
        "person",
        "computer (hard, hawk)",
        "computer (easy, institutionalist)",
        "computer (normal, dove)",
    ]


def test_a_level_chosen_on_the_new_game_screen_survives_saving_and_reopening(
    qtbot, make_window, tmp_path: Path
):
    window = make_window(SyncTaskRunner())
    start_from_start_screen(
        qtbot, window, {"aurelia": "person"}, levels={"borduria": "Hard", "carpathia": "Easy"}
    )
    assert window.page() == "play"
    path = tmp_path / "chosen.wargame"
    assert window.presenter.save_as(path)
    window.presenter.close()
    window.open_session(str(path))
    assert window.page() == "play"
    match = window.presenter.match
    assert player_label(match, "borduria").startswith("computer (hard, ")
    assert player_label(match, "carpathia").startswith("computer (easy, ")
    assert player_label(match, "dalmora").startswith("computer (normal, ")
