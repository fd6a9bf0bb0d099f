"""Playing one tournament game: the focal seat by a contender, every other seat by the
rule-of-thumb player with its scenario doctrine."""

from __future__ import annotations

from dataclasses import dataclass

from ..ai import make_player
from ..match import Match
from ..scenario import Scenario
from ..scoring import score

LEVEL_ORDER = ("random", "easy", "normal", "hard")
DOCTRINE_CONTENDERS = ("hawk", "dove", "realist", "institutionalist")
CONTENDERS = LEVEL_ORDER + DOCTRINE_CONTENDERS


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
    points: float  # the focal seat's score as a share of its possible objective points, in %


def pairings(scenarios: list[Scenario], games: int, first_seed: int = 1) -> list[Pairing]:
    """Spread games over scenarios and seats in turn, so each seat of each scenario is focal."""
    out = []
    for i in range(games):
        k = i % len(scenarios)
        seats = scenarios[k].state_ids
        seat = seats[(i // len(scenarios)) % len(seats)]
        out.append(Pairing(i, k, first_seed + i, seat))
    return out


def contender_player(name: str):
    if name in DOCTRINE_CONTENDERS:
        return make_player("easy", doctrine=name)
    return make_player(name)


def play_pairing(scenario: Scenario, pairing: Pairing, contender: str) -> GameResult:
    computer = {seat: make_player("easy") for seat in scenario.state_ids}
    computer[pairing.seat] = contender_player(contender)
    match = Match(scenario, pairing.seed, computer=computer)
    match.play_out()
    sc = score(match.state, pairing.seat)
    return GameResult(pairing, contender, 100.0 * sc.total / sc.possible_points)
