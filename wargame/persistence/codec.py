"""Engine values to and from the JSON text kept in the session file.

Decoding never trusts the file: anything malformed raises `CodecError`, which the store turns
into a SessionError naming the file and the turn.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..ai import Player, make_player
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
        raise CodecError(f"{what} is not valid JSON ({exc})") from None


# --- scenario -----------------------------------------------------------------------------------


def scenario_to_json(scenario: Scenario) -> str:
    return dumps(scenario.model_dump(mode="json", by_alias=True))


def scenario_from_json(text: str) -> Scenario:
    try:
        return parse_scenario(loads(text, "the stored scenario"), "stored scenario")
    except ScenarioError as exc:
        raise CodecError(f"the stored scenario is not valid: {exc}") from None


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
    except OrderFormatError as exc:
        raise CodecError(f"{what}: {exc}") from None


def orders_from_json(text: str, what: str) -> tuple[Order, ...]:
    data = loads(text, what)
    if not isinstance(data, list):
        raise CodecError(f"{what} is not a list of orders")
    return tuple(order_from_data(d, what) for d in data)


def event_from_data(data: Any, what: str) -> Event:
    try:
        return Event.from_dict(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise CodecError(f"{what}: not an event ({exc!r})") from None


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
        return tuple(
            OrderResult(orders[d[0]], str(d[1]), str(d[2]))
            if isinstance(d, list)
            else OrderResult(
                order_from_data(d["order"], what), str(d["status"]), str(d.get("reason", ""))
            )
            for d in data
        )
    except (KeyError, IndexError, TypeError) as exc:
        raise CodecError(f"{what}: not an order result ({exc!r})") from None


def reasons_from_json(text: str, what: str) -> dict[str, tuple[str, ...]]:
    data = loads(text, what)
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise CodecError(f"{what} is not a mapping of seat to reasons")
    return {str(seat): tuple(map(str, why)) for seat, why in data.items()}


# --- seats ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SeatInfo:
    """Who plays a seat: a person, or a computer player of some kind and doctrine."""

    seat: str
    controller: str  # "human" | "computer"
    player: str | None = None  # a make_player kind: "heuristic", "random", or a level like "hard"
    doctrine: str | None = None

    @property
    def is_computer(self) -> bool:
        return self.controller == "computer"


def seats_of(scenario: Scenario, computer: Mapping[str, Player]) -> list[SeatInfo]:
    out = []
    for seat in scenario.state_ids:
        player = computer.get(seat)
        out.append(
            SeatInfo(seat, "human")
            if player is None
            else SeatInfo(seat, "computer", *_player_kind(seat, player))
        )
    return out


def _player_kind(seat: str, player: Player) -> tuple[str, str | None]:
    """The make_player arguments that rebuild this player (a level such as "hard", or its name)."""
    doctrine = getattr(player, "doctrine", None)
    for kind in (getattr(player, "level", None), getattr(player, "name", None)):
        if not isinstance(kind, str):
            continue
        try:
            if type(make_player(kind, doctrine)) is type(player):
                return kind, doctrine
        except ValueError:
            continue
    # a player we cannot rebuild would silently change who plays the seat after reopening
    raise CodecError(f"seat {seat}: computer player {type(player).__name__} cannot be saved")


def players_of(seats: Iterable[SeatInfo]) -> dict[str, Player]:
    try:
        return {
            s.seat: make_player(s.player or "heuristic", s.doctrine) for s in seats if s.is_computer
        }
    except ValueError as exc:
        raise CodecError(f"seat players: {exc}") from None
