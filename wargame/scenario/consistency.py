"""The second round of scenario checks: what no single field can say about itself.

Every field already has the right type and range when these run (the loader calls them after
pydantic's validation). Here: ids that name nothing or name two things, a state related to, trading
with, allied with or at war with itself, trade shares that add up to more than the whole, Council
seats held twice, events that can never happen. Each problem is a (field path, message) pair, the
path written as docs/SCENARIOS.md explains it to authors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from .schema import Scenario

Problems = Iterator[tuple[str, str]]

# A share sum is a sum of decimals (0.43 + 0.4 + 0.17 is 1.0000000000000002 in binary).
SHARE_SUM_TOLERANCE = 1e-6
# The engine numbers the treaties signed during a game t1, t2, ...; a scenario treaty with such
# an id would be confused with one of them.
ENGINE_TREATY_ID = re.compile(r"^t[0-9]+$")


def consistency_problems(sc: Scenario) -> Problems:
    """Yield (field path, message) for every problem, in the order of the file's sections."""
    yield from _states(sc)
    yield from _objectives(sc)
    yield from _relations(sc)
    yield from _trade(sc)
    yield from _treaties(sc)
    yield from _council(sc)
    yield from _regional_organizations(sc)
    yield from _populations(sc)
    yield from _injects(sc)
    yield from _geography(sc)
    yield from _issues(sc)
    yield from _unknown_references(sc)


def _repeated_ids(items: Iterable[tuple[str, str]]) -> Problems:
    """Given (path, id) pairs, one problem for each id already seen, naming where it was first."""
    first: dict[str, str] = {}
    for path, ident in items:
        if ident in first:
            yield path, f"id {ident!r} is already used by {first[ident]}"
        else:
            first[ident] = path.removesuffix(".id")


def _repeated_members(path: str, members: Iterable[str], what: str) -> Problems:
    seen: set[str] = set()
    for member in members:
        if member in seen:
            yield path, f"{member!r} is listed more than once; {what}"
        seen.add(member)


def _states(sc: Scenario) -> Problems:
    yield from _repeated_ids((f"states[{i}].id", s.id) for i, s in enumerate(sc.states))


def _objectives(sc: Scenario) -> Problems:
    """Objective ids are unique within their state: a score lists a state's objectives, and two
    states may well both have a `no_war` objective. Conditions must not point at the owner."""
    for si, spec in enumerate(sc.states):
        where = f"states[{si}].objectives"
        yield from _repeated_ids(
            (f"{where}[{oi}].id", o.id) for oi, o in enumerate(spec.objectives)
        )
        for oi, obj in enumerate(spec.objectives):
            yield from _self_reference(f"{where}[{oi}].condition", spec.id, obj.condition)


# condition type -> (field, alias as written in the file, what pointing at oneself would mean)
_SELF_REFERENCES = {
    "avoid_war": ("with_", "with", "a state cannot be at war with itself"),
    "win_war": ("against", "against", "a state cannot win a war against itself"),
    "treaty_with": ("with_", "with", "a state cannot make a treaty with itself"),
    "relations_at_least": ("with_", "with", "a state has no relations with itself"),
    "sanctions_conceded": ("target", "target", "a state cannot sanction itself"),
}


def _self_reference(where: str, owner: str, condition: Any) -> Problems:
    rule = _SELF_REFERENCES.get(condition.type)
    if rule is None:
        return
    field, written, why = rule
    if getattr(condition, field) == owner:
        yield (
            f"{where}.{written}",
            f"{owner!r} is the objective's own state; {why} (name another state)",
        )


def _relations(sc: Scenario) -> Problems:
    first: dict[frozenset[str], int] = {}
    for i, r in enumerate(sc.relations):
        where = f"relations[{i}].between"
        pair = frozenset(r.between)
        if len(pair) == 1:
            yield where, "a state cannot have relations with itself"
        elif pair in first:
            a, b = r.between
            again = f"relations[{first[pair]}] (relations are mutual: list each pair once)"
            yield where, f"the pair {a!r}-{b!r} is already given in {again}"
        else:
            first[pair] = i


