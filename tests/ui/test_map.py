"""The map teaches: every state its own colour and shape, the scenario's geography and what is at
stake drawn, names that never overlap, parallel relations side by side, and the panel under the
map always this turn's."""

from __future__ import annotations

import dataclasses
import itertools
import math
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QGraphicsPolygonItem

from ui.map_view import EDGE_SPACING, FOCUS_FROM, Label, MapView, place_labels
from ui.theme import GEO_STYLES, STATE_COLORS, STATE_SYMBOLS, state_color, state_symbol
from ui.viewmodels import (
    MapEdge,
    MapModel,
    MapNode,
    geography,
    issue_markers,
    map_model,
    population_markers,
)
from wargame.scenario import Scenario
from wargame.scenario.library import bundled_names, load_bundled
from wargame.setup import new_game

MOST_STATES = Scenario.model_fields["states"].metadata[-1].max_length  # the schema's limit


def test_every_state_has_its_own_colour_and_shape():
    few = len(STATE_COLORS)  # a world this small: no colour and no shape used twice
    assert few <= len(set(STATE_COLORS)) and few <= len(set(STATE_SYMBOLS))
    assert len({state_color(i) for i in range(few)}) == few
    assert len({state_symbol(i) for i in range(few)}) == few  # colour is not the only cue
    # the biggest world: colours come round again, but never with the same shape
    looks = [(state_color(i), state_symbol(i)) for i in range(max(MOST_STATES, 40))]
    assert len(set(looks)) == len(looks)


# --- geography and what is at stake -----------------------------------------------------------

GEOGRAPHY = SimpleNamespace(
    regions=[
        SimpleNamespace(
            id="shores", name="The Strait Shores", area=[[0, 0], [1, 0], [1, 0.6], [0, 0.6]]
        )
    ],
    zones=[
        {
            "id": "zone",
            "name": "Security zone",
            "area": [[0.4, 0.2], [0.6, 0.2], [0.6, 0.4]],
            "issue": "strait",
        }
    ],
    sea_lanes=[{"id": "lane", "name": "Strait shipping lane", "path": [[0, 0.3], [1, 0.3]]}],
    rivers=[
        SimpleNamespace(id="sarai", name="River Sarai", path=[[0.2, 0.0], [0.3, 0.5], [0.35, 1.0]])
    ],
    borders=[["aurelia", "borduria"]],
)
ISSUES = (
    SimpleNamespace(
        id="strait",
        name="Passage through the Narrow Strait",
        kind="access",
        held_by="borduria",
        status="closed",
        outcomes={"closed": "Borduria stops and searches ships", "open": "Ships pass freely"},
        stakes=(),
        at=None,
    ),
)


def _with_geography(tutorial):
    """A game state whose scenario has geography and issues (as the scenario format gains them)."""
    state = new_game(tutorial, 1)
    scenario = SimpleNamespace(
        geography=GEOGRAPHY, issues=ISSUES, states=tutorial.states, state=tutorial.state
    )
    opened = (SimpleNamespace(id="strait", status="open", held_by="borduria"),)
    return SimpleNamespace(scenario=scenario, issues=opened, turn=state.turn)


def test_the_scenarios_geography_becomes_areas_lines_and_markers(tutorial):
    s = _with_geography(tutorial)
    areas, lines = geography(s)
    assert [(a.kind, a.name) for a in areas] == [
        ("region", "The Strait Shores"),
        ("zone", "Security zone"),
    ]
    zone = areas[1]
    assert (
        "Passage through the Narrow Strait" in zone.details and "Ships pass freely" in zone.details
    )
    assert [(li.kind, li.name, len(li.points)) for li in lines] == [
        ("sea_lane", "Strait shipping lane", 2),
        ("river", "River Sarai", 3),
    ]
    (marker,) = issue_markers(s)  # no `at`: at the zone that names the issue
    assert marker.kind == "issue" and (round(marker.x, 3), round(marker.y, 3)) == (0.533, 0.267)
    assert "Now open: Ships pass freely" in marker.details  # the status now, not at the start
    assert "decided by Borduria" in marker.details


def test_a_scenario_without_geography_draws_as_before(tutorial):
    bare = SimpleNamespace(scenario=SimpleNamespace(), issues=())
    assert geography(bare) == ((), ()) and issue_markers(bare) == []


def test_populations_at_risk_are_marked_beside_their_state():
    for name in bundled_names():
        scenario = load_bundled(name)
        if scenario.populations:
            break
    else:
        pytest.skip("no bundled scenario has a population at risk")
    state = new_game(scenario, 1)
    state = dataclasses.replace(state, turn=max(p.active_from for p in state.populations))
    markers = population_markers(state)
    assert markers and all(m.kind == "population" for m in markers)
    first = scenario.populations[0]
    marker = next(m for m in markers if m.id == first.id)
    assert (marker.x, marker.y) == tuple(scenario.state(first.in_state).position)
    assert "people at risk" in marker.details and "Deaths so far" in marker.details


