"""The news panel's "Why?": the numbers behind an event, and the note on chances and rolls only
where the dice decided the event."""

from __future__ import annotations

from ui.news_panel import NewsPanel
from ui.viewmodels import EventRow, TurnEvents, rolled
from wargame.events import Event

THREAT = Event(
    1,
    "SanctionsThreatened",
    "Aurelia threatened Borduria.",
    ("aurelia",),
    (("cost if imposed, % of GDP per turn", 1.5),),
)
BATTLE = Event(
    1,
    "Battle",
    "Aurelia had the better of the fighting.",
    ("aurelia",),
    (("chance", 0.6), ("roll", 0.41)),
)
SEIZED = Event(
    1,
    "Detected",
    "Borduria's cheating was found.",
    ("borduria",),
    (),
    None,
    (("aurelia", "roll", 0.2),),
)


def _row(event: Event) -> EventRow:
    return EventRow(
        event.turn, event.kind, event.text, event.why(), True, True, rolled=rolled(event)
    )


def test_a_roll_among_the_numbers_or_the_private_ones_counts_as_the_dice():
    assert not rolled(THREAT)
    assert rolled(BATTLE) and rolled(SEIZED)


def test_the_note_on_rolls_is_shown_only_for_an_event_the_dice_decided(qtbot):
    panel = NewsPanel()
    qtbot.addWidget(panel)
    panel.show_timeline((TurnEvents(1, (_row(THREAT), _row(BATTLE))),))
    panel.select_event(0, 0)
    panel.show_why()
    assert "cost if imposed" in panel.why.toPlainText()
    assert panel.dice_note.isHidden()  # no chance, no roll: the note would only puzzle
    panel.select_event(0, 1)
    assert panel.dice_note.isHidden() and not panel.why.toPlainText()  # not asked yet
    panel.show_why()
    assert "roll: 0.410" in panel.why.toPlainText()
    assert not panel.dice_note.isHidden()
