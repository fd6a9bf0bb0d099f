"""Domestic politics: how the home front answers costs, casualties and backing down.

Each turn a government's support (stability) falls with the economic losses of the turn, from
whatever cause (sanctions, war, mobilization, aid), and with its casualties; democratic publics
punish both harder than autocratic ones, which can shift the pain onto others (the audience-cost
factor of `common.REGIME_FACTOR`). Backing down (giving in to sanctions or an ultimatum, an
empty threat, a lost war) is charged where it happens. Stability then drifts back towards its
usual level, and a government whose support collapses loses standing abroad. Low stability
weakens a state in battle (power.py) and makes its leaders keener to settle.

Every figure below was set by hand (tuned); casualties count by their logarithm after Mueller
(1973), "War, Presidents and Public Opinion". Through stability (fighting strength) they move
stronger_wins and stronger_wins_9to1 of `wargame calibrate`, a little.
"""

from __future__ import annotations

import math
from enum import StrEnum

from ..draft import TurnDraft
from ..enums import Stat
from ..moves import Family, Phase, Step, TurnOrders
from .common import REGIME_FACTOR

ECONOMIC_PAIN = 0.6  # stability lost per % of the economy lost this turn (tuned)
ECONOMIC_LOSS_NOTICED = 0.2  # % of the economy: smaller losses go unnoticed at home (tuned)
CASUALTY_PAIN = 1.5  # stability lost per doubling of (1 + casualties / CASUALTY_SCALE) (tuned)
CASUALTY_SCALE = 100  # casualties well below this barely register (tuned)
MOOD_NOTICED = 0.5  # a smaller loss of support in a turn is neither charged nor reported (tuned)
DRIFT = 0.08  # share of the gap to its usual level that stability recovers each turn (tuned)
CRISIS_THRESHOLD = 20.0  # below this stability a government is in crisis (tuned)
CRISIS_REPUTATION = 5.0  # reputation a government in crisis loses abroad (tuned)


class DomesticEvent(StrEnum):
    MOOD_SOURED = "PublicMoodSoured"
    GOVERNMENT_CRISIS = "GovernmentCrisis"


def settle_domestic(draft: TurnDraft, _orders: TurnOrders) -> None:
    """Each government, in scenario order, pays for the turn's losses at home, then its support
    drifts back towards its usual level."""
    for spec, before in zip(draft.scenario.states, draft.previous.countries, strict=True):
        sid = spec.id
        country = draft.country(sid)
        factor = REGIME_FACTOR[spec.regime]
        lost = max(0.0, (before.economy - country.economy) / before.economy * 100)  # %
        killed = max(0, country.casualties - before.casualties)
        economic = ECONOMIC_PAIN * lost * factor if lost >= ECONOMIC_LOSS_NOTICED else 0.0
        casualties = (
            CASUALTY_PAIN * math.log2(1 + killed / CASUALTY_SCALE) * factor if killed else 0.0
        )
        if economic + casualties >= MOOD_NOTICED:
            country.shift(Stat.STABILITY, -(economic + casualties))
            draft.emit(
                DomesticEvent.MOOD_SOURED,
                f"Losses this turn cost {draft.name(sid)}'s government support at home.",
                (sid,),
                {
                    "economy lost, %": lost,
                    "casualties": killed,
                    "stability change (economy)": -economic,
                    "stability change (casualties)": -casualties,
                    "regime factor": factor,
                },
                visible_to=(sid,),
            )
        now = country.stability
        country.shift(Stat.STABILITY, (spec.stability - now) * DRIFT)
        if now < CRISIS_THRESHOLD <= before.stability:
            reputation = country.shift(Stat.REPUTATION, -CRISIS_REPUTATION)
            draft.emit(
                DomesticEvent.GOVERNMENT_CRISIS,
                f"{draft.name(sid)}'s government is in crisis: protests fill the streets.",
                (sid,),
                {
                    "stability": now,
                    "threshold": CRISIS_THRESHOLD,
                    "reputation change": reputation,
                },
            )


DOMESTIC = Step(Phase.DOMESTIC, settle_domestic)

FAMILY = Family("domestic", "Domestic politics", events=DomesticEvent, steps=(DOMESTIC,))
