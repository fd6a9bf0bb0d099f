"""Building the application and its main window, shared by the entry point (`app.main`), the
screenshot tour, the self-test and the tests.

Only Qt and the start screen are loaded here: the game screen (and pyqtgraph) come when a game
starts, the session store when a file is first used.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QApplication

from .resources import APP_NAME, ORG_DOMAIN, ORG_NAME, VERSION, app_icon
from .settings import UiSettings
from .tasks import TaskRunner, ThreadTaskRunner
from .theme import apply_theme


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORG_NAME)
    app.setOrganizationDomain(ORG_DOMAIN)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(VERSION)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("crisis-wargame")
    app.setWindowIcon(app_icon())
    return app


def create_window(
    runner: TaskRunner | None = None,
    settings: UiSettings | None = None,
    with_files: bool = True,
    ask_before_closing: bool = True,
):  # noqa: ANN201 - MainWindow, imported here to keep this module light
    """The main window with its presenter, task runner and (if installed) the session store."""
    from .main_window import MainWindow
    from .persistence_files import installed_session_files
    from .presenter import SessionPresenter
    from .session_files import UNAVAILABLE

    app = create_app()
    settings = settings if settings is not None else UiSettings()
    apply_theme(app, settings.theme())
    files, reason = installed_session_files() if with_files else (None, UNAVAILABLE)
    runner = runner if runner is not None else ThreadTaskRunner()
    presenter = SessionPresenter(runner, files)
    window = MainWindow(presenter, settings, reason, ask_before_closing)
    runner.setParent(window)
    presenter.setParent(window)
    return window


def temporary_settings(folder: Path) -> UiSettings:
    """Settings in a throw-away INI file, for screenshots, the self-test and tests."""
    return UiSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))


def dispose_window(window) -> None:  # noqa: ANN001 - MainWindow
    """Take the window down while Qt is still up: left to the interpreter's exit, Python may
    free its widgets after the application and crash on the way out (the self-test did, one
    run in two)."""
    QThreadPool.globalInstance().waitForDone(5000)
    window.deleteLater()
    QApplication.sendPostedEvents(None, 0)  # 0: every event type, deferred deletes included
    QApplication.processEvents()
