"""International organizations: Security Council drafts and votes, regional organizations.

A draft is tabled by a Council member in one turn and voted on in the next. UN Charter Art. 27(3):
a substantive decision needs nine affirmative votes out of fifteen including the concurring votes
of the permanent members, which in practice (since 1946) means no permanent member votes "no"; an
abstention does not block. Council members that no player controls (bystanders) vote by their
leaning, the sponsor's reputation and the evidence (a war of aggression, a population dying).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..draft import TurnDraft
from ..enums import DraftStatus, ResolutionKind, Vote
from ..moves import Answer, Family, Move, MoveHelp, Order, Phase, Step, TurnOrders
from ..state import CouncilDraft, GameState, by_id
from .common import check_other_state, others
from .sanctions import impose

VOTES_NEEDED = 9


# --- orders ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TableResolution(Order):
    resolution: ResolutionKind = ResolutionKind.CONDEMN
    target: str = ""
    population: str = ""


@dataclass(frozen=True, slots=True)
class CastVote(Order):
    draft: str = ""
    vote: Vote = Vote.ABSTAIN


@dataclass(frozen=True, slots=True)
class RegionalAppeal(Order):
    organization: str = ""
    target: str = ""


def council(state_or_board):
    return state_or_board.scenario.organizations.security_council


def council_members(state_or_board) -> tuple[str, ...]:
    c = council(state_or_board)
    return () if c is None else (*c.permanent, *c.elected)


def adopted(votes: dict[str, str], permanent: tuple[str, ...]) -> tuple[bool, str]:
    """Art. 27(3): (adopted?, why). `votes` maps every Council seat to yes/no/abstain."""
    yes = sum(1 for v in votes.values() if v == "yes")
    vetoes = [m for m in permanent if votes.get(m) == "no"]
    if vetoes:
        return False, f"vetoed by {', '.join(vetoes)}"
    if yes < VOTES_NEEDED:
        return False, f"only {yes} votes in favour; {VOTES_NEEDED} are needed"
    return True, f"{yes} votes in favour and no permanent member against"


def check_table(state: GameState, o: TableResolution) -> str | None:
    if council(state) is None:
        return "this scenario has no Security Council"
    if o.actor not in council_members(state):
        return "only members of the Security Council can table a draft"
    if o.resolution not in tuple(ResolutionKind):
        return f"unknown kind of resolution {o.resolution!r} (expected one of {', '.join(tuple(ResolutionKind))})"
    if o.resolution == "peacekeeping":
        if not any(p.id == o.population for p in state.populations):
            return "a peacekeeping draft must name a population at risk"
    elif reason := check_other_state(state, o.actor, o.target):
        return reason
    if any(
        d.status == "tabled" and d.kind == o.resolution and d.target == (o.target or None)
        for d in state.drafts
    ):
        return "the same draft is already before the Council"
    return None


def check_vote(state: GameState, o: CastVote) -> str | None:
    d = by_id(state.drafts, o.draft)
    if d is None or d.status != "tabled":
        return "no draft with that id is before the Council"
    if d.turn >= state.turn:
        return "the draft is voted on in the turn after it is tabled"
    if o.actor not in council_members(state):
        return "only members of the Security Council vote"
    if o.vote not in tuple(Vote):
        return f"a vote is one of {', '.join(tuple(Vote))}"
    return None


def check_appeal(state: GameState, o: RegionalAppeal) -> str | None:
    org = by_id(state.scenario.organizations.regional, o.organization)
    if org is None:
        return f"there is no regional organization {o.organization!r}"
    if o.actor not in org.members:
        return "only members can bring a case to this organization"
    return check_other_state(state, o.actor, o.target)


# --- phases ------------------------------------------------------------------------------------


def _evidence(board: TurnDraft, d: CouncilDraft) -> float:
    """How clear the case is: the target is fighting a war it began, or a population is dying."""
    score = 0.0
    if d.target is not None:
        if any(w.ended_turn is None and d.target in w.side_a for w in board.wars):
            score += 0.25
        if any(p.perpetrator == d.target and p.deaths > 0 for p in board.populations):
            score += 0.2
    if d.population is not None:
        p = board.find(board.populations, d.population)
        if p is not None and p.deaths > 0:
            score += 0.3
    return score


def vote_on_drafts(board: TurnDraft, orders: TurnOrders) -> None:
    c = council(board)
    if c is None:
        return
    cast = {(o.draft, o.actor): o.vote for o in orders.of(CastVote)}
    seats = (*c.permanent, *c.elected)
    random = board.rng.random
    for d in list(board.drafts):
        if d.status != "tabled" or d.turn >= board.turn:
            continue
        votes: dict[str, str] = {m: cast.get((d.id, m), "abstain") for m in seats}
        numbers: dict[str, float] = {}
        sponsor_rep = (board.get(d.sponsor, "reputation") - 50) / 200
        evidence = _evidence(board, d)
        # bystanders vote by their leaning, the sponsor's reputation and the evidence: yes with
        # chance p_yes, else abstain (60%) or no
        for b in c.bystanders:
            p_yes = min(0.95, max(0.05, 0.45 + 0.3 * b.leaning + sponsor_rep + evidence))
            r = random()
            votes[b.id] = (
                "yes" if r < p_yes else ("abstain" if r < p_yes + (1 - p_yes) * 0.6 else "no")
            )
            numbers[f"{b.name}: chance of yes"] = p_yes
        ok, why = adopted(votes, c.permanent)
        counts = {"yes": 0, "no": 0, "abstain": 0}  # one pass over the votes instead of three
        for v in votes.values():
            if v in counts:
                counts[v] += 1
        yes = counts["yes"]
        status = "adopted" if ok else ("vetoed" if "vetoed" in why else "failed")
        board.replace_in(board.drafts, d, votes=tuple(sorted(votes.items())), status=status)
        subject = board.name(d.target) if d.target else "the crisis"
        board.emit(
            "ResolutionAdopted"
            if ok
            else ("ResolutionVetoed" if status == "vetoed" else "ResolutionFailed"),
            f"The Security Council {'adopted' if ok else 'did not adopt'} the draft to {d.kind.replace('_', ' ')} "
            f"({subject}): {why}.",
            (d.sponsor, *((d.target,) if d.target else ())),
            {
                "yes": yes,
                "no": counts["no"],
                "abstain": counts["abstain"],
                "votes needed": VOTES_NEEDED,
                "permanent members voting no": sum(votes.get(m) == "no" for m in c.permanent),
                **numbers,
            },
        )
        if ok:
            _apply_resolution(board, d)
        else:
            board.adjust(d.sponsor, "reputation", -1)


def _apply_resolution(board: TurnDraft, d: CouncilDraft) -> None:
    if d.kind == "condemn" and d.target:
        board.adjust(d.target, "reputation", -10)
        board.shift_relations_with_all(d.target, -5)
    elif d.kind == "sanction" and d.target:
        senders = tuple(s for s in board.ids if s != d.target)
        impose(board, d.sponsor, d.target, "trade", un_mandated=True, senders=senders)
    elif d.kind == "authorize_force" and d.target:
        board.adjust(d.target, "reputation", -5)
    elif d.kind == "peacekeeping" and d.population:
        p = board.find(board.populations, d.population)
        board.replace_in(board.populations, p, peacekeepers=True)
        board.emit(
            "PeacekeepersDeployed", f"UN peacekeepers deployed to protect {p.id}.", (p.in_state,)
        )


def table_drafts(board: TurnDraft, orders: TurnOrders) -> None:
    for o in orders.of(TableResolution):
        d = CouncilDraft(
            board.new_id("r"),
            o.actor,
            o.resolution,
            o.target or None,
            o.population or None,
            board.turn,
        )
        board.drafts.append(d)
        subject = board.name(o.target) if o.target else "the crisis"
        board.emit(
            "DraftTabled",
            f"{board.name(o.actor)} tabled a Security Council draft to {o.resolution.replace('_', ' ')} "
            f"({subject}); the vote is next turn (id {d.id}).",
            (o.actor, *((o.target,) if o.target else ())),
        )


def regional_appeals(board: TurnDraft, orders: TurnOrders) -> None:
    for o in orders.of(RegionalAppeal):
        org = next(r for r in board.scenario.organizations.regional if r.id == o.organization)
        voters = [m for m in org.members if m != o.target]
        yes = [m for m in voters if board.relation(m, o.actor) > board.relation(m, o.target)]
        if len(yes) * 2 > len(voters):
            board.adjust(o.target, "reputation", -5)
            for m in org.members:
                board.shift_relation(m, o.target, -3)
            board.emit(
                "RegionalCondemnation",
                f"The {org.name} condemned {board.name(o.target)}.",
                (o.actor, o.target),
                {"members in favour": len(yes), "members voting": len(voters)},
            )
        else:
            board.emit(
                "RegionalAppealFailed",
                f"The {org.name} declined to condemn {board.name(o.target)}.",
                (o.actor, o.target),
                {"members in favour": len(yes), "members voting": len(voters)},
            )


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


def vote_candidates(state: GameState, seat: str):
    if seat not in council_members(state):
        return
    for d in state.drafts:
        if d.status == DraftStatus.TABLED and d.turn < state.turn:
            for v in Vote:
                yield CastVote(seat, draft=d.id, vote=v)


def appeal_candidates(state: GameState, seat: str):
    for org in state.scenario.organizations.regional:
        if seat in org.members:
            for other in others(state, seat):
                yield RegionalAppeal(seat, organization=org.id, target=other)


VOTING = Step(Phase.COUNCIL_VOTES, vote_on_drafts)
DRAFTS = Step(Phase.COUNCIL_DRAFTS, table_drafts)
REGIONAL = Step(Phase.REGIONAL, regional_appeals)

FAMILY = Family(
    "organizations",
    "International organizations",
    moves=(
        Move(
            TableResolution,
            "Table a Security Council draft",
            check_table,
            table_candidates,
            DRAFTS,
            MoveHelp(
                what="Table a Security Council draft: condemn a state, sanction it, authorize force against it, or send peacekeepers. It is voted on next turn.",
                costs="One action.",
                risks="Adoption needs 9 of the 15 votes and no 'no' from a permanent member (a veto); abstaining does not block. A failed draft costs the sponsor a little reputation.",
                when="Only for members of the Security Council.",
            ),
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
                risks="A permanent member's 'no' is a veto. How you vote is public and affects relations.",
                when="Only for Security Council members, when a draft tabled last turn is put to the vote.",
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
                risks="If it agrees, the target's reputation and relations with the members fall; it may decline.",
                when="Only for members of a regional organization.",
            ),
        ),
    ),
    steps=(VOTING, DRAFTS, REGIONAL),
)
