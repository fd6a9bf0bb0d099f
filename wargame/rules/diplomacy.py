"""Diplomacy: messages, back-channel talks, ultimatums (with audience costs) and mediation.

Talk is cheap but not free of consequence. An ultimatum ties the issuer's credibility to
enforcing it (Fearon's audience costs): the target answers in the next turn; if it defies the
demand, the issuer has until the turn after to act (force or sanctions against the target) or it
pays in stability and reputation, more so for a democracy, whose public punishes empty threats.
That cost is what makes a democracy's ultimatum credible.

Mediation needs both parties' consent, and a dispute has one mediator at a time: offers made in
the same turn for the same two states are weighed together, and only the best placed (the most
leverage, the least bias) goes to the parties. An active mediator cools the crisis every turn
(relations between the parties improve, tension falls) and, each turn, puts a draft settlement
to both parties: a ceasefire if they are fighting, otherwise a non-aggression pact. The mediator
is not a party to it but its guarantor: breaking a mediated settlement costs more
(agreements.py). This is how mediation raises the chance of a formal agreement: it supplies the
proposal, and the guarantee makes it easier to accept. Mediators have interests and leverage: a
great power, or one the parties trade heavily with, can offer more and cools the crisis faster;
one that leans towards a party (better relations with it) is trusted less by the other, and its
mediation does less (Kydd 2003, "Which side are you on? Bias, credibility, and mediation", AJPS
47(4); Beardsley 2011, "The Mediation Dilemma"). Back-channel (Track II) talks quietly improve
relations and lower tension.

An ultimatum names what it demands (an issue at stake and the status wanted, demands.py) and
what it threatens (force, or sanctions of a measure). A target that complies moves the issue to
the status demanded. Only the threat carried out enforces it: force for force, sanctions at least
as hard as those threatened for sanctions; a token asset freeze does not enforce a threatened
embargo.

The audience costs follow Fearon (1994), "Domestic Political Audiences and the Escalation of
International Disputes"; every figure below was set by hand (tuned). None is a calibration target
or moves a row of `wargame calibrate` directly; the changes of tension feed the chance that a
clash becomes a war (military.py), so they move the mid_war row a little.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from ..draft import TurnDraft
from ..enums import (
    Measure,
    MediationStatus,
    ProposalStatus,
    Rung,
    SanctionsStage,
    Stat,
    Threat,
    UltimatumStatus,
)
from ..moves import Answer, Family, Move, MoveHelp, Order, Phase, Step, TurnOrders
from ..state import GameState, Mediation, Proposal, Readings, Ultimatum, by_id
from .common import check_other_state, democracy_factor, no_candidates, others, toward_each_other
from .demands import change_issue, check_demand, demand_met, demand_of, demand_words
from .military import Attack
from .sanctions import (
    BITE,
    MEASURE_WORDS,
    ImposeSanctions,
    JoinSanctions,
    active_episode,
    demand_choices,
)
from .war import settlement_kind

MAX_MESSAGE_CHARS = 2000  # the longest message a player may send (a house limit)
BACK_CHANNEL_RELATIONS = 4.0  # relations gained by quiet (Track II) talks (tuned)
BACK_CHANNEL_TENSION = 1.0  # tension eased by them (tuned): mid_war
MEDIATOR_REPUTATION = 3.0  # the mediator's reputation gained when both parties accept (tuned)
MEDIATION_RELATIONS = 5.0  # relations gained between the parties each turn of mediation (tuned)
MEDIATION_TENSION = 3.0  # tension eased each turn of active mediation (tuned): mid_war
# a mediator's leverage (0..1): the parties' trade with it, and a great power's means (tuned)
LEVERAGE_PER_TRADE = 1.0  # times the parties' mean share of trade with the mediator
LEVERAGE_GREAT_POWER = 0.3
LEVERAGE_BOOST = 1.0  # mediation's effects are multiplied by 1 + this x leverage
BIAS_SPREAD = 200.0  # bias = (relations with one party - with the other) / this, -1..1
BIAS_DRAG = 0.5  # mediation's effects are multiplied by 1 - this x |bias| (tuned)
ULTIMATUM_RELATIONS = 8.0  # relations lost with the target by an ultimatum (tuned)
ULTIMATUM_TENSION = 4.0  # tension raised by an ultimatum (tuned): mid_war
ANSWER_WITHIN = 1  # turns the target has to answer an ultimatum
# stability a complying target loses, times its regime factor: the audience cost of backing
# down (Fearon 1994; value tuned)
COMPLIANCE_COST = 5.0
COMPLIANCE_REPUTATION = 3.0  # reputation the issuer gains when the target complies (tuned)
COMPLIANCE_STABILITY = 3.0  # stability the issuer gains when the target complies (tuned)
DEFIANCE_RALLY = 2.0  # stability a defiant target gains: defiance plays well at home (tuned)
DEFIANCE_TENSION = 3.0  # tension raised by defiance (tuned): mid_war
ENFORCEMENT_REPUTATION = 2.0  # reputation an issuer gains by enforcing a defied demand (tuned)
# an issuer who does not enforce a defied demand loses this stability, times its regime factor,
# and this reputation: the audience cost of an empty threat (Fearon 1994; values tuned)
ULTIMATUM_AUDIENCE_COST = 8.0
ULTIMATUM_REPUTATION_COST = 8.0

OPEN_ULTIMATUMS = (UltimatumStatus.PENDING, UltimatumStatus.DEFIED)  # not yet settled
OPEN_MEDIATIONS = (MediationStatus.OFFERED, MediationStatus.ACTIVE)


class DiplomacyEvent(StrEnum):
    MESSAGE_SENT = "MessageSent"  # private
    STATEMENT_MADE = "StatementMade"  # public
    BACK_CHANNEL_OPENED = "BackChannelOpened"
    MEDIATION_OFFERED = "MediationOffered"
    MEDIATION_OFFER_SET_ASIDE = "MediationOfferSetAside"
    MEDIATION_ACCEPTED = "MediationAccepted"
    MEDIATION_DECLINED = "MediationDeclined"
    SETTLEMENT_DRAFTED = "SettlementDrafted"
    ULTIMATUM_ISSUED = "UltimatumIssued"
    ULTIMATUM_COMPLIED = "UltimatumComplied"
    ULTIMATUM_DEFIED = "UltimatumDefied"
    ULTIMATUM_ENFORCED = "UltimatumEnforced"
    ULTIMATUM_NOT_ENFORCED = "UltimatumNotEnforced"


# --- messages ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SendMessage(Order):
    to: tuple[str, ...] = ()
    text: str = ""
    public: bool = False


def check_message(state: GameState, o: SendMessage) -> str | None:
    if not o.to:
        return "a message needs at least one recipient"
    for target in o.to:
        if reason := check_other_state(state, o.actor, target):
            return reason
    if not o.text.strip():
        return "the message is empty"
    if len(o.text) > MAX_MESSAGE_CHARS:
        return f"the message is longer than {MAX_MESSAGE_CHARS} characters"
    return None


def send_message(draft: TurnDraft, o: SendMessage) -> None:
    names = draft.names(o.to)
    draft.emit(
        DiplomacyEvent.STATEMENT_MADE if o.public else DiplomacyEvent.MESSAGE_SENT,
        f"{draft.name(o.actor)} to {names}: {o.text}",
        (o.actor, *o.to),
        visible_to=None if o.public else (o.actor, *o.to),
    )


# --- back-channel talks ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BackChannel(Order):
    target: str = ""


def check_back_channel(state: GameState, o: BackChannel) -> str | None:
    return check_other_state(state, o.actor, o.target)


def open_back_channel(draft: TurnDraft, o: BackChannel) -> None:
    relations = draft.shift_relation(o.actor, o.target, BACK_CHANNEL_RELATIONS)
    tension = draft.shift_tension(-BACK_CHANNEL_TENSION, among=(o.actor, o.target))
    draft.emit(
        DiplomacyEvent.BACK_CHANNEL_OPENED,
        f"Quiet talks between {draft.name(o.actor)} and {draft.name(o.target)} improved relations.",
        (o.actor, o.target),
        {"relations change": relations, "tension change": tension},
        visible_to=(o.actor, o.target),
    )


# --- offers of mediation -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OfferMediation(Order):
    between: tuple[str, ...] = ()


def check_offer_mediation(state: GameState, o: OfferMediation) -> str | None:
    if len(o.between) != 2 or o.between[0] == o.between[1]:
        return "name the two states you offer to mediate between"
    if o.actor in o.between:
        return "a mediator cannot be one of the parties"
    for party in o.between:
        if party not in state.ids:
            return f"there is no state {party!r} in this scenario"
    if any(
        m.status in OPEN_MEDIATIONS and set(m.parties) == set(o.between)
        for m in state.live("mediations")
    ):
        return "a mediation between these states is already offered or under way"
    return None


def offer_mediation_candidates(state: GameState, seat: str) -> Iterator[OfferMediation]:
    hostile = sorted(
        {(d.initiator, d.target) for d in state.live("disputes") if d.ended_turn is None}
    )
    for a, b in hostile:
        if seat not in (a, b):
            yield OfferMediation(seat, between=(a, b))


def mediator_leverage(x: Readings, mediator: str, a: str, b: str) -> float:
    """What the mediator can offer or withhold (0..1): the parties' trade with it, and a great
    power's means."""
    trade = (x.trade_share(a, mediator) + x.trade_share(b, mediator)) / 2
    power = LEVERAGE_GREAT_POWER if x.scenario.state(mediator).great_power else 0.0
    return min(1.0, LEVERAGE_PER_TRADE * trade + power)


