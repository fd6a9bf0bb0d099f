"""The immutable game state.

A `GameState` is a value: every field is a record, a tuple or a number, so a state can be shared,
compared and hashed. `resolve` edits a typed working copy of it (`draft.TurnDraft`) and freezes
that into the next state; nothing ever changes a state in place.

The records (countries, treaties, sanctions episodes...) are named tuples: immutable, compact and
cheap to build. Change one with `record._replace(field=value)`. Both the state and the working
copy answer the same questions (`Readings`), so rules and computer players read either alike.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, NamedTuple, TypeVar

from .archive import ARCHIVED_FIELDS, SEALED_AS_MADE, Archive, Ledger, hashed_live
from .canonical import canonical_text, record_text
from .enums import (
    CasusFoederis,
    DraftStatus,
    MediationStatus,
    ProposalStatus,
    ResolutionKind,
    Rung,
    SanctionsStage,
    Side,
    Threat,
    TreatyKind,
    TreatyStatus,
    UltimatumStatus,
    Vote,
    WarEnd,
)
from .scenario import Scenario
from .wording import listing


class Country(NamedTuple):
    id: str
    military: float
    economy: float
    stability: float
    reputation: float
    buildup: float = 0.0  # military added over recent turns; drives arms races
    hidden_military: float = 0.0  # capability gained by undetected cheating on arms control
    hidden_spending: float = 0.0  # the economy spent on it, which others do not see either
    casualties: int = 0
    backed_down: int = 0  # concessions and retreats (domestic audience costs)
    obligations_broken: int = 0  # treaties breached, allies abandoned
    attacked: bool = False  # was the target of force during the game
    reciprocated: bool = False  # answered force with force
    inspections_passed: int = 0  # arms control inspections that found it within its cap
    soft_power_moves: int = 0  # campaigns, exchanges and aid so far: each buys less (fatigue)


class Treaty(NamedTuple):
    id: str
    kind: TreatyKind
    members: tuple[str, ...]
    signed_turn: int
    casus_foederis: CasusFoederis = CasusFoederis.DEFENSIVE
    cap: float | None = None
    verification: float | None = None
    status: TreatyStatus = TreatyStatus.ACTIVE
    broken_by: str | None = None
    withdrawn: tuple[
        str, ...
    ] = ()  # members who broke a multilateral treaty (it goes on without them)
    mediator: str | None = None  # the third party whose mediation produced it (its guarantor)
    # lawful withdrawal: (member, the turn its notice takes effect); the terms bind until then
    notice: tuple[tuple[str, int], ...] = ()


class Proposal(NamedTuple):
    id: str
    proposer: str
    recipients: tuple[str, ...]
    kind: TreatyKind
    turn: int
    cap: float | None = None
    verification: float | None = None
    note: str = ""
    accepted_by: tuple[str, ...] = ()
    status: ProposalStatus = ProposalStatus.OPEN
    mediated: bool = False  # a mediator's draft settlement: the recipients alone become parties
    # a deal's terms (linkage): the status the recipient holding `demand_issue` concedes, the
    # status the proposer concedes on `offer_issue`, and a side payment (economy points) from the
    # proposer to the recipient (negative: from the recipient to the proposer)
    demand_issue: str | None = None
    demand_status: str | None = None
    offer_issue: str | None = None
    offer_status: str | None = None
    payment: float = 0.0


class SanctionsEpisode(NamedTuple):
    id: str
    senders: tuple[str, ...]
    target: str
    measure: str  # a Measure
    threatened_turn: int | None
    imposed_turn: int | None = None
    stage: SanctionsStage = SanctionsStage.THREATENED
    cost: float = 0.0  # cumulative cost to the target, % of its GDP
    ended_turn: int | None = None
    un_mandated: bool = False
    # what the measures first threatened/imposed inflict (or would) per turn, % of the target's GDP
    stake: float = 0.0
    retaliation_for: str | None = None  # counter-sanctions: the episode they answer
    # the demand: the issue at stake and the status the senders want (None: a blanket demand)
    issue: str | None = None
    demand: str | None = None
    public: bool = True  # a private threat is known only to the sender and the target


class Dispute(NamedTuple):
    """A militarized dispute: opened by a display or use of force, maybe escalating to war."""

    id: str
    initiator: str
    target: str
    started_turn: int
    rung: int  # a Rung
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
    stronger: str = ""  # Side.A or Side.B: which side that is
    ended_turn: int | None = None
    winner: Side | None = None
    ended_by: WarEnd | None = None


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
    partial_by: tuple[str, ...] = ()  # of those who honoured it: arms and supplies, no troops
    restrained_by: tuple[str, ...] = ()  # of those who declined: they restrained the invoker


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
    # the host's own choices (R2P pillar I): aid workers let in, reforms undertaken, restraint
    access: bool = False
    reforms: int = 0
    restraint_turn: int | None = None  # the host ordered its forces to hold back this turn


class CouncilDraft(NamedTuple):
    """A Security Council draft resolution: tabled one turn, voted on the next."""

    id: str
    sponsor: str
    kind: ResolutionKind
    target: str | None
    population: str | None
    turn: int
    votes: tuple[tuple[str, Vote], ...] = ()  # (member, vote)
    status: DraftStatus = DraftStatus.TABLED
    co_sponsors: tuple[str, ...] = ()  # members who tabled the same draft in the same turn
    consent: bool | None = None  # peacekeeping: the host's answer (None: not given)
    troops: tuple[str, ...] = ()  # peacekeeping: the states that contributed a contingent


class Mediation(NamedTuple):
    id: str
    mediator: str
    parties: tuple[str, str]
    turn: int
    accepted_by: tuple[str, ...] = ()
    status: MediationStatus = MediationStatus.OFFERED


class Ultimatum(NamedTuple):
    id: str
    issuer: str
    target: str
    demand: str  # in words
    turn: int
    deadline: int
    status: UltimatumStatus = UltimatumStatus.PENDING
    issue: str | None = None  # the issue at stake it demands a status of (None: blanket)
    status_demanded: str | None = None
    threat: Threat = Threat.FORCE  # what the issuer must do if it is defied


class IssueState(NamedTuple):
    """An issue at stake as it stands: its status, who decides it, and when and how it last
    changed: `changed_by` is the state that obtained the change (the holder itself when it
    changed its stand unprompted), `via` the ultimatum, sanctions episode or deal that did it."""

    id: str
    status: str
    held_by: str
    changed_turn: int | None = None
    changed_by: str | None = None
    via: str | None = None


class RegionalCall(NamedTuple):
    """A regional organization's decision on a state: condemned or declined to condemn.
    Council members of its region follow its call (organizations.py)."""

    organization: str
    target: str
    turn: int
    condemned: bool
    appellant: str | None = None


R = TypeVar("R", bound=tuple)


# --- lookups kept by immutable tuple ---------------------------------------------------------

# A tuple of records is shared by every state (and every seat's view) a turn leaves it unchanged
# in, so what is worked out from it (an index by id, the treaties in force by member...) is kept
# by the tuple and worked out once, not at every question. Each entry holds its tuple, so that
# its id is not reused while the entry lives; past KEPT_LOOKUPS entries they are all forgotten.
KEPT_LOOKUPS = 8192
_LOOKUPS: dict[tuple[int, str], tuple[tuple, Any]] = {}
T = TypeVar("T")


def per_tuple(records: tuple, what: str, build: Callable[[tuple], T]) -> T:
    """`build(records)`, worked out once per tuple and remembered under the name `what`. Only
    for tuples (immutable): a turn's working copy holds lists, which change."""
    key = (id(records), what)
    entry = _LOOKUPS.get(key)
    if entry is None or entry[0] is not records:
        if len(_LOOKUPS) >= KEPT_LOOKUPS:
            _LOOKUPS.clear()
        entry = (records, build(records))
        _LOOKUPS[key] = entry
    return entry[1]


