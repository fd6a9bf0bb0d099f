"""The calibration table: simulated rates against the published figures of DESIGN.md section 2.

Each target names a quantity, the published value, a tolerance and its source; `calibration_rows`
measures the quantity on a list of crisis records. A row passes when the simulated rate lies within
the tolerance of the target. The tolerance is the larger of the row's own band and two standard
errors of a rate at the target with the row's sample size, so a small sample widens it (the rates
of a few dozen crises prove little); a row with fewer than `min_n` cases is not judged (it does not
pass, and it is not counted as off target either: too few cases is a note, not a failure).

Each row carries its basis (basis.py): calibrated, or holding by construction and so left out of
the pass count.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..state import GameState
from .basis import basis
from .outcomes import ICB, MAX_VICTORY_SHARE, MIN_CRISES, perpetrator_outcomes, top_winner
from .records import crisis_record

Record = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Target:
    id: str
    quantity: str
    target: float
    band: float  # the tolerance with a large sample
    source: str
    definition: str
    # about: |value - target| <= tolerance; at_least: value >= target - tolerance;
    # at_most: value <= target + tolerance
    kind: str = "about"
    min_n: int = 30


@dataclass(frozen=True, slots=True)
class Row:
    id: str
    quantity: str
    value: float | None
    target: float
    tolerance: float
    n: int
    passed: bool
    source: str
    kind: str = "about"
    note: str = ""
    enough: bool = True  # at least the row's minimum number of cases: the row is judged
    by_construction: bool = False
    why: str = ""  # its basis: what fixes it (by construction) or what the tuning moves

    @property
    def status(self) -> str:
        """ "pass", "off target" or "too few cases"."""
        if not self.enough:
            return "too few cases"
        return "pass" if self.passed else "off target"

    @property
    def target_text(self) -> str:
        bound = {"at_least": ">= ", "at_most": "<= "}.get(self.kind, "")
        return f"{bound}{self.target:g}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "quantity": self.quantity,
            "simulated": None if self.value is None else round(self.value, 4),
            "target": self.target,
            "target_kind": self.kind,
            "tolerance": round(self.tolerance, 4),
            "n": self.n,
            "pass": self.passed,
            "status": self.status,
            "enough_cases": self.enough,
            "by_construction": self.by_construction,
            "basis": self.why,
            "source": self.source,
            "note": self.note,
        }


LLM = "Leeds, Long & Mitchell (2000), JCR 44(5)"
BF = "Berkemeier & Fuhrmann (2018), Research & Politics 5(2)"
HSE = "Hufbauer, Schott, Elliott & Oegg (2007), Economic Sanctions Reconsidered, 3rd ed."
TIES = "TIES v4.1 (Morgan, Bapat & Kobayashi 2014)"
MID = "MID 5.0 (Palmer et al. 2022)"
COW = "COW inter-state war v4.0 with NMC v7.0"
UN = "UN Charter Art. 27(3)"

TARGETS: tuple[Target, ...] = (
    Target(
        "alliance_honoured",
        "Classic alliances honoured when invoked within terms",
        0.75,
        0.08,
        LLM,
        "answers by allies to calls under an 'alliance' (automatic obligation) whose casus foederis was met; share that honoured",
    ),
    Target(
        "pact_honoured",
        "Modern defense pacts honoured when invoked within terms",
        0.40,
        0.08,
        BF,
        "answers by allies to calls under a 'defense_pact' (each member decides its response) within terms; share that honoured",
    ),
    Target(
        "imposed_success",
        "Imposed sanctions that succeed (target concedes, sanctions pivotal)",
        0.34,
        0.06,
        HSE,
        "episodes that reached imposition (threatened first or not, unilateral, coalition or UN); share in which the target conceded "
        "after imposition while no sender used force against it or fought a war with it",
    ),
    Target(
        "threat_not_imposed",
        "Sanctions threats never carried out",
        0.54,
        0.06,
        TIES,
        "episodes that began with a threat; share never imposed (the target conceded, the threat was withdrawn or lapsed)",
    ),
    Target(
        "threat_concession",
        "Target concedes at the threat stage",
        0.43,
        0.06,
        TIES,
        "episodes that began with a threat; share in which the target conceded before imposition",
    ),
    Target(
        "imposition_concession",
        "Target concedes after imposition",
        0.33,
        0.06,
        TIES,
        "episodes threatened and then imposed; share in which the target conceded after imposition",
    ),
    Target(
        "success_minor",
        "Sanctions success when the cost to the target is minor",
        0.50,
        0.07,
        TIES,
        "all episodes (threat or imposition) whose measures inflict or would inflict a minor cost; share the target conceded",
    ),
    Target(
        "success_major",
        "Sanctions success when the cost to the target is major",
        0.70,
        0.08,
        TIES,
        "as above, major cost",
    ),
    Target(
        "success_severe",
        "Sanctions success when the cost to the target is severe",
        0.76,
        0.08,
        TIES,
        "as above, severe cost",
    ),
    Target(
        "mid_war",
        "Militarized disputes that escalate to war",
        0.045,
        0.015,
        MID,
        "disputes opened by a show or use of force (incl. interventions); share that became a war",
        min_n=200,
    ),
    Target(
        "war_reciprocated",
        "Wars that began in a reciprocated dispute",
        0.90,
        0.0,
        MID,
        "wars; share whose dispute the target had answered with a show or use of force ('almost only')",
        kind="at_least",
        min_n=20,
    ),
    Target(
        "stronger_wins",
        "Stronger coalition wins a war (pooled)",
        0.65,
        0.07,
        COW,
        "wars with a victor; share won by the side with the larger capability share (coalitions counted as states join)",
    ),
    Target(
        "stronger_wins_9to1",
        "Stronger coalition wins at about 9:1 odds (share >= 0.85)",
        0.80,
        0.10,
        COW,
        "wars with a victor whose stronger side held at least 85% of the capabilities; share it won",
        min_n=20,
    ),
    Target(
        "council_art27",
        "Security Council votes that obey Art. 27 (9 of 15; no P5 'no' unless procedural)",
        1.0,
        0.0,
        UN,
        "every simulated vote: adopted exactly when 9 or more of 15 voted yes and, on a "
        "substantive draft, no permanent member voted no (a procedural draft has no veto, "
        "Art. 27(2)); vetoed exactly when a permanent member's 'no' blocked a substantive draft",
        min_n=1,
    ),
)

# outcome balance (outcomes.py): checks of the scores' design rather than published rates
OUTCOME_TARGETS: tuple[Target, ...] = (
    Target(
        "outcome_balance",
        "Largest share of its crises any state ends in victory (per scenario)",
        MAX_VICTORY_SHARE,
        0.0,
        ICB,
        "for each scenario, the share of its crises each state ends in victory; the largest share "
        "of any state in any scenario with enough crises (the state is named in the note)",
        kind="at_most",
        min_n=MIN_CRISES,
    ),
    Target(
        "perpetrator_victory",
        "Atrocity perpetrators that end in victory (count)",
        0.0,
        0.0,
        ICB,
        "states whose forces killed part of a population at risk, over every crisis they ended; "
        "how many ended in victory",
        kind="at_most",
        min_n=1,
    ),
)

NINE_TO_ONE = 0.85


def _ratio(hits: int, n: int) -> float | None:
    return hits / n if n else None


def _pairs(records: Iterable[Record], fn: Callable[[Record], Iterable[bool]]) -> tuple[int, int]:
    hits = n = 0
    for r in records:
        for outcome in fn(r):
            n += 1
            hits += bool(outcome)
    return hits, n


def _honour(kind: str) -> Callable[[Record], Iterable[bool]]:
    def fn(r: Record) -> Iterable[bool]:
        for inv in r["invocations"]:
            if inv["kind"] == kind and inv["within_terms"]:
                for a in inv["answers"]:
                    yield a["honoured"]

    return fn


def _episodes(r: Record, pred: Callable[[Record], bool]) -> list[Record]:
    return [e for e in r["sanctions"] if not e["retaliation"] and pred(e)]


MEASURES: dict[str, Callable[[Record], Iterable[bool]]] = {
    "alliance_honoured": _honour("alliance"),
    "pact_honoured": _honour("defense_pact"),
    "imposed_success": lambda r: (
        e["conceded_at"] == "imposition" and e["pivotal"]
        for e in _episodes(r, lambda e: e["imposed"])
    ),
    "threat_not_imposed": lambda r: (
        not e["imposed"] for e in _episodes(r, lambda e: e["threatened"])
    ),
    "threat_concession": lambda r: (
        e["conceded_at"] == "threat" for e in _episodes(r, lambda e: e["threatened"])
    ),
    "imposition_concession": lambda r: (
        e["conceded_at"] == "imposition"
        for e in _episodes(r, lambda e: e["threatened"] and e["imposed"])
    ),
    "success_minor": lambda r: (
        e["conceded"] for e in _episodes(r, lambda e: e["cost"] == "minor")
    ),
    "success_major": lambda r: (
        e["conceded"] for e in _episodes(r, lambda e: e["cost"] == "major")
    ),
    "success_severe": lambda r: (
        e["conceded"] for e in _episodes(r, lambda e: e["cost"] == "severe")
    ),
    "mid_war": lambda r: (d["war"] for d in r["disputes"]),
    "war_reciprocated": lambda r: (d["reciprocated"] for d in r["disputes"] if d["war"]),
    "stronger_wins": lambda r: (
        w["stronger_won"] for w in r["wars"] if w["stronger_won"] is not None
    ),
    "stronger_wins_9to1": lambda r: (
        w["stronger_won"]
        for w in r["wars"]
        if w["stronger_won"] is not None and w["stronger_share"] >= NINE_TO_ONE
    ),
    "council_art27": lambda r: (v["art27_ok"] for v in r["council_votes"]),
}


def tolerance(t: Target, n: int) -> float:
    if t.band == 0.0:
        return 0.0  # exact rules (the Charter) and one-sided floors do not widen
    se = math.sqrt(t.target * (1 - t.target) / n) if n else 1.0
    return round(min(0.25, max(t.band, 2 * se)), 3)


def judge(t: Target, value: float | None, n: int) -> Row:
    tol = tolerance(t, n)
    note = ""
    enough = value is not None and n >= t.min_n
    if not enough:
        passed = False
        note = f"too few cases (need {t.min_n})"
    elif t.kind == "at_least":
        passed = value >= t.target - tol - 1e-12  # type: ignore[operator]
    elif t.kind == "at_most":
        passed = value <= t.target + tol + 1e-12  # type: ignore[operator]
    else:
        passed = abs(value - t.target) <= tol + 1e-12  # type: ignore[operator]
    b = basis(t.id)
    return Row(
        t.id,
        t.quantity,
        value,
        t.target,
        tol,
        n,
        passed,
        t.source,
        t.kind,
        note,
        enough,
        b.by_construction,
        b.why,
    )


def calibration_rows(records: Sequence[Record]) -> list[Row]:
    rows = []
    for t in TARGETS:
        hits, n = _pairs(records, MEASURES[t.id])
        rows.append(judge(t, _ratio(hits, n), n))
    last_level = next(i for i, r in enumerate(rows) if r.id == "success_severe")
    rows.insert(last_level + 1, cost_trend_row(records))
    return rows + outcome_rows(records)


def outcome_rows(records: Sequence[Record]) -> list[Row]:
    """The outcome balance and the perpetrators' victories (outcomes.py)."""
    balance, perpetrators = OUTCOME_TARGETS
    top = top_winner(records)
    if top is None:
        first = judge(balance, None, 0)
    else:
        first = judge(balance, top.share, top.crises)
        where = f"{top.state} in {top.scenario}: {top.victories} of {top.crises} crises"
        first = _with_note(first, where + (f"; {first.note}" if first.note else ""))
    victories, ended = perpetrator_outcomes(records)
    second = judge(perpetrators, float(victories) if ended else None, ended)
    return [first, second]