def mediator_bias(x: Readings, mediator: str, a: str, b: str) -> float:
    """How far the mediator leans towards a (positive) or b (negative), -1..1, by its relations
    with each."""
    return (x.relation(mediator, a) - x.relation(mediator, b)) / BIAS_SPREAD


def mediation_weight(x: Readings, mediator: str, a: str, b: str) -> float:
    """How much a mediator's work achieves, relative to a neutral one without leverage."""
    leverage = mediator_leverage(x, mediator, a, b)
    bias = mediator_bias(x, mediator, a, b)
    return (1 + LEVERAGE_BOOST * leverage) * (1 - BIAS_DRAG * abs(bias))


def settle_offers(draft: TurnDraft, orders: TurnOrders) -> None:
    """This turn's offers, one mediation per dyad: where several states offer to mediate between
    the same two, the parties hear the best placed (the most leverage, the least bias; then the
    best reputation); the others are set aside."""
    by_dyad: dict[frozenset[str], list[OfferMediation]] = {}
    for o in orders.of(OfferMediation):
        by_dyad.setdefault(frozenset(o.between), []).append(o)
    for offers in by_dyad.values():
        a, b = offers[0].between
        if any(m.status in OPEN_MEDIATIONS and {a, b} == set(m.parties) for m in draft.mediations):
            continue
        best = max(
            offers,
            key=lambda o: (
                mediation_weight(draft, o.actor, a, b),
                draft.country(o.actor).reputation,
            ),
        )
        m = Mediation(draft.new_id("m"), best.actor, best.between, draft.turn)
        draft.mediations.append(m)
        leverage = mediator_leverage(draft, best.actor, a, b)
        bias = mediator_bias(draft, best.actor, a, b)
        draft.emit(
            DiplomacyEvent.MEDIATION_OFFERED,
            f"{draft.name(best.actor)} offered to mediate between {draft.name(a)} and "
            f"{draft.name(b)}.",
            (best.actor, a, b),
            {"mediator's leverage": leverage, f"mediator's bias towards {draft.name(a)}": bias},
        )
        for o in offers:
            if o is not best:
                draft.emit(
                    DiplomacyEvent.MEDIATION_OFFER_SET_ASIDE,
                    f"{draft.name(o.actor)}'s offer to mediate between {draft.name(a)} and "
                    f"{draft.name(b)} was set aside: a dispute has one mediator at a time, and "
                    f"{draft.name(best.actor)} is better placed (more leverage, less bias).",
                    (o.actor, best.actor, a, b),
                    {
                        "its weight": mediation_weight(draft, o.actor, a, b),
                        "the chosen mediator's weight": mediation_weight(draft, best.actor, a, b),
                    },
                )


