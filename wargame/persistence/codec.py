"""Engine values to and from the JSON text kept in the session file.

Decoding never trusts the file: anything malformed raises `CodecError`, which the store turns
into a SessionError naming the file and the turn.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..events import Event
from ..orders import Order, OrderFormatError, order_from_dict
from ..resolve import OrderResult
from ..scenario import Scenario, ScenarioError, parse_scenario


class CodecError(ValueError):
    """Stored text that does not decode to what it should."""


def dumps(value: Any) -> str:
    """Canonical JSON: the same value always gives the same text (and the same file bytes)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def loads(text: str, what: str) -> Any:
    try:
        return json.loads(text)
    except (TypeError, ValueError) as exc:
        raise CodecError(f"{what} is not valid JSON ({str(exc)[:200]})") from None
    except RecursionError:
        raise CodecError(f"{what} is nested far more deeply than any session's data") from None


# --- scenario -----------------------------------------------------------------------------------


def scenario_to_json(scenario: Scenario) -> str:
    return dumps(scenario.model_dump(mode="json", by_alias=True))


def scenario_from_json(text: str) -> Scenario:
    try:
        return parse_scenario(loads(text, "the stored scenario"), "stored scenario")
    except ScenarioError as exc:
        raise CodecError(f"the stored scenario is not valid: {exc}") from None
    except CodecError:
        raise
    except (TypeError, ValueError, RecursionError) as exc:
        raise CodecError(f"the stored scenario is not valid ({type(exc).__name__})") from None


def check_scenario_round_trip(scenario: Scenario) -> str:
    """The scenario's JSON, after checking it reloads to an equal Scenario (else saving is unsafe)."""
    text = scenario_to_json(scenario)
    if scenario_from_json(text) != scenario:
        raise CodecError(f"scenario {scenario.id!r} does not survive saving and reloading")
    return text


# --- orders, events, results --------------------------------------------------------------------


def orders_to_json(orders: Iterable[Order]) -> str:
    return dumps([o.to_dict() for o in orders])


def order_from_data(data: Any, what: str) -> Order:
    try:
        return order_from_dict(data)
    except (OrderFormatError, TypeError, ValueError, KeyError, AttributeError) as exc:
        raise CodecError(f"{what}: {str(exc)[:200]}") from None
    except RecursionError:
        raise CodecError(f"{what}: nested far more deeply than an order") from None


def orders_from_json(text: str, what: str) -> tuple[Order, ...]:
    data = loads(text, what)
    if not isinstance(data, list):
        raise CodecError(f"{what} is not a list of orders")
    return tuple(order_from_data(d, what) for d in data)


def event_from_data(data: Any, what: str) -> Event:
    try:
        return Event.from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as exc:
        raise CodecError(f"{what}: not an event ({type(exc).__name__})") from None


def intervention_to_json(intervention: Any) -> str:
    from ..facilitator import to_data

    return dumps(to_data(intervention))


def intervention_from_text(text: str, what: str) -> Any:
    """One of the facilitator's stored interventions (wargame.facilitator.records)."""
    from ..facilitator import InterventionFormatError, intervention_from_data

    try:
        return intervention_from_data(loads(text, what))
    except InterventionFormatError as exc:
        raise CodecError(f"{what}: {str(exc)[:200]}") from None


def order_from_text(text: str, what: str) -> Order:
    """One stored order. Orders are immutable values and a session repeats many (the same
    message, the same vote), so decoded orders are shared through a cache."""
    try:
        return _order_from_text(text)
    except CodecError as exc:
        raise CodecError(f"{what}: {exc}") from None


@functools.lru_cache(maxsize=4096)
def _order_from_text(text: str) -> Order:
    return order_from_data(loads(text, "the order"), "the order")


def clear_order_cache() -> None:
    """Forget decoded orders (benchmarks measure a first open, as in a fresh process)."""
    _order_from_text.cache_clear()


def results_to_json(results: Iterable[OrderResult], orders: tuple[Order, ...]) -> str:
    """[[position of the order in the turn's orders, status, reason], ...]: orders are not repeated."""
    unused = list(range(len(orders)))
    out: list[Any] = []
    for r in results:
        position = next((i for i in unused if orders[i] is r.order), None)
        if position is None:
            position = next((i for i in unused if orders[i] == r.order), None)
        if position is None:  # a result for an order the turn does not list: keep it whole
            out.append({"order": r.order.to_dict(), "status": r.status, "reason": r.reason})
            continue
        unused.remove(position)
        out.append([position, r.status, r.reason])
    return dumps(out)


