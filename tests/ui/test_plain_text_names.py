"""Names and texts from a scenario are shown as written, never as markup (issue 11).

A scenario file is untrusted input: a state called `<img src="file:///etc/passwd"><b>X</b>`
must read as exactly that on every screen. Qt renders a label, a tooltip or a chart legend that
looks like markup as rich text, so the test walks every screen of a game played with such a
scenario and fails if any label, tooltip, item, page or drawing would render it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGraphicsTextItem,
    QGraphicsView,
    QLabel,
    QTabBar,
    QTextEdit,
    QWidget,
)

from ui.tasks import SyncTaskRunner
from wargame.scenario.library import Entry
from wargame.scenario.loader import Problem, parse_scenario

from .screens import tour

MARKUP = '<img src="file:///etc/passwd"><b>X</b>'
RENDERED = ('<img src="file:///etc/passwd"', "<b>X</b>")  # what must never reach a renderer


@pytest.fixture
def hostile(short_tutorial):
    """The tutorial with markup in its title, names, briefings, objectives and events."""
    data = short_tutorial.model_dump(mode="json", by_alias=True, exclude_none=True)
    data["title"] = MARKUP + " Strait"
    data["summary"] = MARKUP + " " + data["summary"]
    data["briefing"] = MARKUP + " " + data["briefing"]
    for state in data["states"]:
        state["name"] = f"{MARKUP} {state['name']}"
        state["briefing"] = MARKUP + " " + state["briefing"]
        for objective in state.get("objectives", ()):
            objective["text"] = MARKUP + " " + objective["text"]
    for inject in data.get("injects", ()):
        inject["title"] = MARKUP + " " + inject["title"]
        inject["text"] = MARKUP + " " + inject["text"]
    for population in data.get("populations", ()):
        population["name"] = MARKUP + " " + population["name"]
    return parse_scenario(data, "hostile.yaml")


def _columns(model, parent: QModelIndex) -> int:  # noqa: ANN001 - any item model
    try:
        return max(1, model.columnCount(parent))
    except TypeError:  # a list model keeps columnCount private: one column
        return 1


def _rich(text: str) -> bool:
    return QtGui.mightBeRichText(text)


def rendered_markup(top: QWidget) -> list[str]:
    """Everything on this window that would render the scenario's markup."""
    found = []

    def check_tip(where: str, tip: str | None) -> None:
        if tip and any(r in tip for r in RENDERED) and _rich(tip):
            found.append(f"{where}: tooltip {tip[:60]!r}")

    for w in [top, *top.findChildren(QWidget)]:
        where = f"{type(w).__name__} {w.objectName()}"
        check_tip(where, w.toolTip())
        if isinstance(w, QLabel) and any(r in w.text() for r in RENDERED):
            plain = w.textFormat() == QtGui.TextFormat.PlainText
            if not plain and (w.textFormat() == QtGui.TextFormat.RichText or _rich(w.text())):
                found.append(f"{where}: label {w.text()[:60]!r}")
        if isinstance(w, QTabBar):
            for i in range(w.count()):
                check_tip(f"{where} tab {i}", w.tabToolTip(i))
        if isinstance(w, QTextEdit):
            html = w.document().toHtml()
            if any(r in html for r in RENDERED):
                found.append(f"{where}: page renders {html[html.find('<img') :][:60]!r}")
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            root = QModelIndex()
            stack = [
                model.index(r, c)
                for r in range(model.rowCount(root))
                for c in range(_columns(model, root))
            ]
            while stack:
                index = stack.pop()
                check_tip(f"{where} item", index.data(QtGui.ItemDataRole.ToolTipRole))
                stack.extend(
                    model.index(r, c, index)
                    for r in range(model.rowCount(index))
                    for c in range(_columns(model, index))
                )
        if isinstance(w, QGraphicsView) and w.scene() is not None:
            for item in w.scene().items():
                check_tip(f"{where} drawing", item.toolTip())
                if isinstance(item, QGraphicsTextItem):
                    html = item.toHtml()
                    if any(r in html for r in RENDERED):
                        found.append(f"{where}: drawn text {item.toPlainText()[:60]!r}")
    return found


def test_markup_in_a_scenario_is_shown_as_written_everywhere(qtbot, make_window, hostile):
    window = make_window(SyncTaskRunner())
    problems: dict[str, list[str]] = {}
    shown_literally = set()
    broken = Entry(
        f"/home/teacher/{MARKUP}.yaml",
        None,
        (Problem(f"{MARKUP}.yaml", "states[0].name", f"{MARKUP} is too long"),),
    )
    for name, shown in tour(window, hostile, also=[broken]):
        problems[name] = rendered_markup(shown)
        texts = [w.text() for w in shown.findChildren(QLabel) if w.isVisible()]
        if any(MARKUP in t for t in texts):
            shown_literally.add(name)
    assert not any(problems.values()), "\n".join(
        f"{n}: {p}" for n, found in problems.items() for p in found
    )
    # not vacuous: the names were on screen, literally, on the game's screens
    assert {"setup", "handover"} <= shown_literally
    assert any(n.startswith("play:") for n in shown_literally)
    assert any(n.startswith("end:") for n in shown_literally)
