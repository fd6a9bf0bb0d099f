"""A wrapped label remembers its height for a width (layouts ask it again and again), and forgets
it whenever what the height depends on changes: a stale height would cut text off or leave a
gap."""

from __future__ import annotations

from PySide6.QtGui import QFont

from ui.widgets import rich, text

LONG = "A delegation asks the Council to meet about the corridor. " * 8


def test_a_longer_text_is_measured_again(qtbot) -> None:
    label = text("Short.")
    qtbot.addWidget(label)
    short = label.heightForWidth(200)
    assert label.heightForWidth(200) == short  # asked again: the same answer
    label.setText(LONG)
    assert label.heightForWidth(200) > short * 3
    label.setText("Short.")
    assert label.heightForWidth(200) == short


def test_a_larger_font_or_a_narrower_width_is_measured_again(qtbot) -> None:
    label = rich(f"<b>{LONG}</b>")
    qtbot.addWidget(label)
    normal, narrow = label.heightForWidth(300), label.heightForWidth(150)
    assert narrow > normal
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    label.setFont(font)
    assert label.heightForWidth(300) > normal * 1.5


def test_margins_and_wrapping_count(qtbot) -> None:
    label = text(LONG)
    qtbot.addWidget(label)
    wrapped = label.heightForWidth(300)
    label.setContentsMargins(0, 20, 0, 20)
    assert label.heightForWidth(300) >= wrapped + 40
    label.clear()
    assert label.heightForWidth(300) < wrapped