def _with_note(row: Row, note: str) -> Row:
    return replace(row, note=note)


COST_LEVELS = ("minor", "major", "severe")
MIN_PER_LEVEL = 5  # episodes of each of two cost levels a scenario needs to compare them
PAIR_MIN_N = 60  # episodes (in the scenarios compared) for a step of the trend to be judged


def cost_mix(records: Iterable[Record]) -> dict[str, dict[str, tuple[int, int]]]:
    """Per scenario, per cost level: (episodes, episodes the target conceded)."""
    mix: dict[str, dict[str, list[int]]] = {}
    for r in records:
        levels = mix.setdefault(r["scenario"], {c: [0, 0] for c in COST_LEVELS})
        for e in _episodes(r, lambda e: True):
            levels[e["cost"]][0] += 1
            levels[e["cost"]][1] += bool(e["conceded"])
    return {s: {c: (n, k) for c, (n, k) in levels.items()} for s, levels in sorted(mix.items())}


def _step(
    mix: dict[str, dict[str, tuple[int, int]]], low: str, high: str
) -> tuple[float, float, int, list[str]] | None:
    """Success at two cost levels, compared within the scenarios where both occur: each level's
    rate averaged over those scenarios, weighted by their episodes at the two levels (so both
    rates come from the same mix of scenarios). None when no scenario has both."""
    usable = [s for s, lv in mix.items() if min(lv[low][0], lv[high][0]) >= MIN_PER_LEVEL]
    weights = {s: mix[s][low][0] + mix[s][high][0] for s in usable}
    total = sum(weights.values())
    if not total:
        return None

    def rate(level: str) -> float:
        return sum(weights[s] * mix[s][level][1] / mix[s][level][0] for s in usable) / total

    return rate(low), rate(high), total, usable