# --- answers to offers of mediation ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AnswerMediation(Order):
    mediation: str = ""
    accept: bool = True


def check_answer_mediation(state: GameState, o: AnswerMediation) -> str | None:
    m = by_id(state.mediations, o.mediation)
    if m is None or o.actor not in m.parties:
        return "no mediation with that id involves you"
    if m.status != MediationStatus.OFFERED or o.actor in m.accepted_by:
        return "that offer is no longer open to you"
    return None


def answer_mediation_candidates(state: GameState, seat: str) -> Iterator[AnswerMediation]:
    for m in state.live("mediations"):
        if seat in m.parties and m.status == MediationStatus.OFFERED and seat not in m.accepted_by:
            yield AnswerMediation(seat, mediation=m.id, accept=True)
            yield AnswerMediation(seat, mediation=m.id, accept=False)


def settle_mediation_answers(draft: TurnDraft, orders: TurnOrders) -> None:
    """The parties' answers, each weighed against the offer as the earlier answers left it: the
    mediation starts when both have accepted."""
    for o in orders.of(AnswerMediation):
        m = draft.mediations.find(o.mediation)
        if not o.accept:
            draft.mediations.replace(m, status=MediationStatus.DECLINED)
            draft.emit(
                DiplomacyEvent.MEDIATION_DECLINED,
                f"{draft.name(o.actor)} declined {draft.name(m.mediator)}'s mediation.",
                (o.actor, m.mediator),
            )
            continue
        accepted = (*m.accepted_by, o.actor)
        started = set(accepted) == set(m.parties)
        status = MediationStatus.ACTIVE if started else MediationStatus.OFFERED
        draft.mediations.replace(m, accepted_by=accepted, status=status)
        if started:
            reputation = draft.country(m.mediator).shift(Stat.REPUTATION, MEDIATOR_REPUTATION)
            draft.emit(
                DiplomacyEvent.MEDIATION_ACCEPTED,
                f"{draft.name(m.parties[0])} and {draft.name(m.parties[1])} accepted "
                f"{draft.name(m.mediator)} as mediator.",
                (m.mediator, *m.parties),
                {"mediator reputation": reputation},
            )


