"""The facilitator's "Host a class" window: choose the scenario and who the computer plays, then
show the class, large enough for a projector: where to join (with a QR code), one code per
seat, who has joined and handed in orders, and a switch per seat to let the computer play it."""

from __future__ import annotations

import io
from pathlib import Path

import segno
from PySide6.QtCore import Qt, QTime, QTimer
from PySide6.QtGui import QCloseEvent, QFont, QFontDatabase, QFontMetrics, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from wargame.ai import DEFAULT_LEVEL, LEVELS
from wargame.net.host import HostEvent
from wargame.net.hosting import HostedClass
from wargame.net.server import DEFAULT_PORT
from wargame.scenario import Scenario

from . import dialogs
from .host_presenter import ClassOptions, HostPresenter
from .resources import APP_NAME, app_icon
from .session_files import FILE_FILTER
from .widgets import heading, muted, text

EVERY_NETWORK, THIS_COMPUTER = "0.0.0.0", "127.0.0.1"
ADDRESS_SCALE = 2.6  # the class's address, times the normal type, when it fits
STOP_WARNING = (
    "Stop hosting? Every student is disconnected. The class is saved: "
    "“Resume a class…” continues it with the same codes, and the students come back by themselves."
)


def browser_address(address: str) -> str:
    """What a student types in a browser to reach the class at `address` (host:port)."""
    return f"http://{address}/"


def qr_pixmap(data: str, scale: int) -> QPixmap:
    """A QR code of `data` (made by segno, in pure Python), `scale` pixels a module."""
    png = io.BytesIO()
    segno.make(data, error="m").save(png, kind="png", scale=scale, border=2)
    pixmap = QPixmap()
    pixmap.loadFromData(png.getvalue(), "PNG")
    return pixmap


