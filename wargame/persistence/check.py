"""Replaying a stored log against its snapshots, and rebuilding the live match from it."""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass

from ..legality import check_orders
from ..match import Match, TurnRecord, replay
from . import codec
from .records import SessionLog


@dataclass(frozen=True)
class TurnCheck:
    turn: int
    stored_hash: str
    replayed_hash: str | None  # None when the replay stopped before this turn
    problem: str = ""  # empty when the turn reproduces exactly

    @property
    def ok(self) -> bool:
        return not self.problem


def snapshot_hash(state_json: str) -> str:
    """state_hash() of the state whose canonical_json() this is. Hashing the saved text is much
    cheaper than canonicalising the replayed state again (tests pin the two to agree)."""
    return hashlib.sha256(state_json.encode()).hexdigest()[:32]


def check_log(log: SessionLog) -> tuple[list[TurnCheck], list[TurnRecord]]:
    """Replay the log from the stored scenario and compare every turn with what was saved."""
    try:
        records = replay(log.scenario, log.seed, [t.orders for t in log.turns])
    except Exception as exc:  # any engine failure means "does not replay": say so for every turn
        note = f"the log could not be replayed ({type(exc).__name__}: {exc})"
        return [TurnCheck(t.number, t.state_hash, None, note) for t in log.turns], []
    checks = []
    for stored, record in zip(log.turns, records, strict=True):
        problem = ""
        if record.state_hash != stored.state_hash:
            problem = "the replayed state's hash differs from the saved one"
        elif snapshot_hash(stored.state_json) != stored.state_hash:
            problem = "the saved snapshot does not match its own hash"
        elif record.events != stored.events:
            problem = "the replayed events differ from the saved ones"
        checks.append(TurnCheck(stored.number, stored.state_hash, record.state_hash, problem))
    return checks, records


def rebuild_match(log: SessionLog, records: list[TurnRecord]) -> Match:
    """The match as it stood at the last save: history, state and the pending turn's orders."""
    match = Match(log.scenario, log.seed, codec.players_of(log.seats))
    match.history = [
        dataclasses.replace(r, reasons=dict(t.reasons))
        for r, t in zip(records, log.turns, strict=True)
    ]
    if records:
        match.state = records[-1].state
    for seat, orders in log.pending.items():
        if seat not in match.human_seats:
            continue  # a computer seat decides when the turn resolves
        if match.finished or any(check_orders(match.state, seat, orders)):
            raise ValueError(
                f"the saved orders of {seat} for turn {match.state.turn} are not legal"
            )
        match.pending[seat] = orders
    return match
