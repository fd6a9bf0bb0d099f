"""Worlds of n states for the computer players' benchmark: a shipped scenario copied block by
block until there are n states.

Block k holds a copy of every state (ids `<id>_c<k>`), with the same relations, trade, treaties,
populations, issues, borders and objectives among the copies as among the originals (every id
they name renamed alike), so each block is a crisis like the original and a big world is several
crises side by side, as in a committee with many delegations. Copies join their originals'
regional organizations; the Security Council keeps its seats. The last block is cut short at n.

The scenario schema caps the number of states and validates the whole scenario; the parts here
are validated one by one and the world is put together with `model_copy`, which skips the cap,
so these worlds exist whatever the cap is.
"""

from __future__ import annotations

import functools
from typing import Any

from wargame.scenario import Scenario
from wargame.scenario.library import load_bundled

BASE = "northern_sea.yaml"
SIZES = (7, 14, 28, 30, 40)  # 30: issue 21's targets are read there


def _renamed(value: Any, names: dict[str, str]) -> Any:
    """Plain data with every string that is one of `names` replaced by its new name."""
    if isinstance(value, str):
        return names.get(value, value)
    if isinstance(value, dict):
        return {k: _renamed(v, names) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_renamed(v, names) for v in value]
    return value


def _copied(models: tuple[Any, ...], names: dict[str, str]) -> list[Any]:
    """Copies of validated models with the ids of `names` renamed (validated again)."""
    return [
        type(m).model_validate(_renamed(m.model_dump(mode="json", by_alias=True), names))
        for m in models
    ]


@functools.cache
def world(n: int, base: str = BASE) -> Scenario:
    """`base` copied block by block up to n states (n itself when it has that many or more)."""
    scenario = load_bundled(base)
    if n <= len(scenario.states):
        return (
            scenario.model_copy(update={"states": scenario.states[:n]})
            if n < len(scenario.states)
            else scenario
        )
    states = list(scenario.states)
    relations, trade = list(scenario.relations), list(scenario.trade)
    treaties, populations = list(scenario.treaties), list(scenario.populations)
    issues = list(scenario.issues)
    geography = scenario.geography
    borders = list(geography.borders) if geography is not None else []
    regional = {org.id: list(org.members) for org in scenario.organizations.regional}
    k = 0
    while len(states) < n:
        k += 1
        block = [s.id for s in scenario.states][: n - len(states)]
        own = {*block}
        names = {sid: f"{sid}_c{k}" for sid in block}
        names |= {t.id: f"{t.id}_c{k}" for t in scenario.treaties if own.issuperset(t.members)}
        names |= {p.id: f"{p.id}_c{k}" for p in scenario.populations if p.in_state in own}
        names |= {i.id: f"{i.id}_c{k}" for i in scenario.issues if i.held_by in own}
        for spec in _copied(tuple(s for s in scenario.states if s.id in own), names):
            states.append(spec.model_copy(update={"name": f"{spec.name} {k + 1}"}))
        inside = [r for r in scenario.relations if own.issuperset(r.between)]
        relations += _copied(tuple(inside), names)
        trade += _copied(tuple(t for t in scenario.trade if {t.from_, t.to} <= own), names)
        treaties += _copied(tuple(t for t in scenario.treaties if own.issuperset(t.members)), names)
        populations += _copied(tuple(p for p in scenario.populations if p.in_state in own), names)
        issues += _copied(tuple(i for i in scenario.issues if i.held_by in own), names)
        borders += [(names[a], names[b]) for a, b in borders[:] if a in names and b in names]
        for members in regional.values():
            members += [names[m] for m in list(members) if m in names]
    organizations = scenario.organizations.model_copy(
        update={
            "regional": tuple(
                org.model_copy(update={"members": tuple(regional[org.id])})
                for org in scenario.organizations.regional
            )
        }
    )
    update: dict[str, Any] = {
        "id": f"{scenario.id}_{n}",
        "title": f"{scenario.title} ({n} states)",
        "states": tuple(states),
        "relations": tuple(relations),
        "trade": tuple(trade),
        "treaties": tuple(treaties),
        "populations": tuple(populations),
        "issues": tuple(issues),
        "organizations": organizations,
    }
    if geography is not None:
        update["geography"] = geography.model_copy(update={"borders": tuple(borders)})
    return scenario.model_copy(update=update)