def _trade(sc: Scenario) -> Problems:
    first: dict[tuple[str, str], int] = {}
    totals: dict[str, float] = {}
    entries: dict[str, list[int]] = {}
    for i, t in enumerate(sc.trade):
        if t.from_ == t.to:
            yield f"trade[{i}].to", f"a state cannot trade with itself ({t.to!r})"
            continue
        if (t.from_, t.to) in first:
            again = f"trade[{first[t.from_, t.to]}]"
            yield f"trade[{i}]", f"trade from {t.from_!r} to {t.to!r} is already given in {again}"
            continue
        first[t.from_, t.to] = i
        totals[t.from_] = totals.get(t.from_, 0.0) + t.share
        entries.setdefault(t.from_, []).append(i)
    for state, total in totals.items():
        if total > 1 + SHARE_SUM_TOLERANCE:
            listed = ", ".join(f"trade[{i}]" for i in entries[state])
            message = (
                f"the trade shares of {state!r} add up to {total:.7g} ({listed}); "
                "they can add up to 1 at most (the whole of its foreign trade)"
            )
            yield "trade", message


def _treaties(sc: Scenario) -> Problems:
    yield from _repeated_ids((f"treaties[{i}].id", t.id) for i, t in enumerate(sc.treaties))
    for i, t in enumerate(sc.treaties):
        if ENGINE_TREATY_ID.match(t.id):
            message = (
                f"ids like {t.id!r} (t and a number) are kept for treaties signed during the "
                "game; choose one that says what the treaty is, such as 'strait_alliance'"
            )
            yield f"treaties[{i}].id", message
        yield from _members(f"treaties[{i}].members", t.members, "a treaty")
        if t.kind == "arms_control" and t.cap is None:
            yield f"treaties[{i}].cap", "an arms_control treaty needs a cap (a number)"


def _members(where: str, members: tuple[str, ...], what: str) -> Problems:
    if len(set(members)) < 2:
        message = (
            f"{what} needs at least two different states; found only {members[0]!r} "
            f"(a state cannot be in {what} with itself)"
        )
        yield where, message
    else:
        yield from _repeated_members(where, members, f"each state is in {what} once")


def _council(sc: Scenario) -> Problems:
    council = sc.organizations.security_council
    if council is None:
        return
    where = "organizations.security_council"
    seats: dict[str, str] = {}
    for field in ("permanent", "elected"):
        for i, sid in enumerate(getattr(council, field)):
            if sid in seats:
                held = f"{where}.{seats[sid]}"
                yield f"{where}.{field}[{i}]", f"{sid!r} already holds a seat ({held}): one each"
            else:
                seats[sid] = f"{field}[{i}]"
    states = {s.id: i for i, s in enumerate(sc.states)}
    for i, b in enumerate(council.bystanders):
        if b.id in states:
            message = (
                f"id {b.id!r} is already used by states[{states[b.id]}]; a bystander is a "
                "Council member that is not a state of the scenario (give it its own id, or "
                "seat the state with permanent or elected)"
            )
            yield f"{where}.bystanders[{i}].id", message
    yield from _repeated_ids(
        (f"{where}.bystanders[{i}].id", b.id) for i, b in enumerate(council.bystanders)
    )
    regions = {r.id for r in sc.geography.regions} if sc.geography else set()
    for i, b in enumerate(council.bystanders):
        at = f"{where}.bystanders[{i}].interests"
        for field in ("friends", "rivals"):
            for j, sid in enumerate(getattr(b.interests, field)):
                if sid not in states:
                    known = ", ".join(states)
                    yield f"{at}.{field}[{j}]", f"unknown state {sid!r} (expected one of: {known})"
        both = sorted(set(b.interests.friends) & set(b.interests.rivals))
        if both:
            yield f"{at}.rivals", f"{', '.join(both)} cannot be both a friend and a rival"
        if b.interests.region is not None and b.interests.region not in regions:
            yield f"{at}.region", _unknown_region(b.interests.region, regions)


