"""The working copy that resolution edits: its edits stay inside it, figures stay within their
bounds whatever a rule does, and it freezes back exactly."""

import pytest

from wargame.draft import TurnDraft
from wargame.enums import Stat, TreatyKind, TreatyStatus
from wargame.rng import Rng
from wargame.state import Treaty, state_hash

from .helpers import mini_game


def test_an_untouched_draft_freezes_to_the_same_state_one_turn_on():
    state = mini_game()
    frozen = TurnDraft(state, Rng(1)).freeze()
    assert frozen.turn == state.turn + 1
    assert frozen.countries == state.countries and frozen.relations == state.relations


def test_figures_are_kept_within_bounds_however_they_are_changed():
    state = mini_game()
    draft = TurnDraft(state, Rng(1))
    sid = state.ids[0]
    country = draft.country(sid)
    assert country.shift(Stat.STABILITY, 500) == 100 - state.country(sid).stability
    country.reputation = -40.0  # a plain assignment is bounded too
    assert country.scale(Stat.ECONOMY, 0.0) == 1.0 - state.country(sid).economy  # floor of 1
    country.hidden_military = 4.0
    with pytest.raises(AttributeError):
        country.moral = 1.0  # a country has no such figure
    frozen = draft.freeze().country(sid)
    assert (frozen.stability, frozen.reputation, frozen.economy) == (100.0, 0.0, 1.0)
    assert frozen.hidden_military == 4.0
    assert state.country(sid).hidden_military == 0.0  # the state it came from is untouched


def test_relations_and_tension_are_bounded_in_one_place():
    state = mini_game()
    draft = TurnDraft(state, Rng(1))
    a, b = state.ids[:2]
    before = state.relation(a, b)
    assert draft.shift_relation(a, b, 500) == 100 - before
    assert draft.relation(b, a) == 100.0  # both ways
    assert draft.shift_relation(a, a, 30) == 0.0  # no relations with oneself
    draft.tension += 1000
    assert draft.tension == 100.0
    draft.tension -= 1000
    assert draft.tension == 0.0


def test_records_replace_exactly_the_record_named():
    state = mini_game()
    draft = TurnDraft(state, Rng(1))
    a = Treaty("t1", TreatyKind.ALLIANCE, state.ids[:2], 0)
    b = Treaty("t2", TreatyKind.ALLIANCE, state.ids[:2], 0)
    draft.treaties[:] = [a, b]
    new = draft.treaties.replace(b, status=TreatyStatus.BROKEN, broken_by=state.ids[0])
    assert draft.treaties == [a, new] and draft.treaties.find("t2") is new
    assert (new.id, new.status, new.broken_by, new.members) == (
        "t2",
        "broken",
        state.ids[0],
        b.members,
    )
    assert b.status == "active"
    with pytest.raises(ValueError):
        draft.treaties.replace(b, status=TreatyStatus.ENDED)  # no longer in the list
    assert state_hash(state) == state_hash(mini_game())
