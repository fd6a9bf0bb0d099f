"""The calibration report: the rows of each setting pooled, on the tuning and the held-out
scenarios and per scenario; the sanctions cost levels within each scenario; the doctrine worlds
side by side; the pass counts (calibrated rows only) and the rows that fail for real.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .outcomes import format_outcomes, outcomes_json
from .rows import COST_LEVELS, Record, Row, calibration_rows, cost_mix, format_table
from .runner import Setting, Timing
from .split import split

POOLED, TUNE, HELD_OUT = "pooled", "tune", "held-out"
MARKS = {"pass": "+", "off target": "x", "too few cases": "?"}
ONE_LEVEL_SHARE = 0.9  # a scenario with this share of its episodes at one cost level is flagged


@dataclass(frozen=True)
class Tally:
    calibrated: int
    passed: int
    off_target: int
    too_few: int
    by_construction: int
    holding: int

    @classmethod
    def of(cls, rows: Iterable[Row]) -> Tally:
        rows = list(rows)
        cal = [r for r in rows if not r.by_construction]
        built = [r for r in rows if r.by_construction]
        return cls(
            len(cal),
            sum(r.status == "pass" for r in cal),
            sum(r.status == "off target" for r in cal),
            sum(r.status == "too few cases" for r in cal),
            len(built),
            sum(r.passed for r in built),
        )

    def text(self) -> str:
        return (
            f"{self.passed} of {self.calibrated} calibrated rows pass ({self.off_target} off "
            f"target, {self.too_few} with too few cases to judge); {self.by_construction} rows "
            f"hold by construction and are not counted ({self.holding} hold)"
        )

    def to_dict(self) -> dict[str, int]:
        return {
            "calibrated": self.calibrated,
            "pass": self.passed,
            "off_target": self.off_target,
            "too_few_cases": self.too_few,
            "by_construction": self.by_construction,
            "by_construction_holding": self.holding,
        }


@dataclass
class SettingReport:
    setting: Setting
    crises: int
    tune: list[str]
    held_out: list[str]
    slices: dict[str, list[Row]] = field(default_factory=dict)  # POOLED, TUNE, HELD_OUT
    by_scenario: dict[str, list[Row]] = field(default_factory=dict)
    mix: dict[str, dict[str, tuple[int, int]]] = field(default_factory=dict)
    outcome_text: str = ""  # each scenario's most victorious state, the perpetrators' record
    outcomes: dict[str, Any] = field(default_factory=dict)  # the same, as JSON

    @property
    def pooled(self) -> list[Row]:
        return self.slices[POOLED]

    def failures(self) -> list[str]:
        """Calibrated rows with enough cases that miss their target, pooled or held out."""
        out = []
        for name in (POOLED, HELD_OUT):
            for r in self.slices.get(name, ()):
                if not r.by_construction and r.status == "off target":
                    out.append(f"{self.title}, {name}: {r.quantity}")
        return out

    @property
    def title(self) -> str:
        world = (
            "each state's own doctrine"
            if self.setting.doctrine is None
            else f"every state {self.setting.doctrine}"
        )
        return f"level {self.setting.level}, {world}"


def build_report(
    setting: Setting, records: Sequence[Record], tune: Iterable[str] | None = None
) -> SettingReport:
    scenarios = sorted({r["scenario"] for r in records})
    tune_ids, held_ids = split(scenarios) if tune is None else split(scenarios, tune)
    rep = SettingReport(setting, len(records), tune_ids, held_ids)
    rep.slices[POOLED] = calibration_rows(records)
    for name, ids in ((TUNE, tune_ids), (HELD_OUT, held_ids)):
        if ids and len(ids) < len(scenarios):
            rep.slices[name] = calibration_rows([r for r in records if r["scenario"] in ids])
        elif ids:
            rep.slices[name] = rep.slices[POOLED]
    for sid in scenarios:
        rep.by_scenario[sid] = calibration_rows([r for r in records if r["scenario"] == sid])
    rep.mix = cost_mix(records)
    rep.outcome_text = format_outcomes(records)
    rep.outcomes = outcomes_json(records)
    return rep


# --- text ----------------------------------------------------------------------------------------


def _cell(r: Row) -> str:
    if r.id == "success_monotonic":
        value = "n/a" if r.value is None else ("yes" if r.passed else "no")
    else:
        value = "n/a" if r.value is None else f"{r.value:.2f}"
    return f"{value}/{r.n} {MARKS[r.status]}"


def _grid(header: Sequence[str], lines: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(x[i]) for x in [header, *lines]) for i in range(len(header))]
    out = [
        "  ".join(
            h.ljust(w) if i == 0 else h.rjust(w)
            for i, (h, w) in enumerate(zip(header, widths, strict=True))
        )
    ]
    out.append("  ".join("-" * w for w in widths))
    for line in lines:
        out.append(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(line, widths, strict=True))
            )
        )
    return out


def _trend(rows: Sequence[Row]) -> Row:
    return next(r for r in rows if r.id == "success_monotonic")


def _row_label(r: Row) -> str:
    return r.id + (" (by construction)" if r.by_construction else "")


def format_slices(rep: SettingReport) -> str:
    """Every row in every slice: value/n and a mark."""
    columns = {n: rep.slices[n] for n in (POOLED, TUNE, HELD_OUT) if n in rep.slices}
    columns |= {sid: rep.by_scenario[sid] for sid in rep.tune + rep.held_out}
    lines = [
        [_row_label(r), *(_cell(rows[i]) for rows in columns.values())]
        for i, r in enumerate(rep.pooled)
    ]
    legend = "value/cases, + pass, x off target, ? too few cases to judge"
    return "\n".join([f"Rows by scenario ({legend}):", *_grid(["row", *columns], lines)])


def format_cost_mix(rep: SettingReport) -> str:
    """Sanctions episodes by cost level in each scenario, and the share conceded."""
    header = ["scenario", *(f"{c} (episodes, conceded)" for c in COST_LEVELS)]
    lines, flags = [], []
    for sid, levels in rep.mix.items():
        cells = [f"{n} {k / n:.2f}" if n else "0    -" for n, k in (levels[c] for c in COST_LEVELS)]
        lines.append([sid, *cells])
        total = sum(n for n, _ in levels.values())
        for c in COST_LEVELS:
            if total and levels[c][0] / total >= ONE_LEVEL_SHARE:
                flags.append(
                    f"  {sid}: {levels[c][0] / total:.0%} of its episodes are {c}: its cost "
                    "levels barely vary"
                )
    out = ["Sanctions cost levels within each scenario:", *_grid(header, lines), *flags]
    return "\n".join(out)


def format_setting(rep: SettingReport) -> str:
    out = [
        f"== {rep.title}: {rep.crises} crises ==",
        format_table(rep.pooled),
        f"Pooled: {Tally.of(rep.pooled).text()}.",
        f"Cost trend within scenarios: {_trend(rep.pooled).note}.",
    ]
    if HELD_OUT in rep.slices:
        out.append(
            f"Held out ({', '.join(rep.held_out)}): {Tally.of(rep.slices[HELD_OUT]).text()}."
        )
    else:
        out.append("Held out: none of these scenarios (every one was used for tuning).")
    out += ["", format_slices(rep), "", format_cost_mix(rep), "", rep.outcome_text]
    return "\n".join(out)


def format_worlds(reports: Sequence[SettingReport]) -> str:
    """The pooled rows of several doctrine worlds side by side, with the spread between them."""
    header = ["row", *(r.setting.world for r in reports), "spread"]
    lines = []
    for i, row in enumerate(reports[0].pooled):
        cells = [_cell(r.pooled[i]) for r in reports]
        values = [r.pooled[i].value for r in reports if r.pooled[i].value is not None]
        spread = f"{max(values) - min(values):.2f}" if len(values) > 1 else "-"
        lines.append([_row_label(row), *cells, spread])
    counts = [f"{Tally.of(r.pooled).passed}/{Tally.of(r.pooled).calibrated}" for r in reports]
    lines.append(["calibrated rows passing", *counts, ""])
    title = f"Doctrine worlds, level {reports[0].setting.level}, pooled (value/cases and mark):"
    return "\n".join([title, *_grid(header, lines)])


def format_timing(timing: Timing, wall: float, jobs: int) -> str:
    busy = timing.turns + timing.records
    per = 1000 * busy / max(timing.crises, 1)
    share = (lambda x: f"{x / busy:.0%}") if busy else (lambda x: "-")
    return "\n".join(
        [
            f"Timing: {timing.crises} crises in {wall:.1f} s wall on {jobs} process(es); "
            f"{busy:.1f} s of processor time in the workers, {per:.1f} ms a crisis.",
            f"  players' decisions {timing.deciding:.1f} s ({share(timing.deciding)}), "
            f"views and the rules' resolution {timing.resolving:.1f} s "
            f"({share(timing.resolving)}), records and scores {timing.records:.1f} s "
            f"({share(timing.records)}).",
            f"  cores kept busy: {busy / max(wall * jobs, 1e-9):.0%} of {jobs} x the wall time "
            "(the rest: starting workers, passing records, waiting for the last chunk, "
            "other programs).",
        ]
    )


# --- JSON -----------------------------------------------------------------------------------------


def setting_json(rep: SettingReport) -> dict[str, Any]:
    return {
        "level": rep.setting.level,
        "doctrine": rep.setting.world,
        "crises": rep.crises,
        "tune_scenarios": rep.tune,
        "held_out_scenarios": rep.held_out,
        "slices": {name: _rows_json(rows) for name, rows in rep.slices.items()},
        "scenarios": {sid: _rows_json(rows) for sid, rows in rep.by_scenario.items()},
        "cost_mix": {
            sid: {c: {"episodes": n, "conceded": k} for c, (n, k) in levels.items()}
            for sid, levels in rep.mix.items()
        },
        "outcomes": rep.outcomes,
    }


def _rows_json(rows: Sequence[Row]) -> dict[str, Any]:
    return {"rows": [r.to_dict() for r in rows], "tally": Tally.of(rows).to_dict()}
