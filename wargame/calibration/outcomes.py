"""Outcome balance: who ends a crisis in victory, across many crises.

A crisis game that crowns the same state in almost every crisis, or crowns the state killing a
population, teaches the wrong lessons (issue 13). Two rows check it on the crisis records:

- **outcome balance**: for each scenario, the share of its crises each state ends in victory;
  the row's value is the largest such share (the state and scenario named in its note), and it
  passes at or below 0.8;
- **perpetrators' victories**: how many times a state whose forces killed part of a population
  at risk ended in victory; it must be 0. The outcome rule (scoring.outcome) demotes such a
  victory, so the row holds by construction: a failure would reveal a bug.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

Record = dict[str, Any]

MAX_VICTORY_SHARE = 0.8  # issue 13: no state wins more than 80% of its crises
MIN_CRISES = 20  # crises a scenario needs before a state's share of victories is judged
ICB = "ICB outcome definitions (Brecher & Wilkenfeld 2000); issue 13's balance check"


@dataclass(frozen=True, slots=True)
class Winner:
    """The state of one scenario that ends the most of its crises in victory."""

    scenario: str
    state: str
    victories: int
    crises: int

    @property
    def share(self) -> float:
        return self.victories / self.crises if self.crises else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "state": self.state,
            "victories": self.victories,
            "crises": self.crises,
            "share": round(self.share, 4),
        }


def victory_shares(records: Iterable[Record]) -> dict[str, tuple[int, dict[str, int]]]:
    """Per scenario: (crises, victories of each state)."""
    out: dict[str, tuple[int, dict[str, int]]] = {}
    for r in records:
        crises, wins = out.get(r["scenario"], (0, {}))
        for sid, s in r.get("states", {}).items():
            wins[sid] = wins.get(sid, 0) + (s["outcome"] == "victory")
        out[r["scenario"]] = (crises + 1, wins)
    return dict(sorted(out.items()))


def top_winners(records: Iterable[Record]) -> list[Winner]:
    """Each scenario's most victorious state (ties: the first by id)."""
    out = []
    for scenario, (crises, wins) in victory_shares(records).items():
        if not wins:
            continue  # a record without states (a hand-built one) says nothing of outcomes
        state = max(sorted(wins), key=lambda s: wins[s])
        out.append(Winner(scenario, state, wins[state], crises))
    return out


def top_winner(records: Sequence[Record]) -> Winner | None:
    """The most victorious state of any scenario with enough crises to judge; None if none."""
    judged = [w for w in top_winners(records) if w.crises >= MIN_CRISES]
    return max(judged, key=lambda w: (w.share, -w.crises)) if judged else None


def perpetrator_outcomes(records: Iterable[Record]) -> tuple[int, int]:
    """(victories, crises ended) of the states that committed atrocities, over all records."""
    victories = ended = 0
    for r in records:
        for s in r.get("states", {}).values():
            if s.get("perpetrator"):
                ended += 1
                victories += s["outcome"] == "victory"
    return victories, ended


def format_outcomes(records: Sequence[Record]) -> str:
    """Each scenario's most victorious state and the perpetrators' record, in plain lines."""
    lines = [f"Outcome balance (no state may win more than {MAX_VICTORY_SHARE:.0%} of its crises):"]
    for w in top_winners(records):
        mark = "+" if w.share <= MAX_VICTORY_SHARE else "x"
        if w.crises < MIN_CRISES:
            mark = "?"
        lines.append(
            f"  {w.scenario}: {w.state} wins most often, {w.victories} of {w.crises} crises "
            f"({w.share:.2f}) {mark}"
        )
    victories, ended = perpetrator_outcomes(records)
    lines.append(
        f"  atrocity perpetrators ended in victory {victories} time(s) in {ended} "
        "crisis end(s) as perpetrator"
    )
    return "\n".join(lines)


def outcomes_json(records: Sequence[Record]) -> dict[str, Any]:
    shares = victory_shares(records)
    victories, ended = perpetrator_outcomes(records)
    return {
        "max_victory_share": MAX_VICTORY_SHARE,
        "scenarios": {
            sid: {
                "crises": crises,
                "victory_share": {s: round(k / crises, 4) for s, k in sorted(wins.items())},
            }
            for sid, (crises, wins) in shares.items()
        },
        "top_winners": [w.to_dict() for w in top_winners(records)],
        "perpetrator_victories": victories,
        "perpetrator_crises": ended,
    }
