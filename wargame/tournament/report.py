"""Tournament statistics: mean scores, paired margins with 95% intervals, and the standing checks.

A margin is the mean of the paired differences (same scenario, seed and seat) between two
contenders, with a Student t 95% interval. The standing checks (issue 13): no scripted or outside
entrant beats the normal player in the same seat (the upper end of its interval is at or below
0); "nothing" scores at least 10 points below normal (upper end at or below -10); hard is not
worse than normal (the upper end of hard - normal is at or above 0).
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass

from .play import BASELINE, GameResult

NOTHING_GAP = 10.0  # points "nothing" must score below normal

# Student t quantiles for a two-sided 95% interval, by degrees of freedom (1 to 30); beyond 30 the
# Cornish-Fisher expansion around the normal quantile is within 0.001 of the exact value
_T975 = tuple(
    float(x)
    for x in """
    12.706 4.303 3.182 2.776 2.571 2.447 2.365 2.306 2.262 2.228
    2.201 2.179 2.160 2.145 2.131 2.120 2.110 2.101 2.093 2.086
    2.080 2.074 2.069 2.064 2.060 2.056 2.052 2.048 2.045 2.042
    """.split()
)


def t975(df: int) -> float:
    """The 97.5% quantile of Student's t with `df` degrees of freedom."""
    if df < 1:
        return math.inf
    if df <= len(_T975):
        return _T975[df - 1]
    z = 1.959964
    return z + (z**3 + z) / (4 * df) + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)


@dataclass(frozen=True)
class Margin:
    better: str
    worse: str
    mean: float
    low: float
    high: float
    n: int

    @property
    def significant(self) -> bool:
        return self.low > 0

    @property
    def verdict(self) -> str:
        if self.low > 0:
            return f"{self.better} better"
        if self.high < 0:
            return f"{self.better} worse"
        return "no difference shown"


@dataclass(frozen=True)
class Summary:
    contender: str
    mean: float  # score per 100 objective points at stake
    se: float
    objectives: float  # % of objective points met
    games: int


@dataclass(frozen=True)
class Check:
    text: str
    holds: bool
    detail: str


def by_contender(results: list[GameResult]) -> dict[str, dict[int, GameResult]]:
    table: dict[str, dict[int, GameResult]] = {}
    for r in results:
        table.setdefault(r.contender, {})[r.pairing.index] = r
    return table


def summarize(results: list[GameResult]) -> list[Summary]:
    """Mean score, its standard error and the objectives met, per contender."""
    rows = []
    for name, games in by_contender(results).items():
        values = [g.points for g in games.values()]
        se = statistics.stdev(values) / math.sqrt(len(values)) if len(values) > 1 else float("nan")
        objectives = statistics.fmean(g.objectives for g in games.values())
        rows.append(Summary(name, statistics.fmean(values), se, objectives, len(values)))
    return rows


def compare(results: list[GameResult], better: str, worse: str) -> Margin:
    """Paired difference better - worse over the games both played, with a t 95% interval."""
    table = by_contender(results)
    common = sorted(set(table[better]) & set(table[worse]))
    diffs = [table[better][i].points - table[worse][i].points for i in common]
    mean = statistics.fmean(diffs)
    if len(diffs) > 1:
        half = t975(len(diffs) - 1) * statistics.stdev(diffs) / math.sqrt(len(diffs))
    else:
        half = math.inf
    return Margin(better, worse, mean, mean - half, mean + half, len(diffs))


def standing_checks(results: list[GameResult], entrants: list[str]) -> list[Check]:
    """The checks of the module's docstring, for the entrants and levels that were played."""
    played = by_contender(results)
    if BASELINE not in played:
        return []
    checks = []
    margins = [compare(results, e, BASELINE) for e in entrants if e in played]
    if margins:
        beaten = [m for m in margins if m.high > 0]
        checks.append(
            Check(
                f"no entrant beats {BASELINE} (upper end of the interval at or below 0)",
                not beaten,
                "; ".join(f"{m.better} up to {m.high:+.1f}" for m in beaten) or "none does",
            )
        )
    if "nothing" in played:
        m = compare(results, "nothing", BASELINE)
        checks.append(
            Check(
                f"nothing scores at least {NOTHING_GAP:g} points below {BASELINE}",
                m.high <= -NOTHING_GAP,
                f"{m.mean:+.1f} [{m.low:+.1f}, {m.high:+.1f}]",
            )
        )
    if "hard" in played:
        m = compare(results, "hard", BASELINE)
        checks.append(
            Check(
                f"hard at or above {BASELINE} (upper end of hard - {BASELINE} at or above 0)",
                m.high >= 0,
                f"{m.mean:+.1f} [{m.low:+.1f}, {m.high:+.1f}]",
            )
        )
    return checks
