"""What a client that runs no engine (the browser) needs beyond its seat's view, made by the host.

A desktop client works out the legal orders and the score itself from the view it receives; a
browser page cannot, and must not re-implement the rules. So for a client whose hello asks for it
the host sends, with every view, a `Guide`: the seat's objectives as met or not now, its standing,
and every move with the orders the seat may give now (from `legality.legal_orders`), each field's
value in words, and the move's help (what it does, costs and risks). At the end it sends the seat's
`Debrief`.

Everything here is computed from the seat's own view (`view_for`), never from the true state, so
a guide holds nothing the view does not: other states' figures are estimates, other seats' secret
objectives are not there to be scored. The host checks every order again when it is handed in.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..debrief import build_report, played_from_match
from ..debrief.words import (
    ANSWER_WORDS,
    MEASURE_WORDS,
    REFERENCES,
    RESOLUTION_WORDS,
    TREATY_WORDS,
    Words,
    number,
    percent,
)
from ..enums import Rung
from ..legality import MAX_ACTIONS_PER_TURN, legal_orders
from ..match import Match
from ..moves import Move, Order
from ..rules import STANDARD
from ..rules.common import others
from ..rules.diplomacy import MAX_MESSAGE_CHARS, SendMessage
from ..scoring import score
from ..state import GameState, by_id
from ..view import SeatView
from ..wording import field_label
from .protocol import (
    Candidate,
    Debrief,
    FamilyChoices,
    Guide,
    MoveChoices,
    MoveHelpText,
    ObjectiveNow,
    OrderField,
    StandingNow,
)

# yes and no in a form's words, per field (answers use the debrief's words)
CHOICE_WORDS = {**ANSWER_WORDS, "public": ("public", "private")}
WIDGETS = ("choice", "states", "text", "number", "fraction")


def seat_guide(view: SeatView) -> Guide:
    """The guide for the seat of `view` (a state's id, not the facilitator's or the public's)."""
    seat, state = view.seat, view.state
    if seat is None or seat not in state.ids:
        raise ValueError("a guide is made for one state's seat")
    standing = score(state, seat)
    legal = list(dict.fromkeys(legal_orders(state, seat)))  # each order once
    words = Words(state.scenario)
    families = [
        FamilyChoices(
            id=family.id,
            title=family.title,
            moves=[
                _move_choices(move, [o for o in legal if type(o) is move.order], state, words)
                for move in family.moves
                if move.order is not SendMessage  # messages have a composer of their own
            ],
        )
        for family in STANDARD.families
        if family.moves
    ]
    return Guide(
        turn=state.turn,
        objectives=[
            ObjectiveNow(
                id=r.objective.id,
                text=r.objective.text,
                points=r.objective.points,
                secret=r.objective.secret,
                met=r.met,
            )
            for r in standing.objectives
        ],
        standing=StandingNow(
            objective_points=standing.objective_points,
            possible_points=standing.possible_points,
            obligation_points=standing.obligation_points,
            total=standing.total,
            outcome=standing.outcome,
        ),
        families=families,
        max_actions=MAX_ACTIONS_PER_TURN,
        message_to=[] if state.finished else others(state, seat),
        max_message_chars=MAX_MESSAGE_CHARS,
        ladder=[r.words for r in Rung],
    )


def seat_debrief(match: Match, seat: str) -> Debrief:
    """The seat's after-action report, as data."""
    report = build_report(played_from_match(match), seat)
    return Debrief(report=dataclasses.asdict(report))


# --- one move --------------------------------------------------------------------------------


def _move_choices(move: Move, legal: list[Order], state: GameState, words: Words) -> MoveChoices:
    h = move.help
    fields = [
        OrderField(name=name, label=field_label(move.kind, name), widget=_widget(move, name))
        for name in order_fields(move)
    ]
    choices = [f.name for f in fields if f.widget == "choice"]
    return MoveChoices(
        kind=move.kind,
        label=move.label,
        costs_action=move.costs_action,
        help=MoveHelpText(what=h.what, costs=h.costs, risks=h.risks, when=h.when),
        fields=fields,
        candidates=[_candidate(o, choices, state, words) for o in legal],
        answers=move.answer.ref if move.answer else None,
        unavailable=None if legal else f"Not possible now. {h.when}",
    )


def order_fields(move: Move) -> list[str]:
    """The fields a player sets, in the order a form asks for them: the move's declared order
    first, then any other field."""
    names = [f.name for f in dataclasses.fields(move.order) if f.name != "actor"]
    first = [n for n in move.field_order if n in names]
    return first + [n for n in names if n not in first]


def _widget(move: Move, name: str) -> str:
    widget = move.free_fields.get(name, "choice")
    return widget if widget in WIDGETS else "text"


def _candidate(order: Order, choices: list[str], state: GameState, words: Words) -> Candidate:
    """The order, and the words of its choice fields (a page words the terms a player sets)."""
    data = order.to_dict()
    short, details = {}, {}
    for name in choices:
        value = data.get(name)
        if value is None or value == "" or value == []:
            continue
        short[name] = value_words(order, name, value, state, words)
        if name.endswith("status"):
            long = value_words(order, name, value, state, words, detailed=True)
            if long != short[name]:
                details[name] = long
    # built as given, not validated again: hundreds per guide, and made here from typed values
    return Candidate.model_construct(order=data, words=short, details=details)


def value_words(
    order: Order, field: str, value: Any, state: GameState, words: Words, detailed: bool = False
) -> str:
    """One value of an order's field in words: names, not ids. `detailed`: as a form offers it,
    with what a status of an issue at stake means."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        yes, no = CHOICE_WORDS.get(field, ("yes", "no"))
        return (yes if value else no).capitalize()
    if isinstance(value, list):
        return words.names_of(tuple(str(v) for v in value))
    if field == "treaty":
        if order.kind == "ProposeAgreement":
            return TREATY_WORDS.get(value, str(value).replace("_", " "))
        treaty = state.treaty(value)
        if treaty is None:
            return str(value)
        members = words.names_of([m for m in treaty.members if m != order.actor])
        return f"the {TREATY_WORDS.get(treaty.kind, treaty.kind)} with {members}"
    if field == "measure":
        return MEASURE_WORDS.get(value, str(value))
    if field == "resolution":
        return RESOLUTION_WORDS.get(value, str(value).replace("_", " "))
    if field in REFERENCES:
        record = by_id(getattr(state, REFERENCES[field]), value)
        return words.record(field, record) if record is not None else str(value)
    issue = _issue_of(order, field, state)
    if issue is not None:  # an issue at stake, or the status an order asks of it
        if field.endswith("issue"):
            return issue.name
        outcome = issue.outcomes.get(value) if detailed else None
        return f"{value.replace('_', ' ')}: {outcome}" if outcome else value.replace("_", " ")
    if field == "verification" and isinstance(value, float):
        return percent(value)
    if isinstance(value, float):
        return number(value)
    if isinstance(value, str):
        named = words.name(value)
        return named[:1].upper() + named[1:]
    return str(value)


def _issue_of(order: Order, field: str, state: GameState) -> Any:
    """The issue at stake a field names (`issue`, `demand_issue`...) or whose status it gives
    (`status`, `demand_status`...: the issue in the field of the same prefix), if any."""
    if not isinstance(value := getattr(order, field, None), str):
        return None
    if field.endswith("issue"):
        issue_id = value
    elif field.endswith("status"):
        issue_id = getattr(order, field[: -len("status")] + "issue", None)
    else:
        return None
    find = getattr(state.scenario, "issue", None)  # scenarios with issues at stake
    return find(issue_id) if callable(find) and isinstance(issue_id, str) else None