def results_from_json(text: str, orders: tuple[Order, ...], what: str) -> tuple[OrderResult, ...]:
    data = loads(text, what)
    if not isinstance(data, list):
        raise CodecError(f"{what} is not a list")
    try:
        return tuple(_result(d, orders, what) for d in data)
    except (KeyError, IndexError, TypeError, AttributeError) as exc:
        raise CodecError(f"{what}: not an order result ({type(exc).__name__})") from None


def _result(d: Any, orders: tuple[Order, ...], what: str) -> OrderResult:
    if isinstance(d, list):
        position = d[0]
        if type(position) is not int or not 0 <= position < len(orders):
            raise IndexError(position)
        return OrderResult(orders[position], str(d[1]), str(d[2]))
    return OrderResult(
        order_from_data(d["order"], what), str(d["status"]), str(d.get("reason", ""))
    )


def reasons_from_json(text: str, what: str) -> dict[str, tuple[str, ...]]:
    data = loads(text, what)
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise CodecError(f"{what} is not a mapping of seat to reasons")
    return {str(seat): tuple(map(str, why)) for seat, why in data.items()}


# --- seats ----------------------------------------------------------------------------------------

# A computer player: anything with decide(view, rng). Persistence never builds one itself: the
# caller hands in a factory (the GUI and the commands pass `wargame.ai.make_player`), so the store
# does not depend on the players.
Player = Any
PlayerFactory = Callable[[str, "str | None"], Player]

CONTROLLERS = ("human", "computer")
MAX_KIND_LENGTH = 40


@dataclass(frozen=True)
class SeatInfo:
    """Who plays a seat: a person, or a computer player of some kind and doctrine."""

    seat: str
    controller: str  # "human" | "computer"
    player: str | None = (
        None  # a player-factory kind: "heuristic", "random", or a level like "hard"
    )
    doctrine: str | None = None

    @property
    def is_computer(self) -> bool:
        return self.controller == "computer"


def seats_of(
    scenario: Scenario,
    computer: Mapping[str, Player],
    player_factory: PlayerFactory | None = None,
) -> list[SeatInfo]:
    """Who plays each seat, as the file keeps it. With `player_factory`, also checks that each
    computer player can be rebuilt from what is kept."""
    out = []
    for seat in scenario.state_ids:
        player = computer.get(seat)
        out.append(
            SeatInfo(seat, "human")
            if player is None
            else SeatInfo(seat, "computer", *_player_kind(seat, player, player_factory))
        )
    return out


def _player_kind(
    seat: str, player: Player, player_factory: PlayerFactory | None
) -> tuple[str, str | None]:
    """The factory arguments that rebuild this player (a level such as "hard", or its name)."""
    doctrine = getattr(player, "doctrine", None)
    for kind in (getattr(player, "level", None), getattr(player, "name", None)):
        if not isinstance(kind, str) or not kind:
            continue
        if player_factory is None:
            return kind, doctrine
        try:
            if type(player_factory(kind, doctrine)) is type(player):
                return kind, doctrine
        except ValueError:
            continue
    # a player we cannot rebuild would silently change who plays the seat after reopening
    raise CodecError(f"seat {seat}: computer player {type(player).__name__} cannot be saved")


def check_seats(seats: Iterable[SeatInfo]) -> None:
    """The form of each seat's record (its kind is checked when a player is built from it)."""
    for s in seats:
        if s.controller not in CONTROLLERS:
            raise CodecError(
                f"seat {s.seat}: the controller {s.controller!r} is neither human nor computer"
            )
        if not s.is_computer and (s.player is not None or s.doctrine is not None):
            raise CodecError(f"seat {s.seat} is played by a person but names a computer player")
        for value in (s.player, s.doctrine):
            if value is not None and (
                not isinstance(value, str) or not value or len(value) > MAX_KIND_LENGTH
            ):
                raise CodecError(f"seat {s.seat}: {value!r} is not a computer player's kind")


def players_of(seats: Iterable[SeatInfo], player_factory: PlayerFactory) -> dict[str, Player]:
    out = {}
    for s in seats:
        if not s.is_computer:
            continue
        try:
            out[s.seat] = player_factory(s.player or "heuristic", s.doctrine)
        except ValueError as exc:
            raise CodecError(f"seat {s.seat}: {exc}") from None
    return out
