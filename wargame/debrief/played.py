"""A session as played: scenario, seed, who played each seat, and every turn with the state it led
to. Built from a saved log (replayed from its scenario and seed, every state hash checked) or from
a match in memory; the debrief, the report and the what-if engine all read this."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..edition import RULES_EDITION
from ..events import Event
from ..loop import TurnRecord
from ..match import Match, replay
from ..scenario import Scenario
from ..setup import new_game
from ..state import GameState
from ..view import SeatView, view_for

if TYPE_CHECKING:
    from ..persistence import SessionLog


class DebriefError(ValueError):
    """A session the debrief cannot be made from; the text says why, for the user."""


KIND_WORDS = {"heuristic": "easy level", "random": "random moves"}


@dataclass(frozen=True)
class SeatPlayer:
    """Who played a seat: a person, or a computer player of a kind ("normal") and doctrine."""

    seat: str
    name: str
    computer: bool
    kind: str | None = None
    doctrine: str | None = None

    @property
    def played_by(self) -> str:
        """'a person', or 'computer, normal level, hawk doctrine'."""
        if not self.computer:
            return "a person"
        level = KIND_WORDS.get(self.kind or "", f"{self.kind} level" if self.kind else "")
        parts = ["computer", level, f"{self.doctrine} doctrine" if self.doctrine else ""]
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True)
class Played:
    scenario: Scenario
    seed: int
    seats: tuple[SeatPlayer, ...]
    start: GameState
    turns: tuple[TurnRecord, ...]

    @property
    def finished(self) -> bool:
        return self.final.finished

    @property
    def final(self) -> GameState:
        return self.turns[-1].state if self.turns else self.start

    def seat(self, seat: str) -> SeatPlayer:
        return next(s for s in self.seats if s.seat == seat)

    def state_before(self, turn: int) -> GameState:
        """The state in which turn `turn` (from 1) was played: after the facilitator's
        interventions of that turn, if there were any."""
        made = self.interventions(turn)
        if made:
            return made[-1].state
        return self.start if turn <= 1 else self.turns[turn - 2].state

    def events_before(self, turn: int) -> tuple[Event, ...]:
        """The events of the turn before `turn` and the news of the facilitator's interventions
        of `turn`: what the seats saw when they gave their orders."""
        last = () if turn <= 1 else self.turns[turn - 2].events
        return last + tuple(e for a in self.interventions(turn) for e in a.events)

    def computer_at(self, turn: int) -> dict[str, tuple[str | None, str | None]]:
        """The seats the computer played in `turn` (kind, doctrine), the facilitator's hand-overs
        up to that turn's resolution included."""
        playing = {s.seat: (s.kind, s.doctrine) for s in self.seats if s.computer}
        for t in range(1, turn + 1):
            for applied in self.interventions(t):
                iv = applied.intervention
                if iv.kind == "seat" and iv.to == "computer":
                    playing[iv.seat] = (iv.level, iv.doctrine)
                elif iv.kind == "seat":
                    playing.pop(iv.seat, None)
        return playing

    def interventions(self, turn: int) -> tuple[Any, ...]:
        """The facilitator's interventions made during `turn` (facilitator.Applied)."""
        if 1 <= turn <= len(self.turns):
            return tuple(self.turns[turn - 1].interventions)
        return ()

    def views(self, seat: str | None) -> list[SeatView]:
        """What `seat` saw: at the start, then after each turn (None: the facilitator, all)."""
        return [
            view_for(self.start, seat),
            *(view_for(r.state, seat, r.events) for r in self.turns),
        ]

    def check_seat(self, seat: str | None) -> None:
        if seat is not None and seat not in self.scenario.state_ids:
            raise DebriefError(
                f"{seat!r} is not a seat of this session "
                f"(expected one of: {', '.join(self.scenario.state_ids)})"
            )


def played_from_log(log: SessionLog) -> Played:
    """Replay a saved log from its scenario and seed; every turn must reach its saved state."""
    if log.rules_edition is not None and log.rules_edition != RULES_EDITION:
        raise DebriefError(
            f"the session was played under edition {log.rules_edition} of the rules and this "
            f"version plays edition {RULES_EDITION}: its debrief needs the version that saved it "
            f"({log.meta.get('app_version', 'an older version')}); 'wargame export' still reads "
            "its record"
        )
    try:
        records = replay(
            log.scenario,
            log.seed,
            [t.orders for t in log.turns],
            {t.number: log.interventions_of(t.number) for t in log.turns},
        )
    except Exception as exc:  # noqa: BLE001 - any engine failure means "does not replay"
        raise DebriefError(
            f"the session does not replay ({type(exc).__name__}); 'wargame verify' shows where"
        ) from None
    turns = []
    for stored, record in zip(log.turns, records, strict=True):
        if record.state_hash != stored.state_hash:
            raise DebriefError(
                f"turn {stored.number} does not replay to the saved state, so the debrief cannot "
                "be rebuilt; 'wargame verify' shows every turn"
            )
        turns.append(dataclasses.replace(record, reasons=dict(stored.reasons)))
    seats = seat_players(
        log.scenario, {s.seat: (s.player, s.doctrine) for s in log.seats if s.is_computer}
    )
    return Played(log.scenario, log.seed, seats, new_game(log.scenario, log.seed), tuple(turns))


def played_from_match(match: Match) -> Played:
    computer = {
        seat: (_kind(player), getattr(player, "doctrine", None))
        for seat, player in match.starting_players.items()  # hand-overs are interventions
    }
    return Played(
        match.scenario,
        match.seed,
        seat_players(match.scenario, computer),
        new_game(match.scenario, match.seed),
        tuple(match.history),
    )


def seat_players(
    scenario: Scenario, computer: Mapping[str, tuple[str | None, str | None]]
) -> tuple[SeatPlayer, ...]:
    out = []
    for spec in scenario.states:
        if spec.id in computer:
            kind, doctrine = computer[spec.id]
            out.append(SeatPlayer(spec.id, spec.name, True, kind or "easy", doctrine))
        else:
            out.append(SeatPlayer(spec.id, spec.name, False))
    return tuple(out)


def _kind(player: Any) -> str | None:
    for attr in ("level", "name"):
        value = getattr(player, attr, None)
        if isinstance(value, str) and value:
            return value
    return None


def orders_by_seat(orders: Iterable[Any], seats: tuple[str, ...]) -> dict[str, tuple[Any, ...]]:
    """A turn's flat orders, per seat in scenario order (every seat present, maybe empty)."""
    grouped: dict[str, list[Any]] = {seat: [] for seat in seats}
    for order in orders:
        grouped.setdefault(order.actor, []).append(order)
    return {seat: tuple(o) for seat, o in grouped.items()}
