"""International organizations: the Security Council as it works, and regional organizations.

A draft is tabled by a Council member in one turn and voted on in the next; members who table the
same draft in the same turn become its co-sponsors (one draft, one vote). UN Charter Art. 27:
a substantive decision needs nine affirmative votes out of fifteen and no permanent member voting
"no" (an abstention does not block); a procedural one (putting a situation on the agenda) needs
nine votes and cannot be vetoed (Art. 27(2)); under Chapter VI (a call on the parties to settle
their dispute) a party to the dispute abstains (Art. 27(3)).

The fifteen seats are the scenario's permanent members (five, states or bystanders), its elected
members, and bystanders: members no player controls. Bystanders vote by their interests (drafts
against their friends or tabled by their rivals, drafts against their rivals), their leaning, the
kind of draft (condemning is easy, authorizing force against a sovereign state hard), the host's
consent to peacekeepers, regional organizations' calls on the target (more so for members of that
region), the sponsor's standing and the evidence (a war of aggression, a population dying). A
permanent bystander casts a "no" only when its own friends or rivals are at stake; otherwise it
abstains rather than veto. Every vote shows each member's vote and why.

A veto that blocks a draft nine members backed costs its caster standing, more while atrocities
are under way (GA resolution 76/262 of 2022 makes every veto answer to the General Assembly; the
ACT code of conduct asks the permanent members not to veto action against mass atrocities).

Peacekeeping is consent-based: an adopted mandate deploys only while the host consents and states
have contributed troops, and its protection grows with the troops sent (Hultman, Kathman &
Shannon 2013). Peacekeepers do not fight: enforcement (intervening against the perpetrator) needs
force to be authorized (humanitarian.py).

The vote count comes from the Charter and is checked by the council_art27 row of `wargame
calibrate`; every other figure below was set by hand (tuned) and is no calibration target
(adopted sanctions resolutions do enter the sanctions rows, as UN episodes).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from ..draft import TurnDraft
from ..enums import (
    CHAPTER_VI_KINDS,
    PROCEDURAL_KINDS,
    DraftStatus,
    Measure,
    ResolutionKind,
    Stat,
    TreatyKind,
    Vote,
)
from ..moves import Answer, Family, Move, MoveHelp, Order, Phase, Step, TurnOrders
from ..scenario.schema import Bystander, SecurityCouncil
from ..state import CouncilDraft, GameState, Proposal, Readings, RegionalCall, by_id
from .common import check_other_state, others
from .sanctions import impose
from .war import settlement_kind

VOTES_NEEDED = 9  # of the fifteen seats: UN Charter Art. 27(2) and (3) (council_art27)
# how a bystander votes: yes with chance BYSTANDER_YES + BYSTANDER_LEANING x its leaning + its
# interests + the kind of draft + consent + regional calls + the sponsor's standing + the
# evidence, within the bounds; else abstain or no (tuned)
BYSTANDER_YES = 0.45
BYSTANDER_LEANING = 0.3
BYSTANDER_YES_MIN = 0.05
BYSTANDER_YES_MAX = 0.95
BYSTANDER_ABSTAIN = 0.6  # share of the elected bystanders not voting yes who abstain, not no
# interests (tuned): a draft aimed at a friend, at a rival; tabled by a friend, by a rival
FRIEND_TARGETED = -0.6
RIVAL_TARGETED = 0.25
FRIEND_SPONSOR = 0.15
RIVAL_SPONSOR = -0.2
# the kind of draft (tuned; after Voeten 2005, "The political origins of the UN Security
# Council's ability to legitimize the use of force", IO 59(3): members guard sovereignty, and
# authorizations of force are the rarest decisions; procedural and Chapter VI ones the easiest)
KIND_SUPPORT = {
    ResolutionKind.CONDEMN: 0.0,
    ResolutionKind.SANCTION: -0.05,
    ResolutionKind.AUTHORIZE_FORCE: -0.2,
    ResolutionKind.PEACEKEEPING: 0.05,
    ResolutionKind.AGENDA: 0.2,
    ResolutionKind.SETTLE: 0.15,
}
CONSENT_SUPPORT = 0.2  # peacekeeping the host has consented to (tuned)
NO_CONSENT_SUPPORT = -0.35  # peacekeeping the host has refused (tuned)
REGIONAL_CALL_SUPPORT = 0.15  # a regional organization condemned the target (tuned)...
REGIONAL_DECLINED_SUPPORT = -0.1  # ... or declined to (tuned)
SAME_REGION_WEIGHT = 2.0  # members of the organization's region follow its call twice as much
SEIZED_SUPPORT = 0.05  # the situation is on the Council's agenda (tuned)
BACKLASH_SUPPORT = -0.1  # per intervention against a government so far: members grow wary of
# authorizing force (after Libya 2011; Morris 2013, "Libya and Syria: R2P and the spectre of the
# swinging pendulum", International Affairs 89(5); value tuned)
PERMANENT_NO_SHARE = 0.4  # a permanent bystander whose friends or rivals are at stake: share of
# its votes other than yes that are a veto (tuned); otherwise it abstains
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
AGENDA_REPUTATION = 2.0  # reputation a state loses when its conduct goes on the agenda
FAILED_DRAFT_REPUTATION = 1.0  # reputation the sponsor of a draft not adopted loses
# the price of a veto that blocked a majority (tuned; GA res. 76/262, ACT code of conduct)
VETO_REPUTATION = 3.0
VETO_ATROCITIES_REPUTATION = 5.0  # more while a population is being killed
VETO_RELATIONS = 5.0  # relations lost with the draft's sponsors
# peacekeeping (tuned; the protection grows with the troops, Hultman, Kathman & Shannon 2013)
CONTINGENT = 2.0  # capability a contributor sends (a battalion group)
CONTINGENT_MIN_MILITARY = 6.0  # a state with less cannot spare a contingent
CONTRIBUTION_REPUTATION = 1.0
PEACEKEEPING_UPKEEP = 0.002  # share of the economy a contributor pays each turn deployed
PEACEKEEPERS_PER_MILLION = 8.0  # capability a mission needs per million people at risk
# regional organizations (tuned)
REGIONAL_REPUTATION = 5.0  # reputation a state condemned by a regional organization loses
REGIONAL_RELATIONS = 3.0  # relations it loses with every member


class OrganizationsEvent(StrEnum):
    DRAFT_TABLED = "DraftTabled"
    DRAFT_COSPONSORED = "DraftCosponsored"
    RESOLUTION_ADOPTED = "ResolutionAdopted"
    RESOLUTION_VETOED = "ResolutionVetoed"
    RESOLUTION_FAILED = "ResolutionFailed"
    VETO_CAST = "VetoCast"
    CONSENT_GIVEN = "PeacekeepingConsentGiven"
    CONSENT_REFUSED = "PeacekeepingConsentRefused"
    TROOPS_CONTRIBUTED = "TroopsContributed"
    PLEDGE_LAPSED = "PeacekeepingPledgeLapsed"
    MANDATE_WAITING = "PeacekeepingMandateWaiting"
    SETTLEMENT_CALLED_FOR = "SettlementCalledFor"
    PEACEKEEPERS_DEPLOYED = "PeacekeepersDeployed"
    PEACEKEEPERS_WITHDRAWN = "PeacekeepersWithdrawn"
    REGIONAL_CONDEMNATION = "RegionalCondemnation"
    REGIONAL_APPEAL_FAILED = "RegionalAppealFailed"


RESOLUTION_EVENTS = {
    DraftStatus.ADOPTED: OrganizationsEvent.RESOLUTION_ADOPTED,
    DraftStatus.VETOED: OrganizationsEvent.RESOLUTION_VETOED,
    DraftStatus.FAILED: OrganizationsEvent.RESOLUTION_FAILED,
}
LIVE_DRAFTS = (DraftStatus.TABLED, DraftStatus.ADOPTED)


# --- the Security Council ----------------------------------------------------------------------


def council(state: Readings) -> SecurityCouncil | None:
    return state.scenario.organizations.security_council


def council_members(state: Readings) -> tuple[str, ...]:
    """Every seat: the permanent members (states or bystanders), then the elected states."""
    c = council(state)
    return () if c is None else (*c.permanent, *c.elected)


def member_name(state: Readings, member: str) -> str:
    if member in state.scenario.state_index:
        return state.name(member)
    c = council(state)
    bystander = next((b for b in c.bystanders if b.id == member), None) if c else None
    return bystander.name if bystander else member


def vetoes(votes: Mapping[str, str], permanent: tuple[str, ...]) -> list[str]:
    """The permanent members voting no."""
    return [m for m in permanent if votes.get(m) == Vote.NO]


def adopted(
    votes: Mapping[str, str],
    permanent: tuple[str, ...],
    procedural: bool = False,
    name: Callable[[str], str] = str,
) -> tuple[bool, str]:
    """Art. 27: (adopted?, why). `votes` maps every Council seat to yes/no/abstain. A procedural
    decision needs the nine votes only (Art. 27(2)); a substantive one also no permanent "no".
    `name` turns a member's id into the words for it."""
    yes = sum(1 for v in votes.values() if v == Vote.YES)
    if not procedural and (vetoed_by := vetoes(votes, permanent)):
        return False, f"vetoed by {', '.join(name(m) for m in vetoed_by)}"
    if yes < VOTES_NEEDED:
        return False, f"only {yes} votes in favour; {VOTES_NEEDED} are needed"
    if procedural:
        return True, f"{yes} votes in favour on a procedural matter, where there is no veto"
    return True, f"{yes} votes in favour and no permanent member against"