def _regional_organizations(sc: Scenario) -> Problems:
    orgs = sc.organizations.regional
    yield from _repeated_ids((f"organizations.regional[{i}].id", o.id) for i, o in enumerate(orgs))
    for i, org in enumerate(orgs):
        yield from _members(f"organizations.regional[{i}].members", org.members, "an organization")


def _populations(sc: Scenario) -> Problems:
    yield from _repeated_ids((f"populations[{i}].id", p.id) for i, p in enumerate(sc.populations))
    for i, p in enumerate(sc.populations):
        if p.active_from > sc.turns:
            never = f"turn {p.active_from} never comes: the scenario has {sc.turns} turns"
            yield f"populations[{i}].active_from", never


def _injects(sc: Scenario) -> Problems:
    yield from _repeated_ids((f"injects[{i}].id", inj.id) for i, inj in enumerate(sc.injects))
    for i, inj in enumerate(sc.injects):
        if inj.when.turn is not None and inj.when.turn > sc.turns:
            never = f"turn {inj.when.turn} never comes: the scenario has {sc.turns} turns"
            yield f"injects[{i}].when.turn", never
        for j, e in enumerate(inj.relation_effects):
            if e.between[0] == e.between[1]:
                yield (
                    f"injects[{i}].relation_effects[{j}].between",
                    "a state cannot have relations with itself",
                )


def _issues(sc: Scenario) -> Problems:
    """Issues at stake: unique ids; statuses that are among the issue's outcomes; each state's
    stake given once; a protection issue's population defined; objectives on real issues."""
    yield from _repeated_ids((f"issues[{i}].id", issue.id) for i, issue in enumerate(sc.issues))
    for i, issue in enumerate(sc.issues):
        where = f"issues[{i}]"
        known = ", ".join(issue.outcomes)
        if issue.status not in issue.outcomes:
            yield f"{where}.status", f"unknown status {issue.status!r} (expected one of: {known})"
        seen: set[str] = set()
        for j, stake in enumerate(issue.stakes):
            if stake.state in seen:
                yield f"{where}.stakes[{j}].state", f"{stake.state!r} has a stake listed twice"
            seen.add(stake.state)
            if stake.wants not in issue.outcomes:
                message = f"unknown status {stake.wants!r} (expected one of: {known})"
                yield f"{where}.stakes[{j}].wants", message
        if issue.safe_status is not None and issue.safe_status not in issue.outcomes:
            message = f"unknown status {issue.safe_status!r} (expected one of: {known})"
            yield f"{where}.safe_status", message
        if (issue.population is None) != (issue.safe_status is None):
            yield where, "population and safe_status go together: give both or neither"
        if issue.population is not None and issue.population not in {p.id for p in sc.populations}:
            yield f"{where}.population", f"unknown population {issue.population!r}"
    by_id = {issue.id: issue for issue in sc.issues}
    for si, spec in enumerate(sc.states):
        for oi, obj in enumerate(spec.objectives):
            cond = obj.condition
            if cond.type != "issue_status":
                continue
            where = f"states[{si}].objectives[{oi}].condition"
            issue = by_id.get(cond.issue)
            if issue is None:
                known = ", ".join(by_id) or "none: add an issues section"
                yield f"{where}.issue", f"unknown issue {cond.issue!r} (expected one of: {known})"
            elif cond.status not in issue.outcomes:
                known = ", ".join(issue.outcomes)
                message = f"unknown status {cond.status!r} (expected one of: {known})"
                yield f"{where}.status", message


def _unknown_region(region: str, regions: set[str]) -> str:
    known = ", ".join(sorted(regions)) or "none: add geography.regions"
    return f"unknown region {region!r} (expected one of: {known})"


