"""`SessionStore`: one open session file, and the match's autosave.

The store is the match's Recorder: each submitted order set and each resolved turn is committed
in its own transaction before the call returns, so there is no "save" step to forget. Typical use:

    store = SessionStore.create("crisis.wargame", match)   # now records every move of `match`
    ...
    store = SessionStore.open("crisis.wargame")            # checks, upgrades an old format
    match = store.resume(make_player)                      # replayed, hashes checked, recording

A session file is untrusted input (see opening.py and guard.py). A store opened for writing
holds the file's lock (lock.py) until it is closed: one program at a time plays a session. The
store never builds computer players itself: `resume` and `verify` take a player factory
(`wargame.ai.make_player`), so persistence does not depend on the players.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, inspect
from sqlalchemy.engine import URL
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlmodel import Session, select

from ..facilitator import Applied
from ..match import Match, TurnRecord
from ..orders import Order
from . import codec, records
from .check import Proof, check_log, rebuild_match, rederive
from .codec import CodecError, PlayerFactory
from .engines import file_engine, is_url, make_live, memory_engine, release, url_engine
from .errors import SessionError
from .guard import describe_sqlite_error
from .lock import SessionLock, remove_stale_locks
from .opening import check_session_file, upgrade_file, upgrade_in_memory, upgraded_copy
from .records import SessionLog
from .schema import APPLICATION_ID, SCHEMA_VERSION, TABLES, Base, MetaRow, SessionRow
from .shape import check_shape
from .sqlitefile import (
    describe,
    remove_orphaned_temporaries,
    remove_quietly,
    remove_side_files,
    replace_durably,
    temp_sibling,
)
from .textsafe import plain

Target = str | os.PathLike[str] | URL  # a file name, or an explicit database URL


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
        lock: SessionLock | None = None,
    ):
        self.engine = engine
        self.path = path  # None for a database given by URL
        self.readonly = readonly
        self.upgraded_from = upgraded_from  # the old format version, when opening upgraded the file
        self.backup_path = backup_path  # the copy of the file kept before upgrading it
        self._lock = lock  # held while open for writing
        self._live = False  # switched to WAL by the first write

    @property
    def name(self) -> str:
        if self.path:
            return describe(self.path)
        return f"'{plain(self.engine.url.render_as_string(hide_password=True))}'"

    # --- creating and opening ---------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        target: Target,
        match: Match,
        *,
        overwrite: bool = False,
        player_factory: PlayerFactory | None = None,
    ) -> SessionStore:
        """Write a new session file holding everything `match` has so far, and record into it.

        The file appears complete or not at all (written beside it, then renamed), and is locked
        for this store. The store becomes `match.recorder`. With `player_factory`, each computer
        player is first checked to be rebuildable from what the file keeps.
        """
        try:
            seats = codec.seats_of(match.scenario, match.starting_players, player_factory)
            scenario_json = codec.check_scenario_round_trip(match.scenario)
        except CodecError as exc:
            raise SessionError(f"The session cannot be saved: {exc}.") from None
        if is_url(target):
            store = cls(url_engine(target), None)  # type: ignore[arg-type]
            if inspect(store.engine).has_table("meta"):
                raise SessionError(f"{store.name} already holds a session.")
            store._write_new(store.engine, match, seats, scenario_json)
            store._live = True
        else:
            path = Path(target)  # type: ignore[arg-type]
            if not path.parent.is_dir():
                raise SessionError(
                    f"Cannot save to {describe(path)}: the folder {describe(path.parent)} does not exist."
                )
            tidy(path.parent)
            if path.exists() and not overwrite:
                raise SessionError(f"{describe(path)} already exists; choose another name.")
            lock = SessionLock.acquire(path, describe(path))
            try:
                cls._write_file(path, match, seats, scenario_json)
            except BaseException:
                lock.release()
                raise
            store = cls(file_engine(path, "rw"), path, lock=lock)
        match.recorder = store
        return store

    @classmethod
    def _write_file(
        cls, path: Path, match: Match, seats: list[codec.SeatInfo], scenario_json: str
    ) -> None:
        tmp = temp_sibling(path)
        remove_quietly(tmp)
        engine = file_engine(tmp, "rwc")
        try:
            cls._write_new(engine, match, seats, scenario_json)
            release(engine)
            remove_side_files(path)
            replace_durably(tmp, path)
        except (OSError, SessionError) as exc:
            engine.dispose()
            for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
                remove_quietly(leftover)
            detail = exc.message if isinstance(exc, SessionError) else (exc.strerror or str(exc))
            raise SessionError(f"Could not create {describe(path)}: {detail}") from None

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

        With readonly=True nothing is written: not the file, not its side files (a file that
        needs recovery, or is in an older format, is read from an in-memory copy). Otherwise
        the file is locked for this store until `close`. Raises SessionError, leaving the file
        untouched, for anything that is not a healthy session of a format this version knows.
        """
        if is_url(target):
            return cls._open_url(target, readonly)  # type: ignore[arg-type]
        path = Path(target)  # type: ignore[arg-type]
        if readonly:
            return cls._open_readonly(path)
        if path.parent.is_dir():
            tidy(path.parent)
        if path.is_file() and not os.access(path, os.W_OK):
            raise SessionError(
                f"{describe(path)} is read-only; open it read-only or save a copy elsewhere."
            )
        lock = SessionLock.acquire(path, describe(path)) if path.is_file() else None
        try:
            return cls._open_for_writing(path, lock)
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    @classmethod
    def _open_readonly(cls, path: Path) -> SessionStore:
        checked = check_session_file(path, readonly=True)
        if checked.copy is not None:
            memory = checked.copy
            if checked.version != SCHEMA_VERSION:
                memory = upgrade_in_memory(memory, path, checked.version)
            upgraded = checked.version if checked.version != SCHEMA_VERSION else None
            return cls(memory_engine(memory), path, readonly=True, upgraded_from=upgraded)
        if checked.version == SCHEMA_VERSION:
            return cls(file_engine(path, "ro"), path, readonly=True)
        memory = upgraded_copy(path, checked.version)
        return cls(memory_engine(memory), path, readonly=True, upgraded_from=checked.version)

    @classmethod
    def _open_for_writing(cls, path: Path, lock: SessionLock | None) -> SessionStore:
        version = check_session_file(path).version  # (a missing file stops here, unlocked)
        if version == SCHEMA_VERSION:
            return cls(file_engine(path, "rw"), path, lock=lock)
        # upgrade a copy in memory first: a file that cannot be upgraded and read is left as it
        # was, with no backup made
        trial = cls(
            memory_engine(upgraded_copy(path, version, upgrading=True)), path, readonly=True
        )
        try:
            trial.load()
        except SessionError as exc:
            raise SessionError(f"{exc} It was not upgraded, and was left as it was.") from None
        finally:
            trial.close()
        backup = upgrade_file(path, version)
        return cls(
            file_engine(path, "rw"), path, upgraded_from=version, backup_path=backup, lock=lock
        )

    @classmethod
    def _open_url(cls, url: URL, readonly: bool) -> SessionStore:
        store = cls(url_engine(url), None, readonly=readonly)
        try:
            store._check_url_schema()
            with Session(store.engine) as s:
                version = int(s.get(MetaRow, "schema_version").value)  # type: ignore[union-attr]
        except SessionError:
            store.close()
            raise
        except (SQLAlchemyError, sqlite3.Error, AttributeError, ValueError):
            store.close()
            raise SessionError(f"{store.name} does not hold a Crisis Wargame session.") from None
        if version != SCHEMA_VERSION:
            store.close()
            raise SessionError(
                f"{store.name} holds format {version}; this version reads only format {SCHEMA_VERSION} "
                "from a database URL (open a file to upgrade it)."
            )
        store._live = not readonly
        return store

    def _check_url_schema(self) -> None:
        """The exact schema for SQLite; the right tables and columns for other databases."""
        with self.engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                raw = conn.connection.driver_connection
                check_shape(raw, self.name, SCHEMA_VERSION)  # type: ignore[arg-type]
                return
            found = inspect(conn)
            expected = {t.name: {c.name for c in t.columns} for t in TABLES}
            actual = {t: {c["name"] for c in found.get_columns(t)} for t in found.get_table_names()}
            if actual != expected:
                raise SessionError(
                    f"{self.name} does not hold exactly the tables of a Crisis Wargame session."
                )

    def close(self) -> None:
        try:
            if self.readonly or not self._live:
                self.engine.dispose()  # never written: leave the file exactly as it was
            else:
                release(self.engine)
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

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
        except (MemoryError, RecursionError) as exc:
            raise SessionError(
                f"{self.name} cannot be read: {describe_sqlite_error(exc)}."
            ) from None

    def summary(self) -> SessionSummary:
        with self._read() as s:
            row = s.exec(select(SessionRow)).one_or_none()
            if row is None:
                raise SessionError(f"{self.name} is damaged: the session record is missing.")
            try:
                return SessionSummary(  # names to show in lists: plain text only
                    plain(row.scenario_id),
                    plain(row.scenario_title),
                    int(row.turns_played),
                    int(row.turns_total),
                    bool(row.finished),
                    str(row.created),
                    str(row.updated),
                )
            except (TypeError, ValueError):
                raise SessionError(f"{self.name} is damaged: its summary is not valid.") from None

    def verify(self, player_factory: PlayerFactory) -> Proof:
        """Derive every saved turn again as live play would, computer decisions included, and
        compare with the file; the proof names the first turn and seat that differ."""
        return rederive(self.load(), player_factory)

    def resume(self, player_factory: PlayerFactory) -> Match:
        """The match as last saved, replayed and checked, with this store as its recorder.

        `player_factory(kind, doctrine)` builds the computer players (`wargame.ai.make_player`).
        """
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
            match = rebuild_match(log, replayed, player_factory)
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

    def intervention_made(self, match: Match, applied: Applied) -> None:
        with self._write("the facilitator's intervention") as s:
            records.write_intervention(s, applied)

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
        if dest_path.parent.is_dir():
            tidy(dest_path.parent)
        lock = SessionLock.acquire(dest_path, describe(dest_path))  # nobody plays what we replace
        try:
            with self.engine.connect() as conn:
                raw = conn.connection.driver_connection
                backup_into(raw, dest_path, overwrite=overwrite)  # type: ignore[arg-type]
            copy = SessionStore._open_for_writing(dest_path, lock)
        except BaseException:
            lock.release()
            raise
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
            if not self._live:
                make_live(self.engine)
                self._live = True
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
        except sqlite3.Error as exc:  # switching to WAL for the first write
            raise SessionError(
                f"Could not save {what} to {self.name}: {describe_sqlite_error(exc)}."
            ) from None


def tidy(folder: Path) -> None:
    """Remove what killed programs of ours left in a folder we are about to write in:
    half-written temporaries and lock files nobody holds."""
    remove_orphaned_temporaries(folder)
    remove_stale_locks(folder)


def _detail(exc: SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None)
    return describe_sqlite_error(orig) if orig is not None else str(exc).splitlines()[0]
