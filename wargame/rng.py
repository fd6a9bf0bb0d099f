"""The session's seeded random generator.

SplitMix64, written out so that a seed gives the same numbers on every machine and Python version
(the standard library's generators may change between releases). Each turn, and each computer seat
within a turn, draws from its own stream derived from the session seed, so adding a draw in one
place does not shift the numbers anywhere else.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")
_MASK = (1 << 64) - 1


def derive_seed(seed: int, *labels: object) -> int:
    """A 64-bit seed for a named sub-stream, e.g. derive_seed(7, "turn", 3)."""
    if type(seed) is int and all(type(label) in _PLAIN for label in labels):
        return _remembered_seed(seed, labels)
    return _hashed_seed(seed, labels)


# only labels whose text their value alone decides (not bools, enums or floats, which can equal
# an int or a string of another text) are remembered by value
_PLAIN = (str, int)


def _hashed_seed(seed: object, labels: tuple[object, ...]) -> int:
    text = ":".join([str(seed), *map(str, labels)]).encode()
    return int.from_bytes(hashlib.blake2b(text, digest_size=8).digest(), "big")


@functools.lru_cache(maxsize=1 << 16)
def _remembered_seed(seed: int, labels: tuple[object, ...]) -> int:
    """The same seed, hashed once: views and look-ahead derive the same streams again and again."""
    return _hashed_seed(seed, labels)


class Rng:
    __slots__ = ("_state",)

    def __init__(self, seed: int):
        self._state = seed & _MASK

    @classmethod
    def for_turn(cls, seed: int, turn: int) -> Rng:
        return cls(derive_seed(seed, "turn", turn))

    @classmethod
    def for_seat(cls, seed: int, turn: int, seat: str) -> Rng:
        return cls(derive_seed(seed, "seat", turn, seat))

    def copy(self) -> Rng:
        """An independent generator that will draw the same numbers as this one from now on."""
        return Rng(self._state)

    def _next(self) -> int:
        self._state = (self._state + 0x9E3779B97F4A7C15) & _MASK
        z = self._state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
        return z ^ (z >> 31)

    def random(self) -> float:
        """Uniform in [0, 1), with 53 bits like the standard library."""
        return (self._next() >> 11) / 9007199254740992.0

    def uniform(self, low: float, high: float) -> float:
        return low + (high - low) * self.random()

    def below(self, n: int) -> int:
        """Uniform integer in [0, n)."""
        if n <= 0:
            raise ValueError("n must be positive")
        return self._next() % n

    def choice(self, items: Sequence[T]) -> T:
        return items[self.below(len(items))]

    def roll(self, probability: float) -> tuple[bool, float]:
        """(success, the roll) so events can show both the chance and the die."""
        r = self.random()
        return r < probability, r
