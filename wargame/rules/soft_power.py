"""Soft power and public diplomacy: slow gains in relations and reputation, at a cost.

Reputation matters beyond goodwill: bystanders on the Security Council vote with sponsors of good
name, computer players accept their proposals more readily and trust their alliances more
(power.reliability). Aid buys more goodwill the larger it is for the recipient: a great power's
aid to a small state is how small states are courted.

Every move costs something, and each buys less than the one before. Relations gain less the
warmer they already are (there is less left to win), and a state's reputation gains shrink with
every campaign, exchange or aid it has made so far in the crisis (a charm offensive soon reads as
propaganda). Aid to a government that is killing a population at risk without letting aid
workers in props it up: it saves no lives and costs the donor reputation instead of earning it.

Every figure below was set by hand (tuned) to make these moves slow and small next to coercion
and force, after Nye (2004), "Soft Power"; none is a calibration target, and none moves a row of
`wargame calibrate` directly (aid eases a population's toll, see humanitarian.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..draft import TurnDraft
from ..enums import Stat
from ..moves import Family, Move, MoveHelp, Order, Phase, Step
from ..state import GameState
from .common import check_other_state, toward_each_other

CAMPAIGN_COST = 0.003  # share of the economy a public diplomacy campaign costs (tuned)
CAMPAIGN_RELATIONS = 3.0  # relations gained with the target's public (tuned)
CAMPAIGN_REPUTATION = 1.0  # (tuned)
EXCHANGE_COST = 0.002  # share of the economy an exchange programme costs (tuned)
EXCHANGE_RELATIONS = 4.0  # cultural and educational exchange (tuned)
EXCHANGE_REPUTATION = 0.5  # (tuned)
FATIGUE = 0.5  # each soft-power move made before divides the next reputation gain by 1 + this
# (so the second buys 2/3, the third 1/2...; tuned)
AID_SHARE = 0.01  # share of the donor's economy given as aid (tuned)
AID_DELIVERED = 0.8  # share of the aid that reaches the recipient's economy (tuned)
AID_STABILITY = 2.0  # recipient's stability gained (tuned)
AID_RELATIONS_BASE = 4.0  # relations gained by any aid... (tuned)
AID_RELATIONS_PER_WEIGHT = 60.0  # ...plus this per unit of aid/recipient's economy (tuned)
AID_RELATIONS_MAX = 15.0  # (tuned)
AID_REPUTATION = 2.0  # (tuned)
AID_MIN_ECONOMY = 20.0  # a donor below this economy cannot give aid (tuned)
AID_COMPLICITY_REPUTATION = 3.0  # reputation lost by aiding a government killing its people
# without letting aid workers in (tuned)


class SoftPowerEvent(StrEnum):
    CAMPAIGNED = "PublicDiplomacyCampaigned"
    EXCHANGE_HELD = "ExchangeHeld"
    AID_SENT = "AidSent"


# --- diminishing returns -----------------------------------------------------------------------


def warmth_factor(relation: float) -> float:
    """Share of a relations gain still to be had: the warmer relations are, the less is left."""
    return 1.0 - max(0.0, relation) / 100


def fatigue_factor(moves_so_far: int) -> float:
    """Share of a reputation gain a state still earns after `moves_so_far` soft-power moves."""
    return 1.0 / (1.0 + FATIGUE * moves_so_far)


def _gains(draft: TurnDraft, actor: str, target: str, relations: float, reputation: float):
    """Apply a soft-power move's gains with their diminishing returns; (relations change,
    reputation change)."""
    country = draft.country(actor)
    rel = draft.shift_relation(
        actor, target, relations * warmth_factor(draft.relation(actor, target))
    )
    rep = country.shift(Stat.REPUTATION, reputation * fatigue_factor(country.soft_power_moves))
    country.soft_power_moves += 1
    return rel, rep


# --- public diplomacy --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PublicDiplomacy(Order):
    target: str = ""


def run_campaign(draft: TurnDraft, o: PublicDiplomacy) -> None:
    actor = draft.country(o.actor)
    spent = -actor.scale(Stat.ECONOMY, 1 - CAMPAIGN_COST)
    before = actor.soft_power_moves
    relations, reputation = _gains(
        draft, o.actor, o.target, CAMPAIGN_RELATIONS, CAMPAIGN_REPUTATION
    )
    draft.emit(
        SoftPowerEvent.CAMPAIGNED,
        f"{draft.name(o.actor)} ran a public diplomacy campaign in {draft.name(o.target)}.",
        (o.actor, o.target),
        {
            "relations change": relations,
            "reputation change": reputation,
            "economy spent": spent,
            "soft-power moves before this one": before,
        },
    )


# --- cultural exchange -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CulturalExchange(Order):
    target: str = ""


def hold_exchange(draft: TurnDraft, o: CulturalExchange) -> None:
    actor = draft.country(o.actor)
    spent = -actor.scale(Stat.ECONOMY, 1 - EXCHANGE_COST)
    before = actor.soft_power_moves
    relations, reputation = _gains(
        draft, o.actor, o.target, EXCHANGE_RELATIONS, EXCHANGE_REPUTATION
    )
    draft.emit(
        SoftPowerEvent.EXCHANGE_HELD,
        f"{draft.name(o.actor)} and {draft.name(o.target)} held cultural and educational exchanges.",
        (o.actor, o.target),
        {
            "relations change": relations,
            "reputation change": reputation,
            "economy spent": spent,
            "soft-power moves before this one": before,
        },
    )


# --- aid ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SendAid(Order):
    target: str = ""


def check_aid(state: GameState, o: SendAid) -> str | None:
    if reason := check_other_state(state, o.actor, o.target):
        return reason
    if state.country(o.actor).economy < AID_MIN_ECONOMY:
        return "your economy is too small to give aid"
    return None


def send_aid(draft: TurnDraft, o: SendAid) -> None:
    """Aid buys more goodwill the larger it is for the recipient; it also eases a humanitarian
    crisis in the recipient this turn (noted for the population toll)."""
    donor, recipient = draft.country(o.actor), draft.country(o.target)
    given = donor.economy * AID_SHARE
    weight = given / recipient.economy  # aid as a share of the recipient's economy
    donor.shift(Stat.ECONOMY, -given)
    recipient.shift(Stat.ECONOMY, given * AID_DELIVERED)
    recipient.shift(Stat.STABILITY, AID_STABILITY)
    gain = min(AID_RELATIONS_MAX, AID_RELATIONS_BASE + AID_RELATIONS_PER_WEIGHT * weight)
    draft.notes.aided.add(o.target)
    complicit = [
        p
        for p in draft.populations
        if p.perpetrator == o.target
        and p.in_state == o.target
        and not p.access
        and draft.turn >= p.active_from
        and p.deaths < p.people
    ]
    before = donor.soft_power_moves
    if complicit:
        relations = draft.shift_relation(
            o.actor, o.target, gain * warmth_factor(draft.relation(o.actor, o.target))
        )
        reputation = donor.shift(Stat.REPUTATION, -AID_COMPLICITY_REPUTATION)
        donor.soft_power_moves += 1
    else:
        relations, reputation = _gains(draft, o.actor, o.target, gain, AID_REPUTATION)
    draft.emit(
        SoftPowerEvent.AID_SENT,
        f"{draft.name(o.actor)} sent aid to {draft.name(o.target)}"
        + (
            ", whose government is killing its people and keeps aid workers out: the aid props "
            "it up and saves no lives."
            if complicit
            else "."
        ),
        (o.actor, o.target),
        {
            "economy given": given,
            "share of the recipient's economy": weight,
            "relations change": relations,
            "reputation change": reputation,
            "soft-power moves before this one": before,
        },
    )


def check_targeted(state: GameState, o: PublicDiplomacy | CulturalExchange) -> str | None:
    return check_other_state(state, o.actor, o.target)


SOFT_POWER = Step(Phase.SOFT_POWER)  # each order in turn, by its move's `apply`

FAMILY = Family(
    "soft_power",
    "Soft power",
    events=SoftPowerEvent,
    moves=(
        Move(
            PublicDiplomacy,
            "Public diplomacy campaign",
            check_targeted,
            toward_each_other(lambda seat, other: PublicDiplomacy(seat, target=other)),
            SOFT_POWER,
            MoveHelp(
                what="Run a public diplomacy campaign aimed at another state's public.",
                costs="One action and a little of your economy.",
                risks="Slow, small gains: relations improve and your reputation rises a little, "
                "less each time (a charm offensive soon reads as propaganda).",
            ),
            apply=run_campaign,
        ),
        Move(
            CulturalExchange,
            "Cultural and educational exchange",
            check_targeted,
            toward_each_other(lambda seat, other: CulturalExchange(seat, target=other)),
            SOFT_POWER,
            MoveHelp(
                what="Hold cultural and educational exchanges with another state.",
                costs="One action and a little of your economy.",
                risks="Slow, small gains in relations, smaller the warmer they already are; "
                "each soft-power move you make earns less reputation than the one before.",
            ),
            apply=hold_exchange,
        ),
        Move(
            SendAid,
            "Send aid",
            check_aid,
            toward_each_other(lambda seat, other: SendAid(seat, target=other)),
            SOFT_POWER,
            MoveHelp(
                what="Send economic aid to another state.",
                costs="One action. It costs your economy.",
                risks="The recipient's economy and stability improve; relations and your "
                "reputation rise. Aid to a government killing its people without letting aid "
                "workers in props it up: it saves no lives and costs you reputation.",
            ),
            apply=send_aid,
        ),
    ),
    steps=(SOFT_POWER,),
)
