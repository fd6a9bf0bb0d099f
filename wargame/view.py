"""Per-seat views: what one state may know.

A seat sees its own true figures, public facts, proposals and messages addressed to it, and
intelligence estimates of other states' forces (noisy, closer with an intelligence-sharing
treaty, blind to undetected cheating). The UI, the network and computer players only ever get a
view; they never filter the full state themselves.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from .events import Event
from .rng import Rng, derive_seed
from .state import GameState, canonical

ESTIMATE_ERROR = 0.15  # +/- share of true capability, without shared intelligence
SHARED_ERROR = 0.03


@dataclass(frozen=True, slots=True)
class SeatView:
    seat: str | None  # None: the facilitator, who sees everything
    state: GameState  # with other seats' secrets replaced by estimates
    events: tuple[Event, ...]  # of the last turn, those this seat may see

    @property
    def turn(self) -> int:
        return self.state.turn


def estimate_military(state: GameState, seat: str, other: str) -> float:
    true = state.country(other)
    declared = true.military - true.hidden_military
    shares = any(
        other in t.members for t in state.active_treaties(member=seat, kind="intelligence_sharing")
    )
    error = SHARED_ERROR if shares else ESTIMATE_ERROR
    rng = Rng(derive_seed(state.seed, "intel", state.turn, seat, other))
    return round(declared * (1 + rng.uniform(-error, error)), 1)


def masked_state(state: GameState, seat: str) -> GameState:
    countries = tuple(
        c
        if c.id == seat
        else c._replace(military=estimate_military(state, seat, c.id), hidden_military=0.0)
        for c in state.countries
    )
    proposals = tuple(p for p in state.proposals if seat == p.proposer or seat in p.recipients)
    return replace(state, countries=countries, proposals=proposals)


def view_for(state: GameState, seat: str | None, events: tuple[Event, ...] = ()) -> SeatView:
    visible = tuple(e.for_seat(seat) for e in events if e.visible_for(seat))
    if seat is None:
        return SeatView(None, state, visible)
    return SeatView(seat, masked_state(state, seat), visible)


def view_data(view: SeatView) -> dict[str, Any]:
    """Everything the view holds, as plain data: what a client of this seat receives."""
    return {
        "seat": view.seat,
        "scenario": view.state.scenario.model_dump(mode="json", by_alias=True),
        "state": view.state.to_data(),
        "events": [e.to_dict() for e in view.events],
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