def cost_trend_row(records: Sequence[Record]) -> Row:
    """Does success rise with the cost to the target, compared within scenarios?

    Pooled rates by cost level compare scenarios when each scenario's episodes fall mostly in one
    level; so each step (minor to major, major to severe) is compared within the scenarios where
    both of its levels occur. The trend is judged when both steps have enough episodes."""
    mix = cost_mix(records)
    steps = [_step(mix, a, b) for a, b in zip(COST_LEVELS, COST_LEVELS[1:], strict=False)]
    notes, n, enough, rising = [], 0, True, True
    for (low, high), step in zip(
        zip(COST_LEVELS, COST_LEVELS[1:], strict=False), steps, strict=True
    ):
        if step is None:
            notes.append(f"{low} vs {high}: no scenario has both")
            enough = False
            continue
        a, b, total, usable = step
        n += total
        enough &= total >= PAIR_MIN_N
        rising &= a < b
        notes.append(
            f"{low} {a:.2f} {'<' if a < b else '>='} {high} {b:.2f} in {', '.join(usable)}"
        )
    passed = enough and rising
    note = "; ".join(notes) + ("" if enough else f"; too few cases (each step needs {PAIR_MIN_N})")
    b = basis("success_monotonic")
    return Row(
        "success_monotonic",
        "Success rises with the cost to the target, within scenarios (minor < major < severe)",
        (1.0 if rising else 0.0) if enough else None,
        1.0,
        0.0,
        n,
        passed,
        TIES,
        "about",
        note,
        enough,
        b.by_construction,
        b.why,
    )


