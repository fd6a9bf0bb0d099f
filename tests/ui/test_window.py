"""Desktop conventions: menus and shortcuts, About, settings kept in (temporary) QSettings,
light and dark looks, a sensible default size."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from ui.app import create_window
from ui.main_window import default_size
from ui.settings import UiSettings
from ui.tasks import SyncTaskRunner
from ui.theme import is_dark, plot_colors

from .driver import click, find, label, start_from_start_screen


def _menu_titles(window) -> list[str]:
    return [a.text().replace("&", "") for a in window.menuBar().actions()]


def test_menus_and_shortcuts(qtbot, make_window):
    window = make_window(SyncTaskRunner())
    assert _menu_titles(window) == ["File", "Game", "View", "Help"]
    shortcuts = {
        a.objectName(): a.shortcut() for a in window.findChildren(QAction) if a.objectName()
    }
    assert shortcuts["actionNewGame"] == QKeySequence(QKeySequence.StandardKey.New)
    assert shortcuts["actionSubmit"] == QKeySequence("Ctrl+Return")
    assert shortcuts["actionTab_news"] == QKeySequence("Ctrl+3")
    assert all(a.toolTip() for a in window.findChildren(QAction) if a.objectName())
    # game actions wait for a game
    assert not find(window, QAction, "actionSubmit").isEnabled()
    find(window, QAction, "actionNewGame").trigger()
    assert window.page() == "setup"


def test_about_box(qtbot, make_window):
    window = make_window(SyncTaskRunner())
    find(window, QAction, "actionAbout").trigger()
    box = window.findChild(QMessageBox, "aboutBox")
    assert box is not None and box.isVisible()
    assert "Crisis Wargame" in box.text() and "MIT" in box.text()
    box.close()


def test_default_size_fits_a_small_laptop(qtbot, ui_settings):
    assert default_size(QSize(1920, 1050)) == QSize(1280, 800)
    assert default_size(QSize(1366, 728)) == QSize(1280, 669)  # 1366x768 less a 40 px panel
    window = create_window(SyncTaskRunner(), ui_settings, ask_before_closing=False)
    qtbot.addWidget(window)
    available = window.screen().availableGeometry().size()
    assert window.width() <= available.width() and window.height() <= available.height()


def test_geometry_and_theme_are_kept_in_the_given_settings(qtbot, ui_settings: UiSettings):
    first = create_window(SyncTaskRunner(), ui_settings, ask_before_closing=False)
    qtbot.addWidget(first)
    first.resize(720, 700)
    first.show()
    expected = first.size()
    find(first, QAction, "actionTheme_dark").trigger()
    assert is_dark(QApplication.palette())
    first.close()
    assert ui_settings.geometry("geometry") is not None
    assert ui_settings.theme() == "dark"
    second = create_window(SyncTaskRunner(), ui_settings, ask_before_closing=False)
    qtbot.addWidget(second)
    assert second.size() == expected
    assert find(second, QAction, "actionTheme_dark").isChecked()
    find(second, QAction, "actionTheme_light").trigger()
    assert not is_dark(QApplication.palette())


def test_the_map_and_charts_follow_the_dark_palette(qtbot, make_window):
    window = make_window(SyncTaskRunner())
    start_from_start_screen(qtbot, window, {"aurelia": "person"})
    qtbot.waitUntil(lambda: window.page() == "play")
    find(window, QAction, "actionTheme_dark").trigger()
    try:
        expected = plot_colors(QApplication.palette()).background
        qtbot.waitUntil(lambda: window.play_page.map.plot.backgroundBrush().color() == expected)
        assert expected.lightness() < 100
    finally:
        find(window, QAction, "actionTheme_system").trigger()


def test_without_the_session_store_file_actions_say_why(qtbot, make_window):
    window = make_window(SyncTaskRunner(), with_files=False)
    open_action = find(window, QAction, "actionOpen")
    assert not open_action.isEnabled() and "session store" in open_action.toolTip()
    button = find(window, QPushButton, "openSessionButton")
    assert not button.isEnabled() and "session store" in button.toolTip()


def test_the_tutorial_button_starts_a_solo_game(qtbot, make_window):
    window = make_window(SyncTaskRunner())
    click(qtbot, window, "tutorialButton")
    qtbot.waitUntil(lambda: window.page() == "play")
    assert label(window, "seatTitle") == "Aurelia"
