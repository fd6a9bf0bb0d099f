"""A session in play: scenario, seed, who plays each seat, and the log of turns.

The match gathers each seat's orders (people submit them; computer seats decide from their own
view), plays the turn through the game loop (`loop.play_turn`) when every seat is in, and keeps
the log. The facilitator's interventions (`wargame.facilitator`) go through it too: each is
applied to the state at once, so every seat's view shows it, and is logged with the turn it was
made in. It has no I/O of its own: a recorder (the session store) is told of every submission,
intervention and resolved turn, which is how autosave works. The log is enough to replay the
match exactly (`replay`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Protocol

from .events import Event
from .facilitator import Applied, FireInject, InterventionRefused, apply
from .facilitator.records import BOOKKEEPING, HANDOVER_LEVEL
from .legality import check_orders
from .loop import SessionDice, TurnRecord, play_turn
from .orders import Order
from .players import Decision, Player
from .scenario import Scenario
from .setup import new_game
from .view import SeatView, view_for

__all__ = ["HandedPlayer", "Match", "OrdersRejected", "Recorder", "TurnRecord", "replay"]

PlayerFactory = Callable[[str, "str | None"], Player]  # (kind or level, doctrine) -> a player


class Recorder(Protocol):
    def orders_submitted(self, match: Match, seat: str, orders: tuple[Order, ...]) -> None: ...
    def turn_resolved(self, match: Match, record: TurnRecord) -> None: ...
    def intervention_made(self, match: Match, applied: Applied) -> None: ...


class HandedPlayer:
    """The computer player of a seat the facilitator handed over during the game. It is built
    when it first decides: a replay of the log, which has every order already, never builds it."""

    def __init__(self, level: str, doctrine: str | None, factory: PlayerFactory | None):
        self.level, self.doctrine = level, doctrine
        self._factory = factory
        self._player: Player | None = None

    def decide(self, view: SeatView, rng: Any) -> Decision:
        if self._player is None:
            factory = self._factory
            if factory is None:
                from .ai import make_player  # the players load only when one decides

                factory = make_player
            self._player = factory(self.level, self.doctrine)
        return self._player.decide(view, rng)


class OrdersRejected(ValueError):
    def __init__(self, reasons: list[tuple[Order, str]]):
        self.reasons = reasons
        super().__init__("; ".join(f"{o.label or o.kind}: {r}" for o, r in reasons))


class Match:
    def __init__(
        self,
        scenario: Scenario,
        seed: int | None = None,
        computer: Mapping[str, Player] | Iterable[str] = (),
        recorder: Recorder | None = None,
        player_factory: PlayerFactory | None = None,
    ):
        self.scenario = scenario
        self.state = new_game(scenario, seed)
        self.seed = self.state.seed
        self.dice = SessionDice(self.seed)
        if isinstance(computer, Mapping):
            self.computer: dict[str, Player] = dict(computer)
        else:  # seat ids: the default computer player for each (the AI loads only here)
            from .ai import make_player

            self.computer = {seat: make_player() for seat in computer}
        unknown = set(self.computer) - set(scenario.state_ids)
        if unknown:
            raise ValueError(f"unknown state(s) for computer play: {', '.join(sorted(unknown))}")
        self.history: list[TurnRecord] = []
        self.pending: dict[str, tuple[Order, ...]] = {}
        self.recorder = recorder
        # the facilitator's part: who builds players for seats handed to the computer, the
        # seats the computer played from the start, this turn's interventions so far, seats the
        # computer plays this turn only (a passed deadline), injects planned for later turns
        self.player_factory = player_factory
        self.starting_players = dict(self.computer)  # who played each computer seat at the start
        self.started_computer = frozenset(self.computer)
        self.interventions: list[Applied] = []
        self.stand_ins: dict[str, Player] = {}
        self.schedule: dict[str, int] = {}  # inject id -> the turn it is to happen
        self.paused = False
        self.replaying = False  # re-deriving a log: scheduled injects are in the log already

    # --- seats ----------------------------------------------------------------------------------

    @property
    def seats(self) -> tuple[str, ...]:
        return self.scenario.state_ids

    @property
    def human_seats(self) -> tuple[str, ...]:
        """The seats people play now."""
        return tuple(s for s in self.seats if s not in self.computer)

    @property
    def people_seats(self) -> tuple[str, ...]:
        """The seats people played at the start (a class gives each a join code), whether or
        not the facilitator has handed one to the computer since."""
        return tuple(s for s in self.seats if s not in self.started_computer)

    @property
    def finished(self) -> bool:
        return self.state.finished

    def waiting_for(self) -> tuple[str, ...]:
        """Human seats that have not yet submitted orders this turn."""
        return tuple(
            s for s in self.human_seats if s not in self.pending and s not in self.stand_ins
        )

    def last_events(self) -> tuple[Event, ...]:
        return self.history[-1].events if self.history else ()

    def live_events(self) -> tuple[Event, ...]:
        """The news as it stands: last turn's events and this turn's interventions so far."""
        return self.last_events() + tuple(e for a in self.interventions for e in a.events)

    def view(self, seat: str | None) -> SeatView:
        return view_for(self.state, seat, self.live_events())

    def players(self) -> dict[str, Player]:
        """Who the computer plays this turn: its seats, and those it stands in for."""
        return {**self.computer, **self.stand_ins}

    # --- orders ---------------------------------------------------------------------------------

    def submit(self, seat: str, orders: Iterable[Order]) -> None:
        """Record a seat's orders for this turn; raises OrdersRejected listing illegal ones."""
        if self.finished:
            raise OrdersRejected([])
        orders = tuple(orders)
        bad = [
            (o, r) for o, r in zip(orders, check_orders(self.state, seat, orders), strict=True) if r
        ]
        if bad:
            raise OrdersRejected(bad)
        self.pending[seat] = orders
        if self.recorder is not None:
            self.recorder.orders_submitted(self, seat, orders)

    def decide_for_computer(self, seat: str) -> Decision:
        """What a computer seat's player decides now, from its view (as the turn will ask it)."""
        rng = self.dice.for_seat(self.state.turn, seat)
        return self.players()[seat].decide(self.view(seat), rng)

    def resolve_turn(self) -> TurnRecord:
        """Let computer seats decide, resolve the turn and log it. All humans must be in."""
        missing = self.waiting_for()
        if missing:
            raise RuntimeError(f"still waiting for orders from {', '.join(missing)}")
        if self.paused:
            raise RuntimeError("the facilitator has paused the game")
        record = play_turn(self.state, self.live_events(), self.pending, self.players(), self.dice)
        record = self._log(record)
        self.fire_due_injects()
        return record

    def apply(
        self,
        orders: Mapping[str, tuple[Order, ...]],
        reasons: Mapping[str, tuple[str, ...]] | None = None,
    ) -> TurnRecord:
        """Resolve the turn with these orders for every seat (a replayed log's), as given."""
        record = play_turn(self.state, self.live_events(), orders, {}, self.dice)
        return self._log(dataclasses.replace(record, reasons=dict(reasons or {})))

    def _log(self, record: TurnRecord) -> TurnRecord:
        if self.interventions:  # the turn's record holds them, their news first
            record = dataclasses.replace(
                record,
                events=tuple(e for a in self.interventions for e in a.events) + record.events,
                interventions=tuple(self.interventions),
            )
        self.state = record.state
        self.history.append(record)
        self.pending = {}
        self.interventions = []
        self.stand_ins = {}
        if self.recorder is not None:
            self.recorder.turn_resolved(self, record)
        return record

    # --- the facilitator ------------------------------------------------------------------------

    def intervene(self, intervention: Any, *, strict: bool = True) -> Applied:
        """Make one of the facilitator's interventions now (InterventionRefused says why it
        cannot be): applied to the state, shown in the seats' views, recorded. Orders a seat
        handed in that it made impossible are withdrawn: that seat hands in again. A replay of
        a log, which knows the orders but not who had handed them in when, is not `strict`."""
        intervention = self._completed(intervention)
        problem = self.intervention_problem(intervention) if strict else None
        if problem:
            raise InterventionRefused(problem)
        applied = apply(self.state, intervention, len(self.interventions))
        self.state = applied.state
        if intervention.kind not in BOOKKEEPING:
            withdrawn = tuple(
                seat
                for seat, orders in self.pending.items()
                if any(check_orders(self.state, seat, orders))
            )
            for seat in withdrawn:
                del self.pending[seat]
            applied = dataclasses.replace(applied, withdrawn=withdrawn)
        self.interventions.append(applied)
        self.follow(intervention)
        if self.recorder is not None:
            self.recorder.intervention_made(self, applied)
        if not self.replaying:
            self.fire_due_injects()
        return applied

    def intervention_problem(self, iv: Any) -> str | None:
        """Why the match cannot take `iv` now, as far as who plays and who is in goes (the game
        itself is checked by `facilitator.check`)."""
        if self.finished:
            return "the game is over"
        if iv.kind == "seat" and iv.seat in self.scenario.state_index:
            if iv.to == "computer" and iv.seat in self.computer:
                return f"the computer already plays {self.scenario.state(iv.seat).name}"
            if iv.to == "person" and iv.seat not in self.computer:
                return f"{self.scenario.state(iv.seat).name} is already played by its people"
        if iv.kind == "deadline":
            late = set(self.waiting_for())
            if set(iv.seats) != late:
                return "the seats without orders are not the ones named"
        if iv.kind == "clock" and iv.action in ("pause", "resume"):
            if self.paused == (iv.action == "pause"):
                return f"the game is already {'paused' if self.paused else 'running'}"
        return None

    def follow(self, iv: Any) -> None:
        """What an intervention changes in the match itself (who plays, the plan, the pause):
        made when it is made, and again for logged ones when a saved session is rebuilt."""
        if iv.kind == "seat":
            if iv.to == "computer":
                level = iv.level or HANDOVER_LEVEL
                self.computer[iv.seat] = HandedPlayer(level, iv.doctrine, self.player_factory)
            else:
                self.computer.pop(iv.seat, None)
        elif iv.kind == "deadline":
            for seat in iv.seats:
                if iv.at_deadline == "pass":
                    self.submit(seat, ())
                else:
                    level = iv.level or HANDOVER_LEVEL
                    self.stand_ins[seat] = HandedPlayer(level, None, self.player_factory)
        elif iv.kind == "schedule_inject":
            if iv.cancel:
                self.schedule.pop(iv.inject, None)
            else:
                self.schedule[iv.inject] = iv.turn
        elif iv.kind == "fire_inject":
            self.schedule.pop(iv.inject, None)
        elif iv.kind == "clock" and iv.action in ("pause", "resume"):
            self.paused = iv.action == "pause"

    def fire_due_injects(self) -> list[Applied]:
        """Fire the injects scheduled for this turn or before that have not happened yet (each
        an entry of the log, so a replay does not fire them again by itself)."""
        fired = []
        while not self.finished:
            due = sorted(
                (turn, inject) for inject, turn in self.schedule.items() if turn <= self.state.turn
            )
            if not due:
                break
            inject = due[0][1]
            if inject in self.state.fired_injects:  # its own trigger came first
                self.schedule.pop(inject)
                continue
            fired.append(self.intervene(FireInject(inject=inject, scheduled=True)))
        return fired

    def _completed(self, iv: Any) -> Any:
        """The intervention with what the match fills in (the level a handed seat is played at),
        so the log says exactly what was done."""
        if iv.kind == "seat" and iv.to == "computer" and iv.level is None:
            return iv.model_copy(update={"level": HANDOVER_LEVEL})
        if iv.kind == "deadline" and iv.at_deadline == "computer" and iv.level is None:
            return iv.model_copy(update={"level": HANDOVER_LEVEL})
        return iv

    def play_out(self) -> list[TurnRecord]:
        """Resolve turns until the game ends (every seat must be played by the computer)."""
        records = []
        while not self.finished:
            records.append(self.resolve_turn())
        return records


def replay(
    scenario: Scenario,
    seed: int,
    turns: Iterable[Iterable[Order]],
    interventions: Mapping[int, Sequence[Any]] | None = None,
) -> list[TurnRecord]:
    """Re-resolve a logged game from its scenario: the hashes must match the log's snapshots.
    `interventions` holds the facilitator's, by the turn they were made in (in order)."""
    interventions = interventions or {}
    match = Match(scenario, seed)
    match.replaying = True
    for number, orders in enumerate(turns, 1):
        for iv in interventions.get(number, ()):
            match.intervene(iv, strict=False)
        by_seat: dict[str, list[Order]] = {}
        for order in orders:
            by_seat.setdefault(order.actor, []).append(order)
        match.apply({seat: tuple(o) for seat, o in by_seat.items()})
    return match.history