class _SetupPage(QWidget):
    def __init__(self, scenarios: list[Scenario]):
        super().__init__()
        self.setObjectName("hostSetupPage")
        self.scenarios = scenarios
        self.scenario = QComboBox()
        self.scenario.setObjectName("hostScenario")
        for s in scenarios:
            self.scenario.addItem(f"{s.title} ({len(s.states)} states, {s.turns} turns)", s.id)
        self.computer = QListWidget()
        self.computer.setObjectName("hostComputerSeats")
        self.computer.setMaximumHeight(self.fontMetrics().height() * 9)
        self.level = QComboBox()
        self.level.setObjectName("hostLevel")
        for level in LEVELS:
            self.level.addItem(level, level)
        self.level.setCurrentIndex(list(LEVELS).index(DEFAULT_LEVEL))
        self.bind = QComboBox()
        self.bind.setObjectName("hostBind")
        self.bind.addItem("Every network of this computer (students join)", EVERY_NETWORK)
        self.bind.addItem("This computer only (to try it out)", THIS_COMPUTER)
        self.port = QSpinBox()
        self.port.setObjectName("hostPort")
        self.port.setRange(1024, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.duplicates = QComboBox()
        self.duplicates.setObjectName("hostDuplicates")
        self.duplicates.addItem("is refused while the first is connected", False)
        self.duplicates.addItem("replaces the first", True)
        self.deadline = QSpinBox()
        self.deadline.setObjectName("hostDeadline")
        self.deadline.setRange(0, 120)
        self.deadline.setSpecialValueText("none")
        self.deadline.setSuffix(" min")
        self.start = QPushButton("Start the class")
        self.start.setObjectName("startClassButton")
        self.start.setDefault(True)
        self.resume = QPushButton("Resume a class\u2026")
        self.resume.setObjectName("resumeClassButton")
        form = QFormLayout()
        form.addRow("Scenario", self.scenario)
        form.addRow("The computer plays", self.computer)
        form.addRow("Computer's level", self.level)
        form.addRow("Listen on", self.bind)
        form.addRow("Port", self.port)
        form.addRow("A second computer with a seat's code", self.duplicates)
        form.addRow("Time for each turn", self.deadline)
        buttons = QHBoxLayout()
        buttons.addWidget(self.resume)
        buttons.addStretch(1)
        buttons.addWidget(self.start)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(heading("Host a class", 1.6))
        layout.addWidget(
            text(
                "Each team plays its state from its own computer: they need this program and, "
                "on the next screen, the address and their state's code. Students' computers "
                "must be on the same network as this one."
            )
        )
        form_box = QWidget()
        form_box.setLayout(form)
        form_box.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 60)
        layout.addWidget(form_box)
        layout.addWidget(
            muted(
                "At the deadline, states that have not handed in orders are played by the "
                "computer for that turn. You can also hand an absent team's state to the "
                "computer at any time."
            )
        )
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.scenario.currentIndexChanged.connect(self._fill_seats)
        self._fill_seats()

    def chosen(self) -> Scenario:
        return self.scenarios[self.scenario.currentIndex()]

    def computer_seats(self) -> tuple[str, ...]:
        items = (self.computer.item(i) for i in range(self.computer.count()))
        return tuple(
            i.data(Qt.ItemDataRole.UserRole)
            for i in items
            if i.checkState() == Qt.CheckState.Checked
        )

    def _fill_seats(self) -> None:
        self.computer.clear()
        if not self.scenarios:
            return
        for spec in self.chosen().states:
            item = QListWidgetItem(spec.name)
            item.setData(Qt.ItemDataRole.UserRole, spec.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.computer.addItem(item)


class _ClassPage(QWidget):
    """The projector screen: where to join, the seats' codes, who is in."""

    def __init__(self, presenter: HostPresenter):
        super().__init__()
        self.setObjectName("hostClassPage")
        self.presenter = presenter
        self.title = heading("", 1.8, "classTitle")
        self.turn = heading("", 1.3, "classTurn")
        # the browser's address, as large as the column allows (a projector at the back of
        # the room); an address never wraps, the font shrinks instead
        self.address = QLabel("")
        self.address.setObjectName("classAddress")
        self.address.setTextFormat(Qt.TextFormat.PlainText)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.address.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.url = ""  # what the big address and the QR code say
        self.qr = QLabel()
        self.qr.setObjectName("classQrCode")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.how = text("", "classHowToJoin")
        self.how.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.seats = QGridLayout()
        self.seats.setHorizontalSpacing(28)
        self.seats.setVerticalSpacing(10)
        self.show_codes = QCheckBox("Show the codes")
        self.show_codes.setObjectName("showCodesBox")
        self.show_codes.setChecked(True)
        self.show_codes.setToolTip("Hide them once every team has joined (they keep their seats)")
        self.show_codes.toggled.connect(self._codes_visible)
        self.log = QListWidget()
        self.log.setObjectName("classLog")
        self.log.setMaximumHeight(self.fontMetrics().height() * 7)
        self.saving = muted("", "classFile")
        self.stop = QPushButton("Stop hosting\u2026")
        self.stop.setObjectName("stopClassButton")
        self.white_cell_button = QPushButton("Control cell and white cell\u2026")
        self.white_cell_button.setObjectName("classWhiteCellButton")
        self.white_cell_button.setToolTip(
            "Your own screen: every state's secrets, and the white cell to steer the crisis"
        )
        self._rows: dict[str, tuple[QLabel, QLabel, QCheckBox]] = {}
        self._hosted: HostedClass | None = None
        self._turn_text = ""
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_turn)
        join = QVBoxLayout()
        join.addWidget(heading("Join at", 1.3))
        join.addWidget(self.address)
        join.addWidget(self.qr)
        join.addWidget(self.how)
        join.addStretch(1)
        seats = QVBoxLayout()
        seats.addLayout(self.seats)
        seats.addWidget(self.show_codes)
        seats.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(join, 2)
        body.addSpacing(32)
        body.addLayout(seats, 3)
        bottom = QHBoxLayout()
        bottom.addWidget(self.saving, 1)
        bottom.addWidget(self.white_cell_button)
        bottom.addWidget(self.stop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.title)
        layout.addWidget(self.turn)
        layout.addLayout(body, 1)
        layout.addWidget(self.log)
        layout.addLayout(bottom)

    def show_class(self, hosted: HostedClass) -> None:
        host = hosted.host
        m = host.match
        self._hosted = hosted
        self._tick.start()
        self.title.setText(m.scenario.title)
        addresses = hosted.addresses
        self.url = browser_address(addresses[0])
        self.address.setText("\n".join(browser_address(a) for a in addresses))
        self._fit_address()
        self.qr.setPixmap(qr_pixmap(self.url, 10))
        self.qr.setToolTip(self.url)
        self.qr.setAccessibleName(f"QR code of {self.url}")
        self.how.setText(
            "In a browser: type this address, or scan the code with a phone or tablet. "
            f"In Crisis Wargame: File \u203a Join a Class\u2026, {addresses[0]}. "
            "Then your state and its code."
        )
        self.saving.setText(f"Saving to {hosted.path}")
        self._build_rows(hosted)
        self.show_event(
            HostEvent(
                "the class is open",
                m.state.turn,
                m.scenario.turns,
                m.finished,
                host.seat_statuses(),
            )
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_address()

    def _fit_address(self) -> None:
        """The largest type (up to ADDRESS_SCALE times the normal) at which every address
        fits the join column on one line."""
        lines = self.address.text().splitlines() or [""]
        room = max(self.address.width(), 100) - 8
        font = QFont(self.font())
        font.setBold(True)
        base = self.font().pointSizeF()
        scale = ADDRESS_SCALE
        while scale > 1.0:
            font.setPointSizeF(base * scale)
            widest = max(QFontMetrics(font).horizontalAdvance(line) for line in lines)
            if widest <= room:
                break
            scale -= 0.1
        font.setPointSizeF(base * max(scale, 1.0))
        if font != self.address.font():
            self.address.setFont(font)

    def show_event(self, event: HostEvent) -> None:
        self._turn_text = (
            "The game is over." if event.finished else f"Turn {event.turn} of {event.turns}"
        )
        self._show_turn()
        for s in event.seats:
            row = self._rows.get(s.seat)
            if row is None:
                continue
            _, status, computer = row
            if s.handed_in:
                words = "orders handed in"
            elif s.played_by == "computer":
                words = "computer plays"
            else:
                words = "deciding" if s.connected else "not connected"
            status.setText(("\u25cf " if s.connected else "\u25cb ") + words)
            computer.blockSignals(True)
            computer.setChecked(s.played_by == "computer")
            computer.blockSignals(False)
        when = QTime.currentTime().toString("HH:mm:ss")
        self.log.insertItem(0, f"{when}  {event.text[:1].upper()}{event.text[1:]}")

    def clear(self) -> None:
        self._hosted = None
        self._tick.stop()

    def _show_turn(self) -> None:
        """The turn, and the time left in it when there is a deadline (counted by the host)."""
        deadline = self._hosted.host.deadline() if self._hosted is not None else None
        if deadline is None:
            self.turn.setText(self._turn_text)
            return
        left = round(deadline.seconds_left)
        self.turn.setText(f"{self._turn_text} \u00b7 closes in {left // 60}:{left % 60:02d}")

    def _build_rows(self, hosted: HostedClass) -> None:
        while self.seats.count():
            item = self.seats.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self._rows.clear()
        host = hosted.host
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(self.font().pointSizeF() * 2.4)
        mono.setWeight(QFont.Weight.Bold)
        for col, title in enumerate(("State", "Join code", "Now", "")):
            self.seats.addWidget(heading(title, 1.1), 0, col)
        for row, seat in enumerate(host.match.seats, 1):
            name = heading(host.match.scenario.state(seat).name, 1.6)
            code = QLabel(host.codes.get(seat, "computer"))
            code.setObjectName(f"code_{seat}")
            code.setFont(mono if seat in host.codes else self.font())
            code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            status = heading("", 1.15, f"status_{seat}")
            status.setFont(self._plain(status.font()))
            computer = QCheckBox("Computer plays")
            computer.setObjectName(f"autoplay_{seat}")
            computer.setEnabled(seat in host.codes)
            computer.setToolTip("Let the computer play this state while its team is away")
            computer.toggled.connect(lambda on, s=seat: self.presenter.set_autoplay(s, on))
            for col, widget in enumerate((name, code, status, computer)):
                self.seats.addWidget(widget, row, col)
            self._rows[seat] = (code, status, computer)

    @staticmethod
    def _plain(font: QFont) -> QFont:
        font.setBold(False)
        return font

    def _codes_visible(self, visible: bool) -> None:
        for code, _, _ in self._rows.values():
            code.setVisible(visible)


class HostWindow(QMainWindow):
    def __init__(
        self, presenter: HostPresenter, scenarios: list[Scenario], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("hostWindow")
        self.setWindowTitle(f"Host a class \u2014 {APP_NAME}")
        self.setWindowIcon(app_icon())
        self.presenter = presenter
        self.setup_page = _SetupPage(scenarios)
        self.class_page = _ClassPage(presenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.setup_page)
        self.stack.addWidget(self.class_page)
        self.setCentralWidget(self.stack)
        self.setup_page.start.clicked.connect(self.start_class)
        self.setup_page.resume.clicked.connect(lambda: self.resume_class())
        self.class_page.stop.clicked.connect(self._confirm_stop)
        self.class_page.white_cell_button.clicked.connect(lambda: self.open_white_cell())
        presenter.sig_class_started.connect(self._on_started)
        presenter.sig_class_changed.connect(self.class_page.show_event)
        presenter.sig_class_stopped.connect(self.class_page.clear)
        presenter.sig_class_stopped.connect(lambda: self.stack.setCurrentWidget(self.setup_page))
        presenter.sig_busy_changed.connect(self._on_busy)
        presenter.sig_error_occurred.connect(lambda message: dialogs.show_error(self, message))
        self.resize(1280, 800)

    # --- public API -------------------------------------------------------------------------------

    def options(self, path: Path) -> ClassOptions:
        p = self.setup_page
        return ClassOptions(
            p.chosen(),
            p.computer_seats(),
            p.level.currentData(),
            p.bind.currentData(),
            p.port.value(),
            bool(p.duplicates.currentData()),
            p.deadline.value(),
            path,
        )

    def start_class(self, path: Path | None = None) -> None:
        from wargame.persistence.recent import new_session_path

        scenario = self.setup_page.chosen()
        if len(self.setup_page.computer_seats()) == len(scenario.states):
            dialogs.show_error(self, "Leave at least one state for a team to play.")
            return
        self.presenter.start(self.options(path or new_session_path(scenario.id)))

    def resume_class(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, "Resume a class", str(Path.home()), FILE_FILTER
            )
            if not path:
                return
        self.presenter.resume(Path(path), self.options(Path(path)))

    def open_white_cell(self):  # noqa: ANN201 - white_cell_hooks.WhiteCellParts, lazily
        """The class's control cell with the white cell, on the facilitator's own screen."""
        from .white_cell_hooks import open_class_control_cell

        return open_class_control_cell(self)

    # --- Qt overrides -----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.presenter.hosting and not dialogs.confirm(
            self, "Stop hosting", STOP_WARNING, "Stop hosting"
        ):
            event.ignore()
            return
        self.presenter.stop()
        super().closeEvent(event)

    # --- private --------------------------------------------------------------------------------

    def _on_started(self, hosted: HostedClass) -> None:
        self.class_page.show_class(hosted)
        self.setWindowTitle(f"Hosting {hosted.host.match.scenario.title} \u2014 {APP_NAME}")
        self.stack.setCurrentWidget(self.class_page)

    def _on_busy(self, busy: bool, label: str) -> None:
        for button in (self.setup_page.start, self.setup_page.resume):
            button.setEnabled(not busy)
        self.statusBar().showMessage(label if busy else "")

    def _confirm_stop(self) -> None:
        if dialogs.confirm(self, "Stop hosting", STOP_WARNING, "Stop hosting"):
            self.presenter.stop()
