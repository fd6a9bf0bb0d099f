"""Fixtures for the facilitator's tests: a tutorial match (the computer plays every seat but the
ones a test names) and interventions of every kind."""

from __future__ import annotations

import pytest

from wargame.ai import make_player
from wargame.facilitator import (
    AdHocInject,
    Argument,
    ClockChange,
    Counter,
    Effects,
    FireInject,
    Override,
    ScheduleInject,
    SeatControl,
)
from wargame.match import Match

LEVEL = "easy"  # quick computer players: these tests are about the white cell, not the players


@pytest.fixture
def make_match(tutorial):
    def make(people: tuple[str, ...] = (), seed: int = 7) -> Match:
        computer = {s: make_player(LEVEL) for s in tutorial.state_ids if s not in people}
        return Match(tutorial, seed, computer, player_factory=make_player)

    return make


def argument(odds: float = 0.7, by: str | None = "aurelia") -> Argument:
    return Argument(
        by=by,
        action="Aurelian destroyers escort tankers through the strait",
        reasons="Our navy outguns the Bordurian patrol boats",
        counters=(Counter(by="borduria", text="Our coastal batteries cover the channel"),),
        odds=odds,
        on_success=Effects(relations=({"between": ["aurelia", "borduria"], "delta": -10},)),
        on_failure=Effects(
            indicators=({"state": "aurelia", "attribute": "reputation", "delta": -5},)
        ),
    )


def every_kind() -> list:
    """One intervention of each kind that changes the game or the plan (a turn's worth)."""
    return [
        FireInject(inject="markets_fall"),
        ScheduleInject(inject="tanker_seized", turn=3),
        AdHocInject(
            headline="Storm in the strait",
            text="A storm closes the strait for a week.",
            audience=("aurelia", "dalmora"),
            effects=Effects(
                tension=4, indicators=({"state": "dalmora", "attribute": "economy", "delta": -2},)
            ),
        ),
        argument(),
        Override(figure="stability", state="borduria", value=40, reason="Riots in the capital"),
        ClockChange(action="deadline", seconds=600, at_deadline="pass"),
        SeatControl(seat="carpathia", to="person"),
    ]
