"""Plays a session into a file and reports each commit; test_crash.py kills it at random moments.

    python tests/persistence/crash_player.py FILE SEED    play one session, reports on stdout
                                                          (FILE may be a database URL)
    python tests/persistence/crash_player.py --serve      fork a player per request (see serve)

Two seats are "people" whose orders a computer player picks and submits one by one (so the file
gets submissions as well as turns); the rest are computer seats. A report line is written only
after the store has committed: "created", "saved orders TURN SEAT", "saved turn TURN", "done".
"""

from __future__ import annotations

import functools
import os
import sys
import tempfile
from collections.abc import Callable

from wargame.ai import make_player
from wargame.match import Match, TurnRecord
from wargame.orders import Order
from wargame.persistence import SessionStore
from wargame.rng import Rng
from wargame.scenario import Scenario
from wargame.scenario.library import find_scenario

Report = Callable[[str], None]


class Reporting:
    """The store as recorder, reporting each commit once it has returned."""

    def __init__(self, store: SessionStore, report: Report):
        self.store = store
        self.report = report

    def orders_submitted(self, match: Match, seat: str, orders: tuple[Order, ...]) -> None:
        self.store.orders_submitted(match, seat, orders)
        self.report(f"saved orders {match.state.turn} {seat}")

    def turn_resolved(self, match: Match, record: TurnRecord) -> None:
        self.store.turn_resolved(match, record)
        self.report(f"saved turn {record.turn}")


@functools.cache
def northern_sea() -> Scenario:
    return find_scenario("northern_sea")  # loaded once by the server, before it forks


def play(path: str, seed: int, report: Report) -> None:
    """`path`: a session file, or a database URL (then "session ID" follows "created")."""
    scenario = northern_sea()
    people = scenario.state_ids[:2]
    match = Match(scenario, seed, [s for s in scenario.state_ids if s not in people])
    if "://" in path:
        from sqlalchemy.engine import make_url

        store = SessionStore.create(make_url(path), match)
        report("created")
        report(f"session {store.session_id}")
    else:
        store = SessionStore.create(path, match)
        report("created")
    match.recorder = Reporting(store, report)
    stand_in = make_player()
    while not match.finished:
        for seat in people:
            decision = stand_in.decide(match.view(seat), Rng.for_seat(seed, match.state.turn, seat))
            match.submit(seat, decision.orders)
        match.resolve_turn()
    report("done")


def append_to(report_file: str) -> Report:
    fd = os.open(report_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    return lambda text: (
        os.write(fd, f"{text}\n".encode()) and None
    )  # one write per line: never torn


def serve() -> None:
    """A warmed-up parent that forks one player per request, so a run costs no interpreter start.

    Requests on stdin, one per line: "run FILE SEED REPORTFILE" -> replies "pid N" (the child
    appends its reports to REPORTFILE); "reap N" -> waits for that child, replies "reaped".
    """
    with tempfile.TemporaryDirectory() as warm_up:  # children start with every cache filled
        play(os.path.join(warm_up, "warm.wargame"), 0, lambda text: None)
    for line in sys.stdin:
        command, *args = line.split()
        if command == "run":
            path, seed, report_file = args
            pid = os.fork()
            if pid == 0:
                play(path, int(seed), append_to(report_file))
                os._exit(0)
            print(f"pid {pid}", flush=True)
        elif command == "reap":
            os.waitpid(int(args[0]), 0)
            print("reaped", flush=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["--serve"]:
        serve()
    else:
        play(sys.argv[1], int(sys.argv[2]), lambda text: print(text, flush=True))
