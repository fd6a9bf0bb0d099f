"""The what-if page: pick a turn and a state, tick the orders it gives instead, and see what
would have followed: one branch beside the recorded history, then many futures of each with
their distribution of outcomes. The engine plays the futures (wargame.debrief.whatif) on a
worker thread, with progress and a Stop button; the window stays responsive."""

from __future__ import annotations

import threading
from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from wargame.debrief import DebriefError, Played
from wargame.debrief.report_html import table
from wargame.debrief.whatif import (
    WhatIfCancelled,
    branch,
    monte_carlo,
    order_choices,
)
from wargame.debrief.whatif_report import comparison, distribution, percentages
from wargame.debrief.words import Words, number

from .debrief_views import SCREEN_STYLE
from .tasks import TaskRunner
from .widgets import muted, tip

INTRO = (
    "What if a state had chosen differently? Pick a turn and a state, tick the orders it gives "
    "instead, and play on. Computer states keep their players; people's later orders are "
    "replayed while the game still accepts them, else the computer plays their state."
)
DEFAULT_FUTURES = 20


class _Progress(QObject):
    """Emitted from the worker thread; Qt queues the call to the page's thread."""

    sig_progress = Signal(int, int)


class WhatIfPage(QWidget):
    # --- signals ----------------------------------------------------------------------------
    sig_branch_shown = Signal(object)  # the comparison (plain data)
    sig_futures_shown = Signal(object)  # {"recorded": distribution, "alternative": ...}

    def __init__(
        self,
        runner: TaskRunner,
        player_factory: Callable[[str, str | None], Any],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("whatIfPage")
        self.runner = runner
        self.player_factory = player_factory
        self.played: Played | None = None
        self._stop = threading.Event()
        self._progress = _Progress(self)
        self._progress.sig_progress.connect(self._on_progress)
        self.turn = QSpinBox()
        self.turn.setObjectName("whatIfTurn")
        self.turn.setAccessibleName("Branch at turn")
        self.turn.setPrefix("Turn ")
        self.seat = QComboBox()
        self.seat.setObjectName("whatIfSeat")
        self.seat.setAccessibleName("State that chooses differently")
        self.runs = QSpinBox()
        self.runs.setObjectName("whatIfRuns")
        self.runs.setAccessibleName("Number of futures to play")
        self.runs.setRange(2, 2000)
        self.runs.setValue(DEFAULT_FUTURES)
        self.runs.setSuffix(" futures")
        self.orders = QListWidget()
        self.orders.setObjectName("whatIfOrders")
        self.orders.setAccessibleName("Orders it gives instead")
        self.orders.setWordWrap(True)
        # a turn offers a state dozens of orders (every target, measure and demand): find them
        self.find = QLineEdit()
        self.find.setObjectName("whatIfFind")
        self.find.setAccessibleName("Find orders")
        self.find.setPlaceholderText("Find orders: type words, e.g. impose Borduria")
        self.find.setClearButtonEnabled(True)
        self.branch_button = QPushButton("Play the &branch")
        self.branch_button.setObjectName("whatIfBranchButton")
        self.futures_button = QPushButton("Run &many futures")
        self.futures_button.setObjectName("whatIfFuturesButton")
        self.stop_button = QPushButton("Stop")
        self.stop_button.setObjectName("whatIfStopButton")
        self.stop_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setObjectName("whatIfProgress")
        self.progress.hide()
        self.status = muted("")
        self.status.setObjectName("whatIfStatus")
        self.side_by_side = QTextBrowser()
        self.side_by_side.setObjectName("whatIfSideBySide")
        self.side_by_side.setAccessibleName("The two histories side by side")
        self.futures = QTextBrowser()
        self.futures.setObjectName("whatIfFutures")
        self.futures.setAccessibleName("Many futures of each")
        for view in (self.side_by_side, self.futures):
            view.document().setDefaultStyleSheet(SCREEN_STYLE)
        self.results = QTabWidget()
        self.results.setObjectName("whatIfResults")
        self.results.addTab(self.side_by_side, "Side by side")
        self.results.addTab(self.futures, "Many futures")
        self._build_layout()
        self.turn.valueChanged.connect(lambda _v: self._fill_orders())
        self.seat.currentIndexChanged.connect(lambda _i: self._fill_orders())
        self.find.textChanged.connect(lambda _t: self._show_found())
        self.branch_button.clicked.connect(self.play_branch)
        self.futures_button.clicked.connect(self.run_futures)
        self.stop_button.clicked.connect(self._stop.set)

    # --- public API ---------------------------------------------------------------------------

    def set_played(self, played: Played) -> None:
        self.played = played
        self.turn.blockSignals(True)
        self.seat.blockSignals(True)
        self.turn.setRange(1, max(1, len(played.turns)))
        self.turn.setValue(1)
        self.seat.clear()
        for s in played.seats:
            self.seat.addItem(s.name, s.seat)
        self.turn.blockSignals(False)
        self.seat.blockSignals(False)
        self.side_by_side.clear()
        self.futures.clear()
        self.status.setText("")
        self._fill_orders()
        self._set_running(False)

    def choose(self, turn: int, seat: str) -> None:
        self.turn.setValue(turn)
        self.seat.setCurrentIndex(self.seat.findData(seat))

    def set_checked(self, text_part: str, checked: bool) -> bool:
        """Tick or untick the first order whose words contain `text_part` (scripts and tests)."""
        for i in range(self.orders.count()):
            item = self.orders.item(i)
            if text_part in item.text():
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                self.orders.scrollToItem(item)
                return True
        return False

    def chosen_orders(self) -> list[Any]:
        return [
            self.orders.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.orders.count())
            if self.orders.item(i).checkState() == Qt.CheckState.Checked
        ]

    def play_branch(self) -> None:
        played, turn, seat, orders = (
            self.played,
            self.turn.value(),
            self.seat.currentData(),
            self.chosen_orders(),
        )
        if played is None or self.runner.busy:
            return
        factory = self.player_factory

        def work() -> dict[str, Any]:
            future = branch(played, turn, seat, orders, factory)
            return comparison(played, future, seat, orders)

        self._start(f"Playing on from turn {turn}")
        self.runner.run("What if: the branch", work, self._branch_done, self._failed)

    def run_futures(self) -> None:
        played, turn, seat, orders = (
            self.played,
            self.turn.value(),
            self.seat.currentData(),
            self.chosen_orders(),
        )
        if played is None or self.runner.busy:
            return
        runs, factory, stop, progress = (
            self.runs.value(),
            self.player_factory,
            self._stop,
            self._progress,
        )

        def work() -> dict[str, Any]:
            recorded, alternative = monte_carlo(
                played,
                turn,
                seat,
                orders,
                factory,
                runs,
                progress=progress.sig_progress.emit,
                cancelled=stop.is_set,
            )
            return {
                "recorded": distribution(played, recorded),
                "alternative": distribution(played, alternative),
            }

        self._start(f"Playing {runs} futures of each")
        self.progress.setRange(0, runs * 2)
        self.progress.setValue(0)
        self.progress.show()
        self.runner.run("What if: many futures", work, self._futures_done, self._failed)

    # --- private --------------------------------------------------------------------------------

    def _build_layout(self) -> None:
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel("Branch at"))
        row.addWidget(self.turn)
        row.addWidget(QLabel("where"))
        row.addWidget(self.seat)
        row.addWidget(QLabel("gives the ticked orders"))
        row.addStretch(1)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(muted("Ticked: what it gives instead (its recorded orders come first)."))
        lv.addWidget(self.find)
        lv.addWidget(self.orders, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.branch_button)
        buttons.addWidget(self.runs)
        buttons.addWidget(self.futures_button)
        lv.addLayout(buttons)
        stop_row = QHBoxLayout()
        stop_row.addWidget(self.progress, 1)
        stop_row.addWidget(self.stop_button)
        lv.addLayout(stop_row)
        lv.addWidget(self.status)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.results)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(split, 1)

    def _fill_orders(self) -> None:
        self.orders.clear()
        played, seat = self.played, self.seat.currentData()
        if played is None or seat is None or not played.turns:
            return
        turn = self.turn.value()
        words = Words(played.scenario)
        before = played.state_before(turn)
        for order, recorded in order_choices(played, turn, seat):
            text = words.order(order, before) + ("  (recorded)" if recorded else "")
            item = QListWidgetItem(text)
            item.setToolTip(tip(text))
            item.setData(Qt.ItemDataRole.UserRole, order)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if recorded else Qt.CheckState.Unchecked)
            self.orders.addItem(item)
        self._show_found()
        self.orders.scrollToTop()

    def _show_found(self) -> None:
        """Show the orders holding every word typed in the find box, and every ticked one (what
        will be given stays in sight; one unticked stays until the words change)."""
        words = self.find.text().casefold().split()
        for i in range(self.orders.count()):
            item = self.orders.item(i)
            text = item.text().casefold()
            found = all(w in text for w in words)
            item.setHidden(not found and item.checkState() != Qt.CheckState.Checked)

    def _start(self, text: str) -> None:
        self._stop.clear()
        self.status.setText(text + "\u2026")
        self._set_running(True)

    def _set_running(self, running: bool) -> None:
        self.branch_button.setEnabled(not running)
        self.futures_button.setEnabled(not running)
        self.stop_button.setEnabled(running)
        self.turn.setEnabled(not running)
        self.seat.setEnabled(not running)
        if not running:
            self.progress.hide()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _failed(self, exc: Exception) -> None:
        self._set_running(False)
        if isinstance(exc, WhatIfCancelled):
            self.status.setText("Stopped.")
        elif isinstance(exc, DebriefError):
            self.status.setText(f"Not possible: {exc}")
        else:
            self.status.setText(f"Something went wrong: {exc}")

    def _branch_done(self, data: dict[str, Any]) -> None:
        self._set_running(False)
        self.side_by_side.setHtml(branch_html(data))
        stand_ins = data["stand_ins"]
        note = (
            "The same history: these orders change nothing."
            if data["identical_while_recorded"]
            else f"The histories part from turn {data['turn']} (what differs is in bold)."
        )
        if stand_ins:
            note += (
                " The computer played "
                + ", ".join(f"{s['name']} on turn {s['turn']}" for s in stand_ins)
                + " (its recorded orders no longer fitted)."
            )
        self.status.setText(note)
        self.results.setCurrentWidget(self.side_by_side)
        self.sig_branch_shown.emit(data)

    def _futures_done(self, data: dict[str, Any]) -> None:
        self._set_running(False)
        self.futures.setHtml(futures_html(data))
        self.status.setText(
            f"{data['recorded']['runs']} futures of each, future k of both with the same dice. "
            "Intervals: 95%."
        )
        self.results.setCurrentWidget(self.futures)
        self.sig_futures_shown.emit(data)


