"""Playing one tournament game: the focal seat by a contender, every other seat by the computer
player of the opponents' level with its scenario doctrine.

A contender is a computer level ("random", "easy", "normal", "hard"), a doctrine (the
rule-of-thumb player with that doctrine), a scripted entrant (entrants.py) or an outside player
named `path/to/file.py:ClassName` (external.py). Every contender plays the same crises (scenario,
seed and seat), so differences between contenders are paired.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..ai import make_player
from ..match import Match
from ..players import Player
from ..scenario import Scenario
from ..scoring import score
from .entrants import ENTRANTS
from .external import is_spec, load_player

LEVEL_ORDER = ("random", "easy", "normal", "hard")
DOCTRINE_CONTENDERS = ("hawk", "dove", "realist", "institutionalist")
CONTENDERS = LEVEL_ORDER + DOCTRINE_CONTENDERS
SCRIPTED = tuple(ENTRANTS)
BASELINE = "normal"  # the player students meet, against which entrants are measured


@dataclass(frozen=True)
class Pairing:
    index: int
    scenario_index: int
    seed: int
    seat: str


@dataclass(frozen=True)
class GameResult:
    pairing: Pairing
    contender: str
    # the focal seat's score (objective points won plus its points for obligations kept or
    # broken) per 100 objective points at stake: obligations can take it above 100 or below 0
    points: float
    objectives: float = 0.0  # the share of its objective points it met, in % (0 to 100)


def pairings(scenarios: list[Scenario], games: int, first_seed: int = 1) -> list[Pairing]:
    """Spread games over scenarios and seats in turn, so each seat of each scenario is focal."""
    out = []
    for i in range(games):
        k = i % len(scenarios)
        seats = scenarios[k].state_ids
        seat = seats[(i // len(scenarios)) % len(seats)]
        out.append(Pairing(i, k, first_seed + i, seat))
    return out


def is_contender(name: str) -> bool:
    return name in CONTENDERS or name in ENTRANTS or is_spec(name)


def contender_player(name: str) -> Player:
    if name in DOCTRINE_CONTENDERS:
        return make_player("easy", doctrine=name)
    if name in ENTRANTS:
        return ENTRANTS[name]()
    if is_spec(name):
        return load_player(name)
    return make_player(name)


def play_pairing(
    scenario: Scenario, pairing: Pairing, contender: str, opponents: str = "easy"
) -> GameResult:
    computer = {seat: make_player(opponents) for seat in scenario.state_ids}
    computer[pairing.seat] = contender_player(contender)
    match = Match(scenario, pairing.seed, computer=computer)
    match.play_out()
    sc = score(match.state, pairing.seat)
    return GameResult(
        pairing,
        contender,
        100.0 * sc.total / sc.possible_points,
        100.0 * sc.objective_points / sc.possible_points,
    )
