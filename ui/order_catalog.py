"""The orders panel's data: every move of the rules, with the choices that are legal now.

Built from `legal_orders` for the seat (the engine decides what is legal; this module only
arranges it). A form asks for one field at a time; the choices for a field are the values found
in the legal orders that match what was already chosen, so a form can only ever produce a legal
order. A few fields are free (an ultimatum's wording, the parties and terms of a proposal); orders
built with them are checked again with `check_orders`, and the reason is shown if they fail.
Pure Python: no Qt.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from wargame.legality import check_order, legal_orders
from wargame.moves import Answer, MoveHelp, Order
from wargame.rules import STANDARD
from wargame.rules.diplomacy import SendMessage
from wargame.state import GameState
from wargame.wording import field_label

UNCLEAR_REASON_MARKERS = ("with that id", "''", "name the two", "unknown")


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    widget: str  # choice | states | text | number | fraction


@dataclass(frozen=True)
class KindOptions:
    kind: str
    label: str
    family: str
    costs_action: bool
    candidates: tuple[Order, ...]
    fields: tuple[FieldSpec, ...]
    family_title: str
    help: MoveHelp
    answer: Answer | None  # set for moves that answer something addressed to the seat
    unavailable: str | None = None  # why there is no legal order of this kind now

    @property
    def available(self) -> bool:
        return bool(self.candidates)


def order_fields(cls: type[Order]) -> list[str]:
    names = [f.name for f in dataclasses.fields(cls) if f.name != "actor"]
    preferred = cls.move.field_order
    return [n for n in preferred if n in names] if preferred else names


def build_catalog(state: GameState, seat: str) -> list[KindOptions]:
    """Every move of the rules except messages (see the composer), family by family as the
    rules declare them, legal ones with their choices."""
    legal = legal_orders(state, seat)
    out = []
    for family in STANDARD.families:
        for move in family.moves:
            if move.order is SendMessage:
                continue
            kind = move.kind
            candidates = tuple(o for o in legal if type(o) is move.order)
            fields = tuple(
                FieldSpec(
                    n,
                    field_label(kind, n),
                    move.free_fields.get(n, "choice"),
                )
                for n in order_fields(move.order)
            )
            unavailable = None if candidates else unavailable_reason(state, seat, move.order)
            out.append(
                KindOptions(
                    kind,
                    move.label,
                    family.id,
                    move.costs_action,
                    candidates,
                    fields,
                    family.title,
                    move.help,
                    move.answer,
                    unavailable,
                )
            )
    return out


def unavailable_reason(state: GameState, seat: str, cls: type[Order]) -> str:
    """The engine's reason when a natural probe order explains it; else when the move is possible."""
    when = cls.move.help.when
    probe = _probe(state, seat, cls)
    reason = check_order(state, probe) if probe is not None else None
    if reason and not any(m in reason for m in UNCLEAR_REASON_MARKERS):
        return f"Not possible now: {reason}. {when}"
    return f"Not possible now. {when}"


def _probe(state: GameState, seat: str, cls: type[Order]) -> Order | None:
    others = [s for s in state.ids if s != seat]
    if not others:
        return None
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name in ("target", "against"):
            values[f.name] = others[0]
        elif f.name == "treaty" and cls.__name__ != "ProposeAgreement":
            mine = state.active_treaties(member=seat)
            if not mine:
                return None
            values[f.name] = mine[0].id
        elif f.name in ("to",):
            values[f.name] = (others[0],)
    try:
        return cls(seat, **values)
    except TypeError:
        return None


# --- one form's choices ---------------------------------------------------------------------


def _matching(
    options: KindOptions, chosen: Mapping[str, Any], upto: str | None = None
) -> list[Order]:
    """Candidates that agree with the choices made in the choice fields before `upto`."""
    out = list(options.candidates)
    for spec in options.fields:
        if spec.name == upto:
            break
        if spec.widget == "choice" and spec.name in chosen:
            out = [o for o in out if getattr(o, spec.name) == chosen[spec.name]]
    return out


def choices(options: KindOptions, field: str, chosen: Mapping[str, Any]) -> list[Any]:
    """The values a field may take, given the earlier choices (in the order they appear)."""
    values: list[Any] = []
    spec = next(s for s in options.fields if s.name == field)
    for o in _matching(options, chosen, upto=field):
        value = getattr(o, field)
        items = value if spec.widget == "states" else (value,)
        for item in items:
            if item not in values:
                values.append(item)
    return values


def shown(options: KindOptions, field: str, chosen: Mapping[str, Any]) -> bool:
    """A field is shown unless its only possible value is empty (e.g. no cap for a pact)."""
    values = choices(options, field, chosen)
    return bool(values) and values != [None] and values != [""]


def default_value(options: KindOptions, field: str, chosen: Mapping[str, Any]) -> Any:
    matching = _matching(options, chosen, upto=field)
    return getattr(matching[0], field) if matching else None


def make_order(options: KindOptions, chosen: Mapping[str, Any]) -> Order | None:
    """The order the form describes: the matching legal order with the free fields filled in."""
    matching = _matching(options, chosen)
    if not matching:
        return None
    free = {}
    for spec in options.fields:
        if spec.widget != "choice" and spec.name in chosen and shown(options, spec.name, chosen):
            value = chosen[spec.name]
            free[spec.name] = tuple(value) if spec.widget == "states" else value
    return dataclasses.replace(matching[0], **free)
