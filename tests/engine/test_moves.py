"""The move registry: every move declared once, with everything the game needs, and a new family
can be added through the registry alone."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum

import pytest

from wargame.ai import RandomPlayer
from wargame.draft import TurnDraft
from wargame.enums import Stat
from wargame.legality import check_order, legal_orders
from wargame.loop import SessionDice, play_turn
from wargame.moves import Family, Move, MoveHelp, Order, Phase, Ruleset, Step
from wargame.orders import ORDER_TYPES, order_from_dict
from wargame.resolve import resolve
from wargame.rng import Rng
from wargame.rules import STANDARD
from wargame.rules.common import check_other_state, toward_each_other
from wargame.rules.diplomacy import SendMessage
from wargame.scenario.library import bundled_names, load_bundled
from wargame.setup import new_game
from wargame.state import GameState, state_hash

# --- a toy family, built the way a rules module declares one ----------------------------------


class ToyEvent(StrEnum):
    WAVED = "FlagWaved"


@dataclass(frozen=True, slots=True)
class WaveFlag(Order):
    target: str = ""


def wave(draft: TurnDraft, o: WaveFlag) -> None:
    change = draft.shift_relation(o.actor, o.target, 7)
    draft.country(o.actor).shift(Stat.REPUTATION, -1)
    draft.emit(
        ToyEvent.WAVED, f"{draft.name(o.actor)} waved a flag.", (o.actor,), {"relations": change}
    )


TOY_STEP = Step(Phase.TALK)
TOY = Family(
    "toy",
    "Toys",
    events=ToyEvent,
    moves=(
        Move(
            WaveFlag,
            "Wave a flag",
            lambda state, o: check_other_state(state, o.actor, o.target),
            toward_each_other(lambda seat, other: WaveFlag(seat, target=other)),
            TOY_STEP,
            MoveHelp("Wave a flag at a state.", "One action.", "None at all."),
            apply=wave,
        ),
    ),
    steps=(TOY_STEP,),
)


def test_a_new_family_plays_through_the_registry_alone(tutorial):
    rules = Ruleset((*STANDARD.families, TOY))
    state = new_game(tutorial, 3)
    a, b = state.ids[:2]
    legal = legal_orders(state, a, rules)
    assert WaveFlag(a, target=b) in legal and WaveFlag(a, target=a) not in legal
    assert (
        check_order(state, WaveFlag(a, target=a), rules) == "you cannot aim this at your own state"
    )
    assert order_from_dict({"kind": "WaveFlag", "actor": a, "target": b}, rules) == WaveFlag(a, b)
    assert WaveFlag(a, b).label == "Wave a flag" and WaveFlag(a, b).costs_action
    result = resolve(state, [WaveFlag(a, target=b)], Rng(1), rules)
    assert result.state.relation(a, b) == state.relation(a, b) + 7
    assert [e.kind for e in result.events if e.kind == ToyEvent.WAVED] == ["FlagWaved"]
    assert "FlagWaved" in rules.event_kinds
    # the standard game does not know it
    assert check_order(state, WaveFlag(a, target=b)) == "unknown order WaveFlag"


def test_a_ruleset_refuses_inconsistent_declarations():
    loose_step = Step(Phase.TALK)
    with pytest.raises(ValueError, match="declared twice"):
        Ruleset((TOY, dataclasses.replace(TOY, id="toy2")))
    with pytest.raises(ValueError, match="needs `apply`"):
        bad = dataclasses.replace(TOY.moves[0], apply=None)
        Ruleset((Family("bad", "Bad", moves=(bad,), steps=(TOY_STEP,)),))
    with pytest.raises(ValueError, match="no move uses it"):
        Ruleset((Family("idle", "Idle", steps=(loose_step,)),))


# --- every move of the standard game ----------------------------------------------------------


def test_every_move_is_declared_once_with_help_written_for_students():
    assert set(ORDER_TYPES) == {m.kind for m in STANDARD.moves.values()}
    for move in STANDARD.moves.values():
        assert move.order.move is move and move.family
        assert move.label and move.label[0].isupper(), move.kind
        h = move.help
        assert h.what and h.costs and h.risks and h.when, move.kind
        assert move.effect in STANDARD.steps, f"{move.kind}: its step never runs"
        if move.answer is not None:
            names = {f.name for f in dataclasses.fields(move.order)}
            assert move.answer.ref in names and move.answer.choice in (None, *names)


def test_phases_run_in_the_rulebooks_order():
    phases = [step.phase for step in STANDARD.steps]
    assert phases == sorted(phases)
    assert len(set(STANDARD.steps)) == len(STANDARD.steps)


def _first_legal_order_of_every_kind() -> dict[str, tuple[GameState, Order]]:
    """Random players over the shipped scenarios reach a state where each kind is legal."""
    found: dict[str, tuple[GameState, Order]] = {}
    player = RandomPlayer()
    # the small worlds first: the 28-state committee is played only for a kind they never reach
    scenarios = sorted(
        (load_bundled(name) for name in bundled_names()), key=lambda s: len(s.states)
    )
    for scenario in scenarios:
        for seed in range(4):
            if len(found) >= len(ORDER_TYPES) - 1:  # all but SendMessage, which needs no state
                return found
            state, events, dice = new_game(scenario, seed), (), SessionDice(seed)
            players = {s: player for s in scenario.state_ids}
            while not state.finished and len(found) < len(ORDER_TYPES) - 1:
                for seat in state.ids:
                    for order in legal_orders(state, seat):
                        found.setdefault(order.kind, (state, order))
                record = play_turn(state, events, {}, players, dice)
                state, events = record.state, record.events
    return found


def test_every_move_changes_the_game_when_given():
    """No silent no-op: giving the order changes the next state or what the turn reports."""
    found = _first_legal_order_of_every_kind()
    state, _ = next(iter(found.values()))
    a, b = state.ids[:2]
    found["SendMessage"] = (state, SendMessage(a, to=(b,), text="Shall we talk?"))
    missing = set(ORDER_TYPES) - set(found)
    assert not missing, f"no game reached a state where these are legal: {sorted(missing)}"
    for kind, (state, order) in sorted(found.items()):
        without = resolve(state, [], Rng(11))
        with_it = resolve(state, [order], Rng(11))
        assert with_it.results[0].status == "applied", (kind, with_it.results[0].reason)
        changed = state_hash(with_it.state) != state_hash(without.state)
        reported = [e for e in with_it.events if e not in without.events]
        assert changed or reported, f"{kind} changed nothing and reported nothing"
