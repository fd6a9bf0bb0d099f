"""The class host's game side: seats and their keys, orders, the deadline, resolving turns, and
what each connection is sent. It is the only authority: it holds the match (and through it the
session file, saved at every submission and turn), checks every order with the engine, and sends
each seat only what `wargame.view` makes for that seat.

No sockets here: the transport (server.py) hands it each connection's messages and delivers what
it returns, so tests drive it directly. It is not thread-safe: the server calls one host from one
thread at a time.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from ..match import Match, OrdersRejected
from ..orders import OrderFormatError, order_from_dict
from ..players import Player
from ..rng import derive_seed
from ..setup import new_game
from ..state import state_hash
from ..view import view_data, view_for
from .codes import codes_match
from .keys import ClassKeys
from .protocol import (
    PROTOCOL_VERSION,
    Ack,
    Deadline,
    Error,
    GameOver,
    Hello,
    Message,
    Ping,
    Pong,
    Refusal,
    Rejected,
    SeatStatus,
    Status,
    Submit,
    TurnResolved,
    Welcome,
    encode,
)

AtDeadline = Literal["pass", "computer"]


@dataclass(frozen=True)
class Outgoing:
    conn: int
    text: str


@dataclass
class Reply:
    """What to send, in order, and which connections to close (after sending them `text`)."""

    send: list[Outgoing] = field(default_factory=list)
    close: list[Outgoing] = field(default_factory=list)

    def extend(self, other: Reply) -> None:
        self.send += other.send
        self.close += other.close


class Refused(Exception):
    """A hello the host turns down; `error` is what the connection is told before it closes."""

    def __init__(self, error: Error):
        super().__init__(error.message)
        self.error = error


@dataclass(frozen=True)
class HostEvent:
    """Something the facilitator sees: a line of text and where the class stands."""

    text: str
    turn: int
    turns: int
    finished: bool
    seats: tuple[SeatStatus, ...]


class ClassHost:
    def __init__(
        self,
        match: Match,
        keys: ClassKeys,
        *,
        level: str = "normal",
        replace_duplicates: bool = False,
        deadline: float | None = None,
        at_deadline: AtDeadline = "computer",
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
    ):
        self.match = match
        self.keys = keys
        self.level = level  # how the computer plays seats handed to it
        self.replace_duplicates = replace_duplicates
        self.at_deadline: AtDeadline = at_deadline
        self.autoplay: set[str] = set()  # seats the computer plays while their person is away
        self.listeners: list[Callable[[HostEvent], None]] = []
        self._clock, self._wall = clock, wall_clock
        self._deadline_seconds = deadline
        self._deadline_at: float | None = None
        self._present: dict[str, int] = {}  # seat -> its connection
        self._client: dict[str, str] = {}  # seat -> the client's own name, for the facilitator
        self._views: dict[str, list[dict[str, Any]]] = {}  # seat -> view_data per turn so far
        self._player: Player | None = None
        self.told_game_over: set[str] = set()
        # where to send what is ready before a call returns (the transport sets it), so an
        # acknowledgement does not wait for the turn it completes to be resolved
        self.outbox: Callable[[Reply], None] | None = None
        self._start_deadline()

    # --- what the facilitator sees ----------------------------------------------------------------

    @property
    def seats(self) -> tuple[str, ...]:
        """The seats people play (the others were given to the computer when the class began)."""
        return self.match.human_seats

    @property
    def codes(self) -> dict[str, str]:
        return dict(self.keys.codes)

    @property
    def finished(self) -> bool:
        return self.match.finished

    def connected(self, seat: str) -> bool:
        return seat in self._present

    def client_of(self, seat: str) -> str:
        return self._client.get(seat, "")

    def seat_statuses(self) -> tuple[SeatStatus, ...]:
        m = self.match
        out = []
        for seat in m.seats:
            computer = seat in m.computer or seat in self.autoplay
            out.append(
                SeatStatus(
                    seat=seat,
                    name=m.scenario.state(seat).name,
                    played_by="computer" if computer else "person",
                    connected=seat in self._present,
                    handed_in=seat in m.pending,
                )
            )
        return tuple(out)

    def deadline(self) -> Deadline | None:
        if self._deadline_at is None or self.finished:
            return None
        left = max(0.0, self._deadline_at - self._clock())
        at = datetime.fromtimestamp(self._wall() + left, UTC).isoformat(timespec="seconds")
        return Deadline(at=at, seconds_left=round(left, 1), at_deadline=self.at_deadline)

    def deadline_due(self) -> bool:
        """Whether the turn's deadline has passed (read from the transport's thread to decide
        when to call `tick`, which checks again)."""
        at = self._deadline_at
        return at is not None and not self.finished and self._clock() >= at

    # --- connections --------------------------------------------------------------------------

    def check_hello(self, hello: Hello) -> Error | None:
        """Why this host would refuse the hello's seat and key (None: it would take it). Reads
        only what does not change while the class runs, so the transport may call it from any
        thread to find which of its classes a hello is for."""
        if hello.protocol != PROTOCOL_VERSION:
            return Error(
                code="version",
                message=f"this host speaks protocol {PROTOCOL_VERSION}, the client {hello.protocol}; "
                "use the same version of the program as the facilitator",
            )
        if hello.seat in self.match.computer:
            return Error(
                code="computer_seat", message="the computer plays this state in this class"
            )
        if hello.seat not in self.keys.codes:
            return Error(code="unknown_seat", message=f"there is no seat {hello.seat!r} here")
        if hello.token and self.keys.token_fits(hello.seat, hello.token):
            return None
        if hello.code and codes_match(self.keys.codes[hello.seat], hello.code):
            return None
        if hello.code:
            return Error(code="wrong_code", message="that is not this seat's join code")
        return Error(
            code="bad_token",
            message="this seat's key has changed; join again with the seat's code",
        )

    def connect(self, conn: int, hello: Hello) -> Reply:
        """Seat a connection after its hello; raises Refused."""
        error = self.check_hello(hello)
        if error is not None:
            raise Refused(error)
        seat = hello.seat
        by_token = bool(hello.token) and self.keys.token_fits(seat, hello.token or "")
        reply = Reply()
        old = self._present.get(seat)
        if old is not None and old != conn:
            if not by_token and not self.replace_duplicates:
                raise Refused(
                    Error(
                        code="seat_taken",
                        message="this seat is already being played from another computer; "
                        "if that computer is gone, it is let go within a minute",
                        retry=True,
                    )
                )
            reply.close.append(
                Outgoing(
                    old,
                    encode(
                        Error(code="replaced", message="this seat was joined from another client")
                    ),
                )
            )
        token = hello.token if by_token else self.keys.issue_token(seat)
        self._present[seat] = conn
        self._client[seat] = hello.client
        reply.send.append(Outgoing(conn, encode(self._welcome(seat, token or ""))))
        if self.finished:
            reply.send.append(Outgoing(conn, encode(self._game_over())))
            self.told_game_over.add(seat)
        verb = "came back" if by_token else "joined"
        reply.extend(self._broadcast_status(f"{self._name(seat)} {verb}"))
        return reply

    def disconnect(self, conn: int) -> Reply:
        seat = next((s for s, c in self._present.items() if c == conn), None)
        if seat is None:
            return Reply()
        del self._present[seat]
        return self._broadcast_status(f"{self._name(seat)} left")

    def receive(self, conn: int, message: Message) -> Reply:
        """A seated connection's message (after its hello)."""
        seat = next((s for s, c in self._present.items() if c == conn), None)
        if seat is None:
            return Reply()
        if isinstance(message, Ping):
            return Reply([Outgoing(conn, encode(Pong(id=message.id)))])
        if isinstance(message, Submit):
            return self._submit(conn, seat, message)
        return Reply()  # a second hello: nothing to do

    # --- the facilitator's controls -------------------------------------------------------------

    def set_autoplay(self, seat: str, on: bool) -> Reply:
        """Hand a seat to the computer (it plays every turn the person has not handed in orders
        for by the time the others have), or give it back."""
        if seat not in self.seats:
            raise ValueError(f"there is no seat {seat!r} played by a person")
        if on:
            self.autoplay.add(seat)
        else:
            self.autoplay.discard(seat)
        who = "the computer" if on else "its player"
        reply = self._broadcast_status(f"{self._name(seat)} is played by {who}")
        reply.extend(self._settle())
        return reply

    def set_deadline(self, seconds: float | None, at_deadline: AtDeadline | None = None) -> Reply:
        """A deadline `seconds` from now for this turn and the next ones (None: no deadline)."""
        self._deadline_seconds = seconds
        if at_deadline is not None:
            self.at_deadline = at_deadline
        self._start_deadline()
        return self._broadcast_status("deadline changed")

    def tick(self) -> Reply:
        """Called every second or so: at the deadline, seats with no orders pass, or the
        computer plays them, and the turn is resolved."""
        if self._deadline_at is None or self.finished or self._clock() < self._deadline_at:
            return Reply()
        for seat in self.match.waiting_for():
            self._submit_for(seat, computer=self.at_deadline == "computer")
        reply = self._resolve()
        reply.extend(self._settle())
        return reply

    def closing(self) -> Reply:
        """The host is stopping: every connection is told to come back later."""
        error = encode(
            Error(code="closing", message="the host is stopping; reconnecting", retry=True)
        )
        return Reply(close=[Outgoing(c, error) for c in self._present.values()])

    # --- private: orders and turns --------------------------------------------------------------

    def _submit(self, conn: int, seat: str, msg: Submit) -> Reply:
        turn = self.match.state.turn

        def rejected(*reasons: Refusal) -> Reply:
            return Reply(
                [Outgoing(conn, encode(Rejected(id=msg.id, turn=turn, reasons=[*reasons])))]
            )

        if self.finished:
            return rejected(Refusal(index=None, reason="the game is over"))
        if msg.turn != turn:
            return rejected(
                Refusal(
                    index=None, reason=f"these orders are for turn {msg.turn}; it is turn {turn}"
                )
            )
        orders, refusals = [], []
        for i, data in enumerate(msg.orders):
            try:
                orders.append(order_from_dict(data))
            except OrderFormatError as exc:
                refusals.append(Refusal(index=i, reason=str(exc)))
        if refusals:
            return rejected(*refusals)
        previous = self.match.pending.get(seat)
        try:
            self.match.submit(seat, orders)
        except OrdersRejected as exc:
            index = {id(o): i for i, o in enumerate(orders)}
            return rejected(
                *(Refusal(index=index.get(id(o)), reason=r) for o, r in exc.reasons)
                or (Refusal(index=None, reason="the orders were not accepted"),)
            )
        except Exception as exc:  # noqa: BLE001 - not saved: not acknowledged, say why
            self._restore_pending(seat, previous)
            return rejected(Refusal(index=None, reason=f"the host could not save them: {exc}"))
        reply = Reply([Outgoing(conn, encode(Ack(id=msg.id, turn=turn, orders=len(orders))))])
        reply.extend(self._broadcast_status(f"{self._name(seat)} handed in orders"))
        reply = self._send_now(reply)
        reply.extend(self._settle())
        return reply

    def _send_now(self, reply: Reply) -> Reply:
        """Hand `reply` to the transport at once if it takes early replies; what remains."""
        if self.outbox is None:
            return reply
        self.outbox(reply)
        return Reply()

    def _restore_pending(self, seat: str, previous: tuple | None) -> None:
        if previous is None:
            self.match.pending.pop(seat, None)
        else:
            self.match.pending[seat] = previous

    def _settle(self) -> Reply:
        """Resolve the turn once every seat is in, the absent seats handed to the computer
        deciding last; again while only such seats remain."""
        reply = Reply()
        while not self.finished:
            waiting = self.match.waiting_for()
            if any(seat not in self.autoplay for seat in waiting):
                break
            for seat in waiting:
                self._submit_for(seat, computer=True)
            reply.extend(self._resolve())
        return reply

    def _submit_for(self, seat: str, computer: bool) -> None:
        """Orders for a seat whose person is not handing any in: the computer's, decided from
        the seat's view with the seat's dice exactly as a computer seat's, or none."""
        orders: tuple = ()
        if computer:
            m = self.match
            decision = self._computer().decide(m.view(seat), m.dice.for_seat(m.state.turn, seat))
            orders = tuple(decision.orders)
        self.match.submit(seat, orders)

    def _computer(self) -> Player:
        if self._player is None:
            from ..ai import make_player  # the players load only when a seat is handed over

            self._player = make_player(self.level)
        return self._player

    def _resolve(self) -> Reply:
        m = self.match
        played = len(m.history)
        try:
            m.resolve_turn()
        except Exception as exc:
            if len(m.history) == played:  # not resolved at all: a fault of the program
                raise
            self._notify(f"turn {played + 1} was played but could not be saved: {exc}")
        else:
            self._notify(f"turn {played + 1} resolved")
        self._start_deadline()
        reply = Reply()
        for seat, conn in self._present.items():
            message = TurnResolved(
                turn=m.state.turn,
                view=self._views_of(seat)[-1],
                dice=self._dice(seat),
                deadline=self.deadline(),
                finished=self.finished,
            )
            reply.send.append(Outgoing(conn, encode(message)))
        if self.finished:
            game_over = encode(self._game_over())
            for seat, conn in self._present.items():
                reply.send.append(Outgoing(conn, game_over))
                self.told_game_over.add(seat)
            self._notify(f"the game is over; state_hash: {state_hash(m.state)}")
        reply.extend(self._broadcast_status(None))
        return reply

    def _start_deadline(self) -> None:
        seconds = self._deadline_seconds
        self._deadline_at = None if seconds is None else self._clock() + seconds

    # --- private: messages ----------------------------------------------------------------------

    def _welcome(self, seat: str, token: str) -> Welcome:
        m = self.match
        submitted = m.pending.get(seat)
        return Welcome(
            seat=seat,
            token=token,
            title=m.scenario.title,
            turn=m.state.turn,
            turns=m.scenario.turns,
            finished=self.finished,
            views=self._views_of(seat),
            dice=self._dice(seat),
            submitted=None if submitted is None else [o.to_dict() for o in submitted],
            deadline=self.deadline(),
            seats=list(self.seat_statuses()),
        )

    def _views_of(self, seat: str) -> list[dict[str, Any]]:
        """The seat's view at the start and after each turn so far (built once each)."""
        m = self.match
        views = self._views.setdefault(seat, [])
        if not views:
            views.append(view_data(view_for(new_game(m.scenario, m.seed), seat)))
        for record in m.history[len(views) - 1 :]:
            views.append(view_data(view_for(record.state, seat, record.events)))
        return views

    def _dice(self, seat: str) -> int | None:
        """The seed of the seat's own generator this turn (what `Rng.for_seat` draws from): a
        computer player on the client decides with it exactly as it would on the host. It is a
        one-way hash of the session seed and tells nothing about it."""
        if self.finished:
            return None
        return derive_seed(self.match.seed, "seat", self.match.state.turn, seat)

    def _game_over(self) -> GameOver:
        return GameOver(
            turns_played=len(self.match.history), state_hash=state_hash(self.match.state)
        )

    def _broadcast_status(self, what: str | None) -> Reply:
        statuses = self.seat_statuses()
        status = encode(
            Status(turn=self.match.state.turn, seats=list(statuses), deadline=self.deadline())
        )
        if what is not None:
            self._notify(what, statuses)
        return Reply([Outgoing(conn, status) for conn in self._present.values()])

    def _notify(self, text: str, statuses: tuple[SeatStatus, ...] | None = None) -> None:
        event = HostEvent(
            text,
            self.match.state.turn,
            self.match.scenario.turns,
            self.finished,
            statuses if statuses is not None else self.seat_statuses(),
        )
        for listener in self.listeners:
            listener(event)

    def _name(self, seat: str) -> str:
        return self.match.scenario.state(seat).name
