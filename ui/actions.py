"""The window's menus and keyboard shortcuts (File, Game, View, Help), as QActions."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from .settings import THEMES


@dataclass
class Actions:
    new_game: QAction
    open_session: QAction
    recent_menu: QMenu
    save_as: QAction
    close_session: QAction
    quit: QAction
    submit: QAction
    clear_orders: QAction
    play_again: QAction
    control_cell: QAction
    tabs: dict[str, QAction]
    themes: dict[str, QAction]
    full_screen: QAction
    help: QAction
    about: QAction
    about_qt: QAction


def _action(
    window: QMainWindow,
    text: str,
    tip: str,
    shortcut: QKeySequence | str | None = None,
    name: str = "",
) -> QAction:
    action = QAction(text, window)
    action.setStatusTip(tip)
    action.setToolTip(tip)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if name:
        action.setObjectName(name)
    return action


def build_menus(window: QMainWindow) -> Actions:
    bar = window.menuBar()
    std = QKeySequence.StandardKey
    new_game = _action(
        window,
        "&New Game\u2026",
        "Choose a scenario and who plays each state",
        std.New,
        "actionNewGame",
    )
    open_session = _action(
        window, "&Open Session\u2026", "Continue a saved session", std.Open, "actionOpen"
    )
    save_as = _action(
        window,
        "Save Session &As\u2026",
        "Save this session to a file",
        "Ctrl+Shift+S",
        "actionSaveAs",
    )
    close_session = _action(
        window,
        "&Back to Start Screen",
        "Leave this session and return to the start screen",
        std.Close,
        "actionClose",
    )
    quit_ = _action(window, "&Quit", "Close the application", std.Quit, "actionQuit")
    file_menu = bar.addMenu("&File")
    file_menu.addAction(new_game)
    file_menu.addAction(open_session)
    recent_menu = file_menu.addMenu("Open &Recent")
    recent_menu.setObjectName("recentMenu")
    file_menu.addAction(save_as)
    file_menu.addSeparator()
    file_menu.addAction(close_session)
    file_menu.addAction(quit_)

    submit = _action(
        window, "&Submit Orders", "Hand in this turn's orders", "Ctrl+Return", "actionSubmit"
    )
    submit.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
    clear_orders = _action(
        window,
        "&Remove All Queued Orders",
        "Start this turn's orders again",
        None,
        "actionClearOrders",
    )
    play_again = _action(
        window,
        "Play &Again",
        "Start the same scenario again with the same players",
        None,
        "actionPlayAgain",
    )
    game_menu = bar.addMenu("&Game")
    game_menu.addAction(submit)
    game_menu.addAction(clear_orders)
    game_menu.addSeparator()
    game_menu.addAction(play_again)
    control_cell = _action(
        window,
        "&Control Cell View\u2026",
        "The facilitator's view: every state's secrets and the whole event log",
        "Ctrl+Shift+F",
        "actionControlCell",
    )
    game_menu.addSeparator()
    game_menu.addAction(control_cell)

    view_menu = bar.addMenu("&View")
    tabs = {}
    for i, (name, label) in enumerate(
        (
            ("orders", "&Orders"),
            ("negotiation", "&Negotiation"),
            ("news", "N&ews and Why"),
            ("charts", "&Charts"),
        )
    ):
        tabs[name] = _action(
            window, label, f"Show the {name} tab", f"Ctrl+{i + 1}", f"actionTab_{name}"
        )
        view_menu.addAction(tabs[name])
    view_menu.addSeparator()
    theme_menu = view_menu.addMenu("&Theme")
    group = QActionGroup(window)
    themes = {}
    for theme in THEMES:
        label = {"system": "Follow the &System", "light": "&Light", "dark": "&Dark"}[theme]
        themes[theme] = _action(
            window, label, f"Use the {theme} look", None, f"actionTheme_{theme}"
        )
        themes[theme].setCheckable(True)
        group.addAction(themes[theme])
        theme_menu.addAction(themes[theme])
    full_screen = _action(
        window, "&Full Screen", "Use the whole screen", std.FullScreen, "actionFullScreen"
    )
    full_screen.setCheckable(True)
    view_menu.addAction(full_screen)

    help_ = _action(
        window,
        "&Manual",
        "How to play, the rules, running a class and writing scenarios (readable offline)",
        std.HelpContents,
        "actionHelp",
    )
    if not help_.shortcuts():  # platforms with no standard help key still get F1
        help_.setShortcut(QKeySequence("F1"))
    about = _action(window, "&About Crisis Wargame", "Version and credits", None, "actionAbout")
    about_qt = _action(window, "About &Qt", "The Qt toolkit", None, "actionAboutQt")
    help_menu = bar.addMenu("&Help")
    help_menu.addAction(help_)
    help_menu.addSeparator()
    help_menu.addAction(about)
    help_menu.addAction(about_qt)
    return Actions(
        new_game,
        open_session,
        recent_menu,
        save_as,
        close_session,
        quit_,
        submit,
        clear_orders,
        play_again,
        control_cell,
        tabs,
        themes,
        full_screen,
        help_,
        about,
        about_qt,
    )
