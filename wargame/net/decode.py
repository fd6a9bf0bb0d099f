"""A seat's view rebuilt from the data a client receives (`wargame.view.view_data`).

`view_from_data(view_data(v))` gives a view equal to `v` field by field, with every value of the
same type (ints stay ints, enums become enums again), so a computer player on a client decides
exactly as it would on the host, and `view_json` of the rebuilt view is the same text.

The records are rebuilt from their declared field types; anything that does not fit raises
ViewDataError. The scenario is validated like a scenario file when it can be; a scenario trimmed
for one seat (another seat's briefing emptied, secret objectives left out) may not pass the rules
a scenario *file* must follow, and is then rebuilt from its declared fields without them.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import types
import typing
from typing import Any, Literal, Union

from pydantic import BaseModel, ValidationError

from ..events import Event
from ..scenario import Scenario
from ..state import GameState
from ..view import SeatView


class ViewDataError(ValueError):
    """Data that does not describe a seat's view."""


def view_from_data(data: Any) -> SeatView:
    if not isinstance(data, dict):
        raise ViewDataError("a view is an object with 'seat', 'scenario', 'state' and 'events'")
    try:
        scenario = scenario_from_data(data["scenario"])
        state = state_from_data(data["state"], scenario)
        events = tuple(_convert(Event, e, "events") for e in data["events"])
        seat = data["seat"]
    except KeyError as exc:
        raise ViewDataError(f"the view has no {exc.args[0]!r}") from None
    except TypeError as exc:
        raise ViewDataError(f"the view is not well formed ({exc})") from None
    if seat is not None and not isinstance(seat, str):
        raise ViewDataError("the view's seat is not a state id")
    private_seed = data.get("private_seed", 0)
    if isinstance(private_seed, bool) or not isinstance(private_seed, int):
        raise ViewDataError("the view's private seed is not a whole number")
    return SeatView(seat, state, events, private_seed)


def scenario_from_data(data: Any) -> Scenario:
    if not isinstance(data, dict):
        raise ViewDataError("the view's scenario is not an object")
    try:
        return Scenario.model_validate(data)
    except ValidationError:
        return _construct(Scenario, data, "scenario")  # trimmed for a seat: see the module doc


def state_from_data(data: Any, scenario: Scenario) -> GameState:
    if not isinstance(data, dict):
        raise ViewDataError("the view's state is not an object")
    if data.get("scenario") != scenario.id:
        raise ViewDataError("the view's state is not of its scenario")
    if data.get("scenario_digest") != scenario.digest:
        raise ViewDataError("the view's state was made from another version of its scenario")
    hints = _hints(GameState)
    values: dict[str, Any] = {}
    for f in dataclasses.fields(GameState):
        if f.name == "scenario":
            continue
        if f.name in data:
            values[f.name] = _convert(hints[f.name], data[f.name], f"state.{f.name}")
    unknown = set(data) - {f.name for f in dataclasses.fields(GameState)} - {"scenario_digest"}
    if unknown:
        raise ViewDataError(f"the view's state has unknown fields: {', '.join(sorted(unknown))}")
    try:
        return GameState(scenario=scenario, **values)
    except TypeError as exc:
        raise ViewDataError(f"the view's state is incomplete ({exc})") from None


# --- values by their declared type ----------------------------------------------------------------


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _convert(hint: Any, value: Any, where: str) -> Any:
    """`value` (as JSON carried it) as the type `hint` declares, keeping ints and floats apart."""
    origin = typing.get_origin(hint)
    if hint is Any:
        return value
    if origin in (Union, types.UnionType):
        options = typing.get_args(hint)
        if value is None and type(None) in options:
            return None
        problems = []
        for option in options:
            if option is type(None):
                continue
            try:
                return _convert(option, value, where)
            except ViewDataError as exc:
                problems.append(str(exc))
        raise ViewDataError(problems[0] if problems else f"{where}: unexpected null")
    if origin is tuple:
        args = typing.get_args(hint)
        if not isinstance(value, list | tuple):
            raise ViewDataError(f"{where}: expected a list")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v, f"{where}[{i}]") for i, v in enumerate(value))
        if len(args) != len(value):
            raise ViewDataError(f"{where}: expected {len(args)} items")
        return tuple(
            _convert(a, v, f"{where}[{i}]")
            for i, (a, v) in enumerate(zip(args, value, strict=True))
        )
    if origin is Literal:
        if value not in typing.get_args(hint):
            raise ViewDataError(f"{where}: unexpected value {value!r}")
        return value
    if isinstance(hint, type):
        if issubclass(hint, enum.Enum):
            try:
                return hint(value)
            except ValueError:
                raise ViewDataError(f"{where}: unexpected value {value!r}") from None
        if issubclass(hint, tuple) and hasattr(hint, "_fields"):  # a record
            return _record(hint, value, where)
        if hint is float:
            if isinstance(value, int | float) and not isinstance(value, bool):
                return value  # an int stays an int: the canonical JSON tells them apart
        elif hint is int:
            if isinstance(value, int) and not isinstance(value, bool):
                return value
        elif hint in (str, bool):
            if isinstance(value, hint):
                return value
        else:
            raise ViewDataError(f"{where}: cannot read a {hint.__name__}")
        raise ViewDataError(f"{where}: expected {hint.__name__}, found {type(value).__name__}")
    raise ViewDataError(f"{where}: cannot read {hint!r}")


def _record(cls: type, value: Any, where: str) -> Any:
    if not isinstance(value, dict):
        raise ViewDataError(f"{where}: expected an object")
    hints = _hints(cls)
    unknown = set(value) - set(cls._fields)  # type: ignore[attr-defined]
    if unknown:
        raise ViewDataError(f"{where}: unknown fields {', '.join(sorted(unknown))}")
    fields = {k: _convert(hints[k], v, f"{where}.{k}") for k, v in value.items()}
    try:
        return cls(**fields)
    except TypeError:
        raise ViewDataError(f"{where}: missing fields") from None


def _construct(cls: type[BaseModel], data: Any, where: str) -> BaseModel:
    """A model built from its declared fields without its validation rules."""
    if not isinstance(data, dict):
        raise ViewDataError(f"{where}: expected an object")
    values = {}
    for name, field in cls.model_fields.items():
        key = field.alias or name
        if key in data:
            values[name] = _construct_value(field.annotation, data[key], f"{where}.{key}")
    return cls.model_construct(**values)


def _construct_value(hint: Any, value: Any, where: str) -> Any:
    origin = typing.get_origin(hint)
    if origin is typing.Annotated:
        return _construct_value(typing.get_args(hint)[0], value, where)
    if origin in (Union, types.UnionType):
        options = [o for o in typing.get_args(hint) if o is not type(None)]
        if value is None:
            return None
        models = [o for o in options if isinstance(o, type) and issubclass(o, BaseModel)]
        if models and isinstance(value, dict):  # a tagged union: the model whose "type" fits
            for model in models:
                tag = model.model_fields.get("type")
                if tag is None or value.get("type") in typing.get_args(tag.annotation):
                    return _construct(model, value, where)
            raise ViewDataError(f"{where}: unknown type {value.get('type')!r}")
        return _construct_value(options[0], value, where) if len(options) == 1 else value
    if origin is tuple:
        args = typing.get_args(hint)
        if not isinstance(value, list | tuple):
            raise ViewDataError(f"{where}: expected a list")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_construct_value(args[0], v, where) for v in value)
        return tuple(_construct_value(a, v, where) for a, v in zip(args, value, strict=False))
    if isinstance(hint, type) and issubclass(hint, BaseModel):
        return _construct(hint, value, where)
    return value
