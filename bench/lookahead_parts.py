"""Where a look-ahead crisis's processor time goes, counted in parts: the look-ahead decisions,
the turns simulated inside them and the rule-of-thumb decisions inside them (predicted orders,
instincts, other doctrines' candidates), against an easy crisis on the same seeds.

    python -m bench.lookahead_parts [--runs 40] [--level normal]

The crises are those of `wargame calibrate` (the classic scenarios in turn, the same seeds).
Each part is timed by a processor-time timer around the function that does it; nested parts
overlap (the simulated turns and rule-of-thumb decisions are inside the look-ahead decisions),
so the totals do not add up. It tells what the calibration target (60 ms of processor time a
crisis: 2000 crises in 60 s on two cores) leaves a look-ahead once every level's own cost is paid.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from wargame.ai import heuristic, lookahead
from wargame.calibration import runner
from wargame.calibration.split import DEFAULT_SCENARIOS

TARGET_MS = 60.0  # a crisis's share of 60 s for 2000 crises on two cores


class Parts:
    """Processor time and calls, by part."""

    def __init__(self) -> None:
        self.calls: Counter[str] = Counter()
        self.seconds: Counter[str] = Counter()

    def timed(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[name] += time.process_time() - start
                self.calls[name] += 1

        return wrapper


def crisis_ms(level: str, runs: int) -> float:
    """Processor ms a crisis at `level` over the first `runs` calibration crises."""
    library = {k: v for k, v in runner.shipped_scenarios().items() if k in DEFAULT_SCENARIOS}
    start = time.process_time()
    for _, sid, seed in runner.plan(runs, scenarios=sorted(library)):
        runner.play_crisis(library[sid], seed, runner.Setting(level=level))
    return (time.process_time() - start) / runs * 1000


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--level", default="normal", choices=("normal", "hard"))
    args = parser.parse_args(argv)

    easy = crisis_ms("easy", args.runs)
    parts = Parts()
    originals = (
        lookahead.LookaheadPlayer.decide,
        lookahead.play_turn,
        heuristic.HeuristicPlayer.decide,
    )
    lookahead.LookaheadPlayer.decide = parts.timed("look-ahead decisions", originals[0])
    lookahead.play_turn = parts.timed("turns simulated inside them", originals[1])
    heuristic.HeuristicPlayer.decide = parts.timed(
        "rule-of-thumb decisions inside them", originals[2]
    )
    try:
        total = crisis_ms(args.level, args.runs)
    finally:
        (
            lookahead.LookaheadPlayer.decide,
            lookahead.play_turn,
            heuristic.HeuristicPlayer.decide,
        ) = originals

    print(f"{args.runs} calibration crises; processor time (the timers add a little)\n")
    print(
        f"| level | ms a crisis |\n|---|---|\n| easy | {easy:.1f} |\n| {args.level} | {total:.0f} |"
    )
    print(f"\nInside the {args.level} crises (nested parts overlap)\n")
    print("| part | a crisis | each ms | ms a crisis |")
    print("|---|---|---|---|")
    for name, seconds in parts.seconds.items():
        calls = parts.calls[name]
        print(
            f"| {name} | {calls / args.runs:.1f} | {seconds / calls * 1000:.2f} | "
            f"{seconds / args.runs * 1000:.0f} |"
        )
    decisions = parts.calls["look-ahead decisions"] / args.runs
    room = TARGET_MS - easy
    print(
        f"\nThe target leaves {TARGET_MS:.0f} - {easy:.1f} = {room:.1f} ms a crisis beyond what "
        f"the easy level pays: {room / decisions:.2f} ms for each of the {decisions:.1f} "
        "look-ahead decisions."
    )


if __name__ == "__main__":
    main()
