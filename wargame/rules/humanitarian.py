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
"""

from __future__ import annotations

from dataclasses import dataclass

from ..draft import TurnDraft
from ..enums import Rung
from ..moves import Family, Move, MoveHelp, Order, Phase, Step, TurnOrders
from ..state import GameState, by_id
from .military import authorized_against, open_or_raise_dispute
from .power import treaties

UNAUTHORIZED_REPUTATION_COST = 8.0
REPRISAL_FACTOR = 1.5  # the toll in a turn when a failed intervention provoked reprisals


# --- orders ------------------------------------------------------------------------------------


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


def is_authorized(board: TurnDraft, population_id: str, host: str, perpetrator: str | None) -> bool:
    if any(
        d.status == "adopted" and d.kind == "peacekeeping" and d.population == population_id
        for d in board.drafts
    ):
        return True
    return authorized_against(board, host) or (
        perpetrator is not None and authorized_against(board, perpetrator)
    )


def intervene(board: TurnDraft, orders: TurnOrders) -> None:
    for o in orders.of(Intervene):
        p = board.find(board.populations, o.population)
        opponent = p.perpetrator or p.in_state
        mine, theirs = board.get(o.actor, "military"), max(1.0, board.get(opponent, "military"))
        authorized = is_authorized(board, p.id, p.in_state, p.perpetrator)
        based = bool(treaties(board, o.actor, ("basing",)))
        chance = min(
            0.9,
            max(
                0.1,
                0.35
                + 0.3 * (mine / (mine + theirs))
                + (0.15 if authorized else 0.0)
                + (0.1 if based else 0.0),
            ),
        )
        success, roll = board.rng.roll(chance)
        board.scale(o.actor, "military", 0.97)
        board.scale(o.actor, "economy", 0.99)
        numbers = {
            "chance of success": chance,
            "roll": roll,
            "authorized": float(authorized),
            "operating from a base": float(based),
        }
        if opponent != o.actor and board.war_between(o.actor, opponent) is None:
            open_or_raise_dispute(board, o.actor, opponent, Rung.LIMITED_FORCE, force=True)
            board.flag(opponent, "attacked")
            d = board.open_dispute(o.actor, opponent)
            if d is not None and d.target == o.actor:
                board.flag(o.actor, "reciprocated")
        board.reach(Rung.LIMITED_FORCE)
        if not authorized:
            board.adjust(o.actor, "reputation", -UNAUTHORIZED_REPUTATION_COST)
            board.shift_relation(o.actor, p.in_state, -20)
            if p.perpetrator:
                board.shift_relation(o.actor, p.perpetrator, -25)
            numbers["reputation change (unauthorized)"] = -UNAUTHORIZED_REPUTATION_COST
        else:
            board.adjust(o.actor, "reputation", 4)
            numbers["reputation change (authorized)"] = 4
        if success:
            board.replace_in(board.populations, p, protected_by=(*p.protected_by, o.actor))
            board.emit(
                "InterventionSucceeded",
                f"{board.name(o.actor)}'s forces now protect the people of {p.id}"
                f"{'' if authorized else ', without a Security Council mandate'}.",
                (o.actor, p.in_state),
                numbers,
            )
        else:
            board.bump(o.actor, "casualties", 150)
            board.replace_in(board.populations, p, reprisal_turn=board.turn)
            board.emit(
                "InterventionFailed",
                f"{board.name(o.actor)}'s intervention to protect {p.id} failed with losses, "
                "and the perpetrator's forces took reprisals.",
                (o.actor, p.in_state),
                numbers | {"toll factor from reprisals": REPRISAL_FACTOR},
            )


def population_toll(board: TurnDraft, _orders: TurnOrders) -> None:
    """Deaths this turn, and the lives protection saved against the unprotected toll."""
    for p in list(board.populations):
        if board.turn < p.active_from or p.deaths >= p.people:
            continue
        remaining = p.people - p.deaths
        factor = 1.0
        if p.protected_by:
            factor *= 0.15
        if p.peacekeepers:
            factor *= 0.4
        if p.in_state in board.notes.aided:
            factor *= 0.8
        if p.reprisal_turn == board.turn and not p.protected_by:
            factor *= REPRISAL_FACTOR
        baseline = remaining * p.threat
        deaths = int(baseline * factor)
        board.replace_in(board.populations, p, deaths=p.deaths + deaths)
        if deaths or baseline:
            board.emit(
                "CiviliansKilled" if deaths else "CiviliansProtected",
                f"{deaths:,} people of {p.id} were killed this turn"
                + (
                    f"; protection saved about {int(baseline) - deaths:,}."
                    if factor < 1
                    else f"; reprisals cost about {deaths - int(baseline):,} more lives."
                    if factor > 1
                    else "."
                ),
                (p.in_state, *((p.perpetrator,) if p.perpetrator else ())),
                {
                    "people at risk": remaining,
                    "threat per turn": p.threat,
                    "protection factor": factor,
                    "deaths": deaths,
                    "lives saved": int(baseline) - deaths,
                },
            )


def intervene_candidates(state: GameState, seat: str):
    for p in state.populations:
        if state.turn >= p.active_from and seat != p.perpetrator and seat not in p.protected_by:
            yield Intervene(seat, population=p.id)


INTERVENTION = Step(Phase.INTERVENTION, intervene)
TOLL = Step(Phase.TOLL, population_toll)

FAMILY = Family(
    "humanitarian",
    "Humanitarian intervention",
    moves=(
        Move(
            Intervene,
            "Humanitarian intervention",
            check_intervene,
            intervene_candidates,
            INTERVENTION,
            MoveHelp(
                what="Send forces to protect a population at risk (Responsibility to Protect).",
                costs="One action. Military effort; if it fails you take losses and lose stability.",
                risks="Lives can be saved; stronger forces and a Security Council authorization make success likelier. Without authorization your reputation falls and relations with the host state (and any perpetrator) worsen.",
                when="Only when a population is at risk.",
            ),
        ),
    ),
    steps=(INTERVENTION, TOLL),
)
