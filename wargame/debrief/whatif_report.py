"""The what-if results as plain data (for `wargame whatif --json`, the GUI page and the printed
summary): the two histories side by side, and the distribution of outcomes over many futures
with 95% intervals. Numbers are rounded, keys sorted: the same arguments give the same JSON."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..enums import Rung
from ..orders import Order
from ..scoring import OUTCOMES
from ..wording import counted
from .played import Played
from .whatif import Future, Outcome, outcome_of, recorded_orders
from .words import Words, listing, number

Z95 = 1.959963984540054  # the normal quantile of a two-sided 95% interval
DIGITS = 4


def wilson(k: int, n: int) -> tuple[float, float]:
    """95% Wilson score interval of a share k/n (sound for shares near 0 or 1 and small n)."""
    if n == 0:
        return (0.0, 1.0)
    p = k / n
    denom = 1 + Z95**2 / n
    centre = (p + Z95**2 / (2 * n)) / denom
    half = Z95 * math.sqrt(p * (1 - p) / n + Z95**2 / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def mean_interval(values: Sequence[float]) -> tuple[float, float, float]:
    """The mean and its 95% interval (normal approximation; one value has no spread)."""
    n = len(values)
    mean = sum(values) / n
    if n < 2:
        return mean, mean, mean
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    half = Z95 * sd / math.sqrt(n)
    return mean, mean - half, mean + half


def _r(x: float) -> float:
    return round(x, DIGITS) + 0.0


def _shares(counts: Counter, n: int, order: Sequence[str]) -> dict[str, dict[str, Any]]:
    return {
        key: {"count": counts[key], "share": _r(counts[key] / n)} for key in order if counts[key]
    }


def distribution(played: Played, outcomes: Sequence[Outcome]) -> dict[str, Any]:
    n = len(outcomes)
    if n == 0:
        return {"runs": 0}
    rungs = [r.words for r in Rung]
    wars = sum(o.war for o in outcomes)
    low, high = wilson(wars, n)
    states = {}
    for spec in played.scenario.states:
        mean, lo, hi = mean_interval([o.totals[spec.id] for o in outcomes])
        objectives = []
        for i, objective in enumerate(spec.objectives):
            met = sum(o.objectives[spec.id][i] for o in outcomes)
            olo, ohi = wilson(met, n)
            objectives.append(
                {
                    "objective": objective.text,
                    "secret": objective.secret,
                    "met": met,
                    "share": _r(met / n),
                    "interval": [_r(olo), _r(ohi)],
                }
            )
        states[spec.id] = {
            "name": spec.name,
            "score": {"mean": _r(mean), "interval": [_r(lo), _r(hi)]},
            "outcomes": _shares(Counter(o.outcomes[spec.id] for o in outcomes), n, OUTCOMES),
            "objectives": objectives,
        }
    return {
        "runs": n,
        "peak_rung": _shares(Counter(rungs[o.peak_rung] for o in outcomes), n, rungs),
        "final_rung": _shares(Counter(rungs[o.final_rung] for o in outcomes), n, rungs),
        "war": {"count": wars, "share": _r(wars / n), "interval": [_r(low), _r(high)]},
        "states": states,
    }


def outcome_data(played: Played, o: Outcome) -> dict[str, Any]:
    names = played.scenario.state_names
    return {
        "peak_rung": Rung(o.peak_rung).words,
        "final_rung": Rung(o.final_rung).words,
        "war": o.war,
        "states": {
            seat: {
                "name": names[seat],
                "total": o.totals[seat],
                "outcome": o.outcomes[seat],
                "objectives_met": sum(o.objectives[seat]),
                "objectives": len(o.objectives[seat]),
            }
            for seat in played.scenario.state_ids
        },
    }


def comparison(
    played: Played, future: Future, seat: str | None, orders: Sequence[Order] | None
) -> dict[str, Any]:
    """The recorded history and the branch, turn by turn from the branch turn, then at the end."""
    words = Words(played.scenario)
    turn = future.turn
    before = played.state_before(turn)
    recorded = recorded_orders(played, turn).get(seat, ()) if seat else ()
    turns = []
    last = max(len(played.turns), turn - 1 + len(future.records))
    for t in range(turn, last + 1):
        original = played.turns[t - 1] if t <= len(played.turns) else None
        made = future.records[t - turn] if t - turn < len(future.records) else None
        turns.append(
            {"turn": t, "original": _turn_data(original, words), "branch": _turn_data(made, words)}
        )
    original_future = Future(turn, played.turns[turn - 1 :], (), before)
    same = all(
        a.state_hash == b.state_hash
        for a, b in zip(played.turns[turn - 1 :], future.records, strict=False)
    )
    return {
        "turn": turn,
        "seat": seat,
        "seat_name": words.name(seat) if seat else None,
        "recorded_orders": [words.order(o, before) for o in recorded],
        "orders": [words.order(o, before) for o in (orders if orders is not None else recorded)],
        "identical_while_recorded": same,
        "stand_ins": [{"turn": t, "seat": s, "name": words.name(s)} for t, s in future.stand_ins],
        "turns": turns,
        "end": {
            "original": outcome_data(played, outcome_of(original_future)),
            "branch": outcome_data(played, outcome_of(future)),
            "original_finished": played.finished,
        },
    }


def _turn_data(record, words: Words) -> dict[str, Any] | None:  # noqa: ANN001 - TurnRecord
    if record is None:
        return None
    return {
        "rung": Rung(record.state.escalation).words,
        "tension": _r(record.state.tension),
        "state_hash": record.state_hash,
        "events": [words.ids_to_names(e.text) for e in record.events if e.visible_to is None],
    }


def percentages(shares: dict[str, dict[str, Any]]) -> dict[str, int]:
    """Whole percentages that add up to exactly 100 (largest remainders get the spare points)."""
    total = sum(v["count"] for v in shares.values())
    if total == 0:
        return {}
    exact = {k: v["count"] * 100 / total for k, v in shares.items()}
    floors = {k: math.floor(x) for k, x in exact.items()}
    spare = 100 - sum(floors.values())
    for k in sorted(exact, key=lambda k: (floors[k] - exact[k], k))[:spare]:
        floors[k] += 1
    return floors


def describe_distribution(title: str, data: dict[str, Any]) -> list[str]:
    """Lines for a terminal: the peak rung shares, war, and each state's score and outcomes."""
    n = data["runs"]
    lines = [f"{title}: {counted(n, 'future')}"]
    peak = percentages(data["peak_rung"])
    lines.append("  highest rung reached: " + ", ".join(f"{k} {v}%" for k, v in peak.items()))
    war = data["war"]
    lo, hi = war["interval"]
    lines.append(
        f"  a war was fought: {number(war['share'] * 100)}% "
        f"(95% interval {number(lo * 100)}\u2013{number(hi * 100)}%)"
    )
    for s in data["states"].values():
        mean = s["score"]["mean"]
        lo, hi = s["score"]["interval"]
        outcomes = percentages(s["outcomes"])
        lines.append(
            f"  {s['name']}: score {number(mean)} (95% interval {number(lo)}\u2013{number(hi)}); "
            + listing([f"{k} {v}%" for k, v in outcomes.items()])
        )
    return lines
