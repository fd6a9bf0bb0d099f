"""International organizations: Security Council drafts and votes, regional organizations.

A draft is tabled by a Council member in one turn and voted on in the next. UN Charter Art. 27(3):
a substantive decision needs nine affirmative votes out of fifteen including the concurring votes
of the permanent members, which in practice (since 1946) means no permanent member votes "no"; an
abstention does not block. Council members that no player controls (bystanders) vote by their
leaning, the sponsor's reputation and the evidence (a war of aggression, a population dying).

The vote count comes from the Charter and is checked by the council_art27 row of `wargame
calibrate`; every other figure below was set by hand (tuned) and is no calibration target
(adopted sanctions resolutions do enter the sanctions rows, as UN episodes).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from ..draft import TurnDraft
from ..enums import DraftStatus, Measure, ResolutionKind, Stat, Vote
from ..moves import Answer, Family, Move, MoveHelp, Order, Phase, Step, TurnOrders
from ..scenario.schema import SecurityCouncil
from ..state import CouncilDraft, GameState, Readings, by_id
from .common import check_other_state, others
from .sanctions import impose

VOTES_NEEDED = 9  # of the fifteen seats: UN Charter Art. 27(3) (council_art27)
# how a bystander votes: yes with chance BYSTANDER_YES + BYSTANDER_LEANING x its leaning + the
# sponsor's standing + the evidence, within the bounds; else abstain or no (tuned)
BYSTANDER_YES = 0.45
BYSTANDER_LEANING = 0.3
BYSTANDER_YES_MIN = 0.05
BYSTANDER_YES_MAX = 0.95
BYSTANDER_ABSTAIN = 0.6  # share of the bystanders not voting yes who abstain rather than vote no
# the sponsor's standing: (reputation - SPONSOR_REPUTATION_MIDPOINT) / SPONSOR_REPUTATION_SPREAD,
# so from -0.25 to +0.25 (tuned)
SPONSOR_REPUTATION_MIDPOINT = 50
SPONSOR_REPUTATION_SPREAD = 200
# the evidence (tuned)
EVIDENCE_AGGRESSION = 0.25  # the target is fighting a war it began
EVIDENCE_ATROCITIES = 0.2  # the target is killing a population at risk
EVIDENCE_POPULATION_DYING = 0.3  # a peacekeeping draft's population is dying
# what an adopted resolution does (tuned)
CONDEMNED_REPUTATION = 10.0  # reputation a condemned state loses
CONDEMNED_RELATIONS = 5.0  # relations a condemned state loses with everyone
AUTHORIZED_TARGET_REPUTATION = 5.0  # reputation lost by a state force is authorized against
FAILED_DRAFT_REPUTATION = 1.0  # reputation the sponsor of a draft not adopted loses
# regional organizations (tuned)
REGIONAL_REPUTATION = 5.0  # reputation a state condemned by a regional organization loses
REGIONAL_RELATIONS = 3.0  # relations it loses with every member


class OrganizationsEvent(StrEnum):
    DRAFT_TABLED = "DraftTabled"
    RESOLUTION_ADOPTED = "ResolutionAdopted"
    RESOLUTION_VETOED = "ResolutionVetoed"
    RESOLUTION_FAILED = "ResolutionFailed"
    PEACEKEEPERS_DEPLOYED = "PeacekeepersDeployed"
    REGIONAL_CONDEMNATION = "RegionalCondemnation"
    REGIONAL_APPEAL_FAILED = "RegionalAppealFailed"


RESOLUTION_EVENTS = {
    DraftStatus.ADOPTED: OrganizationsEvent.RESOLUTION_ADOPTED,
    DraftStatus.VETOED: OrganizationsEvent.RESOLUTION_VETOED,
    DraftStatus.FAILED: OrganizationsEvent.RESOLUTION_FAILED,
}


# --- the Security Council ----------------------------------------------------------------------


def council(state: Readings) -> SecurityCouncil | None:
    return state.scenario.organizations.security_council


def council_members(state: Readings) -> tuple[str, ...]:
    c = council(state)
    return () if c is None else (*c.permanent, *c.elected)


def vetoes(votes: Mapping[str, str], permanent: tuple[str, ...]) -> list[str]:
    """The permanent members voting no."""
    return [m for m in permanent if votes.get(m) == Vote.NO]


def adopted(votes: Mapping[str, str], permanent: tuple[str, ...]) -> tuple[bool, str]:
    """Art. 27(3): (adopted?, why). `votes` maps every Council seat to yes/no/abstain."""
    yes = sum(1 for v in votes.values() if v == Vote.YES)
    if vetoed_by := vetoes(votes, permanent):
        return False, f"vetoed by {', '.join(vetoed_by)}"
    if yes < VOTES_NEEDED:
        return False, f"only {yes} votes in favour; {VOTES_NEEDED} are needed"
    return True, f"{yes} votes in favour and no permanent member against"


def _subject(state: Readings, target: str | None) -> str:
    return state.name(target) if target else "the crisis"


# --- tabling a draft ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TableResolution(Order):
    resolution: ResolutionKind = ResolutionKind.CONDEMN
    target: str = ""
    population: str = ""


def check_table(state: GameState, o: TableResolution) -> str | None:
    if council(state) is None:
        return "this scenario has no Security Council"
    if o.actor not in council_members(state):
        return "only members of the Security Council can table a draft"
    if o.resolution not in tuple(ResolutionKind):
        return (
            f"unknown kind of resolution {o.resolution!r} "
            f"(expected one of {', '.join(tuple(ResolutionKind))})"
        )
    if o.resolution == ResolutionKind.PEACEKEEPING:
        if not any(p.id == o.population for p in state.populations):
            return "a peacekeeping draft must name a population at risk"
    elif reason := check_other_state(state, o.actor, o.target):
        return reason
    if any(
        d.status == DraftStatus.TABLED and d.kind == o.resolution and d.target == (o.target or None)
        for d in state.drafts
    ):
        return "the same draft is already before the Council"
    return None


def table_candidates(state: GameState, seat: str):
    if seat not in council_members(state):
        return
    for other in others(state, seat):
        for kind in (
            ResolutionKind.CONDEMN,
            ResolutionKind.SANCTION,
            ResolutionKind.AUTHORIZE_FORCE,
        ):
            yield TableResolution(seat, resolution=kind, target=other)
    for p in state.populations:
        yield TableResolution(
            seat, resolution=ResolutionKind.PEACEKEEPING, target=p.in_state, population=p.id
        )


def table_draft(draft: TurnDraft, o: TableResolution) -> None:
    kind = ResolutionKind(o.resolution)
    d = CouncilDraft(
        draft.new_id("r"),
        o.actor,
        kind,
        o.target or None,
        o.population or None,
        draft.turn,
    )
    draft.drafts.append(d)
    draft.emit(
        OrganizationsEvent.DRAFT_TABLED,
        f"{draft.name(o.actor)} tabled a Security Council draft to {kind.words} "
        f"({_subject(draft, o.target)}); the vote is next turn (id {d.id}).",
        (o.actor, *((o.target,) if o.target else ())),
    )


# --- voting ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CastVote(Order):
    draft: str = ""
    vote: Vote = Vote.ABSTAIN


def check_vote(state: GameState, o: CastVote) -> str | None:
    d = by_id(state.drafts, o.draft)
    if d is None or d.status != DraftStatus.TABLED:
        return "no draft with that id is before the Council"
    if d.turn >= state.turn:
        return "the draft is voted on in the turn after it is tabled"
    if o.actor not in council_members(state):
        return "only members of the Security Council vote"
    if o.vote not in tuple(Vote):
        return f"a vote is one of {', '.join(tuple(Vote))}"
    return None


def vote_candidates(state: GameState, seat: str):
    if seat not in council_members(state):
        return
    for d in state.drafts:
        if d.status == DraftStatus.TABLED and d.turn < state.turn:
            for v in Vote:
                yield CastVote(seat, draft=d.id, vote=v)


def _evidence(state: Readings, d: CouncilDraft) -> float:
    """How clear the case is: the target is fighting a war it began, or a population is dying."""
    score = 0.0
    if d.target is not None:
        if any(w.ended_turn is None and d.target in w.side_a for w in state.wars):
            score += EVIDENCE_AGGRESSION
        if any(p.perpetrator == d.target and p.deaths > 0 for p in state.populations):
            score += EVIDENCE_ATROCITIES
    if d.population is not None:
        p = by_id(state.populations, d.population)
        if p is not None and p.deaths > 0:
            score += EVIDENCE_POPULATION_DYING
    return score


def bystander_vote(chance_of_yes: float, draw: float) -> Vote:
    """Yes with the given chance; otherwise abstain (BYSTANDER_ABSTAIN of the time) or no."""
    if draw < chance_of_yes:
        return Vote.YES
    if draw < chance_of_yes + (1 - chance_of_yes) * BYSTANDER_ABSTAIN:
        return Vote.ABSTAIN
    return Vote.NO


def vote_on_drafts(draft: TurnDraft, orders: TurnOrders) -> None:
    """Last turn's drafts put to the vote: the players' votes and the bystanders' are counted
    together, so this step takes its orders itself."""
    c = council(draft)
    if c is None:
        return
    cast = {(o.draft, o.actor): o.vote for o in orders.of(CastVote)}
    seats = (*c.permanent, *c.elected)
    for d in list(draft.drafts):
        if d.status != DraftStatus.TABLED or d.turn >= draft.turn:
            continue
        votes: dict[str, str] = {m: cast.get((d.id, m), Vote.ABSTAIN) for m in seats}
        numbers: dict[str, float] = {}
        sponsor = (
            draft.country(d.sponsor).reputation - SPONSOR_REPUTATION_MIDPOINT
        ) / SPONSOR_REPUTATION_SPREAD
        evidence = _evidence(draft, d)
        for b in c.bystanders:
            p_yes = min(
                BYSTANDER_YES_MAX,
                max(
                    BYSTANDER_YES_MIN,
                    BYSTANDER_YES + BYSTANDER_LEANING * b.leaning + sponsor + evidence,
                ),
            )
            votes[b.id] = bystander_vote(p_yes, draft.rng.random())
            numbers[f"{b.name}: chance of yes"] = p_yes
        ok, why = adopted(votes, c.permanent)
        vetoed_by = vetoes(votes, c.permanent)
        status = (
            DraftStatus.ADOPTED if ok else DraftStatus.VETOED if vetoed_by else DraftStatus.FAILED
        )
        counts = Counter(votes.values())
        draft.drafts.replace(d, votes=tuple(sorted(votes.items())), status=status)
        draft.emit(
            RESOLUTION_EVENTS[status],
            f"The Security Council {'adopted' if ok else 'did not adopt'} the draft to "
            f"{ResolutionKind(d.kind).words} ({_subject(draft, d.target)}): {why}.",
            (d.sponsor, *((d.target,) if d.target else ())),
            {
                "yes": counts[Vote.YES],
                "no": counts[Vote.NO],
                "abstain": counts[Vote.ABSTAIN],
                "votes needed": VOTES_NEEDED,
                "permanent members voting no": len(vetoed_by),
                **numbers,
            },
        )
        if ok:
            _carry_out(draft, d)
        else:
            draft.country(d.sponsor).shift(Stat.REPUTATION, -FAILED_DRAFT_REPUTATION)


def _carry_out(draft: TurnDraft, d: CouncilDraft) -> None:
    """What an adopted resolution does."""
    if d.kind == ResolutionKind.CONDEMN and d.target:
        draft.country(d.target).shift(Stat.REPUTATION, -CONDEMNED_REPUTATION)
        draft.shift_relations_with_all(d.target, -CONDEMNED_RELATIONS)
    elif d.kind == ResolutionKind.SANCTION and d.target:
        senders = tuple(s for s in draft.ids if s != d.target)
        impose(draft, d.sponsor, d.target, Measure.TRADE, un_mandated=True, senders=senders)
    elif d.kind == ResolutionKind.AUTHORIZE_FORCE and d.target:
        draft.country(d.target).shift(Stat.REPUTATION, -AUTHORIZED_TARGET_REPUTATION)
    elif d.kind == ResolutionKind.PEACEKEEPING and d.population:
        p = draft.populations.find(d.population)
        draft.populations.replace(p, peacekeepers=True)
        draft.emit(
            OrganizationsEvent.PEACEKEEPERS_DEPLOYED,
            f"UN peacekeepers deployed to protect {p.id}.",
            (p.in_state,),
        )


# --- regional organizations --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RegionalAppeal(Order):
    organization: str = ""
    target: str = ""


def check_appeal(state: GameState, o: RegionalAppeal) -> str | None:
    org = by_id(state.scenario.organizations.regional, o.organization)
    if org is None:
        return f"there is no regional organization {o.organization!r}"
    if o.actor not in org.members:
        return "only members can bring a case to this organization"
    return check_other_state(state, o.actor, o.target)


def appeal_candidates(state: GameState, seat: str):
    for org in state.scenario.organizations.regional:
        if seat in org.members:
            for other in others(state, seat):
                yield RegionalAppeal(seat, organization=org.id, target=other)


def hear_appeal(draft: TurnDraft, o: RegionalAppeal) -> None:
    """The organization condemns when most of its other members are closer to the appellant
    than to the accused."""
    org = by_id(draft.scenario.organizations.regional, o.organization)
    voters = [m for m in org.members if m != o.target]
    yes = [m for m in voters if draft.relation(m, o.actor) > draft.relation(m, o.target)]
    numbers = {"members in favour": len(yes), "members voting": len(voters)}
    if len(yes) * 2 > len(voters):
        draft.country(o.target).shift(Stat.REPUTATION, -REGIONAL_REPUTATION)
        for m in org.members:
            draft.shift_relation(m, o.target, -REGIONAL_RELATIONS)
        draft.emit(
            OrganizationsEvent.REGIONAL_CONDEMNATION,
            f"The {org.name} condemned {draft.name(o.target)}.",
            (o.actor, o.target),
            numbers,
        )
    else:
        draft.emit(
            OrganizationsEvent.REGIONAL_APPEAL_FAILED,
            f"The {org.name} declined to condemn {draft.name(o.target)}.",
            (o.actor, o.target),
            numbers,
        )


VOTING = Step(Phase.COUNCIL_VOTES, vote_on_drafts)
DRAFTS = Step(Phase.COUNCIL_DRAFTS)  # each order in turn, by its move's `apply`
REGIONAL = Step(Phase.REGIONAL)  # each order in turn, by its move's `apply`

FAMILY = Family(
    "organizations",
    "International organizations",
    events=OrganizationsEvent,
    moves=(
        Move(
            TableResolution,
            "Table a Security Council draft",
            check_table,
            table_candidates,
            DRAFTS,
            MoveHelp(
                what="Table a Security Council draft: condemn a state, sanction it, authorize "
                "force against it, or send peacekeepers. It is voted on next turn.",
                costs="One action.",
                risks=f"Adoption needs {VOTES_NEEDED} of the 15 votes and no 'no' from a "
                "permanent member (a veto); abstaining does not block. A failed draft costs the "
                "sponsor a little reputation.",
                when="Only for members of the Security Council.",
            ),
            apply=table_draft,
        ),
        Move(
            CastVote,
            "Vote on a draft resolution",
            check_vote,
            vote_candidates,
            VOTING,
            MoveHelp(
                what="Vote yes, no or abstain on a draft resolution.",
                costs="Free.",
                risks="A permanent member's 'no' is a veto. How you vote is public and affects "
                "relations.",
                when="Only for Security Council members, when a draft tabled last turn is put to "
                "the vote.",
            ),
            costs_action=False,
            answer=Answer("draft", "vote", "Draft resolution"),
        ),
        Move(
            RegionalAppeal,
            "Ask a regional organization to condemn",
            check_appeal,
            appeal_candidates,
            REGIONAL,
            MoveHelp(
                what="Ask a regional organization you belong to to condemn a state.",
                costs="One action.",
                risks="If it agrees, the target's reputation and relations with the members "
                "fall; it may decline.",
                when="Only for members of a regional organization.",
            ),
            apply=hear_appeal,
        ),
    ),
    steps=(VOTING, DRAFTS, REGIONAL),
)
