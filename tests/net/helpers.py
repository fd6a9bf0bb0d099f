"""Helpers for the network tests: a real class server on 127.0.0.1 (a free port) and real
clients, in this process (threads) or as `wargame` subprocesses."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from websockets.sync.client import connect

from wargame.ai import make_player
from wargame.match import Match
from wargame.net.client import ws_url
from wargame.net.host import ClassHost
from wargame.net.keys import ClassKeys, keys_path
from wargame.net.robot import play_computer_seat
from wargame.net.seat import SeatGame
from wargame.net.server import ClassServer
from wargame.persistence import SessionStore
from wargame.scenario import Scenario
from wargame.state import state_hash

ROOT = Path(__file__).resolve().parents[2]
WAIT = 60.0  # seconds a test waits for a game before it fails (never reached when all is well)


def local_hash(scenario: Scenario, seed: int, level: str) -> str:
    """What `wargame play SCENARIO --seed N --computer all --level LEVEL` ends with."""
    match = Match(scenario, seed, {s: make_player(level) for s in scenario.state_ids})
    match.play_out()
    return state_hash(match.state)


@dataclass
class Served:
    server: ClassServer
    host: ClassHost
    store: SessionStore
    path: Path

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.server.port}"

    def call(self, fn, *args):  # noqa: ANN001, ANN201 - a host method and its reply, delivered
        return self.server.call(self.host, fn, *args).result(10)


@contextmanager
def served(
    scenario: Scenario,
    folder: Path,
    seed: int = 7,
    computer: tuple[str, ...] = (),
    level: str = "normal",
    **host_options,
) -> Iterator[Served]:
    """A class of `scenario` saved in `folder`, served on 127.0.0.1 at a free port."""
    path = folder / "class.wargame"
    match = Match(scenario, seed, {s: make_player(level) for s in computer})
    store = SessionStore.create(path, match, player_factory=make_player)
    host = ClassHost(
        match, ClassKeys.fresh(match.human_seats, keys_path(path)), level=level, **host_options
    )
    server = ClassServer("127.0.0.1", 0)
    server.add(host)
    server.start()
    try:
        yield Served(server, host, store, path)
    finally:
        server.stop()
        store.close()


def play_all_seats(
    served: Served, level: str, logs: dict[str, list[str]] | None = None
) -> dict[str, SeatGame]:
    """Every person's seat played by a computer client on its own thread, to the end."""
    games: dict[str, SeatGame] = {}
    outcomes: dict[str, str] = {}

    def play(seat: str) -> None:
        raw = None
        if logs is not None:
            logs[seat] = []
            raw = logs[seat].append
        outcome, game = play_computer_seat(
            served.address, seat, served.host.codes[seat], level, on_raw=raw
        )
        games[seat], outcomes[seat] = game, outcome.reason

    threads = [threading.Thread(target=play, args=(s,), daemon=True) for s in served.host.seats]
    for t in threads:
        t.start()
    for t in threads:
        t.join(WAIT)
    assert outcomes == {s: "game_over" for s in served.host.seats}, outcomes
    return games


def raw_socket(address: str):  # noqa: ANN201 - a websockets ClientConnection
    """A bare WebSocket to the host, for sending what no real client would."""
    return connect(ws_url(address), open_timeout=5, proxy=None, max_size=None)


def hello(seat: str, code: str | None = None, token: str | None = None) -> str:
    return json.dumps({"type": "hello", "protocol": 1, "seat": seat, "code": code, "token": token})


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wargame(*args: str, env: dict[str, str], **kwargs) -> subprocess.Popen:  # noqa: ANN003
    return subprocess.Popen(
        [sys.executable, "-m", "wargame", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def read_class(host: subprocess.Popen, timeout: float = 30.0) -> tuple[int, dict[str, str]]:
    """The port and the seats' codes a `wargame host` prints."""
    port, codes = None, {}
    deadline = time.monotonic() + timeout
    assert host.stdout is not None
    while time.monotonic() < deadline:
        line = host.stdout.readline()
        if not line:
            break
        if line.startswith("listening:"):
            port = int(line.split()[-1])
        elif line.startswith("seat ") and " code " in line:
            _, seat, _, code = line.split()
            codes[seat] = code
        elif line.startswith("students:"):
            assert port is not None
            return port, codes
    raise AssertionError(f"the host printed no class: {host.stderr.read() if host.stderr else ''}")


def wait_until(condition, timeout: float = WAIT, what: str = "the condition") -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)
