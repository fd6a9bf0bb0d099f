"""A big world on screen: after a turn the screen is brought up to date (only what changed)
and ends the same as one built afresh; the screen is prepared on the worker; the map names
every state it has room for without overlap, zooms and pans, and draws y upwards; the charts
draw the states the player picks."""

from __future__ import annotations

import itertools
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QTableWidget, QTreeView

import ui.presenter
from ui.charts_panel import FIRST_PICK, ChartsPanel
from ui.map_view import XRANGE, MapView
from ui.play_page import PlayPage
from ui.tasks import ThreadTaskRunner
from ui.viewmodels import MapEdge, MapModel, MapNode, map_model, seat_screen
from wargame.scenario.library import load_bundled
from wargame.setup import new_game
from wargame.view import view_for

from .big_world import cloned_scenario, random_computers_match

SEAT = "valdoria"


def _screens(n: int, turns: int):
    """The seat's screen at the start and after each of `turns` turns of a cloned world."""
    match = random_computers_match(n, humans=(SEAT,), seed=3)
    start = view_for(new_game(match.scenario, match.seed), SEAT)
    out = []
    for _ in range(turns + 1):
        past = [view_for(r.state, SEAT, r.events) for r in match.history]
        out.append(seat_screen(match.view(SEAT), past, start, hot_seat=False))
        match.submit(SEAT, [])
        match.resolve_turn()
    return out


def _page(qtbot) -> PlayPage:
    page = PlayPage(lambda _order: None)
    qtbot.addWidget(page)
    page.resize(1366, 740)
    page.show()
    return page


def _what_shows(qtbot, page: PlayPage) -> dict[str, object]:
    """Everything the page shows that a player could read, panel by panel."""
    page.render_all()
    qtbot.wait(20)  # widgets added to a visible panel show on the next pass of the event loop
    # each tree's rows, the trees in a fixed order: findChildren lists siblings in the order
    # they were last raised, and a tab is raised when it is chosen
    trees = []
    for tree in page.findChildren(QTreeView):
        model = tree.model()
        if model is None:
            continue
        rows = []
        for r in range(model.rowCount()):
            parent = model.index(r, 0)
            rows.append(parent.data())
            rows += [model.index(c, 0, parent).data() for c in range(model.rowCount(parent))]
        trees.append(rows)
    tree_rows = [row for rows in sorted(trees, key=repr) for row in rows]
    tables = sorted(
        [
            [t.item(r, c).text() if t.item(r, c) else "" for c in range(t.columnCount())]
            for r in range(t.rowCount())
        ]
        for t in page.findChildren(QTableWidget)
    )
    lists = sorted(
        (
            [(w.item(i).text(), w.item(i).checkState()) for i in range(w.count())]
            for w in page.findChildren(QListWidget)
        ),
        key=repr,
    )
    labels = sorted(w.text() for w in page.findChildren(QLabel) if w.isVisibleTo(page))
    m = page.map
    names = {key: item.toPlainText() for key, item in m._texts.items() if item.isVisible()}
    spots = [(p.pos().x(), p.pos().y(), p.data(), p.size()) for p in m._nodes.points()]
    return {
        "labels": labels,
        "tables": tables,
        "lists": lists,
        "news": tree_rows,
        "map names": names,
        "map places": m.label_rects,
        "map states": spots,
        "map lines": m.edge_segments,
        "charts": page.charts.plotted(),
    }


def test_a_screen_updated_turn_after_turn_equals_one_built_afresh(qtbot):
    screens = _screens(14, 3)
    updated, fresh = _page(qtbot), _page(qtbot)
    for screen in screens:
        updated.show_screen(screen)
        updated.select_tab("charts")  # the charts are drawn when seen; then other tabs
        updated.select_tab("negotiation")
        qtbot.wait(5)
    fresh.show_screen(screens[-1])
    fresh.select_tab("negotiation")
    before, after = _what_shows(qtbot, updated), _what_shows(qtbot, fresh)
    assert before["charts"] and before["news"]  # there is something to compare
    for part in after:
        if before[part] != after[part] and isinstance(after[part], list):
            extra = [x for x in before[part] if x not in after[part]]
            missing = [x for x in after[part] if x not in before[part]]
            pytest.fail(f"{part}: only after updates {extra[:3]}; only afresh {missing[:3]}")
        assert before[part] == after[part], part


def test_after_a_turn_the_next_screen_is_prepared_on_the_worker(qtbot, make_window, monkeypatch):
    built_on: list[threading.Thread] = []
    real = ui.presenter.seat_screen

    def recording(*args, **kwargs):
        built_on.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(ui.presenter, "seat_screen", recording)
    window = make_window(ThreadTaskRunner(), with_files=False)
    window.presenter.adopt(random_computers_match(9, humans=(SEAT,)))
    qtbot.waitUntil(lambda: window.page() == "play" and not window.presenter.busy)
    assert built_on == [threading.main_thread()]  # the first screen: nothing to wait for
    window.presenter.submit()
    qtbot.waitUntil(
        lambda: not window.presenter.busy and window.play_page.screen_model.turn == 2,
        timeout=30000,
    )
    assert len(built_on) == 2 and built_on[1] is not threading.main_thread()


# --- the map ------------------------------------------------------------------------------------


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _map(qtbot, n: int, size=(430, 420)) -> MapView:
    view = MapView()
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    view.show_map(map_model(new_game(cloned_scenario(n), 1), SEAT))
    qtbot.wait(5)
    return view


