"""A class server under load, on loopback: 5 classes x 6 seats = 30 clients on one host.

    .venv/bin/python -m bench.net_bench [--classes 5] [--level easy]

This process is the host: one server, five classes of a six-state scenario, each saved to its own
session file (autosave at every submission and turn, as in a real class). The clients run in one
process per class (six threads each, every seat played by the computer from its client), so they
share no interpreter with the host. Printed: whether every game completed with the hash of the
same game played locally; submit-to-acknowledgement latency (p50, p95, max, client side); how
long after a turn's last submission its results reached each client; the host's memory.
Targets (issue 15): p95 acknowledgement under 100 ms, results under 0.5 s.

Times are CLOCK_MONOTONIC, which all processes on a machine share.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = "amber_coast"  # six states, ten turns
SEATS_PER_CLASS = 6
THINK = 2.0  # seconds: students hand in orders over a while, not at the same instant


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--classes", type=int, default=5)
    parser.add_argument("--level", default="easy")
    parser.add_argument(
        "--think",
        type=float,
        default=THINK,
        help=f"each client waits up to this many seconds before each decision (default {THINK:g})",
    )
    parser.add_argument("--once", action="store_true", help="one run, with --think as given")
    parser.add_argument("--clients", nargs=4, metavar=("ADDRESS", "CODES", "LEVEL", "THINK"))
    args = parser.parse_args(argv)
    if args.clients:  # one class's clients, in their own process
        address, codes, level, think = args.clients
        print(json.dumps(_run_clients(address, json.loads(codes), level, float(think))))
        return
    if args.once:
        _run_host(args.classes, args.level, args.think)
        return
    for think in (args.think, 0.0):  # each in a fresh process, so its memory is its own
        subprocess.run(
            [
                *(sys.executable, "-m", "bench.net_bench", "--once"),
                *("--classes", str(args.classes), "--level", args.level, "--think", str(think)),
            ],
            cwd=ROOT,
            check=True,
        )


# --- the host ----------------------------------------------------------------------------------


def _run_host(classes: int, level: str, think: float) -> None:
    from wargame.ai import make_player
    from wargame.match import Match
    from wargame.net.host import ClassHost
    from wargame.net.keys import ClassKeys
    from wargame.net.server import ClassServer
    from wargame.persistence import SessionStore
    from wargame.scenario.library import find_scenario
    from wargame.state import state_hash

    scenario = find_scenario(SCENARIO)
    assert len(scenario.state_ids) == SEATS_PER_CLASS
    rss_before = _peak_rss_mib()
    folder = Path(tempfile.mkdtemp(prefix="net-bench-"))
    server = ClassServer("127.0.0.1", 0)
    stores = []
    for seed in range(1, classes + 1):
        match = Match(scenario, seed)
        stores.append(SessionStore.create(folder / f"class{seed}.wargame", match))
        server.add(ClassHost(match, ClassKeys.fresh(match.human_seats), level=level))
    server.start()
    address = f"127.0.0.1:{server.port}"
    started = time.monotonic()
    env = {**os.environ, "WARGAME_DATA_DIR": str(folder / "data")}
    clients = [
        subprocess.Popen(
            [
                *(sys.executable, "-m", "bench.net_bench", "--clients", address),
                *(json.dumps(h.codes), level, str(think)),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        for h in server.hosts
    ]
    results = [json.loads(c.communicate(timeout=600)[0]) for c in clients]
    elapsed = time.monotonic() - started
    rss_peak = _peak_rss_mib()
    server.stop()
    for store in stores:
        store.close()
    expected = []
    for seed in range(1, classes + 1):
        local = Match(scenario, seed, {s: make_player(level) for s in scenario.state_ids})
        local.play_out()
        expected.append(state_hash(local.state))
    completed = sum(
        r["outcomes"] == ["game_over"] * SEATS_PER_CLASS and set(r["hashes"]) == {h}
        for r, h in zip(results, expected, strict=True)
    )
    acks = [x for r in results for x in r["acks"]]
    spread = [x for r in results for x in r["results"]]
    when = f"each decision after 0-{think:g} s" if think else "every client at once"
    print(
        f"\n{classes} classes x {SEATS_PER_CLASS} seats = {classes * SEATS_PER_CLASS} clients on "
        f"one host, {SCENARIO} ({scenario.turns} turns), computer clients at {level}, {when}: "
        f"{elapsed:.1f} s in all\n"
    )
    print("| measure | p50 | p95 | max | count | target |")
    print("|---|---|---|---|---|---|")
    print(_row("submit to acknowledgement (ms)", acks, "p95 < 100 ms"))
    print(_row("last submission to results at each client (ms)", spread, "< 500 ms"))
    print(
        f"\ngames completed with the local game's state_hash: {completed} of {classes}; host "
        f"memory: peak RSS {rss_peak:.0f} MiB ({rss_peak - rss_before:+.0f} MiB for the classes)"
    )


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _row(name: str, values_s: list[float], target: str) -> str:
    ms = sorted(v * 1000 for v in values_s)
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
    return f"| {name} | {statistics.median(ms):.1f} | {p95:.1f} | {ms[-1]:.1f} | {len(ms)} | {target} |"


# --- one class's clients -----------------------------------------------------------------------


def _run_clients(address: str, codes: dict[str, str], level: str, think: float) -> dict:
    from wargame.net.protocol import Ack, Submit, TurnResolved, Welcome
    from wargame.net.robot import play_computer_seat

    lock = threading.Lock()
    sent: dict[tuple[str, int], float] = {}  # (seat, id) -> when sent
    last_submission: dict[int, float] = {}  # turn -> when its last submission was sent
    arrivals: list[tuple[int, float]] = []  # (turn resolved, when it arrived)
    acks: list[float] = []
    outcomes, hashes = [], []

    def play(seat: str) -> None:
        pause = random.Random(seat)

        def on_message(game, message) -> None:  # noqa: ANN001
            now = time.monotonic()
            with lock:
                if isinstance(message, Ack):
                    acks.append(now - sent.pop((seat, message.id), now))
                elif isinstance(message, TurnResolved):
                    arrivals.append((message.turn - 1, now))
            if isinstance(message, Welcome | TurnResolved) and think:
                time.sleep(pause.uniform(0, think))  # the seat decides after this

        outcome, game = play_computer_seat(address, seat, codes[seat], level, on_message=on_message)
        with lock:
            outcomes.append(outcome.reason)
            hashes.append(game.state_hash)

    # time each submission as it leaves: wrap the client's send
    from wargame.net import client as client_module

    original = client_module.SeatClient.send

    def timed_send(self, message) -> bool:  # noqa: ANN001
        if isinstance(message, Submit):
            now = time.monotonic()
            with lock:
                sent[(self.seat, message.id)] = now
                last_submission[message.turn] = max(last_submission.get(message.turn, 0), now)
        return original(self, message)

    client_module.SeatClient.send = timed_send  # type: ignore[method-assign]
    threads = [threading.Thread(target=play, args=(seat,)) for seat in codes]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    results = [now - last_submission[turn] for turn, now in arrivals if turn in last_submission]
    return {"outcomes": outcomes, "hashes": hashes, "acks": acks, "results": results}


if __name__ == "__main__":
    main()
