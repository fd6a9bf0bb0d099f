"""Humanitarian intervention and the responsibility to protect.

A population at risk loses a share of its people each turn to the perpetrator. Intervening puts
forces between them: it is a use of force against the perpetrator (it opens a militarized
dispute, which the perpetrator may answer and which may become a war, and the perpetrator may call
on its allies). The mission succeeds with a chance set by the intervener's strength against the
perpetrator's, helped by a Security Council mandate and by a base in the region; a failed mission
costs the intervener lives and provokes reprisals that raise the toll. Without authorization it
costs legitimacy (reputation) and sours relations with the host and the perpetrator; with it, the
intervener gains standing. Peacekeepers and aid cut the toll further. Every turn's toll event
says how many lives protection saved.

The responsibility to protect follows ICISS (2001), "The Responsibility to Protect". Every figure
below was set by hand (tuned). None is a calibration target; an intervention opens a militarized
dispute, so interventions count in the mid_war row of `wargame calibrate`, whatever these figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..draft import TurnDraft
from ..enums import DraftStatus, ResolutionKind, Rung, Stat, TreatyKind
from ..moves import Family, Move, MoveHelp, Order, Phase, Step, TurnOrders
from ..state import GameState, Readings, by_id
from .military import authorized_against, open_or_raise_dispute

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
# the toll: the share of the unprotected toll a population still suffers (tuned)
PROTECTED_TOLL = 0.15  # with protecting forces
PEACEKEEPERS_TOLL = 0.4  # with UN peacekeepers, after Hultman, Kathman & Shannon (2013), AJPS
AIDED_TOLL = 0.8  # in a turn its host received aid
REPRISAL_FACTOR = 1.5  # the toll in a turn when a failed intervention provoked reprisals (tuned)


class HumanitarianEvent(StrEnum):
    INTERVENTION_SUCCEEDED = "InterventionSucceeded"
    INTERVENTION_FAILED = "InterventionFailed"
    CIVILIANS_KILLED = "CiviliansKilled"
    CIVILIANS_PROTECTED = "CiviliansProtected"


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
    if o.actor == p.perpetrator:
        return "the perpetrator cannot intervene against itself"
    if o.actor in p.protected_by:
        return "your forces already protect that population"
    return None


def intervene_candidates(state: GameState, seat: str):
    for p in state.populations:
        if state.turn >= p.active_from and seat != p.perpetrator and seat not in p.protected_by:
            yield Intervene(seat, population=p.id)


def is_authorized(state: Readings, population_id: str, host: str, perpetrator: str | None) -> bool:
    """A peacekeeping mandate for the population, or force authorized against the host or the
    perpetrator."""
    if any(
        d.status == DraftStatus.ADOPTED
        and d.kind == ResolutionKind.PEACEKEEPING
        and d.population == population_id
        for d in state.drafts
    ):
        return True
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
            f"{draft.name(o.actor)}'s forces now protect the people of {p.id}"
            f"{'' if authorized else ', without a Security Council mandate'}.",
            (o.actor, p.in_state),
            numbers,
            secret=secret,
        )
    else:
        actor.casualties += FAILED_MISSION_CASUALTIES
        draft.populations.replace(p, reprisal_turn=draft.turn)
        draft.emit(
            HumanitarianEvent.INTERVENTION_FAILED,
            f"{draft.name(o.actor)}'s intervention to protect {p.id} failed with losses, "
            "and the perpetrator's forces took reprisals.",
            (o.actor, p.in_state),
            numbers | {"toll factor from reprisals": REPRISAL_FACTOR},
            secret=secret,
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
            factor *= PEACEKEEPERS_TOLL
        if p.in_state in draft.notes.aided:
            factor *= AIDED_TOLL
        if p.reprisal_turn == draft.turn and not p.protected_by:
            factor *= REPRISAL_FACTOR
        baseline = remaining * p.threat
        deaths = int(baseline * factor)
        draft.populations.replace(p, deaths=p.deaths + deaths)
        if not (deaths or baseline):
            continue
        saved = int(baseline) - deaths
        if factor < 1:
            outcome = f"; protection saved about {saved:,}."
        elif factor > 1:
            outcome = f"; reprisals cost about {-saved:,} more lives."
        else:
            outcome = "."
        draft.emit(
            HumanitarianEvent.CIVILIANS_KILLED if deaths else HumanitarianEvent.CIVILIANS_PROTECTED,
            f"{deaths:,} people of {p.id} were killed this turn{outcome}",
            (p.in_state, *((p.perpetrator,) if p.perpetrator else ())),
            {
                "people at risk": remaining,
                "threat per turn": p.threat,
                "protection factor": factor,
                "deaths": deaths,
                "lives saved": saved,
            },
        )


INTERVENTION = Step(Phase.INTERVENTION)  # each order in turn, by its move's `apply`
TOLL = Step(Phase.TOLL, population_toll)

FAMILY = Family(
    "humanitarian",
    "Humanitarian intervention",
    events=HumanitarianEvent,
    moves=(
        Move(
            Intervene,
            "Humanitarian intervention",
            check_intervene,
            intervene_candidates,
            INTERVENTION,
            MoveHelp(
                what="Send forces to protect a population at risk (Responsibility to Protect).",
                costs="One action. Military effort; if it fails you take losses and lose "
                "stability.",
                risks="Lives can be saved; stronger forces and a Security Council authorization "
                "make success likelier. Without authorization your reputation falls and relations "
                "with the host state (and any perpetrator) worsen.",
                when="Only when a population is at risk.",
            ),
            apply=intervene,
        ),
    ),
    steps=(INTERVENTION, TOLL),
)
