"""The working copy that resolution edits: its edits stay inside it, and it freezes back exactly."""

import pytest

from wargame.board import Board
from wargame.rng import Rng
from wargame.state import Treaty, state_hash

from .helpers import mini_game


def test_an_untouched_board_freezes_to_the_same_state_one_turn_on():
    state = mini_game()
    frozen = Board(state, Rng(1)).freeze()
    assert frozen.turn == state.turn + 1
    assert frozen.countries == state.countries and frozen.relations == state.relations


def test_country_edits_are_clamped_and_only_known_attributes_exist():
    state = mini_game()
    board = Board(state, Rng(1))
    sid = state.ids[0]
    assert board.adjust(sid, "stability", 500) == 100 - state.country(sid).stability
    board.set(sid, "hidden_military", 4.0)
    with pytest.raises(KeyError, match="no attribute 'moral'"):
        board.set(sid, "moral", 1.0)
    frozen = board.freeze().country(sid)
    assert (frozen.stability, frozen.hidden_military) == (100.0, 4.0)
    assert state.country(sid).hidden_military == 0.0  # the state it came from is untouched


def test_replace_in_swaps_exactly_the_record_named():
    state = mini_game()
    board = Board(state, Rng(1))
    a, b = Treaty("t1", "alliance", state.ids[:2], 0), Treaty("t2", "alliance", state.ids[:2], 0)
    board.treaties[:] = [a, b]
    new = board.replace_in(board.treaties, b, status="broken", broken_by=state.ids[0])
    assert board.treaties == [a, new]
    assert (new.id, new.status, new.broken_by, new.members) == (
        "t2",
        "broken",
        state.ids[0],
        b.members,
    )
    assert b.status == "active"
    with pytest.raises(ValueError):
        board.replace_in(board.treaties, b, status="ended")  # no longer in the list
    assert state_hash(state) == state_hash(mini_game())