def rows_from_states(states: Iterable[GameState]) -> list[Row]:
    return calibration_rows([crisis_record(s) for s in states])


def format_table(rows: Sequence[Row]) -> str:
    header = ("quantity", "simulated", "target", "tolerance", "n", "result")
    lines = []
    for r in rows:
        value = "n/a" if r.value is None else f"{r.value:.3f}"
        if r.id == "success_monotonic":
            value, target, tol = (
                ("n/a" if r.value is None else "yes" if r.passed else "no"),
                "yes",
                "-",
            )
        elif r.id == "perpetrator_victory":
            value = "n/a" if r.value is None else f"{r.value:.0f}"
            target, tol = r.target_text, "-"
        else:
            target, tol = r.target_text, f"±{r.tolerance:.3f}" if r.kind == "about" else "-"
            if r.id == "outcome_balance" and r.value is not None:
                value = f"{r.value:.3f} ({r.note.split(':')[0]})"
        result = r.status
        if r.by_construction:
            result = ("holds" if r.passed else r.status) + " (by construction)"
        lines.append((r.quantity, value, target, tol, str(r.n), result))
    widths = [max(len(x[i]) for x in [header, *lines]) for i in range(len(header))]
    out = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    out.append("  ".join("-" * w for w in widths))
    for line in lines:
        out.append(
            "  ".join(
                c.ljust(w) if i == 0 or i == 5 else c.rjust(w)
                for i, (c, w) in enumerate(zip(line, widths, strict=True))
            )
        )
    return "\n".join(out)
