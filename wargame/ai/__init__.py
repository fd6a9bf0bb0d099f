"""Computer players. Each takes a seat's view and a seeded generator and returns a Decision.

Levels differ in foresight, never in what they may see: "easy" plays by rules of thumb,
"normal" and "hard" look further ahead with the engine (see lookahead.py).
"""

from __future__ import annotations

from ..players import Decision, Player
from .heuristic import DOCTRINES, HeuristicPlayer
from .lookahead import DEFAULT_LEVEL, LEVELS, LookaheadPlayer
from .random_player import RandomPlayer

KINDS = ("random", *LEVELS)


def make_player(kind: str = "easy", doctrine: str | None = None) -> Player:
    """kind: "random", or a level ("easy", "normal", "hard"); doctrine: None for the scenario's."""
    if kind == "random":
        return RandomPlayer()
    if kind in ("easy", "heuristic"):
        return HeuristicPlayer(doctrine)
    if kind in LEVELS:
        return LookaheadPlayer(kind, doctrine)
    raise ValueError(f"unknown computer player {kind!r} (expected one of {', '.join(KINDS)})")


__all__ = [
    "DEFAULT_LEVEL",
    "DOCTRINES",
    "KINDS",
    "LEVELS",
    "Decision",
    "HeuristicPlayer",
    "LookaheadPlayer",
    "Player",
    "RandomPlayer",
    "make_player",
]
