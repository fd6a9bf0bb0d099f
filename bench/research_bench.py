"""How long the researchers' commands take: `wargame calibrate` at each computer level, and
`wargame tournament`.

    python -m bench.research_bench [--quick]

Each command runs as a user runs it, in a process of its own on all cores, timed by the wall
clock; the processor time of the process and its children is printed beside it. Calibration at
the easy level plays the 2000 crises of the target (issue 3: under 60 s); at the look-ahead
levels (issue 14: the same target) a smaller run is timed and the time for 2000 crises is
estimated from it in proportion (the crises are alike, so the cost is linear in their number).
--quick plays 500 crises at the easy level.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WARGAME = [sys.executable, "-m", "wargame"]
TARGET_RUNS = 2000
TARGET_S = 60.0


def timed(args: list[str]) -> tuple[float, float]:
    """(wall seconds, processor seconds of the children) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [*WARGAME, *args], cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer crises and games")
    args = parser.parse_args(argv)
    # the easy level's 2000 crises are timed whole; the look-ahead levels, far slower, on a few
    runs = {"easy": 500 if args.quick else TARGET_RUNS, "normal": 20, "hard": 10}
    games = 20
    jobs = os.cpu_count() or 1
    print(f"On {jobs} cores (--jobs {jobs}).\n")
    print(
        "| command | crises or games | wall s | processor s | estimated wall s for 2000 crises "
        "|\n|---|---|---|---|---|"
    )
    for level, n in runs.items():
        command = ["calibrate", "--runs", str(n), "--level", level, "--jobs", str(jobs), "--quiet"]
        wall, cpu = timed(command)
        print(
            f"| wargame {' '.join(command)} | {n} | {wall:.1f} | {cpu:.1f} "
            f"| {wall * TARGET_RUNS / n:.0f} |"
        )
    command = ["tournament", "--games", str(games), "--jobs", str(jobs), "--quiet"]
    wall, cpu = timed(command)
    print(f"| wargame {' '.join(command)} | {games} a contender | {wall:.1f} | {cpu:.1f} | - |")
    print(f"\nTarget (issues 3 and 14): {TARGET_RUNS} crises in under {TARGET_S:.0f} s.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