def test_the_map_draws_geography_with_a_legend_entry_for_each_kind(qtbot, tutorial):
    view = MapView()
    qtbot.addWidget(view)
    view.resize(520, 460)
    view.show()
    s = _with_geography(tutorial)
    areas, lines = geography(s)
    base = map_model(new_game(tutorial, 1), "aurelia")
    view.show_map(MapModel(base.nodes, base.edges, areas, lines, tuple(issue_markers(s))))
    polygons = [i for i in view.plot.scene().items() if isinstance(i, QGraphicsPolygonItem)]
    assert len(polygons) == 2 and any("Ships pass freely" in p.toolTip() for p in polygons)
    legend = [kind for kind, _, _ in view.legend.entries()]
    assert {"region", "zone", "sea_lane", "river", "issue"} <= set(legend)
    assert set(legend) <= set(GEO_STYLES) | {
        "alliance",
        "treaty",
        "sanctions",
        "dispute",
        "war",
        "intervention",
    }
    assert "state:aurelia" in view.label_rects  # a state's name always; an issue's if there is room


# --- names never overlap ------------------------------------------------------------------------


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_place_labels_finds_free_room_around_crowded_points():
    points = [(100 + 12 * i, 100 + 7 * (i % 2)) for i in range(6)]  # six states in a huddle
    labels = [Label(x, y, 70, 16, 12) for x, y in points]
    rects = place_labels(labels, [], (0, 0, 400, 300))
    assert all(r is not None for r in rects)
    assert not any(_overlap(a, b) for a, b in itertools.combinations(rects, 2))
    assert all(0 <= r[0] and r[2] <= 400 and 0 <= r[1] and r[3] <= 300 for r in rects)


def test_an_optional_name_gives_way_rather_than_overlap():
    first, second = place_labels(
        [Label(20, 10, 36, 18, 0), Label(20, 10, 36, 18, 0, required=False)], [], (0, 0, 40, 20)
    )
    assert first is not None and second is None


@pytest.mark.parametrize("name", bundled_names())
def test_no_two_names_overlap_on_any_bundled_map(qtbot, name):
    scenario = load_bundled(name)
    view = MapView()
    qtbot.addWidget(view)
    view.resize(430, 420)  # the map's share of a 1024x768 window
    view.show()
    state = new_game(scenario, 1)
    for seat in scenario.state_ids[:2]:
        view.show_map(map_model(state, seat))
        rects = view.label_rects
        # a big world may leave names out at this size (the map says so); zoomed in on one,
        # its name shows
        assert len(scenario.state_ids) > FOCUS_FROM or not view.hidden_names
        assert {f"state:{s}" for s in scenario.state_ids if s not in view.hidden_names} <= set(
            rects
        )
        for (a, ra), (b, rb) in itertools.combinations(rects.items(), 2):
            assert not _overlap(ra, rb), f"{name}: {a} and {b} overlap"
        width, height = view._pixels()
        assert all(
            r[0] >= 0 and r[1] >= 0 and r[2] <= width and r[3] <= height for r in rects.values()
        )
        for hidden in view.hidden_names:
            spec = scenario.state(hidden)
            view.zoom(0.3, spec.position)
            assert f"state:{hidden}" in view.label_rects, hidden
            view.zoom(None)


# --- lines side by side, and the panel under the map -----------------------------------------


def test_relations_between_the_same_two_states_run_side_by_side(qtbot):
    view = MapView()
    qtbot.addWidget(view)
    view.resize(400, 400)
    view.show()
    nodes = (
        MapNode("a", "A", 0.2, 0.5, True, 0, "A"),
        MapNode("b", "B", 0.8, 0.5, False, 1, "B"),
    )
    edges = (MapEdge("a", "b", "alliance", "alliance"), MapEdge("b", "a", "sanctions", "sanctions"))
    view.show_map(MapModel(nodes, edges))
    segments = view.edge_segments
    assert sorted(words for _, words in segments) == ["alliance", "sanctions"]
    (one, _), (other, _) = segments
    assert math.isclose(abs(one[1] - other[1]), EDGE_SPACING, abs_tol=1.5)
    # what is drawn is where the segments say: the alliance's item starts at its segment
    alliance = next(seg for seg, words in segments if words == "alliance")
    curves = [i for i in view.plot.getPlotItem().items if type(i).__name__ == "PlotCurveItem"]
    starts = [view._to_px(float(c.getData()[0][0]), float(c.getData()[1][0])) for c in curves]
    assert any(math.dist(start, alliance[:2]) < 1 for start in starts)


def test_the_panel_under_the_map_shows_this_turns_figures(qtbot, tutorial):
    view = MapView()
    qtbot.addWidget(view)
    view.show()
    view.show_map(map_model(new_game(tutorial, 1), "aurelia"))
    view.select("borduria")
    before = view.details.text()
    start = new_game(tutorial, 1)
    later = map_model(
        dataclasses.replace(start, relations=tuple(r - 10 for r in start.relations)), "aurelia"
    )
    view.show_map(later)
    assert view.selected == "borduria"
    assert view.details.text() != before
    assert view.details.text() == next(n.details for n in later.nodes if n.state_id == "borduria")
