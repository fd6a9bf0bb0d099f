"""`wargame serve`: a standing server for many classes, their sessions in PostgreSQL.

Facilitators create classes over HTTP with the server's facilitator password; each class gets
its own facilitator token (to look it up again) and its seats' join codes. Everything a class
needs is in the database: the game in the session's tables (autosaved at every submission and
turn, as a session file is), the codes and token digests and the host's settings in the catalog
(database.py). So any server process can run any class.

Several processes may serve one database. Each class is run by one process at a time, the
holder of its lease (a catalog row with an expiry on the database's clock). A process renews its
leases every RENEW_SECONDS; every write is fenced by the lease (the same transaction checks the
process still holds it), so a process that was paused past its lease cannot write over the one
that took the class over. A process that dies stops renewing: within LEASE_SECONDS another takes
its classes over, replaying each from the database, with the same codes and tokens, and clients
(who reconnect by themselves) find their seat on it. A client that reaches a process which does
not hold its class is told to try again ("closing", retry); one whose class has no live holder
makes this process take it over at once.
"""

from __future__ import annotations

import asyncio
import hmac
import os
import secrets
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from ..match import Match
from ..persistence import SessionError, SessionStore
from ..persistence.database import CATALOG, Database
from .codes import codes_match, new_token, token_digest, token_matches
from .host import AtDeadline, ClassHost
from .keys import ClassKeys
from .protocol import Error, Hello
from .server import ClassServer

LEASE_SECONDS = 8.0  # a dead process's classes are taken over within this (plus one round)
RENEW_SECONDS = 1.0
MAX_BODY_BYTES = 16 * 1024


@dataclass(frozen=True)
class ClassSettings:
    """How a class is hosted; kept in the catalog so any process hosts it the same way."""

    level: str = "normal"
    deadline: float | None = None
    at_deadline: AtDeadline = "computer"
    replace_duplicates: bool = False


class DatabaseKeys(ClassKeys):
    """A class's keys, saved in the database's catalog instead of a file beside the session."""

    def __init__(self, codes: dict[str, str], tokens: dict[str, str], saver: Callable[[], None]):
        super().__init__(codes, tokens, None)
        self._saver = saver

    def save(self) -> None:
        self._saver()


@dataclass
class _Served:
    host: ClassHost
    store: SessionStore
    settings: ClassSettings


class LeaseLost(SessionError):
    pass


