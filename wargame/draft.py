"""The working copy that one turn's resolution edits, then freezes into the next GameState.

In the spirit of boardgame.io's immer drafts: rules receive a `TurnDraft`, change it freely through
typed fields and methods, and `resolve` freezes it into the next immutable state. Keeping every
change inside this one object is what lets `resolve` stay a pure function of (state, orders, rng);
keeping the bounds here (`Gauge`, `shift_relation`, `tension`) means no rule clamps by hand.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from operator import attrgetter, is_
from typing import Any, Generic, TypeVar

from .archive import (
    ARCHIVED,
    ARCHIVED_FIELDS,
    SEALED_AS_MADE,
    SETTLED_LIVE,
    Archive,
    Fingerprint,
    Ledger,
)
from .enums import RELATION_BOUNDS, STAT_BOUNDS, TENSION_BOUNDS, Rung, Stat
from .events import FACILITATOR, Event
from .rng import Rng
from .state import (
    CouncilDraft,
    Country,
    Dispute,
    GameState,
    Invocation,
    IssueState,
    Mediation,
    Population,
    Proposal,
    Readings,
    RegionalCall,
    SanctionsEpisode,
    Treaty,
    Ultimatum,
    War,
)

R = TypeVar("R", bound=tuple)


class Gauge:
    """A country figure that stays within its bounds whatever a rule adds or takes away."""

    def __init__(self, stat: Stat):
        self.low, self.high = STAT_BOUNDS[stat]
        self.slot = f"_{stat.value}"

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        return self if obj is None else getattr(obj, self.slot)

    def __set__(self, obj: Any, value: float) -> None:
        setattr(obj, self.slot, min(self.high, max(self.low, value)))


class CountryDraft:
    """One country during a turn: its figures bounded, its counters and flags plain."""

    __slots__ = (
        "id",
        "_military",
        "_economy",
        "_stability",
        "_reputation",
        "_buildup",
        "hidden_military",
        "hidden_spending",
        "casualties",
        "backed_down",
        "obligations_broken",
        "attacked",
        "reciprocated",
        "inspections_passed",
        "soft_power_moves",
    )

    military = Gauge(Stat.MILITARY)
    economy = Gauge(Stat.ECONOMY)
    stability = Gauge(Stat.STABILITY)
    reputation = Gauge(Stat.REPUTATION)
    buildup = Gauge(Stat.BUILDUP)

    def __init__(self, record: Country):
        # Country's fields in order, the figures through their Gauges (written out rather than
        # set by name in a loop: every turn of the look-ahead makes a draft of every country)
        (
            self.id,
            self.military,
            self.economy,
            self.stability,
            self.reputation,
            self.buildup,
            self.hidden_military,
            self.hidden_spending,
            self.casualties,
            self.backed_down,
            self.obligations_broken,
            self.attacked,
            self.reciprocated,
            self.inspections_passed,
            self.soft_power_moves,
        ) = record

    def shift(self, stat: Stat, delta: float) -> float:
        """Add `delta` to a figure within its bounds; returns the change actually made."""
        # read the stat's slot and bounds directly: rules shift figures hundreds of thousands
        # of times in the computer players' look-ahead, and `stat.value` and the descriptor
        # are slow there (the same clamp as `Gauge.__set__`)
        slot, low, high = _GAUGE_SLOTS[stat]
        old = getattr(self, slot)
        new = min(high, max(low, old + delta))
        setattr(self, slot, new)
        return new - old

    def scale(self, stat: Stat, factor: float) -> float:
        """Multiply a figure (lose 3% of the economy: 0.97); returns the change actually made."""
        old = getattr(self, _GAUGE_SLOTS[stat][0])
        return self.shift(stat, old * factor - old)

    def freeze(self) -> Country:
        return Country._make(_frozen_fields(self))


# each stat's slot on a CountryDraft and its bounds, for `shift` and `scale`
_GAUGE_SLOTS: dict[Stat, tuple[str, float, float]] = {
    stat: (f"_{stat.value}", *STAT_BOUNDS[stat]) for stat in Stat
}
# a draft's fields in the order of Country's, the figures read from their slots (past the Gauges)
_frozen_fields = attrgetter(
    *(getattr(CountryDraft.__dict__[n], "slot", n) for n in Country._fields)
)


class Records(list, Generic[R]):
    """A state's records of one kind (treaties, wars...) while a turn edits them: the live ones.
    Records that have ended (archive.py) stay out of the list, so scanning it costs the same at
    turn 200 as at turn 5; `find` still finds them by id."""

    def __init__(self, records: Iterable[R] = (), ledger: Ledger | None = None):
        super().__init__(ledger.live if ledger is not None else records)
        self.ledger = ledger
        self.digested = False  # whether the state's archive digest covers its settled records
        # each record's position among all the records of its kind (None: made this turn)
        self.where: list[int | None] = list(ledger.where) if ledger is not None else []

    def append(self, record: R) -> None:
        super().append(record)
        if self.ledger is not None:
            self.where.append(None)

    def find(self, ident: str) -> R | None:
        for record in self:
            if record.id == ident:
                return record
        if self.ledger is not None:  # an ended record, read again (it can no longer change)
            for record in self.ledger.full:
                if record.id == ident:
                    return record
        return None

    def replace(self, old: R, **changes: Any) -> R:
        """Swap `old` for a copy with `changes`, in place; returns the copy."""
        new = old._replace(**changes)  # type: ignore[attr-defined]
        for i, record in enumerate(self):
            if record is old:
                self[i] = new
                return new
        if old not in self and self.ledger is not None and old in self.ledger.full:
            # an archived record changed after all: it is live again, in its old place
            super().append(new)
            self.where.append(self.ledger.full.index(old))
            return new
        self[self.index(old)] = new  # an equal record built elsewhere
        return new

    def settle(self, name: str, over: Callable[[Any], bool], ended: list) -> Ledger:
        """The ledger of the next state: every record in the order made, the live ones apart;
        the records that ended this turn are added to `ended` as (name, record)."""
        if self.ledger is not None and self.unchanged():
            return self.ledger  # nothing made, changed, ended or settled: as it was
        ledger = self.ledger if self.ledger is not None else Ledger.all_live(tuple(self))
        where = self.where if self.ledger is not None else list(ledger.where)
        full = list(ledger.full)
        settled = SETTLED_LIVE.get(name)
        live, live_where = [], []
        for record, position in zip(self, where, strict=True):
            before = None if position is None or not self.digested else ledger.full[position]
            if position is None:
                position = len(full)
                full.append(record)
            else:
                full[position] = record
            if over(record):
                ended.append((name, record))
                continue
            live.append(record)
            live_where.append(position)
            if settled is not None and settled(record) and not (before and settled(before)):
                ended.append((name, record))  # settled this turn: from now on in the digest
        return Ledger(tuple(full), tuple(live), tuple(live_where))

    def unchanged(self) -> bool:
        """Whether the turn left these records as its state's archived ledger holds them: none
        made, none changed. Most turns leave most kinds so; their ledger then passes on as it is
        (its tuples too, so what is kept by tuple, such as the treaties in force, stays known).
        A ledger the archive does not hold (`digested` false) is always settled afresh."""
        ledger = self.ledger
        return (
            ledger is not None
            and self.digested
            and len(self) == len(ledger.live)
            and len(self.where) == len(ledger.where)
            and all(map(is_, self, ledger.live))
        )


class TurnNotes:
    """What the phases of one turn tell each other: the rungs reached by this turn's actions and
    the states that received aid (aid also eases humanitarian crises)."""

    __slots__ = ("rungs", "aided")

    def __init__(self) -> None:
        self.rungs: list[int] = []
        self.aided: set[str] = set()


class TurnDraft(Readings):
    def __init__(self, state: GameState, rng: Rng):
        self.previous = state  # the state at the start of the turn, for "before" values
        self.scenario = state.scenario
        self.turn = state.turn
        self.rng = rng
        self.countries = [CountryDraft(c) for c in state.countries]
        self.relations = list(state.relations)
        self._tension = state.tension
        self.regional_tension = list(state.regional_tension)
        self.escalation = state.escalation
        self.max_escalation = state.max_escalation
        # the kinds of record that end hold only their live records (archive.py)
        self.treaties: Records[Treaty] = Records(ledger=state.ledger("treaties"))
        self.proposals: Records[Proposal] = Records(ledger=state.ledger("proposals"))
        self.sanctions: Records[SanctionsEpisode] = Records(ledger=state.ledger("sanctions"))
        self.disputes: Records[Dispute] = Records(ledger=state.ledger("disputes"))
        self.wars: Records[War] = Records(ledger=state.ledger("wars"))
        self.invocations: Records[Invocation] = Records(state.invocations)
        self.populations: Records[Population] = Records(state.populations)
        self.drafts: Records[CouncilDraft] = Records(ledger=state.ledger("drafts"))
        self.mediations: Records[Mediation] = Records(ledger=state.ledger("mediations"))
        self.ultimatums: Records[Ultimatum] = Records(ledger=state.ledger("ultimatums"))
        self.archive_before = state.archive.fingerprint if state.archive is not None else None
        for name in ARCHIVED_FIELDS:
            records = getattr(self, name)
            records.digested = state.archive is not None and (
                state.archive.ledgers.get(name) is records.ledger
            )
        self.sealed_before = {
            name: state.archive.sealed_count(name, getattr(state, name)) if state.archive else 0
            for name in SEALED_AS_MADE
        }
        self.fired_injects = list(state.fired_injects)
        self.next_id = state.next_id
        self.issues: Records[IssueState] = Records(state.issues)
        self.regional_calls: Records[RegionalCall] = Records(state.regional_calls)
        self.events: list[Event] = []
        self.notes = TurnNotes()

    # --- identities ---------------------------------------------------------------------------

    def new_id(self, prefix: str) -> str:
        ident = f"{prefix}{self.next_id}"
        self.next_id += 1
        return ident

    # --- the world's temperature --------------------------------------------------------------

    # A scenario may keep tension by region (Scenario.tension_regions): a change then moves the
    # regions of the states it concerns (every region when it names none), and the world's
    # tension is the regions' average weighted by their states. Otherwise there is one figure.

    @property
    def tension(self) -> float:
        return self._tension

    @tension.setter
    def tension(self, value: float) -> None:
        if self.regional_tension:  # the world's figure set outright: every region moves alike
            self.shift_tension(value - self._tension)
            return
        low, high = TENSION_BOUNDS
        self._tension = min(high, max(low, value))

    def shift_tension(self, delta: float, among: Iterable[str] = ()) -> float:
        """Raise (or lower) tension within its bounds; `among`: the states the change concerns.
        Returns the change actually made: to the world's tension, or with tension by region, the
        average change of the regions concerned."""
        if not self.regional_tension:
            before = self._tension
            self.tension = before + delta
            return self._tension - before
        index = self.scenario.tension_region_index
        regions = sorted({index[s] for s in among if s in index}) or range(
            len(self.regional_tension)
        )
        low, high = TENSION_BOUNDS
        moved = 0.0
        for i in regions:
            old = self.regional_tension[i]
            self.regional_tension[i] = min(high, max(low, old + delta))
            moved += self.regional_tension[i] - old
        self._tension = world_tension(self.scenario.tension_weights, self.regional_tension)
        return moved / len(regions)

    def reach(self, rung: Rung) -> None:
        """This turn's actions brought the crisis to `rung` (settled in the escalation phase)."""
        self.notes.rungs.append(rung)

    # --- relations ----------------------------------------------------------------------------

    def shift_relation(self, a: str, b: str, delta: float) -> float:
        """Change relations between a and b (both ways) within bounds; returns the change made."""
        if a == b:
            return 0.0
        index, n = self.scenario.state_index, len(self.scenario.state_index)
        i, j = index[a], index[b]
        old = self.relations[i * n + j]
        low, high = RELATION_BOUNDS
        new = min(high, max(low, old + delta))
        self.relations[i * n + j] = self.relations[j * n + i] = new
        return new - old

    def shift_relations_with_all(
        self, state_id: str, delta: float, *, except_: Iterable[str] = ()
    ) -> None:
        skip = set(except_)
        for other in self.ids:
            if other != state_id and other not in skip:
                self.shift_relation(state_id, other, delta)

    # --- events -------------------------------------------------------------------------------

    def emit(
        self,
        kind: str,
        text: str,
        actors: Sequence[str] = (),
        numbers: dict[str, float] | None = None,
        visible_to: Sequence[str] | None = None,
        private: dict[str, dict[str, float]] | None = None,
        secret: dict[str, float] | None = None,
    ) -> Event:
        """Record what happened, with the numbers behind it; `visible_to` None means public.
        `private` holds numbers only one seat may know ({seat: {name: value}}): a state's own
        true losses, say, which tell its strength to anyone else. `secret` holds numbers only
        the facilitator sees: odds worked out from true strengths no seat knows."""
        if secret:
            private = {**(private or {}), FACILITATOR: secret}
        # each number without last-bit float noise (60 - 5.6 - 60 is not -5.6 exactly), rounded
        # here rather than by a helper per number: turns emit events by the hundred thousand in
        # the computer players' look-ahead
        shown = [(k, round(float(v), 9) + 0.0) for k, v in numbers.items()] if numbers else ()
        held = (
            [
                (seat, k, round(float(v), 9) + 0.0)
                for seat, values in private.items()
                for k, v in values.items()
            ]
            if private
            else ()
        )
        event = Event(
            self.turn,
            kind,
            text,
            tuple(actors),
            tuple(shown),
            None if visible_to is None else tuple(visible_to),
            tuple(held),
        )
        self.events.append(event)
        return event

    def treaty(self, treaty_id: str) -> Treaty | None:
        return self.treaties.find(treaty_id)  # an ended treaty too, as in the state

    # --- freezing -----------------------------------------------------------------------------

    def freeze(self) -> GameState:
        """The next state: records that ended during the turn leave the live ones (archive.py)."""
        ended: list[tuple[str, Any]] = []
        ledgers = {name: getattr(self, name).settle(name, over, ended) for name, over in ARCHIVED}
        sealed = {name: tuple(getattr(self, name)) for name in SEALED_AS_MADE}
        for name, records in sealed.items():
            ended += [(name, r) for r in records[self.sealed_before[name] :]]
        last = tuple(ended)
        archive = Archive(ledgers, Fingerprint(self.archive_before, last), sealed, last)
        return GameState(
            scenario=self.scenario,
            seed=self.previous.seed,
            turn=self.turn + 1,
            countries=tuple(c.freeze() for c in self.countries),
            relations=tuple(self.relations),
            tension=self.tension,
            regional_tension=tuple(self.regional_tension),
            escalation=self.escalation,
            max_escalation=self.max_escalation,
            treaties=ledgers["treaties"].full,
            proposals=ledgers["proposals"].full,
            sanctions=ledgers["sanctions"].full,
            disputes=ledgers["disputes"].full,
            wars=ledgers["wars"].full,
            invocations=tuple(self.invocations),
            populations=tuple(self.populations),
            drafts=ledgers["drafts"].full,
            mediations=ledgers["mediations"].full,
            ultimatums=ledgers["ultimatums"].full,
            fired_injects=tuple(self.fired_injects),
            next_id=self.next_id,
            issues=tuple(self.issues),
            regional_calls=sealed["regional_calls"],
            archive=archive,
        )


def world_tension(weights: Sequence[float], regional: Sequence[float]) -> float:
    """The world's tension when it is kept by region: the regions' average, by their states."""
    return sum(w * t for w, t in zip(weights, regional, strict=True))
