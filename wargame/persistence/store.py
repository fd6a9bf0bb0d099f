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
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect
from sqlalchemy.engine import URL
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlmodel import Session, select

from ..edition import RULES_EDITION
from ..facilitator import Applied
from ..match import Match, TurnRecord
from ..orders import Order
from . import codec, records
from .check import Proof, check_log, rebuild_match, rederive
from .codec import CodecError, PlayerFactory
from .database import Database, describe_url, is_catalog_url
from .engines import file_engine, is_url, make_live, memory_engine, release, url_engine
from .errors import SessionError
from .guard import describe_sqlite_error
from .lock import SessionLock, remove_stale_locks
from .opening import check_session_file, upgrade_file, upgrade_in_memory, upgraded_copy
from .records import SessionLog
from .schema import APPLICATION_ID, SCHEMA_VERSION, TABLES, MetaRow, SessionRow
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
SINGLE_SESSION = "1"  # the id of the one session in a session file or SQLite database
# bench/load_bench.py sets it in the servers it starts: each autosave's duration is appended
# to this file ("submission|turn|intervention SECONDS"), to report the autosave p95
SAVE_TIMINGS = os.environ.get("WARGAME_SAVE_TIMINGS")


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
        database: Database | None = None,
        session_id: str | None = None,
    ):
        self.engine = engine
        self.database = database  # a PostgreSQL database of sessions (database.py), or None
        self.session_id = session_id  # the session's id in that database
        self.path = path  # None for a database given by URL
        self.readonly = readonly
        self.upgraded_from = upgraded_from  # the old format version, when opening upgraded the file
        self.backup_path = backup_path  # the copy of the file kept before upgrading it
        self._lock = lock  # held while open for writing
        self._live = False  # switched to WAL by the first write
        # checked at the start of every write's transaction (the lease of a served class, see
        # wargame/net/serving.py): raises SessionError to refuse the write
        self.fence: Callable[[Connection], None] | None = None

    @property
    def name(self) -> str:
        if self.path:
            return describe(self.path)
        url = f"'{plain(self.engine.url.render_as_string(hide_password=True))}'"
        return f"{url} session {self.session_id}" if self.session_id else url

    # --- creating and opening ---------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        target: Target,
        match: Match,
        *,
        overwrite: bool = False,
        player_factory: PlayerFactory | None = None,
        facilitator_digest: str | None = None,
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
        if is_url(target) and is_catalog_url(target):  # type: ignore[arg-type]
            store = cls._create_in_database(
                Database(target),  # type: ignore[arg-type]
                match,
                seats,
                scenario_json,
                facilitator_digest,
            )
        elif is_url(target):
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
    def _create_in_database(
        cls,
        db: Database,
        match: Match,
        seats: list[codec.SeatInfo],
        scenario_json: str,
        facilitator_digest: str | None,
    ) -> SessionStore:
        def write(conn: Connection) -> None:
            with Session(bind=conn) as s:
                records.write_new_session(s, match, seats, scenario_json)
                s.flush()

        session_id = db.create_session(
            match.scenario.id, match.scenario.title, write, facilitator_digest=facilitator_digest
        )
        store = cls(db.session_engine(session_id), None, database=db, session_id=session_id)
        store._live = True
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
                # the same Alembic revisions as a PostgreSQL session; shape.py checks the result
                from . import revisions  # alembic loads only when a session is created

                revisions.upgrade(conn, version_schema="temp", start_format=None)
                if conn.dialect.name == "sqlite":
                    conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
                    conn.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
                with Session(bind=conn) as s:
                    records.write_new_session(s, match, seats, scenario_json)
                    s.flush()
        except SQLAlchemyError as exc:
            raise SessionError(f"{_detail(exc)}.") from None

    @classmethod
    def open(
        cls,
        target: Target,
        *,
        readonly: bool = False,
        session: str | None = None,
        lease_owner: str | None = None,
    ) -> SessionStore:
        """Open a saved session after checking it; an older format is upgraded (backup kept).

        With readonly=True nothing is written: not the file, not its side files (a file that
        needs recovery, or is in an older format, is read from an in-memory copy). Otherwise
        the file is locked for this store until `close`. Raises SessionError, leaving the file
        untouched, for anything that is not a healthy session of a format this version knows.
        """
        if is_url(target) and is_catalog_url(target):  # type: ignore[arg-type]
            return cls._open_in_database(Database(target), session, readonly, lease_owner)  # type: ignore[arg-type]
        if is_url(target):
            if session not in (None, SINGLE_SESSION):
                raise SessionError(
                    f"{describe_url(target)} holds one session (id {SINGLE_SESSION}), "  # type: ignore[arg-type]
                    f"not {plain(session)!r}."
                )
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

    @classmethod
    def _open_in_database(
        cls, db: Database, session: str | None, readonly: bool, lease_owner: str | None = None
    ) -> SessionStore:
        session_id = db.choose(session)
        version = db.check_tables(session_id)
        holder = None if readonly else db.held_by(session_id)
        if holder is not None and holder != lease_owner:  # one program plays it at a time
            raise SessionError(
                f"{db.name} session {session_id} is being played: the server process {holder} "
                "runs it. Reading it (verify, export) is still allowed."
            )
        store = cls(
            db.session_engine(session_id),
            None,
            readonly=readonly,
            database=db,
            session_id=session_id,
        )
        if version != SCHEMA_VERSION:
            raise SessionError(
                f"{store.name} holds format {version}; this version reads format {SCHEMA_VERSION} "
                "('wargame serve --db URL --upgrade' brings a database's sessions up to date)."
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
        if self.database is not None:
            return  # the database's pool is shared by its sessions (database.py)
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
        log = self.load()
        self._same_rules(log, "checked")
        return rederive(log, player_factory)

    def _same_rules(self, log: SessionLog, doing: str) -> None:
        """A session played under other rules cannot replay here: say so, not 'mismatch'."""
        if log.rules_edition is not None and log.rules_edition != RULES_EDITION:
            saved_by = log.meta.get("app_version", "an older version")
            raise SessionError(
                f"{self.name} was played under edition {log.rules_edition} of the rules "
                f"(saved by version {saved_by}); this version plays edition {RULES_EDITION}, "
                f"so the session cannot be {doing} here. Its record is intact: 'wargame export' "
                "and 'wargame report' still read it; the version that saved it can verify it."
            )

    def resume(self, player_factory: PlayerFactory) -> Match:
        """The match as last saved, replayed and checked, with this store as its recorder.

        `player_factory(kind, doctrine)` builds the computer players (`wargame.ai.make_player`).
        """
        log = self.load()
        self._same_rules(log, "continued")
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
        started = time.perf_counter()
        with self._write(f"the orders of {seat}") as s:
            records.write_submission(s, match.state.turn, seat, orders)
        _timed("submission", started)

    def turn_resolved(self, match: Match, record: TurnRecord) -> None:
        started = time.perf_counter()
        with self._write(f"turn {record.turn}") as s:
            records.write_turn(s, match.scenario, record)
        _timed("turn", started)

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

    def copy_to(self, target: Target, *, overwrite: bool = False) -> str:
        """Copy the session, row for row, into a new session file or database session (the
        debrief of a class played on a server, on a laptop; or a file brought to a server).
        Returns where it went, in words. The source is only read; the copy appears whole or not
        at all. `wargame verify` on the copy proves it is the same game."""
        rows = self._all_rows()
        scenario_id, title = rows["session"][0]["scenario_id"], rows["session"][0]["scenario_title"]

        def write(conn: Connection) -> None:
            for table in TABLES:
                if rows[table.name]:
                    conn.execute(table.insert(), rows[table.name])

        if is_url(target) and is_catalog_url(target):  # type: ignore[arg-type]
            db = Database(target)  # type: ignore[arg-type]
            session_id = db.create_session(scenario_id, title, write)
            finished = bool(rows["session"][0]["finished"])
            if finished:
                db.set_finished(session_id, True)
            return f"{db.name} session {session_id}"
        if is_url(target):
            engine = url_engine(target)  # type: ignore[arg-type]
            try:
                if inspect(engine).has_table("meta"):
                    raise SessionError(f"{describe_url(target)} already holds a session.")  # type: ignore[arg-type]
                self._write_tables(engine, write)
            finally:
                engine.dispose()
            return describe_url(target)  # type: ignore[arg-type]
        path = Path(target)  # type: ignore[arg-type]
        if not path.parent.is_dir():
            raise SessionError(f"Cannot write {describe(path)}: its folder does not exist.")
        if path.exists() and not overwrite:
            raise SessionError(f"{describe(path)} already exists; choose another name.")
        lock = SessionLock.acquire(path, describe(path))  # nobody plays what we replace
        try:
            tmp = temp_sibling(path)
            remove_quietly(tmp)
            engine = file_engine(tmp, "rwc")
            try:
                self._write_tables(engine, write)
                release(engine)
                remove_side_files(path)
                replace_durably(tmp, path)
            except (OSError, SessionError) as exc:
                engine.dispose()
                remove_quietly(tmp)
                detail = exc.message if isinstance(exc, SessionError) else str(exc)
                raise SessionError(f"Could not write {describe(path)}: {detail}") from None
        finally:
            lock.release()
        return describe(path)

    def _all_rows(self) -> dict[str, list[dict]]:
        try:
            with self.engine.connect() as conn, conn.begin():  # one consistent read
                return {
                    t.name: [dict(r) for r in conn.execute(t.select()).mappings()] for t in TABLES
                }
        except SQLAlchemyError as exc:
            raise SessionError(f"{self.name} cannot be read: {_detail(exc)}.") from None

    @staticmethod
    def _write_tables(engine: Engine, write) -> None:  # noqa: ANN001 - fn(Connection)
        try:
            with engine.begin() as conn:
                from . import revisions

                revisions.upgrade(conn, version_schema="temp", start_format=None)
                if conn.dialect.name == "sqlite":
                    conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
                    conn.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
                write(conn)
        except SQLAlchemyError as exc:
            raise SessionError(f"{_detail(exc)}.") from None

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
                if self.fence is not None:
                    self.fence(s.connection())
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


def _timed(what: str, started: float) -> None:
    if SAVE_TIMINGS:
        seconds = time.perf_counter() - started
        with open(SAVE_TIMINGS, "a", encoding="utf-8") as out:
            out.write(f"{what} {seconds:.6f}\n")


def tidy(folder: Path) -> None:
    """Remove what killed programs of ours left in a folder we are about to write in:
    half-written temporaries and lock files nobody holds."""
    remove_orphaned_temporaries(folder)
    remove_stale_locks(folder)


def _detail(exc: SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None)
    return describe_sqlite_error(orig) if orig is not None else str(exc).splitlines()[0]
