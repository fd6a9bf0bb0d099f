"""The class protocol: every message between a host and its seats' clients, as pydantic models.

Messages are JSON objects in WebSocket text frames, each with a "type". A client sends `hello`
first (a seat and its join code, or the seat token it was given), then `submit` and `ping`; the
host answers with `welcome`, then `turn`, `status`, `ack`, `rejected`, `game_over`, `pong` and
`error`, and to a client that asks (the browser) `guide` and `debrief`. docs/PROTOCOL.md
describes them for anyone writing another client. What a seat may know
travels only inside `view` fields, built by `wargame.view.view_data`: the host never filters the
game state itself.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

PROTOCOL_VERSION = 1
WS_PATH = "/ws"

# limits on what a client may send: a whole turn of orders with long messages fits easily
MAX_CLIENT_MESSAGE_BYTES = 256 * 1024
MAX_ORDERS_PER_SUBMISSION = 32
RATE_PER_SECOND = 10.0  # sustained messages per second per connection
RATE_BURST = 30  # messages a connection may send at once
HELLO_TIMEOUT = 10.0  # seconds a new connection has to say hello
# what a client accepts from a host: a seat's whole history on (re)connection
MAX_HOST_MESSAGE_BYTES = 32 * 1024 * 1024

SeatId = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[a-z0-9_]+$")]


class Message(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class FromHost(Message):
    """A host's message: fields a newer host adds are ignored, so older clients keep working."""

    model_config = ConfigDict(extra="ignore", frozen=True, allow_inf_nan=False)


# --- client to host ------------------------------------------------------------------------------


class Hello(Message):
    """The first message of a connection: which seat, and the code or token that opens it."""

    type: Literal["hello"] = "hello"
    protocol: int
    seat: SeatId
    code: str | None = Field(default=None, max_length=20)
    token: str | None = Field(default=None, max_length=100)
    client: str = Field(default="", max_length=80)  # e.g. "wargame-join 0.1.0", for the host's list
    # a client that runs no engine (the browser) asks for a `guide` with every view and a
    # `debrief` at the end; a host of this version always understands it
    guide: bool = False


class Submit(Message):
    """The seat's orders for `turn` (possibly none: the seat passes). A later submit for the
    same turn replaces the earlier one until the turn is resolved."""

    type: Literal["submit"] = "submit"
    id: int = Field(ge=0, lt=2**31)  # echoed in the ack or the refusal
    turn: int = Field(ge=1, le=1000)
    orders: list[dict[str, Any]] = Field(max_length=MAX_ORDERS_PER_SUBMISSION)


class Ping(Message):
    type: Literal["ping"] = "ping"
    id: int = Field(default=0, ge=0, lt=2**31)


ClientMessage = Annotated[Hello | Submit | Ping, Field(discriminator="type")]
_CLIENT = TypeAdapter(ClientMessage)


# --- host to client ------------------------------------------------------------------------------


class Deadline(FromHost):
    """When the turn closes: seats that have not handed in orders by then pass, or the computer
    plays them, as the facilitator chose (`at_deadline`)."""

    at: str  # ISO 8601, UTC, for showing the time
    seconds_left: float  # as the host counted when it sent this (clocks may disagree)
    at_deadline: Literal["pass", "computer"]
    # the facilitator paused the game: the time left does not run down (and a paused turn
    # without a time limit is sent with `limited` false)
    paused: bool = False
    limited: bool = True


class SeatStatus(FromHost):
    seat: str
    name: str
    played_by: Literal["person", "computer"]
    connected: bool
    handed_in: bool  # has orders in for the current turn


class Welcome(FromHost):
    """Sent once a hello is accepted: the seat's whole history, so a client that reconnects or
    restarts is where it was. `views[0]` is the start; each later one is the seat's view after a
    turn, with that turn's events; the last is the view to play from."""

    type: Literal["welcome"] = "welcome"
    protocol: int = PROTOCOL_VERSION
    seat: str
    token: str  # keep it: `hello` with it comes back into this seat without the code
    title: str
    turn: int
    turns: int
    finished: bool
    views: list[dict[str, Any]]
    dice: int | None  # this seat's random seed for this turn, for a computer player on the client
    submitted: list[dict[str, Any]] | None  # the orders the host holds for this turn, if any
    deadline: Deadline | None
    seats: list[SeatStatus]


class TurnResolved(FromHost):
    """A turn was resolved: the seat's new view (with the turn's events it may see)."""

    type: Literal["turn"] = "turn"
    turn: int  # the turn now to be played
    view: dict[str, Any]
    dice: int | None
    deadline: Deadline | None
    finished: bool


class Update(FromHost):
    """The facilitator changed the game during the turn (news, a ruling, a figure): the seat's
    view to play from now, replacing the last one, and the orders the host still holds for it
    (None: none; `withdrawn` when the change made the seat's handed-in orders impossible)."""

    type: Literal["update"] = "update"
    turn: int
    view: dict[str, Any]
    submitted: list[dict[str, Any]] | None
    withdrawn: bool = False


class Status(FromHost):
    """Who is connected and who has handed in orders (public), and the deadline."""

    type: Literal["status"] = "status"
    turn: int
    seats: list[SeatStatus]
    deadline: Deadline | None


class Ack(FromHost):
    """The orders are accepted and saved in the session file: they survive a host restart."""

    type: Literal["ack"] = "ack"
    id: int
    turn: int
    orders: int


class Refusal(FromHost):
    index: int | None  # the order refused, None for the whole submission
    reason: str


class Rejected(FromHost):
    """Nothing of the submission was kept; the seat's earlier orders, if any, still stand."""

    type: Literal["rejected"] = "rejected"
    id: int
    turn: int
    reasons: list[Refusal]


