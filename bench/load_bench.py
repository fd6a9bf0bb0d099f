"""Many classes on PostgreSQL: 20 sessions x 6 seats across 2 `wargame serve` processes, on
loopback, one of them killed (SIGKILL) mid-game; and the same load on one SQLite host.

    .venv/bin/python -m bench.load_bench [--db URL] [--sessions 20] [--level easy] [--think 2]
                                         [--timeout 600]

Without --db it starts a PostgreSQL server of its own (tests/postgres/server.sh, Debian's
package; run as root). Two `wargame serve` processes share the database; the facilitator creates
half the classes on each (POST /api/sessions). Every seat is played by the computer from its
client (amber_coast: 6 states, 10 turns), the clients in processes of their own, each given both
servers' addresses. Once every class of the first server has played 3 turns, that server is
killed: its classes must be taken over by the other, their clients must find them there, and
no acknowledged submission may be missing from the database. Then the same classes (same seeds)
on one host process with a session file each, as `wargame host` keeps them (no kill).

Printed, a table per store: the autosave (each submission and each turn committed, timed in the
servers) and the turn broadcast (a turn's last submission to its results at each client) p50,
p95 and max; whether every game completed with the local game's state_hash; acknowledged
submissions missing after the kill; how long the takeover took. A class not over within
--timeout seconds (the whole benchmark's) is stopped and its waiting seats named; then the
benchmark exits with status 1.
Times are CLOCK_MONOTONIC / perf_counter, which all processes on a machine share.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = "amber_coast"
SEATS = 6
KILL_AFTER_TURNS = 3
CLASSES_PER_CLIENT_PROCESS = 5
PASSWORD = "load-bench-facilitator-password"
GRACE = 60.0  # seconds a client process has past the time limit to stop its seats and report


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a PostgreSQL URL (default: start a server for the run)")
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--level", default="easy")
    parser.add_argument("--think", type=float, default=2.0)
    parser.add_argument("--no-sqlite", action="store_true", help="skip the SQLite host's run")
    parser.add_argument(
        "--timeout", type=float, default=600.0, help="seconds for the whole benchmark (600)"
    )
    parser.add_argument("--deadline", type=float, help=argparse.SUPPRESS)  # for --clients
    parser.add_argument("--clients", help=argparse.SUPPRESS)  # JSON: classes for one process
    parser.add_argument("--sqlite-host", help=argparse.SUPPRESS)  # FOLDER: the SQLite host
    args = parser.parse_args(argv)
    if args.clients:
        classes = json.loads(args.clients)
        print(json.dumps(_run_clients(classes, args.level, args.think, args.deadline)))
        return
    if args.sqlite_host:
        _sqlite_host(Path(args.sqlite_host), args.sessions, args.level)
        return
    # CLOCK_MONOTONIC, which the client processes share: they stop their seats at this time
    args.deadline = time.monotonic() + args.timeout
    pg_dir = None
    url = args.db
    if url is None:
        pg_dir = tempfile.mkdtemp(prefix="load-bench-pg-")
        url = subprocess.run(
            [str(ROOT / "tests/postgres/server.sh"), "start", pg_dir],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    try:
        expected = _local_hashes(args.sessions, args.level)
        runs = [_postgres_run(url, args, expected)]
        if not args.no_sqlite:
            runs.append(_sqlite_run(args, expected))
    finally:
        if pg_dir is not None:
            subprocess.run([str(ROOT / "tests/postgres/server.sh"), "stop", pg_dir], check=False)
    print(
        f"\n{args.sessions} sessions x {SEATS} seats, {SCENARIO}, clients at {args.level}, "
        f"each decision after 0-{args.think:g} s; {os.cpu_count()} cores, load average "
        f"{os.getloadavg()[0]:.1f}\n"
    )
    print(
        "| store | autosave p50 / p95 / max (ms) | turn broadcast p50 / p95 / max (ms) | "
        "games completed (local hash) | acked submissions lost | killed server's classes "
        "resumed | wall time |"
    )
    print("|---|---|---|---|---|---|---|")
    for row, _ in runs:
        print(row)
    stuck = [line for _, lines in runs for line in lines]
    if stuck:
        print(
            f"\nload_bench: FAILED: classes that did not end (time limit: --timeout "
            f"{args.timeout:g} s), and where their unfinished seats stood:\n" + "\n".join(stuck),
            file=sys.stderr,
        )
        sys.exit(1)


# --- runs ---------------------------------------------------------------------------------------


def _postgres_run(url: str, args: argparse.Namespace, expected: list[str]) -> tuple[str, list]:
    from sqlalchemy import create_engine

    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    db_name = f"load_bench_{os.getpid()}"
    with engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{db_name}"')
    from sqlalchemy.engine import make_url

    bench_url = make_url(url).set(database=db_name).render_as_string(hide_password=False)
    timings = [Path(tempfile.mktemp(prefix=f"load-bench-save{i}-")) for i in (1, 2)]
    servers = [_start_serve(bench_url, t) for t in timings]
    started = time.monotonic()
    try:
        classes = []
        for i, seed in enumerate(range(1, args.sessions + 1)):
            owner, other = servers[i % 2], servers[1 - i % 2]
            made = _create(owner["address"], seed, args.level)
            classes.append(
                {
                    "session": made["session"],
                    "seed": seed,
                    "codes": made["codes"],
                    "addresses": [owner["address"], other["address"]],
                    "first": i % 2 == 0,
                }
            )
        clients = _start_clients(classes, args)
        victims = [c["session"] for c in classes if c["first"]]
        session_engine = create_engine(bench_url)
        killed_at = _kill_when_played(servers[0], victims, session_engine, args.deadline)
        results = _collect(clients, args.deadline)
        elapsed = time.monotonic() - started
        lost, resumed = _check_acks(bench_url, classes, results, victims)
        takeover = _takeover_seconds(results, victims, killed_at)
        session_engine.dispose()
    finally:
        for s in servers:
            if s["proc"].poll() is None:
                s["proc"].send_signal(signal.SIGINT)
                try:
                    s["proc"].wait(30)
                except subprocess.TimeoutExpired:  # never leave a server behind the run
                    s["proc"].kill()
                    s["proc"].wait(30)
    with engine.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)')
    engine.dispose()
    saves = [x for t in timings for x in _read_timings(t)]
    completed = _completed(classes, results, expected)
    row = (
        f"| PostgreSQL, 2 `wargame serve` processes, one killed after turn {KILL_AFTER_TURNS} | "
        f"{_three(saves)} | {_three(_broadcasts(results))} | {completed} of {len(classes)} | "
        f"{lost} | {resumed} of {len(victims)} (first turn after the kill within "
        f"{takeover:.1f} s) | {elapsed:.0f} s |"
    )
    return row, _not_ended("PostgreSQL", classes, results)


def _sqlite_run(args: argparse.Namespace, expected: list[str]) -> tuple[str, list]:
    folder = Path(tempfile.mkdtemp(prefix="load-bench-files-"))
    timings = folder / "save-timings"
    proc = subprocess.Popen(
        [
            *(sys.executable, "-m", "bench.load_bench", "--sqlite-host", str(folder)),
            *("--sessions", str(args.sessions), "--level", args.level),
        ],
        cwd=ROOT,
        env={**os.environ, "WARGAME_SAVE_TIMINGS": str(timings)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdin is not None
    hosted = json.loads(proc.stdout.readline())
    started = time.monotonic()
    classes = [
        {"session": f"file{seed}", "seed": seed, "codes": codes, "addresses": [hosted["address"]]}
        for seed, codes in enumerate(hosted["codes"], start=1)
    ]
    results = _collect(_start_clients(classes, args), args.deadline)
    elapsed = time.monotonic() - started
    proc.stdin.close()
    proc.wait(60)
    completed = _completed(classes, results, expected)
    row = (
        f"| SQLite, one `wargame host` process, a session file per class | "
        f"{_three(_read_timings(timings))} | {_three(_broadcasts(results))} | "
        f"{completed} of {len(classes)} | n/a | n/a | {elapsed:.0f} s |"
    )
    return row, _not_ended("SQLite", classes, results)


def _sqlite_host(folder: Path, sessions: int, level: str) -> None:
    """One host process, a session file per class (as `wargame host` saves a class)."""
    from wargame.ai import make_player
    from wargame.match import Match
    from wargame.net.host import ClassHost
    from wargame.net.keys import ClassKeys
    from wargame.net.server import ClassServer
    from wargame.persistence import SessionStore
    from wargame.scenario.library import find_scenario

    scenario = find_scenario(SCENARIO)
    server = ClassServer("127.0.0.1", 0)
    stores = []
    for seed in range(1, sessions + 1):
        match = Match(scenario, seed)
        stores.append(
            SessionStore.create(folder / f"class{seed}.wargame", match, player_factory=make_player)
        )
        server.add(ClassHost(match, ClassKeys.fresh(match.human_seats), level=level))
    server.start()
    print(
        json.dumps(
            {"address": f"127.0.0.1:{server.port}", "codes": [h.codes for h in server.hosts]}
        ),
        flush=True,
    )
    sys.stdin.read()  # until the benchmark is done
    server.stop()
    for store in stores:
        store.close()


# --- servers, classes, clients -------------------------------------------------------------------


def _start_serve(url: str, timings: Path) -> dict:
    env = {
        **os.environ,
        "WARGAME_FACILITATOR_PASSWORD": PASSWORD,
        "WARGAME_SAVE_TIMINGS": str(timings),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "wargame", "serve", "--db", url, "--port", "0", "--quiet"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("listening:"):
            threading.Thread(target=proc.stdout.read, daemon=True).start()
            return {"proc": proc, "address": f"127.0.0.1:{line.split()[-1]}"}
    raise RuntimeError(f"wargame serve exited with {proc.wait()}")


def _create(address: str, seed: int, level: str) -> dict:
    import urllib.request

    request = urllib.request.Request(
        f"http://{address}/api/sessions",
        data=json.dumps({"scenario": SCENARIO, "seed": seed, "level": level}).encode(),
        headers={"Authorization": f"Bearer {PASSWORD}"},
        method="POST",
    )
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(request, timeout=60) as answer:
        return json.loads(answer.read())


def _start_clients(
    classes: list[dict], args: argparse.Namespace
) -> list[tuple[subprocess.Popen, list[dict]]]:
    groups = [
        classes[i : i + CLASSES_PER_CLIENT_PROCESS]
        for i in range(0, len(classes), CLASSES_PER_CLIENT_PROCESS)
    ]
    return [
        (
            subprocess.Popen(
                [
                    *(sys.executable, "-m", "bench.load_bench", "--clients", json.dumps(group)),
                    *("--level", args.level, "--think", str(args.think)),
                    *("--deadline", repr(args.deadline)),
                ],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                text=True,
            ),
            group,
        )
        for group in groups
    ]


def _collect(clients: list[tuple[subprocess.Popen, list[dict]]], deadline: float) -> dict:
    """Each client process's results; a process that does not report in time (its seats stop
    at the deadline) is killed, and its classes' seats are reported as not heard from."""
    results: dict = {}
    for proc, group in clients:
        try:
            out = proc.communicate(timeout=max(0.0, deadline - time.monotonic()) + GRACE)[0]
            results.update(json.loads(out))
        except (subprocess.TimeoutExpired, ValueError):
            proc.kill()
            proc.wait(30)
            for c in group:
                results[c["session"]] = {
                    **_empty_record(),
                    "waiting": {seat: "its client process never reported" for seat in c["codes"]},
                }
    return results


