"""Checking a stored log against the game, and rebuilding the live match from it.

Two depths of checking:

- `check_log` (opening a session to continue it): the stored orders and the facilitator's
  interventions are made again from the stored scenario and seed; every turn must reach its
  saved state hash and events.
- `rederive` (`wargame verify`): everything the file claims is derived again the way live play
  derives it. The facilitator's interventions are made again, each reaching the state hash it
  saved (an argument rolls the same dice); each computer seat's orders and reasons are decided
  again by its player, from that seat's view and the seed (seats handed to the computer
  mid-game too); each person's orders must be ones the game accepts and the ones that seat
  submitted; results, events and states are recomputed; who plays each seat must fit the log.
  The first turn and seat that differ are named.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from ..events import Event
from ..facilitator import InterventionRefused, describe
from ..match import HandedPlayer, Match, OrdersRejected, TurnRecord, replay
from ..orders import Order
from ..state import GameState
from . import codec
from .codec import CodecError, PlayerFactory, SeatInfo
from .records import SessionLog, StoredTurn


@dataclass(frozen=True)
class TurnCheck:
    turn: int
    stored_hash: str
    replayed_hash: str | None  # None when the replay stopped before this turn
    problem: str = ""  # empty when the turn reproduces exactly
    seat: str | None = None  # the seat whose orders, reasons or player do not fit, if one does

    @property
    def ok(self) -> bool:
        return not self.problem

    @property
    def where(self) -> str:
        return f"turn {self.turn}" + (f", seat {self.seat}" if self.seat else "")


@dataclass(frozen=True)
class Proof:
    """What `rederive` found: one check per saved turn (and one for the turn in progress when
    its saved orders do not fit), and the state after the last saved turn as replayed."""

    checks: tuple[TurnCheck, ...]
    state: GameState | None  # None when the log could not be replayed to its end

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    @property
    def first_problem(self) -> TurnCheck | None:
        return next((c for c in self.checks if not c.ok), None)


def snapshot_hash(state_json: str) -> str:
    """state_hash() of the state whose canonical_json() this is. Hashing the saved text is much
    cheaper than canonicalising the replayed state again (tests pin the two to agree)."""
    return hashlib.sha256(state_json.encode()).hexdigest()[:32]


def check_log(log: SessionLog) -> tuple[list[TurnCheck], list[TurnRecord]]:
    """Replay the log from the stored scenario and compare every turn with what was saved."""
    try:
        records = replay(
            log.scenario,
            log.seed,
            [t.orders for t in log.turns],
            {t.number: log.interventions_of(t.number) for t in log.turns},
        )
    except Exception as exc:  # any engine failure means "does not replay": say so for every turn
        note = f"the log could not be replayed ({type(exc).__name__}: {str(exc)[:200]})"
        return [TurnCheck(t.number, t.state_hash, None, note) for t in log.turns], []
    checks = []
    for stored, record in zip(log.turns, records, strict=True):
        problem = _interventions_problem(log, record) or _state_problem(stored, record)
        checks.append(TurnCheck(stored.number, stored.state_hash, record.state_hash, problem))
    return checks, records


def _interventions_problem(log: SessionLog, record: TurnRecord) -> str:
    """Whether each of the facilitator's interventions of the turn reached its saved state."""
    for stored, made in zip(
        log.interventions.get(record.turn, ()), record.interventions, strict=True
    ):
        if stored.state_hash != made.state_hash:
            return (
                f"the facilitator's entry {stored.position + 1} "
                f"({describe(stored.intervention, made.state)}) does not lead to its saved state"
            )
    return ""


def _state_problem(stored: StoredTurn, record: TurnRecord) -> str:
    if record.state_hash != stored.state_hash:
        return "the replayed state's hash differs from the saved one"
    if snapshot_hash(stored.state_json) != stored.state_hash:
        return "the saved snapshot does not match its own hash"
    if record.events != stored.events:
        return "the replayed events differ from the saved ones"
    return ""


# --- who plays the seats ----------------------------------------------------------------------------


def build_players(
    seats: tuple[SeatInfo, ...], player_factory: PlayerFactory
) -> tuple[dict[str, codec.Player], dict[str, str]]:
    """The computer players, and the seats whose record cannot be right (an unknown controller,
    a player the factory cannot build), each with why."""
    players, problems = {}, {}
    for s in seats:
        try:
            codec.check_seats([s])
            players.update(codec.players_of([s], player_factory))
        except CodecError as exc:
            problems[s.seat] = str(exc).removeprefix(f"seat {s.seat}: ")
    return players, problems


def players_for(log: SessionLog, player_factory: PlayerFactory) -> dict[str, codec.Player]:
    """The computer players of a plausible file; CodecError naming the first implausible seat."""
    players, problems = build_players(log.seats, player_factory)
    if problems:
        seat, problem = next(iter(problems.items()))
        raise CodecError(f"seat {seat}: {problem}")
    return players


# --- re-deriving everything -------------------------------------------------------------------------