# --- active mediation (every turn) -------------------------------------------------------------


def shuttle_diplomacy(draft: TurnDraft, _orders: TurnOrders) -> None:
    """Each active mediation cools the dispute and keeps a draft settlement on the table; it ends
    once the parties have signed one."""
    for m in list(draft.mediations):
        if m.status != MediationStatus.ACTIVE:
            continue
        a, b = m.parties
        weight = mediation_weight(draft, m.mediator, a, b)
        relations = draft.shift_relation(a, b, MEDIATION_RELATIONS * weight)
        tension = draft.shift_tension(-MEDIATION_TENSION * weight, among=(a, b))
        kind = settlement_kind(draft, a, b)
        if kind is None:
            draft.mediations.replace(m, status=MediationStatus.ENDED)
            continue
        if any(
            p.status == ProposalStatus.OPEN and p.mediated and set(p.recipients) == {a, b}
            for p in draft.proposals
        ):
            continue
        p = Proposal(
            draft.new_id("p"),
            m.mediator,
            (a, b),
            kind,
            draft.turn,
            mediated=True,
            note=f"Draft settlement from the mediator, {draft.name(m.mediator)}.",
        )
        draft.proposals.append(p)
        draft.emit(
            DiplomacyEvent.SETTLEMENT_DRAFTED,
            f"{draft.name(m.mediator)}'s shuttle diplomacy produced a draft {kind.words} "
            f"between {draft.name(a)} and {draft.name(b)}; it is signed if both "
            "accept.",
            (m.mediator, a, b),
            {
                "relations change between the parties": relations,
                "tension change": tension,
                "mediator's leverage": mediator_leverage(draft, m.mediator, a, b),
                f"mediator's bias towards {draft.name(a)}": mediator_bias(draft, m.mediator, a, b),
            },
            visible_to=(m.mediator, a, b),
        )


