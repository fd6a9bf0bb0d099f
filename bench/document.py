"""docs/PERFORMANCE.md put together from one run of the benchmarks: the machine, then each
section's command, its printed tables, and its targets with met / not met worked out from the
figures of this run (never written by hand, so never stale).

This module only formats and reads tables; running the benchmarks is bench/__main__.py's job.
"""

from __future__ import annotations

import math
import re
import statistics
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Verdict:
    """One target of an issue, against the figure this run measured (None: not measured, and
    `note` says why)."""

    target: str
    measured: float | None
    limit: float
    unit: str = "ms"
    at_most: bool = True  # met when measured < limit (else when measured >= limit)
    note: str = ""
    inclusive: bool = False  # with at_most: met when measured <= limit ("at most")

    @property
    def met(self) -> bool | None:
        if self.measured is None or math.isnan(self.measured):
            return None
        if not self.at_most:
            return self.measured >= self.limit
        return self.measured <= self.limit if self.inclusive else self.measured < self.limit

    def line(self) -> str:
        sign = ("at most" if self.inclusive else "under") if self.at_most else "at least"
        wanted = f"{sign} {_number(self.limit)}{_unit(self.unit)}"
        if self.met is None:
            why = f": {self.note}" if self.note else ""
            return f"- {self.target} ({wanted}): **not measured**{why}"
        got = f"{_number(self.measured)}{_unit(self.unit)}"  # type: ignore[arg-type]
        verdict = "met" if self.met else "not met"
        note = f" ({self.note})" if self.note else ""
        return f"- {self.target}: {got}, target {wanted}: **{verdict}**{note}"


@dataclass(frozen=True)
class SectionResult:
    title: str
    command: str
    about: str  # how it measures (prose without figures)
    output: str  # what the benchmark printed: its tables and lines
    verdicts: tuple[Verdict, ...] = ()
    seconds: float = 0.0
    load: tuple[float, float] = (0.0, 0.0)  # 1-minute load average at its start and end
    failure: str = ""  # when the benchmark could not run: why


@dataclass(frozen=True)
class Machine:
    cpu: str
    cores: int
    system: str
    python: str
    libraries: str  # e.g. "PySide6 6.11.3"
    commit: str
    started: str  # UTC, ISO
    load_start: tuple[float, float, float]
    load_end: tuple[float, float, float]
    mode: str  # "full" or "quick"
    command: str
    seconds: float


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)

    def column(self, name: str) -> int:
        """The index of the first column whose header contains `name` (case-insensitive)."""
        for i, title in enumerate(self.header):
            if name.lower() in title.lower():
                return i
        raise KeyError(f"no column {name!r} in {self.header}")

    def row(self, **match: str) -> list[str]:
        """The first row whose cells equal the given values, by column name."""
        for row in self.rows:
            if all(row[self.column(k.replace("_", " "))] == v for k, v in match.items()):
                return row
        raise KeyError(f"no row {match} in the table {self.header}")

    def value(self, column: str, **match: str) -> float:
        return number(self.row(**match)[self.column(column)])


def number(cell: str) -> float:
    """The first number in a table cell ("1.25x", "20 of 20", "**12**")."""
    found = re.search(r"-?\d+(?:\.\d+)?", cell.replace(",", ""))
    if found is None:
        raise ValueError(f"no number in {cell!r}")
    return float(found.group())


def tables(text: str) -> list[Table]:
    """The Markdown tables in a benchmark's output, in order."""
    out: list[Table] = []
    current: Table | None = None
    for line in text.splitlines():
        line = line.strip()
        if not (line.startswith("|") and line.endswith("|")):
            current = None
            continue
        cells = [c.strip() for c in line[1:-1].split("|")]
        if current is None:
            current = Table(cells)
            out.append(current)
        elif all(set(c) <= set("-: ") and c for c in cells):
            continue  # the line under the header
        else:
            current.rows.append(cells)
    return out


