"""The manual (F1, Help > Manual): the Markdown documents shipped with the program, readable
offline, in a window of its own beside the game.

Contents on the left (each document and its sections), the page on the right (Qt renders the
Markdown itself), a find box, and Export as PDF to print a page. Links between the documents
open in the window; links to the web go to the browser. `resources.manual_documents` says where
the documents are; nothing here knows.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .resources import APP_NAME, manual_documents
from .widgets import fit_to_screen, muted

PATH_ROLE = Qt.ItemDataRole.UserRole
ANCHOR_ROLE = Qt.ItemDataRole.UserRole + 1
MISSING = (
    "The manual's documents are not in this copy of the program. They are the Markdown files "
    "in the docs folder of the source code (MANUAL.md, RULES.md, FACILITATORS.md, SCENARIOS.md)."
)
# what F1 opens on each page of the main window: a section of the manual
PAGE_SECTIONS = {
    "start": "getting-started",
    "setup": "starting-a-game",
    "handover": "several-players-at-one-computer",
    "play": "playing-a-turn",
    "end": "the-end-of-the-game-and-the-debrief",
}


def slug(heading: str) -> str:
    """A heading's anchor as GitHub makes it: 'The Narrow Strait (tutorial)' ->
    'the-narrow-strait-tutorial'."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


