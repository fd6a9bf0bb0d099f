"""Small helpers shared by the rules modules."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ..enums import Regime
from ..moves import Order
from ..scenario import Scenario
from ..state import GameState, Readings

# How hard a regime's public punishes costs, casualties and backing down (the audience-cost
# factor), after Fearon (1994) and Weeks (2008); the values are (tuned). Moves the sanctions
# concession rows (threat_concession, imposition_concession, imposed_success: a target's cost of
# giving in, and computer players' reading of a sender's credibility), alliance_honoured and
# pact_honoured (casualty-shy publics), and through stability (domestic.py) stronger_wins.
REGIME_FACTOR = {Regime.DEMOCRACY: 1.5, Regime.HYBRID: 1.0, Regime.AUTOCRACY: 0.7}


def democracy_factor(state_id: str, scenario: Scenario) -> float:
    """Democratic publics punish costs and backing down harder (audience costs)."""
    return REGIME_FACTOR[scenario.state(state_id).regime]


def check_other_state(state: Readings, actor: str, target: str) -> str | None:
    """None when target names another state of the scenario; else the reason it does not."""
    if target == actor:
        return "you cannot aim this at your own state"
    if target not in state.ids:
        return f"there is no state {target!r} in this scenario"
    return None


def others(state: Readings, seat: str) -> list[str]:
    """Every state of the scenario but `seat`, in scenario order."""
    return [s for s in state.ids if s != seat]


# --- tables worked out once per scenario -------------------------------------------------------

REMEMBERED_TABLES_MAX = 256  # forget them all past this many (a long tournament loads many)
_DERIVED: dict[tuple[int, str], tuple[Scenario, Any]] = {}


def per_scenario(scenario: Scenario, what: str, build: Callable[[Scenario], Any]) -> Any:
    """`build(scenario)`, worked out once per scenario and remembered under the name `what`:
    tables the rules derive from a scenario, which never changes during a game."""
    entry = _DERIVED.get((id(scenario), what))
    if entry is None or entry[0] is not scenario:  # a new scenario may reuse a freed one's id
        if len(_DERIVED) > REMEMBERED_TABLES_MAX:
            _DERIVED.clear()
        entry = (scenario, build(scenario))
        _DERIVED[(id(scenario), what)] = entry
    return entry[1]


# --- candidates --------------------------------------------------------------------------------


def toward_each_other(
    make: Callable[[str, str], Order],
) -> Callable[[GameState, str], Iterator[Order]]:
    """Candidates for a move aimed at one other state: `make(seat, other)` for every other."""

    def candidates(state: GameState, seat: str) -> Iterator[Order]:
        for other in others(state, seat):
            yield make(seat, other)

    return candidates


def no_candidates(state: GameState, seat: str) -> tuple[Order, ...]:
    """For moves whose content the player writes (messages): nothing to list in advance."""
    return ()
