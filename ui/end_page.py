"""The end of the game, the debrief: every state's score against its objectives (with the turn
each was decided), the timeline linking outcomes to the decisions behind them, the computer
players' reasons in plain words, charts, the questions for discussion with the Council votes,
sanctions and treaties, and what-if branches; the report can be exported; then play again."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wargame.scoring import SCORE_RULE

from .debrief import Debrief
from .debrief_views import ThreadsView, TimelineTree
from .tasks import TaskRunner, ThreadTaskRunner
from .theme import good_bad_colors
from .widgets import WrapDelegate, heading, muted, text, tip

SCORE_COLUMNS = ("State", "Played by", "Outcome", "Objectives", "Obligations", "Total")


class EndPage(QWidget):
    # --- signals ----------------------------------------------------------------------------
    sig_play_again_requested = Signal()
    sig_new_game_requested = Signal()
    sig_start_screen_requested = Signal()
    sig_export_requested = Signal()

    def __init__(self, parent: QWidget | None = None, whatif_runner: TaskRunner | None = None):
        super().__init__(parent)
        self._whatif_runner = whatif_runner  # its own worker: many futures take a while
        self.charts = None  # made with the first debrief (pyqtgraph loads only then)
        self.whatif = None
        self.setObjectName("endPage")
        self.title = heading("", 1.7, "endTitle")
        self.summary = text("", "endSummary")
        self.scores = QTreeWidget()
        self.scores.setObjectName("scoreTable")
        self.scores.setAccessibleName("Scores and outcomes")
        self.scores.setColumnCount(len(SCORE_COLUMNS))
        self.scores.setHeaderLabels(list(SCORE_COLUMNS))
        WrapDelegate(self.scores)  # an outcome's reason is read whole, not cut with "..."
        self.scores.setAlternatingRowColors(True)
        header = self.scores.header()
        header.setStretchLastSection(
            True
        )  # the objectives' lines, which span the table, get the room
        header.setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive
        )  # fitted to the states' rows in _fit_columns
        self.timeline = TimelineTree()
        self.threads = ThreadsView()
        self.charts_tab = QWidget()
        QVBoxLayout(self.charts_tab).setContentsMargins(0, 0, 0, 0)
        self.whatif_tab = QWidget()
        QVBoxLayout(self.whatif_tab).setContentsMargins(0, 0, 0, 0)
        self.reasons = QTreeWidget()
        self.reasons.setObjectName("computerReasons")
        self.reasons.setAccessibleName("Why the computer players did what they did")
        self.reasons.setHeaderLabels(["Why the computer players did what they did"])
        WrapDelegate(self.reasons)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("endTabs")
        scores_tab = QWidget()
        st = QVBoxLayout(scores_tab)
        st.addWidget(self.scores)
        st.addWidget(muted(f"{SCORE_RULE} Secret objectives are revealed now."))
        self.tabs.addTab(scores_tab, "Scores and outcomes")
        self.tabs.addTab(self.timeline, "Timeline")
        self.tabs.addTab(self.reasons, "Computer players' reasoning")
        self.tabs.addTab(self.charts_tab, "Charts")
        self.tabs.addTab(self.threads, "Questions, Council, sanctions, treaties")
        self.tabs.addTab(self.whatif_tab, "What if\u2026")
        again = QPushButton("Play &again (same players)")
        again.setObjectName("playAgainButton")
        again.setToolTip("Start the same scenario again with the same players and seed")
        again.clicked.connect(self.sig_play_again_requested)
        self.again_button = again
        new = QPushButton("&New game\u2026")
        new.setObjectName("endNewGameButton")
        new.clicked.connect(self.sig_new_game_requested)
        export = QPushButton("&Export report\u2026")
        export.setObjectName("exportReportButton")
        export.setToolTip("Write the after-action report as PDF or HTML, to print or share")
        export.clicked.connect(self.sig_export_requested)
        home = QPushButton("Start screen")
        home.setObjectName("startScreenButton")
        home.clicked.connect(self.sig_start_screen_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(home)
        buttons.addStretch(1)
        buttons.addWidget(export)
        buttons.addWidget(new)
        buttons.addWidget(again)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

    # --- public API ---------------------------------------------------------------------------

    def show_debrief(self, d: Debrief, can_play_again: bool = True) -> None:
        self.title.setText(f"Game over \u2014 {d.title}")
        self.summary.setText(
            f"{d.turns_played} turns played. The crisis ended at {d.final_rung} (the highest rung reached was "
            f"{d.max_rung}), with global tension at {d.final_tension:.0f} of 100."
        )
        self._fill_scores(d)
        self.timeline.show_timeline(d.report.timeline)
        self._fill_reasons(d)
        self.threads.show_report(d.report)
        self._charts().show_charts(d.report.charts)
        self._whatif().set_played(d.played)
        self.again_button.setEnabled(can_play_again)
        self.tabs.setCurrentIndex(0)

    # --- private --------------------------------------------------------------------------------

    def _charts(self):  # noqa: ANN202 - imported lazily: it brings in pyqtgraph
        if self.charts is None:
            from .debrief_views import DebriefCharts

            self.charts = DebriefCharts()
            self.charts_tab.layout().addWidget(self.charts)
        return self.charts

    def _whatif(self):  # noqa: ANN202 - made with the first debrief
        if self.whatif is None:
            from wargame.ai import make_player

            from .whatif_page import WhatIfPage

            runner = self._whatif_runner or ThreadTaskRunner(self)
            self.whatif = WhatIfPage(runner, make_player)
            self.whatif_tab.layout().addWidget(self.whatif)
        return self.whatif

    def _fill_scores(self, d: Debrief) -> None:
        good, bad = good_bad_colors(self.palette())
        self.scores.clear()
        for row in sorted(d.scores, key=lambda r: -r.total):
            item = QTreeWidgetItem(
                [
                    row.name,
                    row.played_by,
                    row.outcome.capitalize(),
                    f"{row.objective_points} of {row.possible_points}",
                    f"{row.obligation_points:+d}",
                    str(row.total),
                ]
            )
            item.setToolTip(2, tip(row.why))
            font = item.font(0)
            font.setBold(True)
            for c in (0, 2, 5):
                item.setFont(c, font)
            self.scores.addTopLevelItem(item)
            # points alone do not tell outcomes apart: the rule that decided it comes first
            why = QTreeWidgetItem([f"{row.outcome.capitalize()}: {row.why}"])
            italic = why.font(0)
            italic.setItalic(True)
            why.setFont(0, italic)
            why.setToolTip(0, tip(row.why))
            item.addChild(why)
            why.setFirstColumnSpanned(True)
            for o in row.objectives:
                # one line across the whole table, so the State column need only fit the names
                decided = getattr(o, "decided_turn", 0)
                when = f" on turn {decided}" if decided else " from the start"
                mark = ("\u2713 met" if o.met else "\u2717 not met") + when
                secret = " (secret)" if o.secret else ""
                child = QTreeWidgetItem(
                    [f"{mark} \u2014 {o.text}{secret} \u2014 {o.points} points"]
                )
                child.setForeground(0, QBrush(QColor(good if o.met else bad)))
                child.setToolTip(
                    0,
                    tip(
                        f"{o.text}{secret}: {o.points} points, {'met' if o.met else 'not met'} at the end"
                    ),
                )
                item.addChild(child)
                child.setFirstColumnSpanned(True)
        self._fit_columns()
        self.scores.expandAll()

    def _fit_columns(self) -> None:
        """Each column as wide as its header and the states' rows (objectives span the table)."""
        self.scores.collapseAll()  # a tree sizes a column by its visible rows
        for c in range(self.scores.columnCount()):
            self.scores.resizeColumnToContents(c)
            header_width = self.scores.header().sectionSizeFromContents(c).width()
            pad = self.scores.fontMetrics().averageCharWidth() * 2
            self.scores.setColumnWidth(c, max(self.scores.columnWidth(c), header_width) + pad)

    def _fill_reasons(self, d: Debrief) -> None:
        self.reasons.clear()
        if not d.reasons:
            self.reasons.addTopLevelItem(
                QTreeWidgetItem(["No computer players took part in this game."])
            )
            return
        for turn, seats in d.reasons:
            top = QTreeWidgetItem([f"Turn {turn}"])
            for name, why in seats:
                seat = QTreeWidgetItem([name if why else f"{name}: gave no reasons this turn"])
                for line in why:
                    leaf = QTreeWidgetItem([line])
                    leaf.setToolTip(0, tip(line))
                    seat.addChild(leaf)
                top.addChild(seat)
            self.reasons.addTopLevelItem(top)
        self.reasons.expandToDepth(1)
        self.reasons.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
