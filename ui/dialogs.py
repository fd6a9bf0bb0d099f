"""The About box, error messages and the few questions the window asks (the manual is
help_window)."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from .resources import APP_NAME, VERSION, app_icon

ABOUT = f"""
<h2>{APP_NAME} {VERSION}</h2>
<p>A turn-based international crisis game for teaching international relations: alliances and
collective defense, treaties, diplomacy and mediation, soft power, the Security Council, arms
control, sanctions, great power competition and humanitarian intervention.</p>
<p>Every outcome comes with the numbers behind it: select an event in the News tab and press
<i>Why?</i>. The rules are calibrated against published historical rates (alliance reliability,
sanctions success, dispute escalation, war outcomes).</p>
<p>Open-source software (MIT licence). Built with Qt for Python (PySide6 {pyside_version}) and pyqtgraph.</p>
"""


def show_about(parent: QWidget) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle(f"About {APP_NAME}")
    box.setIconPixmap(app_icon().pixmap(96, 96))
    box.setText(ABOUT)
    return _open(box)


def confirm(parent: QWidget, title: str, question: str, yes: str) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.Cancel, parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is ok


def show_error(parent: QWidget, message: str, details: str = "") -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Warning, APP_NAME, message, QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("errorBox")
    box.setTextFormat(
        Qt.TextFormat.PlainText
    )  # messages name files and scenarios: shown as written
    if details and details != message:
        box.setDetailedText(details)
    return _open(box)


def _open(box: QMessageBox) -> QMessageBox:
    """Window-modal but not blocking: the event loop (and any running turn) carries on."""
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