class HelpWindow(QWidget):
    # --- signals ----------------------------------------------------------------------------
    sig_page_shown = Signal(str)  # the document's file name

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("helpWindow")
        self.setWindowTitle(f"Manual \u2014 {APP_NAME}")
        self._documents = manual_documents()
        self._current: Path | None = None
        self.contents = QTreeWidget()
        self.contents.setObjectName("helpContents")
        self.contents.setHeaderHidden(True)
        self.contents.setAccessibleName("Contents of the manual")
        self.contents.currentItemChanged.connect(self._on_contents)
        self.page = QTextBrowser()
        self.page.setObjectName("helpPage")
        self.page.setAccessibleName("Manual page")
        self.page.setOpenLinks(False)
        self.page.anchorClicked.connect(self._on_link)
        self.find = QLineEdit()
        self.find.setObjectName("helpFind")
        self.find.setAccessibleName("Find in this page")
        self.find.setPlaceholderText("Find in this page (Enter: next)")
        self.find.setClearButtonEnabled(True)
        self.find.returnPressed.connect(self.find_next)
        self.find_note = muted("", "helpFindNote")
        self.export_button = QPushButton("Export as &PDF\u2026")
        self.export_button.setObjectName("helpExportButton")
        self.export_button.setToolTip("Save this page as a PDF document, to print it or share it")
        self.export_button.clicked.connect(self.export_pdf)
        close = QPushButton("Close")
        close.setObjectName("helpCloseButton")
        close.setToolTip("Close the manual (Esc)")
        close.clicked.connect(self.close)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        QShortcut(QKeySequence.StandardKey.Find, self, self.find.setFocus)
        top = QHBoxLayout()
        top.addWidget(self.find, 1)
        top.addWidget(self.find_note)
        top.addWidget(self.export_button)
        top.addWidget(close)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.contents)
        split.addWidget(self.page)
        split.setStretchFactor(1, 1)
        split.setSizes([260, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        fit_to_screen(self, 1000, 700)
        self._fill_contents()

    # --- public API ---------------------------------------------------------------------------

    @property
    def documents(self) -> list[tuple[Path, str]]:
        return list(self._documents)

    def open_document(self, name: str, anchor: str = "") -> bool:
        """Show a document (by file name, e.g. 'RULES.md'), at a section if given."""
        path = next((p for p, _ in self._documents if p.name == name), None)
        if path is None:
            return False
        if path != self._current:
            self._load(path)
        if anchor:
            self.page.scrollToAnchor(anchor)
        else:
            self.page.moveCursor(QTextCursor.MoveOperation.Start)
        self._select_in_contents(path, anchor)
        return True

    def open_section(self, anchor: str) -> None:
        """The manual at a section (F1 on a screen)."""
        if not self.open_document("MANUAL.md", anchor) and self._documents:
            self.open_document(self._documents[0][0].name)

    def find_next(self) -> bool:
        words = self.find.text().strip()
        if not words:
            self.find_note.setText("")
            return False
        found = self.page.find(words)
        if not found:  # from the top again
            self.page.moveCursor(QTextCursor.MoveOperation.Start)
            found = self.page.find(words)
        self.find_note.setText("" if found else "Not found")
        return found

    def export_pdf(self) -> Path | None:
        if self._current is None:
            return None
        title = self._title(self._current)
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Export the page as PDF",
            str(Path.home() / f"{self._current.stem.lower()}.pdf"),
            "PDF document (*.pdf)",
        )
        if not path:
            return None
        return self.write_pdf(Path(path if path.endswith(".pdf") else path + ".pdf"), title)

    def write_pdf(self, path: Path, title: str) -> Path | None:
        from . import dialogs
        from .report_writer import ReportWriteError, write_pdf

        try:
            return write_pdf(self.page.document().toHtml(), path, title)
        except ReportWriteError as exc:
            dialogs.show_error(self, f"The page could not be exported: {exc}")
            return None

    # --- private --------------------------------------------------------------------------------

    def _title(self, path: Path) -> str:
        return next((t for p, t in self._documents if p == path), path.stem)

    def _fill_contents(self) -> None:
        self.contents.clear()
        if not self._documents:
            self.page.setPlainText(MISSING)
            return
        for path, title in self._documents:
            top = QTreeWidgetItem([title])
            top.setData(0, PATH_ROLE, str(path))
            top.setData(0, ANCHOR_ROLE, "")
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for heading in _headings(path):
                child = QTreeWidgetItem([heading])
                child.setData(0, PATH_ROLE, str(path))
                child.setData(0, ANCHOR_ROLE, slug(heading))
                top.addChild(child)
            self.contents.addTopLevelItem(top)
        self.contents.topLevelItem(0).setExpanded(True)

    def _load(self, path: Path) -> None:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            self.page.setPlainText(f"{path.name} could not be read: {exc}")
            self._current = path
            return
        self.page.setMarkdown(text)
        _name_headings(self.page.document())
        self._current = path
        self.setWindowTitle(f"{self._title(path)} \u2014 Manual \u2014 {APP_NAME}")
        self.sig_page_shown.emit(path.name)

    def _select_in_contents(self, path: Path, anchor: str) -> None:
        self.contents.blockSignals(True)
        for i in range(self.contents.topLevelItemCount()):
            top = self.contents.topLevelItem(i)
            if top.data(0, PATH_ROLE) != str(path):
                continue
            top.setExpanded(True)
            chosen = top
            for j in range(top.childCount()):
                if anchor and top.child(j).data(0, ANCHOR_ROLE) == anchor:
                    chosen = top.child(j)
            self.contents.setCurrentItem(chosen)
        self.contents.blockSignals(False)

    def _on_contents(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        if item is None:
            return
        path = Path(str(item.data(0, PATH_ROLE)))
        self.open_document(path.name, str(item.data(0, ANCHOR_ROLE) or ""))

    def _on_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        name = Path(url.path()).name if url.path() else ""
        if name.endswith(".md"):
            if not self.open_document(name, url.fragment()):
                self.find_note.setText(f"{name} is not part of this manual")
        elif url.fragment():
            self.page.scrollToAnchor(url.fragment())


def _headings(path: Path) -> list[str]:
    """The second-level headings of a Markdown document (outside code blocks)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    out, fenced = [], False
    for line in lines:
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and line.startswith("## "):
            out.append(line[3:].strip())
    return out


def _name_headings(document: QTextDocument) -> None:
    """Give every heading the anchor GitHub would, so '#section' links and the contents work."""
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() > 0:
            cursor = QTextCursor(block)
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            fmt = cursor.charFormat()
            fmt.setAnchor(True)
            fmt.setAnchorNames([slug(block.text())])
            cursor.mergeCharFormat(fmt)
        block = block.next()