# --- ultimatums --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IssueUltimatum(Order):
    target: str = ""
    demand: str = ""  # in the issuer's words (optional when it names an issue)
    issue: str = ""  # the issue at stake it demands a status of ("": a blanket demand)
    status: str = ""  # the status demanded ("": the issuer's own wish)
    threat: Threat = Threat.FORCE  # what the issuer will do if it is defied


def _open_ultimatum(ultimatums: Sequence[Ultimatum], issuer: str, target: str) -> bool:
    return any(
        u.status in OPEN_ULTIMATUMS and u.issuer == issuer and u.target == target
        for u in ultimatums
    )


def threat_bite(threat: str) -> float:
    """How hard a threatened measure bites (force is harder than any sanctions)."""
    return float("inf") if threat == Threat.FORCE else BITE[Measure(threat)]


def check_ultimatum(state: GameState, o: IssueUltimatum) -> str | None:
    if reason := check_other_state(state, o.actor, o.target):
        return reason
    if not o.demand.strip() and not o.issue:
        return "say what you demand (name an issue at stake, or write the demand)"
    if o.threat not in tuple(Threat):
        return f"unknown threat {o.threat!r} (expected one of {', '.join(tuple(Threat))})"
    if _open_ultimatum(state.live("ultimatums"), o.actor, o.target):
        return "you already have an ultimatum pending against this state"
    mine = active_episode(state, o.actor, o.target)
    if (
        o.threat != Threat.FORCE
        and mine is not None
        and mine.stage == SanctionsStage.IMPOSED
        and BITE[mine.measure] >= threat_bite(o.threat)
    ):
        return "your sanctions on this state already bite as hard as that: threaten something more"
    return check_demand(state, o.actor, o.target, o.issue, o.status)


def ultimatum_candidates(state: GameState, seat: str) -> Iterator[IssueUltimatum]:
    for other in others(state, seat):
        for issue, status in demand_choices(state, seat, other):
            demand = "" if issue else "Stand down and accept our terms."
            for threat in Threat:
                yield IssueUltimatum(
                    seat, other, demand=demand, issue=issue, status=status, threat=threat
                )


def threat_words(threat: str) -> str:
    return "force" if threat == Threat.FORCE else MEASURE_WORDS[Measure(threat)]


def issue_ultimatum(draft: TurnDraft, o: IssueUltimatum) -> None:
    if _open_ultimatum(draft.ultimatums, o.actor, o.target):
        return
    issue, status = demand_of(draft, o.actor, o.issue, o.status)
    demand = o.demand.strip() or demand_words(draft, issue, status)
    u = Ultimatum(
        draft.new_id("u"),
        o.actor,
        o.target,
        demand,
        draft.turn,
        draft.turn + ANSWER_WITHIN,
        issue=issue,
        status_demanded=status,
        threat=Threat(o.threat),
    )
    draft.ultimatums.append(u)
    relations = draft.shift_relation(o.actor, o.target, -ULTIMATUM_RELATIONS)
    tension = draft.shift_tension(ULTIMATUM_TENSION, among=(o.actor, o.target))
    draft.reach(Rung.COERCION)
    asked = f" ({demand_words(draft, issue, status)})" if issue and o.demand.strip() else ""
    draft.emit(
        DiplomacyEvent.ULTIMATUM_ISSUED,
        f"{draft.name(o.actor)} gave {draft.name(o.target)} an ultimatum: {demand}{asked}, or "
        f"face {threat_words(o.threat)} (answer by next turn).",
        (o.actor, o.target),
        {"tension change": tension, "relations change": relations},
    )


