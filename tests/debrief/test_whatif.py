"""What if: a branch with the recorded orders is the session itself, hash for hash; another
order changes the history; many futures give shares that sum to one, the same twice."""

from __future__ import annotations

import pytest

from wargame.ai import make_player
from wargame.debrief import DebriefError
from wargame.debrief.whatif import WhatIfDice, branch, monte_carlo, order_choices
from wargame.debrief.whatif_report import comparison, distribution, percentages
from wargame.enums import Measure
from wargame.rules.military import Attack
from wargame.rules.sanctions import ImposeSanctions
from wargame.rules.soft_power import PublicDiplomacy

from .conftest import PERSON


@pytest.mark.parametrize("turn", [1, 4])
def test_a_branch_with_the_recorded_orders_reproduces_the_session(played, turn):
    future = branch(played, turn, None, None, make_player)
    assert [r.state_hash for r in future.records] == [
        r.state_hash for r in played.turns[turn - 1 :]
    ]
    assert [r.events for r in future.records] == [r.events for r in played.turns[turn - 1 :]]
    assert future.stand_ins == ()
    assert comparison(played, future, None, None)["identical_while_recorded"]


def test_a_seat_given_its_own_recorded_orders_changes_nothing(played):
    recorded = [o for o, was in order_choices(played, 2, "borduria") if was]
    future = branch(played, 2, "borduria", recorded, make_player)
    assert future.final == played.final


def test_other_orders_make_another_history(played):
    orders = [ImposeSanctions("carpathia", target="borduria", measure=Measure.FINANCIAL)]
    future = branch(played, 2, "carpathia", orders, make_player)
    data = comparison(played, future, "carpathia", orders)
    assert not data["identical_while_recorded"]
    assert data["orders"] == ["Impose sanctions: Borduria, financial penalties"]
    assert any("Carpathia" in e for e in data["turns"][0]["branch"]["events"])
    assert data["turns"][0]["original"]["state_hash"] != data["turns"][0]["branch"]["state_hash"]


def test_orders_the_game_would_refuse_are_named(played):
    attack = Attack("dalmora", target="dalmora")
    with pytest.raises(DebriefError, match="would not accept these orders from Dalmora"):
        branch(played, 2, "dalmora", [attack], make_player)
    with pytest.raises(DebriefError, match="a played turn, from 1 to 6"):
        branch(played, 9, None, None, make_player)


def test_futures_roll_their_own_dice_from_the_seed(played):
    a, b = WhatIfDice(played.seed, 0), WhatIfDice(played.seed, 1)
    assert a.for_turn(3).random() == WhatIfDice(played.seed, 0).for_turn(3).random()
    assert a.for_turn(3).random() != b.for_turn(3).random()
    assert a.for_seat(3, PERSON).random() != a.for_turn(3).random()


def test_many_futures_give_shares_that_sum_to_one_and_repeat(played):
    orders = [PublicDiplomacy("carpathia", target="borduria")]
    seen = []
    first = monte_carlo(
        played, 4, "carpathia", orders, make_player, 3, progress=lambda d, t: seen.append((d, t))
    )
    again = monte_carlo(played, 4, "carpathia", orders, make_player, 3)
    assert first == again
    assert seen[-1] == (6, 6)
    for outcomes in first:
        data = distribution(played, outcomes)
        assert data["runs"] == 3
        assert sum(v["share"] for v in data["peak_rung"].values()) == pytest.approx(1)
        assert sum(percentages(data["peak_rung"]).values()) == 100
        for state in data["states"].values():
            assert sum(v["count"] for v in state["outcomes"].values()) == 3
            low, high = state["score"]["interval"]
            assert low <= state["score"]["mean"] <= high
        assert 0 <= data["war"]["interval"][0] <= data["war"]["share"] <= data["war"]["interval"][1]


def test_percentages_always_add_up_to_one_hundred():
    shares = {k: {"count": 1} for k in ("a", "b", "c")}
    assert percentages(shares) == {"a": 34, "b": 33, "c": 33}
