"""File > Save As, autosave, recent sessions and opening a session, through the session store."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QProgressBar, QPushButton

from ui.game_setup import player_label
from ui.main_window import READING_RECENT
from ui.tasks import SyncTaskRunner
from wargame.ai import make_player
from wargame.match import Match
from wargame.state import state_hash

from .driver import find, label, start_from_start_screen, submit_and_wait

pytest.importorskip("wargame.persistence")
from wargame.persistence import SessionStore  # noqa: E402
from wargame.persistence import recent as recent_sessions  # noqa: E402


def recent_paths(window) -> list[str]:
    """The sessions listed on the start screen (not the "no recent sessions" line)."""
    widget = find(window, QListWidget, "recentSessions")
    items = [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())]
    return [path for path in items if path]


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
    file_label = find(window, QLabel, "fileLabel")
    assert file_label.text() == f"Saving to {path.name}" and str(path) in file_label.toolTip()

    # back to the start screen: the session is at the top of the recent list; open it from there
    window.presenter.close()
    qtbot.waitUntil(lambda: window.page() == "start")
    qtbot.waitUntil(lambda: recent_paths(window)[:1] == [str(path)])  # read on the worker
    recent = find(window, QListWidget, "recentSessions")
    recent.itemActivated.emit(recent.item(0))
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
    qtbot, make_window, tmp_path: Path, monkeypatch, tutorial
):
    path = tmp_path / "two-turns.wargame"
    digest = _saved_session(path, tutorial, 2)
    recent_sessions.add_recent(path)
    runner = RecordingRunner()
    window = make_window(runner)
    qtbot.waitUntil(lambda: recent_paths(window) == [str(path)])
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
    monkeypatch.setattr(
        SessionStore, "resume", lambda self, *a: (note("resume"), real_resume(self, *a))[1]
    )
    busy = []
    window.presenter.sig_busy_changed.connect(lambda on, text: busy.append((on, text)))

    recent = find(window, QListWidget, "recentSessions")
    recent.itemActivated.emit(recent.item(0))

    assert seen == [("open", True, True, False), ("resume", True, True, False)]
    assert runner.labels == [READING_RECENT, "Opening two-turns.wargame", READING_RECENT]
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


# --- the one recent-sessions list: the session store's, in the data folder --------------------


def test_the_start_screen_and_the_file_menu_show_the_session_stores_list(
    qtbot, make_window, ui_settings, tmp_path: Path
):
    first, second = tmp_path / "first.wargame", tmp_path / "second.wargame"
    recent_sessions.add_recent(first)
    recent_sessions.add_recent(second)
    window = make_window()  # the list is read on the worker thread
    qtbot.waitUntil(lambda: recent_paths(window) == [str(second), str(first)])
    menu = window.actions.recent_menu
    assert [a.toolTip() for a in menu.actions() if a.toolTip().endswith(".wargame")] == [
        str(second),
        str(first),
    ]
    assert recent_sessions.recent_file().parent == Path(os.environ["WARGAME_DATA_DIR"])
    assert not ui_settings.store.contains("files/recent")  # settings keep preferences only


def test_a_session_saved_in_the_window_goes_on_the_session_stores_list(
    qtbot, make_window, tmp_path: Path
):
    window = make_window(SyncTaskRunner())
    start_from_start_screen(qtbot, window, {"aurelia": "person"})
    path = tmp_path / "saved.wargame"
    assert window.presenter.save_as(path)
    assert [Path(e.path) for e in recent_sessions.list_recent()][0] == path
    assert recent_paths(window)[0] == str(path)


def test_a_vanished_file_leaves_the_list_and_clearing_empties_it(
    qtbot, make_window, tmp_path: Path
):
    gone, kept = tmp_path / "gone.wargame", tmp_path / "kept.wargame"
    recent_sessions.add_recent(kept)
    recent_sessions.add_recent(gone)
    window = make_window(SyncTaskRunner())
    qtbot.waitUntil(lambda: recent_paths(window) == [str(gone), str(kept)])
    window.open_session(str(gone))
    assert [Path(e.path) for e in recent_sessions.list_recent()] == [kept]
    assert recent_paths(window) == [str(kept)]
    assert window.page() == "start"

    clear = next(a for a in window.actions.recent_menu.actions() if a.text() == "Clear the List")
    clear.trigger()
    assert recent_sessions.list_recent() == [] and recent_paths(window) == []
    assert not window.actions.recent_menu.isEnabled()


@pytest.mark.parametrize("damage", [b"{not json", b"[" * 100_000, b"\x00\xff\xfe"])
def test_a_damaged_list_reads_empty_and_never_blocks_opening(
    qtbot, make_window, tmp_path: Path, tutorial, damage: bytes
):
    path = tmp_path / "one-turn.wargame"
    digest = _saved_session(path, tutorial, 1)
    recent_sessions.recent_file().parent.mkdir(parents=True, exist_ok=True)
    recent_sessions.recent_file().write_bytes(damage)
    window = make_window(SyncTaskRunner())
    qtbot.waitUntil(lambda: find(window, QListWidget, "recentSessions").count() == 1)
    assert recent_paths(window) == []
    window.open_session(str(path))
    assert window.page() == "play"
    assert state_hash(window.presenter.match.state) == digest
    # the list is written anew
    assert [Path(e.path) for e in recent_sessions.list_recent()] == [path]


def test_an_unwritable_data_folder_never_blocks_opening(
    qtbot, make_window, tmp_path: Path, tutorial, monkeypatch
):
    path = tmp_path / "one-turn.wargame"
    digest = _saved_session(path, tutorial, 1)
    blocker = tmp_path / "a-file-not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("WARGAME_DATA_DIR", str(blocker / "data"))
    window = make_window(SyncTaskRunner())
    window.open_session(str(path))
    assert window.page() == "play"
    assert state_hash(window.presenter.match.state) == digest
    assert recent_sessions.list_recent() == [] and recent_paths(window) == []
