"""The session tables' migrations, with Alembic, from format 3 on (both stores).

Formats 1 and 2 exist only as SQLite files and are upgraded by `migrations.py`, after the file
has passed every check for untrusted files. From format 3 on, every change to the tables is an
Alembic revision in `versions/`, and each store records where it stands:

- a PostgreSQL session (its own schema, see `database.py`) keeps Alembic's `alembic_version`
  table in that schema;
- a session file keeps its format in `PRAGMA user_version` and the `meta` row, as before: its
  schema must stay exactly one the program writes (`shape.py`), so Alembic's version table lives
  in the connection's TEMP schema, stamped from the checked format before the revisions run.

`REVISION_OF_FORMAT` ties the two: each format number is one Alembic revision.
"""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config
from alembic.runtime.environment import EnvironmentContext
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

HERE = Path(__file__).resolve().parent
REVISION_OF_FORMAT = {3: "format3"}
FORMAT_OF_REVISION = {rev: fmt for fmt, rev in REVISION_OF_FORMAT.items()}
VERSION_TABLE = "alembic_version"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(HERE))
    return config


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())


def head_format() -> int:
    return FORMAT_OF_REVISION[script_directory().get_current_head()]  # type: ignore[index]


def upgrade(conn: Connection, *, version_schema: str | None, start_format: int | None) -> int:
    """Run every revision after `start_format` (None: an empty schema, from the beginning) on
    `conn`, inside the caller's transaction; returns the format reached.

    The tables land where `conn` puts tables without a schema (a PostgreSQL connection with a
    schema_translate_map, or the SQLite file itself). `version_schema` is where Alembic's own
    table lives: the session's schema, or "temp" for a session file.
    """
    config = _config()
    script = ScriptDirectory.from_config(config)
    # where the store says it stands (its own record), not what Alembic reads back: SQLite's
    # TEMP schema is invisible to the inspector Alembic asks
    start = REVISION_OF_FORMAT[start_format] if start_format is not None else None

    def steps(_rev, _context):  # noqa: ANN001, ANN202 - alembic's callback
        return script._upgrade_revs("head", start)

    with EnvironmentContext(config, script, fn=steps) as env:
        env.configure(
            connection=conn,
            version_table=VERSION_TABLE,
            version_table_schema=version_schema,
            transactional_ddl=True,
        )
        if start is not None and version_schema == "temp":
            env.get_context().stamp(script, start)  # a session file: its checked format
        env.run_migrations()
    return head_format()


def current_format(conn: Connection, version_schema: str) -> int | None:
    """The format recorded in a PostgreSQL session's schema (None: no revision recorded)."""
    context = MigrationContext.configure(
        conn, opts={"version_table": VERSION_TABLE, "version_table_schema": version_schema}
    )
    revision = context.get_current_revision()
    return None if revision is None else FORMAT_OF_REVISION.get(revision, -1)
