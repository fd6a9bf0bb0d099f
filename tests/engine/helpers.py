"""Small scenarios and shortcuts for engine tests."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from wargame.loop import SessionDice, play_turn
from wargame.orders import Order
from wargame.players import Player
from wargame.resolve import Resolution, resolve
from wargame.rng import Rng
from wargame.scenario import Scenario, parse_scenario
from wargame.setup import new_game
from wargame.state import GameState


def state_spec(sid: str, **overrides: Any) -> dict[str, Any]:
    spec = {
        "id": sid,
        "name": sid.capitalize(),
        "regime": "democracy",
        "military": 50,
        "economy": 100,
        "stability": 60,
        "reputation": 60,
        "position": [0.5, 0.5],
        "briefing": f"You lead {sid}.",
    }
    spec.update(overrides)
    return spec


BASE: dict[str, Any] = {
    "id": "mini",
    "title": "Mini crisis",
    "summary": "Three states for tests.",
    "briefing": "A test crisis.",
    "turns": 8,
    "turn_length": "two weeks",
    "seed": 3,
    "tension": 30,
    "states": [
        state_spec("ana"),
        state_spec("bel", regime="autocracy", military=60),
        state_spec("cor", military=100),
    ],
    "relations": [
        {"between": ["ana", "bel"], "value": -30},
        {"between": ["ana", "cor"], "value": 50},
    ],
    "trade": [
        {"from": "bel", "to": "ana", "share": 0.4},
        {"from": "ana", "to": "bel", "share": 0.1},
    ],
    "treaties": [{"id": "pact", "kind": "alliance", "members": ["ana", "cor"]}],
}


def mini_scenario(**changes: Any) -> Scenario:
    data = copy.deepcopy(BASE)
    data.update(changes)
    return parse_scenario(data, "mini")


def mini_game(**changes: Any) -> GameState:
    return new_game(mini_scenario(**changes))


def step(state: GameState, *orders: Order) -> Resolution:
    return resolve(state, orders, Rng.for_turn(state.seed, state.turn))


def kinds(resolution: Resolution) -> list[str]:
    return [e.kind for e in resolution.events]


def every_state(
    scenario: Scenario, seed: int, players: Mapping[str, Player]
) -> tuple[GameState, ...]:
    """Every state of a game played to its end by `players`, the first one included."""
    state, events, dice = new_game(scenario, seed), (), SessionDice(seed)
    states = [state]
    while not state.finished:
        record = play_turn(state, events, {}, players, dice)
        state, events = record.state, record.events
        states.append(state)
    return tuple(states)
