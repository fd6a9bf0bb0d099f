"""`SessionStore`: one open session file, and the match's autosave.

The store is the match's Recorder: each submitted order set and each resolved turn is committed
in its own transaction before the call returns, so there is no "save" step to forget. Typical use:

    store = SessionStore.create("crisis.wargame", match)   # now records every move of `match`
    ...
    store = SessionStore.open("crisis.wargame")            # checks, upgrades an old format
    match = store.resume()                                 # replayed, hashes checked, recording
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, inspect
from sqlalchemy.engine import URL
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlmodel import Session, select

from ..match import Match, TurnRecord
from ..orders import Order
from . import codec, records
from .check import TurnCheck, check_log, rebuild_match
from .codec import CodecError
from .engines import file_engine, is_url, memory_engine, release, url_engine
from .errors import SessionError
from .opening import check_session_file, upgrade_file, upgraded_copy
from .records import SessionLog
from .schema import APPLICATION_ID, SCHEMA_VERSION, TABLES, Base, MetaRow, SessionRow
from .sqlitefile import describe, remove_quietly, replace_durably, temp_sibling

Target = str | os.PathLike[str] | URL


@dataclass(frozen=True)
class SessionSummary:
    """What a file dialog or the recent-sessions list shows, without loading the log."""

    scenario_id: str
    title: str
    turns_played: int
    turns_total: int
    finished: bool
    created: str
    updated: str


class SessionStore:
    def __init__(
        self,
        engine: Engine,
        path: Path | None,
        *,
        readonly: bool = False,
        upgraded_from: int | None = None,
        backup_path: Path | None = None,
    ):
        self.engine = engine
        self.path = path  # None for a database given by URL
        self.readonly = readonly
        self.upgraded_from = upgraded_from  # the old format version, when opening upgraded the file
        self.backup_path = backup_path  # the copy of the file kept before upgrading it

    @property
    def name(self) -> str:
        return (
            describe(self.path)
            if self.path
            else f"'{self.engine.url.render_as_string(hide_password=True)}'"
        )

    # --- creating and opening ---------------------------------------------------------------------

    @classmethod
    def create(cls, target: Target, match: Match, *, overwrite: bool = False) -> SessionStore:
        """Write a new session file holding everything `match` has so far, and record into it.

        The file appears complete or not at all (written beside it, then renamed). The store
        becomes `match.recorder`.
        """
        try:
            seats = codec.seats_of(match.scenario, match.computer)
            scenario_json = codec.check_scenario_round_trip(match.scenario)
        except CodecError as exc:
            raise SessionError(f"The session cannot be saved: {exc}.") from None
        if is_url(target):
            store = cls(url_engine(target), None)  # type: ignore[arg-type]
            if inspect(store.engine).has_table("meta"):
                raise SessionError(f"{store.name} already holds a session.")
            store._write_new(store.engine, match, seats, scenario_json)
        else:
            path = Path(target)  # type: ignore[arg-type]
            if path.exists() and not overwrite:
                raise SessionError(f"{describe(path)} already exists; choose another name.")
            if not path.parent.is_dir():
                raise SessionError(
                    f"Cannot save to {describe(path)}: the folder {describe(path.parent)} does not exist."
                )
            tmp = temp_sibling(path)
            remove_quietly(tmp)
            engine = file_engine(tmp, "rwc")
            try:
                cls._write_new(engine, match, seats, scenario_json)
                release(engine)
                replace_durably(tmp, path)
            except (OSError, SessionError) as exc:
                engine.dispose()
                for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
                    remove_quietly(leftover)
                detail = (
                    exc.message if isinstance(exc, SessionError) else (exc.strerror or str(exc))
                )
                raise SessionError(f"Could not create {describe(path)}: {detail}") from None
            store = cls(file_engine(path, "rw", live=True), path)
        match.recorder = store
        return store

    @staticmethod
    def _write_new(
        engine: Engine, match: Match, seats: list[codec.SeatInfo], scenario_json: str
    ) -> None:
        try:
            with engine.begin() as conn:
                Base.metadata.create_all(conn, tables=TABLES)
                if conn.dialect.name == "sqlite":
                    conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
                    conn.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
                with Session(bind=conn) as s:
                    records.write_new_session(s, match, seats, scenario_json)
                    s.flush()
        except SQLAlchemyError as exc:
            raise SessionError(f"{_detail(exc)}.") from None

    @classmethod
    def open(cls, target: Target, *, readonly: bool = False) -> SessionStore:
        """Open a saved session after checking it; an older format is upgraded (backup kept).

        With readonly=True the file is not written (an older format is upgraded in memory
        only); the one exception is rolling back a transaction a crash cut off, which SQLite
        must do before anyone can read the file. Raises SessionError, leaving the file
        untouched, for anything that is not a healthy session of a format this version knows.
        """
        if is_url(target):
            return cls._open_url(target, readonly)  # type: ignore[arg-type]
        path = Path(target)  # type: ignore[arg-type]
        version = check_session_file(path, readonly=readonly)
        if not readonly and not os.access(path, os.W_OK):
            raise SessionError(
                f"{describe(path)} is read-only; open it read-only or save a copy elsewhere."
            )
        if version == SCHEMA_VERSION:
            return cls(
                file_engine(path, "ro") if readonly else file_engine(path, "rw", live=True),
                path,
                readonly=readonly,
            )
        if readonly:
            return cls(
                memory_engine(upgraded_copy(path, version)),
                path,
                readonly=True,
                upgraded_from=version,
            )
        backup = upgrade_file(path, version)
        return cls(
            file_engine(path, "rw", live=True), path, upgraded_from=version, backup_path=backup
        )

    @classmethod
    def _open_url(cls, url: str | URL, readonly: bool) -> SessionStore:
        store = cls(url_engine(url), None, readonly=readonly)
        try:
            with Session(store.engine) as s:
                version = int(s.get(MetaRow, "schema_version").value)  # type: ignore[union-attr]
        except (SQLAlchemyError, AttributeError, ValueError):
            store.close()
            raise SessionError(f"{store.name} does not hold a Crisis Wargame session.") from None
        if version != SCHEMA_VERSION:
            store.close()
            raise SessionError(
                f"{store.name} holds format {version}; this version reads only format {SCHEMA_VERSION} "
                "from a database URL (open a file to upgrade it)."
            )
        return store

    def close(self) -> None:
        if self.readonly:
            self.engine.dispose()  # never write, not even a journal mode
        else:
            release(self.engine)

    def __enter__(self) -> SessionStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reading --------------------------------------------------------------------------------

    def load(self) -> SessionLog:
        """The whole log, decoded (one consistent read)."""
        try:
            with self._read() as s:
                return records.read_log(s)
        except CodecError as exc:
            raise SessionError(f"{self.name} is damaged: {exc}.") from None

    def summary(self) -> SessionSummary:
        with self._read() as s:
            row = s.exec(select(SessionRow)).one_or_none()
            if row is None:
                raise SessionError(f"{self.name} is damaged: the session record is missing.")
            return SessionSummary(
                row.scenario_id,
                row.scenario_title,
                row.turns_played,
                row.turns_total,
                row.finished,
                row.created,
                row.updated,
            )

    def verify(self) -> list[TurnCheck]:
        """Replay the log from the stored scenario; one check per saved turn."""
        return check_log(self.load())[0]

    def resume(self) -> Match:
        """The match as last saved, replayed and checked, with this store as its recorder."""
        log = self.load()
        checks, replayed = check_log(log)
        bad = next((c for c in checks if not c.ok), None)
        if bad is not None:
            raise SessionError(
                f"{self.name} cannot be continued: turn {bad.turn} does not replay to the saved state "
                f"({bad.problem}). It may have been saved by a version with different rules; "
                "'wargame verify' shows every turn."
            )
        try:
            match = rebuild_match(log, replayed)
        except (CodecError, ValueError) as exc:
            raise SessionError(f"{self.name} cannot be continued: {exc}.") from None
        if not self.readonly:
            match.recorder = self
        return match

    # --- recording (the match's Recorder protocol) ---------------------------------------------

    def orders_submitted(self, match: Match, seat: str, orders: tuple[Order, ...]) -> None:
        with self._write(f"the orders of {seat}") as s:
            records.write_submission(s, match.state.turn, seat, orders)

    def turn_resolved(self, match: Match, record: TurnRecord) -> None:
        with self._write(f"turn {record.turn}") as s:
            records.write_turn(s, match.scenario, record)

    # --- copies ---------------------------------------------------------------------------------

    def save_as(
        self, dest: str | os.PathLike[str], *, match: Match | None = None, overwrite: bool = False
    ) -> SessionStore:
        """Copy the session, as committed, to a new file and return a store on the copy.

        Uses SQLite's backup API, so it is safe while this store is in use. Pass the match to
        move its recording to the copy (what "Save as" means in an editor); this store is then
        closed.
        """
        from .sqlitefile import backup_into

        dest_path = Path(dest)
        if self.path is not None and dest_path.resolve() == self.path.resolve():
            raise SessionError(f"{describe(dest_path)} is the session's own file.")
        if self.engine.dialect.name != "sqlite":
            raise SessionError(
                f"{self.name} is not an SQLite database and cannot be copied to a file."
            )
        with self.engine.connect() as conn:
            raw = conn.connection.driver_connection
            backup_into(raw, dest_path, overwrite=overwrite)  # type: ignore[arg-type]
        copy = SessionStore.open(dest_path)
        if match is not None:
            match.recorder = copy
            self.close()
        return copy

    # --- transactions ---------------------------------------------------------------------------

    @contextmanager
    def _read(self) -> Iterator[Session]:
        try:
            with Session(self.engine) as s, s.begin():
                yield s
        except SQLAlchemyError as exc:
            raise SessionError(f"{self.name} cannot be read: {_detail(exc)}.") from None

    @contextmanager
    def _write(self, what: str) -> Iterator[Session]:
        if self.readonly:
            raise SessionError(f"{self.name} was opened read-only; {what} cannot be saved.")
        try:
            with Session(self.engine) as s, s.begin():
                yield s
        except (IntegrityError, records.OutOfSequence) as exc:
            # the match in memory is intact: SessionStore.create(new_path, match) saves all of it
            detail = (
                exc if isinstance(exc, records.OutOfSequence) else f"{self.name} already has it"
            )
            raise SessionError(
                f"Could not save {what}: {detail} (is another program playing this session?). "
                "Use 'Save as' to keep the whole session in a new file."
            ) from None
        except SQLAlchemyError as exc:
            raise SessionError(f"Could not save {what} to {self.name}: {_detail(exc)}.") from None


def _detail(exc: SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig or exc).splitlines()[0]