def branch_html(data: dict[str, Any]) -> str:
    """The two histories side by side, turn by turn, then where each ended."""
    rows = []
    for t in data["turns"]:
        a, b = t["original"], t["branch"]
        a_events = a["events"] if a else []
        b_events = b["events"] if b else []
        rows.append(
            (
                f"<b>Turn {t['turn']}</b>",
                _side(a, a_events, set(b_events)),
                _side(b, b_events, set(a_events)),
            )
        )
    end = data["end"]
    for seat, s in end["original"]["states"].items():
        b = end["branch"]["states"][seat]
        rows.append((f"<b>{escape(s['name'])}</b> at the end", _ending(s), _ending(b)))
    rows.append(
        (
            "The crisis ended at",
            escape(end["original"]["final_rung"]),
            escape(end["branch"]["final_rung"]),
        )
    )
    return table(("", "What happened", "What would have happened"), rows, "100%")


def _side(side: dict[str, Any] | None, events: list[str], other: set[str]) -> str:
    if side is None:
        return "<i>not played</i>"
    head = f"<b>{escape(side['rung'])}</b>, tension {number(side['tension'], 0)}"
    lines = [f"<b>{escape(e)}</b>" if e not in other else escape(e) for e in events]
    return head + "".join(f"<br>\u2022 {line}" for line in lines)


