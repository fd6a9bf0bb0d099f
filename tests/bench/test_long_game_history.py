"""The long-session benchmark's side-by-side measure of what a crisis's history costs a turn:
the state it compares against keeps the live world and drops only the ended records."""

from bench import long_game_bench
from wargame.ai import make_player
from wargame.archive import ARCHIVED_FIELDS
from wargame.loop import SessionDice
from wargame.match import Match


def test_a_state_without_its_history_keeps_the_live_world_and_plays_on():
    scenario = long_game_bench.long_scenario("northern_sea.yaml", 40)
    match = Match(scenario, 7, {s: make_player("easy") for s in scenario.state_ids})
    while match.state.turn <= 30:
        match.resolve_turn()
    state = match.state
    bare = long_game_bench.without_history(state)

    dropped = sum(len(getattr(state, n)) - len(getattr(bare, n)) for n in ARCHIVED_FIELDS)
    assert dropped > 0, "thirty turns leave ended records behind"
    for name in ARCHIVED_FIELDS:
        assert tuple(getattr(bare, name)) == tuple(state.live(name))
    assert (bare.countries, bare.relations, bare.issues) == (
        state.countries,
        state.relations,
        state.issues,
    )

    players = {s: make_player("easy") for s in scenario.state_ids}
    parts, orders = long_game_bench.turn_parts(state, (), players, SessionDice(7))
    bare_parts, _ = long_game_bench.turn_parts(bare, (), players, SessionDice(7), orders)
    assert len(parts) == len(bare_parts) == len(long_game_bench.PARTS)
    assert all(p >= 0 for p in (*parts, *bare_parts))