class GameOver(FromHost):
    type: Literal["game_over"] = "game_over"
    turns_played: int
    state_hash: str


class Pong(FromHost):
    type: Literal["pong"] = "pong"
    id: int


# --- for clients that run no engine (the browser): made by the host from the seat's view -------


class MoveHelpText(FromHost):
    """A move's help for players: what it does, costs and risks, and when it can be given."""

    what: str
    costs: str
    risks: str
    when: str


class OrderField(FromHost):
    """One field of an order form. `choice`: one of the values found in the candidates; the
    others are filled in freely and checked by the host when the orders are handed in."""

    name: str
    label: str
    widget: Literal["choice", "states", "text", "number", "fraction"]


class Candidate(FromHost):
    """A legal order (`Order.to_dict`), each field's value in words (for a list of orders), and
    where a form should say more (what an issue's status means), those words in `details`."""

    order: dict[str, Any]
    words: dict[str, str]
    details: dict[str, str] = {}


class MoveChoices(FromHost):
    kind: str
    label: str
    costs_action: bool  # messages and answers are free; the rest count against `max_actions`
    help: MoveHelpText
    fields: list[OrderField]
    candidates: list[Candidate]  # empty: not possible now (`unavailable` says why)
    answers: str | None  # for answers: the field naming what is answered ("proposal"...)
    unavailable: str | None


class FamilyChoices(FromHost):
    id: str
    title: str
    moves: list[MoveChoices]


class ObjectiveNow(FromHost):
    id: str
    text: str
    points: int
    secret: bool  # secret objectives are the seat's own: no other seat is told of them
    met: bool  # met now, as far as the seat can tell


class StandingNow(FromHost):
    """The seat's score if the game ended now, as far as the seat can tell."""

    objective_points: int
    possible_points: int
    obligation_points: int
    total: int
    outcome: str
    why: str = ""  # the rule that gives the outcome, in words (debrief/why_outcome.py)


class Guide(FromHost):
    """Sent after the `welcome` and after every `turn` to a client whose hello asked for it: the
    seat's objectives and standing now, and the orders it may give, with every move's help. Made
    by the host's engine from the seat's own view (wargame/net/guide.py), so it holds nothing the
    view does not; the host checks the orders again when they are handed in."""

    type: Literal["guide"] = "guide"
    turn: int
    objectives: list[ObjectiveNow]
    standing: StandingNow
    families: list[FamilyChoices]
    max_actions: int  # actions a turn (moves with `costs_action`)
    message_to: list[str]  # the states a message may be sent to
    max_message_chars: int
    ladder: list[str]  # the escalation ladder's rungs in words, lowest first


class Debrief(FromHost):
    """After `game_over`, to a client whose hello asked for guides: the seat's after-action
    report (`wargame.debrief.build_report(played, seat)` as data: only what the seat saw, its own
    objectives and score, the seed now that the game is over)."""

    type: Literal["debrief"] = "debrief"
    report: dict[str, Any]


ErrorCode = Literal[
    "malformed",  # not a message of this protocol
    "version",  # another protocol version
    "hello_first",  # something other than hello before joining
    "unknown_seat",
    "wrong_code",
    "bad_token",  # an unknown or withdrawn token: join with the code
    "seat_taken",  # the seat is connected elsewhere and the host refuses a second client
    "replaced",  # another client joined this seat with its code; this one is closed
    "computer_seat",  # the computer plays this seat
    "too_many_attempts",
    "too_big",
    "flood",
    "closing",  # the host is shutting down; come back later
]
RETRY_ERRORS = frozenset({"closing", "seat_taken"})  # worth trying again by itself


class Error(FromHost):
    type: Literal["error"] = "error"
    code: ErrorCode
    message: str
    retry: bool = False  # whether the client may reconnect by itself


HostMessage = Annotated[
    Welcome
    | TurnResolved
    | Status
    | Ack
    | Rejected
    | GameOver
    | Pong
    | Error
    | Guide
    | Debrief
    | Update,
    Field(discriminator="type"),
]
_HOST = TypeAdapter(HostMessage)


# --- encoding ----------------------------------------------------------------------------------


class ProtocolError(ValueError):
    """Text that is not a valid message; `code` says which error to send back."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def encode(message: Message) -> str:
    return json.dumps(
        message.model_dump(mode="json"), separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )


def parse_client_message(text: str | bytes) -> Hello | Submit | Ping:
    """A client's message, or ProtocolError saying what is wrong (never any other exception)."""
    if isinstance(text, bytes):
        raise ProtocolError("malformed", "messages are JSON text frames, not binary")
    if len(text.encode("utf-8", "surrogatepass")) > MAX_CLIENT_MESSAGE_BYTES:
        raise ProtocolError("too_big", f"a message may be at most {MAX_CLIENT_MESSAGE_BYTES} bytes")
    return _parse(_CLIENT, text)


def parse_host_message(text: str | bytes) -> Any:
    """A host's message (any HostMessage), or ProtocolError."""
    if isinstance(text, bytes):
        raise ProtocolError("malformed", "the host sent a binary frame")
    return _parse(_HOST, text)


def _parse(adapter: TypeAdapter, text: str) -> Any:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise ProtocolError("malformed", "not JSON") from None
    if not isinstance(data, dict) or not isinstance(data.get("type"), str):
        raise ProtocolError("malformed", "a message is a JSON object with a 'type'")
    try:
        return adapter.validate_python(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "message"
        raise ProtocolError("malformed", f"{where}: {first['msg']}") from None
    except RecursionError:
        raise ProtocolError("malformed", "nested too deeply") from None
