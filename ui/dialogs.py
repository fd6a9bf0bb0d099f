"""About and help dialogs, and the few questions the window asks."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from .resources import APP_NAME, VERSION, app_icon
from .start_page import HOW_TO_PLAY

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

SHORTCUTS = """
<h3>Keyboard</h3>
<table>
<tr><td>Ctrl+N</td><td>New game</td></tr>
<tr><td>Ctrl+O</td><td>Open a session</td></tr>
<tr><td>Ctrl+Shift+S</td><td>Save the session as</td></tr>
<tr><td>Ctrl+Enter</td><td>Submit this turn's orders</td></tr>
<tr><td>Ctrl+1 \u2026 Ctrl+4</td><td>Orders, Negotiation, News, Charts</td></tr>
<tr><td>Delete</td><td>Remove the selected queued order</td></tr>
<tr><td>Ctrl+Shift+F</td><td>Control cell view (for the facilitator)</td></tr>
<tr><td>F11</td><td>Full screen</td></tr>
<tr><td>F1</td><td>This help</td></tr>
</table>
"""


def show_about(parent: QWidget) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle(f"About {APP_NAME}")
    box.setIconPixmap(app_icon().pixmap(96, 96))
    box.setText(ABOUT)
    return _open(box)


def show_help(parent: QWidget) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("helpBox")
    box.setWindowTitle(f"How to play {APP_NAME}")
    box.setText("<h2>How a game works</h2>" + HOW_TO_PLAY + SHORTCUTS)
    return _open(box)


def confirm(parent: QWidget, title: str, question: str, yes: str) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.Cancel, parent
    )
    ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is ok


def show_error(parent: QWidget, message: str, details: str = "") -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Warning, APP_NAME, message, QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("errorBox")
    if details and details != message:
        box.setDetailedText(details)
    return _open(box)


def _open(box: QMessageBox) -> QMessageBox:
    """Window-modal but not blocking: the event loop (and any running turn) carries on."""
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
