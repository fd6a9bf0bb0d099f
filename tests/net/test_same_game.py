"""Same game, any transport: every seat a computer client over the network ends with the same
state_hash as the same game played locally (`wargame play --computer all`)."""

from __future__ import annotations

import pytest

from wargame.ai import make_player
from wargame.persistence import SessionStore

from .helpers import local_hash, play_all_seats, served

# normal for the tutorial; easy for the larger ones (normal takes 3-7 s each there, local game
# included); tests/net/test_cli.py plays the tutorial at normal through `wargame host`/`join`
LEVELS = {
    "tutorial_strait": "normal",
    "amber_coast": "easy",
    "northern_sea": "easy",
    "river_delta": "easy",
}


@pytest.mark.parametrize("scenario_id", sorted(LEVELS))
def test_networked_game_ends_as_the_local_one(scenario_id, all_scenarios, tmp_path):
    scenario, level = all_scenarios[scenario_id], LEVELS[scenario_id]
    with served(scenario, tmp_path, seed=7, level=level) as s:
        games = play_all_seats(s, level)
    expected = local_hash(scenario, 7, level)
    assert {g.state_hash for g in games.values()} == {expected}
    with SessionStore.open(s.path, readonly=True) as store:
        proof = store.verify(make_player)
    assert proof.ok, proof.first_problem
