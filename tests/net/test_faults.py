"""Faults: bad clients are dropped without harming the game; dropped connections, killed clients
and a killed host come back; every game completes, its file verifies, and nothing that was
acknowledged is lost."""

from __future__ import annotations

import json
import signal
import threading

from websockets.exceptions import ConnectionClosed

from wargame.ai import make_player
from wargame.net.protocol import MAX_CLIENT_MESSAGE_BYTES, Ack, TurnResolved, Welcome
from wargame.net.robot import play_computer_seat
from wargame.net.server import MAX_FAILED_JOINS
from wargame.persistence import SessionStore

from .helpers import (
    free_port,
    hello,
    local_hash,
    play_all_seats,
    raw_socket,
    read_class,
    served,
    wait_until,
    wargame,
)

LEVEL = "easy"


def closing_error(ws) -> str | None:  # noqa: ANN001
    """The error code the host sent before closing, if any, reading until the close."""
    code = None
    try:
        for text in ws:
            message = json.loads(text)
            if message.get("type") == "error":
                code = message["code"]
    except ConnectionClosed:
        pass
    return code


def test_bad_clients_are_dropped_and_the_game_goes_on(tutorial, tmp_path):
    with served(tutorial, tmp_path, level=LEVEL) as s:
        code = s.host.codes["aurelia"]
        with raw_socket(s.address) as ws:
            ws.send("this is not json")
            assert closing_error(ws) == "malformed"
        with raw_socket(s.address) as ws:
            ws.send(b"\x00\x01binary")
            assert closing_error(ws) == "malformed"
        with raw_socket(s.address) as ws:
            ws.send(json.dumps({"type": "submit", "id": 1, "turn": 1, "orders": []}))
            assert closing_error(ws) == "hello_first"
        with raw_socket(s.address) as ws:
            ws.send(hello("aurelia", "WRNG-CODE"))
            assert closing_error(ws) == "wrong_code"
        with raw_socket(s.address) as ws:  # the seat, then far too big a message
            ws.send(hello("aurelia", code))
            ws.send("x" * (MAX_CLIENT_MESSAGE_BYTES + 10))
            closing_error(ws)
            assert ws.close_code == 1009  # message too big: closed by the WebSocket layer
        with raw_socket(s.address) as ws:  # the seat, then a flood
            ws.send(hello("aurelia", code))
            for i in range(200):
                ws.send(json.dumps({"type": "ping", "id": i}))
            assert closing_error(ws) == "flood"
        with raw_socket(s.address) as ws:  # another seat's orders
            ws.send(hello("aurelia", code))
            forged = {"kind": "SendMessage", "actor": "borduria", "to": ["aurelia"], "text": "x"}
            ws.send(json.dumps({"type": "submit", "id": 9, "turn": 1, "orders": [forged]}))
            replies = [json.loads(ws.recv(timeout=10)) for _ in range(3)]
            (rejected,) = [r for r in replies if r["type"] == "rejected"]
            assert "belongs to borduria" in rejected["reasons"][0]["reason"]
        wait_until(lambda: not s.host.connected("aurelia"), what="the bad clients to be gone")
        assert s.host.match.pending == {}
        games = play_all_seats(s, LEVEL)
    assert {g.state_hash for g in games.values()} == {local_hash(tutorial, 7, LEVEL)}
    with SessionStore.open(s.path, readonly=True) as store:
        assert store.verify(make_player).ok


def test_an_address_that_keeps_guessing_codes_is_turned_away(tutorial, tmp_path):
    with served(tutorial, tmp_path, level=LEVEL) as s:
        for _ in range(MAX_FAILED_JOINS):
            with raw_socket(s.address) as ws:
                ws.send(hello("aurelia", "AAAA-AAAA"))
                assert closing_error(ws) == "wrong_code"
        with raw_socket(s.address) as ws:  # even the right code, for a while
            ws.send(hello("aurelia", s.host.codes["aurelia"]))
            assert closing_error(ws) == "too_many_attempts"


