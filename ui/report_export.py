"""File > Export report: whose report (the facilitator's, or one seat's with only what it saw),
where, and as PDF or HTML; then written by report_writer. The window calls `add_export_action`
once and `export_report` when asked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QWidget

from wargame.debrief import DebriefError, Played, build_report

from . import dialogs

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


def export_report(parent: QWidget, played: Played) -> Path | None:
    """Ask whose report and where, then write it; the file written, or None."""
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
    if not path:
        return None
    return write_chosen(parent, played, seat, Path(path), chosen)


def write_chosen(
    parent: QWidget, played: Played, seat: str | None, path: Path, chosen: str = ""
) -> Path | None:
    from .report_writer import ReportWriteError, write_report

    html = path.suffix.lower() in (".html", ".htm") or (
        chosen == HTML_FILTER and path.suffix.lower() != ".pdf"
    )
    if not path.suffix:
        path = path.with_suffix(".html" if html else ".pdf")
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
