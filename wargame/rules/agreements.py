"""Bilateral and multilateral agreements: proposals, answers, signing and breaking treaties.

A proposal made in one turn is answered in the next; it is signed when every recipient accepts.
Ceasefires and peace agreements end the wars between their parties. A mediator's draft
settlement binds only the parties, with the mediator as its guarantor. Breaking a treaty costs
credibility with every state, since each one reads it as a sign of how binding its own deals are;
the more explicit the promise (a classic alliance), or the more it was witnessed (a mediated
settlement), the more it costs. Terms are checked every turn: force against a partner breaks the
treaties the two share (see military.py), cheating beyond an arms cap when detected breaks the
arms control treaty (arms_control.py), and abandoning an ally breaks the alliance (alliances.py).

What each kind of treaty does while in force:
- alliance, defense_pact: the members may invoke it when attacked (alliances.py).
- non_aggression, ceasefire, peace: force between the parties is a breach.
- basing: part of the guest's forces stand on the host's soil and fight for the host if it is
  attacked (a tripwire); the guest's interventions from the base are likelier to succeed.
- intelligence_sharing: truer estimates of others' forces, and covert action against a member is
  exposed more often; cheating on arms control by a member's rival is detected more often.
- joint_exercises: partners fight better side by side and are judged more reliable allies.
- arms_control: a cap on military capability, with verification (arms_control.py).
- deal: a bargain over the issues at stake. A proposal (of any kind) may carry terms, which is
  how issues are linked: the recipient concedes a status on an issue it decides, the proposer
  concedes one on an issue it decides, and either may add a side payment (economy points, at
  most a tenth of the payer's economy). On signing the terms are carried out at once (the issues
  change status, the payment is made); the deal stays in force as the promise not to go back on
  them, so reneging on a concession breaks it (issues.py).

Every figure below was set by hand (tuned) except where a study is named. The breach costs move
the alliance rows of `wargame calibrate`: a computer ally weighs what abandoning its ally would
cost (ai/answers.py); the other figures move no row directly.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from ..draft import TurnDraft
from ..enums import (
    SETTLEMENT_KINDS,
    TREATY_WORDS,
    MediationStatus,
    ProposalStatus,
    Stat,
    TreatyKind,
    TreatyStatus,
    WarEnd,
)
from ..moves import Answer, Family, Move, MoveHelp, Order, Phase, Step, TurnOrders
from ..state import GameState, Proposal, Readings, Treaty, by_id
from .common import check_other_state, others
from .demands import change_issue, check_demand, demand_words, demands_open, wanted
from .war import end_hostilities

PROPOSAL_LIFETIME = 2  # turns an unanswered proposal stays open (tuned)
SIGNING_RELATIONS = 10.0  # relations gained between every two parties on signing (tuned)
GUARANTOR_REPUTATION = 5.0  # a mediator's reputation gained when its settlement is signed (tuned)
# reputation lost by breaking a treaty: explicit, automatic obligations cost more to break (Leeds
# 2003): a classic alliance binds every member to fight; a modern defense pact leaves each member
# to decide what help it gives (values tuned): alliance_honoured, pact_honoured
BREACH_REPUTATION_COST = 12.0  # any other kind
BREACH_COST_BY_KIND = {
    TreatyKind.ALLIANCE: 16.0,
    TreatyKind.DEFENSE_PACT: 10.0,
    TreatyKind.CEASEFIRE: 14.0,
    TreatyKind.PEACE: 14.0,
}
MEDIATED_BREACH_EXTRA = 4.0  # breaking a settlement a mediator guaranteed also offends the mediator
BREACH_PARTY_RELATIONS = 20.0  # relations the culprit loses with each other party (tuned)
BREACH_WORLD_RELATIONS = 3.0  # relations it loses with every state (tuned)
BREACH_GUARANTOR_RELATIONS = 15.0  # relations it loses with a settlement's guarantor (tuned)
# the arms control deal listed among a seat's legal moves: a cap 10% above its own forces, with
# this verification (players and the computer set their own terms)
OFFERED_CAP_MARGIN = 1.1
OFFERED_VERIFICATION = 0.6
MAX_PAYMENT_SHARE = (
    0.1  # the largest side payment, as a share of the payer's economy (a house limit)
)

# the bilateral deals a seat may offer any other state; multilateral ones are built in the UI
OFFERED_KINDS = (
    TreatyKind.ALLIANCE,
    TreatyKind.DEFENSE_PACT,
    TreatyKind.NON_AGGRESSION,
    TreatyKind.BASING,
    TreatyKind.INTELLIGENCE_SHARING,
    TreatyKind.JOINT_EXERCISES,
)


# each kind of agreement as players call it
TREATY_NAMES = TREATY_WORDS


def treaty_name(kind: str, article: bool = False) -> str:
    """'non-aggression pact'; with the article, 'a non-aggression pact', 'an alliance'."""
    name = TREATY_NAMES.get(TreatyKind(kind), str(kind).replace("_", " "))
    if not article:
        return name
    return ("an " if name[0] in "aeiou" else "a ") + name


class AgreementsEvent(StrEnum):
    PROPOSED = "AgreementProposed"
    REJECTED = "ProposalRejected"
    SIGNED = "TreatySigned"
    BROKEN = "TreatyBroken"
    PAID = "SidePaymentMade"
    OVERTAKEN = "ProposalOvertaken"  # its terms were met before it was signed


# --- proposals ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProposeAgreement(Order):
    to: tuple[str, ...] = ()
    treaty: TreatyKind = TreatyKind.NON_AGGRESSION
    cap: float | None = None
    verification: float | None = None
    note: str = ""
    # a deal's terms (linkage): what a recipient concedes on an issue it decides ("": its
    # status defaults to the proposer's wish), what the proposer concedes on an issue it decides
    # ("": the status the recipient wants), and a side payment from the proposer (negative: asked
    # of the recipient)
    demand_issue: str = ""
    demand_status: str = ""
    offer_issue: str = ""
    offer_status: str = ""
    payment: float = 0.0

    def __post_init__(self) -> None:
        # terms are floats whoever builds the order (220 and 220.0 must resolve and hash alike)
        for name in ("cap", "verification", "payment"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, bool) and isinstance(value, int):
                object.__setattr__(self, name, float(value))

    @property
    def has_terms(self) -> bool:
        return bool(self.demand_issue or self.offer_issue or self.payment)


def offered_status(x: Readings, o: ProposeAgreement) -> str | None:
    """The status the proposer concedes: the one it names, else the (single) recipient's wish."""
    if o.offer_status:
        return o.offer_status
    return wanted(x, o.to[0], o.offer_issue) if len(o.to) == 1 else None


