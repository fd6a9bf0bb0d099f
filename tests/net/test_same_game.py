"""Same game, any transport: every seat a computer client over the network ends with the same
state_hash as the same game played locally (`wargame play --computer all`)."""

from __future__ import annotations

import pytest

from wargame.ai import make_player
from wargame.persistence import SessionStore

from .helpers import local_hash, play_all_seats, served

# every shipped scenario, each seat a normal computer client (the level students meet); the
# 28-state committee at easy and over its first TURNS_OF_LARGE turns (28 clients a turn make it the
# slowest test otherwise); a test that a scenario was added without being listed keeps the list whole
LEVELS = {
    "tutorial_strait": "normal",
    "amber_coast": "normal",
    "northern_sea": "normal",
    "river_delta": "normal",
    "coral_reach": "normal",
    "iron_pass": "normal",
    "crisis_committee": "easy",
}
TURNS_OF_LARGE = 4


@pytest.mark.parametrize("scenario_id", sorted(LEVELS))
def test_networked_game_ends_as_the_local_one(scenario_id, all_scenarios, tmp_path):
    scenario, level = all_scenarios[scenario_id], LEVELS[scenario_id]
    if len(scenario.states) > 12:
        scenario = scenario.model_copy(update={"turns": TURNS_OF_LARGE})
    with served(scenario, tmp_path, seed=7, level=level) as s:
        games = play_all_seats(s, level)
    expected = local_hash(scenario, 7, level)
    assert {g.state_hash for g in games.values()} == {expected}
    with SessionStore.open(s.path, readonly=True) as store:
        proof = store.verify(make_player)
    assert proof.ok, proof.first_problem


def test_every_shipped_scenario_is_played_over_the_network(all_scenarios):
    assert set(LEVELS) == set(all_scenarios)
