"""Starting a class, shared by `wargame host` and the desktop app's "Host a class" window: the
session file (new or resumed), the seats' keys beside it, the host and its server."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..match import Match
from ..persistence import SessionStore
from ..scenario import Scenario
from .addresses import join_addresses
from .host import AtDeadline, ClassHost
from .keys import ClassKeys, keys_path
from .server import ClassServer
from .web_client import WEB_DIR


@dataclass
class HostedClass:
    host: ClassHost
    server: ClassServer
    store: SessionStore
    path: Path

    @property
    def addresses(self) -> list[str]:
        return join_addresses(self.server.bind, self.server.port)

    def stop(self) -> None:
        """Stop serving (clients are told to come back later) and close the session file."""
        try:
            self.server.stop()
        finally:
            self.store.close()


def new_session(
    scenario: Scenario, seed: int | None, computer: Iterable[str], level: str, path: Path
) -> tuple[Match, SessionStore]:
    """A new match saved to `path` from the start (SessionError if it cannot be)."""
    from ..ai import make_player

    match = Match(scenario, seed, {seat: make_player(level) for seat in computer})
    store = SessionStore.create(path, match, player_factory=make_player)
    return match, store


def resume_session(path: Path) -> tuple[Match, SessionStore]:
    """The match saved in `path`, checked and replayed (SessionError if it cannot be)."""
    from ..ai import make_player

    store = SessionStore.open(path)
    try:
        return store.resume(make_player), store
    except BaseException:
        store.close()
        raise


def host_class(
    match: Match,
    store: SessionStore,
    path: Path,
    *,
    bind: str,
    port: int,
    level: str = "normal",
    replace_duplicates: bool = False,
    deadline: float | None = None,
    at_deadline: AtDeadline = "computer",
    fresh_keys: bool = True,
) -> HostedClass:
    """Serve the match; the seats' codes are new (`fresh_keys`) or those kept beside the file.
    Raises KeysError or ServerError (the session file stays open: the caller closes it)."""
    kpath = keys_path(path)
    seats = match.people_seats  # every seat people lead, handed to the computer now or not
    keys = ClassKeys.fresh(seats, kpath) if fresh_keys else ClassKeys.load_or_create(kpath, seats)
    host = ClassHost(
        match,
        keys,
        level=level,
        replace_duplicates=replace_duplicates,
        deadline=deadline,
        at_deadline=at_deadline,
    )
    # the browser client at the host's address (a plain page names the apps when it is missing)
    server = ClassServer(bind, port, static_dir=WEB_DIR if WEB_DIR.is_dir() else None)
    server.add(host)
    try:
        server.start()
    except BaseException:
        with contextlib.suppress(Exception):
            server.stop(0.5)
        raise
    server.call(host, host.settle)  # a resumed class whose turn had every seat's orders saved
    return HostedClass(host, server, store, path)
