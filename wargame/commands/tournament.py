"""`wargame tournament`: a researcher's command.

Computer levels and doctrines, the scripted entrants (degenerate strategies) and outside players
(`--entrant path/to/file.py:ClassName`) each play the focal seat of the same crises (scenario,
seed and seat) against computer opponents; the report gives each one's mean score, the paired
margins between levels, each entrant against the normal player with a 95% interval, and the
standing checks. Exit codes: 0 when the tournament ran, whatever its results (sampling noise is
not an error); 1 only with --strict, when a check does not hold; 2 for bad input or an outside
player that cannot be loaded or fails.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from tqdm import tqdm

from ..ai import LEVELS
from ..calibration.split import DEFAULT_SCENARIOS
from ..scenario import Scenario, ScenarioError
from ..scenario.library import bundled_names, load_bundled
from ..tournament import compare, pairings, play_pairing, summarize
from ..tournament.external import EntrantError, EntrantFailed, load_player
from ..tournament.play import BASELINE, CONTENDERS, LEVEL_ORDER, SCRIPTED, GameResult
from ..tournament.report import standing_checks

SCORE_UNITS = (
    "Score: the focal state's objective points won, plus or minus its points for obligations "
    "kept or broken, per 100 objective points at stake (obligations can take it above 100 or "
    "below 0). Objectives: the share of its objective points it met, in %."
)


def add_parser(sub) -> None:
    p = sub.add_parser(
        "tournament",
        help="for researchers: compare computer players, scripted strategies and your own",
        description="For researchers. Computer levels, doctrines, scripted strategies and outside "
        "players each play the same seat of the same crises against computer opponents; the "
        "report compares them with 95% intervals. --entrant runs the Python code in the file "
        "you name (that is the point: only name files you trust). Exit code 0 when the "
        "tournament ran; with --strict, 1 when a standing check does not hold; 2 for bad input.",
    )
    p.add_argument("--games", type=int, default=200, help="crises per contender (default 200)")
    p.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="processes (default: all cores)"
    )
    p.add_argument(
        "--contenders",
        default=",".join(CONTENDERS),
        help=f"comma list from: {', '.join(CONTENDERS)} (or none)",
    )
    p.add_argument(
        "--entrants",
        default=",".join(SCRIPTED),
        help=f"scripted strategies, comma list from: {', '.join(SCRIPTED)} (or none)",
    )
    p.add_argument(
        "--entrant",
        action="append",
        default=[],
        metavar="FILE.py:CLASS",
        help="your own player (repeatable; runs the code in FILE; see docs/PLAYERS.md)",
    )
    p.add_argument(
        "--opponents",
        choices=tuple(LEVELS),
        default="easy",
        help="computer level of the other seats (default easy)",
    )
    p.add_argument(
        "--scenario",
        action="append",
        metavar="ID",
        help="only this shipped scenario (repeatable; default: the classic ones, "
        f"{', '.join(DEFAULT_SCENARIOS)})",
    )
    p.add_argument("--seed", type=int, default=1, help="seed of the first crisis (default 1)")
    p.add_argument("--json", metavar="OUT", help="also write the results as JSON to this file")
    p.add_argument(
        "--strict", action="store_true", help="exit 1 when a standing check does not hold"
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(run=run)


def _fail(message: str) -> int:
    print(f"wargame tournament: {message}", file=sys.stderr)
    return 2


def _names(text: str) -> list[str]:
    return [] if text.strip() == "none" else [c.strip() for c in text.split(",") if c.strip()]


_SHIPPED: dict[str, Scenario] = {}


def shipped() -> dict[str, Scenario]:
    """The shipped scenarios by id, loaded once per process."""
    if not _SHIPPED:
        _SHIPPED.update({sc.id: sc for sc in map(load_bundled, bundled_names())})
    return _SHIPPED


def default_scenarios(library: dict[str, Scenario]) -> tuple[str, ...]:
    """What a tournament plays when no scenario is named: the classic crises (a large
    scenario is played only when named, so the default run keeps its length)."""
    return tuple(sorted(s for s in DEFAULT_SCENARIOS if s in library))


def _work(task: tuple[int, int, int, str, str, tuple[str, ...]]) -> GameResult:
    index, games, seed, contender, opponents, ids = task
    scenarios = [shipped()[sid] for sid in ids]
    pairing = pairings(scenarios, games, seed)[index]
    return play_pairing(scenarios[pairing.scenario_index], pairing, contender, opponents)


def run(args: argparse.Namespace) -> int:
    contenders = _names(args.contenders)
    entrants = _names(args.entrants)
    unknown = [c for c in contenders if c not in CONTENDERS]
    unknown += [e for e in entrants if e not in SCRIPTED]
    if unknown:
        return _fail(f"unknown contender(s) {', '.join(unknown)}")
    if args.games < 2:
        return _fail("--games must be at least 2 (differences need two games)")
    if args.jobs < 1:
        return _fail("--jobs must be at least 1")
    try:
        ids = tuple(args.scenario or default_scenarios(shipped()))
    except ScenarioError as exc:
        return _fail(f"a shipped scenario cannot be loaded: {exc.problems[0]}")
    missing = [sid for sid in ids if sid not in shipped()]
    if missing:
        known = ", ".join(sorted(shipped()))
        return _fail(f"unknown scenario(s) {', '.join(missing)} (shipped: {known})")
    for spec in args.entrant:
        try:
            load_player(spec)  # every problem with the file, said before any game is played
        except EntrantError as exc:
            return _fail(str(exc))
    outside = list(dict.fromkeys(args.entrant))
    challengers = entrants + outside
    playing = list(dict.fromkeys(contenders + challengers + ([BASELINE] if challengers else [])))
    if not playing:
        return _fail("nothing to play: name at least one contender or entrant")
    tasks = [
        (i, args.games, args.seed, c, args.opponents, ids)
        for c in playing
        for i in range(args.games)
    ]
    try:
        results = _play(tasks, args)
    except (EntrantFailed, EntrantError) as exc:
        return _fail(str(exc))
    order = {name: k for k, name in enumerate(playing)}
    print(
        f"{args.games} crises per contender on {', '.join(ids)}, opponents {args.opponents}. "
        f"{SCORE_UNITS}\n"
    )
    print("| contender | mean score | std. error | objectives met % | games |")
    print("|---|---|---|---|---|")
    for s in sorted(summarize(results), key=lambda s: order[s.contender]):
        print(f"| {s.contender} | {s.mean:.1f} | {s.se:.1f} | {s.objectives:.1f} | {s.games} |")
    margins = _level_margins(results, playing) + [
        compare(results, c, BASELINE) for c in challengers
    ]
    if margins:
        print("\nPaired by crisis and seat (score difference, 95% interval):\n")
        print("| comparison | margin | 95% interval | verdict |")
        print("|---|---|---|---|")
        for m in margins:
            print(
                f"| {m.better} vs {m.worse} | {m.mean:+.1f} | [{m.low:+.1f}, {m.high:+.1f}] "
                f"| {m.verdict} |"
            )
    checks = standing_checks(results, entrants)  # the scripted ones: outside players are studies
    if checks:
        print("\nStanding checks:")
        for c in checks:
            print(f"  {'holds' if c.holds else 'does not hold'}: {c.text} ({c.detail})")
    if args.json:
        try:
            _write_json(Path(args.json), args, ids, results, margins, checks)
        except OSError as exc:
            return _fail(f"cannot write {exc.filename}: {exc.strerror}")
    return 1 if args.strict and not all(c.holds for c in checks) else 0


def _play(tasks, args) -> list[GameResult]:
    results = []
    interval = 0.1 if sys.stderr.isatty() else 5.0  # in a log, redraw every few seconds only
    with tqdm(total=len(tasks), unit="game", disable=args.quiet, mininterval=interval) as bar:
        if args.jobs == 1:
            for task in tasks:
                results.append(_work(task))
                bar.update()
            return results
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            futures = [pool.submit(_work, t) for t in tasks]
            try:
                for future in as_completed(futures):
                    results.append(future.result())
                    bar.update()
            except (EntrantFailed, EntrantError):
                for f in futures:
                    f.cancel()
                raise
    return results


def _level_margins(results: list[GameResult], contenders: list[str]):
    """Each level against the random player, and each level against the one below it."""
    levels = [c for c in LEVEL_ORDER if c in contenders]
    pairs = [(lv, "random") for lv in levels if lv != "random" and "random" in levels]
    steps = [lv for lv in levels if lv != "random"]
    pairs += list(zip(steps[1:], steps[:-1], strict=False))
    return [compare(results, better, worse) for better, worse in pairs]


def _write_json(path: Path, args, ids, results, margins, checks) -> None:
    data = {
        "games": args.games,
        "seed": args.seed,
        "opponents": args.opponents,
        "score_units": SCORE_UNITS,
        "summary": [s.__dict__ for s in summarize(results)],
        "margins": [m.__dict__ for m in margins],
        "checks": [c.__dict__ for c in checks],
        "results": [
            {
                "contender": r.contender,
                "game": r.pairing.index,
                "scenario": ids[r.pairing.scenario_index],
                "seat": r.pairing.seat,
                "seed": r.pairing.seed,
                "score": round(r.points, 3),
                "objectives": round(r.objectives, 3),
            }
            for r in sorted(results, key=lambda r: (r.contender, r.pairing.index))
        ],
    }
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
