"""The odds a facilitator gives an argument, with the table matrix games suggest.

Matrix games (Chris Engle's, and the professional ones built on them) let the umpire turn a
judgement of how plausible an argued action is into a probability. The words below are the usual
ladder of estimative language; the percentages are the mid-points Sherman Kent proposed for
intelligence estimates ("Words of Estimative Probability", 1964), rounded to fives, which
teachers can say aloud and students can check. The facilitator may set any value from 1% to 99%.
"""

from __future__ import annotations

from .records import MAX_ODDS, MIN_ODDS

ODDS_TABLE: tuple[tuple[str, float], ...] = (
    ("almost certain", 0.95),
    ("very likely", 0.85),
    ("likely", 0.70),
    ("even chance", 0.50),
    ("unlikely", 0.30),
    ("very unlikely", 0.15),
    ("almost impossible", 0.05),
)
DEFAULT_ODDS = 0.50


def odds_words(odds: float) -> str:
    """The table's words for these odds (the nearest row), e.g. "likely"."""
    return min(ODDS_TABLE, key=lambda row: abs(row[1] - odds))[0]


def odds_for(words: str) -> float:
    """The table's odds for its words; ValueError for words it does not hold."""
    for name, value in ODDS_TABLE:
        if name == words.strip().lower():
            return value
    raise ValueError(
        f"{words!r} is not in the odds table (expected one of: "
        f"{', '.join(name for name, _ in ODDS_TABLE)})"
    )


def clamp_odds(odds: float) -> float:
    return min(MAX_ODDS, max(MIN_ODDS, odds))
