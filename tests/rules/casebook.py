"""Helpers for the rules casebook: a tiny four-state scenario built in the test (parse_scenario on
a dict), states derived from it, and one-turn resolution with a seeded or scripted generator.

Each test's docstring quotes its case from docs/RULES.md, section "Casebook".
"""

from __future__ import annotations

import copy
from dataclasses import replace
from typing import Any

from wargame.resolve import Resolution, resolve
from wargame.rng import Rng
from wargame.scenario import parse_scenario
from wargame.setup import new_game
from wargame.state import GameState

BYSTANDERS = [{"id": f"by{i}", "name": f"Bystander {i}", "leaning": 0.0} for i in range(12)]

BASE: dict[str, Any] = {
    "id": "casebook",
    "title": "Casebook",
    "summary": "A tiny crisis for testing rules.",
    "briefing": "Four states.",
    "turns": 8,
    "turn_length": "two weeks",
    "seed": 1,
    "tension": 30,
    "escalation": "coercion",
    "states": [
        {
            "id": "alba",
            "name": "Alba",
            "regime": "democracy",
            "military": 50,
            "economy": 100,
            "stability": 60,
            "reputation": 60,
            "position": [0.1, 0.1],
            "briefing": "Alba.",
            "doctrine": "realist",
        },
        {
            "id": "brin",
            "name": "Brin",
            "regime": "autocracy",
            "military": 50,
            "economy": 100,
            "stability": 60,
            "reputation": 50,
            "position": [0.9, 0.1],
            "briefing": "Brin.",
            "doctrine": "hawk",
        },
        {
            "id": "cora",
            "name": "Cora",
            "regime": "democracy",
            "nuclear": True,
            "great_power": True,
            "military": 150,
            "economy": 400,
            "stability": 60,
            "reputation": 70,
            "position": [0.5, 0.9],
            "briefing": "Cora.",
            "doctrine": "institutionalist",
        },
        {
            "id": "dara",
            "name": "Dara",
            "regime": "hybrid",
            "military": 10,
            "economy": 40,
            "stability": 50,
            "reputation": 50,
            "position": [0.5, 0.5],
            "briefing": "Dara.",
            "doctrine": "dove",
        },
    ],
    "relations": [
        {"between": ["alba", "brin"], "value": -30},
        {"between": ["alba", "cora"], "value": 50},
        {"between": ["alba", "dara"], "value": 20},
        {"between": ["brin", "cora"], "value": -20},
        {"between": ["brin", "dara"], "value": 10},
        {"between": ["cora", "dara"], "value": 20},
    ],
    "trade": [
        {"from": "brin", "to": "alba", "share": 0.25},
        {"from": "brin", "to": "cora", "share": 0.15},
        {"from": "brin", "to": "dara", "share": 0.20},
        {"from": "alba", "to": "brin", "share": 0.10},
        {"from": "dara", "to": "brin", "share": 0.30},
        {"from": "cora", "to": "brin", "share": 0.05},
    ],
    "organizations": {
        "security_council": {
            # five permanent members: two states and three bystanders
            "permanent": ["cora", "brin", "by0", "by1", "by2"],
            "elected": ["alba"],
            "bystanders": BYSTANDERS,
        },
        "regional": [{"id": "league", "name": "League", "members": ["alba", "brin", "dara"]}],
    },
}


def scenario(**changes: Any):
    """The casebook scenario, with top-level fields replaced (e.g. treaties=[...])."""
    data = copy.deepcopy(BASE)
    data.update(copy.deepcopy(changes))
    return parse_scenario(data, "<casebook>")


def start(sc=None, seed: int = 1, **fields: Any) -> GameState:
    state = new_game(sc or scenario(), seed)
    return replace(state, **fields) if fields else state


def with_country(state: GameState, sid: str, **changes: Any) -> GameState:
    countries = tuple(c._replace(**changes) if c.id == sid else c for c in state.countries)
    return replace(state, countries=countries)


def with_relation(state: GameState, a: str, b: str, value: float) -> GameState:
    n = len(state.ids)
    rel = list(state.relations)
    i, j = state.index(a), state.index(b)
    rel[i * n + j] = rel[j * n + i] = float(value)
    return replace(state, relations=tuple(rel))


class Scripted(Rng):
    """A generator whose draws are given in advance (then 0.5 for ever): for rolls a case fixes."""

    def __init__(self, *draws: float):
        super().__init__(0)
        self.draws = list(draws)

    def random(self) -> float:
        return self.draws.pop(0) if self.draws else 0.5


def play(state: GameState, *orders, rng: Rng | None = None) -> Resolution:
    return resolve(state, orders, rng or Rng.for_turn(state.seed, state.turn))


def events(res: Resolution, kind: str) -> list:
    return [e for e in res.events if e.kind == kind]


def number(event, name: str) -> float:
    """A number behind the event, as the facilitator sees it (public or not)."""
    return dict(event.numbers + tuple((k, v) for _, k, v in event.private))[name]


def tutorial_first_turn_legal(family: str) -> dict[str, dict[str, int]]:
    """Like perft in chess: per seat, how many legal orders of each kind of this family the
    tutorial's first turn offers. Each family's casebook pins its own; a change in these numbers
    is a change in the rules: update on purpose."""
    from collections import Counter

    from wargame.legality import legal_orders
    from wargame.scenario.library import load_bundled

    state = new_game(load_bundled("tutorial_strait.yaml"))
    return {
        seat: dict(Counter(o.kind for o in legal_orders(state, seat) if o.family == family))
        for seat in state.ids
    }


def every_seat(counts: dict[str, int]) -> dict[str, dict[str, int]]:
    """The same pinned counts for each of the tutorial's four seats."""
    return {seat: counts for seat in ("aurelia", "borduria", "carpathia", "dalmora")}
