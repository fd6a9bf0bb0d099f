"""Humanitarian intervention and the responsibility to protect, in its three pillars.

A population at risk loses a share of its people each turn to the perpetrator.

Pillar I, the host's own responsibility: the state where the population lives (or the
perpetrator) may order restraint (this turn's toll falls), open access to aid workers (only then
does aid to it save lives) and undertake reforms (the threat falls for good). Each costs it at
home and earns it standing abroad.

Pillar II, assistance: other states may help build the host's capacity to protect (monitors,
police training): the threat falls, but only where the host has opened access. Aid sent to a
government that is killing its people without letting aid workers in props the government up:
it saves no lives and costs the donor standing (soft_power.py).

Pillar III, timely and decisive response: intervening puts forces between the perpetrator and the
people. It is a use of force against the perpetrator: it opens a militarized dispute (which the
perpetrator may answer and which may become a war), breaks the treaties the two share, and needs
the intervener's reach. The mission succeeds with a chance set by the intervener's strength
against the perpetrator's, helped by a Security Council authorization of force (a peacekeeping
mandate does not authorize enforcement) and by a base in the region; a failed mission costs the
intervener lives and provokes reprisals. Without authorization it costs legitimacy (reputation)
and sours relations with the host and the perpetrator. Against a government, success shakes the
regime, turns the government's friends against the intervener and makes Council members warier of
authorizing force again (regime-change backlash, organizations.py). Peacekeepers cut the toll by
the troops they have (organizations.py). Every turn's toll event says how many lives were saved.

The pillars follow the UN Secretary-General's report "Implementing the Responsibility to Protect"
(A/63/677, 2009) and ICISS (2001). Every figure below was set by hand (tuned). None is a
calibration target; an intervention opens a militarized dispute, so interventions count in the
mid_war row of `wargame calibrate`, whatever these figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..draft import TurnDraft
from ..enums import Rung, Stat, TreatyKind
from ..moves import Family, Move, MoveHelp, Order, Phase, Step, TurnOrders
from ..state import GameState, Population, Readings, by_id
from .geography import reach_reason
from .military import authorized_against, break_terms_by_force, open_or_raise_dispute
from .organizations import mission_strength

# the chance an intervention succeeds (tuned)
MISSION_BASE_CHANCE = 0.35
MISSION_STRENGTH_WEIGHT = 0.3  # times the intervener's share of the two sides' forces
MANDATE_BONUS = 0.15  # with a Security Council mandate
BASE_BONUS = 0.1  # operating from a base in the region (a basing treaty)
MISSION_CHANCE_MIN = 0.1
MISSION_CHANCE_MAX = 0.9
MIN_OPPOSING_FORCE = 1.0  # a disarmed opponent still counts as this much (no division by zero)
# what an intervention costs the intervener (tuned)
MISSION_MILITARY_FACTOR = 0.97  # 3% of its forces
MISSION_ECONOMY_FACTOR = 0.99  # 1% of its economy
FAILED_MISSION_CASUALTIES = 150
UNAUTHORIZED_REPUTATION_COST = 8.0  # legitimacy lost without a mandate (tuned)
UNAUTHORIZED_HOST_RELATIONS = 20.0  # relations lost with the host state (tuned)
UNAUTHORIZED_PERPETRATOR_RELATIONS = 25.0  # ...and with the perpetrator (tuned)
AUTHORIZED_REPUTATION = 4.0  # standing gained by a mandated intervention (tuned)
# regime-change backlash: a successful intervention against a government (tuned)
REGIME_SHAKEN_STABILITY = 8.0  # the government's stability lost
BACKLASH_FRIENDS = 30.0  # states this close to the government...
BACKLASH_RELATIONS = 10.0  # ... lose this many relations with the intervener
# pillar I: the host's own choices (tuned)
RESTRAINT_TOLL = 0.3  # share of the toll suffered in a turn the host orders restraint
RESTRAINT_STABILITY = 1.0  # hardliners resent it
RESTRAINT_REPUTATION = 1.0
ACCESS_REPUTATION = 2.0
ACCESS_STABILITY = 1.0  # letting foreigners in looks weak to hardliners
REFORM_THREAT = 0.6  # the threat is multiplied by this with each reform
REFORM_STABILITY = 4.0
REFORM_REPUTATION = 3.0
REFORMS_MAX = 2  # after this many, further reforms change nothing
# pillar II: assistance that builds capacity (tuned)
CAPACITY_THREAT = 0.85  # the threat is multiplied by this
CAPACITY_COST = 0.005  # share of the donor's economy
CAPACITY_REPUTATION = 1.0
CAPACITY_RELATIONS = 3.0  # with the host
# the toll: the share of the unprotected toll a population still suffers (tuned)
PROTECTED_TOLL = 0.15  # with protecting forces
PEACEKEEPERS_TOLL = 0.4  # with a fully manned UN mission, after Hultman, Kathman & Shannon
# (2013), AJPS: fewer civilians die the more troops are sent (the factor scales with the troops)
AIDED_TOLL = 0.8  # in a turn its host received aid, if it lets aid workers in
REPRISAL_FACTOR = 1.5  # the toll in a turn when a failed intervention provoked reprisals (tuned)


class HumanitarianEvent(StrEnum):
    RESTRAINT_ORDERED = "RestraintOrdered"
    ACCESS_GRANTED = "AccessGranted"
    REFORM_UNDERTAKEN = "ReformUndertaken"
    CAPACITY_ASSISTED = "CapacityAssisted"
    INTERVENTION_SUCCEEDED = "InterventionSucceeded"
    INTERVENTION_FAILED = "InterventionFailed"
    REGIME_BACKLASH = "RegimeChangeBacklash"
    CIVILIANS_KILLED = "CiviliansKilled"
    CIVILIANS_PROTECTED = "CiviliansProtected"


def people(x: Readings, p: Population) -> str:
    """The population's display name."""
    spec = by_id(x.scenario.populations, p.id)
    return spec.name if spec else p.id


