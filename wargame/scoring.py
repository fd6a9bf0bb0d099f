"""Scores from what happened: objectives met, obligations kept when tested, and each state's
outcome as crisis datasets define it.

The score counts the state's (public and secret) objectives, judged at the end on the status of
the issues at stake and on what the state achieved and suffered (its economy, standing, lives lost,
treaties), and its record with its obligations: a treaty earns points only when it was tested and
kept (a call for help honoured, an arms control inspection passed), never for merely existing,
while every broken obligation costs points. Treaties that serve an objective earn through that
objective. A state whose forces kill a population at risk loses points for it and cannot end in
victory, whatever else it achieved. So the debrief can show the trade-off between national
interest and commitments, and neither signing paper nor doing nothing pays.

The outcome follows the International Crisis Behavior project's definitions (Brecher &
Wilkenfeld, "A Study of Crisis", 2000): **victory** when the state got or held what it demanded
and did not back down; **compromise** when it got part of it and gave up part; **stalemate** when
nothing changed on what it cared about; **defeat** when it backed down (conceded an issue it cared
about, retreated from its own threats, lost a war) without getting anything in return.
"""

from __future__ import annotations

from dataclasses import dataclass

from .enums import Rung, SanctionsStage, Side, UltimatumStatus
from .scenario.schema import Objective
from .state import GameState, Readings

TESTED_TREATY_POINTS = 10  # each call for help honoured, each inspection passed
BROKEN_OBLIGATION_POINTS = -15
ATROCITY_POINTS_PER_SHARE = -100  # per share of a population killed by the state's forces
ATROCITY_POINTS_MAX = -45
OUTCOMES = ("victory", "compromise", "stalemate", "defeat")
# shares of a state's objective points that make its record a victory, a compromise...
VICTORY_SHARE = 0.6  # with what it demanded got or held, and no retreat
HIGH_SHARE = (
    0.75  # a lost war with this much met is a stalemate; without any issue won, a compromise
)
FLOOR_SHARE = 0.25  # below this, a state that neither won nor lost anything was defeated
WAR_VICTORY_SHARE = 0.45  # a war won with this much met is a victory
# how a score is made, in words, for the end screen and the report (from the figures above)
SCORE_RULE = (
    f"Score = points for objectives met + {TESTED_TREATY_POINTS} for each call for help honoured "
    f"and each arms inspection passed \u2212 {-BROKEN_OBLIGATION_POINTS} for each obligation "
    f"broken (and up to \u2212{-ATROCITY_POINTS_MAX} for a state whose forces killed a population "
    "at risk). A treaty merely in force earns nothing."
)


@dataclass(frozen=True, slots=True)
class ObjectiveResult:
    objective: Objective
    met: bool


@dataclass(frozen=True, slots=True)
class Score:
    state_id: str
    objectives: tuple[ObjectiveResult, ...]
    objective_points: int
    possible_points: int
    obligation_points: int
    outcome: str

    @property
    def total(self) -> int:
        return self.objective_points + self.obligation_points


