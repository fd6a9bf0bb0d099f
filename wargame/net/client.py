"""A seat's client: keeps the connection to the host, and comes back by itself.

`SeatClient.run()` blocks (give it a thread of its own in a GUI): it connects, says hello with
the seat's code (and its token once it has one), hands every message from the host to
`on_message`, and after a dropped connection, a sleeping laptop or a host restart connects
again with growing pauses, back into the same seat with its token. It stops when the game is
over, when the host refuses the seat for good (a wrong code, another client took the seat), or
when `stop()` is called. `send` may be called from any thread.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from websockets.exceptions import WebSocketException
from websockets.sync.client import ClientConnection, connect

from .protocol import (
    MAX_HOST_MESSAGE_BYTES,
    PROTOCOL_VERSION,
    RETRY_ERRORS,
    WS_PATH,
    Error,
    GameOver,
    Hello,
    Message,
    ProtocolError,
    Welcome,
    encode,
    parse_host_message,
)
from .tokens import SeatTokens

FIRST_PAUSE = 0.5  # seconds before the first reconnection; doubled each time...
LONGEST_PAUSE = 10.0  # ...up to this


class AddressError(ValueError):
    """An address that cannot be a host's."""


def ws_url(address: str) -> str:
    """The WebSocket URL of a host given as 'host:port', 'http://host:port' or 'ws://...'."""
    text = address.strip()
    if not text:
        raise AddressError("give the host's address, e.g. 192.168.1.20:8470")
    if "://" not in text:
        text = "ws://" + text
    parts = urlsplit(text)
    scheme = {"http": "ws", "https": "wss", "ws": "ws", "wss": "wss"}.get(parts.scheme)
    if scheme is None or not parts.hostname:
        raise AddressError(f"{address!r} is not a host's address (e.g. 192.168.1.20:8470)")
    try:
        parts.port  # noqa: B018 - raises for a port that is not a number
    except ValueError:
        raise AddressError(f"{address!r}: the port must be a number") from None
    return urlunsplit((scheme, parts.netloc, WS_PATH, "", ""))


@dataclass(frozen=True)
class Outcome:
    """Why `run` returned: "game_over", "stopped" or "refused" (then `error` says why)."""

    reason: str
    error: Error | None = None


class SeatClient:
    def __init__(
        self,
        url: str,
        seat: str,
        code: str | None = None,
        *,
        on_message: Callable[[Message], None],
        on_raw: Callable[[str], None] | None = None,
        on_connection: Callable[[str], None] | None = None,
        tokens: SeatTokens | None = None,
        client_name: str = "wargame",
        alternates: tuple[str, ...] = (),
    ):
        # a class served by several `wargame serve` processes: after a lost connection the
        # client tries the next address, so it finds whichever process runs its class now
        self.urls = [ws_url(url), *(ws_url(a) for a in alternates)]
        self.url = self.urls[0]
        self.seat = seat
        self.code = code
        self.on_message = on_message
        self.on_raw = on_raw
        self.on_connection = on_connection or (lambda state: None)
        self.tokens = tokens
        self.token = tokens.get(self.url, seat) if tokens is not None else None
        self.client_name = client_name
        self._ws: ClientConnection | None = None
        self._stop = threading.Event()
        self._send_lock = threading.Lock()

    # --- public API -------------------------------------------------------------------------------

    def run(self) -> Outcome:
        failures = 0
        while not self._stop.is_set():
            outcome, joined = self._session()
            if outcome is not None:
                return outcome
            failures = 0 if joined else failures + 1
            if self._stop.is_set():
                break
            if len(self.urls) > 1:
                self.url = self.urls[(self.urls.index(self.url) + 1) % len(self.urls)]
                failures = min(failures, 1)  # another process is worth trying at once
            self.on_connection("reconnecting")
            pause = min(LONGEST_PAUSE, FIRST_PAUSE * 2 ** min(failures, 6))
            self._stop.wait(pause * random.uniform(0.8, 1.2))  # spread a class's reconnections
        return Outcome("stopped")

    def send(self, message: Message) -> bool:
        """Send to the host; False when not connected (the message is not queued)."""
        ws = self._ws
        if ws is None:
            return False
        try:
            with self._send_lock:
                ws.send(encode(message))
            return True
        except (OSError, WebSocketException):
            return False

    def drop(self) -> None:
        """Close the connection as a network fault would; the client comes back by itself."""
        ws = self._ws
        if ws is not None:
            ws.close()

    def stop(self) -> None:
        self._stop.set()
        ws = self._ws
        if ws is not None:
            ws.close()

    # --- private --------------------------------------------------------------------------------

    def _session(self) -> tuple[Outcome | None, bool]:
        """One connection: (the outcome if the client should stop, whether it joined)."""
        joined = False
        try:
            with connect(
                self.url,
                max_size=MAX_HOST_MESSAGE_BYTES,
                open_timeout=5,
                close_timeout=2,
                proxy=None,  # a class is on the local network
                user_agent_header=f"{self.client_name} (protocol {PROTOCOL_VERSION})",
            ) as ws:
                self._ws = ws
                hello = Hello(
                    protocol=PROTOCOL_VERSION,
                    seat=self.seat,
                    code=self.code,
                    token=self.token,
                    client=self.client_name,
                )
                with self._send_lock:
                    ws.send(encode(hello))
                for text in ws:
                    if self.on_raw is not None:
                        self.on_raw(text if isinstance(text, str) else repr(text))
                    try:
                        message = parse_host_message(text)
                    except ProtocolError:
                        continue  # a newer host's message this client does not know
                    if isinstance(message, Welcome):
                        joined = True
                        self._keep_token(message.token)
                        self.on_connection("connected")
                    elif isinstance(message, Error):
                        self.on_message(message)  # e.g. "the seat is connected elsewhere"
                        outcome = self._refused(message)
                        if outcome is not None:
                            return outcome, joined
                        continue
                    self.on_message(message)
                    if isinstance(message, GameOver):
                        return Outcome("game_over"), joined
        except (OSError, TimeoutError, WebSocketException):
            pass
        finally:
            self._ws = None
        if self._stop.is_set():
            return Outcome("stopped"), joined
        return None, joined

    def _refused(self, error: Error) -> Outcome | None:
        """What an error from the host means for this client: None to try again."""
        if error.code == "bad_token" and self.code:
            self.token = None  # the host forgot it (new keys): the code still opens the seat
            return None
        if error.retry or error.code in RETRY_ERRORS:
            return None
        return Outcome("refused", error)

    def _keep_token(self, token: str) -> None:
        self.token = token
        if self.tokens is not None:
            self.tokens.put(self.url, self.seat, token)