def _at_risk(state: GameState, population: str) -> Population | str:
    """The population, or why no choice about it can be made now."""
    p = by_id(state.populations, population)
    if p is None:
        return f"there is no population {population!r} in this scenario"
    if state.turn < p.active_from:
        return "that population is not yet at risk"
    if p.deaths >= p.people:
        return "no one of that population is left to protect"
    return p


# --- pillar I: the host's own choices ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExerciseRestraint(Order):
    population: str = ""


@dataclass(frozen=True, slots=True)
class GrantAccess(Order):
    population: str = ""


@dataclass(frozen=True, slots=True)
class UndertakeReform(Order):
    population: str = ""


def check_host_choice(
    state: GameState, o: ExerciseRestraint | GrantAccess | UndertakeReform
) -> str | None:
    p = _at_risk(state, o.population)
    if isinstance(p, str):
        return p
    if o.actor not in (p.in_state, p.perpetrator):
        return "only the state where the population lives, or its perpetrator, can do this"
    if isinstance(o, GrantAccess):
        if o.actor != p.in_state:
            return "only the state where the population lives can let aid workers in"
        if p.access:
            return "aid workers already have access"
    if isinstance(o, UndertakeReform) and p.reforms >= REFORMS_MAX:
        return "the reforms that could protect this population are done"
    return None


def host_choice_candidates(state: GameState, seat: str):
    for p in state.populations:
        if seat in (p.in_state, p.perpetrator) and state.turn >= p.active_from:
            yield ExerciseRestraint(seat, population=p.id)
            yield GrantAccess(seat, population=p.id)
            yield UndertakeReform(seat, population=p.id)


def exercise_restraint(draft: TurnDraft, o: ExerciseRestraint) -> None:
    p = draft.populations.find(o.population)
    draft.populations.replace(p, restraint_turn=draft.turn)
    actor = draft.country(o.actor)
    stability = actor.shift(Stat.STABILITY, -RESTRAINT_STABILITY)
    reputation = actor.shift(Stat.REPUTATION, RESTRAINT_REPUTATION)
    draft.emit(
        HumanitarianEvent.RESTRAINT_ORDERED,
        f"{draft.name(o.actor)} ordered its forces to hold back against {people(draft, p)} this "
        "turn (the host's own responsibility to protect).",
        (o.actor,),
        {
            "toll factor this turn": RESTRAINT_TOLL,
            "stability change": stability,
            "reputation change": reputation,
        },
    )


def grant_access(draft: TurnDraft, o: GrantAccess) -> None:
    p = draft.populations.find(o.population)
    draft.populations.replace(p, access=True)
    actor = draft.country(o.actor)
    stability = actor.shift(Stat.STABILITY, -ACCESS_STABILITY)
    reputation = actor.shift(Stat.REPUTATION, ACCESS_REPUTATION)
    draft.emit(
        HumanitarianEvent.ACCESS_GRANTED,
        f"{draft.name(o.actor)} let aid workers reach {people(draft, p)}: aid to it now saves "
        "lives, and others can help build its capacity to protect.",
        (o.actor,),
        {
            "toll factor in a turn it receives aid": AIDED_TOLL,
            "stability change": stability,
            "reputation change": reputation,
        },
    )