# --- answers to ultimatums and their deadlines -------------------------------------------------


@dataclass(frozen=True, slots=True)
class AnswerUltimatum(Order):
    ultimatum: str = ""
    comply: bool = False


def check_answer_ultimatum(state: GameState, o: AnswerUltimatum) -> str | None:
    u = by_id(state.ultimatums, o.ultimatum)
    if u is None or u.target != o.actor:
        return "no ultimatum with that id is addressed to you"
    if u.status != UltimatumStatus.PENDING:
        return "that ultimatum is no longer pending"
    return None


def answer_ultimatum_candidates(state: GameState, seat: str) -> Iterator[AnswerUltimatum]:
    for u in state.live("ultimatums"):
        if u.target == seat and u.status == UltimatumStatus.PENDING:
            yield AnswerUltimatum(seat, ultimatum=u.id, comply=True)
            yield AnswerUltimatum(seat, ultimatum=u.id, comply=False)


def enforcement(orders: TurnOrders, draft: TurnDraft) -> dict[tuple[str, str], float]:
    """What each state did this turn against each other, as the strength of the threat it
    carries out: force (infinite), or the bite of the sanctions it imposed or joined."""
    done: dict[tuple[str, str], float] = {}

    def note(pair: tuple[str, str], bite: float) -> None:
        done[pair] = max(done.get(pair, 0.0), bite)

    for o in orders.of(Attack):
        note((o.actor, o.target), threat_bite(Threat.FORCE))
    for o in orders.of(ImposeSanctions):
        note((o.actor, o.target), BITE[Measure(o.measure)])
    for o in orders.of(JoinSanctions):
        e = draft.sanctions.find(o.episode)
        if e is not None:
            note((o.actor, e.target), BITE[Measure(e.measure)])
    return done


def settle_ultimatums(draft: TurnDraft, orders: TurnOrders) -> None:
    """Earlier ultimatums fall due, weighed against this turn's answers and against this turn's
    force and sanctions: complied with (or met another way), defied, enforced or not enforced.
    Only the threat carried out counts as enforcing it: force for a threat of force, sanctions
    at least as hard as those threatened for a threat of sanctions."""
    answers = {o.ultimatum: o for o in orders.of(AnswerUltimatum)}
    done = enforcement(orders, draft)
    for u in list(draft.ultimatums):
        if u.status not in OPEN_ULTIMATUMS or u.turn >= draft.turn:
            continue
        carried = done.get((u.issuer, u.target), 0.0)
        enforced = carried >= threat_bite(u.threat)
        if demand_met(draft, u.issue, u.status_demanded):
            _met(draft, u)
        elif u.status == UltimatumStatus.DEFIED:  # the issuer's last chance to act
            if enforced:
                _enforced(draft, u)
            else:
                _backed_down(draft, u, carried)
        else:
            answer = answers.get(u.id)
            if answer is not None and answer.comply:
                _complied(draft, u)
            elif enforced:
                _enforced(draft, u)
            else:
                _defied(draft, u)


def _complied(draft: TurnDraft, u: Ultimatum) -> None:
    draft.ultimatums.replace(u, status=UltimatumStatus.COMPLIED)
    target, issuer = draft.country(u.target), draft.country(u.issuer)
    target.backed_down += 1
    cost = COMPLIANCE_COST * democracy_factor(u.target, draft.scenario)
    target.shift(Stat.STABILITY, -cost)
    issuer.shift(Stat.REPUTATION, COMPLIANCE_REPUTATION)
    issuer.shift(Stat.STABILITY, COMPLIANCE_STABILITY)
    if u.issue is not None and u.status_demanded is not None:
        change_issue(
            draft,
            u.issue,
            u.status_demanded,
            u.issuer,
            u.id,
            f"gave in to {draft.name(u.issuer)}'s ultimatum",
        )
    draft.emit(
        DiplomacyEvent.ULTIMATUM_COMPLIED,
        f"{draft.name(u.target)} gave in to {draft.name(u.issuer)}'s ultimatum: {u.demand}.",
        (u.issuer, u.target),
        {"target stability change": -cost},
    )


