"""A class served with the browser client on 127.0.0.1 (a free port), the other seats played by
computer clients over the network (`wargame.net.robot`), and the same game played headless."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from wargame.ai import make_player
from wargame.match import Match
from wargame.net.client import SeatClient
from wargame.net.host import ClassHost
from wargame.net.keys import ClassKeys, keys_path
from wargame.net.robot import play_computer_seat
from wargame.net.seat import ComputerSeat, SeatGame
from wargame.net.server import ClassServer
from wargame.net.web_client import WEB_DIR
from wargame.orders import Order
from wargame.persistence import SessionStore
from wargame.players import Decision
from wargame.rng import Rng
from wargame.rules.diplomacy import SendMessage
from wargame.scenario import Scenario
from wargame.state import state_hash
from wargame.view import SeatView

WAIT = 60.0


@dataclass
class Served:
    server: ClassServer
    host: ClassHost
    store: SessionStore
    path: Path
    robots: list[threading.Thread] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.port}/"

    def call(self, fn, *args):  # noqa: ANN001, ANN201 - a host method and its reply, delivered
        return self.server.call(self.host, fn, *args).result(10)


@contextmanager
def served(
    scenario: Scenario, folder: Path, seed: int, level: str = "easy", **host_options
) -> Iterator[Served]:
    """A class of `scenario` saved in `folder`, the browser client at its address."""
    path = folder / "class.wargame"
    match = Match(scenario, seed)
    store = SessionStore.create(path, match, player_factory=make_player)
    host = ClassHost(
        match, ClassKeys.fresh(match.human_seats, keys_path(path)), level=level, **host_options
    )
    server = ClassServer("127.0.0.1", 0, static_dir=WEB_DIR)
    server.add(host)
    server.start()
    s = Served(server, host, store, path)
    try:
        yield s
    finally:
        server.stop()
        for robot in s.robots:
            robot.join(10)
        store.close()


def robots(
    s: Served, seats: Sequence[str], level: str, notes: dict[str, list[SendMessage]]
) -> None:
    """Computer clients for `seats`, each on its own thread; a seat in `notes` also sends those
    messages on the first turn (as `Chatty` does in the headless game)."""
    address = f"127.0.0.1:{s.server.port}"
    for seat in seats:
        extra = tuple(notes.get(seat, ()))
        if extra:
            target, args = _chatty_client, (address, seat, s.host.codes[seat], level, extra)
        else:
            target, args = play_computer_seat, (address, seat, s.host.codes[seat], level)
        thread = threading.Thread(target=target, args=args, daemon=True)
        thread.start()
        s.robots.append(thread)


def _chatty_client(address: str, seat: str, code: str, level: str, extra: tuple) -> None:
    game, computer = SeatGame(seat), ComputerSeat(level)
    client: SeatClient

    def received(message) -> None:  # noqa: ANN001
        game.apply(message)
        orders = computer.orders(game)
        if orders is not None:
            if game.turn == 1:
                orders += extra
            client.send(game.submission(orders))

    client = SeatClient(address, seat, code, on_message=received)
    client.run()


class Chatty:
    """A computer player that also sends some messages on the first turn."""

    def __init__(self, inner, extra: tuple[SendMessage, ...]):  # noqa: ANN001
        self.inner, self.extra = inner, extra
        self.name = inner.name

    def decide(self, view: SeatView, rng: Rng) -> Decision:
        decision = self.inner.decide(view, rng)
        if view.turn == 1:
            decision.orders = [*decision.orders, *self.extra]
        return decision


def headless_hash(
    scenario: Scenario,
    seed: int,
    level: str,
    person: str,
    orders_by_turn: Sequence[Sequence[Order]],
    notes: dict[str, list[SendMessage]],
) -> str:
    """The same game in this process: `person`'s orders as given, every other seat the computer
    (with its notes on the first turn)."""
    computer = {}
    for seat in scenario.state_ids:
        if seat != person:
            player = make_player(level)
            computer[seat] = Chatty(player, tuple(notes[seat])) if seat in notes else player
    match = Match(scenario, seed, computer)
    for orders in orders_by_turn:
        match.submit(person, orders)
        match.resolve_turn()
    assert match.finished, "the orders given cover fewer turns than the game has"
    return state_hash(match.state)
