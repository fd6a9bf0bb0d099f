"""What happened during a turn, and why.

Every event carries the numbers that produced it (modifiers, the probability and the roll) so a
player can ask "why?". Events are named in the past tense. `visible_to` limits an event to some
seats (private messages, secret cheating that went undetected); None means public.
"""

from __future__ import annotations

from typing import Any, NamedTuple


class Event(NamedTuple):
    """Immutable; a named tuple rather than a frozen dataclass because a turn makes a score of
    them and a tuple is built in a third of the time."""

    turn: int
    kind: str  # past tense, e.g. "SanctionsImposed"
    text: str
    actors: tuple[str, ...] = ()
    numbers: tuple[tuple[str, float], ...] = ()
    visible_to: tuple[str, ...] | None = None

    def visible_for(self, seat: str | None) -> bool:
        """seat None is the facilitator (control cell), who sees everything."""
        return seat is None or self.visible_to is None or seat in self.visible_to

    def to_dict(self) -> dict[str, Any]:
        return {
            "turn": self.turn,
            "kind": self.kind,
            "text": self.text,
            "actors": list(self.actors),
            "numbers": [[k, v] for k, v in self.numbers],
            "visible_to": None if self.visible_to is None else list(self.visible_to),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        return cls(
            turn=int(data["turn"]),
            kind=str(data["kind"]),
            text=str(data["text"]),
            actors=tuple(data.get("actors", ())),
            numbers=tuple((str(k), float(v)) for k, v in data.get("numbers", ())),
            visible_to=None if data.get("visible_to") is None else tuple(data["visible_to"]),
        )

    def why(self) -> str:
        """The numbers behind the event, one per line, for the "why?" button."""
        if not self.numbers:
            return "No dice or modifiers were involved: this followed directly from the orders."
        return "\n".join(f"{name}: {_fmt(value)}" for name, value in self.numbers)


def _fmt(value: float) -> str:
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.3f}"
