"""Demands and the status of the issues at stake: the helpers every coercive move shares.

Threats, ultimatums, sanctions and deals name what they demand: an issue and the status wanted
(the sender's own wish, its stake, unless the order says otherwise). A demand that names no issue
is a blanket demand: the target is asked to give in without being told what would satisfy the
sender. When the holder of an issue gives in or signs a deal, `change_issue` moves the issue to
its new status; a protection issue moved to its safe status halts the killings it is about.
See rules/issues.py for the family (the holder's own changes of stand).
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum

from ..draft import TurnDraft
from ..scenario.schema import IssueSpec
from ..state import Readings

# share of a population's threat that remains once the perpetrator has conceded a protection
# issue (killings halted; stragglers and militias still kill some) (tuned)
HALTED_TOLL = 0.1


class IssueEvent(StrEnum):
    CHANGED = "IssueChanged"
    RENEGED = "ConcessionReneged"


# --- reading issues ----------------------------------------------------------------------------


def spec_of(x: Readings, issue_id: str | None) -> IssueSpec | None:
    return None if not issue_id else x.scenario.issue(issue_id)


def wanted(x: Readings, state_id: str, issue_id: str) -> str | None:
    """The status `state_id` wants this issue at (its stake), or None if it has none."""
    spec = x.scenario.issue(issue_id)
    stake = spec.stake(state_id) if spec is not None else None
    return stake.wants if stake is not None else None


def worth(x: Readings, state_id: str, issue_id: str) -> float:
    """What the issue is worth to the state (% of its GDP a turn), 0 if it has no stake."""
    spec = x.scenario.issue(issue_id)
    stake = spec.stake(state_id) if spec is not None else None
    return stake.worth if stake is not None else 0.0


def outcome_words(x: Readings, issue_id: str, status: str) -> str:
    """A status in plain words, as the scenario describes it."""
    spec = x.scenario.issue(issue_id)
    return spec.outcomes.get(status, status) if spec is not None else status


def demand_words(x: Readings, issue_id: str | None, status: str | None) -> str:
    """What a demand asks, in words: "Passage through the Narrow Strait (Ships of every flag
    pass the strait freely)"; a blanket demand names nothing."""
    spec = spec_of(x, issue_id)
    if spec is None or status is None:
        return "a change of course (nothing in particular)"
    return f"{spec.name} ({spec.outcomes.get(status, status).rstrip('. ')})"


def demand_of(x: Readings, actor: str, issue_id: str, status: str) -> tuple[str | None, str | None]:
    """The demand an order names: its issue, and the status asked (the actor's own wish when the
    order leaves it empty). (None, None) for a blanket demand."""
    if not issue_id:
        return None, None
    return issue_id, status or wanted(x, actor, issue_id)


def check_demand(x: Readings, actor: str, target: str, issue_id: str, status: str) -> str | None:
    """None when `actor` may demand this of `target`; else the reason it may not."""
    if not issue_id:
        return "name the status you ask for" if status else None
    spec = x.scenario.issue(issue_id)
    if spec is None:
        known = ", ".join(i.id for i in x.scenario.issues) or "this scenario has none"
        return f"there is no issue {issue_id!r} (expected one of: {known})"
    now = x.issue(issue_id)
    holder = now.held_by if now is not None else spec.held_by
    if holder != target:
        return f"{spec.name} is decided by {x.name(holder)}, not {x.name(target)}"
    asked = status or wanted(x, actor, issue_id)
    if asked is None:
        return f"say which status of {spec.name} you ask for (you have no stake in it)"
    if asked not in spec.outcomes:
        return f"{spec.name} cannot be {asked!r} (expected one of: {', '.join(spec.outcomes)})"
    if now is not None and now.status == asked:
        return f"{spec.name} already stands as you ask"
    return None


def demands_open(x: Readings, actor: str, target: str) -> Iterator[tuple[str, str]]:
    """(issue, status) pairs `actor` could demand of `target`: every status but the current one
    of every issue `target` decides, the actor's own wish first."""
    for issue in x.issues:
        if issue.held_by != target:
            continue
        spec = x.scenario.issue(issue.id)
        mine = wanted(x, actor, issue.id)
        statuses = sorted(spec.outcomes, key=lambda s: s != mine)
        for status in statuses:
            if status != issue.status:
                yield issue.id, status


def demand_met(x: Readings, issue_id: str | None, status: str | None) -> bool:
    """Does the issue already stand at the status a demand asked for?"""
    if not issue_id:
        return False
    now = x.issue(issue_id)
    return now is not None and now.status == status


# --- changing an issue -------------------------------------------------------------------------


def change_issue(
    draft: TurnDraft,
    issue_id: str,
    status: str,
    obtained_by: str,
    via: str | None,
    how: str,
) -> None:
    """The issue's holder moves it to `status`; `how` says why, for the event ("gave in to
    Aurelia's ultimatum"). A protection issue moved to its safe status spares its population."""
    issue = draft.issues.find(issue_id)
    spec = draft.scenario.issue(issue_id)
    if issue is None or spec is None or issue.status == status:
        return
    before = issue.status
    draft.issues.replace(
        issue, status=status, changed_turn=draft.turn, changed_by=obtained_by, via=via
    )
    _protect(draft, spec, before, status)
    draft.emit(
        IssueEvent.CHANGED,
        f"{spec.name}: {spec.outcomes[status]} ({draft.name(issue.held_by)} {how}; before: "
        f"{spec.outcomes[before].rstrip('.')}).",
        tuple(dict.fromkeys((issue.held_by, obtained_by))),
        {f"worth to {draft.name(s.state)}, % of GDP a turn": s.worth for s in spec.stakes},
    )


def _protect(draft: TurnDraft, spec: IssueSpec, before: str, status: str) -> None:
    """A protection issue decides how many are killed: moving to its safe status cuts the
    population's threat to HALTED_TOLL of what it was; moving away from it restores it (other
    changes to the threat, such as reforms, carry through)."""
    if spec.population is None or (before == spec.safe_status) == (status == spec.safe_status):
        return
    population = draft.populations.find(spec.population)
    if population is not None:
        factor = HALTED_TOLL if status == spec.safe_status else 1 / HALTED_TOLL
        draft.populations.replace(population, threat=population.threat * factor)
