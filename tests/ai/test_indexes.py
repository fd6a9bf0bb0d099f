"""The lookups the computer players and views read instead of scanning give what the scans give:
checked on every turn of played games (treaties in force by member, force used against a state,
intelligence partners) and on the seeds derived for every label."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wargame.ai import make_player
from wargame.ai.force import force_used_against
from wargame.enums import TreatyKind, TreatyStatus
from wargame.rng import _hashed_seed, derive_seed
from wargame.rules.alliances import attacked_by
from wargame.scenario.library import bundled_names, load_bundled
from wargame.state import GameState
from wargame.view import estimate_military, intelligence_partners

from ..engine.helpers import every_state

SCENARIOS = tuple(n.removesuffix(".yaml") for n in bundled_names())


@functools.cache
def every_turn(scenario_id: str, seed: int, kind: str) -> tuple[GameState, ...]:
    """Every state of a game the computer plays (hawks use force, so wars and disputes occur)."""
    scenario = load_bundled(f"{scenario_id}.yaml")
    return every_state(scenario, seed, {s: make_player("easy", kind) for s in scenario.state_ids})


def scanned_treaties(state: GameState, member, kinds) -> list:
    return [
        t
        for t in state.treaties
        if t.status == TreatyStatus.ACTIVE
        and (member is None or member in t.members)
        and (kinds is None or t.kind in kinds)
    ]


GAMES = [
    (s, seed, kind) for s in SCENARIOS for seed in (1, 2) for kind in ("hawk", "institutionalist")
]


@pytest.mark.parametrize(("scenario_id", "seed", "kind"), GAMES)
def test_the_treaty_index_gives_what_the_scan_gives(scenario_id, seed, kind):
    kinds = [
        None,
        (TreatyKind.ALLIANCE,),
        (TreatyKind.INTELLIGENCE_SHARING, TreatyKind.DEFENSE_PACT),
    ]
    checked = 0
    for state in every_turn(scenario_id, seed, kind):
        for member in (None, *state.ids, "nobody"):
            for k in kinds:
                kind_arg = None if k is None else k[0] if len(k) == 1 else list(k)
                assert state.active_treaties(member, kind_arg) == scanned_treaties(state, member, k)
                checked += 1
    assert checked


@pytest.mark.parametrize(("scenario_id", "seed", "kind"), GAMES)
def test_force_used_against_gives_what_attacked_by_gives(scenario_id, seed, kind):
    for state in every_turn(scenario_id, seed, kind):
        for victim in state.ids:
            found = force_used_against(state, victim)
            for other in state.ids:
                if other == victim:
                    continue
                hit, defending = attacked_by(state, victim, other)
                assert (other in found) == hit
                if hit:
                    assert found[other] == defending


def test_the_hawks_games_meet_force_so_the_check_above_is_not_empty():
    met = {
        sid
        for sid, seed, kind in GAMES
        if kind == "hawk"
        and any(
            force_used_against(state, v) for state in every_turn(sid, seed, kind) for v in state.ids
        )
    }
    # most scenarios' hawks come to blows within two games (the tutorial's four often do not)
    assert len(met) >= len(SCENARIOS) // 2, met


@pytest.mark.parametrize(("scenario_id", "seed", "kind"), GAMES[:4])
def test_estimates_with_partners_given_equal_those_worked_out_alone(scenario_id, seed, kind):
    for state in every_turn(scenario_id, seed, kind):
        for seat in state.ids:
            partners = intelligence_partners(state, seat)
            shares = {
                o
                for o in state.ids
                if any(
                    o in t.members
                    for t in scanned_treaties(state, seat, (TreatyKind.INTELLIGENCE_SHARING,))
                )
            }
            assert {o for o in state.ids if o in partners} == shares
            for other in state.ids:
                assert estimate_military(state, seat, other, partners) == estimate_military(
                    state, seat, other
                )


labels = st.lists(
    st.one_of(
        st.text(max_size=6), st.integers(-5, 10**6), st.booleans(), st.floats(allow_nan=False)
    ),
    max_size=4,
)


@given(seed=st.integers(0, 2**63), labels=labels)
def test_remembered_seeds_equal_hashed_ones(seed, labels):
    assert derive_seed(seed, *labels) == _hashed_seed(seed, tuple(labels))
    assert derive_seed(seed, *labels) == _hashed_seed(seed, tuple(labels))  # from the memory


def test_labels_that_compare_equal_but_read_differently_keep_their_own_seeds():
    assert derive_seed(3, True) != derive_seed(3, 1)
    assert derive_seed(3, 1) != derive_seed(3, 1.0) == _hashed_seed(3, (1.0,))
