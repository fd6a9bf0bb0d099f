"""Issues at stake: what the crisis is about, and how their status changes.

A scenario declares its issues (passage through a strait, a disputed zone, the killings in a
delta, inspections, a base, a leader's fate): who decides each one (its holder, to whom demands
are made), its status at the start, and what it is worth to each state that cares. Threats,
ultimatums, sanctions and deals name what they demand: an issue and the status wanted (the
sender's own wish unless it says otherwise). When the holder gives in, or signs a deal, the
status changes in the game state, so success changes the world and every later turn sees it: a
protection issue whose killings stop spares its population.

The rules of demands themselves (what a demand names, how a status changes) are in demands.py,
which the coercive moves share. The holder may also change its stand unprompted. Going back on a status it conceded is reneging:
under a deal still in force it breaks the deal (a broken obligation, agreements.py); after
giving in to an ultimatum or to sanctions it costs reputation and the goodwill of the state that
obtained it.

This family also records the arms control inspections a member passes (found within its cap):
passing one is a tested obligation, which the score counts (scoring.py).

Every figure below was set by hand (tuned); none is a calibration target or moves a row of
`wargame calibrate` directly.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..draft import TurnDraft
from ..enums import Stat, TreatyStatus
from ..moves import Family, Move, MoveHelp, Order, Phase, Step, TurnOrders
from ..state import GameState
from .agreements import breach
from .arms_control import CAP_TOLERANCE, RequestInspection
from .demands import IssueEvent, change_issue

RENEGE_REPUTATION = 6.0  # reputation lost by going back on a concession made under pressure
RENEGE_RELATIONS = 15.0  # relations lost with the state that obtained it (tuned)


# --- the holder changes its stand --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChangeIssue(Order):
    issue: str = ""
    status: str = ""


def check_change(state: GameState, o: ChangeIssue) -> str | None:
    spec = state.scenario.issue(o.issue)
    now = state.issue(o.issue)
    if spec is None or now is None:
        return f"there is no issue {o.issue!r} in this scenario"
    if now.held_by != o.actor:
        return f"{spec.name} is decided by {state.name(now.held_by)}, not by you"
    if o.status not in spec.outcomes:
        return f"{spec.name} cannot be {o.status!r} (expected one of: {', '.join(spec.outcomes)})"
    if o.status == now.status:
        return f"{spec.name} already stands so"
    return None


def change_candidates(state: GameState, seat: str) -> Iterator[ChangeIssue]:
    for issue in state.issues:
        if issue.held_by == seat:
            for status in state.scenario.issue(issue.id).outcomes:
                if status != issue.status:
                    yield ChangeIssue(seat, issue=issue.id, status=status)


def change_stand(draft: TurnDraft, o: ChangeIssue) -> None:
    issue = draft.issues.find(o.issue)
    if issue is None or issue.status == o.status:
        return
    conceded_to = issue.changed_by if issue.changed_by not in (None, o.actor) else None
    via = issue.via
    change_issue(draft, o.issue, o.status, o.actor, None, "changed its stand")
    if conceded_to is None or via is None:
        return
    deal = draft.treaties.find(via)
    if deal is not None:
        if deal.status == TreatyStatus.ACTIVE and o.actor in deal.members:
            breach(draft, deal, o.actor, why="went back on")
        return
    reputation = draft.country(o.actor).shift(Stat.REPUTATION, -RENEGE_REPUTATION)
    relations = draft.shift_relation(o.actor, conceded_to, -RENEGE_RELATIONS)
    spec = draft.scenario.issue(o.issue)
    draft.emit(
        IssueEvent.RENEGED,
        f"{draft.name(o.actor)} went back on what it had conceded to {draft.name(conceded_to)} "
        f"on {spec.name}.",
        (o.actor, conceded_to),
        {"reputation change": reputation, "relations change": relations},
    )


# --- inspections passed ------------------------------------------------------------------------


def record_inspections(draft: TurnDraft, orders: TurnOrders) -> None:
    """Each inspection that found its target within the cap (after detection has run this turn)
    is a test of the treaty passed: counted on the inspected member's record."""
    done: set[tuple[str, str]] = set()
    for o in orders.of(RequestInspection):
        if (o.treaty, o.target) in done:
            continue
        done.add((o.treaty, o.target))
        t = draft.treaties.find(o.treaty)
        if t is None or t.status != TreatyStatus.ACTIVE or o.target not in t.members:
            continue
        country = draft.country(o.target)
        if t.cap is not None and country.military > t.cap + CAP_TOLERANCE:
            continue
        country.inspections_passed += 1  # the news is arms control's (InspectionCleared)


CHANGES = Step(Phase.TREATIES_BROKEN, name="change_issue")  # by the move's `apply`
INSPECTIONS = Step(Phase.ARMS_CONTROL, record_inspections)

FAMILY = Family(
    "issues",
    "Issues at stake",
    events=IssueEvent,
    moves=(
        Move(
            ChangeIssue,
            "Change your stand on an issue",
            check_change,
            change_candidates,
            CHANGES,
            MoveHelp(
                what="Change the status of an issue you decide (open the strait, halt the "
                "killings, accept inspections...), without being asked or as a gesture.",
                costs="One action. What the issue is worth to you, if you give up the status "
                "you want.",
                risks="Going back on a status you conceded breaks the deal that obtained it, or "
                "after giving in to an ultimatum or sanctions costs reputation and goodwill.",
                when="Only for issues your state decides.",
            ),
            apply=change_stand,
            free_fields={},
            field_order=("issue", "status"),
        ),
    ),
    steps=(CHANGES, INSPECTIONS),
)
