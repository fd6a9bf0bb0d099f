"""The class host's game side: seats and their keys, orders, the deadline, resolving turns, and
what each connection is sent. It is the only authority: it holds the match (and through it the
session file, saved at every submission and turn), checks every order with the engine, and sends
each seat only what `wargame.view` makes for that seat.

The facilitator's white cell works through it too (`intervene`): every intervention goes through
the match (so the session file records it), the turn's clock follows the log (`TurnClock`), and
each connected seat gets its new view at once (`update`).

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

from ..facilitator import (
    Applied,
    ClockChange,
    DeadlineReached,
    InterventionRefused,
    SeatControl,
    TurnClock,
    describe,
    follow,
)
from ..facilitator.records import BOOKKEEPING
from ..match import Match, OrdersRejected
from ..orders import OrderFormatError, order_from_dict
from ..rng import derive_seed
from ..setup import new_game
from ..state import state_hash
from ..view import view_data, view_for
from .codes import codes_match
from .guide import seat_debrief, seat_guide
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
    Update,
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
        self.listeners: list[Callable[[HostEvent], None]] = []
        self._clock, self._wall = clock, wall_clock
        # the turn's time limit, paused as the facilitator left it (a resumed class too)
        self.clock = TurnClock(clock, deadline, at_deadline)
        if match.paused:
            self.clock.pause()
        self._present: dict[str, int] = {}  # seat -> its connection
        self._client: dict[str, str] = {}  # seat -> the client's own name, for the facilitator
        self._views: dict[str, list[dict[str, Any]]] = {}  # seat -> view_data per turn so far
        self.told_game_over: set[str] = set()
        self._guided: set[int] = set()  # connections that asked for guides (browsers)
        self._guides: dict[tuple[str, bool], tuple[Any, str]] = {}  # made for which state
        # where to send what is ready before a call returns (the transport sets it), so an
        # acknowledgement does not wait for the turn it completes to be resolved
        self.outbox: Callable[[Reply], None] | None = None
        # a transport that sets this makes the guides owed after a turn one call at a time
        # (`make_owed_guide`), so that orders handed in meanwhile wait behind one guide, not a
        # whole class's (each costs a few milliseconds; a browser hands in once it has its own)
        self.defer_guides = False
        self._owed: list[tuple[int, str, bool]] = []  # (connection, seat, debrief) to make

    # --- what the facilitator sees ----------------------------------------------------------------

    @property
    def seats(self) -> tuple[str, ...]:
        """The seats people play (the others were given to the computer when the class began),
        whether or not one is handed to the computer now."""
        return self.match.people_seats

    @property
    def at_deadline(self) -> AtDeadline:
        """What happens to seats without orders at the deadline: they pass, or the computer
        plays them for that turn."""
        return self.clock.at_deadline

    @property
    def autoplay(self) -> set[str]:
        """The people's seats the facilitator has handed to the computer."""
        return {seat for seat in self.seats if seat in self.match.computer}

    @property
    def paused(self) -> bool:
        return self.match.paused

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
            computer = seat in m.computer or seat in m.stand_ins
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
        """The turn's time limit as seats are told it (None: no limit); while the facilitator
        has paused the game, the time left does not run down."""
        left = self.clock.left()
        if self.finished or (left is None and not self.paused):
            return None
        shown = left if left is not None else 0.0
        at = datetime.fromtimestamp(self._wall() + shown, UTC).isoformat(timespec="seconds")
        return Deadline(
            at=at,
            seconds_left=round(shown, 1),
            at_deadline=self.at_deadline,
            paused=self.paused,
            limited=left is not None,
        )

    def deadline_due(self) -> bool:
        """Whether the turn's deadline has passed (read from the transport's thread to decide
        when to call `tick`, which checks again)."""
        return not self.finished and self.clock.due()

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
        if hello.seat in self.match.started_computer:
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
        if old is not None:
            self._guided.discard(old)
        if hello.guide:
            self._guided.add(conn)
            reply.send += self._guide(conn, seat)
        if self.finished:
            reply.send.append(Outgoing(conn, encode(self._game_over())))
            self.told_game_over.add(seat)
            reply.send += self._guide(conn, seat, debrief=True)
        verb = "came back" if by_token else "joined"
        reply.extend(self._broadcast_status(f"{self._name(seat)} {verb}"))
        return reply

    def disconnect(self, conn: int) -> Reply:
        seat = next((s for s, c in self._present.items() if c == conn), None)
        self._guided.discard(conn)
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
        for by the time the others have), or give it back. On the record, like every
        intervention."""
        if seat not in self.seats:
            raise ValueError(f"there is no seat {seat!r} played by a person")
        if on == (seat in self.match.computer):
            return Reply()
        to = "computer" if on else "person"
        return self.intervene(SeatControl(seat=seat, to=to, level=self.level if on else None))

    def set_deadline(self, seconds: float | None, at_deadline: AtDeadline | None = None) -> Reply:
        """A deadline `seconds` from now for this turn and the next ones (None: no deadline)."""
        if seconds is None:
            return self.intervene(ClockChange(action="clear", at_deadline=at_deadline))
        change = ClockChange(action="deadline", seconds=seconds, at_deadline=at_deadline)
        return self.intervene(change)

    def intervene(self, intervention: Any) -> Reply:
        """One of the facilitator's interventions (wargame.facilitator): made through the match,
        so the session file records it; every connected seat is sent its new view. Raises
        InterventionRefused (nothing changed) with the reason to show."""
        m = self.match
        if intervention.kind == "seat" and intervention.seat not in self.seats:
            raise InterventionRefused(
                f"{self._name(intervention.seat)} has no join code: the computer played it from "
                "the start of the class"
            )
        made = m.intervene(intervention)
        if intervention.kind == "clock":
            follow(self.clock, intervention)
        reply = self._after_intervention(made)
        reply.extend(self._settle())
        return reply

    def tick(self) -> Reply:
        """Called every second or so: at the deadline, seats with no orders pass, or the
        computer plays them (as the facilitator chose, on the record), and the turn is
        resolved."""
        if self.finished or not self.clock.due():
            return Reply()
        waiting = self.match.waiting_for()
        level = self.level if self.at_deadline == "computer" else None
        reached = DeadlineReached(at_deadline=self.at_deadline, seats=waiting, level=level)
        reply = self._after_intervention(self.match.intervene(reached))
        reply.extend(self._settle())
        return reply

    def settle(self) -> Reply:
        """Resolve the turn if every seat is already in: a class resumed after its host died
        between the turn's last submission (saved, acknowledged) and its resolution."""
        return self._settle()

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
        """Resolve the turn once every seat is in (the seats handed to the computer decide when
        it is resolved), unless the facilitator has paused the game; again while nobody else
        is to decide."""
        reply = Reply()
        while not self.finished and not self.paused and not self.match.waiting_for():
            reply.extend(self._resolve())
        return reply

    def _after_intervention(self, made: Applied) -> Reply:
        """Tell the class: each connected seat its view now (its news), whether the host still
        holds its orders (an intervention may have made them impossible), and the status."""
        reply = Reply()
        if made.kind not in BOOKKEEPING or made.kind == "deadline":
            m = self.match
            for seat, conn in self._present.items():
                submitted = m.pending.get(seat)
                message = Update(
                    turn=m.state.turn,
                    view=self._views_of(seat)[-1],
                    submitted=None if submitted is None else [o.to_dict() for o in submitted],
                    withdrawn=seat in made.withdrawn,
                )
                reply.send.append(Outgoing(conn, encode(message)))
            reply.send += self._guides_for_all()
        reply.extend(
            self._broadcast_status(f"facilitator: {describe(made.intervention, made.state)}")
        )
        return reply

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
        self.clock.start_turn()
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
        reply = self._send_now(reply)  # the results first: guides take a moment to make
        reply.send += self._guides_for_all(debriefs=self.finished)
        if self.finished:
            self._notify(f"the game is over; state_hash: {state_hash(m.state)}")
        reply.extend(self._broadcast_status(None))
        return reply

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
        if m.interventions:  # the view to play from has the facilitator's news of this turn
            return [*views[:-1], view_data(m.view(seat))]
        return views

    def _dice(self, seat: str) -> int | None:
        """The seed of the seat's own generator this turn (what `Rng.for_seat` draws from): a
        computer player on the client decides with it exactly as it would on the host. It is a
        one-way hash of the session seed and tells nothing about it."""
        if self.finished:
            return None
        return derive_seed(self.match.seed, "seat", self.match.state.turn, seat)

    @property
    def owes_guides(self) -> bool:
        """Whether guides are owed (see `defer_guides`): the transport calls `make_owed_guide`."""
        return bool(self._owed)

    def make_owed_guide(self) -> Reply:
        """Make the next guide owed, for the state the game is in now (a connection gone or
        reseated since is skipped)."""
        if not self._owed:
            return Reply()
        conn, seat, debrief = self._owed.pop(0)
        if self._present.get(seat) != conn:
            return Reply()
        return Reply(self._guide(conn, seat, debrief))

    def _guides_for_all(self, debriefs: bool = False) -> list[Outgoing]:
        """Every present seat's guide (and debrief): made now, or owed (`defer_guides`)."""
        wanted = [
            (conn, seat, debrief)
            for seat, conn in self._present.items()
            if conn in self._guided
            for debrief in ((False, True) if debriefs else (False,))
        ]
        if self.defer_guides:
            self._owed = wanted  # guides still owed for an earlier state are made for this one
            return []
        return [out for conn, seat, debrief in wanted for out in self._guide(conn, seat, debrief)]

    def _guide(self, conn: int, seat: str, debrief: bool = False) -> list[Outgoing]:
        """The seat's guide to the state it is in now, or its debrief, for a connection that
        asked for guides (made once per state). A fault here never holds up the game."""
        if conn not in self._guided:
            return []
        m = self.match
        made = self._guides.get((seat, debrief))
        if made is None or made[0] is not m.state:
            try:
                message = seat_debrief(m, seat) if debrief else seat_guide(view_for(m.state, seat))
            except Exception as exc:  # noqa: BLE001 - the browser shows what it has; say why
                self._notify(f"could not make {self._name(seat)}'s guide: {exc}")
                return []
            made = self._guides[(seat, debrief)] = (m.state, encode(message))
        return [Outgoing(conn, made[1])]

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