def check_terms(state: Readings, o: ProposeAgreement) -> str | None:
    """A deal's terms: what a recipient concedes, what the proposer concedes, a side payment."""
    if o.treaty == TreatyKind.DEAL and not (o.demand_issue or o.offer_issue):
        return "a deal needs a concession on an issue at stake (asked, offered or both)"
    if o.demand_issue:
        spec = state.scenario.issue(o.demand_issue)
        issue = state.issue(o.demand_issue)
        if spec is None or issue is None:
            return f"there is no issue {o.demand_issue!r} in this scenario"
        if issue.held_by not in o.to:
            return f"{spec.name} is decided by {state.name(issue.held_by)}, who is not a party"
        if reason := check_demand(state, o.actor, issue.held_by, o.demand_issue, o.demand_status):
            return reason
    elif o.demand_status:
        return "name the issue whose status you ask for"
    if o.offer_issue:
        spec = state.scenario.issue(o.offer_issue)
        issue = state.issue(o.offer_issue)
        if spec is None or issue is None:
            return f"there is no issue {o.offer_issue!r} in this scenario"
        if issue.held_by != o.actor:
            return f"you can only offer a status of an issue you decide; {spec.name} is not yours"
        status = offered_status(state, o)
        if status is None:
            return f"say which status of {spec.name} you offer"
        if status not in spec.outcomes:
            return f"{spec.name} cannot be {status!r} (expected one of: {', '.join(spec.outcomes)})"
        if status == issue.status:
            return f"{spec.name} already stands so"
    elif o.offer_status:
        return "name the issue whose status you offer"
    if o.payment:
        if len(o.to) != 1:
            return "a side payment is between two states: make the deal with one state"
        payer = o.actor if o.payment > 0 else o.to[0]
        limit = MAX_PAYMENT_SHARE * state.country(payer).economy
        if abs(o.payment) > limit:
            return (
                f"a side payment can be at most a tenth of the payer's economy ({limit:.1f} "
                f"for {state.name(payer)})"
            )
    return None


