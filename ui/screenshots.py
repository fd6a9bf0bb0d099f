"""`wargame --screenshot DIR`: play two turns of the tutorial offscreen, as a person would, and
save a PNG of every main screen, of the facilitator's control cell, and of the debrief and its
what-if page. Two people share the computer (Aurelia and Borduria, hot-seat)
so the hand-over screen appears; the computer plays the others. Settings and session files go to
a temporary folder, never the user's own.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

from .app_factory import create_app, create_window, temporary_settings
from .game_setup import COMPUTER, PERSON

SIZE = QSize(1280, 800)
TUTORIAL = "tutorial_strait"
WHATIF_FUTURES = 4  # few: a hard computer player takes a while over every decision


def wait_until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    app = QApplication.instance()
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()  # type: ignore[union-attr]
        time.sleep(0.01)


def settle() -> None:
    app = QApplication.instance()
    for _ in range(5):
        app.processEvents()  # type: ignore[union-attr]


def take_screenshots(
    out: Path, theme: str = "system", size: tuple[int, int] | QSize | None = None
) -> int:
    if size is None:
        size = SIZE
    elif not isinstance(size, QSize):
        size = QSize(*size)
    out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    _quiet_offscreen_warnings()
    with tempfile.TemporaryDirectory() as tmp:
        old_data = os.environ.get("WARGAME_DATA_DIR")
        os.environ["WARGAME_DATA_DIR"] = tmp
        try:
            create_app()
            settings = temporary_settings(Path(tmp))
            settings.set_theme(theme)
            window = create_window(settings=settings, ask_before_closing=False)
            window.resize(size)
            window.show()
            _play(window, out, saved)
            window.close()
            window.deleteLater()
            settle()
        except Exception as exc:  # noqa: BLE001 - the command reports and fails
            print(f"screenshots: failed: {exc}", file=sys.stderr)
            return 1
        finally:
            if old_data is None:
                os.environ.pop("WARGAME_DATA_DIR", None)
            else:
                os.environ["WARGAME_DATA_DIR"] = old_data
    for path in saved:
        print(path)
    return 0


def _quiet_offscreen_warnings() -> None:
    """The offscreen platform says, for every window, that it cannot do what only a real screen
    does (raise a window, pass size hints to a window manager): noise for a screenshot run."""
    from PySide6.QtCore import qInstallMessageHandler

    previous = None

    def handler(kind, context, message: str) -> None:  # noqa: ANN001 - Qt's signature
        if "This plugin does not support" in message:
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)


def _submit(page) -> None:  # noqa: ANN001 - PlayPage
    """Press Submit as a player does; with no orders queued, press again to pass the turn."""
    page.submit.click()
    if page.submit.property("confirming"):
        page.submit.click()


def _shot(window: QWidget, out: Path, name: str, saved: list[Path]) -> None:
    settle()
    path = out / f"{name}.png"
    if not window.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    saved.append(path)


BROKEN_SCENARIO = """id: my_crisis
title: My first crisis
summary: A scenario a teacher is still writing.
turns: 0
"""


def _play(w, out: Path, saved: list[Path]) -> None:  # noqa: ANN001 - MainWindow
    wait_until(lambda: w.start_page.recent.count() > 0)  # the list is read on the worker thread
    _shot(w, out, "01-start", saved)
    _manual(w, out, saved)
    # a teacher's scenario with mistakes: the list says what is wrong with it
    from wargame.paths import user_scenarios_dir

    user_scenarios_dir().mkdir(parents=True, exist_ok=True)
    (user_scenarios_dir() / "my_crisis.yaml").write_text(BROKEN_SCENARIO, encoding="utf-8")
    w.new_game()
    setup = w.setup_page
    wait_until(lambda: setup.loaded)  # the scenarios are read on the worker
    setup.list.scrollToBottom()
    _shot(w, out, "21-scenario-problems", saved)
    setup.select_scenario(TUTORIAL)
    setup.set_player("aurelia", PERSON)
    setup.set_player("borduria", PERSON)
    setup.set_player("carpathia", COMPUTER, level="hard")
    setup.set_player("dalmora", COMPUTER, "dove")
    _shot(w, out, "02-new-game", saved)
    setup.start_button.click()
    wait_until(lambda: w.page() == "handover")

    # turn 1, Aurelia: a sanctions threat and a formal proposal, a message to two states
    w.handover_page.ready.click()
    wait_until(lambda: w.page() == "play")
    page = w.play_page
    orders = page.orders
    orders.select_kind("ThreatenSanctions")
    orders.form.set_value("target", "borduria")
    orders.form.set_value("measure", "trade")
    orders.form.add_button.click()
    neg = page.negotiation
    neg.proposal_form.set_value("treaty", "non_aggression")
    neg.proposal_form.set_value("to", ("borduria",))
    neg.proposal_form.add_button.click()
    neg.compose(
        ("borduria", "dalmora"),
        "Reopen the strait and we can talk about the zone. Dalmora, we count on your ports.",
    )
    neg.send_button.click()
    orders.select_kind("MobilizeForces")
    page.map.select("borduria")
    page.select_tab("orders")
    _shot(w, out, "03-game-orders-and-map", saved)
    if page.narrow:  # the dashboard is a tab of its own in a narrow window
        page.select_tab("dashboard")
        _shot(w, out, "22-your-state-tab", saved)
        page.select_tab("orders")
    _submit(page)
    wait_until(lambda: w.page() == "handover")
    _shot(w, out, "04-hand-over", saved)

    # turn 1, Borduria: a message back; an empty turn is asked about once
    w.handover_page.ready.click()
    wait_until(lambda: w.page() == "play")
    w.play_page.select_tab("negotiation")
    neg = w.play_page.negotiation
    neg.compose(
        ("aurelia",), "The zone stays. Inspections protect shipping. Threats will not move us."
    )
    _shot(w, out, "23-message-form", saved)
    neg.send_button.click()
    w.play_page.orders.clear_button.click()
    w.play_page.submit.click()
    _shot(w, out, "24-submit-asks-once", saved)
    neg.compose(
        ("aurelia",), "The zone stays. Inspections protect shipping. Threats will not move us."
    )
    neg.send_button.click()
    _submit(w.play_page)
    wait_until(lambda: w.page() == "handover" and w.handover_page.ready.isVisible())

    # turn 2, Aurelia: the news with why, the charts
    w.handover_page.ready.click()
    wait_until(lambda: w.page() == "play")
    page = w.play_page
    page.select_tab("news")
    for row in range(10):  # an event with numbers behind it
        event = page.news.select_event(0, row)
        if event is None or event.has_numbers:
            break
    page.news.show_why()
    _shot(w, out, "05-news-with-why", saved)
    page.select_tab("charts")
    _shot(w, out, "06-charts", saved)
    _submit(page)
    wait_until(lambda: w.page() == "handover")

    # turn 2, Borduria: a proposal waits for an answer
    w.handover_page.ready.click()
    wait_until(lambda: w.page() == "play")
    w.play_page.select_tab("negotiation")
    _shot(w, out, "07-negotiation", saved)

    # the facilitator's control cell, while the turn waits for Borduria
    w.show_control_cell(ask=False)
    control = w.control_cell_window
    _shot(control, out, "10-control-cell", saved)
    control.tabs.setCurrentWidget(control.events)
    for row in range(30):  # a private message, which only the control cell sees in full
        event = control.events.select_event(0, row)
        if event is None or not event.public:
            break
    control.events.show_why()
    _shot(control, out, "11-control-cell-events", saved)
    control.tabs.setCurrentWidget(control.affairs)
    _shot(control, out, "12-control-cell-affairs", saved)
    _white_cell(w, control, out, saved)
    control.close()
    _submit(w.play_page)

    # the remaining turns pass quickly to the end screen
    while w.page() != "end":
        wait_until(
            lambda: (
                w.page() in ("handover", "end")
                and (w.page() == "end" or w.handover_page.ready.isVisible())
            )
        )
        if w.page() == "end":
            break
        w.handover_page.ready.click()
        wait_until(lambda: w.page() == "play")
        _submit(w.play_page)
    _shot(w, out, "08-end", saved)
    w.end_page.tabs.setCurrentIndex(2)
    _shot(w, out, "09-end-reasons", saved)
    _debrief(w, out, saved)


def _manual(w, out: Path, saved: list[Path]) -> None:  # noqa: ANN001 - MainWindow
    """Help > Manual (F1) at the section about the start screen, and the rules."""
    manual = w.show_manual()
    manual.resize(w.size())
    _shot(manual, out, "20-manual", saved)
    manual.open_document("RULES.md")
    _shot(manual, out, "20b-manual-rules", saved)
    manual.close()


def _debrief(w, out: Path, saved: list[Path]) -> None:  # noqa: ANN001 - MainWindow
    """The debrief's timeline, charts and threads, then what if Aurelia had imposed sanctions
    on the next-to-last turn: the branch side by side, then a few futures of each."""
    end = w.end_page
    end.tabs.setCurrentWidget(end.timeline)
    _shot(w, out, "13-debrief-timeline", saved)
    end.tabs.setCurrentWidget(end.charts_tab)
    _shot(w, out, "14-debrief-charts", saved)
    end.tabs.setCurrentWidget(end.threads)
    _shot(w, out, "15-debrief-questions", saved)
    end.tabs.setCurrentWidget(end.whatif_tab)
    page = end.whatif
    page.choose(len(page.played.turns) - 1, "aurelia")
    page.find.setText("impose borduria")
    page.set_checked("Impose sanctions: Borduria", True)
    page.play_branch()
    wait_until(lambda: page.branch_button.isEnabled(), timeout=300)
    _shot(w, out, "16-what-if-branch", saved)
    page.runs.setValue(WHATIF_FUTURES)
    page.run_futures()
    wait_until(lambda: page.futures_button.isEnabled(), timeout=600)
    _shot(w, out, "17-what-if-futures", saved)


def _white_cell(w, control, out: Path, saved: list[Path]) -> None:  # noqa: ANN001 - windows
    """The facilitator's white cell, a tab of the control cell: a time limit, the inject library,
    news written on the spot, an argument ruled on, an override, the seats, and the class screen
    (projector view)."""
    from PySide6.QtCore import Qt

    parts = w.white_cell
    panel = parts.panel
    control.tabs.setCurrentWidget(panel)
    panel.minutes.setValue(8)
    panel.findChild(QWidget, "setDeadlineButton").click()
    panel.show_tab("time")
    _shot(control, out, "25-white-cell-time", saved)
    _shot(w, out, "25b-seat-sees-the-time-left", saved)  # in the status bar, bottom right

    panel.show_tab("injects")
    for i in range(panel.library.topLevelItemCount()):
        item = panel.library.topLevelItem(i)
        if item.data(0, Qt.ItemDataRole.UserRole) == "markets_fall":
            panel.library.setCurrentItem(item)
    panel.schedule_turn.setValue(4)
    _shot(control, out, "26-white-cell-injects", saved)

    panel.show_tab("news")
    panel.headline.setText("Storm closes the strait")
    panel.news_text.setPlainText(
        "A winter storm closes the strait for a week; insurers suspend cover for every flag."
    )
    editor = panel.news_effects
    editor.add_tension(4)
    editor.add_indicator("dalmora", "economy", -2)
    _shot(control, out, "27-white-cell-news", saved)
    panel.findChild(QWidget, "sendNewsButton").click()

    panel.show_tab("argument")
    panel.argue_by.setCurrentIndex(panel.argue_by.findData("aurelia"))
    panel.action.setText("Aurelian destroyers escort tankers through the strait")
    panel.reasons.setPlainText(
        "Our navy outguns the Bordurian patrol boats, and Carpathia's fleet is in the region."
    )
    panel.counter_by.setCurrentIndex(panel.counter_by.findData("borduria"))
    panel.counter_text.setText("Our coastal batteries cover the whole channel")
    panel.findChild(QWidget, "addCounterButton").click()
    panel.odds.setCurrentIndex(panel.odds.findData(0.5))
    panel.success.add_relation("aurelia", "borduria", -10)
    panel.success.add_tension(6)
    panel.failure.add_indicator("aurelia", "reputation", -5)
    _shot(control, out, "28-white-cell-argument", saved)
    panel.findChild(QWidget, "ruleArgumentButton").click()
    _shot(control, out, "29-white-cell-ruling", saved)

    panel.show_tab("override")
    panel.figure.setCurrentIndex(panel.figure.findData("stability"))
    panel.override_state.setCurrentIndex(panel.override_state.findData("borduria"))
    panel.value.setValue(48)
    panel.reason.setText("The scenario overstated the regime's hold after the protests")
    _shot(control, out, "30-white-cell-override", saved)
    panel.findChild(QWidget, "overrideButton").click()
    panel.show_tab("seats")
    _shot(control, out, "31-white-cell-seats", saved)

    projector = parts.show_projector(0)
    projector.showNormal()
    projector.resize(w.size())
    _shot(projector, out, "32-projector", saved)
    projector.close()
    panel.findChild(QWidget, "clearDeadlineButton").click()
