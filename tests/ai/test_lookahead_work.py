"""The look-ahead's work units count what it really does: every simulated decision and turn."""

from __future__ import annotations

import pytest

from wargame.ai import LookaheadPlayer
from wargame.ai import lookahead as lookahead_module
from wargame.ai.heuristic import Decision, HeuristicPlayer
from wargame.ai.lookahead import DECISION_WORK, TURN_WORK
from wargame.match import Match
from wargame.rng import Rng


@pytest.mark.parametrize("level", ["normal", "hard"])
@pytest.mark.parametrize(("seed", "seat"), [(2, "aurelia"), (3, "borduria"), (5, "carpathia")])
def test_work_units_are_the_decisions_and_turns_simulated(tutorial, monkeypatch, level, seed, seat):
    match = Match(tutorial, seed, computer=tutorial.state_ids)
    match.resolve_turn()
    view = match.view(seat)
    counted = {"decisions": 0, "turns": 0}
    decide, play_turn = HeuristicPlayer.decide, lookahead_module.play_turn

    def counting_decide(self, *args):
        counted["decisions"] += 1
        return decide(self, *args)

    def counting_play_turn(*args, **kwargs):
        counted["turns"] += 1
        return play_turn(*args, **kwargs)

    monkeypatch.setattr(HeuristicPlayer, "decide", counting_decide)
    monkeypatch.setattr(lookahead_module, "play_turn", counting_play_turn)
    player = LookaheadPlayer(level)
    player.decide(view, Rng(seed))
    instinct = 1  # the seat's own first instinct is not look-ahead work
    assert player.last_work == (
        DECISION_WORK * (counted["decisions"] - instinct) + TURN_WORK * counted["turns"]
    )
    assert counted["turns"] > 0


def test_with_nothing_but_its_instinct_it_plays_no_future(tutorial, monkeypatch):
    """A decision whose only plan is the instinct plays no simulated turn: the result could
    only be the instinct, and says why."""
    match = Match(tutorial, 2, computer=tutorial.state_ids)
    match.resolve_turn()
    view = match.view("aurelia")
    turns = []
    play_turn = lookahead_module.play_turn
    monkeypatch.setattr(
        lookahead_module, "play_turn", lambda *a, **k: turns.append(1) or play_turn(*a, **k)
    )
    monkeypatch.setattr(LookaheadPlayer, "_candidates", lambda self, view, base, rng, work: [base])
    decision = LookaheadPlayer("normal").decide(view, Rng(2))
    instinct = LookaheadPlayer("easy").decide(view, Rng(2))
    assert turns == [] and decision.orders == instinct.orders
    assert decision.reasons[-1] == "Nothing else it could do this turn was worth weighing."


def test_a_lone_plan_of_no_orders_says_it_saw_nothing_worth_doing(tutorial, monkeypatch):
    """With no orders and nothing else to weigh, the reasons do not speak of "anything else"."""
    match = Match(tutorial, 2, computer=tutorial.state_ids)
    view = match.view("dalmora")
    idle = Decision([], [])
    monkeypatch.setattr(HeuristicPlayer, "decide", lambda self, view, rng: idle)
    monkeypatch.setattr(LookaheadPlayer, "_candidates", lambda self, view, base, rng, work: [base])
    decision = LookaheadPlayer("normal").decide(view, Rng(2))
    assert decision.orders == []
    assert decision.reasons == ["It saw nothing worth doing this turn, and no other plan to weigh."]
