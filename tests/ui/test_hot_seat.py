"""Two people at one computer: the hand-over screen hides one seat's view before the next sees
its own, and no secret of one seat is on screen while the other plays."""

from __future__ import annotations

from .driver import click, label, pick_move, start_from_start_screen, visible_texts

# each seat's secret objective (from the tutorial scenario)
AURELIA_SECRET_BRIEFING = "Your voters want the strait open"
BORDURIA_SECRET = "Do not give in to sanctions from anyone."
BORDURIA_BRIEFING = "You rule Borduria"


def test_hot_seat_passes_through_the_hand_over_screen(qtbot, make_window):
    window = make_window()
    handovers = []
    window.presenter.sig_handover_requested.connect(handovers.append)
    start_from_start_screen(
        qtbot,
        window,
        {"aurelia": "person", "borduria": "person", "carpathia": "computer", "dalmora": "computer"},
    )

    # before anyone sees anything: pass to Aurelia
    qtbot.waitUntil(lambda: window.page() == "handover")
    assert label(window, "handoverTitle") == "Pass the computer to Aurelia"
    assert AURELIA_SECRET_BRIEFING not in visible_texts(window)
    click(qtbot, window, "handoverReadyButton")
    qtbot.waitUntil(lambda: window.page() == "play")
    assert label(window, "seatTitle") == "Aurelia"
    screen = visible_texts(window)
    assert AURELIA_SECRET_BRIEFING in screen
    assert BORDURIA_SECRET not in screen and BORDURIA_BRIEFING not in screen
    pick_move(window, "Military build-up")
    click(qtbot, window, "addOrderButton")
    click(qtbot, window, "submitOrdersButton")

    # Aurelia's view is gone before Borduria's player sits down
    qtbot.waitUntil(lambda: window.page() == "handover")
    assert label(window, "handoverTitle") == "Pass the computer to Borduria"
    assert "Aurelia has handed in orders" in label(window, "handoverDetail")
    assert AURELIA_SECRET_BRIEFING not in visible_texts(window)
    assert window.play_page.screen_model is None  # the game screen holds nothing of Aurelia's
    click(qtbot, window, "handoverReadyButton")
    qtbot.waitUntil(lambda: window.page() == "play")
    assert label(window, "seatTitle") == "Borduria"
    screen = visible_texts(window)
    assert BORDURIA_BRIEFING in screen and AURELIA_SECRET_BRIEFING not in screen

    # when both are in, the turn is resolved and the next turn starts with a hand-over again
    with qtbot.waitSignal(window.presenter.sig_turn_resolved, timeout=20000):
        click(qtbot, window, "submitOrdersButton")
    qtbot.waitUntil(
        lambda: window.page() == "handover" and "Aurelia" in label(window, "handoverTitle")
    )
    assert "Turn 2 of 6" in label(window, "handoverDetail")
    assert [h.name for h in handovers] == ["Aurelia", "Borduria", "Aurelia"]
