"""File > Export report: whose report (the facilitator's, or one seat's with only what it saw),
where, and as PDF or HTML; then written by report_writer. The window calls `add_export_action`
once and `export_report` when asked.

Writing a report takes seconds (its charts at print resolution, pages laid out as PDF), so the
window does it in steps (`ReportExport`): the report is built and the file written on the task
runner's worker; the charts, which pyqtgraph can only draw on the GUI thread, are drawn one at a
time with the event loop running between them, and the status bar shows how far it is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QWidget

from wargame.debrief import DebriefError, Played, build_report

from . import dialogs
from .tasks import TaskRunner

PDF_FILTER = "PDF document (*.pdf)"
HTML_FILTER = "Web page (*.html)"
FACILITATOR = "The facilitator: everything, every secret"


def add_export_action(window: QMainWindow, after: QAction) -> QAction:
    """File > Export Report..., placed after `after` in the same menu."""
    action = QAction("&Export Report\u2026", window)
    action.setObjectName("actionExportReport")
    tip = "Write the after-action report (timeline, charts, scores, questions) as PDF or HTML"
    action.setStatusTip(tip)
    action.setToolTip(tip)
    action.setShortcut("Ctrl+Shift+E")
    for widget in after.associatedObjects():
        menu = getattr(widget, "insertAction", None)
        if menu is None or widget is window:
            continue
        actions = widget.actions()
        index = actions.index(after) if after in actions else len(actions) - 1
        following = actions[index + 1] if index + 1 < len(actions) else None
        widget.insertAction(following, action)
        break
    return action


def ask_reader(parent: QWidget, played: Played) -> str | None | bool:
    """The seat whose report to write, None for the facilitator's, False when cancelled."""
    choices = [FACILITATOR] + [f"{s.name}: only what it saw" for s in played.seats]
    choice, ok = QInputDialog.getItem(
        parent, "Export report", "Whose report?", choices, 0, editable=False
    )
    if not ok:
        return False
    if choice == FACILITATOR:
        return None
    return played.seats[choices.index(choice) - 1].seat


def ask_target(parent: QWidget, played: Played) -> tuple[str | None, Path, str] | None:
    """Ask whose report and where: (seat or None, path, chosen filter), or None if cancelled."""
    if not played.turns:
        dialogs.show_error(parent, "No turn has been played yet: there is nothing to report.")
        return None
    seat = ask_reader(parent, played)
    if seat is False:
        return None
    stem = played.scenario.id + ("-report" if seat is None else f"-{seat}-report")
    path, chosen = QFileDialog.getSaveFileName(
        parent,
        "Export the report",
        str(Path.home() / f"{stem}.pdf"),
        f"{PDF_FILTER};;{HTML_FILTER}",
    )
    return (seat, Path(path), chosen) if path else None


def target_file(path: Path, chosen: str = "") -> tuple[Path, bool]:
    """The file to write and whether it is HTML (else PDF), from the name and the filter."""
    html = path.suffix.lower() in (".html", ".htm") or (
        chosen == HTML_FILTER and path.suffix.lower() != ".pdf"
    )
    if not path.suffix:
        path = path.with_suffix(".html" if html else ".pdf")
    return path, html


class ReportExport(QObject):
    """One report being written, in steps that keep the window responsive."""

    # --- signals ----------------------------------------------------------------------------
    sig_progress = Signal(str)  # what it is doing now ("" when done)
    sig_written = Signal(object)  # the Path written
    sig_failed = Signal(str)  # why not

    def __init__(
        self,
        runner: TaskRunner,
        played: Played,
        seat: str | None,
        path: Path,
        html: bool,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.runner, self.played, self.seat, self.path, self.html = runner, played, seat, path, html
        self.images: dict = {}
        self._keys: list[str] = []
        self._report = None

    def start(self) -> None:
        self.sig_progress.emit("Preparing the report")
        played, seat = self.played, self.seat
        self.runner.run(
            "Preparing the report", lambda: build_report(played, seat), self._built, self._failed
        )

    def _built(self, report: object) -> None:
        from .print_charts import chart_keys

        self._report = report
        self._keys = chart_keys(report.charts)  # type: ignore[attr-defined]
        QTimer.singleShot(0, self._draw_next)

    def _draw_next(self) -> None:
        from .print_charts import chart_image

        done = len(self.images)
        if done < len(self._keys):
            self.sig_progress.emit(f"Drawing the charts: {done + 1} of {len(self._keys)}")
            key = self._keys[done]
            self.images[key] = chart_image(self._report.charts, key)  # type: ignore[union-attr]
            QTimer.singleShot(0, self._draw_next)
            return
        from .report_writer import write_report

        report, images, path, html = self._report, self.images, self.path, self.html
        self.sig_progress.emit(f"Writing {path.name}")
        self.runner.run(
            f"Writing {path.name}",
            lambda: write_report(report, None if html else path, path if html else None, images),
            lambda _written: self._finish(),
            self._failed,
        )

    def _finish(self) -> None:
        self.sig_progress.emit("")
        self.sig_written.emit(self.path)

    def _failed(self, exc: Exception) -> None:
        self.sig_progress.emit("")
        self.sig_failed.emit(f"The report could not be written: {exc}")


def export_report(parent: QWidget, played: Played) -> Path | None:
    """Ask whose report and where, then write it at once (for scripts and tests; the window
    uses `ReportExport`); the file written, or None."""
    target = ask_target(parent, played)
    if target is None:
        return None
    seat, path, chosen = target
    return write_chosen(parent, played, seat, path, chosen)


def write_chosen(
    parent: QWidget, played: Played, seat: str | None, path: Path, chosen: str = ""
) -> Path | None:
    from .report_writer import ReportWriteError, write_report

    path, html = target_file(path, chosen)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        report = build_report(played, seat)
        write_report(report, None if html else path, path if html else None)
    except (ReportWriteError, DebriefError) as exc:
        QGuiApplication.restoreOverrideCursor()
        dialogs.show_error(parent, f"The report could not be written: {exc}")
        return None
    QGuiApplication.restoreOverrideCursor()
    return path