def check_propose(state: GameState, o: ProposeAgreement) -> str | None:
    if o.treaty not in tuple(TreatyKind):
        kinds = ", ".join(tuple(TreatyKind))
        return f"unknown kind of agreement {o.treaty!r} (expected one of {kinds})"
    if not o.to:
        return "an agreement needs at least one other party"
    if len(set(o.to)) != len(o.to):
        return "a party is named twice"
    for target in o.to:
        if reason := check_other_state(state, o.actor, target):
            return reason
    if o.treaty == TreatyKind.ARMS_CONTROL:
        if o.cap is None or o.cap <= 0:
            return "an arms control proposal needs a cap above zero"
        if o.verification is None or not 0 <= o.verification <= 1:
            return "an arms control proposal needs a verification level between 0 and 1"
    if o.treaty in SETTLEMENT_KINDS and not any(state.at_war(o.actor, t) for t in o.to):
        if not any(
            d.ended_turn is None
            and {d.initiator, d.target} & set(o.to)
            and o.actor in (d.initiator, d.target)
            for d in state.live("disputes")
        ):
            return "a ceasefire or peace agreement is only for states in a dispute or war with you"
    if reason := check_terms(state, o):
        return reason
    parties = {o.actor, *o.to}
    for t in state.active_treaties(kind=o.treaty):
        if set(t.members) == parties and o.treaty != TreatyKind.DEAL:
            return f"this {treaty_name(o.treaty)} is already in force"
    return None


def propose_candidates(state: GameState, seat: str) -> Iterator[ProposeAgreement]:
    for other in others(state, seat):
        for kind in OFFERED_KINDS:
            yield ProposeAgreement(seat, to=(other,), treaty=kind)
        yield ProposeAgreement(seat, to=(other,), treaty=TreatyKind.CEASEFIRE)
        yield ProposeAgreement(seat, to=(other,), treaty=TreatyKind.PEACE)
        cap = round(state.country(seat).military * OFFERED_CAP_MARGIN)
        yield ProposeAgreement(
            seat,
            to=(other,),
            treaty=TreatyKind.ARMS_CONTROL,
            cap=cap,
            verification=OFFERED_VERIFICATION,
        )
        yield from deal_candidates(state, seat, other)


def deal_candidates(state: Readings, seat: str, other: str) -> Iterator[ProposeAgreement]:
    """Deals with one state: each status it could concede on an issue it decides, with or
    without a status of ours in return (or ours alone); the payment is written in freely."""
    asks = [*demands_open(state, seat, other), ("", "")]
    offers = [*demands_open(state, other, seat), ("", "")]
    for ask, ask_status in asks:
        for give, give_status in offers:
            if ask or give:
                yield ProposeAgreement(
                    seat,
                    to=(other,),
                    treaty=TreatyKind.DEAL,
                    demand_issue=ask,
                    demand_status=ask_status,
                    offer_issue=give,
                    offer_status=give_status,
                )


def terms_words(x: Readings, p: Proposal) -> str:
    """A deal's terms in plain words."""
    parts = []
    if p.demand_issue:
        holder = x.issue(p.demand_issue).held_by
        parts.append(
            f"{x.name(holder)} concedes {demand_words(x, p.demand_issue, p.demand_status)}"
        )
    if p.offer_issue:
        parts.append(
            f"{x.name(p.proposer)} concedes {demand_words(x, p.offer_issue, p.offer_status)}"
        )
    if p.payment > 0:
        parts.append(f"{x.name(p.proposer)} pays {p.payment:g} (economy points)")
    elif p.payment < 0:
        parts.append(f"{x.name(p.recipients[0])} pays {-p.payment:g} (economy points)")
    return "; ".join(parts)


