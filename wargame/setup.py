"""The first GameState of a session, built from a scenario."""

from __future__ import annotations

from .draft import world_tension
from .enums import Rung
from .scenario import ESCALATION_RUNGS, Scenario
from .state import Country, GameState, IssueState, Population, Treaty


def new_game(scenario: Scenario, seed: int | None = None) -> GameState:
    ids = scenario.state_ids
    n = len(ids)
    index = {sid: i for i, sid in enumerate(ids)}
    relations = [0.0] * (n * n)
    for r in scenario.relations:
        i, j = index[r.between[0]], index[r.between[1]]
        relations[i * n + j] = relations[j * n + i] = float(r.value)
    countries = tuple(
        Country(s.id, float(s.military), float(s.economy), float(s.stability), float(s.reputation))
        for s in scenario.states
    )
    treaties = tuple(
        Treaty(t.id, t.kind, t.members, 0, t.casus_foederis, t.cap, t.verification)
        for t in scenario.treaties
    )
    populations = tuple(
        Population(p.id, p.in_state, p.people, p.threat, p.perpetrator, p.active_from)
        for p in scenario.populations
    )
    issues = tuple(IssueState(i.id, i.status, i.held_by) for i in scenario.issues)
    # tension by region (when the scenario keeps it so): each region's own start, or the
    # scenario's; the world's figure is then their average
    regions = scenario.geography.regions if scenario.tension_regions else ()
    regional = tuple(float(scenario.tension if r.tension is None else r.tension) for r in regions)
    tension = (
        world_tension(scenario.tension_weights, regional) if regional else float(scenario.tension)
    )
    rung = Rung.named(scenario.escalation)
    assert ESCALATION_RUNGS[rung] == scenario.escalation
    return GameState(
        scenario=scenario,
        seed=scenario.seed if seed is None else seed,
        turn=1,
        countries=countries,
        relations=tuple(relations),
        tension=tension,
        regional_tension=regional,
        escalation=rung,
        max_escalation=rung,
        treaties=treaties,
        populations=populations,
        issues=issues,
    )
