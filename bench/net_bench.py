"""A class server under load, on loopback: 5 classes x 6 seats = 30 clients on one host.

    .venv/bin/python -m bench.net_bench [--classes 5] [--level easy]

This process is the host: one server, five classes of a six-state scenario, each saved to its own
session file (autosave at every submission and turn, as in a real class). The clients run in one
process per class (six threads each, every seat played by the computer from its client), so they
share no interpreter with the host. Printed: whether every game completed with the hash of the
same game played locally; submit-to-acknowledgement latency (p50, p95, max, client side) and
the part of it spent on the host (from the submission read off its socket to the acknowledgement
written back); how long after a turn's last submission its results reached each client; the
host's memory.
Targets (issue 15): p95 acknowledgement under 100 ms, results under 0.5 s.

With --browsers (the third run of the default set), the clients behave as the browser client
does (issue 16): each loads the page and every file of it from the host (wargame/net/web/) and
the list of seats, all 30 at once, then plays asking for guides (`hello` with `guide: true`), so the
host also makes each seat's guide after every turn and its debrief at the end. Printed too: the
time to load the page, and from a turn's results to its guide at each client.

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
    parser.add_argument(
        "--browsers",
        action="store_true",
        help="clients that behave as the browser client: load the page, then play with guides",
    )
    parser.add_argument("--clients", nargs=4, metavar=("ADDRESS", "CODES", "LEVEL", "THINK"))
    args = parser.parse_args(argv)
    if args.clients:  # one class's clients, in their own process
        address, codes, level, think = args.clients
        run = _run_browser_clients if args.browsers else _run_clients
        print(json.dumps(run(address, json.loads(codes), level, float(think))))
        return
    if args.once:
        _run_host(args.classes, args.level, args.think, args.browsers)
        return
    # each in a fresh process, so its memory is its own
    for think, browsers in ((args.think, False), (0.0, False), (0.0, True)):
        subprocess.run(
            [
                *(sys.executable, "-m", "bench.net_bench", "--once"),
                *("--classes", str(args.classes), "--level", args.level, "--think", str(think)),
                *(["--browsers"] if browsers else []),
            ],
            cwd=ROOT,
            check=True,
        )


# --- the host ----------------------------------------------------------------------------------


def _run_host(classes: int, level: str, think: float, browsers: bool = False) -> None:
    from wargame.ai import make_player
    from wargame.match import Match
    from wargame.net.host import ClassHost
    from wargame.net.keys import ClassKeys
    from wargame.net.server import ClassServer
    from wargame.net.web_client import WEB_DIR
    from wargame.persistence import SessionStore
    from wargame.scenario.library import find_scenario
    from wargame.state import state_hash

    scenario = find_scenario(SCENARIO)
    assert len(scenario.state_ids) == SEATS_PER_CLASS
    rss_before = _peak_rss_mib()
    folder = Path(tempfile.mkdtemp(prefix="net-bench-"))
    server = ClassServer("127.0.0.1", 0, static_dir=WEB_DIR if browsers else None)
    host_side = _time_acknowledgements_on_the_host(server)
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
                *(["--browsers"] if browsers else []),
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
    kind = "browser-like clients (page, then guides)" if browsers else "computer clients"
    print(
        f"\n{classes} classes x {SEATS_PER_CLASS} seats = {classes * SEATS_PER_CLASS} {kind} on "
        f"one host, {SCENARIO} ({scenario.turns} turns), at {level}, {when}: "
        f"{elapsed:.1f} s in all\n"
    )
    print("| measure | p50 | p95 | max | count | target |")
    print("|---|---|---|---|---|---|")
    if browsers:
        loads = [x for r in results for x in r["page_loads"]]
        print(_row("the page and its files, all clients at once (ms)", loads, ""))
    print(_row("submit to acknowledgement (ms)", acks, "p95 < 100 ms"))
    print(_row("of which on the host: read to acknowledgement written (ms)", host_side, ""))
    print(_row("last submission to results at each client (ms)", spread, "< 500 ms"))
    if browsers:
        guides = [x for r in results for x in r["guides"]]
        print(_row("results to the turn's guide at each client (ms)", guides, ""))
        print(
            f"\npage: {results[0]['page_bytes'] / 1024:.0f} KiB in {results[0]['page_files']} "
            f"files; guides received {sum(r['guide_count'] for r in results)}, debriefs "
            f"{sum(r['debriefs'] for r in results)} (of {classes * SEATS_PER_CLASS})"
        )
    print(
        f"\ngames completed with the local game's state_hash: {completed} of {classes}; host "
        f"memory: peak RSS {rss_peak:.0f} MiB ({rss_peak - rss_before:+.0f} MiB for the classes)"
    )


def _time_acknowledgements_on_the_host(server) -> list[float]:  # noqa: ANN001
    """Seconds from each submission read off its socket to its acknowledgement written back, as
    the host sees them. The clients' own figure adds their side: with every client of five
    classes on this machine's two cores, much of it is the clients' own work (decoding results,
    deciding) delaying the moment they read the acknowledgement, which a class on many computers
    does not share with the host."""
    from wargame.net.protocol import Submit

    read: dict[tuple[int, int], float] = {}  # (the socket's id, the submission's id) -> when read
    spans: list[float] = []
    receive = server._receive

    async def timed_receive(conn):  # noqa: ANN001, ANN202
        message = await receive(conn)
        if isinstance(message, Submit):
            read[(id(conn.ws), message.id)] = time.monotonic()
        return message

    server._receive = timed_receive
    from starlette.websockets import WebSocket

    original = WebSocket.send_text

    async def timed_send_text(ws, data: str) -> None:  # noqa: ANN001
        await original(ws, data)
        if data.startswith('{"type":"ack"'):
            ack_id = int(data.split('"id":', 1)[1].split(",", 1)[0])
            started = read.pop((id(ws), ack_id), None)
            if started is not None:
                spans.append(time.monotonic() - started)

    WebSocket.send_text = timed_send_text  # type: ignore[method-assign]
    return spans


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


# --- one class's browser-like clients ----------------------------------------------------------


def _run_browser_clients(address: str, codes: dict[str, str], level: str, think: float) -> dict:
    """As the browser client: the page and its files, the list of seats, then the protocol with
    guides (the computer deciding, as in `_run_clients`, so the game can be checked)."""
    import urllib.request

    from websockets.sync.client import connect

    from wargame.net.protocol import (
        MAX_HOST_MESSAGE_BYTES,
        PROTOCOL_VERSION,
        Ack,
        Debrief,
        GameOver,
        Guide,
        Hello,
        ProtocolError,
        TurnResolved,
        encode,
        parse_host_message,
    )
    from wargame.net.seat import ComputerSeat, SeatGame
    from wargame.net.web_client import WEB_DIR

    files = ["", *(p.relative_to(WEB_DIR).as_posix() for p in WEB_DIR.rglob("*") if p.is_file())]
    web = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    lock = threading.Lock()
    out: dict = {"page_loads": [], "acks": [], "results": [], "guides": [], "outcomes": []}
    out |= {"hashes": [], "guide_count": 0, "debriefs": 0, "page_files": len(files)}
    last_submission: dict[int, float] = {}
    start = threading.Barrier(len(codes))

    def play(seat: str) -> None:
        start.wait()  # every client of the class loads the page at the same moment
        began, size = time.monotonic(), 0
        for name in [*files, "api/class"]:
            with web.open(f"http://{address}/{name}", timeout=30) as answer:
                size += len(answer.read())
        loaded = time.monotonic() - began
        game, computer, pause = SeatGame(seat), ComputerSeat(level), random.Random(seat)
        sent: dict[int, float] = {}
        resolved_at = None
        with connect(f"ws://{address}/ws", max_size=MAX_HOST_MESSAGE_BYTES, proxy=None) as ws:
            hello = Hello(protocol=PROTOCOL_VERSION, seat=seat, code=codes[seat], guide=True)
            ws.send(encode(hello))
            for text in ws:
                now = time.monotonic()
                try:
                    message = parse_host_message(text)
                except ProtocolError:
                    continue
                game.apply(message)
                with lock:
                    if isinstance(message, Ack):
                        out["acks"].append(now - sent.pop(message.id, now))
                    elif isinstance(message, TurnResolved):
                        turn = message.turn - 1
                        if turn in last_submission:
                            out["results"].append(now - last_submission[turn])
                        resolved_at = now
                    elif isinstance(message, Guide):
                        out["guide_count"] += 1
                        if resolved_at is not None:
                            out["guides"].append(now - resolved_at)
                    elif isinstance(message, Debrief):
                        out["debriefs"] += 1
                        break
                if isinstance(message, GameOver):
                    continue  # the debrief follows
                orders = computer.orders(game)
                if orders is not None and isinstance(message, Guide):
                    if think:
                        time.sleep(pause.uniform(0, think))
                    submission = game.submission(orders)
                    with lock:
                        sent[submission.id] = time.monotonic()
                        last_submission[game.turn] = max(
                            last_submission.get(game.turn, 0), sent[submission.id]
                        )
                    ws.send(encode(submission))
        with lock:
            out["page_loads"].append(loaded)
            out["page_bytes"] = size
            out["outcomes"].append("game_over" if game.state_hash else "stopped")
            out["hashes"].append(game.state_hash)

    threads = [threading.Thread(target=play, args=(seat,)) for seat in codes]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out


if __name__ == "__main__":
    main()
