""" "Join a class": the host's address, the seat, and the seat's join code.

Once an address is typed, the dialog asks the host which seats it has (on the task runner: the
window never waits for the network) and offers them by name."""

from __future__ import annotations

import json
import urllib.request
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wargame.net.client import AddressError, ws_url
from wargame.net.codes import normalize_code

from .tasks import TaskRunner
from .widgets import muted

LOOKUP_SECONDS = 5
MAX_INFO_BYTES = 256 * 1024


@dataclass(frozen=True)
class JoinRequest:
    address: str
    seat: str
    code: str


def class_info_url(address: str) -> str:
    """The host's public page of seats, from the address a student types."""
    url = ws_url(address)
    return "http" + url[2:].removesuffix("/ws") + "/api/class"


def fetch_seats(address: str) -> list[tuple[str, str]]:
    """(seat id, name) of every seat people play in the host's classes."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # a class is local
    with opener.open(class_info_url(address), timeout=LOOKUP_SECONDS) as response:
        data = json.loads(response.read(MAX_INFO_BYTES))
    return [
        (str(s["seat"]), str(s["name"]))
        for c in data.get("classes", [])
        for s in c.get("seats", [])
        if s.get("played_by") == "person"
    ]


class JoinDialog(QDialog):
    def __init__(self, runner: TaskRunner, address: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("joinDialog")
        self.setWindowTitle("Join a class")
        self.runner = runner
        self.address = QLineEdit(address)
        self.address.setObjectName("joinAddress")
        self.address.setPlaceholderText("e.g. 192.168.1.20:8470 (on the projector)")
        self.find = QPushButton("Find the seats")
        self.find.setObjectName("findSeatsButton")
        self.seat = QComboBox()
        self.seat.setObjectName("joinSeat")
        self.seat.setEditable(True)
        self.seat.setToolTip("Your state; its id works too (e.g. aurelia)")
        self.code = QLineEdit()
        self.code.setObjectName("joinCode")
        self.code.setPlaceholderText("e.g. K7QX-M2TB")
        self.note = muted("Your facilitator gives each team its seat's code.", "joinNote")
        form = QFormLayout()
        form.addRow("Host address", self.address)
        form.addRow("", self.find)
        form.addRow("Your state", self.seat)
        form.addRow("Join code", self.code)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Join")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.find.clicked.connect(self.find_seats)
        for edit in (self.address, self.code):
            edit.textChanged.connect(self._update)
        self.seat.currentTextChanged.connect(self._update)
        self._update()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 32)

    # --- public API -------------------------------------------------------------------------------

    def request(self) -> JoinRequest:
        index = self.seat.currentIndex()
        typed = self.seat.currentText().strip()
        seat = (
            self.seat.itemData(index) if index >= 0 and self.seat.itemText(index) == typed else None
        )
        return JoinRequest(
            self.address.text().strip(), seat or typed.lower(), normalize_code(self.code.text())
        )

    def find_seats(self) -> None:
        address = self.address.text().strip()
        try:
            ws_url(address)
        except AddressError as exc:
            self.note.setText(str(exc))
            return
        self.note.setText("Asking the host\u2026")
        self.find.setEnabled(False)
        self.runner.run(
            "Finding the seats", lambda: fetch_seats(address), self._found, self._not_found
        )

    # --- private --------------------------------------------------------------------------------

    def _found(self, seats: list[tuple[str, str]]) -> None:
        self.find.setEnabled(True)
        self.seat.clear()
        for seat, name in seats:
            self.seat.addItem(name, seat)
        self.note.setText("Choose your state and type its code." if seats else "No seats there.")
        self._update()

    def _not_found(self, exc: Exception) -> None:
        self.find.setEnabled(True)
        self.note.setText(
            f"No class answered at that address ({exc}). Check it, and that this computer is on "
            "the same network as the host."
        )

    def _update(self) -> None:
        request = self.request()
        try:
            ws_url(request.address)
            ok = bool(request.seat and request.code)
        except AddressError:
            ok = False
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
