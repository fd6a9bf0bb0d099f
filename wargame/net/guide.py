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
import functools
from typing import Any

from ..debrief import build_report, played_from_match
from ..debrief.why_outcome import why_outcome
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
from ..moves import Move, Order, field_names
from ..rules import STANDARD
from ..rules.common import others
from ..rules.diplomacy import MAX_MESSAGE_CHARS, SendMessage
from ..scoring import score
from ..state import GameState, by_id
from ..view import SeatView
from ..wording import field_label
from .protocol import (
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
    by_type: dict[type[Order], list[Order]] = {}  # each order once, by move
    for order in dict.fromkeys(legal_orders(state, seat)):
        by_type.setdefault(type(order), []).append(order)
    words = Words(state.scenario)
    wording = _Wording(state, words)
    families = [
        FamilyChoices(
            id=family.id,
            title=family.title,
            moves=[
                _move_choices(_Form.of(move), by_type.get(move.order, []), wording)
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
            why=why_outcome(state, seat, words),
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
# A class makes a guide per seat per turn on its host's thread, each with every move and a few
# hundred candidate orders: what is the same in every guide is worked out once per move, and
# the words of a value once per guide.


@dataclasses.dataclass(frozen=True)
class _Form:
    """What every guide says of a move: its form's fields and help, and its choices when it is
    not possible now."""

    move: Move
    fields: list[OrderField]
    help: MoveHelpText
    choices: tuple[tuple[str, str | None], ...]  # choice fields, each with a status's issue field

    @classmethod
    def of(cls, move: Move) -> _Form:
        form = _FORMS.get(move.order)
        if form is None or form.move is not move:  # first asked, or another ruleset's move
            h = move.help
            fields = [
                OrderField(name=n, label=field_label(move.kind, n), widget=_widget(move, n))
                for n in order_fields(move)
            ]
            choices = tuple(
                (f.name, f.name[: -len("status")] + "issue" if f.name.endswith("status") else None)
                for f in fields
                if f.widget == "choice"
            )
            help_text = MoveHelpText(what=h.what, costs=h.costs, risks=h.risks, when=h.when)
            form = _FORMS[move.order] = cls(move, fields, help_text, choices)
        return form

    @functools.cached_property
    def none_now(self) -> MoveChoices:
        return _choices(self, [], None)


_FORMS: dict[type[Order], _Form] = {}


def _move_choices(form: _Form, legal: list[Order], wording: _Wording) -> MoveChoices:
    return _choices(form, legal, wording) if legal else form.none_now


def _choices(form: _Form, legal: list[Order], wording: _Wording | None) -> MoveChoices:
    move = form.move
    # the candidates as plain data, validated into `Candidate`s in one call: much faster than
    # building hundreds of models one by one
    return MoveChoices.model_validate(
        {
            "kind": move.kind,
            "label": move.label,
            "costs_action": move.costs_action,
            "help": form.help,
            "fields": form.fields,
            "candidates": [_candidate(o, form.choices, wording) for o in legal],
            "answers": move.answer.ref if move.answer else None,
            "unavailable": None if legal else f"Not possible now. {move.help.when}",
        }
    )


def order_fields(move: Move) -> list[str]:
    """The fields a player sets, in the order a form asks for them: the move's declared order
    first, then any other field."""
    names = [n for n in field_names(move.order) if n != "actor"]
    first = [n for n in move.field_order if n in names]
    return first + [n for n in names if n not in first]


def _widget(move: Move, name: str) -> str:
    widget = move.free_fields.get(name, "choice")
    return widget if widget in WIDGETS else "text"


class _Wording:
    """The words of the values in one guide's orders, each worked out once: the same target,
    issue or measure comes back in many of a seat's candidate orders."""

    def __init__(self, state: GameState, words: Words):
        self.state = state
        self.words = words
        self._known: dict[tuple, tuple[str, str]] = {}

    def of(self, order: Order, name: str, value: Any, issue_field: str | None) -> tuple[str, str]:
        """`value_words` of the field, short and detailed; `issue_field`: for a status, the
        field of its issue (only a status has detailed words)."""
        raw = getattr(order, name)
        issue = getattr(order, issue_field, None) if issue_field else None
        # all that `value_words` reads of the order: its class and actor, the field's value
        # (with its type: True and 1 are equal) and a status's issue
        key = (type(order), order.actor, name, type(raw), raw, issue)
        known = self._known.get(key)
        if known is None:
            short = long = value_words(order, name, value, self.state, self.words)
            if issue_field:
                long = value_words(order, name, value, self.state, self.words, detailed=True)
            known = self._known[key] = (short, long)
        return known


def _candidate(
    order: Order, choices: tuple[tuple[str, str | None], ...], wording: _Wording
) -> dict[str, Any]:
    """The order, and the words of its choice fields (a page words the terms a player sets), as
    a `Candidate`'s data."""
    data = order.to_dict()
    short, details = {}, {}
    for name, issue_field in choices:
        value = data.get(name)
        if value is None or value == "" or value == []:
            continue
        short[name], long = wording.of(order, name, value, issue_field)
        if long != short[name]:
            details[name] = long
    return {"order": data, "words": short, "details": details}


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
