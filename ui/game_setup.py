"""What the new-game screen produces: a scenario, who plays each state (and, for the computer,
its style and level), and a seed."""

from __future__ import annotations

from dataclasses import dataclass

from wargame.ai import DEFAULT_LEVEL, Player, make_player
from wargame.match import Match, Recorder
from wargame.scenario import Scenario

PERSON = "person"
COMPUTER = "computer"
LEVEL_NAMES = {"easy": "Easy", "normal": "Normal", "hard": "Hard"}
# the rule-of-thumb player's name, which the session file may store for an "easy" seat
_LEVEL_OF_NAME = {"heuristic": "easy"}


@dataclass(frozen=True)
class SeatChoice:
    seat: str
    player: str = PERSON  # person | computer
    doctrine: str | None = None  # computer only; None: the scenario's doctrine for the state
    level: str = DEFAULT_LEVEL  # computer only: easy | normal | hard


@dataclass(frozen=True)
class GameSetup:
    scenario: Scenario
    seats: tuple[SeatChoice, ...]
    seed: int

    @property
    def people(self) -> tuple[str, ...]:
        return tuple(c.seat for c in self.seats if c.player == PERSON)

    def problem(self) -> str | None:
        """Why this setup cannot start, in words for the player; None when it can."""
        if not self.people:
            return "Choose at least one state to be played by a person."
        if not 0 <= self.seed < 2**63:
            return "The seed must be a whole number from 0 up."
        return None

    def build(self, recorder: Recorder | None = None) -> Match:
        computer = {
            c.seat: make_player(c.level, c.doctrine) for c in self.seats if c.player == COMPUTER
        }
        return Match(self.scenario, self.seed, computer, recorder=recorder)


def default_setup(scenario: Scenario) -> GameSetup:
    """Solo play: a person leads the first state, the computer the rest, with the scenario's seed."""
    seats = tuple(
        SeatChoice(s.id, PERSON if i == 0 else COMPUTER) for i, s in enumerate(scenario.states)
    )
    return GameSetup(scenario, seats, scenario.seed)


def player_level(player: Player) -> str:
    """The level a computer player plays at ("easy", "normal", "hard"), or its kind ("random")."""
    level = getattr(player, "level", None)
    if isinstance(level, str):
        return level
    return _LEVEL_OF_NAME.get(player.name, player.name)


def player_label(match: Match, seat: str) -> str:
    """Who plays a seat, for the debrief: "person" or e.g. "computer (normal, dove)"."""
    player = match.computer.get(seat)
    if player is None:
        return "person"
    level = player_level(player)
    if level == "random":
        return "computer (random)"
    doctrine = getattr(player, "doctrine", None) or match.scenario.state(seat).doctrine
    return f"computer ({level}, {doctrine})"
