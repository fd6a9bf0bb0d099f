"""The debrief screen: the timeline, the threads and questions, the what-if page (a branch, many
futures, run without threads here), and File > Export report."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMenu

from ui.debrief import debrief
from ui.end_page import EndPage
from ui.report_export import write_chosen
from ui.tasks import SyncTaskRunner
from wargame.ai import make_player
from wargame.match import Match


@pytest.fixture(scope="module")
def finished(tutorial):
    match = Match(tutorial, 5, {seat: make_player("easy") for seat in tutorial.state_ids})
    match.play_out()
    return debrief(match)


@pytest.fixture
def end_page(qtbot, finished):
    page = EndPage(whatif_runner=SyncTaskRunner())
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show_debrief(finished)
    return page


def test_the_timeline_and_threads_show_the_whole_session(end_page, finished):
    timeline = end_page.timeline
    assert timeline.topLevelItemCount() == finished.turns_played
    first = timeline.topLevelItem(0)
    assert first.text(0).startswith("Turn 1:")
    assert first.child(0).text(0).endswith("(computer, easy level)")
    text = end_page.threads.toPlainText()
    assert "Questions for discussion" in text and "Treaties: made, tested, kept and broken" in text
    scores = end_page.scores.topLevelItem(0)
    # first under each state: the rule that decided its outcome, in words
    assert scores.child(0).text(0).startswith(f"{scores.text(2)}: ")
    assert scores.toolTip(2) and scores.toolTip(2) in scores.child(0).text(0)
    assert any(
        " on turn " in scores.child(i).text(0) or "from the start" in scores.child(i).text(0)
        for i in range(scores.childCount())
    )


def test_a_branch_with_the_recorded_orders_changes_nothing(end_page):
    page = end_page.whatif
    page.choose(2, "carpathia")
    shown = []
    page.sig_branch_shown.connect(shown.append)
    page.play_branch()
    assert shown and shown[0]["identical_while_recorded"]
    assert page.status.text() == "The same history: these orders change nothing."


def test_a_changed_order_and_many_futures(end_page):
    page = end_page.whatif
    page.choose(4, "carpathia")
    given = [page.orders.item(i) for i in range(page.orders.count())]
    given = [item for item in given if item.text().endswith("(recorded)")]
    assert given  # leaving out an order given is always possible, whatever the game was
    assert page.set_checked(given[-1].text(), False)
    page.play_branch()
    assert "part from turn 4" in page.status.text()
    assert "What would have happened" in page.side_by_side.toPlainText()
    page.runs.setValue(2)
    futures = []
    page.sig_futures_shown.connect(futures.append)
    page.run_futures()
    assert futures and futures[0]["recorded"]["runs"] == 2
    assert "Highest rung reached" in page.futures.toPlainText()
    assert page.futures_button.isEnabled() and not page.stop_button.isEnabled()


def test_the_orders_are_found_by_their_words_and_the_ticked_stay_in_sight(end_page, qtbot):
    page = end_page.whatif
    page.choose(3, "aurelia")
    items = [page.orders.item(i) for i in range(page.orders.count())]
    ticked = [i for i in items if i.checkState() == i.checkState().Checked]
    qtbot.keyClicks(page.find, "impose dalmora")
    shown = [i for i in items if not i.isHidden()]
    found = [i for i in shown if i not in ticked]
    assert found and len(shown) < len(items)
    assert all("Impose" in i.text() and "Dalmora" in i.text() for i in found)
    assert all(not i.isHidden() for i in ticked)  # what will be given is never hidden
    page.find.clear()
    assert all(not i.isHidden() for i in items)


def test_refused_orders_are_explained_on_the_page(end_page):
    page = end_page.whatif
    page.choose(1, "dalmora")
    for i in range(page.orders.count()):  # more actions than a turn allows
        page.orders.item(i).setCheckState(page.orders.item(i).checkState().Checked)
    page.play_branch()
    assert page.status.text().startswith("Not possible: the game would not accept")


def test_the_report_is_exported_as_pdf_and_html(end_page, finished, tmp_path):
    pdf = write_chosen(end_page, finished.played, None, tmp_path / "report.pdf")
    html = write_chosen(end_page, finished.played, "dalmora", tmp_path / "dalmora.html")
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert "For Dalmora" in html.read_text(encoding="utf-8")


def test_file_menu_offers_export_report_once_a_turn_is_played(make_window):
    window = make_window()
    file_menu = window.menuBar().findChildren(QMenu)[0]
    names = [a.objectName() for a in file_menu.actions()]
    assert names.index("actionExportReport") == names.index("actionSaveAs") + 1
    assert not window.export_report_action.isEnabled()
