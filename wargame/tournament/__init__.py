"""Tournaments: computer players of each level and doctrine, and a random baseline, compared
on the same crises (same scenario, seed and seat) so that differences are paired."""

from .play import CONTENDERS, GameResult, Pairing, pairings, play_pairing
from .report import compare, summarize

__all__ = [
    "CONTENDERS",
    "GameResult",
    "Pairing",
    "compare",
    "pairings",
    "play_pairing",
    "summarize",
]