class SessionServer:
    """Many classes from one database, on one ClassServer."""

    def __init__(
        self,
        db: Database,
        server: ClassServer,
        *,
        facilitator_password: str | None,
        lease_seconds: float = LEASE_SECONDS,
        renew_seconds: float = RENEW_SECONDS,
        take_over: bool = True,
        on_event: Callable[[str], None] | None = None,
    ):
        self.db = db
        self.server = server
        self.password = facilitator_password
        self.lease_seconds = lease_seconds
        self.renew_seconds = renew_seconds
        self.take_over = take_over  # False: run only the classes this process creates
        self.on_event = on_event or (lambda text: None)
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"
        self.served: dict[str, _Served] = {}
        self._lock = threading.RLock()  # guards `served` against the lease thread
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        server.unrouted = self._unrouted
        routes = [
            Route("/api/sessions", self._create_endpoint, methods=["POST"]),
            Route("/api/sessions/{session_id}", self._status_endpoint, methods=["GET"]),
        ]
        server.app.router.routes[0:0] = routes  # before the web client's catch-all

    # --- running --------------------------------------------------------------------------------

    def start(self) -> None:
        self.db.ensure_catalog()
        self.server.start()
        self._thread = threading.Thread(target=self._leases, name="leases", daemon=True)
        self._thread.start()

    def stop(self) -> list[str]:
        """Stop serving; the leases are given up, so another process takes the classes over
        at once rather than after they expire. Returns what could not be recorded on the way
        out (the database gone, say): those classes' leases simply run out instead."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
        problems: list[str] = []
        try:
            self.server.stop()
        finally:
            with self._lock:
                for session_id, served in list(self.served.items()):
                    served.store.close()
                    try:
                        if served.host.finished:
                            self.db.set_finished(session_id, True)
                        self.db.release(session_id, self.owner)
                    except SessionError as exc:
                        problems.append(str(exc))
                self.served.clear()
        return problems

    # --- creating a class -----------------------------------------------------------------------

    def create(
        self,
        scenario_id: str,
        *,
        seed: int | None = None,
        computer: list[str] | tuple[str, ...] = (),
        settings: ClassSettings = ClassSettings(),  # noqa: B008 - frozen
    ) -> dict[str, Any]:
        """A new class, run by this process: its id, seats' codes and facilitator token.
        ScenarioError or SessionError (ValueError for a bad choice) when it cannot be made."""
        from ..ai import make_player
        from ..scenario.library import find_scenario

        scenario = find_scenario(scenario_id)
        unknown = [c for c in computer if c not in scenario.state_ids]
        if unknown:
            raise ValueError(f"unknown state(s) {', '.join(unknown)}")
        if len(set(computer)) >= len(scenario.state_ids):
            raise ValueError("leave at least one seat for a person")
        if seed is not None and not 0 <= seed < 2**63:
            raise ValueError("the seed must be between 0 and 2^63-1")
        match = Match(scenario, seed, {s: make_player(settings.level) for s in computer})
        token = new_token()
        store = SessionStore.create(
            self.db.url, match, player_factory=make_player, facilitator_digest=token_digest(token)
        )
        session_id = store.session_id
        assert session_id is not None
        if not self.db.claim(session_id, self.owner, self.lease_seconds):
            raise SessionError(f"{store.name} was claimed by another process as it was made")
        codes = self._fresh_codes(match.people_seats)
        keys = self._keys(session_id, codes, {}, settings)
        keys.save()
        self._serve(session_id, match, store, keys, settings)
        return {
            "session": session_id,
            "title": scenario.title,
            "facilitator_token": token,
            "codes": codes,
            "computer": sorted(computer),
        }

    def status(self, session_id: str) -> dict[str, Any]:
        entry = self.db.entry(session_id)
        keys = self.db.load_keys(session_id) or {}
        return {
            "session": entry.id,
            "title": entry.title,
            "finished": entry.finished,
            "codes": keys.get("codes", {}),
            "served_here": session_id in self.served,
        }

    # --- taking a class over --------------------------------------------------------------------

    def adopt(self, session_id: str) -> bool:
        """Run a class another process ran (or this one, before a restart) if its lease is
        free; False when another live process holds it."""
        with self._lock:
            if session_id in self.served:
                return True
            if not self.db.claim(session_id, self.owner, self.lease_seconds):
                return False
            try:
                from ..ai import make_player

                stored = self.db.load_keys(session_id) or {}
                settings = ClassSettings(**stored.get("settings", {}))
                store = SessionStore.open(self.db.url, session=session_id, lease_owner=self.owner)
                match = store.resume(make_player)
            except (SessionError, TypeError, ValueError) as exc:
                self.db.release(session_id, self.owner)
                self.on_event(f"session {session_id} cannot be served: {exc}")
                return False
            if match.finished:
                store.close()
                self.db.set_finished(session_id, True)
                self.db.release(session_id, self.owner)
                return False
            keys = self._keys(
                session_id, dict(stored.get("codes", {})), dict(stored.get("tokens", {})), settings
            )
            self._serve(session_id, match, store, keys, settings)
            self.on_event(f"session {session_id} taken over at turn {match.state.turn}")
            return True

    def _serve(
        self,
        session_id: str,
        match: Match,
        store: SessionStore,
        keys: ClassKeys,
        settings: ClassSettings,
    ) -> None:
        store.fence = self._fence(session_id)
        host = ClassHost(
            match,
            keys,
            level=settings.level,
            replace_duplicates=settings.replace_duplicates,
            deadline=settings.deadline,
            at_deadline=settings.at_deadline,
        )
        host.listeners.append(lambda e: self.on_event(f"[{session_id}] {e.text}"))
        # reachable before it counts as served: a hello for a class served here is not sent to
        # adopt it, so it must find the class on the server (else it is told "wrong_code")
        self.server.add_running(host)
        with self._lock:
            self.served[session_id] = _Served(host, store, settings)
        if self.server.running:  # every seat's orders may be in already (a takeover)
            self.server.call(host, host.settle)

    def _fence(self, session_id: str) -> Callable[[Connection], None]:
        owner = self.owner

        def fence(conn: Connection) -> None:
            # in the write's own transaction: the lease row is locked until it commits, so a
            # takeover waits for this write, and a write after a takeover is refused
            held = conn.execute(
                text(
                    f"SELECT 1 FROM {CATALOG} WHERE id = :id AND owner = :owner "
                    "AND lease_until > now() FOR UPDATE"
                ),
                {"id": session_id, "owner": owner},
            ).first()
            if held is None:
                raise LeaseLost(
                    f"session {session_id} is now run by another server process; "
                    "this one no longer saves it"
                )

        return fence

    def _drop(self, session_id: str) -> None:
        """Stop running a class whose lease was lost (its clients reconnect to the holder)."""
        with self._lock:
            served = self.served.pop(session_id, None)
        if served is None:
            return
        served.store.readonly = True  # nothing more is saved from here
        self.server.remove_running(served.host)
        served.store.close()
        self.on_event(f"session {session_id}: lease lost; left to the process that holds it")

    def _leases(self) -> None:
        while not self._stop.wait(self.renew_seconds):
            try:
                # only a class served before the renewal can have lost its lease: one created or
                # adopted meanwhile (a client's hello adopts on another thread) was claimed after
                # the renewal read the leases, and dropping it would strand its clients
                before = dict(self.served)  # a copy, atomic under the GIL: no wait on a replay
                held = self.db.renew(self.owner, self.lease_seconds)
                with self._lock:
                    lost = [
                        s for s, v in before.items() if s not in held and self.served.get(s) is v
                    ]
                    finished = [s for s, v in self.served.items() if v.host.finished]
                for session_id in lost:
                    self._drop(session_id)
                for session_id in finished:
                    self.db.set_finished(session_id, True)
                if self.take_over:
                    for session_id in self.db.claimable():
                        if self._stop.is_set():
                            break
                        self.adopt(session_id)
                        # replaying a class takes a while: keep this process's own leases
                        self.db.renew(self.owner, self.lease_seconds)
            except Exception as exc:  # noqa: BLE001 - a database hiccup: try again next round
                self.on_event(f"leases: {type(exc).__name__}: {exc}")

    # --- finding a class no host here accepts ---------------------------------------------------

    def _unrouted(self, hello: Hello) -> Error | None:
        """Called by the transport (off its loop) for a hello no class here accepts: take the
        class over if nobody runs it; tell the client to retry if another process does."""
        for session_id, keys in self._sessions_with_keys():
            if session_id in self.served or not _accepts(keys, hello):
                continue
            if self.adopt(session_id):
                return None  # route again: the class is here now
            return Error(
                code="closing",
                message="this class is run by another server process; connecting again",
                retry=True,
            )
        return None

    def _sessions_with_keys(self) -> list[tuple[str, dict]]:
        from sqlalchemy import select

        from ..persistence.database import catalog

        with self.db.engine.connect() as conn:
            rows = conn.execute(
                select(catalog.c.id, catalog.c.keys_json).where(
                    catalog.c.finished.is_(False), catalog.c.keys_json.is_not(None)
                )
            )
            import json

            return [(r[0], json.loads(r[1])) for r in rows]

    # --- HTTP: the facilitator's API ------------------------------------------------------------

    async def _create_endpoint(self, request: Request) -> JSONResponse:
        if not self._password_ok(request):
            return JSONResponse({"error": "wrong or missing facilitator password"}, 401)
        body = await request.body()
        if len(body) > MAX_BODY_BYTES:
            return JSONResponse({"error": "request too large"}, 413)
        try:
            data = _parse_create(body)
        except ValueError as exc:
            return JSONResponse({"error": str(exc)}, 400)
        loop = asyncio.get_running_loop()
        try:
            made = await loop.run_in_executor(None, lambda: self.create(**data))
        except (SessionError, ValueError) as exc:
            return JSONResponse({"error": str(exc)}, 400)
        except Exception as exc:  # noqa: BLE001 - ScenarioError and friends: a clear refusal
            return JSONResponse({"error": str(exc).splitlines()[0]}, 400)
        return JSONResponse(made, 201)

    async def _status_endpoint(self, request: Request) -> JSONResponse:
        session_id = request.path_params["session_id"]
        loop = asyncio.get_running_loop()
        try:
            digest = await loop.run_in_executor(None, self.db.facilitator_digest, session_id)
        except Exception:  # noqa: BLE001 - an id that is not one
            digest = None
        token = _bearer(request)
        if digest is None or not token or not token_matches(digest, token):
            return JSONResponse({"error": "unknown session or wrong facilitator token"}, 401)
        return JSONResponse(await loop.run_in_executor(None, self.status, session_id))

    def _password_ok(self, request: Request) -> bool:
        given = _bearer(request)
        if not self.password or not given:
            return False
        return hmac.compare_digest(given.encode(), self.password.encode())

    # --- keys -----------------------------------------------------------------------------------

    def _keys(
        self,
        session_id: str,
        codes: dict[str, str],
        tokens: dict[str, str],
        settings: ClassSettings,
    ) -> DatabaseKeys:
        keys: DatabaseKeys

        def save() -> None:
            self.db.save_keys(
                session_id,
                {"codes": keys.codes, "tokens": keys.tokens, "settings": settings.__dict__},
            )

        keys = DatabaseKeys(codes, tokens, save)
        return keys

    def _fresh_codes(self, seats: tuple[str, ...]) -> dict[str, str]:
        """Codes no class in the database uses, so a code routes to exactly one class."""
        taken = {
            c for _, keys in self._sessions_with_keys() for c in keys.get("codes", {}).values()
        }
        while True:
            codes = ClassKeys.fresh(seats).codes
            if not taken & set(codes.values()):
                return codes


def _accepts(keys: dict, hello: Hello) -> bool:
    code = keys.get("codes", {}).get(hello.seat)
    if code is None:
        return False
    digest = keys.get("tokens", {}).get(hello.seat)
    if hello.token and digest and token_matches(digest, hello.token):
        return True
    return bool(hello.code) and codes_match(code, hello.code or "")


def _bearer(request: Request) -> str | None:
    value = request.headers.get("authorization", "")
    return value[7:].strip() if value.lower().startswith("bearer ") else None


def _parse_create(body: bytes) -> dict[str, Any]:
    from pydantic import BaseModel, ConfigDict, Field, ValidationError

    class CreateRequest(BaseModel):
        model_config = ConfigDict(extra="forbid")
        scenario: str = Field(max_length=200)
        seed: int | None = Field(default=None, ge=0, lt=2**63)
        computer: list[str] = Field(default_factory=list, max_length=64)
        level: str = "normal"
        deadline: float | None = Field(default=None, ge=10, le=24 * 3600)
        at_deadline: AtDeadline = "computer"
        replace: bool = False

    try:
        req = CreateRequest.model_validate_json(body or b"{}")
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "body"
        raise ValueError(f"{where}: {first['msg']}") from None
    from ..ai import KINDS

    if req.level not in KINDS:
        raise ValueError(f"level: one of {', '.join(KINDS)}")
    return {
        "scenario_id": req.scenario,
        "seed": req.seed,
        "computer": req.computer,
        "settings": ClassSettings(req.level, req.deadline, req.at_deadline, req.replace),
    }
