"""The facilitator's white cell: interventions in a session in play, each an entry of the log.

    iv = Argument(by="aurelia", action="Escort tankers", reasons="...", odds=0.7, on_success=...)
    applied = match.intervene(iv)      # checked, applied, recorded; seats see its events
    describe(iv, match.state)          # the intervention in plain words

Pure engine code: interventions are pydantic records (records.py), applied to a state by a pure
function with their own derived dice (rulings.py); the clock that counts a turn's time is given
its time source by whoever runs the session (clock.py).
"""

from .clock import TurnClock, follow
from .odds import DEFAULT_ODDS, ODDS_TABLE, odds_for, odds_words
from .records import (
    AdHocInject,
    Argument,
    ClockChange,
    Counter,
    DeadlineReached,
    Effects,
    FireInject,
    Intervention,
    InterventionFormatError,
    IssueChange,
    ObjectiveChange,
    Override,
    ScheduleInject,
    SeatControl,
    intervention_from_data,
    to_data,
)
from .rulings import (
    FACILITATOR_KINDS,
    Applied,
    FacilitatorEvent,
    InterventionRefused,
    apply,
    check,
)
from .words import describe

__all__ = [
    "DEFAULT_ODDS",
    "FACILITATOR_KINDS",
    "ODDS_TABLE",
    "AdHocInject",
    "Applied",
    "Argument",
    "ClockChange",
    "Counter",
    "DeadlineReached",
    "Effects",
    "FacilitatorEvent",
    "FireInject",
    "Intervention",
    "InterventionFormatError",
    "InterventionRefused",
    "IssueChange",
    "ObjectiveChange",
    "Override",
    "ScheduleInject",
    "SeatControl",
    "TurnClock",
    "apply",
    "check",
    "describe",
    "follow",
    "intervention_from_data",
    "odds_for",
    "odds_words",
    "to_data",
]