def _kill_when_played(
    server: dict,
    sessions: list[str],
    engine,  # noqa: ANN001 - a sqlalchemy Engine
    deadline: float,
) -> float:
    """SIGKILL the server once each of its classes has played KILL_AFTER_TURNS turns (the
    next turn's submissions are then arriving: it dies mid-turn), or at the deadline."""
    from sqlalchemy import text

    while time.monotonic() < deadline:
        with engine.connect() as conn:
            played = [
                conn.execute(text(f'SELECT turns_played FROM "wargame_{s}".session')).scalar()
                for s in sessions
            ]
        if min(played) >= KILL_AFTER_TURNS:
            break
        time.sleep(0.2)
    server["proc"].send_signal(signal.SIGKILL)
    killed = time.monotonic()
    server["proc"].wait(30)
    return killed


def _run_clients(classes: list[dict], level: str, think: float, deadline: float) -> dict:
    from wargame.net.protocol import Ack, Submit, TurnResolved, Welcome
    from wargame.net.robot import play_computer_seat

    lock = threading.Lock()
    out: dict = {}
    holders: list[list] = []  # each seat's SeatClient (once it has one), to stop at the deadline
    games: dict[tuple[str, str], object] = {}  # each seat's SeatGame, once it has a message
    for c in classes:
        out[c["session"]] = _empty_record()

    from wargame.net import client as client_module

    original = client_module.SeatClient.send
    session_of: dict[int, str] = {}

    def timed_send(self, message) -> bool:  # noqa: ANN001
        if isinstance(message, Submit):
            now = time.monotonic()
            with lock:
                last = out[session_of[id(self)]]["last"]
                last[message.turn] = max(last.get(message.turn, 0), now)
        return original(self, message)

    client_module.SeatClient.send = timed_send  # type: ignore[method-assign]

    def play(c: dict, seat: str) -> None:
        record = out[c["session"]]
        pause = random.Random(f"{c['session']}{seat}")
        holder: list = []
        holders.append(holder)

        def on_message(game, message) -> None:  # noqa: ANN001
            now = time.monotonic()
            if holder:
                session_of.setdefault(id(holder[0]), c["session"])
            with lock:
                games[(c["session"], seat)] = game
                if isinstance(message, Ack):
                    record["acked"].append([message.turn, seat])
                elif isinstance(message, TurnResolved):
                    record["arrivals"].append([message.turn - 1, now])
            if isinstance(message, Welcome | TurnResolved) and think:
                time.sleep(pause.uniform(0, think))

        outcome, game = play_computer_seat(
            c["addresses"][0],
            seat,
            c["codes"][seat],
            level,
            on_message=on_message,
            client_holder=holder,
            alternates=tuple(c["addresses"][1:]),
        )
        with lock:
            record["outcomes"][seat] = outcome.reason
            record["hashes"][seat] = game.state_hash
            if outcome.reason != "game_over":  # unless the deadline already said where it was
                record["waiting"].setdefault(seat, _where(game, outcome.error))

    threads = [
        threading.Thread(target=play, args=(c, seat), daemon=True)
        for c in classes
        for seat in c["codes"]
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(max(0.0, deadline - time.monotonic()))
    with lock:  # past the deadline: where the seats still playing stand, before they are stopped
        for (session, seat), game in games.items():
            if seat not in out[session]["outcomes"]:
                out[session]["waiting"][seat] = _where(game)
    for client in [client for holder in holders for client in holder]:
        client.stop()
    for t in threads:
        t.join(GRACE / 2)
    with lock:
        for c in classes:
            record = out[c["session"]]
            for seat in c["codes"]:
                if seat not in record["outcomes"]:
                    record["waiting"].setdefault(seat, "did not stop when asked")
        return json.loads(json.dumps(out))  # a copy: a seat that never stopped cannot change it


def _empty_record() -> dict:
    return {
        "acked": [],
        "arrivals": [],
        "last": {},
        "outcomes": {},
        "hashes": {},
        "waiting": {},  # seat -> where it stood, for the seats that did not see the end
    }


def _where(game, error=None) -> str:  # noqa: ANN001 - a SeatGame, the host's Error if it left
    """Where a seat that did not see the game's end stood, in words."""
    if error is not None:
        return f"turned away at turn {game.turn}: {error.code}: {error.message}"
    if not game.joined:
        return "never joined"
    if game.awaiting_ack:
        return f"turn {game.turn}: its orders sent, never acknowledged"
    if game.submitted is not None:
        return f"turn {game.turn}: its orders acknowledged, waiting for the turn's results"
    return f"turn {game.turn}: no orders handed in"


def _not_ended(store: str, classes: list[dict], results: dict) -> list[str]:
    """A line per class with seats that did not end: which, and where they stood."""
    lines = []
    for c in classes:
        waiting = results[c["session"]]["waiting"]
        if waiting:
            seats = "; ".join(f"{seat} {where}" for seat, where in sorted(waiting.items()))
            lines.append(f"  {store}: session {c['session']} (seed {c['seed']}): {seats}")
    return lines


# --- checks and figures --------------------------------------------------------------------------


def _local_hashes(sessions: int, level: str) -> list[str]:
    from wargame.ai import make_player
    from wargame.match import Match
    from wargame.scenario.library import find_scenario
    from wargame.state import state_hash

    scenario = find_scenario(SCENARIO)
    hashes = []
    for seed in range(1, sessions + 1):
        match = Match(scenario, seed, {s: make_player(level) for s in scenario.state_ids})
        match.play_out()
        hashes.append(state_hash(match.state))
    return hashes


def _completed(classes: list[dict], results: dict, expected: list[str]) -> int:
    done = 0
    for c in classes:
        r = results[c["session"]]
        ok = set(r["outcomes"].values()) == {"game_over"} and set(r["hashes"].values()) == {
            expected[c["seed"] - 1]
        }
        done += ok
    return done


def _check_acks(
    url: str, classes: list[dict], results: dict, victims: list[str]
) -> tuple[int, int]:
    """(acknowledged submissions missing from the database, killed server's classes finished)."""
    from sqlalchemy.engine import make_url

    from wargame.persistence import SessionStore

    lost = 0
    resumed = 0
    target = make_url(url)
    for c in classes:
        with SessionStore.open(target, session=c["session"], readonly=True) as store:
            log = store.load()
        saved = set(log.submissions)
        lost += sum((turn, seat) not in saved for turn, seat in results[c["session"]]["acked"])
        if c["session"] in victims and log.finished:
            resumed += 1
    return lost, resumed


def _takeover_seconds(results: dict, victims: list[str], killed_at: float) -> float:
    """From the kill to the first turn resolved after it, for the slowest killed class."""
    worst = 0.0
    for session in victims:
        after = [when for _, when in results[session]["arrivals"] if when > killed_at]
        if after:
            worst = max(worst, min(after) - killed_at)
    return worst


def _broadcasts(results: dict) -> list[float]:
    values = []
    for r in results.values():
        last = {int(k): v for k, v in r["last"].items()}
        values += [when - last[turn] for turn, when in r["arrivals"] if turn in last]
    return values


def _read_timings(path: Path) -> list[float]:
    try:
        return [float(line.split()[1]) for line in path.read_text().splitlines() if line.strip()]
    except FileNotFoundError:
        return []


def _three(seconds: list[float]) -> str:
    if not seconds:
        return "none measured"
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
    return f"{statistics.median(ms):.1f} / {p95:.1f} / {ms[-1]:.0f}"


if __name__ == "__main__":
    main()