def rederive(log: SessionLog, player_factory: PlayerFactory) -> Proof:
    """Derive every turn again as live play does, and compare with what the file holds.

    Live play: people submit orders (`Match.submit` accepts only legal ones), then each computer
    seat's player decides from its seat's view with its seat's generator
    (`Match.decide_for_computer`), then the orders of all seats are resolved (`Match.apply`).
    Here each turn starts from the stored history, so a difference is pinned to its turn.
    """
    players, problems = build_players(log.seats, player_factory)
    unbuilt = {s.seat for s in log.seats if s.is_computer} - set(players)
    match = Match(log.scenario, log.seed, players, player_factory=player_factory)
    match.replaying = True  # the log holds the injects the facilitator's plan fired
    checks: list[TurnCheck] = []
    for stored in log.turns:
        if match.finished:
            checks.append(_unchecked(stored, "the game had already ended before this turn"))
            continue
        found = _controller_problem(problems) if stored.number == 1 else None
        try:
            found = found or _facilitator_problem(log, stored.number, match, stored.events)
            computer = set(match.players()) | unbuilt
            found = found or _turn_problem(log, stored, match, computer, players)
            record = match.apply(_by_seat(stored.orders, match.seats)[0], stored.reasons)
        except Exception as exc:  # forged orders the engine cannot resolve: stop here
            note = f"the game could not resolve the saved orders ({type(exc).__name__})"
            checks.append(_check(stored, None, found or (note, None)))
            checks += [
                _unchecked(t, "an earlier turn could not be replayed")
                for t in log.turns[len(checks) :]
            ]
            return Proof(tuple(checks), None)
        if found is None:
            problem = _state_problem(stored, record)
            found = (problem, None) if problem else _results_problem(log, stored, record)
        checks.append(_check(stored, record.state_hash, found))
    if not log.turns and problems:
        seat, problem = next(iter(problems.items()))
        checks.append(TurnCheck(log.next_turn, "", None, problem, seat))
    pending = None
    if not match.finished:
        try:
            pending = _facilitator_problem(log, log.next_turn, match)
        except Exception as exc:  # forged entries the engine cannot make: say so
            pending = (f"the facilitator's entries could not be made ({type(exc).__name__})", None)
    elif log.interventions.get(log.next_turn):
        pending = ("the facilitator's entries are saved for a turn after the game ended", None)
    pending = pending or _pending_problem(log, match, set(match.players()) | unbuilt)
    if pending is not None:
        checks.append(TurnCheck(log.next_turn, "", None, *pending))
    return Proof(tuple(checks), match.state)


Found = tuple[str, str | None] | None  # (problem, seat) or None


def _facilitator_problem(
    log: SessionLog, turn: int, match: Match, news: tuple[Event, ...] | None = None
) -> Found:
    """Make the facilitator's interventions of `turn` again, as they were made: each must still
    be one the game takes, reach the state hash it saved and make the news its turn saved
    (`news`: the turn's saved events, which lead with theirs). Before a passed deadline, the
    seats it does not name had handed in their orders."""
    told = 0
    for stored in log.interventions.get(turn, ()):
        iv = stored.intervention
        entry = f"the facilitator's entry {stored.position + 1} ({describe(iv, match.state)})"
        if iv.kind == "deadline":
            for seat in match.human_seats:
                if seat not in iv.seats and (turn, seat) in log.submissions:
                    match.pending[seat] = log.submissions[(turn, seat)]
        try:
            made = match.intervene(iv)
        except InterventionRefused as exc:
            return f"{entry} could not be made again: {exc}", None
        if made.state_hash != stored.state_hash:
            return f"{entry} does not lead to the state it saved", None
        if news is not None and news[told : told + len(made.events)] != made.events:
            return f"{entry} does not make the news the turn saved", None
        told += len(made.events)
    return None


def _check(stored: StoredTurn, replayed: str | None, found: Found) -> TurnCheck:
    problem, seat = found if found else ("", None)
    return TurnCheck(stored.number, stored.state_hash, replayed, problem, seat)


def _unchecked(stored: StoredTurn, why: str) -> TurnCheck:
    return TurnCheck(stored.number, stored.state_hash, None, f"not checked: {why}")


def _controller_problem(problems: Mapping[str, str]) -> Found:
    for seat, problem in problems.items():
        return f"who plays this seat cannot be right: {problem}", seat
    return None


def _by_seat(
    orders: tuple[Order, ...], seats: tuple[str, ...]
) -> tuple[dict[str, tuple[Order, ...]], str | None]:
    """The turn's orders per seat, and the first seat whose orders are out of place, if any
    (live play resolves seat after seat in scenario order, each seat's orders as it gave them)."""
    grouped: dict[str, list[Order]] = {seat: [] for seat in seats}
    misplaced = None
    for o in orders:
        if o.actor in grouped:
            grouped[o.actor].append(o)
        elif misplaced is None:
            misplaced = str(o.actor)
    by_seat = {seat: tuple(grouped[seat]) for seat in seats}
    if misplaced is None and tuple(o for seat in seats for o in by_seat[seat]) != orders:
        misplaced = next(
            o.actor
            for o, e in zip(orders, (o for s in seats for o in by_seat[s]), strict=True)
            if o != e
        )
    return by_seat, misplaced


