"""Worlds of any size for the GUI's tests and its benchmark: a shipped scenario whose states are
cloned until there are `n`. Clones keep their original's region and sit around it on the map,
so a big world is crowded where the scenario is (the hard case for names on the map).

The scenario schema caps the number of states; a clone is made with `model_copy`, which skips
that check, so these worlds exist whatever the cap is."""

from __future__ import annotations

import math

from wargame.ai.random_player import RandomPlayer
from wargame.match import Match
from wargame.scenario import Scenario
from wargame.scenario.library import load_bundled

BASE = "northern_sea.yaml"
SPACING = 0.13  # map units between the spots clones take (a 40-state world fills the map)


def cloned_scenario(n: int, base: str = BASE, turns: int | None = None) -> Scenario:
    """`base` with its states cloned (ids `<id>_c<k>`, names `<Name> <k>`) up to n states.
    Each clone takes the free spot nearest its original on a grid of the map (spots at least
    SPACING apart), as an author spreading a big world would."""
    scenario = load_bundled(base)
    originals = list(scenario.states)
    states = list(originals[:n])
    taken = [s.position for s in states]
    spots = [
        (round(0.04 + i * SPACING, 3), round(0.04 + j * SPACING, 3))
        for i in range(int(0.93 / SPACING) + 1)
        for j in range(int(0.93 / SPACING) + 1)
    ]
    k = 0
    while len(states) < n:
        k += 1
        for spec in originals:
            if len(states) >= n:
                break
            free = [p for p in spots if all(math.dist(p, t) >= SPACING * 0.9 for t in taken)]
            spot = min(free or spots, key=lambda p: math.dist(p, spec.position))
            taken.append(spot)
            states.append(
                spec.model_copy(
                    update={
                        "id": f"{spec.id}_c{k}",
                        "name": f"{spec.name} {k + 1}",
                        "position": spot,
                        "objectives": (),
                    }
                )
            )
    update: dict[str, object] = {"states": tuple(states), "title": f"{scenario.title} ({n})"}
    if turns is not None:
        update["turns"] = turns
    return scenario.model_copy(update=update)


def random_computers_match(n: int, humans: tuple[str, ...] = (), seed: int = 1) -> Match:
    """A match of the cloned world: `humans` (ids) are played by people, every other seat by a
    random legal player (quick to decide, and it fills the map with treaties, sanctions and
    disputes)."""
    scenario = cloned_scenario(n)
    computer = {s.id: RandomPlayer() for s in scenario.states if s.id not in humans}
    return Match(scenario, seed, computer=computer)
