"""New game: choose a scenario (title, summary, briefing), who plays each state (a person or the
computer, and the computer's level and style), and the seed; then start."""

from __future__ import annotations

import random
from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QListView,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wargame.ai import DEFAULT_LEVEL, DOCTRINES, LEVELS
from wargame.scenario import Scenario
from wargame.scenario.library import Entry

from .game_setup import COMPUTER, LEVEL_NAMES, PERSON, GameSetup, SeatChoice
from .item_models import ScenarioListModel
from .widgets import GuardedButton, heading, muted, reflow, rich, scrolled, section, text, tip

DOCTRINE_HELP = {
    "hawk": "hawk: uses pressure and force readily",
    "dove": "dove: seeks calm and compromise",
    "realist": "realist: follows power and interest",
    "institutionalist": "institutionalist: works through treaties and organizations",
}
LEVEL_HELP = (
    "How far ahead the computer looks. Levels differ in foresight (how far ahead they look), "
    "not in what they can see: at every level the computer knows only what this state's "
    "government would know."
)
LEVELS_NOTE = (
    "Computer's level: Easy plays by rules of thumb; Normal (recommended) and Hard weigh several plans "
    "by playing them a few turns ahead. Levels differ in foresight, not in what they can see: no level "
    "knows another state's secrets."
)
MAX_SEED = 2**31 - 1  # what a spin box can hold; the engine accepts more


