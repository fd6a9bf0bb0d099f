"""Computer players. Each takes a seat's view and a seeded generator and returns a Decision."""

from __future__ import annotations

from typing import Protocol

from ..rng import Rng
from ..view import SeatView
from .heuristic import DOCTRINES, Decision, HeuristicPlayer
from .random_player import RandomPlayer


class Player(Protocol):
    name: str

    def decide(self, view: SeatView, rng: Rng) -> Decision: ...


def make_player(kind: str = "heuristic", doctrine: str | None = None) -> Player:
    if kind == "random":
        return RandomPlayer()
    if kind == "heuristic":
        return HeuristicPlayer(doctrine)
    raise ValueError(f"unknown computer player {kind!r} (expected heuristic or random)")


__all__ = ["DOCTRINES", "Decision", "HeuristicPlayer", "Player", "RandomPlayer", "make_player"]
