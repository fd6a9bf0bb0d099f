"""A seat played by the computer from a client, start to end: for scripted classes, the tests
and the load benchmark (`wargame join --computer` does the same with a terminal around it)."""

from __future__ import annotations

from collections.abc import Callable

from .client import Outcome, SeatClient
from .protocol import Message
from .seat import ComputerSeat, SeatGame
from .tokens import SeatTokens


def play_computer_seat(
    address: str,
    seat: str,
    code: str | None,
    level: str,
    *,
    tokens: SeatTokens | None = None,
    on_raw: Callable[[str], None] | None = None,
    on_message: Callable[[SeatGame, Message], None] | None = None,
    client_holder: list[SeatClient] | None = None,
    alternates: tuple[str, ...] = (),
) -> tuple[Outcome, SeatGame]:
    """Join and play until the game is over (or the host refuses the seat). `on_message` sees
    each message after the seat's game has taken it in; `client_holder` receives the client, so
    another thread can stop it."""
    game = SeatGame(seat)
    computer = ComputerSeat(level)
    client: SeatClient

    def received(message: Message) -> None:
        game.apply(message)
        if on_message is not None:
            on_message(game, message)
        orders = computer.orders(game)
        if orders is not None:
            client.send(game.submission(orders))

    client = SeatClient(
        address,
        seat,
        code,
        on_message=received,
        on_raw=on_raw,
        tokens=tokens,
        client_name=f"wargame-robot ({level})",
        alternates=alternates,
    )
    if client_holder is not None:
        client_holder.append(client)
    return client.run(), game