def _geography(sc: Scenario) -> Problems:
    """Unique ids across the map's features, neighbours that exist and are two, states in
    regions that exist, zones about issues that exist."""
    geo = sc.geography
    regions = {r.id for r in geo.regions} if geo else set()
    for i, spec in enumerate(sc.states):
        if spec.region is not None and spec.region not in regions:
            yield f"states[{i}].region", _unknown_region(spec.region, regions)
    if geo is None:
        return
    features = [
        (f"geography.{kind}[{i}].id", f.id)
        for kind in ("regions", "sea_lanes", "rivers", "zones")
        for i, f in enumerate(getattr(geo, kind))
    ]
    yield from _repeated_ids(features)
    if geo.regional_tension:
        if len(geo.regions) < 2:
            yield "geography.regional_tension", "tension by region needs at least two regions"
        for i, spec in enumerate(sc.states):
            if spec.region is None:
                yield (
                    f"states[{i}].region",
                    "with geography.regional_tension every state lies in a region "
                    f"(expected one of: {', '.join(sorted(regions)) or 'none'})",
                )
    states = {s.id for s in sc.states}
    seen: dict[frozenset[str], int] = {}
    for i, (a, b) in enumerate(geo.borders):
        where = f"geography.borders[{i}]"
        for sid in (a, b):
            if sid not in states:
                known = ", ".join(s.id for s in sc.states)
                yield where, f"unknown state {sid!r} (expected one of: {known})"
        pair = frozenset((a, b))
        if a == b:
            yield where, f"a state does not border itself ({a!r})"
        elif pair in seen:
            again = f"geography.borders[{seen[pair]}]"
            yield where, f"the border {a!r}-{b!r} is already given in {again}"
        else:
            seen[pair] = i
    issues = {issue.id for issue in getattr(sc, "issues", ())}
    for i, zone in enumerate(geo.zones):
        if zone.issue is not None and zone.issue not in issues:
            known = ", ".join(sorted(issues)) or "none: add an issues section"
            message = f"unknown issue {zone.issue!r} (expected one of: {known})"
            yield f"geography.zones[{i}].issue", message


def _unknown_references(sc: Scenario) -> Problems:
    """Every state or population id the file refers to must be defined."""
    ids = [s.id for s in sc.states]
    known = set(ids)
    refs: list[tuple[str, str | None]] = []
    for i, r in enumerate(sc.relations):
        refs += [(f"relations[{i}].between", s) for s in r.between]
    for i, t in enumerate(sc.trade):
        refs += [(f"trade[{i}].from", t.from_), (f"trade[{i}].to", t.to)]
    for i, t in enumerate(sc.treaties):
        refs += [(f"treaties[{i}].members", m) for m in t.members]
    for i, p in enumerate(sc.populations):
        refs += [
            (f"populations[{i}].in_state", p.in_state),
            (f"populations[{i}].perpetrator", p.perpetrator),
        ]
    for i, inj in enumerate(sc.injects):
        refs += [(f"injects[{i}].effects[{j}].state", e.state) for j, e in enumerate(inj.effects)]
        for j, e in enumerate(inj.relation_effects):
            refs += [(f"injects[{i}].relation_effects[{j}].between", s) for s in e.between]
    council = sc.organizations.security_council
    if council is not None:
        bystander_ids = {b.id for b in council.bystanders}
        refs += [
            ("organizations.security_council.permanent", s)
            for s in council.permanent
            if s not in bystander_ids  # a bystander may hold a permanent seat
        ]
        refs += [("organizations.security_council.elected", s) for s in council.elected]
    for i, org in enumerate(sc.organizations.regional):
        refs += [(f"organizations.regional[{i}].members", m) for m in org.members]
    for i, issue in enumerate(sc.issues):
        refs.append((f"issues[{i}].held_by", issue.held_by))
        refs += [(f"issues[{i}].stakes[{j}].state", s.state) for j, s in enumerate(issue.stakes)]
    pop_ids = {p.id for p in sc.populations}
    for si, spec in enumerate(sc.states):
        for oi, obj in enumerate(spec.objectives):
            cond = obj.condition
            where = f"states[{si}].objectives[{oi}].condition"
            for field in ("with_", "against", "state", "target"):
                refs.append((f"{where}.{field.rstrip('_')}", getattr(cond, field, None)))
            if cond.type == "population_protected" and cond.population not in pop_ids:
                yield f"{where}.population", f"unknown population {cond.population!r}"
    for where, ref in refs:
        if ref is not None and ref not in known:
            yield where, f"unknown state {ref!r} (expected one of: {', '.join(ids)})"
