"""Domestic politics: stability drifts back towards its starting level, and a government whose
support collapses loses standing abroad. Costs, casualties and backing down are charged where
they happen (sanctions, military, diplomacy); this module adds the slow forces."""

from __future__ import annotations

from ..board import Board

CRISIS_THRESHOLD = 20.0


def settle_domestic(board: Board) -> None:
    for sid in board.ids:
        baseline = board.scenario.state(sid).stability
        now = board.get(sid, "stability")
        board.adjust(sid, "stability", (baseline - now) * 0.08)
        if now < CRISIS_THRESHOLD <= board.previous.country(sid).stability:
            board.adjust(sid, "reputation", -5)
            board.emit("GovernmentCrisis", f"{board.name(sid)}'s government is in crisis: protests fill the streets.",
                       (sid,), {"stability": now, "threshold": CRISIS_THRESHOLD})  # fmt: skip
