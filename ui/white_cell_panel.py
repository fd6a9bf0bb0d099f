"""The white cell: the facilitator's controls, a tab of the control cell window.

Time (pause, resume, a time limit for each turn and what happens at it, more time), injects (the
scenario's library fired now or planned for a turn; news written on the spot for everyone or
some states, with its effects), arguments (a matrix-game move with its reasons and counters, the
odds from the suggested table, the effects on success and on failure, and the seeded roll),
overrides (any figure or outcome, with a reason), seats (hand one to the computer or back; who
has handed in orders) and the facilitator's record. Every control builds one of the engine's
interventions (`wargame.facilitator`) and hands it to the backend, which makes it through the
match: on the session's record, replayed by `wargame verify`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wargame.ai import LEVELS
from wargame.facilitator import (
    DEFAULT_ODDS,
    ODDS_TABLE,
    AdHocInject,
    Argument,
    ClockChange,
    Counter,
    FireInject,
    Override,
    ScheduleInject,
    SeatControl,
)
from wargame.facilitator.records import HANDOVER_LEVEL

from .white_cell import FIGURE_WORDS, WhiteCell, current_figure, white_cell
from .white_cell_backends import WhiteCellBackend
from .white_cell_effects import EffectsEditor
from .widgets import heading, muted, text, tip

FACILITATOR = ""  # the "by" of an argument or counter made by the facilitator
STORY_ROLE = Qt.ItemDataRole.UserRole + 1  # an inject's story, shown under the library


class WhiteCellPanel(QWidget):
    # --- signals ----------------------------------------------------------------------------
    sig_projector_requested = Signal(int)  # the screen (monitor) to show it on

    def __init__(self, backend: WhiteCellBackend, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("whiteCellPanel")
        self.backend = backend
        self.model: WhiteCell | None = None
        self._seat_buttons: dict[str, QPushButton] = {}
        self.status = heading("", 1.2, "whiteCellStatus")
        self.clock_label = heading("", 1.6, "whiteCellClock")
        self.feedback = text("", "whiteCellFeedback")
        self.feedback.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.projector_screen = QComboBox()
        self.projector_screen.setObjectName("projectorScreen")
        self.projector_screen.setAccessibleName("The monitor for the class screen")
        self.projector_screen.setToolTip("The monitor or projector the class screen goes on")
        self.projector_button = QPushButton("Show the projector view")
        self.projector_button.setObjectName("projectorButton")
        self.projector_button.setToolTip(
            "A second window for the class screen, full screen on the chosen monitor: the public "
            "map, the news, the escalation ladder, the time and the Council's votes, never a secret"
        )
        self.projector_button.clicked.connect(
            lambda: self.sig_projector_requested.emit(max(0, self.projector_screen.currentIndex()))
        )
        self.tabs = QTabWidget()
        self.tabs.setObjectName("whiteCellTabs")
        self.tabs.addTab(_scrolled(self._time_tab()), "Time")
        self.tabs.addTab(_scrolled(self._injects_tab()), "Injects")
        self.tabs.addTab(_scrolled(self._news_tab()), "News")
        self.tabs.addTab(_scrolled(self._argument_tab()), "Argument")
        self.tabs.addTab(_scrolled(self._override_tab()), "Override")
        self.tabs.addTab(self._seats_tab(), "Seats")
        self.tabs.addTab(self._record_tab(), "Record")
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.clock_label)
        projector = QHBoxLayout()
        projector.addStretch(1)
        projector.addWidget(QLabel("Class screen on"))
        projector.addWidget(self.projector_screen)
        projector.addWidget(self.projector_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addLayout(projector)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.feedback)
        layout.addWidget(muted("Every action here is on the session's record (the Record tab)."))
        backend.sig_changed.connect(self.refresh)
        backend.sig_tick.connect(self._show_clock)
        backend.sig_made.connect(lambda words: self._say(f"Done: {words}."))
        backend.sig_refused.connect(lambda why: self._say(f"Not done: {why}.", error=True))
        self.refresh()

    # --- public API -------------------------------------------------------------------------------

    def refresh(self) -> None:
        match = self.backend.match
        if match is None:
            self.model = None
            self.status.setText("No session in progress.")
            self.setEnabled(False)
            return
        self.setEnabled(True)
        model = white_cell(match, self.backend.clock, self.backend.connected)
        self.model = model
        when = "Game over" if model.finished else f"Turn {model.turn} of {model.turns}"
        self.status.setText(f"White cell \u00b7 {model.title} \u00b7 {when}")
        for button in self.findChildren(QPushButton):
            if button is not self.projector_button:
                button.setEnabled(not model.finished)
        self._show_clock()
        ruling = last_ruling(match)
        self.argument_result.setText(ruling)
        self.argument_result.setVisible(bool(ruling))
        self._fill_injects(model)
        self._fill_states(model)
        self._fill_override(model)
        self._fill_seats(model)
        self.record.clear()
        for turn, words in reversed(model.record):
            self.record.addItem(f"Turn {turn}: {words}")
        if not model.record:
            self.record.addItem("Nothing yet: every action of the white cell is listed here.")

    def set_screens(self, names: list[str]) -> None:
        current = self.projector_screen.currentIndex()
        self.projector_screen.clear()
        self.projector_screen.addItems(names)
        self.projector_screen.setCurrentIndex(
            current if 0 <= current < len(names) else len(names) - 1
        )

    def show_tab(self, name: str) -> None:
        """One of the white cell's tabs by its name: time, injects, news, argument, override,
        seats or record."""
        for i in range(self.tabs.count()):
            if self.tabs.tabText(i).lower() == name:
                self.tabs.setCurrentIndex(i)
                return
        raise ValueError(f"no tab {name!r}")

    def act(self, intervention: Any) -> None:
        """Hand an intervention to the backend (the controls below all come here)."""
        self.backend.intervene(intervention)

    # --- time -------------------------------------------------------------------------------------

    def _time_tab(self) -> QWidget:
        box = QWidget()
        self.pause_button = _button("Pause the game", "pauseButton")
        self.pause_button.setToolTip("Stop the clock; no turn is resolved until you resume")
        self.pause_button.clicked.connect(lambda: self.act(ClockChange(action="pause")))
        self.resume_button = _button("Resume", "resumeButton")
        self.resume_button.clicked.connect(lambda: self.act(ClockChange(action="resume")))
        self.minutes = QSpinBox()
        self.minutes.setObjectName("deadlineMinutes")
        self.minutes.setAccessibleName("Minutes each turn lasts")
        self.minutes.setRange(1, 240)
        self.minutes.setValue(10)
        self.minutes.setSuffix(" min")
        self.at_deadline = QComboBox()
        self.at_deadline.setObjectName("atDeadline")
        self.at_deadline.setAccessibleName("What happens at the time limit")
        self.at_deadline.addItem("the computer plays the states without orders", "computer")
        self.at_deadline.addItem("states without orders pass", "pass")
        set_limit = _button("Set the time limit", "setDeadlineButton")
        set_limit.clicked.connect(
            lambda: self.act(
                ClockChange(
                    action="deadline",
                    seconds=self.minutes.value() * 60.0,
                    at_deadline=self.at_deadline.currentData(),
                )
            )
        )
        clear = _button("No time limit", "clearDeadlineButton")
        clear.clicked.connect(lambda: self.act(ClockChange(action="clear")))
        self.extra = QSpinBox()
        self.extra.setObjectName("extendMinutes")
        self.extra.setAccessibleName("Minutes more for this turn")
        self.extra.setRange(1, 60)
        self.extra.setValue(2)
        self.extra.setSuffix(" min")
        extend = _button("Give more time", "extendButton")
        extend.clicked.connect(
            lambda: self.act(ClockChange(action="extend", seconds=self.extra.value() * 60.0))
        )
        form = QFormLayout()
        form.addRow("The game", _row(self.pause_button, self.resume_button))
        form.addRow("Each turn lasts", _row(self.minutes, set_limit, clear))
        form.addRow("At the time limit", self.at_deadline)
        form.addRow("This turn only", _row(self.extra, extend))
        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addWidget(
            muted(
                "Every seat sees the time left. When it runs out, the state on screen hands in "
                "the orders it has queued, and the states still without orders pass or are "
                "played by the computer for that turn, as chosen above. A new limit counts from "
                "now and holds for the next turns."
            )
        )
        layout.addStretch(1)
        return box

    def _show_clock(self) -> None:
        if self.model is None:
            self.clock_label.setText("")
            return
        from .white_cell import clock_model

        clock = clock_model(self.backend.clock)
        self.clock_label.setText("" if self.model.finished else clock.words)
        self.pause_button.setEnabled(not clock.paused and not self.model.finished)
        self.resume_button.setEnabled(clock.paused and not self.model.finished)

    # --- injects ----------------------------------------------------------------------------------

    def _injects_tab(self) -> QWidget:
        box = QWidget()
        self.library = QTreeWidget()
        self.library.setObjectName("injectLibrary")
        self.library.setAccessibleName("The scenario's injects")
        self.library.setHeaderLabels(["Inject", "Happens by itself", "Now"])
        self.library.setRootIsDecorated(False)
        self.library.setMinimumHeight(self.fontMetrics().height() * 6)
        fire = _button("Fire now", "fireInjectButton")
        fire.clicked.connect(self._fire)
        self.schedule_turn = QSpinBox()
        self.schedule_turn.setObjectName("scheduleTurn")
        self.schedule_turn.setAccessibleName("The turn to plan the inject for")
        self.schedule_turn.setPrefix("turn ")
        schedule = _button("Plan it for", "scheduleInjectButton")
        schedule.clicked.connect(self._schedule)
        unschedule = _button("Take it off the plan", "unscheduleButton")
        unschedule.clicked.connect(self._unschedule)
        layout = QVBoxLayout(box)
        layout.addWidget(heading("The scenario's injects", 1.1))
        self.inject_text = text("", "injectText")
        self.library.currentItemChanged.connect(
            lambda item, _old: self.inject_text.setText(item.data(0, STORY_ROLE) if item else "")
        )
        layout.addWidget(self.library, 1)
        layout.addWidget(self.inject_text)
        layout.addWidget(_row(fire, schedule, self.schedule_turn, unschedule))
        layout.addWidget(
            muted(
                "Fire one now, or plan it for the start of a later turn. One that has happened "
                "(by itself or fired by you) does not happen again. The story of the one chosen "
                "shows above."
            )
        )
        return box

    def _news_tab(self) -> QWidget:
        box = QWidget()
        self.headline = QLineEdit()
        self.headline.setObjectName("newsHeadline")
        self.headline.setAccessibleName("Headline of the news")
        self.headline.setPlaceholderText("e.g. Storm closes the strait")
        self.headline.setMaxLength(120)
        self.news_text = QPlainTextEdit()
        self.news_text.setObjectName("newsText")
        self.news_text.setAccessibleName("Text of the news")
        self.news_text.setPlaceholderText("What everyone (or the chosen states) reads in the news")
        self.news_text.setMaximumHeight(self.fontMetrics().height() * 4)
        self.everyone = QRadioButton("Everyone")
        self.everyone.setObjectName("newsForEveryone")
        self.everyone.setChecked(True)
        self.some = QRadioButton("Only")
        self.some.setObjectName("newsForSome")
        self.audience = QWidget()
        self.audience.setObjectName("newsAudience")
        self.audience_boxes: dict[str, QCheckBox] = {}
        QGridLayout(self.audience).setContentsMargins(0, 0, 0, 0)
        self.audience.setEnabled(False)
        self.some.toggled.connect(self.audience.setEnabled)
        self.news_effects = EffectsEditor("newsEffects")
        send = _button("Send the news", "sendNewsButton")
        send.clicked.connect(self._send_news)
        form = QFormLayout(box)
        form.addRow("Headline", self.headline)
        form.addRow("Text", self.news_text)
        form.addRow("For", _row(self.everyone, self.some))
        form.addRow("", self.audience)
        form.addRow("It changes", self.news_effects)
        form.addRow("", _row(send))
        return box

    def _selected_inject(self) -> str | None:
        item = self.library.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _fire(self) -> None:
        inject = self._selected_inject()
        if inject is None:
            self._say("Choose an inject in the list first.", error=True)
            return
        self.act(FireInject(inject=inject))

    def _schedule(self) -> None:
        inject = self._selected_inject()
        if inject is None:
            self._say("Choose an inject in the list first.", error=True)
            return
        self.act(ScheduleInject(inject=inject, turn=self.schedule_turn.value()))

    def _unschedule(self) -> None:
        inject = self._selected_inject()
        row = next((r for r in self.model.injects if r.id == inject), None) if self.model else None
        if row is None or row.planned is None:
            self._say("Choose an inject that is planned for a turn.", error=True)
            return
        self.act(ScheduleInject(inject=row.id, turn=row.planned, cancel=True))

    def _send_news(self) -> None:
        try:
            effects = self.news_effects.effects()
            audience = None
            if self.some.isChecked():
                audience = (
                    tuple(seat for seat, box in self.audience_boxes.items() if box.isChecked())
                    or None
                )
                if audience is None:
                    raise ValueError("tick the states the news is for, or choose Everyone")
            news = AdHocInject(
                headline=self.headline.text().strip(),
                text=self.news_text.toPlainText().strip(),
                audience=audience,
                effects=effects,
            )
        except ValueError as exc:
            self._say(f"Not sent: {_first_error(exc)}.", error=True)
            return
        self.act(news)
        self.headline.clear()
        self.news_text.clear()
        self.news_effects.clear()

    def _fill_injects(self, model: WhiteCell) -> None:
        current = self._selected_inject()
        self.library.clear()
        for row in model.injects:
            item = QTreeWidgetItem([row.title, row.when, row.status])
            item.setData(0, Qt.ItemDataRole.UserRole, row.id)
            item.setData(0, STORY_ROLE, row.text)
            for column in range(3):
                item.setToolTip(column, tip(row.text))
            if row.fired:
                item.setDisabled(True)
            self.library.addTopLevelItem(item)
            if row.id == current:
                self.library.setCurrentItem(item)
        for c in range(3):
            self.library.resizeColumnToContents(c)
        self.schedule_turn.setRange(model.turn, max(model.turn, model.turns))

    # --- arguments --------------------------------------------------------------------------------

    def _argument_tab(self) -> QWidget:
        box = QWidget()
        self.argue_by = _combo("argumentBy")
        self.action = QLineEdit()
        self.action.setObjectName("argumentAction")
        self.action.setAccessibleName("The action argued for")
        self.action.setMaxLength(120)
        self.action.setPlaceholderText("What is to happen, e.g. Aurelian destroyers escort tankers")
        self.reasons = QPlainTextEdit()
        self.reasons.setObjectName("argumentReasons")
        self.reasons.setAccessibleName("The reasons for it")
        self.reasons.setPlaceholderText("The reasons it would work, as the team argues them")
        self.reasons.setMaximumHeight(self.fontMetrics().height() * 4)
        self.counter_by = _combo("counterBy")
        self.counter_text = QLineEdit()
        self.counter_text.setObjectName("counterText")
        self.counter_text.setAccessibleName("A counter-argument")
        self.counter_text.setPlaceholderText("Why it would not work")
        add_counter = _button("Add", "addCounterButton")
        add_counter.clicked.connect(self._add_counter)
        self.counters = QListWidget()
        self.counters.setObjectName("argumentCounters")
        self.counters.setAccessibleName("Counter-arguments so far")
        self.counters.setMaximumHeight(self.fontMetrics().height() * 3 + 8)
        self._counters: list[Counter] = []
        self.odds = _combo("argumentOdds")
        for words, value in ODDS_TABLE:
            self.odds.addItem(f"{words.capitalize()} ({value:.0%})", value)
        self.odds.setCurrentIndex(self.odds.findData(DEFAULT_ODDS))
        self.percent = QDoubleSpinBox()
        self.percent.setObjectName("argumentPercent")
        self.percent.setAccessibleName("Chance of success, percent")
        self.percent.setRange(1, 99)
        self.percent.setDecimals(0)
        self.percent.setSuffix(" %")
        self.percent.setValue(DEFAULT_ODDS * 100)
        self.odds.currentIndexChanged.connect(
            lambda _i: self.percent.setValue(round(self.odds.currentData() * 100))
        )
        self.success = EffectsEditor("successEffects")
        self.failure = EffectsEditor("failureEffects")
        rule = _button("Roll the dice", "ruleArgumentButton")
        rule.setToolTip("The session's own dice decide; the news shows the odds and the roll")
        rule.clicked.connect(self._rule)
        self.argument_result = text("", "argumentResult")
        form = QFormLayout()
        form.addRow("Argued by", self.argue_by)
        form.addRow("Action", self.action)
        form.addRow("Reasons", self.reasons)
        form.addRow(
            "Counter-argument",
            _row(self.counter_by, self.counter_text, add_counter, grow=self.counter_text),
        )
        form.addRow("", self.counters)
        form.addRow("Your odds", _row(self.odds, self.percent))
        effects = QTabWidget()
        effects.setObjectName("argumentEffects")
        effects.addTab(self.success, "If it succeeds")
        effects.addTab(self.failure, "If it fails")
        form.addRow("Effects", effects)
        form.addRow("", _row(rule))
        self.argument_result.setFrameShape(QLabel.Shape.StyledPanel)
        self.argument_result.setMargin(6)
        self.argument_result.hide()
        layout = QVBoxLayout(box)
        layout.addWidget(self.argument_result)
        layout.addLayout(form)
        layout.addStretch(1)
        return box

    def _add_counter(self) -> None:
        words = self.counter_text.text().strip()
        if not words:
            return
        by = self.counter_by.currentData() or None
        self._counters.append(Counter(by=by, text=words))
        self.counters.addItem(f"{self.counter_by.currentText()}: {words}")
        self.counter_text.clear()

    def _rule(self) -> None:
        try:
            argument = Argument(
                by=self.argue_by.currentData() or None,
                action=self.action.text().strip(),
                reasons=self.reasons.toPlainText().strip(),
                counters=tuple(self._counters),
                odds=self.percent.value() / 100,
                on_success=self.success.effects(),
                on_failure=self.failure.effects(),
            )
        except ValueError as exc:
            self._say(f"Not ruled: {_first_error(exc)}.", error=True)
            return
        self.act(argument)
        self.action.clear()
        self.reasons.clear()
        self.counters.clear()
        self._counters = []
        self.success.clear()
        self.failure.clear()

    # --- overrides --------------------------------------------------------------------------------

    def _override_tab(self) -> QWidget:
        box = QWidget()
        self.figure_choice = QRadioButton("A figure")
        self.figure_choice.setObjectName("overrideFigureChoice")
        self.figure_choice.setChecked(True)
        self.record_choice = QRadioButton("An outcome")
        self.record_choice.setObjectName("overrideRecordChoice")
        self.figure = _combo("overrideFigure")
        for key, words in FIGURE_WORDS.items():
            self.figure.addItem(words, key)
        self.override_state = _combo("overrideState")
        self.override_other = _combo("overrideOther")
        self.override_population = _combo("overridePopulation")
        self.now = QLabel("")
        self.now.setObjectName("overrideNow")
        self.now.setAccessibleName("The value now")
        self.value = QDoubleSpinBox()
        self.value.setObjectName("overrideValue")
        self.value.setAccessibleName("The new value")
        self.value.setRange(-100000, 10_000_000_000)
        self.value.setDecimals(1)
        self.record_box = _combo("overrideRecord")
        self.record_status = _combo("overrideStatus")
        self.reason = QLineEdit()
        self.reason.setObjectName("overrideReason")
        self.reason.setAccessibleName("The reason for the change")
        self.reason.setPlaceholderText("Why: the class sees it with the change (required)")
        self.announce = QCheckBox("Tell the states concerned (otherwise only your record has it)")
        self.announce.setObjectName("overrideAnnounce")
        self.announce.setChecked(True)
        go = _button("Override", "overrideButton")
        go.clicked.connect(self._override)
        for combo in (self.figure, self.override_state, self.override_other):
            combo.currentIndexChanged.connect(lambda _i: self._show_now())
        self.override_population.currentIndexChanged.connect(lambda _i: self._show_now())
        self.record_box.currentIndexChanged.connect(lambda _i: self._fill_statuses())
        self.figure_choice.toggled.connect(lambda _on: self._show_override_fields())
        self.figure.currentIndexChanged.connect(lambda _i: self._show_override_fields())
        form = QFormLayout()
        form.addRow("Change", _row(self.figure_choice, self.record_choice))
        form.addRow(
            "Which",
            _row(self.figure, self.override_state, self.override_other, self.override_population),
        )
        form.addRow("", self.now)
        form.addRow("New value", self.value)
        form.addRow("Outcome", self.record_box)
        form.addRow("Becomes", self.record_status)
        form.addRow("Reason", self.reason)
        form.addRow("", self.announce)
        form.addRow("", _row(go))
        self._override_form = form
        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addWidget(
            muted(
                "Change any figure, or reverse an outcome (a treaty broken, a vote, sanctions "
                "given in to, a war's end), to correct a mistake or to rule on what the rules "
                "did not foresee. The reason goes on the record and in the news."
            )
        )
        layout.addStretch(1)
        self._show_override_fields()
        return box

    def _show_override_fields(self) -> None:
        figure = self.figure_choice.isChecked()
        kind = self.figure.currentData()
        shown = {
            self.figure: figure,
            self.override_state: figure
            and kind in ("military", "economy", "stability", "reputation", "relation"),
            self.override_other: figure and kind == "relation",
            self.override_population: figure and kind == "deaths",
            self.value: figure,
            self.now: figure,
            self.record_box: not figure,
            self.record_status: not figure,
        }
        for widget, visible in shown.items():
            widget.setVisible(visible)
            label = self._override_form.labelForField(widget)
            if label is not None:
                label.setVisible(visible)
        self._show_now()

    def _show_now(self) -> None:
        match = self.backend.match
        if match is None:
            return
        value = current_figure(
            match.state,
            self.figure.currentData(),
            self.override_state.currentData(),
            self.override_other.currentData(),
            self.override_population.currentData(),
        )
        self.now.setText("" if value is None else f"Now: {value:g}")
        if value is not None:
            self.value.setValue(value)

    def _fill_statuses(self) -> None:
        model = self.model
        index = self.record_box.currentIndex()
        choices = model.records if model is not None else ()
        self.record_status.clear()
        if 0 <= index < len(choices):
            choice = choices[index]
            for status in choice.statuses:
                now = " (now)" if status == choice.status else ""
                self.record_status.addItem(status.replace("_", " ") + now, status)

    def _override(self) -> None:
        try:
            if self.figure_choice.isChecked():
                figure = self.figure.currentData()
                override = Override(
                    figure=figure,
                    state=self.override_state.currentData()
                    if figure in ("military", "economy", "stability", "reputation", "relation")
                    else None,
                    other=self.override_other.currentData() if figure == "relation" else None,
                    subject=self.override_population.currentData() if figure == "deaths" else None,
                    value=self.value.value(),
                    reason=self.reason.text().strip(),
                    announce=self.announce.isChecked(),
                )
            else:
                model = self.model
                index = self.record_box.currentIndex()
                if model is None or not 0 <= index < len(model.records):
                    raise ValueError("there is no outcome to change yet")
                choice = model.records[index]
                override = Override(
                    record=choice.kind,
                    subject=choice.id,
                    status=self.record_status.currentData(),
                    reason=self.reason.text().strip(),
                    announce=self.announce.isChecked(),
                )
        except ValueError as exc:
            self._say(f"Not changed: {_first_error(exc)}.", error=True)
            return
        self.act(override)
        self.reason.clear()

    def _fill_override(self, model: WhiteCell) -> None:
        index = self.record_box.currentIndex()
        self.record_box.blockSignals(True)
        self.record_box.clear()
        for choice in model.records:
            self.record_box.addItem(f"{choice.words} \u2014 {choice.status.replace('_', ' ')}")
        self.record_box.setCurrentIndex(index if 0 <= index < len(model.records) else 0)
        self.record_box.blockSignals(False)
        self.record_choice.setEnabled(bool(model.records))
        _fill(self.override_population, tuple((i, n) for i, n, _p in model.populations))
        if not model.populations:
            self.figure.model().item(self.figure.findData("deaths")).setEnabled(False)
        self._fill_statuses()
        self._show_now()

    # --- seats ------------------------------------------------------------------------------------

    def _seats_tab(self) -> QWidget:
        box = QWidget()
        self.seats = QTreeWidget()
        self.seats.setObjectName("whiteCellSeats")
        self.seats.setAccessibleName("Who plays each state")
        self.seats.setHeaderLabels(["State", "Played by", "Orders this turn", "Connected", ""])
        self.seats.setRootIsDecorated(False)
        self.level = _combo("handOverLevel")
        for level in LEVELS:
            self.level.addItem(level, level)
        self.level.setCurrentIndex(max(0, self.level.findData(HANDOVER_LEVEL)))
        layout = QVBoxLayout(box)
        layout.addWidget(self.seats, 1)
        layout.addWidget(_row(QLabel("The computer plays a state handed to it at"), self.level))
        layout.addWidget(
            muted(
                "Hand a state to the computer when its team is away: it plays each turn the team "
                "has not handed in orders for by the time the others have. Give it back when the "
                "team returns."
            )
        )
        return box

    def _fill_seats(self, model: WhiteCell) -> None:
        for old in self._seat_buttons.values():  # gone at once: a click finds the new ones
            old.setObjectName("")
            old.deleteLater()
        self.seats.clear()
        self._seat_buttons.clear()
        for row in model.seats:
            connected = "" if row.connected is None else ("yes" if row.connected else "no")
            item = QTreeWidgetItem([row.name, row.played_by, row.orders, connected, ""])
            if row.orders == "waiting":
                bold = QFont(item.font(2))
                bold.setBold(True)
                item.setFont(2, bold)
            self.seats.addTopLevelItem(item)
            if row.by_person or row.handed or row.may_join:
                words = (
                    "Hand to the computer"
                    if row.by_person
                    else "Give back to its team"
                    if row.handed
                    else "Give to a person"
                )
                button = _button(words, f"handSeat_{row.seat}")
                to = "computer" if row.by_person else "person"
                button.clicked.connect(lambda _c=False, s=row.seat, t=to: self._hand(s, t))
                button.setEnabled(not model.finished)
                self.seats.setItemWidget(item, 4, button)
                self._seat_buttons[row.seat] = button
        self.seats.setColumnHidden(3, all(r.connected is None for r in model.seats))
        for c in range(4):
            self.seats.resizeColumnToContents(c)

    def _hand(self, seat: str, to: str) -> None:
        level = self.level.currentData() if to == "computer" else None
        self.act(SeatControl(seat=seat, to=to, level=level))

    # --- the record -------------------------------------------------------------------------------

    def _record_tab(self) -> QWidget:
        box = QWidget()
        self.record = QListWidget()
        self.record.setObjectName("whiteCellRecord")
        self.record.setAccessibleName("The facilitator's record")
        self.record.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.addWidget(self.record, 1)
        layout.addWidget(
            muted(
                "Newest first. The session file keeps each entry: `wargame verify` makes them "
                "again, the debrief shows them as the facilitator's, `wargame export` lists them."
            )
        )
        return box

    # --- private ----------------------------------------------------------------------------------

    def _fill_states(self, model: WhiteCell) -> None:
        states = model.states
        with_facilitator = ((FACILITATOR, "The facilitator"), *states)
        _fill(self.argue_by, with_facilitator)
        _fill(self.counter_by, with_facilitator)
        _fill(self.override_state, states)
        _fill(self.override_other, states)
        if (
            self.override_other.currentIndex() == self.override_state.currentIndex()
            and len(states) > 1
        ):
            self.override_other.setCurrentIndex(1)
        for editor in (self.news_effects, self.success, self.failure):
            editor.set_game(states, model.issues)
        if tuple(self.audience_boxes) != tuple(seat for seat, _ in states):
            grid = self.audience.layout()
            for old in self.audience_boxes.values():
                old.deleteLater()
            self.audience_boxes.clear()
            for n, (seat, name) in enumerate(states):
                check = QCheckBox(name)
                check.setObjectName(f"newsFor_{seat}")
                grid.addWidget(check, n // 4, n % 4)  # type: ignore[union-attr]
                self.audience_boxes[seat] = check

    def _say(self, words: str, error: bool = False) -> None:
        self.feedback.setText(words)
        self.feedback.setProperty("error", error)
        self.feedback.setStyleSheet("font-weight: bold;" if error else "")


def last_ruling(match: Any) -> str:
    """The news of the latest argument ruling (the roll and what came of it), if any."""
    from wargame.facilitator import FacilitatorEvent

    made = [a for r in match.history for a in r.interventions] + list(match.interventions)
    for applied in reversed(made):
        for e in applied.events:
            if e.kind == FacilitatorEvent.ARGUMENT:
                roll = dict(e.numbers).get("roll (succeeds below the chance)")
                rolled = f" (roll {roll:.2f})" if roll is not None else ""
                return f"Last ruling, turn {applied.turn}{rolled}:\n{e.text}"
    return ""


def _first_error(exc: Exception) -> str:
    """The first problem a pydantic error names, in words (the field and what it expects)."""
    errors = getattr(exc, "errors", None)
    if callable(errors):
        first = errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()) if not str(p).isdigit())
        field = {"headline": "the headline", "text": "the text", "action": "the action"}.get(
            where, where.replace("_", " ")
        )
        message = str(first.get("msg", "")).removeprefix("Value error, ")
        if "at least 1 character" in message:
            return f"write {field} first"
        return f"{field}: {message}" if field else message
    return str(exc)


def _fill(combo: QComboBox, items: Any) -> None:
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for value, words in items:
        combo.addItem(words, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(False)


COMBO_NAMES = {
    "argumentBy": "Who argues",
    "counterBy": "Who counter-argues",
    "argumentOdds": "Odds from the table",
    "overrideFigure": "The figure to change",
    "overrideState": "The state",
    "overrideOther": "The other state",
    "overridePopulation": "The population at risk",
    "overrideRecord": "The outcome to change",
    "overrideStatus": "Its new status",
    "handOverLevel": "The computer's level for a state handed to it",
}


def _combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setAccessibleName(COMBO_NAMES.get(name, ""))
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


def _button(words: str, name: str) -> QPushButton:
    button = QPushButton(words)
    button.setObjectName(name)
    return button


def _row(*widgets: QWidget, grow: QWidget | None = None) -> QWidget:
    """Widgets side by side: `grow` takes the room left, else the room is left at the end."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        row.addWidget(w, 1 if w is grow else 0)
    if grow is None:
        row.addStretch(1)
    return box


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area
