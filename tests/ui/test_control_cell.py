"""The control cell (the facilitator's view): asked for with a warning, it shows the whole truth
(secret objectives, private messages, hidden capability, who has handed in orders) in its own
window, read-only, and refreshes when a turn is resolved."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtGui import QAction, QKeySequence

import ui.dialogs
from ui.control_cell import HANDED_IN, WAITING, control_cell
from ui.control_cell_window import ControlCellWindow
from ui.tasks import SyncTaskRunner
from wargame.ai import make_player
from wargame.match import Match
from wargame.view import view_for

from .driver import click, find, label, start_from_start_screen, visible_texts


def _borduria_secret() -> str:
    """Borduria's first secret objective in the tutorial (the scenario's words, whatever they are)."""
    from wargame.scenario.library import find_scenario

    return next(
        o.text for o in find_scenario("tutorial_strait").state("borduria").objectives if o.secret
    )


BORDURIA_SECRET = _borduria_secret()
PRIVATE_MESSAGE = "Carpathia, stay out of this and the strait reopens next month."


@pytest.fixture
def answers(monkeypatch):
    """The confirmation question: what it asked, and what the facilitator answers."""
    asked: list[str] = []
    reply = {"yes": True}

    def confirm(_parent, _title, question, _yes):
        asked.append(question)
        return reply["yes"]

    monkeypatch.setattr(ui.dialogs, "confirm", confirm)
    return asked, reply


def _control_window(window) -> ControlCellWindow | None:
    found = window.findChildren(ControlCellWindow)
    return found[0] if found else None


def test_the_control_cell_asks_first_and_is_in_the_game_menu(qtbot, make_window, answers):
    asked, reply = answers
    window = make_window(SyncTaskRunner())
    action = find(window, QAction, "actionControlCell")
    assert action.shortcut() == QKeySequence("Ctrl+Shift+F")
    assert not action.isEnabled()  # no session yet
    click(qtbot, window, "tutorialButton")
    assert action.isEnabled()

    reply["yes"] = False
    action.trigger()
    assert asked == ["This shows every state's secrets. Make sure no player is looking."]
    control = _control_window(window)
    assert control is None or not control.isVisible()

    reply["yes"] = True
    action.trigger()
    control = _control_window(window)
    assert len(asked) == 2 and control is not None and control.isVisible()
    assert control.isWindow() and control is not window
    assert "Turn 1 of 6" in label(control, "controlStatus")

    # leaving the session hides it and forgets what it showed
    window.presenter.close()
    assert not control.isVisible() and control.model is None


def test_the_control_cell_shows_what_no_seat_sees_and_follows_the_game(qtbot, make_window, answers):
    window = make_window(SyncTaskRunner())
    start_from_start_screen(
        qtbot,
        window,
        {"aurelia": "person", "borduria": "person", "carpathia": "computer", "dalmora": "computer"},
    )
    assert window.show_control_cell()
    control = _control_window(window)
    assert "handed in: no one yet \u00b7 waiting for: Aurelia, Borduria" in label(
        control, "controlOrders"
    )
    # every objective of every state, the secret ones too, met or not now
    assert BORDURIA_SECRET + " (secret)" in visible_texts(control)

    # Aurelia hands in; the control cell notes it at once
    click(qtbot, window, "handoverReadyButton")
    click(qtbot, window, "submitOrdersButton")
    assert "handed in: Aurelia \u00b7 waiting for: Borduria" in label(control, "controlOrders")
    assert [s.orders for s in control.model.states[:2]] == [HANDED_IN, WAITING]

    # Borduria writes privately to Carpathia, then the turn is resolved
    click(qtbot, window, "handoverReadyButton")
    window.play_page.select_tab("negotiation")
    window.play_page.negotiation.compose(("carpathia",), PRIVATE_MESSAGE)
    click(qtbot, window, "sendMessageButton")
    with qtbot.waitSignal(window.presenter.sig_turn_resolved):
        click(qtbot, window, "submitOrdersButton")

    # refreshed by the resolved turn: the private message is in the full event log, with who saw it
    assert "Turn 2 of 6" in label(control, "controlStatus")
    control.tabs.setCurrentWidget(control.events)
    log = visible_texts(control)
    assert f"(private: Borduria and Carpathia) Borduria to Carpathia: {PRIVATE_MESSAGE}" in log
    control.events.select_event(0, 0)
    click(qtbot, control, "whyButton")
    assert "The numbers behind this event" in control.events.why.toPlainText()

    # ... while Aurelia's own screen shows neither the message nor Borduria's secret
    click(qtbot, window, "handoverReadyButton")
    assert label(window, "seatTitle") == "Aurelia"
    window.play_page.select_tab("negotiation")
    aurelia = visible_texts(window.play_page)
    window.play_page.select_tab("news")
    aurelia += visible_texts(window.play_page)
    assert PRIVATE_MESSAGE not in aurelia and BORDURIA_SECRET not in aurelia


def test_the_control_cell_sees_hidden_capability_that_intelligence_misses(tutorial):
    match = Match(tutorial, 3, ("carpathia", "dalmora"))
    state = match.state
    cheat = state.country("borduria")._replace(
        military=state.country("borduria").military + 12, hidden_military=12.0
    )
    match.state = replace(
        state, countries=tuple(cheat if c.id == "borduria" else c for c in state.countries)
    )
    truth = {s.state_id: s for s in control_cell(match).states}
    assert truth["borduria"].hidden_military == 12.0
    assert truth["borduria"].military == cheat.military
    assert view_for(match.state, "aurelia").state.country("borduria").hidden_military == 0.0
    assert [s.played_by for s in truth.values()][2:] == [
        "computer (easy, institutionalist)",
        "computer (easy, dove)",
    ]
    assert {s.title.split(" (")[0] for s in control_cell(match).sections} >= {
        "Treaties",
        "Sanctions",
        "Wars",
        "Militarized disputes",
        "Calls on allies",
        "Security Council drafts",
    }


def test_the_control_cell_window_renders_a_hidden_figure_and_every_section(qtbot, tutorial):
    match = Match(tutorial, 3, ("carpathia", "dalmora"))
    state = match.state
    cheat = state.country("borduria")._replace(hidden_military=12.0)
    match.state = replace(
        state, countries=tuple(cheat if c.id == "borduria" else c for c in state.countries)
    )
    control = ControlCellWindow()
    qtbot.addWidget(control)
    control.show()
    control.show_control_cell(control_cell(match))
    borduria = control.states.topLevelItem(1)
    assert borduria.text(0) == "Borduria" and borduria.text(4) == "12"
    assert "undetected" in control.states.headerItem().toolTip(4)
    control.tabs.setCurrentWidget(control.affairs)
    affairs = visible_texts(control)
    assert "Alliance: Aurelia and Carpathia (in force at the start) \u2014 active" in affairs
    assert "Wars (0)" in affairs and "None." in affairs
    assert "for the facilitator only" in label(control, "controlWarning")


def test_the_computer_players_reasons_read_as_in_the_debrief(tutorial):
    match = Match(tutorial, 3, {s: make_player("normal") for s in tutorial.state_ids})
    match.resolve_turn()
    (section,) = [s for s in control_cell(match).sections if s.title.startswith("Why")]
    assert any("possible plans by playing each 2 turns ahead" in line for line in section.lines)
    assert not any("turn(s)" in line for line in section.lines)