def slope(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Least-squares slope of log y on log x: the growth exponent."""
    lx, ly = [math.log(x) for x in xs], [math.log(max(y, 1e-12)) for y in ys]
    mx, my = statistics.fmean(lx), statistics.fmean(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly, strict=True)) / sum(
        (a - mx) ** 2 for a in lx
    )


def verdict_summary(sections: Iterable[SectionResult]) -> list[str]:
    lines = ["| section | target | measured | verdict |", "|---|---|---|---|"]
    for section in sections:
        for v in section.verdicts:
            got = "-" if v.met is None else f"{_number(v.measured)}{_unit(v.unit)}"  # type: ignore[arg-type]
            verdict = {True: "met", False: "**not met**", None: "not measured"}[v.met]
            short = section.title.split(":")[0].split(" (")[0]
            lines.append(f"| {short} | {v.target} | {got} | {verdict} |")
    return lines


def assemble(machine: Machine, sections: Sequence[SectionResult], preface: str = "") -> str:
    """The whole document."""
    load = _loads
    parts = [
        "# Performance",
        "",
        "Generated by one command; do not edit by hand (the next run replaces it):",
        "",
        f"    {machine.command}",
        "",
        _paragraph(
            "Targets live in benchmarks, never in timed unit tests. Every figure below comes "
            "from this one run, on this machine; each verdict is worked out from the figure "
            "beside it."
        ),
        "",
        "## The run",
        "",
        f"- Machine: {machine.cpu}, {machine.cores} cores; {machine.system}",
        f"- Python {machine.python}; {machine.libraries}",
        f"- Tree: {machine.commit}",
        f"- Started {machine.started}; {_duration(machine.seconds)} in all; mode: "
        f"**{machine.mode}**"
        + (
            " (fewer repeats: rerun without --quick for the figures to keep)"
            if machine.mode == "quick"
            else ""
        ),
        f"- Load average (1, 5, 15 min) at the start {load(machine.load_start)}, at the end "
        f"{load(machine.load_end)}. The machine is shared: wall-clock figures rise with the load; "
        "processor-time figures much less.",
        "",
    ]
    if preface:
        parts += [preface.strip(), ""]
    parts += ["## Targets at a glance", "", *verdict_summary(sections), ""]
    for section in sections:
        parts += section_text(section)
    return "\n".join(parts).rstrip() + "\n"


def section_text(section: SectionResult) -> list[str]:
    lines = [f"## {section.title}", "", f"    {section.command}", ""]
    lines.append(
        f"Took {_duration(section.seconds)}; load average {section.load[0]:.1f} at its start, "
        f"{section.load[1]:.1f} at its end."
    )
    lines.append("")
    if section.about:
        lines += [_paragraph(section.about), ""]
    if section.failure:
        lines += [f"**The benchmark did not run to the end:** {section.failure}", ""]
    if section.output.strip():
        lines += [_markdown(section.output), ""]
    if section.verdicts:
        lines += ["Targets:", "", *(v.line() for v in section.verdicts), ""]
    return lines


def _markdown(output: str) -> str:
    """A benchmark's printed output as Markdown: tables stay tables, other lines become
    paragraphs (blank lines kept), so a line of figures reads as text."""
    lines = [line.rstrip() for line in output.strip().splitlines()]
    out: list[str] = []
    for line in lines:
        if line.startswith("#"):  # a title a benchmark printed: a level below the section
            out += ["#### " + line.lstrip("# "), ""]
            continue
        out.append(line)
    text = "\n".join(out)
    return re.sub(r"\n{3,}", "\n\n", text)


def _paragraph(text: str) -> str:
    return textwrap.fill(" ".join(text.split()), WIDTH, break_on_hyphens=False)


WIDTH = 100  # prose lines of the document


def _number(x: float) -> str:
    if x == int(x) and abs(x) < 1e6:  # a count, or a whole number of ms
        return f"{int(x)}"
    if abs(x) >= 100:
        return f"{x:.0f}"
    if abs(x) >= 10:
        return f"{x:.1f}"
    return f"{x:.3g}" if abs(x) < 1 else f"{x:.2f}"


def _unit(unit: str) -> str:
    if not unit:
        return ""
    return unit if unit in ("x", "%") else f" {unit}"


def _loads(load: tuple[float, float, float]) -> str:
    return " / ".join(f"{x:.1f}" for x in load)


def _duration(seconds: float) -> str:
    if seconds >= 90:
        return f"{seconds / 60:.1f} min"
    return f"{seconds:.0f} s"
