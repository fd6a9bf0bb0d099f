"""Geography: who borders whom, which region a state is in, and how far it can project force.

A scenario's `geography` names regions, sea lanes, rivers, zones and borders; each state may lie
in a region and has a reach: `global` (anywhere), `regional` (its neighbours, its own region and
states within REGIONAL_RANGE of it on the map) or `local` (its neighbours only). By default a great
power's reach is global and any other state's regional. A basing treaty extends a member's reach
to everything within the reach of the states it shares bases with (power projection from bases).
A scenario without geography puts every state within everyone's reach, as before.

Force, interventions and naval enforcement need the target within reach. Proximity also makes
clashes likelier to become wars: neighbours fight over what lies between them, distant states
rarely do (Bremer 1992, "Dangerous Dyads", JCR 36(2); Vasquez 1995, "Why do neighbors fight?",
JPR 32(3)); the factors are in military.py.

No move is declared here; the rules that depend on reach and proximity import these questions.
"""

from __future__ import annotations

import math

from ..enums import Reach, TreatyKind
from ..scenario import Scenario
from ..state import Readings
from .common import per_scenario

REGIONAL_RANGE = 0.35  # a regional power reaches states this close on the map (0..1; tuned to
# the shipped maps: about a third of the map's width)


def has_geography(scenario: Scenario) -> bool:
    return scenario.geography is not None


def _borders(scenario: Scenario) -> frozenset[frozenset[str]]:
    geo = scenario.geography
    return frozenset(frozenset(pair) for pair in geo.borders) if geo else frozenset()


def neighbours(scenario: Scenario, a: str, b: str) -> bool:
    """Do a and b share a border (by land or across a narrow sea)?"""
    return frozenset((a, b)) in per_scenario(scenario, "borders", _borders)


def same_region(scenario: Scenario, a: str, b: str) -> bool:
    ra, rb = scenario.state(a).region, scenario.state(b).region
    return ra is not None and ra == rb


def distance(scenario: Scenario, a: str, b: str) -> float:
    """Distance between two states on the map (positions run 0..1 each way)."""
    (xa, ya), (xb, yb) = scenario.state(a).position, scenario.state(b).position
    return math.hypot(xa - xb, ya - yb)


def reach_of(scenario: Scenario, sid: str) -> Reach:
    return Reach(scenario.state(sid).projection)


def _reaches_from(scenario: Scenario, reach: Reach, origin: str, target: str) -> bool:
    """Can forces of the given reach, based at `origin`, reach `target`?"""
    if reach == Reach.GLOBAL or origin == target or neighbours(scenario, origin, target):
        return True
    if reach == Reach.LOCAL:
        return False
    return same_region(scenario, origin, target) or (
        distance(scenario, origin, target) <= REGIONAL_RANGE
    )


def in_reach(x: Readings, actor: str, target: str) -> bool:
    """Can `actor` project force against `target`: from home, or from the soil of a state it
    shares a basing treaty with?"""
    scenario = x.scenario
    if not has_geography(scenario):
        return True
    reach = reach_of(scenario, actor)
    if _reaches_from(scenario, reach, actor, target):
        return True
    return any(
        _reaches_from(scenario, reach, host, target)
        for t in x.active_treaties(member=actor, kind=TreatyKind.BASING)
        for host in t.members
        if host not in (actor, target)  # from a partner's soil, towards a third state
    )


def reach_reason(x: Readings, actor: str, target: str) -> str | None:
    """None when `target` is within `actor`'s reach, else why not (for a void order)."""
    if in_reach(x, actor, target):
        return None
    reach = reach_of(x.scenario, actor)
    where = {
        Reach.LOCAL: "its neighbours only",
        Reach.REGIONAL: "its neighbours, its own region and states near it on the map",
        Reach.GLOBAL: "anywhere",
    }[reach]
    return (
        f"{x.name(target)} is beyond {x.name(actor)}'s reach: a {reach.value} power reaches "
        f"{where} (a basing treaty extends it)"
    )


def proximity(scenario: Scenario, a: str, b: str) -> str:
    """How close two states are: "neighbours", "region" (same region or near on the map),
    "distant", or "unknown" when the scenario has no geography."""
    if not has_geography(scenario):
        return "unknown"
    if neighbours(scenario, a, b):
        return "neighbours"
    if same_region(scenario, a, b) or distance(scenario, a, b) <= REGIONAL_RANGE:
        return "region"
    return "distant"
