"""`wargame tournament [--games N] [--jobs J]`: computer levels and doctrines against each other
and against a uniformly random legal player, across the shipped scenarios."""

from __future__ import annotations

import argparse
import os
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed

from tqdm import tqdm

from ..scenario.library import bundled_names, load_bundled
from ..tournament import CONTENDERS, compare, pairings, play_pairing, summarize
from ..tournament.play import LEVEL_ORDER


def add_parser(sub) -> None:
    p = sub.add_parser(
        "tournament",
        help="compare computer players' levels and doctrines",
        description="Play computer levels and doctrines against a random player and each other.",
    )
    p.add_argument("--games", type=int, default=200, help="crises per contender (default 200)")
    p.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="processes (default: all cores)"
    )
    p.add_argument(
        "--contenders",
        default=",".join(CONTENDERS),
        help=f"comma list from: {', '.join(CONTENDERS)}",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(run=run)


_SCENARIOS: list = []


def _work(args: tuple[int, int, int, str]):
    index, games, _, contender = args
    if not _SCENARIOS:
        _SCENARIOS.extend(load_bundled(n) for n in bundled_names())
    pairing = pairings(_SCENARIOS, games)[index]
    return play_pairing(_SCENARIOS[pairing.scenario_index], pairing, contender)


def run(args: argparse.Namespace) -> int:
    contenders = [c.strip() for c in args.contenders.split(",") if c.strip()]
    unknown = [c for c in contenders if c not in CONTENDERS]
    if unknown or args.games < 2 or args.jobs < 1:
        print(
            f"wargame tournament: check --games (>= 2), --jobs (>= 1) and --contenders ({', '.join(unknown)})",
            file=sys.stderr,
        )
        return 2
    tasks = [(i, args.games, 0, c) for c in contenders for i in range(args.games)]
    results = []
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(_work, t) for t in tasks]
        # in a log (not a terminal) the bar is redrawn every few seconds only
        interval = 0.1 if sys.stderr.isatty() else 5.0
        with tqdm(total=len(tasks), unit="game", disable=args.quiet, mininterval=interval) as bar:
            for future in as_completed(futures):
                results.append(future.result())
                bar.update()
    print(
        f"Scores: the focal state's points as % of its objectives' points, {args.games} crises each\n"
    )
    print("| contender | mean score | std. error | games |")
    print("|---|---|---|---|")
    for name, mean, se, n in sorted(summarize(results), key=lambda r: CONTENDERS.index(r[0])):
        print(f"| {name} | {mean:.1f} | {se:.1f} | {n} |")
    levels = [c for c in LEVEL_ORDER if c in contenders]
    ok = True
    print("\n| comparison | margin | 95% CI | verdict |")
    print("|---|---|---|---|")
    pairs = [(lv, "random") for lv in levels if lv != "random"] + list(
        zip(levels[2:], levels[1:-1], strict=False)
    )
    for better, worse in pairs:
        m = compare(results, better, worse)
        ok &= m.significant
        print(
            f"| {better} vs {worse} | {m.mean:+.1f} | [{m.low:+.1f}, {m.high:+.1f}] | {'better' if m.significant else 'NOT shown better'} |"
        )
    return 0 if ok else 1
