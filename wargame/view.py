"""Per-seat views: what one state may know, and nothing more.

A view is a projection of the game made for one seat (boardgame.io's `playerView`): its own true
figures, objectives and briefing; public facts; proposals and messages addressed to it; and
intelligence estimates of other states' forces (noisy, closer with an intelligence-sharing treaty,
blind to undetected cheating). It holds no seed while the game goes on, no other seat's secret
objectives, briefing or style of play, no scripted event before it happens, and no number of an
event that only another seat may know. The UI, the network and computer players only ever get a
view; they never filter the full state themselves.

The view's state is a real `GameState` over a redacted scenario, so a computer player can play
futures forward on it: its belief of the world.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, replace
from typing import Any

from .canonical import canonical
from .enums import Doctrine, TreatyKind, TreatyStatus
from .events import Event
from .rng import Rng, derive_seed
from .scenario import Scenario
from .scenario.schema import StateSpec
from .state import Country, GameState, per_tuple

ESTIMATE_ERROR = 0.15  # +/- share of true capability, without shared intelligence
SHARED_ERROR = 0.03  # with an intelligence-sharing partner
UNKNOWN_DOCTRINE = Doctrine.REALIST  # how a seat assumes others play: their style is private


@dataclass(frozen=True, slots=True)
class SeatView:
    seat: str | None  # None: the facilitator, who sees everything
    state: GameState  # the projection: other seats' secrets removed, their forces estimated
    events: tuple[Event, ...]  # of the last turn, those this seat may see, as it sees them
    # the seat's own key for its private draws (how much an issue is worth to it): derived from
    # the session seed, which it cannot recover from it
    private_seed: int = 0

    @property
    def turn(self) -> int:
        return self.state.turn


def estimate_military(
    state: GameState, seat: str, other: str, partners: frozenset[str] | None = None
) -> float:
    """`seat`'s estimate of `other`'s forces; `partners`: the states it shares intelligence with
    (worked out here when not given)."""
    if partners is None:
        partners = intelligence_partners(state, seat)
    return _estimate(state, seat, state.country(other), partners)


def _estimate(state: GameState, seat: str, true: Country, partners: frozenset[str]) -> float:
    """`estimate_military` of the state whose true record is `true`."""
    declared = true.military - true.hidden_military
    error = SHARED_ERROR if true.id in partners else ESTIMATE_ERROR
    low, high = -error, error
    return round(
        declared * (1 + (low + (high - low) * _intel_draw(state.seed, state.turn, seat, true.id))),
        1,
    )


def intelligence_partners(state: GameState, seat: str) -> frozenset[str]:
    """The states `seat` shares intelligence with by a treaty in force."""
    if type(state.treaties) is tuple:  # an immutable state's: every seat's partners, found once
        return per_tuple(state.treaties, "intelligence partners", _partners).get(seat, frozenset())
    return _seat_partners(state, seat)


def _seat_partners(state: Any, seat: str) -> frozenset[str]:
    treaties = state.active_treaties(member=seat, kind=TreatyKind.INTELLIGENCE_SHARING)
    return frozenset(m for t in treaties for m in t.members)


def _partners(treaties: tuple) -> dict[str, frozenset[str]]:
    """Each member's intelligence partners by the treaties in force of `treaties` (itself
    included, as `_seat_partners` finds it)."""
    found: dict[str, set[str]] = {}
    for t in treaties:
        if t.status == TreatyStatus.ACTIVE and t.kind == TreatyKind.INTELLIGENCE_SHARING:
            for m in t.members:
                found.setdefault(m, set()).update(t.members)
    return {m: frozenset(ms) for m, ms in found.items()}


@functools.lru_cache(maxsize=1 << 16)
def _intel_draw(seed: int, turn: int, seat: str, other: str) -> float:
    """The estimate's die, the same for a seat, a state and a turn: drawn once, however many
    views (a look-ahead builds hundreds) ask for it."""
    return Rng(derive_seed(seed, "intel", turn, seat, other)).random()


_REDACTED: dict[tuple[int, str, tuple[str, ...]], tuple[Scenario, Scenario]] = {}
# redactions kept: a look-ahead redacts its belief again for every other seat, n * n of them per
# set of fired events (729 in a 27-state world), so fewer would be thrown away before reuse
REDACTED_KEPT = 8192


def redacted_scenario(scenario: Scenario, seat: str, fired: tuple[str, ...]) -> Scenario:
    """The scenario as `seat` knows it: others' secret objectives, private briefings and styles
    removed, no default seed, and only the scripted events that have already happened."""
    key = (id(scenario), seat, fired)
    cached = _REDACTED.get(key)
    if cached is not None and cached[0] is scenario:
        return cached[1]
    states = tuple(spec if spec.id == seat else _outsider(spec) for spec in scenario.states)
    injects = tuple(i for i in scenario.injects if i.id in fired)
    redacted = _fresh_copy(scenario, states=states, seed=0, injects=injects)
    if len(_REDACTED) >= REDACTED_KEPT:
        _REDACTED.clear()
    _REDACTED[key] = (scenario, redacted)
    return redacted


_OUTSIDERS: dict[int, tuple[StateSpec, StateSpec]] = {}


def _outsider(spec: StateSpec) -> StateSpec:
    """A state as others know it: no secret objectives, no briefing, no style of play. The same
    for every seat that looks, so made once per state (and kept by the original, held here so
    that its id is not reused while the entry lives)."""
    cached = _OUTSIDERS.get(id(spec))
    if cached is not None and cached[0] is spec:
        return cached[1]
    seen = _fresh_copy(
        spec,
        objectives=tuple(o for o in spec.objectives if not o.secret),
        briefing="",
        doctrine=UNKNOWN_DOCTRINE,
    )
    if len(_OUTSIDERS) >= REDACTED_KEPT:
        _OUTSIDERS.clear()
    _OUTSIDERS[id(spec)] = (spec, seen)
    return seen


def _fresh_copy(model: Any, **changes: Any) -> Any:
    """A copy of a validated model with some fields changed and nothing else carried over
    (`model_copy` would carry the original's cached lookups, secrets included)."""
    fields = {name: getattr(model, name) for name in type(model).model_fields}
    return type(model).model_construct(**(fields | changes))


def masked_state(state: GameState, seat: str) -> GameState:
    """The projection of `state` for `seat` (see the module's docstring)."""
    partners = intelligence_partners(state, seat)
    countries = tuple(
        c if c.id == seat else _as_seen(c, _estimate(state, seat, c, partners))
        for c in state.countries
    )
    return replace(
        state,
        scenario=redacted_scenario(state.scenario, seat, state.fired_injects),
        seed=state.seed if state.finished else 0,  # revealed in the debrief
        countries=countries,
        proposals=seen_proposals(state.proposals, seat),
        sanctions=seen_sanctions(state.sanctions, seat),
    )


# where the figures a view rewrites stand in a country's record: `_as_seen` sets them by position,
# as `_replace` by name would cost twice as much (every view rewrites every other state's record)
_MILITARY, _HIDDEN_MILITARY, _ECONOMY, _HIDDEN_SPENDING = (
    Country._fields.index(name)
    for name in ("military", "hidden_military", "economy", "hidden_spending")
)


def _as_seen(c: Country, military: float) -> Country:
    """Another state's record as a seat sees it: its forces as estimated (`military`), its books
    without the secret budget."""
    figures = list(c)
    figures[_MILITARY] = military
    figures[_HIDDEN_MILITARY] = 0.0
    figures[_ECONOMY] = c.economy + c.hidden_spending
    figures[_HIDDEN_SPENDING] = 0.0
    return Country._make(figures)


# Every seat's view filters the same tuples of records (the whole crisis's proposals and
# sanctions), so who may see each record is worked out once per tuple, not once per seat: a
# view then costs the same at turn 200 as at turn 5. A seat's share is a tuple of its own (never
# the state's), so that its records count as live in the view, as they always have (archive.py).


def seen_proposals(proposals: tuple, seat: str) -> tuple:
    """The proposals `seat` made or received, in order."""
    if type(proposals) is not tuple:
        return tuple(p for p in proposals if seat == p.proposer or seat in p.recipients)
    return per_tuple(proposals, "proposals by party", _by_party).get(seat, ())


def _by_party(proposals: tuple) -> dict[str, tuple]:
    found: dict[str, list] = {}
    for p in proposals:
        for party in dict.fromkeys((p.proposer, *p.recipients)):
            found.setdefault(party, []).append(p)
    return {party: tuple(ps) for party, ps in found.items()}


def seen_sanctions(sanctions: tuple, seat: str) -> tuple:
    """The sanctions episodes `seat` knows of, in order: a private threat is known only to its
    senders and its target."""
    if type(sanctions) is not tuple:
        return tuple(e for e in sanctions if e.public or seat == e.target or seat in e.senders)
    kept = per_tuple(sanctions, "sanctions by seat", lambda _: {})
    seen = kept.get(seat)
    if seen is None:
        private = per_tuple(sanctions, "private sanctions", _private_positions)
        hidden = {i for i, parties in private if seat not in parties}
        seen = kept[seat] = tuple(e for i, e in enumerate(sanctions) if i not in hidden)
    return seen


def _private_positions(sanctions: tuple) -> tuple[tuple[int, frozenset[str]], ...]:
    """Where the private episodes stand, with the states that know of each."""
    return tuple(
        (i, frozenset((e.target, *e.senders))) for i, e in enumerate(sanctions) if not e.public
    )


# the seat of an observer with no state: the class screen on a projector, a visitor
PUBLIC = "@public"


def view_for(state: GameState, seat: str | None, events: tuple[Event, ...] = ()) -> SeatView:
    """What `seat` may know now: a state's id, `PUBLIC` for an observer who leads no state
    (public facts and estimates only), or None for the facilitator (everything)."""
    visible = tuple(e.for_seat(seat) for e in events if e.visible_for(seat))
    if seat is None:
        return SeatView(None, state, visible)
    private = 0 if seat == PUBLIC else derive_seed(state.seed, "private", seat)
    return SeatView(seat, masked_state(state, seat), visible, private)


def public_view(state: GameState, events: tuple[Event, ...] = ()) -> SeatView:
    """The view of an observer who leads no state: what a projector may show the whole class."""
    return view_for(state, PUBLIC, events)


def view_data(view: SeatView) -> dict[str, Any]:
    """Everything the view holds, as plain data: what a client of this seat receives."""
    return {
        "seat": view.seat,
        "scenario": view.state.scenario.model_dump(mode="json", by_alias=True),
        "state": view.state.to_data(),
        "events": [e.to_dict() for e in view.events],
        "private_seed": view.private_seed,
    }


def view_json(view: SeatView) -> str:
    """`view_data` as canonical JSON: two views hold the same knowledge exactly when equal."""
    return json.dumps(canonical(view_data(view)), sort_keys=True, separators=(",", ":"))


def information_string(view: SeatView) -> str:
    """A readable digest of what the seat knows (OpenSpiel's information state string)."""
    s = view.state
    lines = [f"seat {view.seat} turn {s.turn} rung {s.rung_name} tension {s.tension:.1f}"]
    for c in s.countries:
        lines.append(
            f"  {c.id}: mil {c.military:.1f} eco {c.economy:.1f} stab {c.stability:.1f} rep {c.reputation:.1f}"
        )
    lines += [
        f"  proposal {p.id} {p.kind} {p.proposer}->{','.join(p.recipients)} {p.status}"
        for p in s.proposals
    ]
    lines += [f"  event {e.kind}: {e.text}" for e in view.events]
    return "\n".join(lines)