def _met(draft: TurnDraft, u: Ultimatum) -> None:
    """The demand was met before the deadline some other way (a deal, a change of stand)."""
    draft.ultimatums.replace(u, status=UltimatumStatus.COMPLIED)
    draft.emit(
        DiplomacyEvent.ULTIMATUM_COMPLIED,
        f"{draft.name(u.issuer)}'s ultimatum to {draft.name(u.target)} is moot: its demand is "
        f"met, {u.demand}.",
        (u.issuer, u.target),
    )


def _defied(draft: TurnDraft, u: Ultimatum) -> None:
    draft.ultimatums.replace(u, status=UltimatumStatus.DEFIED)
    draft.country(u.target).shift(Stat.STABILITY, DEFIANCE_RALLY)
    tension = draft.shift_tension(DEFIANCE_TENSION, among=(u.issuer, u.target))
    cost = ULTIMATUM_AUDIENCE_COST * democracy_factor(u.issuer, draft.scenario)
    draft.emit(
        DiplomacyEvent.ULTIMATUM_DEFIED,
        f"{draft.name(u.target)} defied {draft.name(u.issuer)}'s ultimatum. "
        f"{draft.name(u.issuer)} must carry out its threat ({threat_words(u.threat)}) next turn "
        "or lose face.",
        (u.issuer, u.target),
        {
            "issuer's stability at stake": cost,
            "issuer's reputation at stake": ULTIMATUM_REPUTATION_COST,
            "tension change": tension,
        },
    )


def _enforced(draft: TurnDraft, u: Ultimatum) -> None:
    draft.ultimatums.replace(u, status=UltimatumStatus.ENFORCED)
    reputation = draft.country(u.issuer).shift(Stat.REPUTATION, ENFORCEMENT_REPUTATION)
    draft.emit(
        DiplomacyEvent.ULTIMATUM_ENFORCED,
        f"{draft.name(u.issuer)} enforced its ultimatum against {draft.name(u.target)} with "
        f"{threat_words(u.threat)}: its threats will be taken seriously.",
        (u.issuer, u.target),
        {"reputation change": reputation},
    )


def _backed_down(draft: TurnDraft, u: Ultimatum, carried: float) -> None:
    """The audience cost of an empty threat: heavier for a democracy. Doing less than the
    threat (an asset freeze for a threatened embargo) does not enforce it."""
    factor = democracy_factor(u.issuer, draft.scenario)
    cost = ULTIMATUM_AUDIENCE_COST * factor
    draft.ultimatums.replace(u, status=UltimatumStatus.BACKED_DOWN)
    issuer = draft.country(u.issuer)
    issuer.shift(Stat.STABILITY, -cost)
    reputation = issuer.shift(Stat.REPUTATION, -ULTIMATUM_REPUTATION_COST)
    issuer.backed_down += 1
    less = (
        f" It acted, but less than it had threatened ({threat_words(u.threat)}), which does "
        "not count."
        if carried > 0
        else ""
    )
    draft.emit(
        DiplomacyEvent.ULTIMATUM_NOT_ENFORCED,
        f"{draft.name(u.target)} defied {draft.name(u.issuer)}'s ultimatum and "
        f"{draft.name(u.issuer)} did not carry out its threat: it paid the audience cost of an "
        f"empty threat.{less}",
        (u.issuer, u.target),
        {"stability change": -cost, "reputation change": reputation, "regime factor": factor},
    )


TALK = Step(Phase.TALK)  # messages and back channels, each order in turn by its move's `apply`
MEDIATION_ANSWERS = Step(Phase.MEDIATION, settle_mediation_answers)
MEDIATION_OFFERS = Step(Phase.MEDIATION, settle_offers)  # weighed together: one per dyad
SHUTTLE = Step(Phase.MEDIATION, shuttle_diplomacy)
DEADLINES = Step(Phase.DEADLINES, settle_ultimatums)
ULTIMATUMS = Step(Phase.DEADLINES, name="issue_ultimatum")  # new ones, after those falling due

