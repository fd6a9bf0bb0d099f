"""The exact schema a session file may have, compared before any of its rows is read.

SQLite runs what a database's schema says: a trigger fires on our own INSERT, a view runs its
query when read, an expression index evaluates its expression on every write. A session file
from someone else could carry any of these. So a file is opened only if its `sqlite_master`
(every table, index, view and trigger, with its CREATE statement) is exactly one this program
writes: the tables `schema.py` creates for the current format, the same tables as an upgrade
from an older format leaves them, or an older format's own. Statements are compared token by
token (case, quoting and spacing aside), so a CHECK, a COLLATE, an ON CONFLICT clause, an extra
column or index, WITHOUT ROWID or a trigger all make the file "not ours".
"""

from __future__ import annotations

import functools
import re
import sqlite3

from .errors import SessionError
from .schema import SCHEMA_VERSION

# one schema object: (type, name, table it belongs to, its CREATE statement as tokens)
SchemaObject = tuple[str, str, str, tuple[str, ...]]
Shape = frozenset[SchemaObject]

# a file with more schema objects than this is not ours, whatever they are
MAX_SCHEMA_OBJECTS = 100

_TOKEN = re.compile(
    r"""\s+|--[^\n]*|/\*.*?(?:\*/|$)"""  # space and comments: skipped
    r"""|(?P<quoted>"(?:[^"]|"")*"|`(?:[^`]|``)*`|\[[^\]]*\])"""  # quoted identifiers
    r"""|(?P<string>'(?:[^']|'')*')"""
    r"""|(?P<word>[A-Za-z_][A-Za-z0-9_$]*|[0-9][0-9A-Za-z_.]*)"""
    r"""|(?P<other>.)""",
    re.DOTALL,
)


def tokens(sql: str | None) -> tuple[str, ...]:
    """A CREATE statement as comparable tokens: identifiers unquoted, words lower-cased."""
    if sql is None:  # automatic indexes (PRIMARY KEY, UNIQUE) have no statement
        return ()
    out = []
    for m in _TOKEN.finditer(sql):
        if m.group("quoted"):
            out.append(m.group("quoted")[1:-1].lower())
        elif m.group("string"):
            out.append(m.group("string"))
        elif m.group("word"):
            out.append(m.group("word").lower())
        elif m.group("other"):
            out.append(m.group("other"))
    return tuple(out)


def shape_of(db: sqlite3.Connection) -> Shape:
    rows = db.execute(
        f"SELECT type, name, tbl_name, sql FROM sqlite_master LIMIT {MAX_SCHEMA_OBJECTS + 1}"
    ).fetchall()
    return frozenset(
        (str(kind), str(name).lower(), str(table).lower(), tokens(sql))
        for kind, name, table, sql in rows
    )


@functools.cache
def known_shapes() -> dict[int, tuple[Shape, ...]]:
    """Every schema a file of each format may have, built the way the program builds them."""
    from . import migrations
    from .guard import connect_memory

    def built(*steps) -> Shape:
        db = connect_memory()
        try:
            for step in steps:
                step(db)
            return shape_of(db)
        finally:
            db.close()

    def script(text: str):  # noqa: ANN202 - a step that runs one format's DDL
        return lambda db: migrations.run_script(db, text)

    v1 = script(migrations.V1_TABLES)
    v2_created = script(migrations.V2_CREATED)
    v2_upgraded = (v1, script(migrations.V2_TABLES), migrations.replace_v1_tables)
    v3_step = migrations.upgrade_2_to_3
    return {
        1: (built(v1),),
        2: (built(v2_created), built(*v2_upgraded)),
        SCHEMA_VERSION: (
            built(_create_current),
            built(v2_created, v3_step),
            built(*v2_upgraded, v3_step),
        ),
    }


def _create_current(db: sqlite3.Connection) -> None:
    from .engines import memory_engine
    from .schema import TABLES, Base

    engine = memory_engine(db)
    with engine.begin() as conn:
        Base.metadata.create_all(conn, tables=TABLES)


def check_shape(db: sqlite3.Connection, name: str, version: int) -> None:
    """SessionError unless the schema is exactly one that format `version` may have."""
    actual = shape_of(db)
    candidates = known_shapes().get(version, ())
    if actual in candidates:
        return
    if len(actual) > MAX_SCHEMA_OBJECTS:
        detail = "far more tables and other objects than a session has"
    elif not candidates:
        detail = f"format {version} is not one this version knows"
    else:
        detail = _difference(actual, min(candidates, key=lambda c: len(actual ^ c)))
    raise SessionError(
        f"{name} is damaged or was changed by another program: {detail}. "
        "It was not opened, and was left untouched."
    )


def _difference(actual: Shape, expected: Shape) -> str:
    from .textsafe import plain

    kinds = {"table": "a table", "index": "an index", "view": "a view", "trigger": "a trigger"}
    expected_names = {(kind, name) for kind, name, _, _ in expected}
    # what SQLite would run first: triggers and views, then tables and indexes
    order = {"trigger": 0, "view": 1}
    for kind, name, _, _ in sorted(actual - expected, key=lambda o: (order.get(o[0], 2), o)):
        shown = plain(name)[:60]
        if (kind, name) in expected_names:
            return f"its {kind} '{shown}' is not defined as Crisis Wargame defines it"
        return f"it holds {kinds.get(kind, kind)} '{shown}', which Crisis Wargame never creates"
    kind, name, _, _ = min(expected - actual)
    return f"{kinds.get(kind, kind)} '{name}' is missing"
