"""Widgets of the debrief screen: the timeline (each decision, what became of it, the events it
led to with the numbers behind them, the computer's reasons) and the crisis's threads (Council
votes, sanctions, treaties, wars) with the questions for discussion. They render the engine's
`wargame.debrief.Report`; nothing here decides what happened."""

from __future__ import annotations

import re

from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wargame.debrief import Charts, Report
from wargame.debrief.report_html import (
    STYLE,
    affairs_section,
    escalation_section,
    questions_section,
)
from wargame.debrief.timeline import EventLine, TurnStory
from wargame.debrief.words import number, rung_words

from .theme import good_bad_colors
from .widgets import WrapDelegate, muted, tip

WHY_NOTE = "The numbers behind it: "
# the print style without its colours: on screen the theme's colours (light or dark) rule
SCREEN_STYLE = re.sub(r"(background-)?color: #[0-9a-f]+;", "", STYLE)


class TimelineTree(QTreeWidget):
    """Turn > state > decision > what it led to. Collapsed below the states: open what you ask."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("debriefTimeline")
        self.setAccessibleName("Timeline: each decision and what it led to")
        self.setHeaderLabels(["Turn by turn: each decision, what became of it, what it led to"])
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        WrapDelegate(self)

    def show_timeline(self, stories: tuple[TurnStory, ...]) -> None:
        self.clear()
        _good, bad = good_bad_colors(self.palette())
        bold = QFont(self.font())
        bold.setBold(True)
        for story in stories:
            top = QTreeWidgetItem([_turn_title(story)])
            top.setFont(0, bold)
            for seat in story.seats:
                node = QTreeWidgetItem([f"{seat.name} ({seat.played_by})"])
                for d in seat.decisions:
                    text = d.text if d.applied else f"\u2718 {d.text} \u2014 void: {d.void_reason}"
                    item = QTreeWidgetItem([text])
                    item.setToolTip(0, tip(text))
                    if not d.applied:
                        item.setForeground(0, QBrush(QColor(bad)))
                    if d.why:
                        why = QTreeWidgetItem([f"Why: {d.why}"])
                        italic = QFont(self.font())
                        italic.setItalic(True)
                        why.setFont(0, italic)
                        item.addChild(why)
                    for e in d.led_to:
                        item.addChild(_event_item(e, "\u2192 "))
                    node.addChild(item)
                for note in seat.notes:
                    node.addChild(QTreeWidgetItem([note]))
                top.addChild(node)
            if story.also:
                also = QTreeWidgetItem(["Also this turn"])
                for e in story.also:
                    also.addChild(_event_item(e, ""))
                top.addChild(also)
            self.addTopLevelItem(top)
        self.expandToDepth(1)


def _turn_title(story: TurnStory) -> str:
    rung = (
        f"{rung_words(story.rung_before)} \u2192 {rung_words(story.rung_after)}"
        if story.rung_before != story.rung_after
        else rung_words(story.rung_after)
    )
    return (
        f"Turn {story.turn}: {rung}; tension {number(story.tension_before, 0)} \u2192 "
        f"{number(story.tension_after, 0)}"
    )


def _event_item(e: EventLine, prefix: str) -> QTreeWidgetItem:
    text = prefix + e.text + ("" if e.public else " (private)")
    item = QTreeWidgetItem([text])
    item.setToolTip(0, tip(text + (f"\n\n{WHY_NOTE}" + "; ".join(e.why) if e.why else "")))
    for line in e.why:
        item.addChild(QTreeWidgetItem([line]))
    return item


class ThreadsView(QTextBrowser):
    """The questions for discussion, the escalation path, the Council's votes with reasons,
    sanctions from threat to end, treaties made, tested, kept and broken, wars, injects."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("debriefThreads")
        self.setAccessibleName("Questions for discussion and the threads of the crisis")
        self.setOpenLinks(False)
        self.document().setDefaultStyleSheet(SCREEN_STYLE)

    def show_report(self, report: Report) -> None:
        self.setHtml(
            "".join(
                [
                    "<h2>Questions for discussion</h2>",
                    questions_section(report),
                    "<h2>The escalation path</h2>",
                    escalation_section(report),
                    *(s.replace(' class="break"', "") for s in affairs_section(report)),
                ]
            )
        )


class DebriefCharts(QWidget):
    """The report's charts as they will print (true figures: the facilitator's), one at a time:
    tension and the escalation ladder, or one indicator for every state."""

    CHOICES = (
        ("tension", "Tension and escalation"),
        ("military", "Military"),
        ("economy", "Economy"),
        ("stability", "Stability"),
        ("reputation", "Reputation"),
    )

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("debriefCharts")
        self._charts: Charts | None = None
        self._shown: QWidget | None = None
        self.choice = QComboBox()
        self.choice.setObjectName("debriefChartChoice")
        self.choice.setAccessibleName("Chart to show")
        for key, label in self.CHOICES:
            self.choice.addItem(label, key)
        self.choice.currentIndexChanged.connect(lambda _i: self._draw())
        row = QHBoxLayout()
        row.addWidget(QLabel("Chart:"))
        row.addWidget(self.choice)
        row.addStretch(1)
        self.box = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(
            muted("Each state keeps its dash pattern and marker, so the charts read in print too.")
        )
        layout.addLayout(self.box, 1)

    def show_charts(self, charts: Charts) -> None:
        self._charts = charts
        self._draw()

    def _draw(self) -> None:
        from .print_charts import chart_widget  # pyqtgraph loads with the first chart

        if self._shown is not None:
            self.box.removeWidget(self._shown)
            self._shown.deleteLater()
            self._shown = None
        if self._charts is None:
            return
        self._shown = chart_widget(self._charts, self.choice.currentData())
        self._shown.setAccessibleName(f"Chart: {self.choice.currentText()}")
        self.box.addWidget(self._shown, 1)