def make_proposal(draft: TurnDraft, o: ProposeAgreement) -> None:
    kind = TreatyKind(o.treaty)
    demand_status = (o.demand_status or wanted(draft, o.actor, o.demand_issue)) or None
    p = Proposal(
        draft.new_id("p"),
        o.actor,
        o.to,
        kind,
        draft.turn,
        cap=o.cap,
        verification=o.verification,
        note=o.note,
        demand_issue=o.demand_issue or None,
        demand_status=demand_status if o.demand_issue else None,
        offer_issue=o.offer_issue or None,
        offer_status=offered_status(draft, o) if o.offer_issue else None,
        payment=o.payment,
    )
    draft.proposals.append(p)
    terms = (
        f" (cap {o.cap:g}, verification {o.verification:.0%})"
        if kind == TreatyKind.ARMS_CONTROL
        else ""
    )
    if o.has_terms:
        terms += f" (terms: {terms_words(draft, p)})"
    draft.emit(
        AgreementsEvent.PROPOSED,
        f"{draft.name(o.actor)} proposed {treaty_name(kind, article=True)}{terms} to "
        f"{draft.names(o.to)}. {o.note}".strip(),
        (o.actor, *o.to),
        visible_to=(o.actor, *o.to),
    )


# --- answers and signing -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AnswerProposal(Order):
    proposal: str = ""
    accept: bool = True


def check_answer(state: GameState, o: AnswerProposal) -> str | None:
    p = by_id(state.proposals, o.proposal)
    if p is None or o.actor not in p.recipients:
        return "no proposal with that id is addressed to you"
    if p.status != ProposalStatus.OPEN or o.actor in p.accepted_by:
        return "that proposal is no longer open"
    return None


def answer_candidates(state: GameState, seat: str) -> Iterator[AnswerProposal]:
    for p in state.live("proposals"):
        if p.status == ProposalStatus.OPEN and seat in p.recipients and seat not in p.accepted_by:
            yield AnswerProposal(seat, proposal=p.id, accept=True)
            yield AnswerProposal(seat, proposal=p.id, accept=False)


def settle_proposals(draft: TurnDraft, orders: TurnOrders) -> None:
    """Each answer weighed against the proposal as the earlier answers left it: signed when every
    recipient has accepted. Then proposals left unanswered too long expire."""
    for o in orders.of(AnswerProposal):
        p = draft.proposals.find(o.proposal)
        if p.status != ProposalStatus.OPEN:
            continue
        if not o.accept:
            draft.proposals.replace(p, status=ProposalStatus.REJECTED)
            draft.emit(
                AgreementsEvent.REJECTED,
                f"{draft.name(o.actor)} rejected {draft.name(p.proposer)}'s proposal of "
                f"{treaty_name(p.kind, article=True)}.",
                (o.actor, p.proposer),
                visible_to=(p.proposer, *p.recipients),
            )
            continue
        p = draft.proposals.replace(p, accepted_by=(*p.accepted_by, o.actor))
        if set(p.accepted_by) == set(p.recipients):
            if overtaken(draft, p):
                draft.proposals.replace(p, status=ProposalStatus.EXPIRED)
                draft.emit(
                    AgreementsEvent.OVERTAKEN,
                    f"{draft.name(p.proposer)}'s proposed {treaty_name(p.kind)} lapsed: "
                    "events overtook its terms.",
                    (p.proposer, *p.recipients),
                    visible_to=(p.proposer, *p.recipients),
                )
                continue
            draft.proposals.replace(p, status=ProposalStatus.SIGNED)
            sign_treaty(draft, p)
    for p in list(draft.proposals):
        if p.status == ProposalStatus.OPEN and draft.turn - p.turn >= PROPOSAL_LIFETIME:
            draft.proposals.replace(p, status=ProposalStatus.EXPIRED)


def overtaken(x: Readings, p: Proposal) -> bool:
    """Has an issue a proposal's terms would change already reached that status? Then the deal
    would trade a concession already made, and it lapses rather than bind anyone to it."""
    for issue_id, status in ((p.demand_issue, p.demand_status), (p.offer_issue, p.offer_status)):
        now = x.issue(issue_id) if issue_id else None
        if now is not None and now.status == status:
            return True
    return False