@pytest.mark.parametrize("size", [(430, 420), (300, 220)], ids=["1024x768", "cramped"])
def test_no_two_names_overlap_at_40_states(qtbot, size):
    view = _map(qtbot, 40, size)
    rects = view.label_rects
    for (a, ra), (b, rb) in itertools.combinations(rects.items(), 2):
        assert not _overlap(ra, rb), f"{a} and {b} overlap"
    width, height = view._pixels()
    assert all(r[0] >= 0 and r[1] >= 0 and r[2] <= width and r[3] <= height for r in rects.values())
    ids = [n.state_id for n in view.model.nodes]
    # every state is named, or counted among those that need a closer look
    assert {f"state:{s}" for s in ids if s not in view.hidden_names} <= set(rects)
    assert f"state:{SEAT}" in rects  # the player's own state first
    if view.hidden_names:
        assert "zoom in" in view.details.text().lower()


def test_zoom_and_pan_show_more_names_and_move_the_view(qtbot):
    view = _map(qtbot, 40)
    (x0, x1), (y0, y1) = view.view_range()
    hidden = len(view.hidden_names)
    view.zoom(0.5, (0.5, 0.5))
    (zx0, zx1), (zy0, zy1) = view.view_range()
    assert zx1 - zx0 == pytest.approx((x1 - x0) / 2, rel=0.01)
    assert zy1 - zy0 == pytest.approx((y1 - y0) / 2, rel=0.01)
    shown = [n for n in view.model.nodes if zx0 <= n.x <= zx1 and zy0 <= n.y <= zy1]
    named = [n for n in shown if f"state:{n.state_id}" in view.label_rects]
    assert len(named) > len(shown) - hidden or not hidden
    view.pan(0.1, -0.05)
    (px0, px1), (py0, py1) = view.view_range()
    assert (px0, py0) == pytest.approx((zx0 + 0.1, zy0 - 0.05), abs=1e-6)
    qtbot.keyClick(view.plot, Qt.Key.Key_0)  # the whole map again
    (fx, fy) = view.view_range()
    assert (*fx, *fy) == pytest.approx((*XRANGE, *XRANGE), abs=1e-6)
    qtbot.keyClick(view.plot, Qt.Key.Key_Plus)
    (kx0, kx1), _ = view.view_range()
    assert kx1 - kx0 < XRANGE[1] - XRANGE[0]


def test_a_big_map_draws_your_relations_and_all_on_request(qtbot):
    view = _map(qtbot, 20)
    nodes = view.model.nodes
    far = [n.state_id for n in nodes if n.state_id != SEAT][:3]
    edges = (MapEdge(SEAT, far[0], "alliance", "ours"), MapEdge(far[1], far[2], "war", "theirs"))
    view.show_map(MapModel(nodes, edges))
    assert [words for _, words in view.edge_segments] == ["ours"]
    view.select(far[1])
    assert sorted(words for _, words in view.edge_segments) == ["ours", "theirs"]
    view.select(far[0])
    view.all_lines.setChecked(True)
    assert sorted(words for _, words in view.edge_segments) == ["ours", "theirs"]


def test_the_map_draws_y_upwards_as_the_scenario_format_says(qtbot):
    """docs/SCENARIOS.md: y goes from bottom (0) to top (1)."""
    view = MapView()
    qtbot.addWidget(view)
    view.resize(400, 400)
    view.show()
    nodes = (
        MapNode("north", "North", 0.5, 0.9, True, 0, "North"),
        MapNode("south", "South", 0.5, 0.1, False, 1, "South"),
    )
    view.show_map(MapModel(nodes, ()))
    assert view._to_px(0.5, 0.9)[1] < view._to_px(0.5, 0.1)[1]
    north, south = view.label_rects["state:north"], view.label_rects["state:south"]
    assert north[3] < south[1]  # North's name is above South's


# --- the charts ---------------------------------------------------------------------------------


def test_the_charts_draw_the_states_the_player_picks(qtbot):
    screen = _screens(30, 2)[-1]
    charts = ChartsPanel()
    qtbot.addWidget(charts)
    charts.resize(560, 600)
    charts.show()
    charts.show_series(screen.series, SEAT)
    picked = charts.picked
    assert SEAT in picked and len(picked) == FIRST_PICK  # not all thirty at once
    assert set(charts.plotted()) == picked
    others = [s for s in screen.series.names if s not in picked][:2]
    charts.pick({SEAT, *others})
    plotted = charts.plotted()
    assert set(plotted) == {SEAT, *others}
    assert plotted[others[0]] == screen.series.values["military"][others[0]]
    # ticking a state in the list draws it
    row = list(screen.series.names).index(others[-1]) + 1
    item = charts.states.item(row)
    item.setCheckState(Qt.CheckState.Checked)
    assert item.data(Qt.ItemDataRole.UserRole) in charts.plotted()
    charts.indicator.setCurrentIndex(charts.indicator.findData("economy"))
    assert charts.plotted()[SEAT] == screen.series.values["economy"][SEAT]


def test_tension_by_region_shows_in_the_header_and_on_the_map(qtbot):
    scenario = load_bundled("crisis_committee.yaml")
    state = new_game(scenario, 1)
    seat = next(s.id for s in scenario.states if s.id in scenario.tension_region_index)
    regions = state.tension_by_region()
    assert regions  # the committee keeps tension by region
    screen = seat_screen(view_for(state, seat), [], view_for(state, seat), hot_seat=False)
    name, value = screen.region_tension
    assert value == regions[scenario.state(seat).region]
    page = _page(qtbot)
    page.show_screen(screen)
    assert f"region {value:.0f}" in page.tension_label.text()
    assert name in page.tension_label.toolTip()
    areas = [a for a in screen.map.areas if a.kind == "region"]
    assert areas and all("Tension in this region" in a.details for a in areas)
