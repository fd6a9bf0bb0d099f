"""File > Host a Class... and File > Join a Class...: the windows of a class on many computers.

Added to the main window by one call (`ClassMenu(window, before)`), which keeps the windows it
opens: one host window, and one window per seat joined from this computer.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from . import dialogs
from .tasks import ThreadTaskRunner


class ClassMenu:
    def __init__(self, window: QMainWindow, before: QAction):
        self.window = window
        self.host_action = QAction("&Host a Class\u2026", window)
        self.host_action.setObjectName("actionHostClass")
        self.host_action.setStatusTip("Teams play from their own computers: host the session here")
        self.join_action = QAction("&Join a Class\u2026", window)
        self.join_action.setObjectName("actionJoinClass")
        self.join_action.setStatusTip("Play your state in a class hosted on another computer")
        for widget in before.associatedObjects():
            if widget is not window and hasattr(widget, "insertAction"):
                widget.insertAction(before, self.host_action)
                widget.insertAction(before, self.join_action)
                widget.insertSeparator(before)
                break
        self.host_action.triggered.connect(lambda _c=False: self.host())
        self.join_action.triggered.connect(lambda _c=False: self.join())
        self.runner = ThreadTaskRunner(window)  # its own worker: a class starts while a game runs
        self.host_window = None
        self.client_windows: list = []
        self.last_address = ""

    def host(self):  # noqa: ANN201 - HostWindow, imported lazily
        """Show the host window (made on first use)."""
        if self.host_window is None:
            from wargame.scenario.library import catalogue

            from .host_presenter import HostPresenter
            from .host_window import HostWindow

            scenarios = [e.scenario for e in catalogue() if e.scenario is not None]
            presenter = HostPresenter(self.runner)
            self.host_window = HostWindow(presenter, scenarios)
            presenter.setParent(self.host_window)
        self.host_window.show()
        self.host_window.raise_()
        self.host_window.activateWindow()
        return self.host_window

    def join(self, request=None):  # noqa: ANN001, ANN201 - JoinRequest; ClassClientWindow
        """Ask for the address, seat and code (unless given), then open the seat's window."""
        from wargame.net.client import AddressError

        from .client_window import ClassClientWindow
        from .join_dialog import JoinDialog
        from .remote_presenter import RemoteSeatPresenter

        if request is None:
            dialog = JoinDialog(self.runner, self.last_address, self.window)
            if not dialog.exec():
                return None
            request = dialog.request()
        self.last_address = request.address
        presenter = RemoteSeatPresenter()
        client = ClassClientWindow(presenter)
        presenter.setParent(client)
        try:
            presenter.join(request.address, request.seat, request.code)
        except AddressError as exc:
            client.deleteLater()
            dialogs.show_error(self.window, str(exc))
            return None
        self.client_windows = [w for w in self.client_windows if w.isVisible()] + [client]
        client.show()
        return client

    def close_all(self) -> None:
        """Before the app quits: stop hosting (after asking) and leave the seats."""
        for window in [*self.client_windows, self.host_window]:
            if window is not None:
                window.close()