def undertake_reform(draft: TurnDraft, o: UndertakeReform) -> None:
    p = draft.populations.find(o.population)
    threat = p.threat * REFORM_THREAT
    draft.populations.replace(p, threat=threat, reforms=p.reforms + 1)
    actor = draft.country(o.actor)
    stability = actor.shift(Stat.STABILITY, -REFORM_STABILITY)
    reputation = actor.shift(Stat.REPUTATION, REFORM_REPUTATION)
    draft.emit(
        HumanitarianEvent.REFORM_UNDERTAKEN,
        f"{draft.name(o.actor)} undertook reforms to protect {people(draft, p)} (security "
        "forces reined in, a share of power offered): the danger to them has fallen for good.",
        (o.actor,),
        {
            "threat per turn, before": p.threat,
            "threat per turn, after": threat,
            "stability change": stability,
            "reputation change": reputation,
        },
    )


# --- pillar II: assistance that builds capacity ------------------------------------------------


@dataclass(frozen=True, slots=True)
class AssistCapacity(Order):
    population: str = ""


def check_assist(state: GameState, o: AssistCapacity) -> str | None:
    p = _at_risk(state, o.population)
    if isinstance(p, str):
        return p
    if o.actor in (p.in_state, p.perpetrator):
        return "assistance comes from other states (the host has its own choices)"
    if not p.access:
        return (
            f"{state.name(p.in_state)} has not let aid workers in: assistance cannot reach "
            "the people at risk"
        )
    return None


def assist_candidates(state: GameState, seat: str):
    for p in state.populations:
        if seat not in (p.in_state, p.perpetrator) and p.access:
            yield AssistCapacity(seat, population=p.id)


def assist_capacity(draft: TurnDraft, o: AssistCapacity) -> None:
    p = draft.populations.find(o.population)
    threat = p.threat * CAPACITY_THREAT
    draft.populations.replace(p, threat=threat)
    donor = draft.country(o.actor)
    spent = -donor.scale(Stat.ECONOMY, 1 - CAPACITY_COST)
    reputation = donor.shift(Stat.REPUTATION, CAPACITY_REPUTATION)
    relations = draft.shift_relation(o.actor, p.in_state, CAPACITY_RELATIONS)
    draft.emit(
        HumanitarianEvent.CAPACITY_ASSISTED,
        f"{draft.name(o.actor)} helped {draft.name(p.in_state)} build its capacity to protect "
        f"{people(draft, p)} (monitors, police training, mediation support).",
        (o.actor, p.in_state),
        {
            "threat per turn, before": p.threat,
            "threat per turn, after": threat,
            "economy spent": spent,
            "reputation change": reputation,
            "relations change with the host": relations,
        },
    )


# --- intervention ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Intervene(Order):
    population: str = ""


def check_intervene(state: GameState, o: Intervene) -> str | None:
    p = by_id(state.populations, o.population)
    if p is None:
        return f"there is no population {o.population!r} in this scenario"
    if state.turn < p.active_from:
        return "that population is not yet at risk"
    if o.actor in (p.perpetrator, p.in_state):
        return "the host and the perpetrator protect their people with their own choices"
    if o.actor in p.protected_by:
        return "your forces already protect that population"
    return reach_reason(state, o.actor, p.in_state)


def intervene_candidates(state: GameState, seat: str):
    for p in state.populations:
        if (
            state.turn >= p.active_from
            and seat not in (p.perpetrator, p.in_state)
            and seat not in p.protected_by
        ):
            yield Intervene(seat, population=p.id)


def is_authorized(state: Readings, population_id: str, host: str, perpetrator: str | None) -> bool:
    """Enforcement needs an authorization: force authorized against the host or the
    perpetrator. A peacekeeping mandate is not one (peacekeepers keep a peace with consent)."""
    return authorized_against(state, host) or (
        perpetrator is not None and authorized_against(state, perpetrator)
    )


def mission_chance(mine: float, theirs: float, authorized: bool, based: bool) -> float:
    """The chance an intervention succeeds, from the two sides' forces."""
    return min(
        MISSION_CHANCE_MAX,
        max(
            MISSION_CHANCE_MIN,
            MISSION_BASE_CHANCE
            + MISSION_STRENGTH_WEIGHT * (mine / (mine + theirs))
            + (MANDATE_BONUS if authorized else 0.0)
            + (BASE_BONUS if based else 0.0),
        ),
    )


