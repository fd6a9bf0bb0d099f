"""Writing the report and the handouts to PDF and HTML: the HTML comes from the engine's debrief
(wargame.debrief.report_html), the charts from print_charts, the PDF from Qt's own rich-text
layout (QTextDocument) and PDF writer (QPdfWriter), with page numbers. No file is written by
hand, and none is left half-written: each goes to a temporary file beside its target first.

Used by File > Export report in the GUI and by `wargame report` / `wargame handouts`, which
import it lazily (the engine never imports Qt)."""

from __future__ import annotations

import base64
import os
import secrets
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QMarginsF, QUrl
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from wargame.debrief import Report
from wargame.debrief.report_html import report_html

from .print_charts import chart_images, png_bytes

RESOLUTION = 300  # dots per inch of the PDF's layout
MARGIN_MM = 0  # QTextDocument.print_ keeps 2 cm margins of its own inside the page
CREATOR = "Crisis Wargame"


class ReportWriteError(OSError):
    """A report or handout that could not be written; the text says which file and why."""


def write_report(
    report: Report,
    pdf: Path | None = None,
    html: Path | None = None,
    images: Mapping[str, QImage] | None = None,
) -> list[Path]:
    """Write the report as PDF and/or HTML; returns the files written. With the charts drawn
    already (`images`), nothing here needs the GUI thread."""
    if images is None:
        images = chart_images(report.charts)
    title = f"After-action report: {report.title}"
    written = []
    if pdf is not None:
        text = report_html(report, {key: f"chart:{key}" for key in images})
        written.append(write_pdf(text, pdf, title, images))
    if html is not None:
        text = report_html(report, {key: data_uri(image) for key, image in images.items()})
        written.append(write_text(text, html))
    return written


def write_pdf(
    html: str, path: Path, title: str, images: Mapping[str, QImage] | None = None
) -> Path:
    """Lay out `html` on A4 pages and write them to `path`; `images` are the `chart:KEY` sources."""
    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Serif", 10))
    for key, image in (images or {}).items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"chart:{key}"), image)
    document.setHtml(html)

    def paint(tmp: Path) -> None:
        writer = QPdfWriter(str(tmp))
        writer.setTitle(title)
        writer.setCreator(CREATOR)
        writer.setResolution(RESOLUTION)
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter
        )
        document.print_(writer)
        del writer  # the file is finished when the writer goes

    return _atomic(path, paint)


def write_text(text: str, path: Path) -> Path:
    return _atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def data_uri(image: QImage) -> str:
    return "data:image/png;base64," + base64.b64encode(png_bytes(image)).decode("ascii")


def _atomic(path: Path, make: Callable[[Path], None]) -> Path:
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ReportWriteError(f"cannot write {path}: the folder {folder} does not exist")
    # a fresh name beside the target, created by the writer itself (so with the usual rights)
    tmp = folder / f".{path.name}.{secrets.token_hex(6)}.tmp"
    try:
        make(tmp)
        if tmp.stat().st_size == 0:
            raise ReportWriteError(f"cannot write {path}: nothing could be written")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, ReportWriteError):
            raise
        raise ReportWriteError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


_APP = None  # the application made for a command run without the GUI


def ensure_app() -> None:
    """A Qt application for drawing charts and laying out pages, offscreen when there is none
    (the headless commands): nothing is ever shown."""
    global _APP
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _APP = QApplication(["wargame"])
