"""Many sessions in one PostgreSQL database: a catalog, a schema per session, and leases.

A session file holds one session; a PostgreSQL database holds any number. Each session keeps
exactly the tables of a session file (schema.py), created by the same Alembic revisions
(revisions/), in a PostgreSQL schema of its own named after its id (`wargame_<id>`): the store's
engine maps the tables' missing schema to it (SQLAlchemy's schema_translate_map), so the code that
reads and writes a session is the same for both stores. The catalog table `wargame_catalog`, in
the database's default schema, lists the sessions and holds what a standing server needs beside
the game: the class's join codes and token digests, the facilitator's token digest, and the lease
that says which server process runs the session now.

A lease is a row, not a connection: its expiry is the database's clock (`now()`), so processes on
different computers agree. An owner renews its leases every few seconds; a process that dies
stops renewing, and another takes its sessions over once the lease has run out.
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    DateTime,
    Engine,
    MetaData,
    String,
    Table,
    create_engine,
    func,
    insert,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError

from .errors import SessionError
from .schema import TABLES
from .textsafe import plain

ID_PATTERN = re.compile(r"[0-9a-f]{12}")
CATALOG = "wargame_catalog"

catalog_metadata = MetaData()
catalog = Table(
    CATALOG,
    catalog_metadata,
    Column("id", String, primary_key=True),  # 12 hex digits; the schema is wargame_<id>
    Column("scenario_id", String, nullable=False),
    Column("title", String, nullable=False),
    Column("created", DateTime(timezone=True), nullable=False),
    Column("finished", Boolean, nullable=False, default=False),
    Column("keys_json", String),  # a served class's codes and token digests (net/keys.py)
    Column("facilitator_digest", String),  # sha256 of the facilitator's token
    Column("owner", String),  # the server process running it now ("host:pid:nonce")
    Column("lease_until", DateTime(timezone=True)),
)


def is_catalog_url(url: URL) -> bool:
    """Databases that hold many sessions (one schema each): PostgreSQL."""
    return url.get_backend_name() == "postgresql"


def schema_of(session_id: str) -> str:
    return f"wargame_{session_id}"


_engines: dict[URL, Engine] = {}


def _engine(url: URL) -> Engine:
    # one pool per database and process, shared by its sessions; pre_ping: a server restarted
    # (or a failover) costs a reconnection, not an error in the middle of a class
    if url not in _engines:
        # a served class saves from its own thread: the pool keeps a connection for each of
        # the classes a process usually runs, so saves do not open connections
        _engines[url] = create_engine(url, pool_size=20, max_overflow=10, pool_pre_ping=True)
    return _engines[url]


def dispose_engines() -> None:
    """Close every pooled connection of this process (before dropping a test database)."""
    while _engines:
        _engines.popitem()[1].dispose()


def describe_url(url: URL) -> str:
    return f"'{plain(url.render_as_string(hide_password=True))}'"


@dataclass(frozen=True)
class CatalogEntry:
    id: str
    scenario_id: str
    title: str
    created: datetime
    finished: bool
    owner: str | None
    lease_until: datetime | None


class Database:
    """A PostgreSQL database of sessions."""

    def __init__(self, url: URL):
        if url.drivername == "postgresql":  # SQLAlchemy's default driver is psycopg2; ours is 3
            url = url.set(drivername="postgresql+psycopg")
        self.url = url
        self.name = describe_url(url)
        self.engine = _engine(url)
        self._ready = False

    # --- the catalog ----------------------------------------------------------------------------

    def ensure_catalog(self) -> None:
        if self._ready:
            return
        try:
            with self.engine.begin() as conn:
                # one process creates it; others wait on the lock, then find it made
                conn.execute(text("SELECT pg_advisory_xact_lock(4242001)"))
                catalog_metadata.create_all(conn, checkfirst=True)
        except SQLAlchemyError as exc:
            raise SessionError(f"Cannot use the database {self.name}: {_detail(exc)}.") from None
        self._ready = True

    def sessions(self) -> list[CatalogEntry]:
        self.ensure_catalog()
        with self._reading() as conn:
            rows = conn.execute(select(catalog).order_by(catalog.c.created, catalog.c.id))
            return [_entry(r) for r in rows]

    def entry(self, session_id: str) -> CatalogEntry:
        if not ID_PATTERN.fullmatch(session_id):
            raise SessionError(
                f"{plain(session_id)!r} is not a session id (12 hex digits, as 'wargame play "
                "--db' printed it)."
            )
        self.ensure_catalog()
        with self._reading() as conn:
            row = conn.execute(select(catalog).where(catalog.c.id == session_id)).one_or_none()
        if row is None:
            raise SessionError(f"{self.name} holds no session {session_id}.")
        return _entry(row)

    def latest(self) -> str:
        self.ensure_catalog()
        with self._reading() as conn:
            row = conn.execute(
                select(catalog.c.id).order_by(catalog.c.created.desc(), catalog.c.id.desc())
            ).first()
        if row is None:
            raise SessionError(f"{self.name} holds no session yet.")
        return row[0]

    def choose(self, session_id: str | None) -> str:
        """The session named, or the only one; SessionError saying what to give otherwise."""
        if session_id is not None:
            return self.entry(session_id).id
        found = self.sessions()
        if len(found) == 1:
            return found[0].id
        if not found:
            raise SessionError(f"{self.name} holds no session yet.")
        raise SessionError(
            f"{self.name} holds {len(found)} sessions: give a session id or --latest "
            f"(the newest is {found[-1].id})."
        )

    # --- one session's tables ---------------------------------------------------------------------

    def session_engine(self, session_id: str) -> Engine:
        """An engine whose tables are the session's (its schema in place of none)."""
        return self.engine.execution_options(schema_translate_map={None: schema_of(session_id)})

    def create_session(
        self,
        scenario_id: str,
        title: str,
        write: Callable[[Connection], None],
        *,
        facilitator_digest: str | None = None,
    ) -> str:
        """A new session: its schema, tables (Alembic) and first rows (`write`), and its catalog
        row, in one transaction: it appears whole or not at all. Returns its id."""
        from . import revisions  # alembic loads only when it is needed

        self.ensure_catalog()
        session_id = secrets.token_hex(6)
        schema = schema_of(session_id)
        try:
            with self.engine.connect() as conn, conn.begin():
                conn.execute(
                    insert(catalog).values(
                        id=session_id,
                        scenario_id=scenario_id,
                        title=title,
                        created=func.now(),
                        finished=False,
                        facilitator_digest=facilitator_digest,
                    )
                )
                conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
                # from here on, tables without a schema are the session's
                conn.execution_options(schema_translate_map={None: schema})
                revisions.upgrade(conn, version_schema=schema, start_format=None)
                write(conn)
        except SQLAlchemyError as exc:
            raise SessionError(
                f"Could not create a session in {self.name}: {_detail(exc)}."
            ) from None
        return session_id

    def check_tables(self, session_id: str) -> int:
        """SessionError unless the session's schema holds exactly a session's tables and
        columns; returns the format its Alembic revision records."""
        from . import revisions

        schema = schema_of(session_id)
        with self.engine.connect() as conn:
            found = inspect(conn)
            names = set(found.get_table_names(schema=schema)) - {revisions.VERSION_TABLE}
            expected = {t.name: {c.name for c in t.columns} for t in TABLES}
            actual = {t: {c["name"] for c in found.get_columns(t, schema=schema)} for t in names}
            if actual != expected:
                raise SessionError(
                    f"{self.name} session {session_id} does not hold exactly the tables of a "
                    "Crisis Wargame session."
                )
            version = revisions.current_format(conn, schema)
        if version is None or version < 0:
            raise SessionError(
                f"{self.name} session {session_id} records no format this version knows."
            )
        return version

    def upgrade_session(self, session_id: str) -> int:
        """Run the Alembic revisions the session has not had yet, in one transaction
        (`wargame serve --db URL --upgrade`); returns the format reached."""
        from . import revisions

        schema = schema_of(session_id)
        try:
            with self.engine.connect() as conn, conn.begin():
                conn.execution_options(schema_translate_map={None: schema})
                start = revisions.current_format(conn, schema)
                return revisions.upgrade(conn, version_schema=schema, start_format=start)
        except SQLAlchemyError as exc:
            raise SessionError(
                f"{self.name} session {session_id} could not be upgraded: {_detail(exc)}."
            ) from None

    def set_finished(self, session_id: str, finished: bool) -> None:
        self._update(session_id, finished=finished)

    # --- a served class's keys and the facilitator's token ---------------------------------------

    def load_keys(self, session_id: str) -> dict | None:
        with self._reading() as conn:
            value = conn.execute(
                select(catalog.c.keys_json).where(catalog.c.id == session_id)
            ).scalar_one_or_none()
        return None if value is None else json.loads(value)

    def save_keys(self, session_id: str, keys: dict) -> None:
        self._update(session_id, keys_json=json.dumps(keys, sort_keys=True))

    def facilitator_digest(self, session_id: str) -> str | None:
        with self._reading() as conn:
            return conn.execute(
                select(catalog.c.facilitator_digest).where(catalog.c.id == session_id)
            ).scalar_one_or_none()

    # --- leases ---------------------------------------------------------------------------------

    def claim(self, session_id: str, owner: str, seconds: float) -> bool:
        """Take the session's lease if it is free, expired or already ours."""
        stmt = (
            update(catalog)
            .where(
                catalog.c.id == session_id,
                (catalog.c.owner.is_(None))
                | (catalog.c.owner == owner)
                | (catalog.c.lease_until < func.now()),
            )
            .values(owner=owner, lease_until=_after(seconds))
            .returning(catalog.c.id)
        )
        with self.engine.begin() as conn:
            return conn.execute(stmt).first() is not None

    def renew(self, owner: str, seconds: float) -> set[str]:
        """Extend every lease this owner still holds; returns their session ids. A lease that
        ran out but was not claimed by another process is still this owner's (a claim changes
        the owner); one taken over after a pause longer than its expiry is not among them."""
        stmt = (
            update(catalog)
            .where(catalog.c.owner == owner)
            .values(lease_until=_after(seconds))
            .returning(catalog.c.id)
        )
        with self.engine.begin() as conn:
            return {r[0] for r in conn.execute(stmt)}

    def release(self, session_id: str, owner: str) -> None:
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    update(catalog)
                    .where(catalog.c.id == session_id, catalog.c.owner == owner)
                    .values(owner=None, lease_until=None)
                )
        except SQLAlchemyError as exc:
            raise SessionError(
                f"Could not give up the lease in {self.name}: {_detail(exc)}."
            ) from None

    def held_by(self, session_id: str) -> str | None:
        """The server process whose lease on the session is still running, if any."""
        with self._reading() as conn:
            return conn.execute(
                select(catalog.c.owner).where(
                    catalog.c.id == session_id, catalog.c.lease_until > func.now()
                )
            ).scalar_one_or_none()

    def claimable(self) -> list[str]:
        """Unfinished sessions whose lease is free or has run out, oldest first."""
        with self._reading() as conn:
            rows = conn.execute(
                select(catalog.c.id)
                .where(
                    catalog.c.finished.is_(False),
                    catalog.c.keys_json.is_not(None),  # sessions a server has served
                    (catalog.c.owner.is_(None)) | (catalog.c.lease_until < func.now()),
                )
                .order_by(catalog.c.created)
            )
            return [r[0] for r in rows]

    # --- helpers --------------------------------------------------------------------------------

    def _update(self, session_id: str, **values: object) -> None:
        try:
            with self.engine.begin() as conn:
                conn.execute(update(catalog).where(catalog.c.id == session_id).values(**values))
        except SQLAlchemyError as exc:
            raise SessionError(f"Could not update {self.name}: {_detail(exc)}.") from None

    def _reading(self):  # noqa: ANN202 - a connection context
        return self.engine.connect()


def _after(seconds: float):  # noqa: ANN202 - an SQL expression
    return func.now() + text(f"interval '{float(seconds)} seconds'")


def _entry(row) -> CatalogEntry:  # noqa: ANN001
    return CatalogEntry(
        row.id,
        plain(row.scenario_id),
        plain(row.title),
        row.created,
        bool(row.finished),
        row.owner,
        row.lease_until,
    )


def _detail(exc: SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None)
    text_ = str(orig if orig is not None else exc).strip().splitlines()
    return plain(text_[0]) if text_ else type(exc).__name__