def intervene(draft: TurnDraft, o: Intervene) -> None:
    p = draft.populations.find(o.population)
    opponent = p.perpetrator or p.in_state
    actor = draft.country(o.actor)
    mine = actor.military
    theirs = max(MIN_OPPOSING_FORCE, draft.country(opponent).military)
    authorized = is_authorized(draft, p.id, p.in_state, p.perpetrator)
    based = bool(draft.active_treaties(o.actor, TreatyKind.BASING))
    chance = mission_chance(mine, theirs, authorized, based)
    success, roll = draft.rng.roll(chance)
    actor.scale(Stat.MILITARY, MISSION_MILITARY_FACTOR)
    actor.scale(Stat.ECONOMY, MISSION_ECONOMY_FACTOR)
    numbers = {"roll": roll, "authorized": float(authorized), "operating from a base": float(based)}
    # the chance follows both sides' true strength, which only the facilitator knows
    secret = {"chance of success": chance}
    break_terms_by_force(draft, o.actor, opponent)  # humanitarian or not, it is force
    if opponent != o.actor and draft.war_between(o.actor, opponent) is None:
        open_or_raise_dispute(draft, o.actor, opponent, Rung.LIMITED_FORCE, force=True)
        draft.country(opponent).attacked = True
        d = draft.open_dispute(o.actor, opponent)
        if d is not None and d.target == o.actor:
            actor.reciprocated = True
    draft.reach(Rung.LIMITED_FORCE)
    if not authorized:
        reputation = actor.shift(Stat.REPUTATION, -UNAUTHORIZED_REPUTATION_COST)
        draft.shift_relation(o.actor, p.in_state, -UNAUTHORIZED_HOST_RELATIONS)
        if p.perpetrator:
            draft.shift_relation(o.actor, p.perpetrator, -UNAUTHORIZED_PERPETRATOR_RELATIONS)
        numbers["reputation change (unauthorized)"] = reputation
    else:
        numbers["reputation change (authorized)"] = actor.shift(
            Stat.REPUTATION, AUTHORIZED_REPUTATION
        )
    if success:
        draft.populations.replace(p, protected_by=(*p.protected_by, o.actor))
        draft.emit(
            HumanitarianEvent.INTERVENTION_SUCCEEDED,
            f"{draft.name(o.actor)}'s forces now protect {people(draft, p)}"
            f"{'' if authorized else ', without a Security Council authorization'}.",
            (o.actor, p.in_state),
            numbers,
            secret=secret,
        )
        if opponent == p.in_state:
            _backlash(draft, o.actor, opponent)
    else:
        actor.casualties += FAILED_MISSION_CASUALTIES
        draft.populations.replace(p, reprisal_turn=draft.turn)
        draft.emit(
            HumanitarianEvent.INTERVENTION_FAILED,
            f"{draft.name(o.actor)}'s intervention to protect {people(draft, p)} failed with "
            "losses, "
            "and the perpetrator's forces took reprisals.",
            (o.actor, p.in_state),
            numbers | {"toll factor from reprisals": REPRISAL_FACTOR},
            secret=secret,
        )


def _backlash(draft: TurnDraft, intervener: str, government: str) -> None:
    """Forces that protect a people against its own government shake the regime: its friends
    turn on the intervener, and Council members grow warier of authorizing force."""
    stability = draft.country(government).shift(Stat.STABILITY, -REGIME_SHAKEN_STABILITY)
    friends = [
        s
        for s in draft.ids
        if s not in (intervener, government) and draft.relation(s, government) > BACKLASH_FRIENDS
    ]
    for s in friends:
        draft.shift_relation(s, intervener, -BACKLASH_RELATIONS)
    draft.emit(
        HumanitarianEvent.REGIME_BACKLASH,
        f"{draft.name(government)}'s government is shaken by foreign forces on its soil"
        + (f"; its friends ({draft.names(friends)}) call it regime change" if friends else "")
        + ", and Council members grow warier of authorizing force.",
        (intervener, government, *friends),
        {
            "government's stability change": stability,
            "relations change of its friends with the intervener": -BACKLASH_RELATIONS,
        },
    )


# --- the toll ----------------------------------------------------------------------------------