SCANNED_UP_TO = 16  # shorter tuples are scanned for an id: an index would cost more than it saves


def _ids(records: tuple) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for record in records:
        found.setdefault(record.id, record)  # the first record with an id, as a scan finds
    return found


def _ascending(positions: tuple[int, ...]) -> bool:
    return all(a < b for a, b in zip(positions, positions[1:], strict=False))


def by_id(records: Iterable[R], ident: str) -> R | None:
    """The record with this id, or None."""
    if type(records) is tuple and len(records) > SCANNED_UP_TO:
        return per_tuple(records, "by id", _ids).get(ident)
    for record in records:
        if record.id == ident:  # type: ignore[attr-defined]
            return record
    return None


class TreatyIndex(NamedTuple):
    """The treaties in force of one immutable tuple of treaties, in order, and by member; `asked`
    remembers the answers to `active_treaties` already given (by member and kinds)."""

    active: tuple[Treaty, ...]
    by_member: dict[str, tuple[Treaty, ...]]
    asked: dict[tuple[str | None, tuple | None], tuple[Treaty, ...]]


def _build_treaty_index(treaties: tuple[Treaty, ...]) -> TreatyIndex:
    active = tuple(t for t in treaties if t.status == TreatyStatus.ACTIVE)
    by_member: dict[str, list[Treaty]] = {}
    for t in active:
        for m in dict.fromkeys(t.members):  # a member listed twice still gets the treaty once
            by_member.setdefault(m, []).append(t)
    return TreatyIndex(active, {m: tuple(ts) for m, ts in by_member.items()}, {})


