"""Tournaments: computer players of each level and doctrine, scripted strategies, outside players
and a random baseline, compared on the same crises (same scenario, seed and seat) so that
differences are paired."""

from .entrants import ENTRANTS
from .play import CONTENDERS, GameResult, Pairing, pairings, play_pairing
from .report import compare, standing_checks, summarize

__all__ = [
    "CONTENDERS",
    "ENTRANTS",
    "GameResult",
    "Pairing",
    "compare",
    "pairings",
    "play_pairing",
    "standing_checks",
    "summarize",
]
