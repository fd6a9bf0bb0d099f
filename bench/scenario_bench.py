"""How long a scenario file takes to load, from 7 to 40 states.

    python -m bench.scenario_bench [--repeats 7] [--json]

Processor time of `load_scenario(path)` whole (read, parse, validate the schema, check consistency), on the shipped
northern_sea (7 states) and crisis_committee (28), and on bench/worlds.py's 30- and 40-state
worlds written to YAML files, as an author's file would be. Timed in a process that has already
loaded the program (a first load pays for imports); the wall-clock median is printed too. Side by side in the same run, as anchors:
the same files parsed by PyYAML's pure-Python loader (what loading used before the C one), and
how many times a load parses its file (counted, not timed).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.worlds import world  # noqa: E402
from wargame.scenario import load_scenario  # noqa: E402
from wargame.scenario import loader as scenario_loader  # noqa: E402

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"
SHIPPED = ("northern_sea.yaml", "crisis_committee.yaml")
WORLD_SIZES = (30, 40)
TARGET_S = 0.3  # issue 21: scenario load under 0.3 s at 30 states


def world_file(n: int, folder: Path) -> Path:
    """bench/worlds.py's n-state world as a YAML file, as an author would write it."""
    data = world(n).model_dump(mode="json", by_alias=True, exclude_none=True)
    path = folder / f"world_{n}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def timed(fn, repeats: int, clock=time.process_time) -> list[float]:  # noqa: ANN001
    """`fn`'s times over `repeats` calls: processor time by default (a shared machine's load
    inflates the wall clock, not this), wall time with clock=time.perf_counter."""
    out = []
    for _ in range(repeats):
        start = clock()
        fn()
        out.append(clock() - start)
    return out


def parses_per_load(path: Path) -> int:
    """How many times loading `path` parses YAML (every parse goes through read_yaml or one of
    PyYAML's entry points)."""
    calls = 0
    originals = {
        (scenario_loader, "read_yaml"): scenario_loader.read_yaml,
        (yaml, "load"): yaml.load,
        (yaml, "safe_load"): yaml.safe_load,
        (yaml, "compose"): yaml.compose,
    }

    def counting(fn):  # noqa: ANN001, ANN202 - wraps any parser
        def wrapper(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            nonlocal calls
            calls += 1
            return fn(*args, **kwargs)

        return wrapper

    for (module, name), fn in originals.items():
        setattr(module, name, counting(fn))
    try:
        load_scenario(path)
    finally:
        for (module, name), fn in originals.items():
            setattr(module, name, fn)
    return calls


def measure(path: Path, repeats: int) -> dict[str, float]:
    scenario = load_scenario(path)  # warm: first-use caches aside
    text = path.read_text(encoding="utf-8")
    loads = timed(lambda: load_scenario(path), repeats)
    walls = timed(lambda: load_scenario(path), repeats, time.perf_counter)
    fast = timed(lambda: scenario_loader.read_yaml(text), repeats)
    slow = timed(
        lambda: scenario_loader.PurePythonLoader(text).get_single_data(), max(2, repeats // 2)
    )
    return {
        "states": len(scenario.states),
        "kilobytes": path.stat().st_size / 1000,
        "load_median": statistics.median(loads),
        "load_max": max(loads),
        "wall_median": statistics.median(walls),
        "parse_c": statistics.median(fast),
        "parse_python": statistics.median(slow),
        "parses": parses_per_load(path),
        "c_loader": scenario_loader.YAML_LOADER is not scenario_loader.PurePythonLoader,
    }


def run(repeats: int) -> dict[str, dict[str, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        files = [SCENARIOS / name for name in SHIPPED]
        files += [world_file(n, Path(tmp)) for n in WORLD_SIZES]
        return {path.stem: measure(path, repeats) for path in files}


def table(results: dict[str, dict[str, float]]) -> list[str]:
    lines = [
        "| scenario | states | file kB | load median ms | load max ms | wall median ms "
        "| parses a load | parse, C loader ms | parse, pure-Python loader ms | pure-Python / C |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, r in results.items():
        lines.append(
            f"| {name} | {r['states']} | {r['kilobytes']:.0f} | {r['load_median'] * 1000:.1f} "
            f"| {r['load_max'] * 1000:.1f} | {r['wall_median'] * 1000:.1f} | {r['parses']} | {r['parse_c'] * 1000:.1f} "
            f"| {r['parse_python'] * 1000:.1f} | {r['parse_python'] / r['parse_c']:.1f} |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    results = run(args.repeats)
    if args.json:
        print(json.dumps(results))
        return 0
    print("\n".join(table(results)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
