"""Small helpers shared by the rules modules."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..state import GameState


def check_other_state(state: GameState, actor: str, target: str) -> str | None:
    """None when target names another state of the scenario; else the reason it does not."""
    if target == actor:
        return "you cannot aim this at your own state"
    if target not in state.ids:
        return f"there is no state {target!r} in this scenario"
    return None


def others(state: GameState, seat: str) -> list[str]:
    return [s for s in state.ids if s != seat]


REGIME_FACTOR = {"democracy": 1.5, "hybrid": 1.0, "autocracy": 0.7}


def democracy_factor(state_id: str, scenario) -> float:
    """Democratic publics punish costs and backing down harder (audience costs)."""
    return REGIME_FACTOR[scenario.state(state_id).regime]


_DERIVED: dict[tuple[int, str], tuple[object, Any]] = {}


def per_scenario(scenario, what: str, build: Callable[[Any], Any]) -> Any:
    """`build(scenario)`, worked out once per scenario and remembered under the name `what`:
    tables the rules derive from a scenario, which never changes during a game."""
    entry = _DERIVED.get((id(scenario), what))
    if entry is None or entry[0] is not scenario:  # a new scenario may reuse a freed one's id
        if len(_DERIVED) > 256:
            _DERIVED.clear()
        entry = (scenario, build(scenario))
        _DERIVED[(id(scenario), what)] = entry
    return entry[1]


def toward_each_other(make: Callable[[str, str], Any]) -> Callable[[GameState, str], Any]:
    """Candidates for a move aimed at one other state: `make(seat, other)` for every other."""

    def candidates(state: GameState, seat: str):
        for other in others(state, seat):
            yield make(seat, other)

    return candidates


def no_candidates(state: GameState, seat: str) -> tuple:
    """For moves whose content the player writes (messages): nothing to list in advance."""
    return ()
