"""The white cell in a hot-seat game: every action driven from the control cell's White cell tab
as a facilitator does (type, choose, click), its effect on the game and on the record, the time
shown to the seats, and the projector view, which never shows a secret."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QWidget

from ui.game_setup import COMPUTER, PERSON, GameSetup, SeatChoice
from ui.viewmodels import map_model
from ui.white_cell_panel import WhiteCellPanel
from wargame.ai import make_player
from wargame.facilitator import AdHocInject, Override
from wargame.persistence import SessionStore
from wargame.scenario.library import find_scenario
from wargame.view import public_view

from .driver import find

PRIVATE_NEWS = "Carpathia will not fight for the strait"
SECRET_OBJECTIVE = "Keep the Bordurian navy in port"


def start_hot_seat(qtbot, window, scenario_id: str = "tutorial_strait") -> None:  # noqa: ANN001
    scenario = find_scenario(scenario_id)
    people = {s.id for s in scenario.states[:2]}  # Aurelia and Borduria in the tutorial
    seats = tuple(
        SeatChoice(s.id, PERSON if s.id in people else COMPUTER, level="easy")
        for s in scenario.states
    )
    window.presenter.start(GameSetup(scenario, seats, 7))
    qtbot.waitUntil(lambda: window.page() == "handover")
    window.handover_page.ready.click()
    qtbot.waitUntil(lambda: window.page() == "play")


def click(qtbot, panel: QWidget, name: str) -> None:  # noqa: ANN001
    button = panel.findChild(QPushButton, name)
    assert button is not None and button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose(panel: QWidget, name: str, data: object) -> None:
    combo = panel.findChild(QComboBox, name)
    index = combo.findData(data)
    assert index >= 0, (name, data)
    combo.setCurrentIndex(index)


def type_into(qtbot, panel: QWidget, name: str, words: str) -> None:  # noqa: ANN001
    edit = panel.findChild(QLineEdit, name) or panel.findChild(QPlainTextEdit, name)
    edit.clear()
    qtbot.keyClicks(edit, words)


def select_inject(panel: WhiteCellPanel, inject: str) -> None:
    tree = panel.library
    for i in range(tree.topLevelItemCount()):
        if tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == inject:
            tree.setCurrentItem(tree.topLevelItem(i))
            return
    raise AssertionError(inject)


def open_white_cell(window) -> WhiteCellPanel:  # noqa: ANN001
    assert window.show_control_cell(ask=False)
    control = window.control_cell_window
    panel = find(control, WhiteCellPanel, "whiteCellPanel")
    control.tabs.setCurrentWidget(panel)  # the first tab; the states' table shows first
    return panel


def test_each_white_cell_action_from_the_control_cell(qtbot, make_window):
    window = make_window()
    start_hot_seat(qtbot, window)
    panel = open_white_cell(window)
    match = window.presenter.match

    # time: a limit every seat sees, more time, a pause
    panel.findChild(QSpinBox, "deadlineMinutes").setValue(1)
    choose(panel, "atDeadline", "pass")
    click(qtbot, panel, "setDeadlineButton")
    clock = window.findChild(QWidget, "turnClockLabel")
    assert clock.text() == "Time left 1:00" and panel.clock_label.text() == "Time left 1:00"
    panel.findChild(QSpinBox, "extendMinutes").setValue(2)
    click(qtbot, panel, "extendButton")
    assert clock.text() == "Time left 3:00"
    click(qtbot, panel, "pauseButton")
    assert match.paused and clock.text() == "Paused by the facilitator"
    click(qtbot, panel, "resumeButton")
    assert not match.paused

    # injects: one of the library now, one planned then taken off the plan
    select_inject(panel, "markets_fall")
    click(qtbot, panel, "fireInjectButton")
    assert "markets_fall" in match.state.fired_injects
    qtbot.waitUntil(  # the seat on screen sees it in its news at once
        lambda: any(
            e.text.startswith("Markets fall")
            for t in window.play_page.screen_model.timeline
            for e in t.events
        )
    )
    select_inject(panel, "tanker_seized")
    panel.schedule_turn.setValue(3)
    click(qtbot, panel, "scheduleInjectButton")
    assert match.schedule == {"tanker_seized": 3}
    select_inject(panel, "tanker_seized")
    click(qtbot, panel, "unscheduleButton")
    assert match.schedule == {}

    # news written now, for Borduria only, with a secret objective for it
    type_into(qtbot, panel, "newsHeadline", "Cable intercepted")
    type_into(qtbot, panel, "newsText", PRIVATE_NEWS)
    panel.some.setChecked(True)
    panel.audience_boxes["borduria"].setChecked(True)
    editor = panel.news_effects
    choose(editor, "newsEffectsState", "borduria")
    choose(editor, "newsEffectsAttribute", "stability")
    editor.findChild(QWidget, "newsEffectsDelta").setValue(-5)
    click(qtbot, editor, "newsEffectsAddIndicator")
    choose(editor, "newsEffectsObjectiveState", "borduria")
    type_into(qtbot, editor, "newsEffectsObjectiveText", SECRET_OBJECTIVE)
    editor.obj_secret.setChecked(True)
    click(qtbot, editor, "newsEffectsAddObjective")
    stability = match.state.country("borduria").stability
    click(qtbot, panel, "sendNewsButton")
    assert "Done: Wrote news for Borduria" in panel.feedback.text()
    assert match.state.country("borduria").stability == stability - 5
    assert any(PRIVATE_NEWS in e.text for e in match.view("borduria").events)
    assert not any(PRIVATE_NEWS in e.text for e in match.view("aurelia").events)

    # an argument: Aurelia argues, Borduria counters, the facilitator's odds, the dice
    choose(panel, "argumentBy", "aurelia")
    type_into(qtbot, panel, "argumentAction", "Destroyers escort the tankers")
    type_into(qtbot, panel, "argumentReasons", "Our navy outguns their patrol boats")
    choose(panel, "counterBy", "borduria")
    type_into(qtbot, panel, "counterText", "Our coastal batteries cover the channel")
    click(qtbot, panel, "addCounterButton")
    choose(panel, "argumentOdds", 0.7)
    assert panel.percent.value() == 70
    success = panel.success
    choose(success, "successEffectsRelationA", "aurelia")
    choose(success, "successEffectsRelationB", "borduria")
    success.findChild(QWidget, "successEffectsRelationDelta").setValue(-10)
    click(qtbot, success, "successEffectsAddRelation")
    click(qtbot, panel, "ruleArgumentButton")
    assert "Aurelia argued: Destroyers escort the tankers" in panel.argument_result.text()
    assert "the dice decided" in panel.argument_result.text()

    # overrides: a figure and an outcome, each with a reason
    choose(panel, "overrideFigure", "economy")
    choose(panel, "overrideState", "dalmora")
    panel.value.setValue(55)
    type_into(qtbot, panel, "overrideReason", "Typo in the scenario")
    click(qtbot, panel, "overrideButton")
    assert match.state.country("dalmora").economy == 55
    panel.record_choice.setChecked(True)
    panel.record_box.setCurrentIndex(0)  # the Harbour Treaty
    choose(panel, "overrideStatus", "broken")
    type_into(qtbot, panel, "overrideReason", "Carpathia walked out in the session")
    click(qtbot, panel, "overrideButton")
    assert match.state.treaties[0].status == "broken"

    # seats: Borduria to the computer and back; who has handed in shows in the table
    click(qtbot, panel, "handSeat_borduria")
    assert "borduria" in match.computer and match.waiting_for() == ("aurelia",)
    click(qtbot, panel, "handSeat_borduria")
    assert "borduria" not in match.computer
    assert panel.findChild(QPushButton, "handSeat_carpathia").text() == "Give to a person"
    rows = [panel.seats.topLevelItem(i).text(2) for i in range(panel.seats.topLevelItemCount())]
    assert rows == ["waiting", "waiting", "computer decides", "computer decides"]

    # the deadline: Aurelia's queued orders are handed in, Borduria passes; the turn resolves
    window.presenter.queue_order(next(_legal(match, "aurelia")))
    with qtbot.waitSignal(window.presenter.sig_turn_resolved, timeout=20000):
        window.white_cell.backend.deadline_reached()
    record = match.history[0]
    assert [a.kind for a in record.interventions][-1] == "deadline"
    assert any(o.actor == "aurelia" for o in record.orders)
    assert not any(o.actor == "borduria" for o in record.orders)

    lines = [panel.record.item(i).text() for i in range(panel.record.count())]
    assert lines[0] == "Turn 1: The turn's time ran out: Borduria passes this turn"
    assert len(lines) == 14
    _the_session_verifies(window)


def _legal(match, seat):  # noqa: ANN001, ANN202
    from wargame.legality import legal_orders

    return (o for o in legal_orders(match.view(seat).state, seat) if o.kind == "MobilizeForces")


def _the_session_verifies(window) -> None:  # noqa: ANN001
    path = window.presenter.files.path_of(window.presenter.match)
    with SessionStore.open(Path(path), readonly=True) as store:
        proof = store.verify(make_player)
        assert proof.ok, proof.first_problem


def test_the_projector_shows_public_facts_only(qtbot, make_window):
    window = make_window()
    start_hot_seat(qtbot, window)
    panel = open_white_cell(window)
    match = window.presenter.match
    secret_news = AdHocInject(headline="Cable", text=PRIVATE_NEWS, audience=("borduria",))
    panel.act(secret_news)
    panel.act(AdHocInject(headline="Storm", text="A storm closes the strait."))
    panel.act(Override(figure="military", state="aurelia", value=77.5, reason="Hidden fleet"))
    click(qtbot, panel, "projectorButton")
    projector = window.white_cell.projector
    assert projector.isVisible() and projector.isFullScreen()
    shown = projector.visible_text()
    assert "Storm: A storm closes the strait." in shown and "Turn 1 of 6" in shown
    assert PRIVATE_NEWS not in shown and "Hidden fleet" not in shown
    public = public_view(match.state, match.live_events())
    assert projector.model.map == map_model(public.state, None)  # estimates, never true figures
    assert "Military 78" not in shown  # Aurelia's true strength
    assert [e.text for t in projector.model.news for e in t.events] == [
        e.text for e in public.events
    ]
    # the tutorial seats no Security Council: no empty box of its votes
    assert projector.council.isHidden() and "No draft" not in shown


def test_the_projector_shows_the_council_where_the_scenario_has_one(qtbot, make_window):
    window = make_window()
    start_hot_seat(qtbot, window, "river_delta")
    panel = open_white_cell(window)
    click(qtbot, panel, "projectorButton")
    projector = window.white_cell.projector
    assert projector.council_heading.isVisible() and projector.council.isVisible()
    assert "No draft has been tabled yet." in projector.visible_text()
