"""The player interface: what a computer player (built in or a researcher's own) is given and what
it returns. Players live in `wargame.ai`; the game loop needs only this interface.

A player is handed its seat's view (nothing the seat may not know) and a seeded generator that is
its only source of chance; it returns a Decision: its orders, each with a reason in plain words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from .moves import Order
from .rng import Rng

if TYPE_CHECKING:
    from .view import SeatView


@dataclass
class Decision:
    orders: list[Order] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


class Player(Protocol):
    name: str

    def decide(self, view: SeatView, rng: Rng) -> Decision: ...
