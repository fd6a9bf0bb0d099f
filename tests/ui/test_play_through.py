"""A whole session of the tutorial through the GUI: start screen to end screen, one person
(Aurelia) against computer players, orders chosen with the orders panel's widgets."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QPlainTextEdit, QTabWidget, QTreeWidget

from wargame.scoring import OUTCOMES

from .driver import (
    choose,
    click,
    combo_texts,
    find,
    label,
    pick_move,
    queued_rows,
    start_from_start_screen,
    submit_and_wait,
    visible_texts,
)

COMPUTER = {"borduria": "computer", "carpathia": "computer", "dalmora": "computer"}


def test_the_tutorial_can_be_played_from_start_screen_to_end_screen(qtbot, make_window):
    window = make_window()
    assert window.page() == "start"
    start_from_start_screen(qtbot, window, {"aurelia": "person", **COMPUTER})
    qtbot.waitUntil(lambda: window.page() == "play")
    assert label(window, "seatTitle") == "Aurelia"
    assert "Turn 1 of 6" in label(window, "turnLabel")

    # turn 1: a sanctions threat from the orders panel, a message from the composer
    pick_move(window, "Threaten sanctions")
    choose(window, "field_target", "Borduria")
    choose(window, "field_measure", "asset freeze")
    click(qtbot, window, "addOrderButton")
    window.play_page.select_tab("negotiation")
    window.play_page.negotiation.compose(("borduria",), "Reopen the strait or pay for it.")
    click(qtbot, window, "sendMessageButton")
    rows = queued_rows(window)
    assert rows[0].startswith("1. Threaten sanctions: Borduria, asset freeze")
    assert "Message to Borduria" in rows[1] and "(free)" in rows[1]
    assert "1 of 4 actions used" in label(window, "actionsLabel")
    submit_and_wait(qtbot, window)

    # later turns: the news shows what happened, with the numbers behind it
    qtbot.waitUntil(lambda: window.page() == "play" and "Turn 2 of 6" in label(window, "turnLabel"))
    # the header first, then the news tab and each panel in a pass of the event loop of its own
    qtbot.waitUntil(lambda: window.play_page.tabs.currentWidget() is window.play_page.news)
    news = visible_texts(window)
    assert re.search(r"Aurelia (\w+ )?threatened Borduria", news)
    window.play_page.news.select_event(0, 0)
    click(qtbot, window, "whyButton")
    assert "The numbers behind this event" in find(window, QPlainTextEdit, "whyText").toPlainText()

    while window.page() == "play":
        window.play_page.select_tab("orders")
        pick_move(window, "Cultural and educational exchange")
        assert "Dalmora" in combo_texts(window, "field_target")
        choose(window, "field_target", "Dalmora")
        click(qtbot, window, "addOrderButton")
        submit_and_wait(qtbot, window)
        qtbot.waitUntil(lambda: window.page() in ("play", "end"))

    # the end: every state's score and outcome, what happened, the computer players' reasons
    assert window.page() == "end"
    assert label(window, "endTitle") == "Game over \u2014 The Narrow Strait (tutorial)"
    assert "6 turns played" in label(window, "endSummary")
    scores = find(window, QTreeWidget, "scoreTable")
    rows = {
        scores.topLevelItem(i).text(0): scores.topLevelItem(i)
        for i in range(scores.topLevelItemCount())
    }
    assert set(rows) == {"Aurelia", "Borduria", "Carpathia", "Dalmora"}
    assert all(row.text(2).lower() in OUTCOMES for row in rows.values())
    assert rows["Aurelia"].text(1) == "person" and rows["Borduria"].text(1).startswith("computer")
    assert any(
        "(secret)" in rows["Aurelia"].child(i).text(0) for i in range(rows["Aurelia"].childCount())
    )
    find(window, QTabWidget, "endTabs").setCurrentIndex(2)
    reasons = find(window, QTreeWidget, "computerReasons")
    assert reasons.topLevelItem(0).text(0) == "Turn 1"


def test_play_again_restarts_the_same_setup(qtbot, make_window):
    window = make_window()
    start_from_start_screen(
        qtbot,
        window,
        {
            "aurelia": "computer",
            "borduria": "person",
            "carpathia": "computer",
            "dalmora": "computer",
        },
    )
    qtbot.waitUntil(lambda: window.page() == "play")
    assert label(window, "seatTitle") == "Borduria"
    while window.page() == "play":
        submit_and_wait(qtbot, window)
        qtbot.waitUntil(lambda: window.page() in ("play", "end"))
    click(qtbot, window, "playAgainButton")
    qtbot.waitUntil(lambda: window.page() == "play")
    assert label(window, "seatTitle") == "Borduria"
    assert "Turn 1 of 6" in label(window, "turnLabel")