def _ending(s: dict[str, Any]) -> str:
    return (
        f"{s['total']} points, {escape(s['outcome'])} "
        f"({s['objectives_met']} of {s['objectives']} objectives met)"
    )


def futures_html(data: dict[str, Any]) -> str:
    """The distribution of outcomes over the futures of each arm, with 95% intervals."""
    recorded, alternative = data["recorded"], data["alternative"]
    has_alt = bool(alternative.get("runs"))
    rows = [
        (
            "Highest rung reached",
            _shares(recorded["peak_rung"]),
            _shares(alternative["peak_rung"]) if has_alt else "\u2014",
        ),
        ("A war was fought", _war(recorded), _war(alternative) if has_alt else "\u2014"),
    ]
    for seat, s in recorded["states"].items():
        other = alternative["states"][seat] if has_alt else None
        rows.append(
            (f"<b>{escape(s['name'])}</b>", _score(s), _score(other) if other else "\u2014")
        )
        for i, obj in enumerate(s["objectives"]):
            alt = other["objectives"][i] if other else None
            rows.append(
                (
                    '<span class="note">'
                    + escape(obj["objective"])
                    + (" (secret)" if obj["secret"] else "")
                    + "</span>",
                    _met(obj),
                    _met(alt) if alt else "\u2014",
                )
            )
    return table(("", "With the recorded orders", "With the change"), rows, "100%")


def _shares(shares: dict[str, Any]) -> str:
    return escape(", ".join(f"{k} {v}%" for k, v in percentages(shares).items())) or "\u2014"


def _war(d: dict[str, Any]) -> str:
    if not d.get("runs"):
        return "\u2014"
    w = d["war"]
    lo, hi = w["interval"]
    return f"{number(w['share'] * 100)}% ({number(lo * 100)}\u2013{number(hi * 100)}%)"


def _score(s: dict[str, Any]) -> str:
    lo, hi = s["score"]["interval"]
    outcomes = ", ".join(f"{k} {v}%" for k, v in percentages(s["outcomes"]).items())
    return escape(
        f"{number(s['score']['mean'])} points ({number(lo)}\u2013{number(hi)}); {outcomes}"
    )


def _met(o: dict[str, Any]) -> str:
    lo, hi = o["interval"]
    return f"met in {number(o['share'] * 100)}% ({number(lo * 100)}\u2013{number(hi * 100)}%)"
