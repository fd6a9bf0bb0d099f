"""A tour of every screen of the desktop app, for the tests that look at all of them: layout at
classroom sizes, names shown as plain text, accessible names.

`tour(window)` plays a short game (two people at one computer, so the hand-over screen shows;
easy computer players, so it is quick) and yields at each screen with its name; the window (or
the separate window on show: the manual, the control cell) is then as a person would see it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QWidget,
)

from ui.game_setup import COMPUTER, PERSON, GameSetup, SeatChoice
from ui.main_window import MainWindow
from wargame.scenario import Scenario
from wargame.scenario.library import Entry


def settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


def setup_for(scenario: Scenario, people: int = 2) -> GameSetup:
    seats = tuple(
        SeatChoice(s.id, PERSON) if i < people else SeatChoice(s.id, COMPUTER, level="easy")
        for i, s in enumerate(scenario.states)
    )
    return GameSetup(scenario, seats, 5)


def tour(
    window: MainWindow, scenario: Scenario, also: Sequence[Entry] = ()
) -> Iterator[tuple[str, QWidget]]:
    """Every screen, with the window that shows it; the new-game screen lists `scenario` and the
    entries `also`. Needs a synchronous task runner."""
    settle()
    yield "start", window
    manual = window.show_manual()
    settle()
    yield "manual", manual
    manual.close()
    window.new_game()
    window.setup_page.set_entries([Entry(f"{scenario.id}.yaml", scenario), *also])
    window.setup_page.select_scenario(scenario.id)
    settle()
    yield "setup", window
    window.presenter.start(setup_for(scenario))
    settle()
    yield "handover", window
    played = 0
    while window.page() != "end":
        if window.page() == "handover":
            window.handover_page.ready.click()
            settle()
        page = window.play_page
        if played == 0:
            for i in range(page.tabs.count()):
                page.tabs.setCurrentIndex(i)
                settle()
                yield f"play:{page.tabs.widget(i).objectName() or i}", window
        if played == 1:
            window.show_control_cell(ask=False)
            control = window.control_cell_window
            for i in range(control.tabs.count()):
                control.tabs.setCurrentIndex(i)
                settle()
                yield f"control:{i}", control
            control.close()
        page.submit.click()
        if page.submit.property("confirming"):
            page.submit.click()
        settle()
        played += 1
    end = window.end_page
    for i in range(end.tabs.count()):
        end.tabs.setCurrentIndex(i)
        settle()
        yield f"end:{end.tabs.tabText(i)}", window


# --- what counts as cut off -----------------------------------------------------------------


def _scrolled(widget: QWidget, top: QWidget) -> bool:
    """Inside the scrolled content of a scroll area: it may lie partly out of view."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and parent is grand.viewport():
            return True
        parent = grand
    return False


def page_scrolls(window: QWidget) -> bool:
    """Whether the main window's page on show is larger than the window (and scrolls)."""
    area = getattr(window, "stack", None)
    area = area.currentWidget() if area is not None else None
    if not isinstance(area, QAbstractScrollArea) or area.widget() is None:  # type: ignore[attr-defined]
        return False
    page = area.widget()  # type: ignore[attr-defined]
    view = area.viewport()
    return page.width() > view.width() or page.height() > view.height()


def cut_off(top: QWidget) -> list[str]:
    """Widgets a person would see clipped: outside the window, squeezed below the size their
    text needs, or tables whose columns do not all fit."""
    problems = []
    bounds = top.rect()
    for w in top.findChildren(QWidget):
        if not w.isVisible() or w.window() is not top or w.width() <= 0:
            continue
        name = f"{type(w).__name__} {w.objectName() or ''} {_text(w)!r}".strip()
        scrolled = _scrolled(w, top)
        rect = QRect(w.mapTo(top, QPoint(0, 0)), w.size())
        if not scrolled and not bounds.contains(rect):
            problems.append(f"{name}: outside the window ({rect} in {bounds})")
        if w.objectName() in ("ScrollLeftButton", "ScrollRightButton"):
            continue  # a tab bar's own arrows, drawn as small as Qt likes
        if isinstance(w, QAbstractButton | QComboBox) and w.width() < w.minimumSizeHint().width():
            problems.append(f"{name}: {w.width()} px wide, needs {w.minimumSizeHint().width()}")
        if isinstance(w, QLabel) and w.text() and w.pixmap().isNull():
            if w.wordWrap():
                needed = w.heightForWidth(w.width())
                if needed > w.height() + 1:
                    problems.append(f"{name}: {w.height()} px high, its text needs {needed}")
            elif w.width() < w.minimumSizeHint().width():
                problems.append(f"{name}: {w.width()} px wide, needs {w.minimumSizeHint().width()}")
        if (
            isinstance(w, QScrollArea)
            and w.widget() is not None
            and w.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            and w.widget().width() > w.viewport().width() + 1
        ):
            problems.append(f"{name}: its content is cut at the right (no horizontal scrolling)")
        if isinstance(w, QTableView) and not scrolled:
            header: QHeaderView = w.horizontalHeader()
            if header.isVisible() and header.length() > w.viewport().width() + 1:
                problems.append(
                    f"{name}: its columns need {header.length()} px, it shows {w.viewport().width()}"
                )
    return problems


def _text(w: QWidget) -> str:
    text = getattr(w, "text", None)
    value = text() if callable(text) else ""
    return value[:40] if isinstance(value, str) else ""
