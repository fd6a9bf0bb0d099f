"""The transport: classes served over WebSocket by Starlette on uvicorn, on a thread of its own.

Thin on purpose: it accepts connections, enforces the limits (message size, rate, time to say
hello, failed attempts per address, connections in all), finds which class a hello is for, and
passes each message to that class's `ClassHost` on the class's own thread, then delivers what
the host returns, in order, to each connection. A slow or silent client never holds up the
others: each connection has its own queue and writer.

    server = ClassServer(bind="0.0.0.0", port=8470)
    server.add(host)            # one or more classes (join codes tell them apart)
    server.start()              # returns once listening; server.port is the port
    ...
    server.stop()
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.websockets import WebSocket
from uvicorn.lifespan.off import LifespanOff  # noqa: F401 - uvicorn imports it by name: bundled
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol

from .host import ClassHost, Refused, Reply
from .protocol import (
    HELLO_TIMEOUT,
    MAX_CLIENT_MESSAGE_BYTES,
    PROTOCOL_VERSION,
    RATE_BURST,
    RATE_PER_SECOND,
    WS_PATH,
    Error,
    Hello,
    ProtocolError,
    encode,
    parse_client_message,
)
from .web_client import ClientFiles

DEFAULT_PORT = 8470
MAX_CONNECTIONS = 400  # in all: five classes of a dozen seats, with room for reconnections
MAX_FAILED_JOINS = 20  # wrong codes or tokens from one address...
FAILED_JOIN_WINDOW = 60.0  # ...within this many seconds, then it must wait
MAX_QUEUED = 500  # messages waiting for a client that does not read: then it is dropped
TICK_SECONDS = 0.5  # how often deadlines are checked
POLICY_VIOLATION = 1008  # WebSocket close codes
TRY_AGAIN_LATER = 1013

log = logging.getLogger("wargame.net")
# told to the connections of a class this server stops running (another process runs it now)
MOVED = Error(code="closing", message="this class moves to another server", retry=True)


class ServerError(OSError):
    """The server cannot listen where asked; the message says why in words."""


@dataclass
class _Class:
    host: ClassHost
    executor: ThreadPoolExecutor
    guiding: bool = False  # a task is making the guides the host owes (`_make_guides`)


@dataclass
class _Conn:
    id: int
    ws: WebSocket
    address: str
    queue: asyncio.Queue = field(default_factory=asyncio.Queue)
    seated: _Class | None = None
    allowance: float = float(RATE_BURST)
    refilled: float = field(default_factory=time.monotonic)

    def spend(self) -> bool:
        """Token bucket: False when the client sends faster than the protocol allows."""
        now = time.monotonic()
        self.allowance = min(RATE_BURST, self.allowance + (now - self.refilled) * RATE_PER_SECOND)
        self.refilled = now
        if self.allowance < 1:
            return False
        self.allowance -= 1
        return True


_CLOSE = object()  # the writer's cue to close the connection


class ClassServer:
    def __init__(
        self,
        bind: str = "0.0.0.0",
        port: int = DEFAULT_PORT,
        *,
        static_dir: Path | None = None,
        on_problem: Callable[[str], None] | None = None,
    ):
        self.bind = bind
        self.requested_port = port
        self.on_problem = on_problem or (lambda text: log.warning("%s", text))
        self._classes: list[_Class] = []
        # asked (off the loop) about a hello no class here accepts: an Error to refuse it with,
        # or None to route it again (wargame serve takes classes over this way)
        self.unrouted: Callable[[Hello], Error | None] | None = None
        self._conns: dict[int, _Conn] = {}
        self._ids = itertools.count(1)
        self._failures: dict[str, deque[float]] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: uvicorn.Server | None = None
        self._socket: socket.socket | None = None
        routes: list[Any] = [
            WebSocketRoute(WS_PATH, self._endpoint),
            Route("/api/class", self._class_info),
        ]
        if static_dir is not None:  # the browser client, when there is one
            routes.append(Mount("/", ClientFiles(static_dir)))
        else:
            routes.append(Route("/", self._index))
        self.app = Starlette(routes=routes)

    # --- public API -------------------------------------------------------------------------------

    @property
    def hosts(self) -> tuple[ClassHost, ...]:
        return tuple(c.host for c in self._classes)

    @property
    def port(self) -> int:
        if self._socket is None:
            return self.requested_port
        return self._socket.getsockname()[1]

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def add(self, host: ClassHost) -> None:
        """Serve one more class (before `start`, or from the server's own thread)."""
        name = f"class-{len(self._classes) + 1}"
        self._classes.append(_Class(host, ThreadPoolExecutor(1, thread_name_prefix=name)))
        host.outbox = self._deliver_soon
        host.defer_guides = True  # made one call at a time: see `_make_guides`

    def add_running(self, host: ClassHost, timeout: float = 10.0) -> None:
        """Serve one more class while running, from any thread but the server's own."""
        if self._loop is None or not self.running:
            self.add(host)
            return
        done = asyncio.run_coroutine_threadsafe(self._add_async(host), self._loop)
        done.result(timeout)

    async def _add_async(self, host: ClassHost) -> None:
        self.add(host)

    def remove_running(self, host: ClassHost, timeout: float = 10.0) -> None:
        """Stop serving one class (its clients are told to come back later); any thread but
        the server's own."""
        if self._loop is None or not self.running:
            self._classes = [c for c in self._classes if c.host is not host]
            return
        asyncio.run_coroutine_threadsafe(self._remove_async(host), self._loop).result(timeout)

    async def _remove_async(self, host: ClassHost) -> None:
        cls = next((c for c in self._classes if c.host is host), None)
        if cls is None:
            return
        self._classes.remove(cls)
        for conn in list(self._conns.values()):
            if conn.seated is cls:
                conn.seated = None
                self._refuse(conn, MOVED)
        cls.executor.shutdown(wait=False)

    def start(self) -> None:
        """Listen and serve on a thread of its own; ServerError if the address is not usable."""
        self._socket = _listen(self.bind, self.requested_port)
        config = uvicorn.Config(
            self.app,
            # the protocol classes themselves, not their names: a frozen app then bundles them
            http=H11Protocol,
            ws=WebSocketsSansIOProtocol,
            log_config=None,  # leave the program's logging as it is
            ws_max_size=MAX_CLIENT_MESSAGE_BYTES,
            ws_ping_interval=20.0,
            ws_ping_timeout=20.0,
            ws_per_message_deflate=False,  # CPU better spent on the game: a view is ~20 KB
            lifespan="off",
            log_level="warning",
            access_log=False,
            timeout_graceful_shutdown=3,
        )
        self._server = uvicorn.Server(config)
        started = threading.Event()
        self._thread = threading.Thread(
            target=self._run, args=(started,), name="class-server", daemon=True
        )
        self._thread.start()
        while not started.wait(0.05):
            if not self._thread.is_alive():
                raise ServerError("the class server stopped as it started")
        self._wait_until_serving()

    def call(self, host: ClassHost, fn: Callable[..., Reply], *args: Any) -> Future:
        """Run `fn(*args)` (a method of `host` returning a Reply) on the host's thread and
        deliver the reply; for the facilitator's controls. Safe from any thread."""
        assert self._loop is not None, "the server is not running"
        cls = next(c for c in self._classes if c.host is host)
        return asyncio.run_coroutine_threadsafe(self._call(cls, fn, *args), self._loop)

    def stop(self, timeout: float = 5.0) -> None:
        """Tell every client the host is going (they come back by themselves to a new host on
        the same address) and stop serving."""
        if self._loop is not None and self.running:
            with contextlib.suppress(Exception):
                asyncio.run_coroutine_threadsafe(self._close_all(), self._loop).result(timeout)
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
        for cls in self._classes:
            cls.executor.shutdown(wait=True)
        if self._socket is not None:
            with contextlib.suppress(OSError):
                self._socket.close()

    # --- the server's thread ----------------------------------------------------------------------

    def _run(self, started: threading.Event) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._loop = loop
        started.set()
        assert self._server is not None and self._socket is not None
        try:
            loop.run_until_complete(self._serve())
        finally:
            loop.close()

    async def _serve(self) -> None:
        ticker = asyncio.create_task(self._tick_deadlines())
        try:
            await self._server.serve(sockets=[self._socket])  # type: ignore[union-attr]
        finally:
            ticker.cancel()

    def _wait_until_serving(self) -> None:
        for _ in range(200):
            if self._server is not None and self._server.started:
                return
            if not self.running:
                raise ServerError("the class server stopped as it started")
            time.sleep(0.02)
        raise ServerError("the class server did not start within 4 seconds")

    async def _tick_deadlines(self) -> None:
        while True:
            await asyncio.sleep(TICK_SECONDS)
            for cls in list(self._classes):
                if cls.host.deadline_due():
                    await self._call(cls, cls.host.tick)

    async def _close_all(self) -> None:
        for cls in self._classes:
            await self._call(cls, cls.host.closing)
        queues = [conn.queue.join() for conn in self._conns.values()]
        with contextlib.suppress(TimeoutError):  # a client that does not read is not waited for
            await asyncio.wait_for(asyncio.gather(*queues), 2.0)

    # --- one connection -----------------------------------------------------------------------

    async def _endpoint(self, ws: WebSocket) -> None:
        if len(self._conns) >= MAX_CONNECTIONS:
            await ws.close(code=TRY_AGAIN_LATER)
            return
        await ws.accept()
        address = ws.client.host if ws.client else "?"
        conn = _Conn(next(self._ids), ws, address)
        self._conns[conn.id] = conn
        writer = asyncio.create_task(self._write(conn))
        try:
            await self._converse(conn)
        except Exception as exc:  # noqa: BLE001 - one connection's fault never stops the server
            self.on_problem(f"a connection from {address} failed: {type(exc).__name__}: {exc}")
        finally:
            self._conns.pop(conn.id, None)
            if conn.seated is not None:
                await self._call(conn.seated, conn.seated.host.disconnect, conn.id)
            conn.queue.put_nowait(_CLOSE)
            with contextlib.suppress(Exception):
                await asyncio.wait_for(writer, 2.0)

    async def _converse(self, conn: _Conn) -> None:
        try:
            first = await asyncio.wait_for(self._receive(conn), HELLO_TIMEOUT)
        except TimeoutError:
            self._refuse(conn, Error(code="hello_first", message="say hello first, in time"))
            return
        except ProtocolError as exc:
            self._refuse(conn, Error(code=exc.code, message=str(exc)))  # type: ignore[arg-type]
            return
        if first is None:
            return
        if not isinstance(first, Hello):
            self._refuse(conn, Error(code="hello_first", message="the first message is a hello"))
            return
        if self._blocked(conn.address):
            self._refuse(
                conn,
                Error(
                    code="too_many_attempts",
                    message="too many wrong codes from this computer; wait a minute",
                    retry=False,
                ),
            )
            return
        cls, error = self._route(first)
        if cls is None and self.unrouted is not None:
            loop = asyncio.get_running_loop()
            other = await loop.run_in_executor(None, self.unrouted, first)
            cls, error = self._route(first)
            if cls is None and other is not None:
                error = other
        if cls is None:
            if error.code in ("wrong_code", "bad_token"):
                self._failed(conn.address)
            self._refuse(conn, error)
            return
        try:
            reply = await self._on_thread(cls, cls.host.connect, conn.id, first)
        except Refused as exc:
            self._refuse(conn, exc.error)
            return
        if cls not in self._classes:
            # the class was removed while it seated this connection (remove_running did not see
            # it seated, so did not tell it): never seat it in a host nothing runs any more, where
            # its orders would go nowhere and it would wait forever; it reconnects and finds the
            # class where it runs now
            self._refuse(conn, MOVED)
            return
        conn.seated = cls
        self._deliver(reply)
        while True:
            try:
                message = await self._receive(conn)
            except ProtocolError as exc:
                self._refuse(conn, Error(code=exc.code, message=str(exc)))  # type: ignore[arg-type]
                return
            if message is None:
                return
            if conn.seated is not cls:  # the class moved to another server (remove_running)
                return
            await self._call(cls, cls.host.receive, conn.id, message)

    async def _receive(self, conn: _Conn) -> Any:
        """The next message (None when the client has gone); ProtocolError for one that breaks
        the rules, after which the connection is dropped."""
        event = await conn.ws.receive()
        if event["type"] == "websocket.disconnect":
            return None
        if not conn.spend():
            raise ProtocolError(
                "flood", f"more than {RATE_PER_SECOND:g} messages a second; disconnected"
            )
        text = event.get("text")
        return parse_client_message(text if text is not None else event.get("bytes") or b"")

    async def _write(self, conn: _Conn) -> None:
        """Sends the connection's messages in order; closes it on cue."""
        while True:
            item = await conn.queue.get()
            try:
                if item is _CLOSE:
                    with contextlib.suppress(Exception):
                        await conn.ws.close(code=POLICY_VIOLATION if conn.seated is None else 1000)
                    return
                try:
                    await conn.ws.send_text(item)
                except Exception:  # noqa: BLE001 - the client is gone: the reader sees it too
                    self._drain(conn)
                    return
            finally:
                conn.queue.task_done()

    def _drain(self, conn: _Conn) -> None:
        while not conn.queue.empty():
            conn.queue.get_nowait()
            conn.queue.task_done()

    def _refuse(self, conn: _Conn, error: Error) -> None:
        conn.queue.put_nowait(encode(error))
        conn.queue.put_nowait(_CLOSE)

    def _deliver_soon(self, reply: Reply) -> None:
        """Deliver from a class's thread (in order with everything delivered after it)."""
        assert self._loop is not None
        self._loop.call_soon_threadsafe(self._deliver, reply)

    def _deliver(self, reply: Reply) -> None:
        for out in reply.send:
            conn = self._conns.get(out.conn)
            if conn is None:
                continue
            if conn.queue.qsize() > MAX_QUEUED:  # it stopped reading: let it reconnect later
                self._drain(conn)
                conn.queue.put_nowait(_CLOSE)
                continue
            conn.queue.put_nowait(out.text)
        for out in reply.close:
            conn = self._conns.get(out.conn)
            if conn is not None:
                conn.seated = None  # it no longer holds a seat: nothing to tell the host
                conn.queue.put_nowait(out.text)
                conn.queue.put_nowait(_CLOSE)

    async def _on_thread(self, cls: _Class, fn: Callable[..., Reply], *args: Any) -> Reply:
        return await asyncio.get_running_loop().run_in_executor(cls.executor, fn, *args)

    async def _call(self, cls: _Class, fn: Callable[..., Reply], *args: Any) -> None:
        """fn(*args) on the class's thread, its reply delivered, then the guides it left
        owed; a fault is reported, never raised into the connection that happened to trigger
        it."""
        await self._call_once(cls, fn, *args)
        self._guide_soon(cls)

    async def _call_once(self, cls: _Class, fn: Callable[..., Reply], *args: Any) -> None:
        try:
            reply = await self._on_thread(cls, fn, *args)
        except Exception as exc:  # noqa: BLE001
            self.on_problem(f"the class host failed: {type(exc).__name__}: {exc}")
            return
        self._deliver(reply)

    def _guide_soon(self, cls: _Class) -> None:
        """Start making the guides the class owes after a turn, unless that is under way."""
        if cls.host.owes_guides and not cls.guiding and cls in self._classes:
            cls.guiding = True
            asyncio.get_running_loop().create_task(self._make_guides(cls))

    async def _make_guides(self, cls: _Class) -> None:
        """The guides the class owes, each a call of its own on the class's thread: orders
        handed in meanwhile are taken between two guides, so an acknowledgement waits for one
        guide at most, not for a whole class's (30 seats at a few milliseconds each)."""
        try:
            while cls.host.owes_guides and cls in self._classes:
                await self._call_once(cls, cls.host.make_owed_guide)
        finally:
            cls.guiding = False
        self._guide_soon(cls)  # owed again by a turn resolved as the last one was made

    # --- finding a class; failed attempts -------------------------------------------------------

    def _route(self, hello: Hello) -> tuple[_Class | None, Error]:
        errors = []
        for cls in self._classes:
            error = cls.host.check_hello(hello)
            if error is None:
                return cls, Error(code="malformed", message="")
            errors.append(error)
        rank = ("version", "computer_seat", "wrong_code", "bad_token", "unknown_seat")
        errors.sort(key=lambda e: rank.index(e.code) if e.code in rank else len(rank))
        if not errors:
            return None, Error(code="unknown_seat", message="no class is being hosted here yet")
        return None, errors[0]

    def _failed(self, address: str) -> None:
        self._failures.setdefault(address, deque()).append(time.monotonic())

    def _blocked(self, address: str) -> bool:
        recent = self._failures.get(address)
        if not recent:
            return False
        while recent and recent[0] < time.monotonic() - FAILED_JOIN_WINDOW:
            recent.popleft()
        return len(recent) >= MAX_FAILED_JOINS

    # --- plain HTTP ---------------------------------------------------------------------------

    async def _class_info(self, request: Request) -> JSONResponse:
        """Public facts for a join screen: the classes' titles and seats (no codes)."""
        return JSONResponse(
            {
                "protocol": PROTOCOL_VERSION,
                "classes": [
                    {
                        "title": c.host.match.scenario.title,
                        "seats": [
                            {"seat": s.seat, "name": s.name, "played_by": s.played_by}
                            for s in c.host.seat_statuses()
                        ],
                    }
                    for c in self._classes
                ],
            }
        )

    async def _index(self, request: Request) -> HTMLResponse:
        return HTMLResponse(
            "<!doctype html><meta charset=utf-8><title>Crisis Wargame class</title>"
            "<h1>Crisis Wargame class</h1><p>Join this class from the Crisis Wargame desktop "
            "app: <b>File &gt; Join a Class</b>, with this address and your seat's code.</p>"
        )


def check_address(bind: str, port: int) -> None:
    """ServerError, in words, when the server could not listen there now (checked before a
    class is created for it)."""
    _listen(bind, port).close()


def _listen(bind: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in bind else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if family == socket.AF_INET6 and bind == "::":
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)  # IPv4 too
        sock.bind((bind, port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        if exc.errno in (98, 48, 10048):  # EADDRINUSE on Linux, macOS, Windows
            raise ServerError(
                f"port {port} is already in use on {bind}: another class may be running; "
                "choose another port"
            ) from None
        raise ServerError(f"cannot listen on {bind} port {port}: {exc.strerror or exc}") from None
    sock.setblocking(False)
    return sock
