"""Soft power and public diplomacy: slow gains in relations and reputation.

Reputation matters beyond goodwill: bystanders on the Security Council vote with sponsors of good
name, computer players accept their proposals more readily and trust their alliances more
(power.reliability). Aid buys more goodwill the larger it is for the recipient: a great power's
aid to a small state is how small states are courted.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..draft import TurnDraft
from ..moves import Family, Move, MoveHelp, Order, Phase, Step, TurnOrders
from ..state import GameState
from .common import check_other_state, toward_each_other

# --- orders ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PublicDiplomacy(Order):
    target: str = ""


@dataclass(frozen=True, slots=True)
class CulturalExchange(Order):
    target: str = ""


@dataclass(frozen=True, slots=True)
class SendAid(Order):
    target: str = ""


def check_targeted(state: GameState, o: PublicDiplomacy | CulturalExchange | SendAid) -> str | None:
    if reason := check_other_state(state, o.actor, o.target):
        return reason
    if isinstance(o, SendAid) and state.country(o.actor).economy < 20:
        return "your economy is too small to give aid"
    return None


def apply_soft_power(board: TurnDraft, orders: TurnOrders) -> None:
    """Campaigns, exchanges and aid; the states aided are noted (aid also eases humanitarian crises)."""
    for o in orders.of(PublicDiplomacy, CulturalExchange, SendAid):
        if isinstance(o, PublicDiplomacy):
            board.scale(o.actor, "economy", 0.997)
            board.shift_relation(o.actor, o.target, 3)
            board.adjust(o.actor, "reputation", 1)
            board.emit(
                "PublicDiplomacyCampaigned",
                f"{board.name(o.actor)} ran a public diplomacy campaign in {board.name(o.target)}.",
                (o.actor, o.target),
                {"relations change": 3, "reputation change": 1},
            )
        elif isinstance(o, CulturalExchange):
            board.shift_relation(o.actor, o.target, 4)
            board.adjust(o.actor, "reputation", 0.5)
            board.emit(
                "ExchangeHeld",
                f"{board.name(o.actor)} and {board.name(o.target)} held cultural and educational exchanges.",
                (o.actor, o.target),
                {"relations change": 4},
            )
        elif isinstance(o, SendAid):
            given = board.get(o.actor, "economy") * 0.01
            weight = given / board.get(
                o.target, "economy"
            )  # aid as a share of the recipient's economy
            board.adjust(o.actor, "economy", -given)
            board.adjust(o.target, "economy", given * 0.8)
            board.adjust(o.target, "stability", 2)
            gain = min(15.0, 4.0 + 60.0 * weight)
            board.shift_relation(o.actor, o.target, gain)
            board.adjust(o.actor, "reputation", 2)
            board.notes.aided.add(o.target)
            board.emit(
                "AidSent",
                f"{board.name(o.actor)} sent aid to {board.name(o.target)}.",
                (o.actor, o.target),
                {
                    "economy given": given,
                    "share of the recipient's economy": weight,
                    "relations change": gain,
                    "reputation change": 2,
                },
            )


SOFT_POWER = Step(Phase.SOFT_POWER, apply_soft_power)

FAMILY = Family(
    "soft_power",
    "Soft power",
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
        ),
        Move(
            SendAid,
            "Send aid",
            check_targeted,
            toward_each_other(lambda seat, other: SendAid(seat, target=other)),
            SOFT_POWER,
            MoveHelp(
                what="Send economic aid to another state.",
                costs="One action. It costs your economy.",
                risks="The recipient's economy and stability improve; relations and your reputation rise.",
            ),
        ),
    ),
    steps=(SOFT_POWER,),
)