def sign_treaty(draft: TurnDraft, p: Proposal) -> None:
    """The treaty comes into force among its parties; a settlement ends the wars among them."""
    members = p.recipients if p.mediated else (p.proposer, *p.recipients)
    mediator = p.proposer if p.mediated else None
    kind = TreatyKind(p.kind)
    treaty = Treaty(
        draft.new_id("t"),
        kind,
        members,
        draft.turn,
        cap=p.cap,
        verification=p.verification,
        mediator=mediator,
    )
    draft.treaties.append(treaty)
    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            draft.shift_relation(a, b, SIGNING_RELATIONS)
    numbers = {"relations change between parties": SIGNING_RELATIONS}
    if mediator is not None:
        numbers["mediator reputation change"] = draft.country(mediator).shift(
            Stat.REPUTATION, GUARANTOR_REPUTATION
        )
        for m in list(draft.mediations):
            if m.status == MediationStatus.ACTIVE and set(m.parties) == set(members):
                draft.mediations.replace(m, status=MediationStatus.ENDED)
    guarantee = f", brokered and guaranteed by {draft.name(mediator)}." if mediator else "."
    draft.emit(
        AgreementsEvent.SIGNED,
        f"{draft.names(members)} signed {treaty_name(kind, article=True)}{guarantee}",
        (*members, *((mediator,) if mediator else ())),
        numbers,
    )
    carry_out_terms(draft, p, treaty)
    if kind in SETTLEMENT_KINDS:
        end_hostilities(draft, members, WarEnd(kind))


def carry_out_terms(draft: TurnDraft, p: Proposal, treaty: Treaty) -> None:
    """A signed deal's terms take effect: the issues change status, the side payment is made."""
    if p.demand_issue and p.demand_status:
        how = f"agreed to it in a deal with {draft.name(p.proposer)}"
        change_issue(draft, p.demand_issue, p.demand_status, p.proposer, treaty.id, how)
    if p.offer_issue and p.offer_status:
        other = p.recipients[0] if len(p.recipients) == 1 else p.proposer
        how = "agreed to it in a deal"
        change_issue(draft, p.offer_issue, p.offer_status, other, treaty.id, how)
    if p.payment:
        payer, payee = (
            (p.proposer, p.recipients[0]) if p.payment > 0 else (p.recipients[0], p.proposer)
        )
        paid = -draft.country(payer).shift(Stat.ECONOMY, -abs(p.payment))
        draft.country(payee).shift(Stat.ECONOMY, paid)
        draft.emit(
            AgreementsEvent.PAID,
            f"{draft.name(payer)} paid {draft.name(payee)} {paid:.1f} as agreed.",
            (payer, payee),
            {"side payment (economy points)": paid},
        )


# --- withdrawal and breach ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BreakTreaty(Order):
    treaty: str = ""


def check_break(state: GameState, o: BreakTreaty) -> str | None:
    t = state.treaty(o.treaty)
    if t is None or o.actor not in t.members:
        return "you are not party to a treaty with that id"
    if t.status != TreatyStatus.ACTIVE:
        return "that treaty is no longer in force"
    return None


def break_candidates(state: GameState, seat: str) -> Iterator[BreakTreaty]:
    for t in state.active_treaties(member=seat):
        yield BreakTreaty(seat, treaty=t.id)


def break_treaty(draft: TurnDraft, o: BreakTreaty) -> None:
    t = draft.treaties.find(o.treaty)
    if t.status == TreatyStatus.ACTIVE:  # not already broken by a partner this turn
        breach(draft, t, o.actor, why="withdrew from")


def breach_cost(treaty: Treaty) -> float:
    """Reputation a state loses by breaking this treaty."""
    cost = BREACH_COST_BY_KIND.get(treaty.kind, BREACH_REPUTATION_COST)
    return cost + (MEDIATED_BREACH_EXTRA if treaty.mediator else 0.0)