def _turn_problem(
    log: SessionLog,
    stored: StoredTurn,
    match: Match,
    computer: set[str],
    players: Mapping[str, object],
) -> Found:
    """The first seat whose part of the turn is not what live play would have produced."""
    by_seat, misplaced = _by_seat(stored.orders, match.seats)
    if misplaced is not None:
        return "its orders are not in the order the game resolves them, or not its own", misplaced
    unrecorded = _results_unrecorded(log, stored)
    for seat in match.seats:
        orders = by_seat[seat]
        submitted = log.submissions.get((stored.number, seat))
        if seat not in computer:
            if submitted is not None and submitted != orders:
                return "the resolved orders differ from the orders this seat submitted", seat
            if seat in stored.reasons and not unrecorded:
                return "a computer's reasons are recorded for a seat played by a person", seat
            try:
                match.submit(seat, orders)  # the check live play makes
            except OrdersRejected as exc:
                return f"orders the game would not have accepted ({str(exc)[:200]})", seat
            continue
        if submitted is not None:
            if isinstance(match.players().get(seat), HandedPlayer):  # its people may hand in
                if submitted != orders:
                    return "the resolved orders differ from the orders this seat submitted", seat
                try:
                    match.submit(seat, orders)
                except OrdersRejected as exc:
                    return f"orders the game would not have accepted ({str(exc)[:200]})", seat
                continue
            return "orders submitted by a person are recorded for a computer seat", seat
        if seat not in players:
            continue  # its player cannot be built: reported with who plays the seat
        decision = match.decide_for_computer(seat)
        if tuple(decision.orders) != orders:
            return "the computer's orders differ from what its player decides", seat
        if not unrecorded and tuple(stored.reasons.get(seat, ())) != tuple(decision.reasons):
            return "the computer's reasons differ from what its player gives", seat
    match.pending = {}
    return None


def _results_unrecorded(log: SessionLog, stored: StoredTurn) -> bool:
    """Format 1 kept no results or reasons; an upgraded file has them empty for its old turns."""
    return log.meta.get("upgraded_from") == "1" and not stored.results and not stored.reasons


def _results_problem(log: SessionLog, stored: StoredTurn, record: TurnRecord) -> Found:
    """The seat of the first order whose saved result is not the game's."""
    if _results_unrecorded(log, stored) or record.results == stored.results:
        return None
    problem = "the saved result of its order differs from the game's"
    for saved, made in zip(stored.results, record.results, strict=False):
        if saved != made:
            return problem, str(made.order.actor)
    longer = stored.results if len(stored.results) > len(record.results) else record.results
    return problem, str(longer[min(len(stored.results), len(record.results))].order.actor)


def _pending_problem(log: SessionLog, match: Match, computer: set[str]) -> Found:
    """Orders saved for the turn in progress must be a person's, and legal."""
    if not log.pending:
        return None
    for seat, orders in sorted(log.pending.items()):
        if seat in computer and not isinstance(match.players().get(seat), HandedPlayer):
            return "orders submitted by a person are recorded for a computer seat", seat
        if match.finished:
            return "orders are saved for a turn after the game ended", seat
        try:
            match.submit(seat, orders)
        except OrdersRejected as exc:
            return f"saved orders the game would not accept ({str(exc)[:200]})", seat
    match.pending = {}
    return None


# --- rebuilding the match ---------------------------------------------------------------------------


def rebuild_match(
    log: SessionLog, records: list[TurnRecord], player_factory: PlayerFactory
) -> Match:
    """The match as it stood at the last save: history, state and the pending turn's orders."""
    match = Match(
        log.scenario, log.seed, players_for(log, player_factory), player_factory=player_factory
    )
    match.history = [
        dataclasses.replace(r, reasons=dict(t.reasons))
        for r, t in zip(records, log.turns, strict=True)
    ]
    if records:
        match.state = records[-1].state
    for record in records:  # who plays, the plan and the pause, as the facilitator left them
        for applied in record.interventions:
            if applied.kind != "deadline":  # a passed deadline held for its own turn only
                match.follow(applied.intervention)
    match.replaying = True
    for stored in log.interventions.get(log.next_turn, ()):  # the turn in progress
        if match.finished:
            raise ValueError("the facilitator's entries are saved for a turn after the game ended")
        try:
            made = match.intervene(stored.intervention, strict=False)
        except InterventionRefused as exc:
            raise ValueError(f"the facilitator's entry of turn {log.next_turn}: {exc}") from None
        if made.state_hash != stored.state_hash:
            raise ValueError(
                f"the facilitator's entry {stored.position + 1} of turn {log.next_turn} does not "
                "lead to the state it saved"
            )
    match.replaying = False
    for seat, orders in log.pending.items():
        if seat not in match.human_seats and not isinstance(
            match.players().get(seat), HandedPlayer
        ):
            continue  # a computer seat decides when the turn resolves
        if match.finished:
            raise ValueError(f"orders of {seat} are saved for a turn after the game ended")
        try:
            match.submit(seat, orders)
        except OrdersRejected:
            raise ValueError(
                f"the saved orders of {seat} for turn {match.state.turn} are not legal"
            ) from None
    return match