def population_toll(draft: TurnDraft, _orders: TurnOrders) -> None:
    """Deaths this turn, and the lives protection saved against the unprotected toll."""
    for p in list(draft.populations):
        if draft.turn < p.active_from or p.deaths >= p.people:
            continue
        remaining = p.people - p.deaths
        factor = 1.0
        if p.protected_by:
            factor *= PROTECTED_TOLL
        if p.peacekeepers:
            troops, needed = mission_strength(draft, p.id)
            factor *= 1 - (1 - PEACEKEEPERS_TOLL) * min(1.0, troops / needed)
        if p.access and p.in_state in draft.notes.aided:
            factor *= AIDED_TOLL
        if p.restraint_turn == draft.turn:
            factor *= RESTRAINT_TOLL
        if p.reprisal_turn == draft.turn and not p.protected_by:
            factor *= REPRISAL_FACTOR
        baseline = remaining * p.threat
        deaths = int(baseline * factor)
        draft.populations.replace(p, deaths=p.deaths + deaths)
        if not deaths and int(baseline) == 0:
            continue  # under one life at stake this turn: no news of "0 killed, 0 saved"
        saved = int(baseline) - deaths
        if factor < 1:
            outcome = f"; protection saved about {saved:,}."
        elif factor > 1:
            outcome = f"; reprisals cost about {-saved:,} more lives."
        else:
            outcome = "."
        draft.emit(
            HumanitarianEvent.CIVILIANS_KILLED if deaths else HumanitarianEvent.CIVILIANS_PROTECTED,
            f"{deaths:,} of {people(draft, p)} were killed this turn{outcome}",
            (p.in_state, *((p.perpetrator,) if p.perpetrator else ())),
            {
                "people at risk": remaining,
                "threat per turn": p.threat,
                "protection factor": factor,
                "deaths": deaths,
                "lives saved": saved,
            },
        )


# the host's choices and others' assistance, then interventions, in the intervention phase
HOST_CHOICES = Step(Phase.INTERVENTION, name="responsibility_to_protect")  # by each `apply`
INTERVENTION = Step(Phase.INTERVENTION)  # each order in turn, by its move's `apply`
TOLL = Step(Phase.TOLL, population_toll)

FAMILY = Family(
    "humanitarian",
    "Humanitarian intervention",
    events=HumanitarianEvent,
    moves=(
        Move(
            ExerciseRestraint,
            "Order restraint",
            check_host_choice,
            host_choice_candidates,
            HOST_CHOICES,
            MoveHelp(
                what="As the state where a population is at risk, or its perpetrator, order your "
                "forces to hold back this turn.",
                costs="One action. Hardliners resent it: a little stability.",
                risks="This turn's killings fall sharply and your reputation rises a little; "
                "next turn the danger is back unless you order restraint again or reform.",
                when="Only for the host or the perpetrator of a population at risk.",
            ),
            apply=exercise_restraint,
        ),
        Move(
            GrantAccess,
            "Let aid workers in",
            check_host_choice,
            host_choice_candidates,
            HOST_CHOICES,
            MoveHelp(
                what="Open access for humanitarian aid and monitors to a population at risk in "
                "your state.",
                costs="One action. A little stability (it looks weak to hardliners).",
                risks="From now on, aid you receive saves lives there and others may help build "
                "your capacity to protect; your reputation rises.",
                when="Only for the state where a population is at risk.",
            ),
            apply=grant_access,
        ),
        Move(
            UndertakeReform,
            "Undertake reforms",
            check_host_choice,
            host_choice_candidates,
            HOST_CHOICES,
            MoveHelp(
                what="Rein in the security forces and offer the threatened group a share of power.",
                costs="One action and some stability at home.",
                risks="The danger to the population falls for good (twice at most); your "
                "reputation rises.",
                when="Only for the host or the perpetrator of a population at risk.",
            ),
            apply=undertake_reform,
        ),
        Move(
            AssistCapacity,
            "Help build capacity to protect",
            check_assist,
            assist_candidates,
            HOST_CHOICES,
            MoveHelp(
                what="Help the host state protect a population at risk: monitors, police "
                "training, support for local mediation.",
                costs="One action and a little of your economy.",
                risks="The danger to the population falls for good; relations with the host and "
                "your reputation rise.",
                when="Only where the host has let aid workers in.",
            ),
            apply=assist_capacity,
        ),
        Move(
            Intervene,
            "Humanitarian intervention",
            check_intervene,
            intervene_candidates,
            INTERVENTION,
            MoveHelp(
                what="Send forces to protect a population at risk (Responsibility to Protect).",
                costs="One action. Military effort; if it fails you take losses and lose "
                "stability. It is force: it breaks the treaties you share with the perpetrator.",
                risks="Lives can be saved; stronger forces and a Security Council authorization "
                "of force make success likelier (a peacekeeping mandate is not one). Without "
                "authorization your reputation falls and relations with the host state (and any "
                "perpetrator) worsen. Against a government, success shakes the regime and brings "
                "a backlash from its friends and on the Council.",
                when="Only when a population is at risk, within your reach.",
            ),
            apply=intervene,
        ),
    ),
    steps=(HOST_CHOICES, INTERVENTION, TOLL),
)
