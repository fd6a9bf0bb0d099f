"""The main window: menus, the pages of a session (start, new game, hand-over, game, end) and a
status bar with progress. It wires the views' requests to the presenter and the presenter's
signals to the views; it holds no game logic."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QWidget,
)

from . import dialogs
from .actions import build_menus
from .class_windows import ClassMenu
from .end_page import EndPage
from .handover_page import HandoverPage
from .presenter import Handover, QueueState, SessionPresenter
from .report_export import ReportExport, add_export_action, ask_target, target_file
from .resources import APP_NAME, app_icon
from .session_files import FILE_FILTER, FILE_SUFFIX, SessionFiles
from .settings import UiSettings
from .start_page import StartPage
from .theme import apply_theme
from .widgets import PageArea, literal, tip

DEFAULT_SIZE = QSize(1280, 800)
TUTORIAL = "tutorial_strait"
CONTROL_CELL_WARNING = "This shows every state's secrets. Make sure no player is looking."
READING_RECENT = "Reading the recent sessions"
READING_SCENARIOS = "Reading the scenarios"


class MainWindow(QMainWindow):
    def __init__(
        self,
        presenter: SessionPresenter,
        settings: UiSettings,
        files_reason: str = "",
        ask_before_closing: bool = True,
    ):
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(app_icon())
        self.presenter = presenter
        self.settings = settings
        self.files_reason = files_reason
        self.ask_before_closing = ask_before_closing
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self._pages: dict[str, QWidget] = {}
        self._areas: dict[str, PageArea] = {}
        self._play = None
        self._setup = None
        self._control = None
        self._control_window = None
        self._help = None
        self._reading_scenarios = False
        self._export: ReportExport | None = None
        self._came_from = "start"
        self.start_page = StartPage()
        self.handover_page = HandoverPage()
        self.end_page = EndPage()
        for name, page in (
            ("start", self.start_page),
            ("handover", self.handover_page),
            ("end", self.end_page),
        ):
            self._add_page(name, page)
        self.actions = build_menus(self)
        self.export_report_action = add_export_action(self, self.actions.save_as)
        self.export_report_action.triggered.connect(lambda _c=False: self.export_report())
        self.end_page.sig_export_requested.connect(self.export_report)
        self.class_menu = ClassMenu(self, self.actions.save_as)  # Host / Join a Class
        self._build_status_bar()
        self._connect()
        self._refresh_files()
        self.actions.themes[settings.theme()].setChecked(True)
        self.show_page("start")
        self._restore_geometry()

    # --- public API ---------------------------------------------------------------------------

    @property
    def files_available(self) -> bool:
        return self.presenter.files is not None

    def page(self) -> str:
        widget = self.stack.currentWidget()
        return next((name for name, area in self._areas.items() if area is widget), "")

    def show_page(self, name: str) -> None:
        if name == "setup":
            self.setup_page  # noqa: B018 - made on first use
        elif name == "play":
            self.play_page  # noqa: B018 - made on first use
        self.stack.setCurrentWidget(self._areas[name])
        self._update_actions()
        if name == "start":
            self.setWindowTitle(APP_NAME)

    @property
    def setup_page(self):  # noqa: ANN201 - imported lazily
        if self._setup is None:
            from .setup_page import SetupPage

            self._setup = SetupPage()
            self._setup.sig_start_requested.connect(self.presenter.start)
            self._setup.sig_back_requested.connect(self._leave_setup)
            self._add_page("setup", self._setup)
        return self._setup

    @property
    def play_page(self):  # noqa: ANN201 - imported lazily: it brings in pyqtgraph
        if self._play is None:
            from .play_page import PlayPage

            self._play = PlayPage(self.presenter.check)
            self._play.sig_order_requested.connect(self.presenter.queue_order)
            self._play.sig_remove_requested.connect(self.presenter.remove_order)
            self._play.sig_clear_requested.connect(self.presenter.clear_orders)
            self._play.sig_submit_requested.connect(self.presenter.submit)
            self._add_page("play", self._play)
            state = self.settings.geometry("body_splitter")
            if state is not None:
                self._play.body.restoreState(state)
        return self._play

    def new_game(self) -> None:
        if not self._may_leave_session():
            return
        if self.page() != "setup":
            self._came_from = self.page()
        page = self.setup_page
        if not page.loaded and not self._reading_scenarios:
            # every scenario file is read and checked: a good part of a second, on the worker
            from wargame.scenario.library import catalogue

            self._reading_scenarios = True
            page.show_reading(READING_SCENARIOS)
            self.presenter.runner.run(
                READING_SCENARIOS, catalogue, self._scenarios_read, self._scenarios_failed
            )
        self.show_page("setup")

    def play_tutorial(self) -> None:
        """One click to a first game: the tutorial, a person leading its first state."""
        from wargame.scenario import ScenarioError
        from wargame.scenario.library import find_scenario

        from .game_setup import default_setup

        if not self._may_leave_session():
            return
        try:
            scenario = find_scenario(TUTORIAL)
        except ScenarioError as exc:
            dialogs.show_error(self, "The tutorial scenario could not be loaded.", str(exc))
            return
        self.presenter.start(default_setup(scenario))

    def open_session(self, path: str | None = None) -> None:
        if not self.files_available or not self._may_leave_session():
            return
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, "Open a session", str(Path.home()), FILE_FILTER
            )
            if not path:
                return
        if not Path(path).exists():
            self._refresh_recent(lambda files: files.forget(path))
            dialogs.show_error(
                self,
                f"The session file {path} no longer exists; it was removed from the recent sessions.",
            )
            return
        self.presenter.open_file(path)

    def show_control_cell(self, ask: bool = True) -> bool:
        """The facilitator's view of the whole truth, in its own window, after a warning (which
        only a script, such as the screenshot tour, may skip)."""
        if self.presenter.match is None:
            return False
        if ask and not dialogs.confirm(
            self, "Control cell view", CONTROL_CELL_WARNING, "Show the control cell"
        ):
            return False
        window = self.control_cell_window
        self._control.refresh()  # type: ignore[union-attr]
        window.show()
        window.raise_()
        window.activateWindow()
        return True

    def show_manual(self, anchor: str | None = None):  # noqa: ANN201 - HelpWindow, lazily
        """The manual in its own window, at the section about the screen on show."""
        from .help_window import PAGE_SECTIONS, HelpWindow

        if self._help is None:
            self._help = HelpWindow(self)
        self._help.open_section(
            anchor if anchor is not None else PAGE_SECTIONS.get(self.page(), "")
        )
        self._help.show()
        self._help.raise_()
        self._help.activateWindow()
        return self._help

    @property
    def control_cell_window(self):  # noqa: ANN201 - imported lazily
        if self._control is None:
            from .control_cell_presenter import ControlCellPresenter
            from .control_cell_window import ControlCellWindow

            self._control = ControlCellPresenter(self.presenter, self)
            self._control_window = ControlCellWindow(self)
            self._control.sig_control_cell_changed.connect(self._control_window.show_control_cell)
            self._control.sig_session_closed.connect(self._control_window.clear)
            self._control.sig_session_closed.connect(self._control_window.hide)
            from .white_cell_hooks import attach_session_white_cell  # the facilitator's controls

            self.white_cell = attach_session_white_cell(self, self._control_window, self._control)
        return self._control_window

    def save_session_as(self) -> None:
        if not self.files_available or self.presenter.match is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, "Save the session as", str(Path.home() / f"session{FILE_SUFFIX}"), FILE_FILTER
        )
        if path:
            if not path.endswith(FILE_SUFFIX):
                path += FILE_SUFFIX
            self.presenter.save_as(path)

    def export_report(self) -> ReportExport | None:
        """File > Export report: the after-action report of the session so far, written in
        steps while the window stays responsive (see report_export.ReportExport)."""
        match = self.presenter.match
        if match is None or self.presenter.busy or self._export is not None:
            return None
        from wargame.debrief import played_from_match

        played = played_from_match(match)
        target = ask_target(self, played)
        if target is None:
            return None
        seat, path, chosen = target
        path, html = target_file(path, chosen)
        return self.start_export(played, seat, path, html)

    def start_export(self, played, seat: str | None, path: Path, html: bool) -> ReportExport:  # noqa: ANN001 - Played
        export = ReportExport(self.presenter.runner, played, seat, path, html, self)
        self._export = export
        export.sig_progress.connect(lambda text: self._show_progress(text))
        export.sig_written.connect(
            lambda written: self.statusBar().showMessage(f"Report written to {written}", 10000)
        )
        export.sig_failed.connect(lambda message: dialogs.show_error(self, message))
        export.sig_written.connect(lambda _p: self._export_ended())
        export.sig_failed.connect(lambda _m: self._export_ended())
        export.start()
        return export

    # --- Qt overrides -------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_leave_session():
            event.ignore()
            return
        self.settings.set_geometry("geometry", self.saveGeometry())
        self.settings.set_geometry("state", self.saveState())
        if self._play is not None and not self._play.narrow:
            self.settings.set_geometry("body_splitter", self._play.body.saveState())
        self.settings.sync()
        if self._control is not None:
            self._control_window.close()
        self.presenter.runner.wait(5000)
        self.presenter.close()  # closes the session file
        super().closeEvent(event)

    # --- private --------------------------------------------------------------------------------

    def _add_page(self, name: str, page: QWidget) -> None:
        """Each page in a scroll area: in a window smaller than the page can be (a small screen
        at 200% scaling) it scrolls instead of being cut off."""
        area = PageArea(page)
        area.setObjectName(f"{name}PageArea")
        self._pages[name] = page
        self._areas[name] = area
        self.stack.addWidget(area)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.busy_label = QLabel("")
        self.busy_label.setObjectName("busyLabel")
        self.busy_label.setTextFormat(Qt.TextFormat.PlainText)
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("busyBar")
        self.busy_bar.setRange(0, 0)  # busy: an animated bar, the window keeps responding
        self.busy_bar.setMaximumWidth(200)
        self.file_label = QLabel("")
        self.file_label.setObjectName("fileLabel")
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        bar.addWidget(self.busy_label)
        bar.addWidget(self.busy_bar)
        bar.addPermanentWidget(self.file_label)
        self.busy_label.hide()
        self.busy_bar.hide()

    def _connect(self) -> None:
        p, a = self.presenter, self.actions
        self.start_page.sig_new_game_requested.connect(self.new_game)
        self.start_page.sig_open_requested.connect(lambda: self.open_session())
        self.start_page.sig_open_recent_requested.connect(self.open_session)
        self.start_page.sig_quit_requested.connect(self.close)
        self.start_page.sig_tutorial_requested.connect(self.play_tutorial)
        self.handover_page.sig_ready_requested.connect(p.seat_ready)
        self.end_page.sig_play_again_requested.connect(p.restart)
        self.end_page.sig_new_game_requested.connect(self.new_game)
        self.end_page.sig_start_screen_requested.connect(p.close)
        p.sig_session_started.connect(self._on_session_started)
        p.sig_handover_requested.connect(self._on_handover)
        p.sig_seat_shown.connect(self._on_seat_shown)
        p.sig_queue_changed.connect(self._on_queue)
        p.sig_orders_rejected.connect(self._on_rejected)
        p.sig_orders_submitted.connect(self._on_submitted)
        p.sig_busy_changed.connect(self._on_busy)
        p.sig_turn_resolved.connect(
            lambda turn: self.statusBar().showMessage(f"Turn {turn} resolved.", 8000)
        )
        p.sig_game_finished.connect(self._on_finished)
        p.sig_file_changed.connect(self._on_file_changed)
        p.sig_error_occurred.connect(
            lambda message, details: dialogs.show_error(self, message, details)
        )
        p.sig_session_closed.connect(lambda: self.show_page("start"))
        a.new_game.triggered.connect(self.new_game)
        a.open_session.triggered.connect(lambda: self.open_session())
        a.save_as.triggered.connect(self.save_session_as)
        a.close_session.triggered.connect(self._close_session)
        a.quit.triggered.connect(self.close)
        a.submit.triggered.connect(lambda _c=False: self.play_page.request_submit())
        a.clear_orders.triggered.connect(p.clear_orders)
        a.play_again.triggered.connect(p.restart)
        a.control_cell.triggered.connect(lambda _checked=False: self.show_control_cell())
        for name, action in a.tabs.items():
            action.triggered.connect(lambda _c=False, n=name: self.play_page.select_tab(n))
        for theme, action in a.themes.items():
            action.triggered.connect(lambda _c=False, t=theme: self._set_theme(t))
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_colors)
        a.full_screen.toggled.connect(lambda on: self.showFullScreen() if on else self.showNormal())
        a.help.triggered.connect(lambda _c=False: self.show_manual())
        a.about.triggered.connect(lambda: dialogs.show_about(self))
        a.about_qt.triggered.connect(QApplication.aboutQt)

    def _on_session_started(self, title: str) -> None:
        self.setWindowTitle(f"{title} \u2014 {APP_NAME}")
        if self._play is not None:
            self._play.clear()

    def _on_handover(self, h: Handover) -> None:
        if self._play is not None:
            self._play.clear()  # nothing of the previous seat stays behind the hand-over screen
        self.handover_page.show_handover(h.name, h.turn, h.turns, h.done)
        self.setWindowTitle(f"Pass to {h.name} \u2014 {APP_NAME}")
        self.show_page("handover")

    def _on_seat_shown(self, screen: object) -> None:
        page = self.play_page
        page.show_screen(screen)
        self.setWindowTitle(
            f"{screen.seat_name}, turn {screen.turn} \u2014 {screen.title} \u2014 {APP_NAME}"
        )  # type: ignore[attr-defined]
        self.show_page("play")

    def _on_queue(self, state: QueueState) -> None:
        if self._play is not None:
            self._play.show_queue(state)

    def _on_rejected(self, reasons: list[str]) -> None:
        text = "Not accepted: " + "; ".join(reasons)
        self.statusBar().showMessage(text, 15000)
        if self._play is not None:
            self._play.show_notice(text)

    def _on_submitted(self, seat: str) -> None:
        self.statusBar().showMessage("Orders handed in.", 5000)
        match = self.presenter.match
        if match is not None and len(match.human_seats) > 1 and self._play is not None:
            self._play.clear()
            self.handover_page.show_waiting(match.state.turn, match.scenario.turns)
            self.show_page("handover")

    def _show_progress(self, text: str) -> None:
        """Work of the window's own (a report being written) in the status bar."""
        self.busy_label.setText(text)
        self.busy_label.setVisible(bool(text))
        self.busy_bar.setVisible(bool(text))

    def _export_ended(self) -> None:
        if self._export is not None:
            self._export.deleteLater()
        self._export = None
        self._update_actions()

    def _on_busy(self, busy: bool, text: str) -> None:
        self.busy_label.setText(text)
        self.busy_label.setVisible(busy)
        self.busy_bar.setVisible(busy)
        if self._play is not None:
            self._play.set_busy(busy)
        self._update_actions()

    def _update_actions(self) -> None:
        """What the menus allow on this page; while a turn is resolved, nothing that leaves it."""
        a, page, busy = self.actions, self.page(), self.presenter.busy
        for action in (a.submit, a.clear_orders, *a.tabs.values()):
            action.setEnabled(page == "play" and not busy)
        a.new_game.setEnabled(not busy)
        a.open_session.setEnabled(self.files_available and not busy)
        a.play_again.setEnabled(
            not busy
            and self.presenter.last_setup is not None
            and page in ("play", "end", "handover")
        )
        a.close_session.setEnabled(not busy and page != "start")
        a.save_as.setEnabled(self.files_available and not busy and self.presenter.match is not None)
        a.control_cell.setEnabled(self.presenter.match is not None)
        self.export_report_action.setEnabled(
            not busy and self.presenter.match is not None and bool(self.presenter.match.history)
        )
        self.start_page.set_busy(busy)

    def _on_finished(self, debrief: object) -> None:
        self.end_page.show_debrief(debrief, can_play_again=self.presenter.last_setup is not None)  # type: ignore[arg-type]
        self.setWindowTitle(f"Game over \u2014 {debrief.title} \u2014 {APP_NAME}")  # type: ignore[attr-defined]
        if self._play is not None:
            self._play.clear()
        self.show_page("end")

    def _on_file_changed(self, path: str) -> None:
        # the file's name (a long path would push the status bar off a small screen); whole in
        # the tooltip
        self.file_label.setText(f"Saving to {Path(path).name}" if path else "")
        self.file_label.setToolTip(tip(f"Every move is saved to {path}") if path else "")
        if path:
            self._refresh_recent()  # the session store has put the file on its list

    def _scenarios_read(self, entries: list) -> None:
        self._reading_scenarios = False
        self.setup_page.set_entries(entries)

    def _scenarios_failed(self, exc: Exception) -> None:
        self._reading_scenarios = False
        self.setup_page.show_reading(f"The scenarios could not be read: {exc}")

    def _leave_setup(self) -> None:
        """Back from the new-game screen: to the game in progress if there is one."""
        match = self.presenter.match
        back = (
            self._came_from
            if match is not None and not match.finished and self._came_from in ("play", "handover")
            else "start"
        )
        self.show_page(back)

    def _close_session(self) -> None:
        if self._may_leave_session():
            self.presenter.close()

    def _may_leave_session(self) -> bool:
        match = self.presenter.match
        unsaved = (
            match is not None
            and not match.finished
            and (not self.files_available or self.presenter.files.path_of(match) is None)
        )  # type: ignore[union-attr]
        if not unsaved or not self.ask_before_closing:
            return True
        return dialogs.confirm(
            self,
            APP_NAME,
            "The game in progress has not been saved and will be lost. Leave it?",
            "Leave the game",
        )

    def _set_theme(self, theme: str) -> None:
        self.settings.set_theme(theme)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme)

    def _on_system_colors(self, *_: object) -> None:
        if self.settings.theme() == "system":
            self._set_theme("system")

    def _refresh_files(self) -> None:
        self.start_page.set_files_available(self.files_available, self.files_reason)
        for action in (self.actions.open_session, self.actions.save_as):
            action.setEnabled(self.files_available)
            if not self.files_available:
                action.setToolTip(self.files_reason)
                action.setStatusTip(self.files_reason)
        self.actions.recent_menu.setEnabled(self.files_available)
        self.actions.recent_menu.setToolTipsVisible(True)
        self._refresh_recent()

    def _refresh_recent(self, change: Callable[[SessionFiles], None] | None = None) -> None:
        """Make `change` to the session store's recent list (forget a file, clear it), then show
        the list on the start screen and in File > Recent. Both run on the task runner: the list
        comes with the session store, which the start screen does not wait for."""
        files = self.presenter.files
        if files is None:
            self._show_recent([])
            return

        def read() -> list[str]:
            if change is not None:
                change(files)
            return files.recent()

        self.presenter.runner.run(READING_RECENT, read, self._show_recent)

    def _show_recent(self, paths: list[str]) -> None:
        self.start_page.set_recent(paths)
        menu = self.actions.recent_menu
        menu.clear()
        for path in paths:
            action = menu.addAction(literal(Path(path).name))
            action.setToolTip(tip(path))
            action.triggered.connect(lambda _c=False, p=path: self.open_session(p))
        if paths:
            menu.addSeparator()
            menu.addAction(
                "Clear the List", lambda: self._refresh_recent(lambda files: files.forget_all())
            )
        menu.setEnabled(self.files_available and bool(paths))

    def _restore_geometry(self) -> None:
        geometry = self.settings.geometry("geometry")
        if geometry is not None and self.restoreGeometry(geometry):
            state = self.settings.geometry("state")
            if state is not None:
                self.restoreState(state)
            return
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(DEFAULT_SIZE)
            return
        available = screen.availableGeometry()
        self.resize(default_size(available.size()))
        frame = self.frameGeometry()
        frame.moveCenter(available.center())
        self.move(frame.topLeft())


def default_size(available: QSize) -> QSize:
    """1280x800, or less on a smaller screen (a 1366x768 laptop gets 1280x706)."""
    return DEFAULT_SIZE.boundedTo(
        QSize(int(available.width() * 0.95), int(available.height() * 0.92))
    )
