"""Soft power and public diplomacy: slow gains in relations and reputation.

Reputation matters beyond goodwill: bystanders on the Security Council vote with sponsors of good
name, computer players accept their proposals more readily and trust their alliances more
(power.reliability). Aid buys more goodwill the larger it is for the recipient: a great power's
aid to a small state is how small states are courted.

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
EXCHANGE_RELATIONS = 4.0  # cultural and educational exchange (tuned)
EXCHANGE_REPUTATION = 0.5  # (tuned)
AID_SHARE = 0.01  # share of the donor's economy given as aid (tuned)
AID_DELIVERED = 0.8  # share of the aid that reaches the recipient's economy (tuned)
AID_STABILITY = 2.0  # recipient's stability gained (tuned)
AID_RELATIONS_BASE = 4.0  # relations gained by any aid... (tuned)
AID_RELATIONS_PER_WEIGHT = 60.0  # ...plus this per unit of aid/recipient's economy (tuned)
AID_RELATIONS_MAX = 15.0  # (tuned)
AID_REPUTATION = 2.0  # (tuned)
AID_MIN_ECONOMY = 20.0  # a donor below this economy cannot give aid (tuned)


class SoftPowerEvent(StrEnum):
    CAMPAIGNED = "PublicDiplomacyCampaigned"
    EXCHANGE_HELD = "ExchangeHeld"
    AID_SENT = "AidSent"


# --- public diplomacy --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PublicDiplomacy(Order):
    target: str = ""


def run_campaign(draft: TurnDraft, o: PublicDiplomacy) -> None:
    actor = draft.country(o.actor)
    actor.scale(Stat.ECONOMY, 1 - CAMPAIGN_COST)
    relations = draft.shift_relation(o.actor, o.target, CAMPAIGN_RELATIONS)
    reputation = actor.shift(Stat.REPUTATION, CAMPAIGN_REPUTATION)
    draft.emit(
        SoftPowerEvent.CAMPAIGNED,
        f"{draft.name(o.actor)} ran a public diplomacy campaign in {draft.name(o.target)}.",
        (o.actor, o.target),
        {"relations change": relations, "reputation change": reputation},
    )


# --- cultural exchange -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CulturalExchange(Order):
    target: str = ""


def hold_exchange(draft: TurnDraft, o: CulturalExchange) -> None:
    relations = draft.shift_relation(o.actor, o.target, EXCHANGE_RELATIONS)
    draft.country(o.actor).shift(Stat.REPUTATION, EXCHANGE_REPUTATION)
    draft.emit(
        SoftPowerEvent.EXCHANGE_HELD,
        f"{draft.name(o.actor)} and {draft.name(o.target)} held cultural and educational exchanges.",
        (o.actor, o.target),
        {"relations change": relations},
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
    draft.shift_relation(o.actor, o.target, gain)
    reputation = donor.shift(Stat.REPUTATION, AID_REPUTATION)
    draft.notes.aided.add(o.target)
    draft.emit(
        SoftPowerEvent.AID_SENT,
        f"{draft.name(o.actor)} sent aid to {draft.name(o.target)}.",
        (o.actor, o.target),
        {
            "economy given": given,
            "share of the recipient's economy": weight,
            "relations change": gain,
            "reputation change": reputation,
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
                costs="One action.",
                risks="Slow, small gains: relations improve and your reputation rises a little.",
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
                costs="One action.",
                risks="Slow, small gains in relations.",
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
                "reputation rise.",
            ),
            apply=send_aid,
        ),
    ),
    steps=(SOFT_POWER,),
)
