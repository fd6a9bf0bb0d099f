"""A seat's view rebuilt on a client is the view the host made, exactly."""

from __future__ import annotations

import json

import pytest

from wargame.ai import make_player
from wargame.match import Match
from wargame.net.decode import ViewDataError, view_from_data
from wargame.rng import Rng
from wargame.view import view_data, view_json


@pytest.mark.parametrize(
    "scenario_id", ["tutorial_strait", "amber_coast", "northern_sea", "river_delta"]
)
def test_decoding_the_sent_data_gives_back_the_view_exactly(all_scenarios, scenario_id):
    scenario = all_scenarios[scenario_id]
    match = Match(scenario, 11, {s: make_player("easy") for s in scenario.state_ids})
    for _turn in range(3):
        for seat in scenario.state_ids:
            view = match.view(seat)
            sent = json.loads(json.dumps(view_data(view)))  # as the wire carries it
            rebuilt = view_from_data(sent)
            assert view_json(rebuilt) == view_json(view)
            assert rebuilt.state == view.state and rebuilt.events == view.events
            assert rebuilt.state.scenario == view.state.scenario
        match.resolve_turn()


def test_a_computer_player_decides_the_same_on_the_rebuilt_view(tutorial):
    match = Match(tutorial, 3, {s: make_player("normal") for s in tutorial.state_ids})
    match.resolve_turn()
    view = match.view("borduria")
    rebuilt = view_from_data(json.loads(json.dumps(view_data(view))))
    player = make_player("normal")
    assert player.decide(rebuilt, Rng(99)).orders == player.decide(view, Rng(99)).orders


def test_a_scenario_trimmed_for_one_seat_is_rebuilt_without_the_file_rules(tutorial):
    data = json.loads(json.dumps(view_data(Match(tutorial, 7).view("aurelia"))))
    for state in data["scenario"]["states"]:
        if state["id"] != "aurelia":  # what a seat's view may leave out of others' entries
            state["briefing"] = ""
            state["objectives"] = [o for o in state["objectives"] if not o["secret"]]
    rebuilt = view_from_data(data)
    assert rebuilt.state.scenario.state("borduria").briefing == ""
    assert rebuilt.state.scenario.model_dump(mode="json", by_alias=True) == data["scenario"]


@pytest.mark.parametrize(
    "spoil",
    [
        lambda d: d.pop("state"),
        lambda d: d["state"].update(turn="three"),
        lambda d: d["state"]["countries"][0].update(spy=1),
        lambda d: d["state"].update(escalation=True),
        lambda d: d["events"].append({"turn": 1}),
        lambda d: d.update(scenario=[]),
        lambda d: d["state"].update(scenario="elsewhere"),
    ],
)
def test_data_that_is_not_a_view_is_refused_with_a_reason(tutorial, spoil):
    data = json.loads(json.dumps(view_data(Match(tutorial, 7).view("aurelia"))))
    spoil(data)
    with pytest.raises(ViewDataError):
        view_from_data(data)