def parties(state: Readings, target: str | None) -> tuple[str, ...]:
    """The parties to the target's disputes: the target and every state in an open dispute or
    war with it."""
    if target is None:
        return ()
    out = [target]
    for d in state.live("disputes"):
        if d.ended_turn is None and target in (d.initiator, d.target):
            other = d.target if d.initiator == target else d.initiator
            if other not in out:
                out.append(other)
    for w in state.active_wars():
        if target in w.side_a + w.side_b:
            enemies = w.side_b if target in w.side_a else w.side_a
            out += [e for e in enemies if e not in out]
    return tuple(out)


def counterpart(state: Readings, target: str) -> str | None:
    """The state the target is most deeply in conflict with (a war first, then the highest
    dispute): the other party a call for a settlement addresses."""
    for w in state.active_wars():
        if target in w.side_a:
            return w.side_b[0]
        if target in w.side_b:
            return w.side_a[0]
    live = [
        d
        for d in state.live("disputes")
        if d.ended_turn is None and target in (d.initiator, d.target)
    ]
    if not live:
        return None
    d = max(live, key=lambda d: (d.rung, -d.started_turn))
    return d.target if d.initiator == target else d.initiator


def atrocities_under_way(state: Readings) -> bool:
    """Is a population at risk being killed (some already dead, some still alive)?"""
    return any(0 < p.deaths < p.people for p in state.populations)


