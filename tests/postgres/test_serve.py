"""`wargame serve`: classes created by a facilitator, served from PostgreSQL by two processes;
one is killed (SIGKILL) mid-game and its class is taken over by the other, the clients find
their seats there by themselves, and the game ends as the same game played locally."""

from __future__ import annotations

import threading
import time

import pytest

from wargame.ai import make_player
from wargame.match import Match
from wargame.net.protocol import Ack, TurnResolved
from wargame.net.robot import play_computer_seat
from wargame.persistence import SessionStore
from wargame.scenario.library import find_scenario
from wargame.state import state_hash

from .serving import create_class, start_serve

pytestmark = pytest.mark.slow
LEVEL = "easy"
WAIT = 120.0


def local_hash(scenario_id: str, seed: int, level: str) -> str:
    scenario = find_scenario(scenario_id)
    match = Match(scenario, seed, {s: make_player(level) for s in scenario.state_ids})
    match.play_out()
    return state_hash(match.state)


def test_a_facilitator_needs_the_password(pg_url):
    server = start_serve(pg_url.render_as_string(hide_password=False))
    try:
        status, answer = create_class(server.address, password="not the password", scenario="x")
        assert status == 401 and "password" in answer["error"]
        status, answer = create_class(server.address, scenario="no_such_scenario")
        assert status == 400 and answer["error"]
        status, answer = create_class(server.address, scenario="tutorial_strait", seed=-1)
        assert status == 400 and "seed" in answer["error"]
        status, made = create_class(server.address, scenario="tutorial_strait", seed=1)
        assert status == 201
        # the class's own facilitator token shows its codes again; nothing else does
        assert look_up(server.address, made["session"], made["facilitator_token"]) == (
            200,
            made["codes"],
        )
        assert look_up(server.address, made["session"], "not the token")[0] == 401
        assert look_up(server.address, made["session"], "facilitator-password-for-tests")[0] == 401
    finally:
        server.stop()


def test_a_server_whose_database_is_gone_stops_with_a_message_not_a_traceback(pg_url):
    from sqlalchemy import create_engine

    server = start_serve(pg_url.render_as_string(hide_password=False))
    try:
        status, _ = create_class(server.address, scenario="tutorial_strait", seed=1)
        assert status == 201
        admin = create_engine(pg_url.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:  # the database goes away under the running server
            conn.exec_driver_sql(f'DROP DATABASE "{pg_url.database}" WITH (FORCE)')
        admin.dispose()
        server.stop()
        assert server.proc.returncode == 0, "".join(server.output)
        deadline = time.monotonic() + 10
        while not any("stopped;" in line for line in server.output):
            assert time.monotonic() < deadline, server.output
            time.sleep(0.1)
        printed = "".join(server.output)
        assert "Traceback" not in printed
        assert "left to its lease running out" in printed
    finally:
        server.stop()


def look_up(address: str, session: str, token: str) -> tuple[int, dict | None]:
    import json
    import urllib.error
    import urllib.request

    request = urllib.request.Request(
        f"http://{address}/api/sessions/{session}", headers={"Authorization": f"Bearer {token}"}
    )
    from .serving import NO_PROXY

    try:
        with NO_PROXY.open(request, timeout=30) as answer:
            return answer.status, json.loads(answer.read())["codes"]
    except urllib.error.HTTPError as exc:
        return exc.code, None


def test_a_killed_server_s_class_is_taken_over_and_ends_as_the_local_game(pg_url):
    url = pg_url.render_as_string(hide_password=False)
    first, second = start_serve(url), start_serve(url)
    try:
        scenario = find_scenario("tutorial_strait")
        status, made = create_class(first.address, scenario="tutorial_strait", seed=7, level=LEVEL)
        assert status == 201, made
        session_id, codes = made["session"], made["codes"]
        assert set(codes) == set(scenario.state_ids)

        acked: list[tuple[int, str]] = []  # (turn, seat) the host acknowledged
        resolved = threading.Event()
        outcomes: dict[str, str] = {}
        hashes: dict[str, str] = {}

        def seen(seat: str):  # noqa: ANN202
            def on_message(game, message) -> None:  # noqa: ANN001
                if isinstance(message, Ack):
                    acked.append((message.turn, seat))
                if isinstance(message, TurnResolved) and message.turn >= 3:
                    resolved.set()

            return on_message

        def play(seat: str) -> None:
            outcome, game = play_computer_seat(
                first.address,
                seat,
                codes[seat],
                LEVEL,
                on_message=seen(seat),
                alternates=(second.address,),
            )
            outcomes[seat] = outcome.reason
            hashes[seat] = game.state_hash or ""

        threads = [threading.Thread(target=play, args=(s,), daemon=True) for s in codes]
        for t in threads:
            t.start()
        assert resolved.wait(WAIT), "two turns were not played"
        first.kill()  # mid-game: its lease is neither renewed nor given back
        killed_at = time.monotonic()
        for t in threads:
            t.join(WAIT)
        assert outcomes == {s: "game_over" for s in codes}, outcomes
        assert time.monotonic() - killed_at < WAIT
        expected = local_hash("tutorial_strait", 7, LEVEL)
        assert set(hashes.values()) == {expected}
        with SessionStore.open(pg_url, session=session_id, readonly=True) as store:
            log = store.load()
            assert store.verify(make_player).ok
        assert len(log.turns) == scenario.turns
        assert set(acked) <= set(log.submissions)  # nothing acknowledged was lost
    finally:
        first.stop()
        second.stop()


def test_wargame_host_keeps_its_class_in_postgresql(pg_url):
    """`wargame host --db postgresql://...`: the class's game and codes in the database; its
    last line is the local game's state_hash, and the session verifies there."""
    import os
    import subprocess
    import sys

    from .serving import ROOT

    scenario = find_scenario("tutorial_strait")
    people = scenario.state_ids[:2]
    computer = ",".join(scenario.state_ids[2:])
    url = pg_url.render_as_string(hide_password=False)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "wargame",
            "host",
            "tutorial_strait",
            "--db",
            url,
            "--seed",
            "7",
            "--computer",
            computer,
            "--level",
            LEVEL,
            "--port",
            "0",
            "--bind",
            "127.0.0.1",
            "--linger",
            "0",
            "--quiet",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.stdout is not None
    codes, port = {}, None
    while len(codes) < len(scenario.state_ids):
        line = proc.stdout.readline()
        assert line, proc.stderr.read() if proc.stderr else ""
        if line.startswith("listening:"):
            port = int(line.split()[-1])
        if line.startswith("seat "):
            codes[line.split()[1]] = line.split()[-1]
    outcomes = {}

    def play(seat: str) -> None:
        outcomes[seat] = play_computer_seat(f"127.0.0.1:{port}", seat, codes[seat], LEVEL)[0].reason

    threads = [threading.Thread(target=play, args=(s,), daemon=True) for s in people]
    for t in threads:
        t.start()
    for t in threads:
        t.join(WAIT)
    out, _ = proc.communicate(timeout=WAIT)
    assert outcomes == {s: "game_over" for s in people}
    assert out.strip().splitlines()[-1] == f"state_hash: {local_hash('tutorial_strait', 7, LEVEL)}"
    with SessionStore.open(pg_url, readonly=True) as store:
        assert store.verify(make_player).ok
