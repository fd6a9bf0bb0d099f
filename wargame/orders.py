"""Orders as data: the order types of the standard rules, and reading an order from the dict
({"kind": "ImposeSanctions", "actor": ..., ...}) it travels as in the session log and over the
network. Each order type is declared, with its move, in its family's rules module.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from pydantic import TypeAdapter, ValidationError

from .moves import Order, Ruleset
from .rules import STANDARD

ORDER_TYPES: dict[str, type[Order]] = STANDARD.order_types


class OrderFormatError(ValueError):
    """An order dict that does not describe an order (unknown kind, missing or mistyped field)."""


def order_from_dict(data: Any, rules: Ruleset = STANDARD) -> Order:
    """The order a dict describes, its fields checked as JSON would carry them (exact types,
    known choices, no unknown fields); raises OrderFormatError saying what is wrong."""
    if not isinstance(data, dict):
        raise OrderFormatError(f"an order must be a mapping, got {type(data).__name__}")
    kind = data.get("kind")
    cls = rules.order_types.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise OrderFormatError(f"unknown order kind {kind!r}")
    fields = {k: v for k, v in data.items() if k != "kind"}
    try:
        text = json.dumps(fields, allow_nan=False)
    except (TypeError, ValueError, RecursionError):
        raise OrderFormatError(f"{kind}: fields are not plain JSON values") from None
    try:
        return _adapter(cls).validate_json(text)
    except ValidationError as exc:
        raise OrderFormatError(f"{kind}: {_describe(exc)}") from None


@functools.cache
def _adapter(cls: type[Order]) -> TypeAdapter:
    return TypeAdapter(cls)


def _describe(exc: ValidationError) -> str:
    problems = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error["loc"]) or "order"
        if error["type"] == "missing":
            problems.append(f"field {where!r} is required")
        elif error["type"] == "unexpected_keyword_argument":
            problems.append(f"unknown field {where!r}")
        else:
            problems.append(f"{where}: {error['msg'].lower()}")
    return "; ".join(problems)
