"""Fixtures for the GUI tests: every window gets throw-away settings and data folders."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from ui.app import create_app, create_window, temporary_settings
from ui.main_window import MainWindow
from ui.settings import UiSettings
from ui.tasks import TaskRunner, ThreadTaskRunner


@pytest.fixture(autouse=True)
def private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads or writes the user's real settings, sessions or recent list."""
    monkeypatch.setenv("WARGAME_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "config"))
    return tmp_path


@pytest.fixture
def ui_settings(tmp_path: Path) -> UiSettings:
    return temporary_settings(tmp_path)


@pytest.fixture
def make_window(qtbot, ui_settings: UiSettings) -> Iterator[Callable[..., MainWindow]]:
    """Build a main window (real worker thread unless a runner is given), shown at 1280x800."""
    windows: list[MainWindow] = []

    def make(runner: TaskRunner | None = None, with_files: bool = True) -> MainWindow:
        create_app()
        window = create_window(
            runner or ThreadTaskRunner(),
            ui_settings,
            with_files=with_files,
            ask_before_closing=False,
        )
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.presenter.runner.wait(10000)
        window.presenter.close()


@pytest.fixture
def short_tutorial(tutorial):
    """The tutorial cut to three turns: enough for every screen, quicker to play to the end."""
    from wargame.scenario.loader import parse_scenario

    data = tutorial.model_dump(mode="json", by_alias=True, exclude_none=True)
    data["turns"] = 3
    return parse_scenario(data, "short_tutorial.yaml")
