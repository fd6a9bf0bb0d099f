"""Size and start-up time of the packaged app against a bare PySide6 + pyqtgraph window.

Freezes the app (build.spec) and the bare reference app (packaging/bare_app.spec: a QMainWindow
with one PlotWidget) with the same PyInstaller policy (packaging/freeze_policy.py), then prints
their folder size, zip size and start-up time, and the ratio ours/bare (target: within 1.3x).

    .venv/bin/python -m bench.package_bench            # build both (about 1 minute), measure
    .venv/bin/python -m bench.package_bench --reuse    # measure the builds already there

Needs PyInstaller (`pip install -e '.[package]'`). Builds go to build/package_bench/.

Start-up is the wall-clock time from starting the executable to the first top-level window being
shown and exposed, as reported by packaging/startup_probe.py (WARGAME_STARTUP_PROBE=1), with a
fresh home folder and no Python environment; median of --runs runs after one warm-up run each,
the two programs alternating. Qt runs offscreen unless --platform says otherwise (e.g. xcb on a
desktop), so the times leave out the window system but include everything of ours.
Sizes are in MB (10^6 bytes); the zip keeps symbolic links as links (like `zip -ry`).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from tests.packaging.helpers import APP_SPEC, BARE_SPEC, ROOT, build, clean_env, executable

MARKER = "startup-probe: shown"
TARGET_RATIO = 1.3


@dataclass
class Program:
    label: str
    spec: Path
    name: str
    build_s: float | None = None
    folder_bytes: int = 0
    zip_bytes: int = 0
    startup_s: list[float] | None = None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.package_bench", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--reuse", action="store_true", help="do not rebuild a program whose folder exists"
    )
    parser.add_argument("--runs", type=int, default=9, help="start-up runs per program (default 9)")
    parser.add_argument(
        "--platform", default="offscreen", help="QT_QPA_PLATFORM for the start-up runs"
    )
    parser.add_argument(
        "--out", type=Path, default=ROOT / "build" / "package_bench", help="build folder"
    )
    args = parser.parse_args(argv)

    dist, work = args.out / "dist", args.out / "work"
    programs = [
        Program("Crisis Wargame", APP_SPEC, "wargame"),
        Program("bare PySide6 + pyqtgraph", BARE_SPEC, "bare_app"),
    ]
    for program in programs:
        folder = dist / program.name
        if not (args.reuse and executable(folder, program.name).exists()):
            print(f"building {program.name} ...", file=sys.stderr, flush=True)
            started = time.perf_counter()
            result = build(program.spec, dist, work)
            program.build_s = time.perf_counter() - started
            if result.returncode != 0:
                print(result.stdout[-3000:], result.stderr[-6000:], sep="\n", file=sys.stderr)
                print(f"package_bench: building {program.spec.name} failed", file=sys.stderr)
                return 1
        program.folder_bytes = folder_size(folder)
        program.zip_bytes = zip_size(folder)

    print(
        f"start-up: {args.runs} runs each, QT_QPA_PLATFORM={args.platform} ...",
        file=sys.stderr,
        flush=True,
    )
    with tempfile.TemporaryDirectory(prefix="package_bench-") as tmp:
        env = clean_env(
            Path(tmp) / "home", WARGAME_STARTUP_PROBE="1", QT_QPA_PLATFORM=args.platform
        )
        exes = [executable(dist / p.name, p.name) for p in programs]
        for exe in exes:  # warm-up: first run after a build reads everything from disk
            startup_time(exe, env, Path(tmp))
        times: list[list[float]] = [[] for _ in programs]
        for _ in range(args.runs):
            for i, exe in enumerate(exes):
                times[i].append(startup_time(exe, env, Path(tmp)))
        for program, measured in zip(programs, times, strict=True):
            program.startup_s = measured

    print(report(programs, args))
    return 0


def folder_size(folder: Path) -> int:
    """Bytes of the regular files under `folder` (symbolic links count as nothing)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def zip_size(folder: Path) -> int:
    """Bytes of a deflate-compressed zip of `folder` (level 6), symbolic links stored as links."""
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / f"{folder.name}.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for path in sorted(folder.rglob("*")):
                name = path.relative_to(folder.parent).as_posix()
                if path.is_symlink():
                    info = zipfile.ZipInfo(name)
                    info.create_system = 3  # Unix, so unzip restores the link
                    info.external_attr = 0o120777 << 16
                    archive.writestr(info, os.readlink(path))
                elif path.is_file():
                    archive.write(path, name)
        return target.stat().st_size


def startup_time(exe: Path, env: dict[str, str], cwd: Path, timeout: float = 120) -> float:
    """Seconds from starting `exe` until it reports its first window shown."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(exe)], cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        for line in process.stdout:
            if line.startswith(MARKER):
                elapsed = time.perf_counter() - started
                process.wait(timeout=timeout)
                return elapsed
        raise RuntimeError(f"{exe.name} exited ({process.wait()}) without showing a window")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def report(programs: list[Program], args: argparse.Namespace) -> str:
    ours, bare = programs

    def mb(n: int) -> str:
        return f"{n / 1e6:.1f}"

    def ratio(a: float, b: float) -> str:
        return f"{a / b:.2f}" if b else "-"

    def verdict(a: float, b: float) -> str:
        return "ok" if b and a / b <= TARGET_RATIO else "OVER"

    med_ours, med_bare = statistics.median(ours.startup_s), statistics.median(bare.startup_s)
    rows = [
        "| | Crisis Wargame | bare PySide6 + pyqtgraph | ours / bare | within 1.3x |",
        "|---|---|---|---|---|",
    ]
    if ours.build_s is not None and bare.build_s is not None:
        rows.append(
            f"| build time (s) | {ours.build_s:.0f} | {bare.build_s:.0f} | {ratio(ours.build_s, bare.build_s)} | |"
        )
    rows += [
        f"| folder (MB) | {mb(ours.folder_bytes)} | {mb(bare.folder_bytes)} | {ratio(ours.folder_bytes, bare.folder_bytes)} | {verdict(ours.folder_bytes, bare.folder_bytes)} |",
        f"| zip (MB) | {mb(ours.zip_bytes)} | {mb(bare.zip_bytes)} | {ratio(ours.zip_bytes, bare.zip_bytes)} | {verdict(ours.zip_bytes, bare.zip_bytes)} |",
        f"| start-up, median (s) | {med_ours:.3f} | {med_bare:.3f} | {ratio(med_ours, med_bare)} | {verdict(med_ours, med_bare)} |",
        f"| start-up, min-max (s) | {min(ours.startup_s):.3f}-{max(ours.startup_s):.3f} | {min(bare.startup_s):.3f}-{max(bare.startup_s):.3f} | | |",
    ]
    note = (
        f"\n{sys.platform}, {os.cpu_count()} cores, Python {sys.version.split()[0]}; start-up: median of {args.runs} "
        f"runs after one warm-up, QT_QPA_PLATFORM={args.platform}; builds in {args.out}"
    )
    return "\n".join(rows) + note


if __name__ == "__main__":
    sys.exit(main())
