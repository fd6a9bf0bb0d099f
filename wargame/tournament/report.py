"""Tournament statistics: mean scores and paired margins with 95% confidence intervals."""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass

from .play import GameResult


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


def by_contender(results: list[GameResult]) -> dict[str, dict[int, float]]:
    table: dict[str, dict[int, float]] = {}
    for r in results:
        table.setdefault(r.contender, {})[r.pairing.index] = r.points
    return table


def summarize(results: list[GameResult]) -> list[tuple[str, float, float, int]]:
    """(contender, mean score, standard error, games) per contender."""
    rows = []
    for name, scores in by_contender(results).items():
        values = list(scores.values())
        se = statistics.stdev(values) / math.sqrt(len(values)) if len(values) > 1 else float("nan")
        rows.append((name, statistics.fmean(values), se, len(values)))
    return rows


def compare(results: list[GameResult], better: str, worse: str) -> Margin:
    """Paired difference better - worse over the games both played, with a normal 95% CI."""
    table = by_contender(results)
    common = sorted(set(table[better]) & set(table[worse]))
    diffs = [table[better][i] - table[worse][i] for i in common]
    mean = statistics.fmean(diffs)
    half = (
        1.96 * statistics.stdev(diffs) / math.sqrt(len(diffs)) if len(diffs) > 1 else float("inf")
    )
    return Margin(better, worse, mean, mean - half, mean + half, len(diffs))