def _treaty_index(treaties: tuple[Treaty, ...]) -> TreatyIndex:
    return per_tuple(treaties, "treaties in force", _build_treaty_index)


class Readings:
    __slots__ = ()

    """Questions every rule and computer player asks, answered alike by the immutable state and
    by the working copy a turn edits. Needs `scenario`, `countries` (in scenario order, records
    with the fields of `Country`), `relations` (the n*n matrix) and the records read below."""

    scenario: Scenario
    countries: Sequence[Any]
    relations: Sequence[float]
    treaties: Sequence[Treaty]
    wars: Sequence[War]
    disputes: Sequence[Dispute]
    drafts: Sequence[CouncilDraft]
    invocations: Sequence[Invocation]
    proposals: Sequence[Proposal]
    sanctions: Sequence[SanctionsEpisode]
    mediations: Sequence[Mediation]
    ultimatums: Sequence[Ultimatum]
    populations: Sequence[Population]
    issues: Sequence[IssueState]
    regional_calls: Sequence[RegionalCall]
    tension: float
    regional_tension: Sequence[float]  # by region, when the scenario keeps it so (else empty)

    @property
    def ids(self) -> tuple[str, ...]:
        return self.scenario.state_ids

    def index(self, state_id: str) -> int:
        return self.scenario.state_index[state_id]

    def name(self, state_id: str) -> str:
        """A state's display name."""
        return self.scenario.state_names[state_id]

    def names(self, state_ids: Iterable[str]) -> str:
        """Display names in plain English: 'Aurelia, Borduria and Carpathia'."""
        return listing(self.name(s) for s in state_ids)

    def country(self, state_id: str) -> Any:
        return self.countries[self.scenario.state_index[state_id]]

    def relation(self, a: str, b: str) -> float:
        index = self.scenario.state_index
        return self.relations[index[a] * len(index) + index[b]]

    def trade_share(self, a: str, b: str) -> float:
        """Share of a's trade that goes to b."""
        return self.scenario.trade_shares.get((a, b), 0.0)

    def treaty(self, treaty_id: str) -> Treaty | None:
        return by_id(self.treaties, treaty_id)

    def active_treaties(
        self, member: str | None = None, kind: TreatyKind | Iterable[TreatyKind] | None = None
    ) -> list[Treaty]:
        """Treaties in force, optionally only those `member` belongs to, of one kind or several."""
        kinds = (kind,) if isinstance(kind, str) else None if kind is None else tuple(kind)
        treaties = self.treaties
        if type(treaties) is tuple:  # an immutable state's: read its index (built once)
            index = _treaty_index(treaties)
            answer = index.asked.get((member, kinds))
            if answer is None:
                found = index.active if member is None else index.by_member.get(member, ())
                answer = tuple(t for t in found if kinds is None or t.kind in kinds)
                index.asked[member, kinds] = answer
            return list(answer)
        return [
            t
            for t in treaties
            if t.status == TreatyStatus.ACTIVE
            and (member is None or member in t.members)
            and (kinds is None or t.kind in kinds)
        ]

    def active_wars(self) -> list[War]:
        return [w for w in self.current("wars") if w.ended_turn is None]

    def war_between(self, a: str, b: str) -> War | None:
        for w in self.current("wars"):
            if w.ended_turn is None and (
                (a in w.side_a and b in w.side_b) or (a in w.side_b and b in w.side_a)
            ):
                return w
        return None

    def at_war(self, a: str, b: str | None = None) -> bool:
        """Is `a` at war with `b` (with anyone, when b is None)?"""
        if b is not None:
            return self.war_between(a, b) is not None
        return any(a in w.side_a or a in w.side_b for w in self.active_wars())

    def open_dispute(self, a: str, b: str) -> Dispute | None:
        for d in self.current("disputes"):
            if d.ended_turn is None and (
                (d.initiator == a and d.target == b) or (d.initiator == b and d.target == a)
            ):  # the same pair either way round
                return d
        return None

    def issue(self, issue_id: str) -> IssueState | None:
        """An issue at stake as it stands now."""
        return by_id(self.issues, issue_id)

    def live(self, name: str) -> Sequence[Any]:
        """The records of the field `name` that can still change (archive.py): what a rule that
        looks only for open proposals, live disputes... needs to scan. A turn's working copy
        holds no other."""
        return getattr(self, name)

    def current(self, name: str) -> Sequence[Any]:
        """The live records of the field `name` in the order they were made: what a question
        about records still going (wars, open disputes) scans, and finds first, as a scan of
        every record would."""
        return getattr(self, name)

    def tension_by_region(self) -> dict[str, float]:
        """Each region's tension, when the scenario keeps tension by region (else empty)."""
        return dict(zip(self.scenario.tension_regions, self.regional_tension, strict=False))

    def tension_between(self, a: str, b: str) -> float:
        """The tension that bears on a clash between a and b: the world's, or when tension is
        kept by region, the hotter of their two regions'."""
        if not self.regional_tension:
            return self.tension
        index = self.scenario.tension_region_index
        return max(
            (self.regional_tension[index[s]] for s in (a, b) if s in index), default=self.tension
        )


