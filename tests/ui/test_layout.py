"""Things seen on screenshots: the tension figure is a label of its own (never drawn over its
bar), the map legend shows whole labels with a tooltip each, and the end screen's table columns
fit their content."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QProgressBar, QTreeWidget

from ui.tasks import SyncTaskRunner

from .driver import click, find, label, submit_and_wait


def _play_tutorial(qtbot, make_window):
    window = make_window(SyncTaskRunner())
    click(qtbot, window, "tutorialButton")
    assert window.page() == "play"
    return window


def test_the_tension_figure_is_not_drawn_over_its_bar(qtbot, make_window):
    window = _play_tutorial(qtbot, make_window)
    assert label(window, "tensionLabel").startswith("Tension ") and label(
        window, "tensionLabel"
    ).endswith(" of 100")
    bar = find(window, QProgressBar, "tensionBar")
    assert not bar.isTextVisible()
    figure = find(window, QLabel, "tensionLabel")
    assert figure.width() >= figure.sizeHint().width()
    assert not figure.geometry().intersects(bar.geometry())
    assert "Global tension" in figure.toolTip()


def _legend_fits(legend) -> None:
    fm = legend.fontMetrics()
    cells = legend.cells(legend.width())
    assert [c[2] for c in cells] == [e[1] for e in legend.entries()]
    for rect, _kind, text, _full in cells:
        assert rect.right() < legend.width() and rect.bottom() < legend.heightForWidth(
            legend.width()
        )
        area = legend.text_rect(rect)
        drawn = fm.boundingRect(area.adjusted(0, 0, 0, 10000), Qt.TextFlag.TextWordWrap, text)
        assert drawn.height() <= area.height() and drawn.width() <= area.width()


def test_the_map_legend_shows_whole_labels_with_a_tooltip_each(qtbot, make_window):
    window = _play_tutorial(qtbot, make_window)
    legend = window.play_page.map.legend
    fm = legend.fontMetrics()
    cells = legend.cells(legend.width())
    # at the default size every label fits on one line, two or more to a row
    assert cells[1][0].top() == cells[0][0].top()
    for rect, _kind, text, _full in cells:
        assert fm.horizontalAdvance(text) <= legend.text_rect(rect).width()
    _legend_fits(legend)
    sanctions = next(rect for rect, kind, _, _ in cells if kind == "sanctions")
    assert "threatened or imposed" in legend.tooltip_at(sanctions.center())
    # twice the font (as text at 200 % in a window that is not larger), or the narrowest map:
    # fewer columns, and labels wrap rather than being cut
    big = QFont(legend.font())
    big.setPointSizeF(big.pointSizeF() * 2)
    legend.setFont(big)
    _legend_fits(legend)
    narrowest = window.play_page.map.plot.minimumWidth()
    legend.resize(narrowest, legend.heightForWidth(narrowest))
    _legend_fits(legend)


def test_the_end_screens_columns_fit_their_content(qtbot, make_window):
    window = _play_tutorial(qtbot, make_window)
    while window.page() == "play":
        submit_and_wait(qtbot, window)
    assert window.page() == "end"
    scores = find(window, QTreeWidget, "scoreTable")
    names = [scores.topLevelItem(i).text(0) for i in range(scores.topLevelItemCount())]
    widest = max(scores.fontMetrics().horizontalAdvance(n) for n in names)
    assert scores.columnWidth(0) < widest + 120  # names, the expand arrow and a little room
    assert scores.topLevelItem(0).child(0).isFirstColumnSpanned()
    assert (
        sum(scores.columnWidth(c) for c in range(scores.columnCount())) <= scores.viewport().width()
    )
