"""Run every benchmark and print its tables and targets, or write docs/PERFORMANCE.md from them.

    .venv/bin/python -m bench [--quick] [--package] [--only KEY ...] [--write docs/PERFORMANCE.md]

Each benchmark runs in a process of its own (`python -m bench.<name> ...`, the command the
document shows), one after another: about 12 minutes in all on 2 cores, 6 with --quick (fewer
repeats). --package also builds the frozen app and a bare reference app (about a minute);
--only runs some sections (engine, ai, long_game, gui, scenario, persistence, startup, net,
load, research, package). With --write the document is written from this run alone: the machine
and its load, each section's command and output, and every target's verdict worked out from the
figures measured.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import subprocess
import sys
import textwrap
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from bench.document import Machine, SectionResult, Verdict, assemble
from bench.sections import PACKAGE, RESEARCH, SPECS, Spec, growth_exponents

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ".venv/bin/python"  # as the document shows commands


def run_section(spec: Spec, quick: bool) -> tuple[SectionResult, str]:
    args = spec.quick if quick else spec.full
    command = " ".join([PYTHON, "-m", spec.module, *args])
    load_start = os.getloadavg()[0]
    started = time.monotonic()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    failure = ""
    try:
        done = subprocess.run(
            [sys.executable, "-m", spec.module, *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=spec.timeout_s,
        )
        output = done.stdout
        if done.returncode != 0 and not output.strip():
            failure = f"exit status {done.returncode}: {_tail(done.stderr)}"
    except subprocess.TimeoutExpired as exc:
        output = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        failure = f"stopped after {spec.timeout_s} s"
    result = SectionResult(
        title=spec.title,
        command=command,
        about=spec.about,
        output=output,
        verdicts=judged(spec, output),
        seconds=time.monotonic() - started,
        load=(load_start, os.getloadavg()[0]),
        failure=failure,
    )
    return result, output


def judged(spec: Spec, output: str) -> tuple[Verdict, ...]:
    """The section's verdicts; if its output cannot be read, one saying so (a long run is
    never lost to a table printed differently)."""
    try:
        return tuple(spec.judge(output))
    except Exception as exc:  # noqa: BLE001 - reported in the document instead
        return (Verdict("the section's targets", None, 0, note=f"output not understood: {exc!r}"),)


def machine(mode: str, command: str, started: str, seconds: float, loads) -> Machine:  # noqa: ANN001
    return Machine(
        cpu=_cpu_model(),
        cores=os.cpu_count() or 0,
        system=f"{platform.system()} {platform.release()} ({platform.machine()})",
        python=platform.python_version(),
        libraries=", ".join(
            _version(name) for name in ("PySide6_Essentials", "pydantic", "PyYAML", "diplomacy")
        ),
        commit=_commit(),
        started=started,
        load_start=loads[0],
        load_end=loads[1],
        mode=mode,
        command=command,
        seconds=seconds,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, sooner")
    parser.add_argument("--package", action="store_true", help="also the packaged-app benchmark")
    parser.add_argument("--only", nargs="+", metavar="KEY", help="run only these sections")
    parser.add_argument("--write", type=Path, metavar="FILE", help="write the document here")
    args = parser.parse_args(argv)
    every = (*SPECS, RESEARCH, PACKAGE)
    specs = [*SPECS, RESEARCH, PACKAGE] if args.package else [*SPECS, RESEARCH]
    if args.only:
        unknown = set(args.only) - {s.key for s in every}
        if unknown:
            parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")
        specs = [s for s in every if s.key in args.only]
    started = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    load_start, clock = os.getloadavg(), time.monotonic()
    results, outputs = [], {}
    for spec in specs:
        print(f"\n## {spec.title}\n", flush=True)
        result, output = run_section(spec, args.quick)
        results.append(result)
        outputs[spec.key] = output
        print(result.output.rstrip())
        if result.failure:
            print(f"\n(did not run to the end: {result.failure})")
        print("\nTargets:")
        for verdict in result.verdicts:
            print(verdict.line())
        print(f"({result.seconds:.0f} s)", flush=True)
    exponents = growth_exponents(outputs)
    print("\n## Growth exponents\n\n" + "\n".join(exponents))
    if args.write:
        command = " ".join(
            [PYTHON, "-m", "bench"]
            + (["--quick"] if args.quick else [])
            + (["--package"] if args.package else [])
            + (["--only", *args.only] if args.only else [])
            + ["--write", str(args.write)]
        )
        info = machine(
            "quick" if args.quick else "full",
            command,
            started,
            time.monotonic() - clock,
            (load_start, os.getloadavg()),
        )
        preface = "## Growth exponents\n\n" + _wrap(GROWTH_NOTE) + "\n\n" + "\n".join(exponents)
        args.write.write_text(assemble(info, results, preface), encoding="utf-8")
        print(f"\nwritten: {args.write}")
    return 0


GROWTH_NOTE = (
    "Slope of log(time) against log(n) for the number of states n, and against log(T) for the "
    "turn number T: 1 is linear growth. Against T, per-turn costs should stay flat (about 0), so "
    "a whole `verify` grows as T^(1 + exponent). Worked out from the tables of the sections "
    "below (computer players; long sessions)."
)


def _wrap(text: str) -> str:
    return textwrap.fill(text, 100, break_on_hyphens=False)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown processor"


def _version(name: str) -> str:
    try:
        return f"{name} {version(name)}"
    except PackageNotFoundError:
        return f"{name} (not installed)"


def _commit() -> str:
    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else ""

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--untracked-files=no")
    return f"commit {head}" + (" with uncommitted changes" if dirty else "")


def _tail(text: str, lines: int = 12) -> str:
    return " / ".join(text.strip().splitlines()[-lines:])


if __name__ == "__main__":
    raise SystemExit(main())
