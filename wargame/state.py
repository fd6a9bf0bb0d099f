"""The immutable game state.

A `GameState` is a value: every field is a record, a tuple or a number, so a state can be shared,
compared and hashed. `resolve` builds the next state from a mutable working copy (see `board.py`)
and freezes it again; nothing ever changes a state in place.

The records (countries, treaties, sanctions episodes...) are named tuples rather than frozen
dataclasses: just as immutable, and built several times faster, which matters because every turn
builds dozens of them. Change one with `record._replace(field=value)`.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass, field, fields
from typing import Any, NamedTuple

from .scenario import ESCALATION_RUNGS, Scenario

RUNG = {name: i for i, name in enumerate(ESCALATION_RUNGS)}


class Country(NamedTuple):
    id: str
    military: float
    economy: float
    stability: float
    reputation: float
    buildup: float = 0.0  # military added over recent turns; drives arms races
    hidden_military: float = 0.0  # capability gained by undetected cheating on arms control
    casualties: int = 0
    backed_down: int = 0  # concessions and retreats (domestic audience costs)
    obligations_broken: int = 0  # treaties breached, allies abandoned
    attacked: bool = False  # was the target of force during the game
    reciprocated: bool = False  # answered force with force


class Treaty(NamedTuple):
    id: str
    kind: str
    members: tuple[str, ...]
    signed_turn: int
    casus_foederis: str = "defensive"
    cap: float | None = None
    verification: float | None = None
    status: str = "active"  # active | broken | ended
    broken_by: str | None = None
    withdrawn: tuple[
        str, ...
    ] = ()  # members who broke a multilateral treaty (it goes on without them)
    mediator: str | None = None  # the third party whose mediation produced it (its guarantor)


class Proposal(NamedTuple):
    id: str
    proposer: str
    recipients: tuple[str, ...]
    kind: str
    turn: int
    cap: float | None = None
    verification: float | None = None
    note: str = ""
    accepted_by: tuple[str, ...] = ()
    status: str = "open"  # open | signed | rejected | expired
    mediated: bool = False  # a mediator's draft settlement: the recipients alone become parties


class SanctionsEpisode(NamedTuple):
    id: str
    senders: tuple[str, ...]
    target: str
    measure: str  # trade | assets | financial
    threatened_turn: int | None
    imposed_turn: int | None = None
    stage: str = "threatened"  # threatened | imposed | conceded | lifted | dropped
    cost: float = 0.0  # cumulative cost to the target, % of its GDP
    ended_turn: int | None = None
    un_mandated: bool = False
    stake: float = 0.0  # what the measures first threatened/imposed inflict (or would) per turn, % of the target's GDP
    retaliation_for: str | None = None  # counter-sanctions: the episode they answer


class Dispute(NamedTuple):
    """A militarized dispute: opened by a display or use of force, maybe escalating to war."""

    id: str
    initiator: str
    target: str
    started_turn: int
    rung: int
    reciprocated: bool = False
    war_id: str | None = None
    ended_turn: int | None = None
    last_force: int | None = None  # the last turn the initiator used force in it


class War(NamedTuple):
    id: str
    side_a: tuple[str, ...]  # the attackers
    side_b: tuple[str, ...]  # the defenders
    started_turn: int
    front: float = 0.0  # -100..100; positive means side_a is winning
    stronger_share: float = (
        0.5  # capability share of the stronger coalition (updated as states join)
    )
    stronger: str = ""  # "a" or "b": which side that is
    ended_turn: int | None = None
    winner: str | None = None  # "a", "b" or "draw"
    ended_by: str | None = None  # victory | ceasefire | peace | exhaustion


class Invocation(NamedTuple):
    id: str
    treaty_id: str
    invoker: str
    against: str
    turn: int
    allies: tuple[str, ...]
    within_terms: bool
    honoured_by: tuple[str, ...] = ()
    declined_by: tuple[str, ...] = ()
    closed: bool = False


class Population(NamedTuple):
    id: str
    in_state: str
    people: int
    threat: float
    perpetrator: str | None
    active_from: int
    deaths: int = 0
    protected_by: tuple[str, ...] = ()
    peacekeepers: bool = False
    reprisal_turn: int | None = None  # a failed intervention provoked reprisals this turn


class Draft(NamedTuple):
    """A Security Council draft resolution: tabled one turn, voted on the next."""

    id: str
    sponsor: str
    kind: str  # condemn | sanction | authorize_force | peacekeeping
    target: str | None
    population: str | None
    turn: int
    votes: tuple[tuple[str, str], ...] = ()  # (member, yes|no|abstain)
    status: str = "tabled"  # tabled | adopted | failed | vetoed


class Mediation(NamedTuple):
    id: str
    mediator: str
    parties: tuple[str, str]
    turn: int
    accepted_by: tuple[str, ...] = ()
    status: str = "offered"  # offered | active | declined | ended


class Ultimatum(NamedTuple):
    id: str
    issuer: str
    target: str
    demand: str
    turn: int
    deadline: int
    status: str = (
        "pending"  # pending | complied | defied (awaiting enforcement) | enforced | backed_down
    )


@dataclass(frozen=True, slots=True)
class GameState:
    scenario: Scenario = field(compare=False, repr=False)
    seed: int
    turn: int  # the turn about to be played, from 1
    countries: tuple[Country, ...]
    relations: tuple[float, ...]  # n*n symmetric matrix, -100..100, in scenario state order
    tension: float
    escalation: int  # index into ESCALATION_RUNGS
    max_escalation: int
    treaties: tuple[Treaty, ...] = ()
    proposals: tuple[Proposal, ...] = ()
    sanctions: tuple[SanctionsEpisode, ...] = ()
    disputes: tuple[Dispute, ...] = ()
    wars: tuple[War, ...] = ()
    invocations: tuple[Invocation, ...] = ()
    populations: tuple[Population, ...] = ()
    drafts: tuple[Draft, ...] = ()
    mediations: tuple[Mediation, ...] = ()
    ultimatums: tuple[Ultimatum, ...] = ()
    fired_injects: tuple[str, ...] = ()
    next_id: int = 1

    # --- lookups ------------------------------------------------------------------------------

    @property
    def ids(self) -> tuple[str, ...]:
        return self.scenario.state_ids

    @property
    def finished(self) -> bool:
        return self.turn > self.scenario.turns

    @property
    def rung_name(self) -> str:
        return ESCALATION_RUNGS[self.escalation]

    def index(self, state_id: str) -> int:
        return self.scenario.state_index[state_id]

    def country(self, state_id: str) -> Country:
        return self.countries[self.index(state_id)]

    def relation(self, a: str, b: str) -> float:
        n = len(self.ids)
        return self.relations[self.index(a) * n + self.index(b)]

    def treaty(self, treaty_id: str) -> Treaty | None:
        return by_id(self.treaties, treaty_id)

    def active_treaties(self, member: str | None = None, kind: str | None = None) -> list[Treaty]:
        return [
            t
            for t in self.treaties
            if t.status == "active"
            and (member is None or member in t.members)
            and (kind is None or t.kind == kind)
        ]

    def active_wars(self) -> list[War]:
        return [w for w in self.wars if w.ended_turn is None]

    def at_war(self, a: str, b: str | None = None) -> bool:
        for w in self.active_wars():
            if b is None:
                if a in w.side_a or a in w.side_b:
                    return True
            elif (a in w.side_a and b in w.side_b) or (a in w.side_b and b in w.side_a):
                return True
        return False

    # --- hashing ------------------------------------------------------------------------------

    def to_data(self) -> dict[str, Any]:
        """Everything that defines the state, as plain JSON-ready data (scenario by its id)."""
        data: dict[str, Any] = {"scenario": self.scenario.id}
        for f in fields(self):
            if f.name == "scenario":
                continue
            value = getattr(self, f.name)
            if isinstance(value, tuple) and value and hasattr(value[0], "_fields"):  # records
                value = [record_dict(v) for v in value]
            data[f.name] = value
        return data


def by_id(records, ident: str) -> Any:
    """The record with this id, or None (a plain loop: cheaper than next() over a generator)."""
    for record in records:
        if record.id == ident:
            return record
    return None


@functools.cache
def field_positions(cls: type) -> dict[str, int]:
    """Each field's position in a record type."""
    return {name: i for i, name in enumerate(cls._fields)}


def record_dict(record: Any) -> dict[str, Any]:
    """A flat record as a dict (its fields hold only numbers, text and tuples of them)."""
    return record._asdict()


def _canonical(value: Any) -> Any:
    if isinstance(value, float):
        # rounding to 9 places keeps hashes equal across platforms' last-bit float noise
        return round(value, 9) + 0.0
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_canonical(v) for v in value]
    return value


def canonical_json(state: GameState) -> str:
    return json.dumps(_canonical(state.to_data()), sort_keys=True, separators=(",", ":"))


def state_hash(state: GameState) -> str:
    """A stable fingerprint of the state: same on every machine, run and save/load."""
    return hashlib.sha256(canonical_json(state).encode()).hexdigest()[:32]