def _subject(state: Readings, d: CouncilDraft | TableResolution) -> str:
    population = getattr(d, "population", None)
    if population:
        p = by_id(state.scenario.populations, population)
        return p.name if p else population
    return state.name(d.target) if d.target else "the crisis"


DRAFT_PHRASES = {
    ResolutionKind.CONDEMN: "condemn {}",
    ResolutionKind.SANCTION: "sanction {}",
    ResolutionKind.AUTHORIZE_FORCE: "authorize force against {}",
    ResolutionKind.PEACEKEEPING: "send peacekeepers to protect {}",
    ResolutionKind.AGENDA: "put the conduct of {} on its agenda",
    ResolutionKind.SETTLE: "call on {} and its adversary to settle their dispute",
}


def what_draft_does(state: Readings, d: CouncilDraft | TableResolution) -> str:
    """What a draft would do, in words: "send peacekeepers to protect The Folk"."""
    return DRAFT_PHRASES[ResolutionKind(getattr(d, "kind", None) or d.resolution)].format(
        _subject(state, d)
    )


def _same_draft(d: CouncilDraft, kind: ResolutionKind, target: str | None, population: str | None):
    if d.kind != kind:
        return False
    if kind == ResolutionKind.PEACEKEEPING:
        return d.population == population
    return d.target == target


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
    if o.resolution == ResolutionKind.SETTLE and counterpart(state, o.target) is None:
        return f"{state.name(o.target)} is in no dispute or war the Council could ask it to settle"
    target = o.target or None
    population = o.population or None
    for d in state.live("drafts"):  # tabled and adopted drafts are live
        if _same_draft(d, o.resolution, target, population):
            if d.status == DraftStatus.TABLED:
                return "the same draft is already before the Council"
            if d.status == DraftStatus.ADOPTED:
                return "the Council has already adopted this resolution"
    return None


def table_candidates(state: GameState, seat: str) -> Iterator[TableResolution]:
    if seat not in council_members(state):
        return
    for other in others(state, seat):
        for kind in (
            ResolutionKind.CONDEMN,
            ResolutionKind.SANCTION,
            ResolutionKind.AUTHORIZE_FORCE,
            ResolutionKind.AGENDA,
            ResolutionKind.SETTLE,
        ):
            yield TableResolution(seat, resolution=kind, target=other)
    for p in state.populations:
        yield TableResolution(
            seat, resolution=ResolutionKind.PEACEKEEPING, target=p.in_state, population=p.id
        )


