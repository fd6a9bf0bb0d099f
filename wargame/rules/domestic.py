"""Domestic politics: how the home front answers costs, casualties and backing down.

Each turn a government's support (stability) falls with the economic losses of the turn, from
whatever cause (sanctions, war, mobilization, aid), and with its casualties; democratic publics
punish both harder than autocratic ones, which can shift the pain onto others (the audience-cost
factor of `common.democracy_factor`). Backing down (giving in to sanctions or an ultimatum, an
empty threat, a lost war) is charged where it happens. Stability then drifts back towards its
usual level, and a government whose support collapses loses standing abroad. Low stability
weakens a state in battle (power.py) and makes its leaders keener to settle.
"""

from __future__ import annotations

import math

from ..draft import TurnDraft
from ..moves import Family, Phase, Step, TurnOrders
from .common import REGIME_FACTOR

CRISIS_THRESHOLD = 20.0
ECONOMIC_PAIN = 0.6  # stability lost per % of the economy lost this turn
CASUALTY_PAIN = 1.5  # stability lost per doubling of the turn's casualties above a hundred
DRIFT = 0.08  # share of the gap to its usual level that stability recovers each turn


def settle_domestic(board: TurnDraft, _orders: TurnOrders) -> None:
    countries = board.countries
    for spec, before in zip(
        board.scenario.states, board.previous.countries, strict=True
    ):  # in scenario order
        sid = spec.id
        row = countries[board.index(sid)]
        factor = REGIME_FACTOR[spec.regime]
        lost = max(0.0, (before.economy - row.economy) / before.economy * 100)
        killed = max(0, row.casualties - before.casualties)
        economic = ECONOMIC_PAIN * lost * factor if lost >= 0.2 else 0.0
        casualties = CASUALTY_PAIN * math.log2(1 + killed / 100) * factor if killed else 0.0
        if economic + casualties >= 0.5:
            board.adjust(sid, "stability", -(economic + casualties))
            board.emit(
                "PublicMoodSoured",
                f"Losses this turn cost {board.name(sid)}'s government support at home.",
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
        now = row.stability
        board.adjust(sid, "stability", (spec.stability - now) * DRIFT)
        if now < CRISIS_THRESHOLD <= before.stability:
            board.adjust(sid, "reputation", -5)
            board.emit(
                "GovernmentCrisis",
                f"{board.name(sid)}'s government is in crisis: protests fill the streets.",
                (sid,),
                {"stability": now, "threshold": CRISIS_THRESHOLD, "reputation change": -5},
            )


DOMESTIC = Step(Phase.DOMESTIC, settle_domestic)

FAMILY = Family("domestic", "Domestic politics", steps=(DOMESTIC,))
