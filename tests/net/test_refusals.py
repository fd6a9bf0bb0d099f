"""A refused submission costs a computer seat only the refused orders, never its seat; what
truly ends a seat still ends it, with the host's reason; and a class removed from a server while
a client joins it never keeps that client in a host nothing runs."""

from __future__ import annotations

import json
import threading
import time

from wargame.net import robot
from wargame.net.protocol import Error, Rejected
from wargame.net.robot import play_computer_seat
from wargame.net.seat import ComputerSeat
from wargame.orders import order_from_dict

from .helpers import WAIT, hello, local_hash, raw_socket, served

LEVEL = "easy"
# an order the host's legality check refuses: aurelia cannot speak for borduria
FORGED = {"kind": "SendMessage", "actor": "borduria", "to": ["aurelia"], "text": "x"}


class _Forger:
    """Aurelia's player, adding to every decision an order the host refuses."""

    def __init__(self, player):  # noqa: ANN001
        self.player = player

    def decide(self, view, rng):  # noqa: ANN001, ANN201
        decision = self.player.decide(view, rng)
        if view.seat == "aurelia":
            decision.orders.insert(0, order_from_dict(FORGED))
        return decision


class ForgingSeat(ComputerSeat):
    def __init__(self, level: str):
        super().__init__(level)
        self.player = _Forger(self.player)


def test_a_seat_whose_orders_are_refused_keeps_its_seat_and_the_game_ends(
    tutorial, tmp_path, monkeypatch
):
    """Every turn the host refuses aurelia's submission (one order is another seat's): the seat
    hands in the rest and stays, and the game ends as the local one. (It used to decide and
    hand in the same orders at once after each refusal, until the host cut it off for flooding
    and the class waited for it forever.)"""
    monkeypatch.setattr(robot, "ComputerSeat", ForgingSeat)
    with served(tutorial, tmp_path, level=LEVEL) as s:
        results, holders = {}, {seat: [] for seat in s.host.seats}
        seen: list = []

        def play(seat: str) -> None:
            def on_message(game, message) -> None:  # noqa: ANN001
                if seat == "aurelia" and isinstance(message, Rejected | Error):
                    seen.append(message)

            results[seat] = play_computer_seat(
                s.address,
                seat,
                s.host.codes[seat],
                LEVEL,
                on_message=on_message,
                client_holder=holders[seat],
            )

        threads = [threading.Thread(target=play, args=(x,)) for x in s.host.seats]
        for t in threads:
            t.start()
        deadline = time.monotonic() + WAIT
        for t in threads:
            t.join(max(0.0, deadline - time.monotonic()))
        for holder in holders.values():  # a seat still waiting would fail the test, not hang it
            for client in holder:
                client.stop()
        for t in threads:
            t.join(10)
    outcomes = {seat: (o.reason, o.error) for seat, (o, _) in results.items()}
    assert outcomes == {seat: ("game_over", None) for seat in s.host.seats}, outcomes
    expected = local_hash(tutorial, 7, LEVEL)  # the refused order was all it lost
    assert {g.state_hash for _, g in results.values()} == {expected}
    assert all(isinstance(m, Rejected) for m in seen), seen
    assert len(seen) == tutorial.turns  # one refusal a turn: never the same orders again
    assert all("belongs to borduria" in m.reasons[0].reason for m in seen)
    assert all(m.reasons[0].index == 0 for m in seen)


def test_a_seat_the_host_turns_away_ends_with_the_reason(tutorial, tmp_path):
    with served(tutorial, tmp_path, level=LEVEL) as s:
        outcome, game = play_computer_seat(s.address, "aurelia", "AAAA-AAAA", LEVEL)
    assert outcome.reason == "refused" and not game.joined
    assert outcome.error is not None and outcome.error.code == "wrong_code"


def test_a_client_joining_a_class_as_it_is_removed_is_told_to_come_back(tutorial, tmp_path):
    """`wargame serve` removes a class (its lease went elsewhere) while a hello for it is being
    seated: the client is told to reconnect, not seated in the removed host, where its orders
    went nowhere and it waited forever."""
    with served(tutorial, tmp_path, level=LEVEL) as s:
        seating, go_on = threading.Event(), threading.Event()
        connect = s.host.connect

        def slow_connect(conn, message):  # noqa: ANN001, ANN202
            seating.set()
            go_on.wait(10)
            return connect(conn, message)

        s.host.connect = slow_connect  # type: ignore[method-assign]
        with raw_socket(s.address) as ws:
            ws.send(hello("aurelia", s.host.codes["aurelia"]))
            assert seating.wait(10)
            s.server.remove_running(s.host)
            go_on.set()
            first = json.loads(ws.recv(timeout=10))
    assert first["type"] == "error", first
    assert first["code"] == "closing" and first["retry"]