class SetupPage(QWidget):
    # --- signals ----------------------------------------------------------------------------
    sig_start_requested = Signal(object)  # GameSetup
    sig_back_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("setupPage")
        self._scenario: Scenario | None = None
        self.model = ScenarioListModel(parent=self)
        self.list = QListView()
        self.list.setObjectName("scenarioList")
        self.list.setAccessibleName("Scenarios")
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.selectionModel().currentChanged.connect(
            lambda cur, _prev: self._on_scenario(cur.row())
        )
        self.title = heading("", 1.6, "scenarioTitle")
        self.summary = text("", "scenarioSummary")
        self.briefing = text("", "scenarioBriefing")
        self.seats = QTableWidget(0, 4)
        self.seats.setObjectName("seatTable")
        self.seats.setTabKeyNavigation(False)  # Tab moves on to the choices, not cell to cell
        self.seats.setAccessibleName("Who leads each state")
        self.seats.setHorizontalHeaderLabels(
            ["State", "Played by", "Computer's level", "Computer's style"]
        )
        self.seats.horizontalHeaderItem(2).setToolTip(LEVEL_HELP)
        self.seats.horizontalHeaderItem(3).setToolTip(
            "How the computer plays this state: its doctrine"
        )
        self.seats.verticalHeader().hide()
        self.seats.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.seats.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.seats.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.seats.setToolTip("For each state: a person at this computer, or the computer")
        self.seed = QSpinBox()
        self.seed.setObjectName("seedBox")
        self.seed.setAccessibleName("Seed")
        self.seed.setRange(0, MAX_SEED)
        self.seed.setToolTip("The same scenario, seed and orders always give the same game")
        reroll = QPushButton("Random seed")
        reroll.setToolTip("Pick a new seed at random")
        reroll.clicked.connect(lambda: self.seed.setValue(random.randint(0, MAX_SEED)))
        self.problem = rich("", "setupProblem")
        self.start_button = GuardedButton("&Start game")
        self.start_button.setObjectName("startGameButton")
        self.start_button.setDefault(True)
        self.start_button.setToolTip("Start with these players (Enter)")
        self.start_button.clicked.connect(self._on_start)
        back = QPushButton("Back")
        back.setObjectName("backButton")
        back.setToolTip("Back to the start screen (Esc)")
        back.clicked.connect(self.sig_back_requested)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.sig_back_requested.emit)

        details = QWidget()
        d = QVBoxLayout(details)
        d.addWidget(self.title)
        d.addWidget(self.summary)
        d.addWidget(section("The situation", _one(self.briefing)))
        players = QVBoxLayout()
        players.addWidget(self.seats)
        players.addWidget(muted(LEVELS_NOTE, "levelsNote"))
        players.addWidget(
            muted(
                "Several people can share this computer (hot-seat): each hands over to the next, and the screen hides the previous player's view."
            )
        )
        seed_row = QHBoxLayout()
        seed_row.addWidget(text("Seed:"))
        seed_row.addWidget(self.seed)
        seed_row.addWidget(reroll)
        seed_row.addStretch(1)
        players.addLayout(seed_row)
        d.addWidget(section("Who leads each state", players, "playersBox"))
        d.addStretch(1)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(heading("Scenarios", 1.2))
        lv.addWidget(self.list, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(scrolled(details))
        split.setStretchFactor(1, 1)
        split.setSizes([340, 900])
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addWidget(self.problem, 1)
        buttons.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(heading("New game", 1.6))
        layout.addWidget(split, 1)
        layout.addLayout(buttons)

    # --- public API ---------------------------------------------------------------------------

    @property
    def loaded(self) -> bool:
        return self.model.rowCount() > 0

    def show_reading(self, message: str) -> None:
        """While the scenarios are being read (or why they could not be)."""
        self.title.setText(message)
        self.start_button.setEnabled(False)

    def set_entries(self, entries: Sequence[Entry]) -> None:
        """Tutorials first (a newcomer's best start), then the others in the catalogue's order."""
        entries = sorted(
            entries, key=lambda e: not (e.scenario is not None and "tutorial" in e.scenario.id)
        )
        self.model.set_entries(entries)
        first = next((i for i, e in enumerate(entries) if e.scenario is not None), None)
        if first is not None:
            self.select_row(first)

    def select_scenario(self, scenario_id: str) -> bool:
        for row in range(self.model.rowCount()):
            entry = self.model.entry(row)
            if (
                entry is not None
                and entry.scenario is not None
                and entry.scenario.id == scenario_id
            ):
                self.select_row(row)
                return True
        return False

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self._on_scenario(row)

    def set_player(
        self, seat: str, player: str, doctrine: str | None = None, level: str = DEFAULT_LEVEL
    ) -> None:
        """Choose who plays a seat, as the combo boxes would."""
        for row in range(self.seats.rowCount()):
            if self.seats.item(row, 0).data(Qt.ItemDataRole.UserRole) == seat:
                who, level_box, style = self._row_boxes(row)
                who.setCurrentIndex(who.findData(player))
                if player == COMPUTER:
                    level_box.setCurrentIndex(max(0, level_box.findData(level)))
                    style.setCurrentIndex(max(0, style.findData(doctrine)))
                return
        raise KeyError(seat)

    def current_setup(self) -> GameSetup | None:
        if self._scenario is None:
            return None
        seats = []
        for row in range(self.seats.rowCount()):
            seat = self.seats.item(row, 0).data(Qt.ItemDataRole.UserRole)
            who, level, style = self._row_boxes(row)
            if who.currentData() == COMPUTER:
                seats.append(
                    SeatChoice(
                        seat, COMPUTER, style.currentData(), level.currentData() or DEFAULT_LEVEL
                    )
                )
            else:
                seats.append(SeatChoice(seat, PERSON))
        return GameSetup(self._scenario, tuple(seats), self.seed.value())

    # --- private --------------------------------------------------------------------------------

    def _on_scenario(self, row: int) -> None:
        entry = self.model.entry(row)
        sc = entry.scenario if entry is not None else None
        if sc is None or sc is self._scenario:
            return
        self._scenario = sc
        self.title.setText(sc.title)
        self.summary.setText(reflow(sc.summary))
        self.briefing.setText(reflow(sc.briefing))
        self.seed.setValue(min(sc.seed, MAX_SEED))
        self._clear_seats()
        self.seats.setRowCount(len(sc.states))
        for r, spec in enumerate(sc.states):
            item = QTableWidgetItem(f"{spec.name} ({spec.regime})")
            item.setToolTip(
                tip(f"{spec.name}: {spec.regime}{', great power' if spec.great_power else ''}")
            )
            item.setData(Qt.ItemDataRole.UserRole, spec.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.seats.setItem(r, 0, item)
            who = _compact(QComboBox())
            who.setObjectName(f"player_{spec.id}")
            who.setAccessibleName(f"Who leads {spec.name}")
            who.addItem("A person", PERSON)
            who.addItem("The computer", COMPUTER)
            who.setCurrentIndex(0 if r == 0 else 1)
            style = _compact(QComboBox())
            style.setObjectName(f"doctrine_{spec.id}")
            style.setAccessibleName(f"Computer's style for {spec.name}")
            style.addItem(f"As the scenario: {spec.doctrine}", None)
            style.setItemData(
                0,
                tip(f"The scenario's doctrine for {spec.name}: {DOCTRINE_HELP[spec.doctrine]}"),
                Qt.ItemDataRole.ToolTipRole,
            )
            for doctrine in DOCTRINES:  # the word in the list, what it means in its tooltip
                style.addItem(doctrine.capitalize(), doctrine)
                style.setItemData(
                    style.count() - 1,
                    DOCTRINE_HELP[doctrine].capitalize(),
                    Qt.ItemDataRole.ToolTipRole,
                )
            level = _level_box(spec.id)
            level.setAccessibleName(f"Computer's level for {spec.name}")
            who.currentIndexChanged.connect(
                lambda _i, w=who, lv=level, s=style: self._on_player(w, lv, s)
            )
            self.seats.setCellWidget(r, 1, who)
            self.seats.setCellWidget(r, 2, level)
            self.seats.setCellWidget(r, 3, style)
            _show_computer_boxes(who, level, style)
        self._update_problem()
        self.seats.resizeRowsToContents()
        height = (
            self.seats.horizontalHeader().height()
            + sum(self.seats.rowHeight(r) for r in range(len(sc.states)))
            + 4
        )
        self.seats.setFixedHeight(height)

    def _clear_seats(self) -> None:
        """Take the previous scenario's boxes away now: the table deletes a replaced box only
        when control returns to the event loop, and until then it showed over the new rows."""
        for row in range(self.seats.rowCount()):
            for column in (1, 2, 3):
                box = self.seats.cellWidget(row, column)
                if box is not None:
                    box.hide()
                    box.setObjectName("")  # a test or a screen reader must not find it by name
        self.seats.setRowCount(0)

    def _row_boxes(self, row: int) -> tuple[QComboBox, QComboBox, QComboBox]:
        """Who plays the seat, the computer's level, the computer's style."""
        return tuple(self.seats.cellWidget(row, c) for c in (1, 2, 3))  # type: ignore[return-value]

    def _on_player(self, who: QComboBox, level: QComboBox, style: QComboBox) -> None:
        _show_computer_boxes(who, level, style)
        self._update_problem()

    def _update_problem(self) -> None:
        setup = self.current_setup()
        problem = setup.problem() if setup is not None else "Choose a scenario."
        self.problem.setText(f"<b>{problem}</b>" if problem else "")
        self.start_button.setEnabled(problem is None)

    def _on_start(self) -> None:
        setup = self.current_setup()
        if setup is not None and setup.problem() is None:
            self.sig_start_requested.emit(setup)


def _compact(box: QComboBox) -> QComboBox:
    """A combo box that may be narrower than its longest choice (it is shortened with "...",
    each choice's tooltip says it whole): the table of seats then fits a small screen."""
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(8)
    return box


def _level_box(seat: str) -> QComboBox:
    box = _compact(QComboBox())
    box.setObjectName(f"level_{seat}")
    for level, foresight in LEVELS.items():
        box.addItem(LEVEL_NAMES.get(level, level.capitalize()), level)
        if foresight is None:
            tip = "Plays by rules of thumb; does not look ahead."
        else:
            tip = f"Compares {foresight.candidates} plans, looking {foresight.depth} turns ahead."
        if level == DEFAULT_LEVEL:
            tip += " Recommended."
        box.setItemData(box.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
    box.setCurrentIndex(max(0, box.findData(DEFAULT_LEVEL)))
    return box


def _show_computer_boxes(who: QComboBox, level: QComboBox, style: QComboBox) -> None:
    """The computer's level and style matter only when the computer plays the state."""
    computer = who.currentData() == COMPUTER
    for box, help_text, default in (
        (level, LEVEL_HELP, level.findData(DEFAULT_LEVEL)),
        (style, "How the computer plays this state", 0),
    ):
        box.setEnabled(computer)
        box.setToolTip(help_text if computer else "A person plays this state")
        box.setPlaceholderText("\u2014")
        if not computer:
            box.setCurrentIndex(-1)
        elif box.currentIndex() < 0:
            box.setCurrentIndex(max(0, default))
    style.setPlaceholderText("\u2014")


def _one(widget: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout()
    layout.addWidget(widget)
    return layout
