"""What happened during a turn, and why.

Every event carries the numbers that produced it (modifiers, the probability and the roll) so a
player can ask "why?". Events are named in the past tense. `visible_to` limits an event to some
seats (private messages, secret cheating that went undetected); None means public.

Some numbers behind a public event are not public: the exact forces a state lost tell its true
strength, which others may only estimate. Those go in `private`, each addressed to the one seat
that may know it; `for_seat` makes the event as that seat sees it, and the facilitator sees all.
"""

from __future__ import annotations

from typing import Any, NamedTuple

# the addressee of private numbers only the facilitator (control cell) sees; no state id can
# take this form, so no seat's view ever receives them
FACILITATOR = "@facilitator"


class Event(NamedTuple):
    turn: int
    kind: str  # past tense, e.g. "SanctionsImposed"; each family's kinds are a StrEnum
    text: str
    actors: tuple[str, ...] = ()
    numbers: tuple[tuple[str, float], ...] = ()  # what everyone who sees the event may know
    visible_to: tuple[str, ...] | None = None
    private: tuple[tuple[str, str, float], ...] = ()  # (seat, name, value): for that seat only

    def visible_for(self, seat: str | None) -> bool:
        """seat None is the facilitator (control cell), who sees everything."""
        return seat is None or self.visible_to is None or seat in self.visible_to

    def for_seat(self, seat: str | None) -> Event:
        """The event as `seat` sees it: the public numbers and its own private ones."""
        if seat is None or not self.private:
            return self
        mine = tuple((name, value) for who, name, value in self.private if who == seat)
        return self._replace(numbers=self.numbers + mine, private=())

    def to_dict(self) -> dict[str, Any]:
        data = {
            "turn": self.turn,
            "kind": str(self.kind),
            "text": self.text,
            "actors": list(self.actors),
            "numbers": [[k, v] for k, v in self.numbers],
            "visible_to": None if self.visible_to is None else list(self.visible_to),
        }
        if self.private:
            data["private"] = [[who, k, v] for who, k, v in self.private]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        return cls(
            turn=int(data["turn"]),
            kind=str(data["kind"]),
            text=str(data["text"]),
            actors=tuple(data.get("actors", ())),
            numbers=tuple((str(k), float(v)) for k, v in data.get("numbers", ())),
            visible_to=None if data.get("visible_to") is None else tuple(data["visible_to"]),
            private=tuple((str(w), str(k), float(v)) for w, k, v in data.get("private", ())),
        )

    def why(self) -> str:
        """The numbers behind the event, one per line, for the "why?" button."""
        lines = [f"{name}: {_fmt(value)}" for name, value in self.numbers]
        lines += [
            f"{name} ({'facilitator only' if who == FACILITATOR else f'known to {who} only'}): "
            f"{_fmt(value)}"
            for who, name, value in self.private
        ]
        if not lines:
            return "No dice or modifiers were involved: this followed directly from the orders."
        return "\n".join(lines)


def _fmt(value: float) -> str:
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.3f}"
