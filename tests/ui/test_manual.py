"""The manual: F1 and Help > Manual open the shipped documents (the player's manual, the rules,
the facilitator's guide, the scenario guide) in the app, offline, at the section about the
screen on show; links between them work; the packaged app ships them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence

from ui.help_window import PAGE_SECTIONS, HelpWindow, slug
from ui.resources import MANUAL_DOCUMENTS, docs_dir, manual_documents

ROOT = Path(__file__).resolve().parents[2]


def test_every_document_of_the_manual_is_in_the_source_and_the_package_build():
    assert [p.name for p, _ in manual_documents()] == [name for name, _ in MANUAL_DOCUMENTS]
    assert docs_dir() == ROOT / "docs"
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert "MANUAL_DOCUMENTS" in spec  # build.spec ships the list this module reads


def test_each_screen_has_its_section_in_the_manual():
    manual = (ROOT / "docs" / "MANUAL.md").read_text(encoding="utf-8")
    anchors = {slug(line[3:]) for line in manual.splitlines() if line.startswith("## ")}
    assert set(PAGE_SECTIONS.values()) <= anchors


def test_f1_opens_the_manual_at_the_screens_section(qtbot, make_window):
    window = make_window()
    action = window.actions.help
    assert QKeySequence("F1") in action.shortcuts()
    action.trigger()
    manual = window.show_manual()
    assert manual.isVisible()
    assert manual.contents.currentItem().text(0) == "Getting started"
    text = manual.page.toPlainText()
    assert "How to play Crisis Wargame" in text and "Playing a turn" in text
    titles = [
        manual.contents.topLevelItem(i).text(0) for i in range(manual.contents.topLevelItemCount())
    ]
    assert titles == [title for _, title in MANUAL_DOCUMENTS]


def test_links_between_documents_and_sections_open_in_the_window(qtbot):
    manual = HelpWindow()
    qtbot.addWidget(manual)
    manual.show()
    manual.open_section("playing-a-turn")
    manual.page.anchorClicked.emit(QUrl("RULES.md#3-the-moves"))
    assert "The rules of Crisis Wargame" in manual.page.toPlainText()
    assert manual.contents.currentItem().text(0) == "3. The moves"
    assert manual.find.placeholderText()
    manual.find.setText("casebook")
    assert manual.find_next()
    manual.find.setText("no such words anywhere xyzzy")
    assert not manual.find_next() and manual.find_note.text() == "Not found"


def test_a_page_exports_as_pdf(qtbot, tmp_path):
    manual = HelpWindow()
    qtbot.addWidget(manual)
    manual.open_document("MANUAL.md")
    out = manual.write_pdf(tmp_path / "manual.pdf", "How to play")
    assert out is not None and out.read_bytes().startswith(b"%PDF")
