"""The window of a seat played from this computer in a hosted class: the same game screen as
at one computer, for this seat only; a waiting screen between handing in orders and the results;
the seat's own result at the end. The status bar says whether the host is reachable."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .play_page import PlayPage
from .remote_presenter import RemoteSeatPresenter, SeatResult, Waiting
from .resources import APP_NAME, app_icon
from .widgets import heading, muted, text


class _MessagePage(QWidget):
    """A card in the middle of the window: a title, a line or two, and a progress bar."""

    def __init__(self, object_name: str):
        super().__init__()
        self.setObjectName(object_name)
        self.title = heading("", 2.0, f"{object_name}Title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = text("", f"{object_name}Detail")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setFixedWidth(self.fontMetrics().horizontalAdvance("M") * 40)
        c = QVBoxLayout(card)
        c.setContentsMargins(32, 32, 32, 32)
        c.setSpacing(16)
        for widget in (self.title, self.detail, self.progress):
            c.addWidget(widget)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

    def show_message(self, title: str, detail: str, busy: bool = True) -> None:
        self.title.setText(title)
        self.detail.setText(detail)
        self.progress.setVisible(busy)


class _ResultPage(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("seatResultPage")
        self.title = heading("", 1.7, "seatResultTitle")
        self.summary = text("", "seatResultSummary")
        self.objectives = QTreeWidget()
        self.objectives.setObjectName("seatResultObjectives")
        self.objectives.setHeaderLabels(["Met", "Points", "Your objectives"])
        self.objectives.setRootIsDecorated(False)
        self.objectives.setWordWrap(True)
        self.close_button = QPushButton("Close")
        self.close_button.setObjectName("seatResultCloseButton")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.objectives, 1)
        layout.addWidget(
            muted("The facilitator shows the whole debrief: every state's score and why.")
        )
        layout.addLayout(buttons)

    def show_result(self, r: SeatResult) -> None:
        self.title.setText(f"Game over \u2014 {r.seat_name}")
        self.summary.setText(
            f"{r.title}: {r.turns_played} turns. Your score: {r.total} points ({r.outcome}). "
            f"Final state: {r.state_hash}"
        )
        self.objectives.clear()
        for o in r.objectives:
            mark = "\u2713 yes" if o.met else "\u2717 no"
            line = o.text + (" (secret)" if o.secret else "")
            self.objectives.addTopLevelItem(QTreeWidgetItem([mark, str(o.points), line]))
        self.objectives.resizeColumnToContents(0)
        self.objectives.resizeColumnToContents(1)


class ClassClientWindow(QMainWindow):
    def __init__(self, presenter: RemoteSeatPresenter, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("classClientWindow")
        self.setWindowTitle(f"Joining a class \u2014 {APP_NAME}")
        self.setWindowIcon(app_icon())
        self.presenter = presenter
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.message_page = _MessagePage("classMessagePage")
        self.play_page = PlayPage(presenter.check)
        self.result_page = _ResultPage()
        for page in (self.message_page, self.play_page, self.result_page):
            self.stack.addWidget(page)
        self.connection_label = QLabel("")
        self.connection_label.setObjectName("connectionLabel")
        self.connection_label.setTextFormat(Qt.TextFormat.PlainText)
        self.deadline_label = QLabel("")
        self.deadline_label.setObjectName("deadlineLabel")
        self.statusBar().addPermanentWidget(self.deadline_label)
        self.statusBar().addPermanentWidget(self.connection_label)
        self._deadline: float | None = None  # seconds left when the host last said
        self._since = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_deadline)
        self._connect()
        self.message_page.show_message("Joining the class", "Connecting to the host\u2026")
        self.resize(1280, 800)

    # --- public API -------------------------------------------------------------------------------

    def page(self) -> str:
        widget = self.stack.currentWidget()
        return {
            self.message_page: "message",
            self.play_page: "play",
            self.result_page: "result",
        }[widget]

    # --- Qt overrides -----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.presenter.leave()  # the host keeps the seat: joining again comes back into it
        super().closeEvent(event)

    # --- private --------------------------------------------------------------------------------

    def _connect(self) -> None:
        p, page = self.presenter, self.play_page
        page.sig_order_requested.connect(p.queue_order)
        page.sig_remove_requested.connect(p.remove_order)
        page.sig_clear_requested.connect(p.clear_orders)
        page.sig_submit_requested.connect(p.submit)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, p.submit)
        self.result_page.close_button.clicked.connect(self.close)
        p.sig_connection_changed.connect(self.connection_label.setText)
        p.sig_seat_shown.connect(self._on_seat_shown)
        p.sig_queue_changed.connect(page.show_queue)
        p.sig_orders_rejected.connect(self._on_rejected)
        p.sig_waiting_shown.connect(self._on_waiting)
        p.sig_game_finished.connect(self._on_finished)
        p.sig_refused.connect(self._on_refused)
        p.sig_deadline_changed.connect(self._on_deadline)
        p.sig_paused_changed.connect(self._on_paused)

    def _on_seat_shown(self, screen: object) -> None:
        self.play_page.show_screen(screen)  # type: ignore[arg-type]
        self.setWindowTitle(
            f"{screen.seat_name}, turn {screen.turn} \u2014 {screen.title} \u2014 {APP_NAME}"  # type: ignore[attr-defined]
        )
        self.stack.setCurrentWidget(self.play_page)

    def _on_rejected(self, reasons: list[str]) -> None:
        message = "Not accepted: " + "; ".join(reasons)
        self.statusBar().showMessage(message, 15000)
        self.play_page.show_notice(message)

    def _on_waiting(self, w: Waiting) -> None:
        self.play_page.clear()
        who = f"Still deciding: {w.waiting_for}. " if w.waiting_for else ""
        self.message_page.show_message(
            "Orders handed in",
            f"Turn {w.turn} of {w.turns}. {who}The results come when every state has handed in. "
            f"{w.deadline}".strip(),
        )
        self.stack.setCurrentWidget(self.message_page)

    def _on_finished(self, result: SeatResult) -> None:
        self.play_page.clear()
        self.connection_label.setText("The game is over.")
        self.result_page.show_result(result)
        self.setWindowTitle(f"Game over \u2014 {result.title} \u2014 {APP_NAME}")
        self.stack.setCurrentWidget(self.result_page)

    def _on_deadline(self, seconds_left: float | None) -> None:
        self._deadline = seconds_left
        self._since.start()
        if seconds_left is None:
            self._tick.stop()
        else:
            self._tick.start()
        self._show_deadline()

    def _on_paused(self, paused: bool) -> None:
        if paused:
            self.deadline_label.setText("Paused by the facilitator")

    def _show_deadline(self) -> None:
        if self._deadline is None:
            self.deadline_label.setText("")
            return
        left = max(0, round(self._deadline - self._since.elapsed() / 1000))
        self.deadline_label.setText(f"Turn closes in {left // 60}:{left % 60:02d}")

    def _on_refused(self, why: str) -> None:
        self.play_page.clear()
        self.message_page.show_message("Not joined", why[:1].upper() + why[1:] + ".", busy=False)
        self.stack.setCurrentWidget(self.message_page)