def test_dropped_connections_come_back_into_their_seats(tutorial, tmp_path):
    """Each client's connection is cut after every turn it sees; it comes back by itself."""
    with served(tutorial, tmp_path, level=LEVEL) as s:
        outcomes, welcomes = {}, {seat: 0 for seat in s.host.seats}

        def play(seat: str) -> None:
            holder = []

            def cut(game, message):  # noqa: ANN001
                if isinstance(message, Welcome):
                    welcomes[seat] += 1
                if isinstance(message, TurnResolved) and not message.finished:
                    holder[0].drop()

            outcomes[seat] = play_computer_seat(
                s.address, seat, s.host.codes[seat], LEVEL, on_message=cut, client_holder=holder
            )

        threads = [threading.Thread(target=play, args=(x,)) for x in s.host.seats]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
    hashes = {o.reason: g.state_hash for o, g in outcomes.values()}
    assert hashes == {"game_over": local_hash(tutorial, 7, LEVEL)}
    assert all(n >= tutorial.turns for n in welcomes.values()), welcomes  # came back each turn


def test_a_killed_host_restarts_from_its_file_and_the_clients_come_back(tutorial, tmp_path):
    """The host is killed mid-turn (three seats' orders acknowledged, one still deciding) and
    restarted with --resume on the same port: the acknowledged orders are there, the clients
    return by themselves, and the game ends as the local one."""
    env = {"WARGAME_DATA_DIR": str(tmp_path / "host-data")}
    path, port = tmp_path / "class.wargame", free_port()
    args = ["--bind", "127.0.0.1", "--port", str(port), "--level", LEVEL, "--quiet"]
    host = wargame("host", "tutorial_strait", "--seed", "7", "--save", str(path), *args, env=env)
    _, codes = read_class(host)
    acked: dict[tuple[str, int], int] = {}
    rejoined: dict[str, list] = {seat: [] for seat in codes}
    release = threading.Event()
    outcomes = {}

    def watch(seat: str):  # noqa: ANN202
        def on_message(game, message):  # noqa: ANN001
            if isinstance(message, Ack):
                acked[(seat, message.turn)] = message.orders
            if isinstance(message, Welcome) and release.is_set():
                rejoined[seat].append(message)
            if seat == "dalmora" and game.turn == 2 and not release.is_set():
                release.wait(30)  # dalmora is still deciding when the host dies

        return on_message

    def play(seat: str) -> None:
        outcomes[seat] = play_computer_seat(
            f"127.0.0.1:{port}", seat, codes[seat], LEVEL, on_message=watch(seat)
        )

    threads = [threading.Thread(target=play, args=(x,)) for x in codes]
    for t in threads:
        t.start()
    try:
        wait_until(
            lambda: all((x, 2) in acked for x in codes if x != "dalmora"), what="turn 2's orders"
        )
        host.send_signal(signal.SIGKILL)
        host.wait(10)
        release.set()
        host = wargame("host", "--resume", str(path), *args, env=env)
        for t in threads:
            t.join(60)
        out, err = host.communicate(timeout=60)
    finally:
        release.set()
        if host.poll() is None:
            host.kill()
    assert host.returncode == 0, err
    expected = local_hash(tutorial, 7, LEVEL)
    assert out.strip().splitlines()[-1] == f"state_hash: {expected}"
    assert {o.reason: g.state_hash for o, g in outcomes.values()} == {"game_over": expected}
    for seat in ("aurelia", "borduria", "carpathia"):
        # their turn-2 orders were kept: back at turn 2 the host already holds them, or they
        # came back after turn 2 was resolved without them handing anything in again
        welcome = rejoined[seat][0]
        assert welcome.turn >= 2
        if welcome.turn == 2:
            assert welcome.submitted is not None
            assert len(welcome.submitted) == acked[(seat, 2)]
    with SessionStore.open(path, readonly=True) as store:
        assert store.verify(make_player).ok