def condition_met(state: GameState, owner: str, objective: Objective) -> bool:
    c = objective.condition
    t = c.type
    if t == "avoid_war":
        return not any(
            (owner in w.side_a + w.side_b) and (c.with_ is None or c.with_ in w.side_a + w.side_b)
            for w in state.wars
        )
    if t == "win_war":
        return any(
            (w.winner == "a" and owner in w.side_a and c.against in w.side_b)
            or (w.winner == "b" and owner in w.side_b and c.against in w.side_a)
            for w in state.wars
        )
    if t == "attribute_at_least":
        return getattr(state.country(c.state or owner), c.attribute) >= c.value
    if t == "treaty_with":
        return any(c.with_ in tr.members for tr in state.active_treaties(member=owner, kind=c.kind))
    if t == "relations_at_least":
        return state.relation(owner, c.with_) >= c.value
    if t == "population_protected":
        pop = next(p for p in state.populations if p.id == c.population)
        return pop.deaths <= c.max_deaths
    if t == "sanctions_conceded":
        return any(
            e.stage == "conceded" and e.target == c.target and owner in e.senders
            for e in state.sanctions
        )
    if t == "escalation_at_most":
        return state.escalation <= Rung.named(c.rung)
    if t == "obligations_kept":
        return state.country(owner).obligations_broken == 0
    if t == "resolution_passed":
        return any(
            d.status == "adopted"
            and d.kind == c.kind
            and (c.target is None or d.target == c.target)
            for d in state.drafts
        )
    if t == "not_sanctioned":
        return not any(e.stage == "imposed" and e.target == owner for e in state.sanctions)
    if t == "never_conceded":
        return not any(
            e.stage == "conceded" and e.target == owner for e in state.sanctions
        ) and not any(u.status == "complied" and u.target == owner for u in state.ultimatums)
    if t == "issue_status":
        issue = state.issue(c.issue)
        return issue is not None and issue.status == c.status
    raise ValueError(f"unknown objective condition {t!r}")


def tests_passed(state: Readings, owner: str) -> int:
    """Obligations tested and kept: calls for help the state honoured, inspections it passed."""
    honoured = sum(owner in inv.honoured_by for inv in state.invocations)
    return honoured + state.country(owner).inspections_passed


def atrocity_share(state: Readings, owner: str) -> float:
    """The share of the populations at risk killed by this state's forces (0 if none)."""
    people = killed = 0
    for p in state.populations:
        if p.perpetrator == owner:
            people += p.people
            killed += p.deaths
    return killed / people if people else 0.0


def is_perpetrator(state: Readings, owner: str) -> bool:
    return any(p.perpetrator == owner and p.deaths > 0 for p in state.populations)


def score(state: GameState, owner: str) -> Score:
    spec = state.scenario.state(owner)
    results = tuple(ObjectiveResult(o, condition_met(state, owner, o)) for o in spec.objectives)
    earned = sum(r.objective.points for r in results if r.met)
    possible = sum(o.points for o in spec.objectives) or 1
    obligations = obligation_points(state, owner)
    return Score(
        owner, results, earned, possible, obligations, outcome(state, owner, earned / possible)
    )


def points_earned(state: GameState, owner: str) -> tuple[int, int]:
    """(objective points, obligation points) of `score`, without the rest of it (the outcome
    weighs every issue's record): what a computer player's look-ahead scores futures by."""
    spec = state.scenario.state(owner)
    earned = sum(o.points for o in spec.objectives if condition_met(state, owner, o))
    return earned, obligation_points(state, owner)


def obligation_points(state: GameState, owner: str) -> int:
    """Points for obligations tested and kept, less those broken and atrocities."""
    broken = state.country(owner).obligations_broken
    atrocities = max(ATROCITY_POINTS_MAX, ATROCITY_POINTS_PER_SHARE * atrocity_share(state, owner))
    return (
        tests_passed(state, owner) * TESTED_TREATY_POINTS
        + broken * BROKEN_OBLIGATION_POINTS
        + round(atrocities)
    )


# --- outcomes --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IssueRecord:
    """What happened to the issues a state cared about: those it won (moved to the status it
    wants, by its own demand), held under challenge (a demand was made and it kept them), and
    lost."""

    won: tuple[str, ...] = ()
    held: tuple[str, ...] = ()
    lost: tuple[str, ...] = ()


def challenged(state: Readings, issue_id: str) -> bool:
    """Did anyone demand a change of this issue (a threat, sanctions, an ultimatum, a deal)?"""
    return (
        any(e.issue == issue_id for e in state.sanctions)
        or any(u.issue == issue_id for u in state.ultimatums)
        or any(p.demand_issue == issue_id for p in state.proposals)
    )


