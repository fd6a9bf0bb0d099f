"""Committee-sized crises: up to 40 states and 200 turns, and sessions past 60 turns verify."""

import copy
from pathlib import Path

import pytest
import yaml

from wargame.ai import make_player
from wargame.match import Match
from wargame.persistence import SessionStore
from wargame.scenario import ScenarioError, parse_scenario
from wargame.scenario.schema import MAX_STATES, MAX_TURNS

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
TUTORIAL = yaml.safe_load((SCENARIOS / "tutorial_strait.yaml").read_text(encoding="utf-8"))


def _with_states(n: int) -> dict:
    """The tutorial with filler states added until it has n (each a valid small state)."""
    data = copy.deepcopy(TUTORIAL)
    filler = data["states"][-1]
    for i in range(n - len(data["states"])):
        extra = copy.deepcopy(filler)
        extra.update(id=f"filler{i}", name=f"Filler {i}", objectives=[])
        data["states"].append(extra)
    return data


def test_a_scenario_may_have_up_to_40_states_and_200_turns():
    data = _with_states(MAX_STATES)
    data["turns"] = MAX_TURNS
    scenario = parse_scenario(data, "big.yaml")
    assert (len(scenario.states), scenario.turns) == (40, 200)


@pytest.mark.parametrize(
    ("field", "data"),
    [
        ("states", _with_states(MAX_STATES + 1)),
        ("turns", {**copy.deepcopy(TUTORIAL), "turns": MAX_TURNS + 1}),
    ],
)
def test_beyond_the_caps_is_refused_with_the_field(field, data):
    with pytest.raises(ScenarioError) as info:
        parse_scenario(data, "big.yaml")
    assert [p.path for p in info.value.problems] == [field]


def test_a_session_past_60_turns_is_saved_and_verifies(tmp_path):
    """`verify` derives every turn of a 70-turn session again and finds it true."""
    data = copy.deepcopy(TUTORIAL)
    data["turns"] = 70
    scenario = parse_scenario(data, "long.yaml")
    match = Match(scenario, 3, {s: make_player("easy") for s in scenario.state_ids})
    match.play_out()
    path = tmp_path / "long.wargame"
    SessionStore.create(path, match, player_factory=make_player).close()
    with SessionStore.open(path, readonly=True) as store:
        proof = store.verify(make_player)
    assert proof.ok and len(proof.checks) == 70
    assert proof.state == match.state