def table_draft(draft: TurnDraft, o: TableResolution) -> None:
    """Table the draft, or co-sponsor the identical one another member tabled this turn."""
    kind = ResolutionKind(o.resolution)
    population = o.population or None
    target = o.target or None
    if kind == ResolutionKind.PEACEKEEPING:
        target = draft.populations.find(o.population).in_state
    same = next(
        (
            d
            for d in draft.drafts
            if d.turn == draft.turn
            and d.status == DraftStatus.TABLED
            and _same_draft(d, kind, target, population)
        ),
        None,
    )
    if same is not None:
        if o.actor != same.sponsor and o.actor not in same.co_sponsors:
            draft.drafts.replace(same, co_sponsors=(*same.co_sponsors, o.actor))
        draft.emit(
            OrganizationsEvent.DRAFT_COSPONSORED,
            f"{draft.name(o.actor)} tabled the same draft as {draft.name(same.sponsor)} (to "
            f"{what_draft_does(draft, same)}): the two are merged into one draft, which "
            f"{draft.name(o.actor)} co-sponsors.",
            (o.actor, same.sponsor),
        )
        return
    d = CouncilDraft(draft.new_id("r"), o.actor, kind, target, population, draft.turn)
    draft.drafts.append(d)
    how = (
        " It is procedural: nine votes adopt it, and there is no veto."
        if kind in PROCEDURAL_KINDS
        else " Under Chapter VI, the parties to the dispute must abstain."
        if kind in CHAPTER_VI_KINDS
        else ""
    )
    draft.emit(
        OrganizationsEvent.DRAFT_TABLED,
        f"{draft.name(o.actor)} tabled a Security Council draft to {what_draft_does(draft, d)}; "
        f"the vote is next turn.{how}",
        (o.actor, *((target,) if target else ())),
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
    if (
        d.kind in CHAPTER_VI_KINDS
        and o.vote != Vote.ABSTAIN
        and o.actor in parties(state, d.target)
    ):
        return "a party to the dispute abstains on a Chapter VI draft (UN Charter Art. 27(3))"
    return None


def vote_candidates(state: GameState, seat: str) -> Iterator[CastVote]:
    if seat not in council_members(state):
        return
    for d in state.live("drafts"):
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


def _regions_of(state: Readings, organization: str) -> set[str]:
    org = by_id(state.scenario.organizations.regional, organization)
    if org is None:
        return set()
    return {r for m in org.members if (r := state.scenario.state(m).region) is not None}


class DraftCase(NamedTuple):
    """The reasons that move every bystander alike on one draft, in the order
    `bystander_reasons` lists them: worked out once a draft, not once a bystander."""

    first: list[tuple[str, float]]  # the kind of draft, the host's consent
    calls: list[tuple[str, float, str]]  # regional calls: (words, weight, organization)
    last: list[tuple[str, float]]  # the agenda, backlash, the sponsor's standing, the evidence


def draft_case(state: Readings, d: CouncilDraft) -> DraftCase:
    """The draft's reasons for `bystander_reasons`, apart from the bystander's own."""
    first: list[tuple[str, float]] = []
    calls: list[tuple[str, float, str]] = []
    last: list[tuple[str, float]] = []
    target = d.target
    kind = ResolutionKind(d.kind)
    if KIND_SUPPORT[kind]:
        words = {
            ResolutionKind.SANCTION: "sanctions hurt trade",
            ResolutionKind.AUTHORIZE_FORCE: "force against a sovereign state",
            ResolutionKind.PEACEKEEPING: "peacekeeping",
            ResolutionKind.AGENDA: "a procedural step",
            ResolutionKind.SETTLE: "a call for peaceful settlement",
        }[kind]
        first.append((words, KIND_SUPPORT[kind]))
    if kind == ResolutionKind.PEACEKEEPING and d.consent is not None:
        host = state.name(target) if target else "the host"
        first.append(
            (f"{host} consented", CONSENT_SUPPORT)
            if d.consent
            else (f"{host} refused its consent", NO_CONSENT_SUPPORT)
        )
    if target is not None:
        # each organization's latest call on the target is its stand: asking it again adds no
        # weight (appeals every turn would stack without end), and a later refusal replaces an
        # earlier condemnation
        latest = {c.organization: c for c in state.regional_calls if c.target == target}
        for call in latest.values():
            org = by_id(state.scenario.organizations.regional, call.organization)
            weight = REGIONAL_CALL_SUPPORT if call.condemned else REGIONAL_DECLINED_SUPPORT
            verb = "condemned" if call.condemned else "declined to condemn"
            calls.append(
                (
                    f"the {org.name if org else call.organization} {verb} it",
                    weight,
                    call.organization,
                )
            )
        if kind != ResolutionKind.AGENDA and any(
            a.kind == ResolutionKind.AGENDA
            and a.target == target
            and a.status == DraftStatus.ADOPTED
            for a in state.drafts
        ):
            last.append(("the Council is seized of the matter", SEIZED_SUPPORT))
    if kind == ResolutionKind.AUTHORIZE_FORCE:
        interventions = sum(
            len(p.protected_by) for p in state.populations if p.perpetrator == p.in_state
        )
        if interventions:
            backlash = interventions * BACKLASH_SUPPORT
            last.append(("backlash after interventions against a government", backlash))
    standing = (
        state.country(d.sponsor).reputation - SPONSOR_REPUTATION_MIDPOINT
    ) / SPONSOR_REPUTATION_SPREAD
    if standing:
        last.append(("the sponsor's standing", standing))
    if evidence := _evidence(state, d):
        last.append(("the evidence", evidence))
    return DraftCase(first, calls, last)


def bystander_reasons(
    state: Readings, b: Bystander, d: CouncilDraft, case: DraftCase | None = None
) -> list[tuple[str, float]]:
    """What moves a bystander on this draft, each reason with its weight on the chance of yes
    (besides the base chance): its leaning, its interests, the kind of draft, the host's consent,
    regional calls, the agenda, backlash, the sponsor's standing and the evidence. `case`: the
    draft's `draft_case`, when the caller asks for every bystander."""
    if case is None:
        case = draft_case(state, d)
    out: list[tuple[str, float]] = []
    if b.leaning:
        out.append(("its leaning", BYSTANDER_LEANING * b.leaning))
    target, friends, rivals = d.target, b.interests.friends, b.interests.rivals
    if target in friends:
        out.append((f"{state.name(target)} is its friend", FRIEND_TARGETED))
    elif target in rivals:
        out.append((f"{state.name(target)} is its rival", RIVAL_TARGETED))
    for sponsor in (d.sponsor, *d.co_sponsors):
        if sponsor in friends:
            out.append((f"the sponsor {state.name(sponsor)} is its friend", FRIEND_SPONSOR))
            break
        if sponsor in rivals:
            out.append((f"the sponsor {state.name(sponsor)} is its rival", RIVAL_SPONSOR))
            break
    out += case.first
    for words, weight, organization in case.calls:
        if b.interests.region is not None and b.interests.region in _regions_of(
            state, organization
        ):
            weight *= SAME_REGION_WEIGHT
        out.append((words, weight))
    out += case.last
    return out


def interests_at_stake(b: Bystander, d: CouncilDraft) -> bool:
    """Is a friend of the bystander the target, or a rival its sponsor? Only then does a
    permanent bystander veto."""
    return d.target in b.interests.friends or any(
        s in b.interests.rivals for s in (d.sponsor, *d.co_sponsors)
    )


def bystander_vote(chance_of_yes: float, draw: float, no_share: float = 1 - BYSTANDER_ABSTAIN):
    """Yes with the given chance; otherwise no (`no_share` of the rest) or abstain."""
    if draw < chance_of_yes:
        return Vote.YES
    if draw < chance_of_yes + (1 - chance_of_yes) * (1 - no_share):
        return Vote.ABSTAIN
    return Vote.NO


def vote_reasons(reasons: list[tuple[str, float]], vote: str, p_yes: float) -> str:
    """Why a bystander voted as it did: the strongest two of its reasons that pointed that way
    (raising its chance of yes for a yes; lowering it for a no or an abstention). A vote the
    dice gave against the balance of its reasons says so, rather than list reasons for the
    other vote."""
    way = 1.0 if vote == Vote.YES else -1.0
    agreeing = sorted((r for r in reasons if r[1] * way > 0), key=lambda r: -abs(r[1]))[:2]
    if agreeing:
        return "; ".join(text for text, _ in agreeing)
    if (p_yes if vote == Vote.YES else 1 - p_yes) < 0.5:
        return f"against the odds: chance of yes {p_yes:.2f}"
    return "no strong view"


def vote_on_drafts(draft: TurnDraft, orders: TurnOrders) -> None:
    """Last turn's drafts put to the vote: the players' votes and the bystanders' are counted
    together, so this step takes its orders itself."""
    c = council(draft)
    if c is None:
        return
    cast = {(o.draft, o.actor): o.vote for o in orders.of(CastVote)}
    bystanders = {b.id: b for b in c.bystanders}
    for d in list(draft.drafts):
        if d.status != DraftStatus.TABLED or d.turn >= draft.turn:
            continue
        kind = ResolutionKind(d.kind)
        bound = parties(draft, d.target) if kind in CHAPTER_VI_KINDS else ()
        votes: dict[str, str] = {}
        why: dict[str, str] = {}
        numbers: dict[str, float] = {}
        case: DraftCase | None = None
        for m in c.seats:
            b = bystanders.get(m)
            if b is None:
                vote = cast.get((d.id, m))
                if m in bound:
                    votes[m], why[m] = Vote.ABSTAIN, "a party to the dispute, under Chapter VI"
                elif vote is None:
                    votes[m], why[m] = Vote.ABSTAIN, "did not vote"
                else:
                    votes[m] = vote
                continue
            if case is None:  # the draft's own reasons, once for all its bystanders
                case = draft_case(draft, d)
            reasons = bystander_reasons(draft, b, d, case)
            p_yes = min(
                BYSTANDER_YES_MAX,
                max(BYSTANDER_YES_MIN, BYSTANDER_YES + sum(w for _, w in reasons)),
            )
            no_share = (
                (PERMANENT_NO_SHARE if interests_at_stake(b, d) else 0.0)
                if m in c.permanent
                else 1 - BYSTANDER_ABSTAIN
            )
            votes[m] = bystander_vote(p_yes, draft.rng.random(), no_share)
            numbers[f"{b.name}: chance of yes"] = p_yes
            why[m] = vote_reasons(reasons, votes[m], p_yes)
        procedural = kind in PROCEDURAL_KINDS
        ok, outcome = adopted(votes, c.permanent, procedural, lambda m: member_name(draft, m))
        vetoed_by = [] if procedural else vetoes(votes, c.permanent)
        status = (
            DraftStatus.ADOPTED if ok else DraftStatus.VETOED if vetoed_by else DraftStatus.FAILED
        )
        counts = Counter(votes.values())
        d = draft.drafts.replace(d, votes=tuple(sorted(votes.items())), status=status)
        roll_call = " - ".join(
            f"{v} ({len(voters)}): "
            + "; ".join(
                member_name(draft, m)
                + (" (veto)" if m in vetoed_by else "")
                + (f" ({why[m]})" if m in why else "")
                for m in voters
            )
            for v in Vote
            if (voters := [m for m in c.seats if votes[m] == v])
        )
        draft.emit(
            RESOLUTION_EVENTS[status],
            f"The Security Council {'adopted' if ok else 'did not adopt'} the draft to "
            f"{what_draft_does(draft, d)}: {outcome}. Votes: {roll_call}.",
            (d.sponsor, *d.co_sponsors, *((d.target,) if d.target else ())),
            {
                "yes": counts[Vote.YES],
                "no": counts[Vote.NO],
                "abstain": counts[Vote.ABSTAIN],
                "votes needed": VOTES_NEEDED,
                "permanent members voting no": len(vetoed_by),
                "procedural": float(procedural),
                **numbers,
            },
        )
        if ok:
            _carry_out(draft, d)
        else:
            for sponsor in (d.sponsor, *d.co_sponsors):
                draft.country(sponsor).shift(Stat.REPUTATION, -FAILED_DRAFT_REPUTATION)
            if vetoed_by and counts[Vote.YES] >= VOTES_NEEDED:
                _price_of_vetoes(draft, d, vetoed_by, counts[Vote.YES])


def _price_of_vetoes(draft: TurnDraft, d: CouncilDraft, vetoed_by: list[str], yes: int) -> None:
    """A veto that blocked a majority costs the state that cast it standing, more while a
    population is being killed, and goodwill with the draft's sponsors."""
    atrocities = atrocities_under_way(draft)
    cost = VETO_REPUTATION + (VETO_ATROCITIES_REPUTATION if atrocities else 0.0)
    for m in vetoed_by:
        if m not in draft.scenario.state_index:
            continue  # a bystander's standing is not in play
        reputation = draft.country(m).shift(Stat.REPUTATION, -cost)
        for sponsor in (d.sponsor, *d.co_sponsors):
            draft.shift_relation(m, sponsor, -VETO_RELATIONS)
        draft.emit(
            OrganizationsEvent.VETO_CAST,
            f"{draft.name(m)}'s veto blocked a draft {yes} members backed; it must explain "
            "itself before the General Assembly"
            + (", while atrocities are under way" if atrocities else "")
            + ".",
            (m, d.sponsor, *d.co_sponsors),
            {
                "reputation change": reputation,
                "atrocities under way": float(atrocities),
                "relations change with the sponsors": -VETO_RELATIONS,
            },
        )


def council_demand(x: Readings, d: CouncilDraft) -> tuple[str | None, str | None]:
    """What mandatory sanctions demand of their target: the change its sponsors want most (their
    stakes summed) on an issue the target decides; (None, None) when they want nothing of it (a
    blanket demand). A resolution names what would lift it, as the Council's do."""
    sponsors = (d.sponsor, *d.co_sponsors)
    best: tuple[float, str | None, str | None] = (0.0, None, None)
    for issue in x.issues:
        spec = x.scenario.issue(issue.id)
        if issue.held_by != d.target or spec is None:
            continue
        wants: dict[str, float] = {}
        for stake in spec.stakes:
            if stake.state in sponsors and stake.wants != issue.status:
                wants[stake.wants] = wants.get(stake.wants, 0.0) + stake.worth
        for status, total in sorted(wants.items()):
            if total > best[0]:
                best = (total, issue.id, status)
    return best[1], best[2]


def _carry_out(draft: TurnDraft, d: CouncilDraft) -> None:
    """What an adopted resolution does."""
    if d.kind == ResolutionKind.CONDEMN and d.target:
        draft.country(d.target).shift(Stat.REPUTATION, -CONDEMNED_REPUTATION)
        draft.shift_relations_with_all(d.target, -CONDEMNED_RELATIONS)
    elif d.kind == ResolutionKind.SANCTION and d.target:
        senders = tuple(s for s in draft.ids if s != d.target)
        issue, demand = council_demand(draft, d)
        impose(
            draft,
            d.sponsor,
            d.target,
            Measure.TRADE,
            un_mandated=True,
            senders=senders,
            issue=issue,
            demand=demand,
        )
    elif d.kind == ResolutionKind.AUTHORIZE_FORCE and d.target:
        draft.country(d.target).shift(Stat.REPUTATION, -AUTHORIZED_TARGET_REPUTATION)
    elif d.kind == ResolutionKind.AGENDA and d.target:
        draft.country(d.target).shift(Stat.REPUTATION, -AGENDA_REPUTATION)
    elif d.kind == ResolutionKind.SETTLE and d.target:
        _call_for_settlement(draft, d)
    elif d.kind == ResolutionKind.PEACEKEEPING and d.population:
        p = draft.populations.find(d.population)
        waiting = [
            words
            for words, missing in (
                (f"the consent of {draft.name(p.in_state)}", d.consent is not True),
                ("contributed troops", not d.troops),
            )
            if missing
        ]
        if waiting:
            draft.emit(
                OrganizationsEvent.MANDATE_WAITING,
                f"The peacekeeping mandate for {_subject(draft, d)} stands; the mission deploys "
                f"once it has {' and '.join(waiting)}.",
                (p.in_state, d.sponsor),
            )


def _call_for_settlement(draft: TurnDraft, d: CouncilDraft) -> None:
    """The Council calls on the parties to settle: its sponsor puts a ceasefire (at war) or a
    non-aggression pact to them, as a mediator would, and guarantees it."""
    other = counterpart(draft, d.target)
    if other is None:
        return
    kind = settlement_kind(draft, d.target, other)
    if kind is None:
        return
    mediated = d.sponsor not in (d.target, other)
    recipients = (
        (d.target, other) if mediated else ((other,) if d.sponsor == d.target else (d.target,))
    )
    p = Proposal(
        draft.new_id("p"),
        d.sponsor,
        recipients,
        kind,
        draft.turn,
        mediated=mediated,
        note="The Security Council calls on the parties to settle their dispute.",
    )
    draft.proposals.append(p)
    draft.emit(
        OrganizationsEvent.SETTLEMENT_CALLED_FOR,
        f"On the Council's behalf {draft.name(d.sponsor)} put a draft {TreatyKind(kind).words} "
        f"to {draft.name(d.target)} and {draft.name(other)}; it is signed if they "
        "accept.",
        (d.sponsor, d.target, other),
    )


# --- peacekeeping: the host's consent, contributed troops, deployment --------------------------


def _peacekeeping_draft(state: Readings, draft_id: str) -> CouncilDraft | None:
    d = by_id(state.drafts, draft_id)
    if d is None or d.kind != ResolutionKind.PEACEKEEPING or d.status not in LIVE_DRAFTS:
        return None
    return d


def mission_strength(state: Readings, population_id: str) -> tuple[float, float]:
    """(the troops a deployed mission has, the troops it needs) for a population; (0, needed)
    when no mission is deployed."""
    p = by_id(state.populations, population_id)
    needed = PEACEKEEPERS_PER_MILLION * (p.people / 1_000_000) if p else 0.0
    needed = max(CONTINGENT, needed)
    for d in state.drafts:
        if (
            d.kind == ResolutionKind.PEACEKEEPING
            and d.population == population_id
            and d.status == DraftStatus.ADOPTED
            and d.consent is True
            and d.troops
        ):
            return CONTINGENT * len(d.troops), needed
    return 0.0, needed


@dataclass(frozen=True, slots=True)
class ConsentToPeacekeepers(Order):
    draft: str = ""
    consent: bool = True


def check_consent(state: GameState, o: ConsentToPeacekeepers) -> str | None:
    d = _peacekeeping_draft(state, o.draft)
    if d is None:
        return "no peacekeeping draft or mandate with that id is before the Council"
    if d.target != o.actor:
        return "only the state the peacekeepers would be sent to can consent"
    if d.consent is o.consent:
        return "that is already your answer"
    return None


def consent_candidates(state: GameState, seat: str) -> Iterator[ConsentToPeacekeepers]:
    for d in state.drafts:
        if d.kind == ResolutionKind.PEACEKEEPING and d.status in LIVE_DRAFTS and d.target == seat:
            for consent in (True, False):
                if d.consent is not consent:
                    yield ConsentToPeacekeepers(seat, draft=d.id, consent=consent)


def settle_consent(draft: TurnDraft, orders: TurnOrders) -> None:
    """The hosts' answers, before the votes: a consenting host makes a mandate easier to adopt."""
    for o in orders.of(ConsentToPeacekeepers):
        d = draft.drafts.find(o.draft)
        draft.drafts.replace(d, consent=o.consent)
        draft.emit(
            OrganizationsEvent.CONSENT_GIVEN if o.consent else OrganizationsEvent.CONSENT_REFUSED,
            f"{draft.name(o.actor)} {'consented to' if o.consent else 'refused'} UN peacekeepers "
            f"for {_subject(draft, d)}"
            + ("." if o.consent else ": without the host's consent, peacekeepers cannot deploy."),
            (o.actor, d.sponsor),
        )


@dataclass(frozen=True, slots=True)
class ContributeTroops(Order):
    draft: str = ""


def check_contribute(state: GameState, o: ContributeTroops) -> str | None:
    d = _peacekeeping_draft(state, o.draft)
    if d is None:
        return "no peacekeeping draft or mandate with that id is before the Council"
    p = by_id(state.populations, d.population)
    if o.actor in (p.in_state, p.perpetrator):
        return "the host and the perpetrator cannot serve as peacekeepers"
    if o.actor in d.troops:
        return "you already contribute a contingent to that mission"
    if state.country(o.actor).military < CONTINGENT_MIN_MILITARY:
        return "your forces are too small to spare a contingent"
    return None


def contribute_candidates(state: GameState, seat: str) -> Iterator[ContributeTroops]:
    for d in state.drafts:
        if d.kind == ResolutionKind.PEACEKEEPING and d.status in LIVE_DRAFTS:
            yield ContributeTroops(seat, draft=d.id)


def contribute_troops(draft: TurnDraft, o: ContributeTroops) -> None:
    d = draft.drafts.find(o.draft)
    if d.status not in LIVE_DRAFTS:
        draft.emit(
            OrganizationsEvent.PLEDGE_LAPSED,
            f"{draft.name(o.actor)}'s pledge of peacekeepers for {_subject(draft, d)} lapsed: the "
            "Council did not adopt the mandate.",
            (o.actor,),
        )
        return
    draft.drafts.replace(d, troops=(*d.troops, o.actor))
    actor = draft.country(o.actor)
    actor.shift(Stat.MILITARY, -CONTINGENT)
    reputation = actor.shift(Stat.REPUTATION, CONTRIBUTION_REPUTATION)
    draft.emit(
        OrganizationsEvent.TROOPS_CONTRIBUTED,
        f"{draft.name(o.actor)} pledged a contingent of peacekeepers for {_subject(draft, d)}.",
        (o.actor,),
        {"contingent (capability)": CONTINGENT, "reputation change": reputation},
    )


def deploy_missions(draft: TurnDraft, _orders: TurnOrders) -> None:
    """Missions deploy while the host consents and troops are there, and leave when consent is
    withdrawn; contributors pay the upkeep of deployed troops."""
    for d in list(draft.drafts):
        if d.kind != ResolutionKind.PEACEKEEPING or d.status != DraftStatus.ADOPTED:
            continue
        p = draft.populations.find(d.population)
        if p is None:
            continue
        deployed = d.consent is True and bool(d.troops)
        if deployed:
            for s in d.troops:
                draft.country(s).scale(Stat.ECONOMY, 1 - PEACEKEEPING_UPKEEP)
        if deployed == p.peacekeepers:
            continue
        draft.populations.replace(p, peacekeepers=deployed)
        troops, needed = mission_strength(draft, p.id)
        if deployed:
            draft.emit(
                OrganizationsEvent.PEACEKEEPERS_DEPLOYED,
                f"UN peacekeepers deployed to protect {_subject(draft, d)}, with the consent of "
                f"{draft.name(p.in_state)} and troops from "
                f"{draft.names(d.troops)}.",
                (p.in_state, *d.troops),
                {"troops": troops, "troops needed": needed},
            )
        else:
            draft.emit(
                OrganizationsEvent.PEACEKEEPERS_WITHDRAWN,
                f"UN peacekeepers left {draft.name(p.in_state)}: its government withdrew its "
                "consent.",
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


def appeal_candidates(state: GameState, seat: str) -> Iterator[RegionalAppeal]:
    for org in state.scenario.organizations.regional:
        if seat in org.members:
            for other in others(state, seat):
                yield RegionalAppeal(seat, organization=org.id, target=other)


def hear_appeal(draft: TurnDraft, o: RegionalAppeal) -> None:
    """The organization condemns when most of its other members are closer to the appellant
    than to the accused. Its call is recorded: Council members of its region follow it."""
    org = by_id(draft.scenario.organizations.regional, o.organization)
    voters = [m for m in org.members if m != o.target]
    yes = [m for m in voters if draft.relation(m, o.actor) > draft.relation(m, o.target)]
    numbers = {"members in favour": len(yes), "members voting": len(voters)}
    condemned = len(yes) * 2 > len(voters)
    draft.regional_calls.append(RegionalCall(org.id, o.target, draft.turn, condemned, o.actor))
    if condemned:
        draft.country(o.target).shift(Stat.REPUTATION, -REGIONAL_REPUTATION)
        for m in org.members:
            draft.shift_relation(m, o.target, -REGIONAL_RELATIONS)
        draft.emit(
            OrganizationsEvent.REGIONAL_CONDEMNATION,
            f"The {org.name} condemned {draft.name(o.target)}; Security Council members of the "
            "region will weigh its call.",
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


CONSENT = Step(Phase.COUNCIL_VOTES, settle_consent)  # before the votes
VOTING = Step(Phase.COUNCIL_VOTES, vote_on_drafts)
DRAFTS = Step(Phase.COUNCIL_DRAFTS)  # each order in turn, by its move's `apply`
CONTRIBUTIONS = Step(Phase.COUNCIL_DRAFTS, name="contribute_troops")  # after the votes
REGIONAL = Step(Phase.REGIONAL)  # each order in turn, by its move's `apply`
DEPLOYMENT = Step(Phase.INTERVENTION, deploy_missions)

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
                "force against it, send peacekeepers, put its conduct on the agenda (a "
                "procedural step) or call on it and its adversary to settle (Chapter VI). It is "
                "voted on next turn; members who table the same draft in the same turn "
                "co-sponsor one draft.",
                costs="One action.",
                risks=f"Adoption needs {VOTES_NEEDED} of the 15 votes and no 'no' from a "
                "permanent member (a veto); abstaining does not block, and procedural drafts "
                "cannot be vetoed. Under Chapter VI the parties to the dispute abstain. A failed "
                "draft costs the sponsor a little reputation.",
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
                costs="Free. A permanent member's veto of a draft nine members backed costs "
                "it reputation, more while atrocities are under way, and goodwill with the "
                "sponsors.",
                risks="A permanent member's 'no' is a veto, except on procedural drafts. How you "
                "vote is public and affects relations.",
                when="Only for Security Council members, when a draft tabled last turn is put to "
                "the vote; a party to the dispute abstains on a Chapter VI draft.",
            ),
            costs_action=False,
            answer=Answer("draft", "vote", "Draft resolution"),
        ),
        Move(
            ConsentToPeacekeepers,
            "Answer a request to host peacekeepers",
            check_consent,
            consent_candidates,
            CONSENT,
            MoveHelp(
                what="Consent to UN peacekeepers on your soil, refuse them, or withdraw your "
                "consent.",
                costs="Free.",
                risks="Peacekeepers deploy only with your consent; members vote more readily "
                "for a mission you accept. Refusing, while people are dying, isolates you.",
                when="Only when a peacekeeping draft or mandate names a population in your state.",
            ),
            costs_action=False,
            answer=Answer("draft", "consent", "Peacekeeping mandate"),
        ),
        Move(
            ContributeTroops,
            "Contribute peacekeepers",
            check_contribute,
            contribute_candidates,
            CONTRIBUTIONS,
            MoveHelp(
                what="Pledge a contingent of troops to a UN peacekeeping mission.",
                costs=f"One action; {CONTINGENT:g} capability points serve under UN command, and "
                "your economy pays their upkeep each turn the mission is deployed.",
                risks="The mission protects more people the more troops it has. Your reputation "
                "rises a little.",
                when="Only for a peacekeeping draft or mandate; not the host or the perpetrator.",
            ),
            apply=contribute_troops,
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
                "fall, and Security Council members of the region follow its call; it may "
                "decline.",
                when="Only for members of a regional organization.",
            ),
            apply=hear_appeal,
        ),
    ),
    steps=(CONSENT, VOTING, DRAFTS, CONTRIBUTIONS, REGIONAL, DEPLOYMENT),
)