def pressed(state: Readings, owner: str, issue_id: str) -> bool:
    """Did the state itself demand this issue's change (a threat, sanctions, an ultimatum, a deal
    it proposed or signed)? A state wins only the demands it made, not others' gains."""
    return (
        any(e.issue == issue_id and owner in e.senders for e in state.sanctions)
        or any(u.issue == issue_id and u.issuer == owner for u in state.ultimatums)
        or any(
            issue_id in (p.demand_issue, p.offer_issue) and owner in (p.proposer, *p.accepted_by)
            for p in state.proposals
        )
    )


def issue_record(state: GameState, owner: str) -> IssueRecord:
    won, held, lost = [], [], []
    for issue in state.issues:
        spec = state.scenario.issue(issue.id)
        stake = spec.stake(owner) if spec is not None else None
        if stake is None:
            continue
        at_start, now = spec.status == stake.wants, issue.status == stake.wants
        if now and not at_start:
            if pressed(state, owner, issue.id):
                won.append(issue.id)
        elif at_start and not now:
            lost.append(issue.id)
        elif now and challenged(state, issue.id):
            held.append(issue.id)
    return IssueRecord(tuple(won), tuple(held), tuple(lost))


def backed_down(state: GameState, owner: str) -> bool:
    """Did the state retreat: give in to a demand, let its own threats lapse, lose a war?"""
    if state.country(owner).backed_down:
        return True
    return any(
        e.target == owner and e.stage == SanctionsStage.CONCEDED for e in state.sanctions
    ) or any(u.target == owner and u.status == UltimatumStatus.COMPLIED for u in state.ultimatums)


def wars_won_lost(state: GameState, owner: str) -> tuple[bool, bool]:
    won = lost = False
    for w in state.wars:
        if w.winner in (Side.A, Side.B) and owner in w.side_a + w.side_b:
            side = w.side_a if w.winner == Side.A else w.side_b
            won |= owner in side
            lost |= owner not in side
    return won, lost


def outcome(state: GameState, owner: str, share: float) -> str:
    """victory / compromise / stalemate / defeat: who got its demands and who backed down
    (see the module's docstring); a perpetrator of atrocities cannot end in victory."""
    return judge_outcome(state, owner, share).outcome


@dataclass(frozen=True, slots=True)
class Judgement:
    """An outcome and the rule that decided it, for the debrief to say why (debrief/why_outcome)."""

    outcome: str
    # the branch of the rule: "lost_war", "won_war", "got" (got or held what it demanded, gave
    # nothing), "got_and_gave", "gave" (backed down, got nothing), "nothing" (nothing changed)
    case: str
    share: float  # of its objective points met
    perpetrator: bool = False  # victory taken away: its forces killed a population at risk


def judge_outcome(state: GameState, owner: str, share: float) -> Judgement:
    judged = _judge(state, owner, share)
    if judged.outcome == "victory" and is_perpetrator(state, owner):
        return Judgement("compromise", judged.case, share, perpetrator=True)
    return judged


def _judge(state: GameState, owner: str, share: float) -> Judgement:
    won_war, lost_war = wars_won_lost(state, owner)
    if lost_war and not won_war:
        return Judgement("stalemate" if share >= HIGH_SHARE else "defeat", "lost_war", share)
    if won_war and not lost_war:
        return Judgement(
            "victory" if share >= WAR_VICTORY_SHARE else "compromise", "won_war", share
        )
    record = issue_record(state, owner)
    got = bool(record.won or record.held)
    gave = bool(record.lost) or backed_down(state, owner)
    if got and not gave:
        return Judgement("victory" if share >= VICTORY_SHARE else "compromise", "got", share)
    if got and gave:
        return Judgement("compromise", "got_and_gave", share)
    if gave:
        return Judgement("compromise" if share >= HIGH_SHARE else "defeat", "gave", share)
    if share >= HIGH_SHARE:
        return Judgement("compromise", "nothing", share)
    return Judgement("stalemate" if share >= FLOOR_SHARE else "defeat", "nothing", share)


def scores(state: GameState) -> dict[str, Score]:
    return {sid: score(state, sid) for sid in state.ids}