def breach(draft: TurnDraft, treaty: Treaty, culprit: str, why: str) -> None:
    """`culprit` breaks the treaty; every state marks down its credibility. A bilateral treaty
    ends; a multilateral one goes on among the others without the culprit."""
    cost = breach_cost(treaty)
    remaining = tuple(m for m in treaty.members if m != culprit)
    if len(remaining) >= 2:
        draft.treaties.replace(treaty, members=remaining, withdrawn=(*treaty.withdrawn, culprit))
    else:
        draft.treaties.replace(treaty, status=TreatyStatus.BROKEN, broken_by=culprit)
    offender = draft.country(culprit)
    reputation = offender.shift(Stat.REPUTATION, -cost)
    offender.obligations_broken += 1
    for member in treaty.members:
        draft.shift_relation(culprit, member, -BREACH_PARTY_RELATIONS)
    draft.shift_relations_with_all(culprit, -BREACH_WORLD_RELATIONS)
    numbers = {
        "reputation change": reputation,
        "relations change with parties": -BREACH_PARTY_RELATIONS,
        "relations change with all": -BREACH_WORLD_RELATIONS,
    }
    if treaty.mediator and treaty.mediator != culprit:
        numbers["relations change with the mediator"] = draft.shift_relation(
            culprit, treaty.mediator, -BREACH_GUARANTOR_RELATIONS
        )
    draft.emit(
        AgreementsEvent.BROKEN,
        f"{draft.name(culprit)} {why} its {treaty_name(treaty.kind)} with "
        f"{draft.names(m for m in treaty.members if m != culprit)}; its word now counts "
        "for less with everyone.",
        (culprit, *treaty.members),
        numbers,
    )


ANSWERS = Step(Phase.PROPOSALS_ANSWERED, settle_proposals)
BREACHES = Step(Phase.TREATIES_BROKEN)  # each withdrawal in turn, by its move's `apply`
PROPOSALS = Step(Phase.PROPOSALS_MADE)  # each proposal in turn, by its move's `apply`

FAMILY = Family(
    "agreements",
    "Agreements and treaties",
    events=AgreementsEvent,
    moves=(
        Move(
            ProposeAgreement,
            "Propose an agreement",
            check_propose,
            propose_candidates,
            PROPOSALS,
            MoveHelp(
                what="Propose a treaty to one or several states: an alliance or defense pact, "
                "non-aggression, basing, intelligence sharing, joint exercises, arms control, a "
                "ceasefire or peace (the form lists those possible now), or a deal over the "
                "issues at stake: a concession asked for one offered, or for a side payment. "
                "They answer next turn; it is signed when all accept.",
                costs="One action. Nothing is lost if they refuse.",
                risks="Once signed, the terms bind you: breaking a treaty later costs reputation "
                "with every state. An arms control cap limits your build-ups.",
                when="Ceasefire and peace only with a state you are in a dispute or war with.",
            ),
            apply=make_proposal,
            free_fields={
                "to": "states",
                "cap": "number",
                "verification": "fraction",
                "note": "text",
                "payment": "number",
            },
            field_order=(
                "treaty",
                "to",
                "demand_issue",
                "demand_status",
                "offer_issue",
                "offer_status",
                "payment",
                "cap",
                "verification",
                "note",
            ),
        ),
        Move(
            AnswerProposal,
            "Answer a proposal",
            check_answer,
            answer_candidates,
            ANSWERS,
            MoveHelp(
                what="Accept or reject a formal proposal addressed to you.",
                costs="Free.",
                risks="Accepting binds you to the treaty's terms once every party has accepted.",
                when="Only when another state has sent you a proposal that is still open.",
            ),
            costs_action=False,
            answer=Answer("proposal", "accept", "Proposal"),
        ),
        Move(
            BreakTreaty,
            "Withdraw from a treaty",
            check_break,
            break_candidates,
            BREACHES,
            MoveHelp(
                what="Withdraw from a treaty you belong to.",
                costs="One action. Your reputation falls with every state, because each sees how "
                "little your word is worth.",
                risks="Broken obligations also count against your final score.",
                when="Only for treaties you are party to.",
            ),
            apply=break_treaty,
        ),
    ),
    steps=(ANSWERS, BREACHES, PROPOSALS),
)