@dataclass(frozen=True, slots=True)
class GameState(Readings):
    scenario: Scenario = field(compare=False, repr=False)
    seed: int
    turn: int  # the turn about to be played, from 1
    countries: tuple[Country, ...]
    relations: tuple[float, ...]  # n*n symmetric matrix, -100..100, in scenario state order
    tension: float
    escalation: int  # a Rung
    max_escalation: int
    treaties: tuple[Treaty, ...] = ()
    proposals: tuple[Proposal, ...] = ()
    sanctions: tuple[SanctionsEpisode, ...] = ()
    disputes: tuple[Dispute, ...] = ()
    wars: tuple[War, ...] = ()
    invocations: tuple[Invocation, ...] = ()
    populations: tuple[Population, ...] = ()
    drafts: tuple[CouncilDraft, ...] = ()
    mediations: tuple[Mediation, ...] = ()
    ultimatums: tuple[Ultimatum, ...] = ()
    fired_injects: tuple[str, ...] = ()
    next_id: int = 1
    issues: tuple[IssueState, ...] = ()  # the issues at stake, in scenario order
    regional_calls: tuple[RegionalCall, ...] = ()  # regional organizations' decisions so far
    # tension in each region of the map, in the order of the scenario's geography regions, when
    # the scenario keeps tension by region (`tension` is then their average: see escalation.py)
    regional_tension: tuple[float, ...] = ()
    # the live records of each kind that can end, and the fingerprint of those that have (how the
    # state was built, not what it holds: left out of comparisons; see archive.py)
    archive: Archive | None = field(default=None, compare=False, repr=False)

    @property
    def finished(self) -> bool:
        return self.turn > self.scenario.turns

    @property
    def rung(self) -> Rung:
        return Rung(self.escalation)

    @property
    def rung_name(self) -> str:
        return Rung(self.escalation).word

    def live(self, name: str) -> Sequence[Any]:
        return self.ledger(name).live if name in ARCHIVED_FIELDS else getattr(self, name)

    def current(self, name: str) -> Sequence[Any]:
        # `ledger` written out: the computer players ask this hundreds of thousands of times,
        # and a state with no ledger for the field needs none built to answer its own tuple
        records = getattr(self, name)
        ledger = self.archive.ledgers.get(name) if self.archive is not None else None
        if ledger is None or ledger.full is not records:  # (every record of it is live)
            return records
        if ledger.live is ledger.full or per_tuple(ledger.where, "in order", _ascending):
            return ledger.live
        # an archived record made live again is listed last among the live ones
        return tuple(record for _, record in sorted(zip(ledger.where, ledger.live, strict=True)))

    def ledger(self, name: str) -> Ledger:
        """Every record of the field `name` and those still live (see archive.py)."""
        records = getattr(self, name)
        ledger = self.archive.ledgers.get(name) if self.archive is not None else None
        if ledger is not None and ledger.full is records:
            return ledger
        return Ledger.all_live(records)  # built another way: nothing of it is archived

    # --- hashing ------------------------------------------------------------------------------

    def to_data(self, live_only: bool = False) -> dict[str, Any]:
        """Everything that defines the state, as plain JSON-ready data (the scenario by its id and
        the fingerprint of its content). `live_only`: the records that have ended are stood for
        by the archive's fingerprint, and those that ended in the turn that made the state are
        listed apart in their final form (what hashes and snapshots hold: see archive.py)."""
        data: dict[str, Any] = {}
        for name, value in self._items(live_only):
            if name == "ended_this_turn":
                value = {kind: [r._asdict() for r in records] for kind, records in value.items()}
            elif _are_records(value):
                value = [v._asdict() for v in value]
            data[name] = value
        return data

    def _items(self, live_only: bool) -> Iterator[tuple[str, Any]]:
        """`to_data`'s items, with records left as records (and those that ended this turn as
        {field: [records]})."""
        yield "scenario", self.scenario.id
        yield "scenario_digest", self.scenario.digest
        if live_only:
            yield "archived", self.archive.digest if self.archive is not None else ""
            ended: dict[str, list] = {}
            for name, record in self.archive.last if self.archive is not None else ():
                ended.setdefault(name, []).append(record)
            yield "ended_this_turn", ended
        for f in fields(self):
            if f.name in ("scenario", "archive"):
                continue
            value = getattr(self, f.name)
            if live_only and f.name in ARCHIVED_FIELDS:
                ledger = self.archive.ledgers.get(f.name) if self.archive is not None else None
                if ledger is not None and ledger.full is value:  # settled ones: in the digest
                    value = hashed_live(f.name, ledger.live)
            elif live_only and f.name in SEALED_AS_MADE and self.archive is not None:
                value = value[self.archive.sealed_count(f.name, value) :]
            yield f.name, value


def _are_records(value: Any) -> bool:
    return isinstance(value, tuple) and bool(value) and hasattr(value[0], "_fields")


def _records_json(records: Iterable[Any]) -> str:
    return "[" + ",".join(map(record_text, records)) + "]"


def canonical_json(state: GameState) -> str:
    """The state's snapshot: its live records, the archive by its fingerprint (linear in turns).
    The same text as `json.dumps` of `canonical(state.to_data(live_only=True))`, sorted keys."""
    parts = []
    for name, value in state._items(live_only=True):
        if name == "ended_this_turn":
            text = (
                "{"
                + ",".join(
                    f"{json.dumps(kind)}:{_records_json(value[kind])}" for kind in sorted(value)
                )
                + "}"
            )
        elif _are_records(value):
            text = _records_json(value)
        else:
            text = canonical_text(value)
        parts.append((name, text))
    parts.sort()
    return "{" + ",".join(f"{json.dumps(name)}:{text}" for name, text in parts) + "}"


def state_hash(state: GameState) -> str:
    """A stable fingerprint of the state: same on every machine, run and save/load."""
    return hashlib.sha256(canonical_json(state).encode()).hexdigest()[:32]