FAMILY = Family(
    "diplomacy",
    "Diplomacy",
    events=DiplomacyEvent,
    moves=(
        Move(
            SendMessage,
            "Send a message",
            check_message,
            no_candidates,
            TALK,
            MoveHelp(
                what="Send words to one or several states. Private messages are seen only by the "
                "recipients; public statements are seen by everyone.",
                costs="Free: messages do not use one of your actions.",
                risks="Words are not binding. Others may not believe you, and a public statement "
                "ties your hands.",
            ),
            apply=send_message,
            costs_action=False,
        ),
        Move(
            BackChannel,
            "Open back-channel (Track II) talks",
            check_back_channel,
            toward_each_other(lambda seat, other: BackChannel(seat, target=other)),
            TALK,
            MoveHelp(
                what="Open quiet, unofficial (Track II) talks with one state.",
                costs="One action. Nothing else.",
                risks="Small effect: relations improve a little and only the two of you know.",
            ),
            apply=open_back_channel,
        ),
        Move(
            IssueUltimatum,
            "Issue a public ultimatum",
            check_ultimatum,
            ultimatum_candidates,
            ULTIMATUMS,
            MoveHelp(
                what="Publicly demand that a state concede an issue at stake (the status you "
                "name), to be answered by next turn, or face what you threaten: force, or "
                "sanctions.",
                costs="One action. Raises tension and hurts relations with the target at once.",
                risks="Audience costs: if the target defies you and you do not carry out what "
                "you threatened (force for force; sanctions at least as hard as those "
                "threatened), your stability and reputation fall, more so in a democracy.",
                when="Not while you already have an ultimatum pending against the same state.",
            ),
            apply=issue_ultimatum,
            free_fields={"demand": "text"},
            field_order=("target", "issue", "status", "threat", "demand"),
        ),
        Move(
            AnswerUltimatum,
            "Answer an ultimatum",
            check_answer_ultimatum,
            answer_ultimatum_candidates,
            DEADLINES,
            MoveHelp(
                what="Give in to an ultimatum addressed to you, or defy it.",
                costs="Free. Giving in costs you domestic support (you backed down) and rewards "
                "the issuer.",
                risks="Defying invites the issuer to enforce its threat with sanctions or force.",
                when="Only when another state has given you an ultimatum.",
            ),
            costs_action=False,
            answer=Answer("ultimatum", "comply", "Ultimatum"),
        ),
        Move(
            OfferMediation,
            "Offer to mediate",
            check_offer_mediation,
            offer_mediation_candidates,
            MEDIATION_OFFERS,
            MoveHelp(
                what="Offer to mediate between two states in a dispute.",
                costs="One action.",
                risks="They may decline. If both accept, relations between them improve and "
                "tension falls every turn, and your reputation rises; the more leverage you have "
                "(trade, a great power's means) and the less you lean to one side, the more your "
                "mediation achieves.",
                when="Only when two other states are in an open dispute, and no mediation "
                "between them is offered or under way; of several offers in one turn, the "
                "parties hear the best placed.",
            ),
        ),
        Move(
            AnswerMediation,
            "Answer an offer of mediation",
            check_answer_mediation,
            answer_mediation_candidates,
            MEDIATION_ANSWERS,
            MoveHelp(
                what="Accept or decline a mediator's offer.",
                costs="Free.",
                risks="Accepting makes an agreement more likely and cools the crisis; declining "
                "may look intransigent.",
                when="Only when someone has offered to mediate in your dispute.",
            ),
            costs_action=False,
            answer=Answer("mediation", "accept", "Offer"),
        ),
    ),
    steps=(TALK, MEDIATION_ANSWERS, MEDIATION_OFFERS, SHUTTLE, DEADLINES, ULTIMATUMS),
)
