"""Hostile session files, built by the tests: what an attacker or a broken tool could hand over.

`build_kit` makes a few genuine sessions once (a finished one, an unfinished one, copies of a
session killed with committed turns in its WAL or mid-transaction with a hot journal). Each
entry of HOSTILE then builds one hostile file from them in an empty folder and says what must
happen: every command refuses it with one clear message containing `expect` (exit 2), or opens
it safely (`verify` exits `verify_exit`). Either way the folder is left byte for byte as it was.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from wargame.match import Match
from wargame.persistence import SessionStore
from wargame.scenario.library import find_scenario

from ..helpers import write_v1_session

SIDES = ("-journal", "-wal", "-shm")


@dataclass(frozen=True)
class Kit:
    good: Path  # the tutorial played to the end (seed 11), all seats computer
    other: Path  # another session: two turns of the tutorial (seed 12)
    crashed: Path  # `other` killed after saving turn 3: turn 3 only in its -wal
    hot: Path  # `other` killed mid-commit: a hot -journal beside it
    later: Path  # a session settled at turn 4 ...
    older_wal: Path  # ... and the -wal it had at turn 3
    v1: Path  # a format-1 file (three turns)


def copy_with_sides(src: Path, dest: Path) -> None:
    for suffix in ("", *SIDES):
        side = src.with_name(src.name + suffix)
        if side.exists():
            shutil.copyfile(side, dest.with_name(dest.name + suffix))


def _play(path: Path, seed: int, turns: int | None) -> None:
    scenario = find_scenario("tutorial_strait")
    match = Match(scenario, seed, scenario.state_ids)
    with SessionStore.create(path, match):
        if turns is None:
            match.play_out()
        for _ in range(turns or 0):
            match.resolve_turn()


def _killed_with_wal(src: Path, dest: Path) -> Path | None:
    """Copy `src` as a process killed after committing one more turn would leave it; returns
    the live -wal's copy."""
    from wargame.ai import make_player

    store = SessionStore.open(src)
    store.resume(make_player).resolve_turn()  # committed: in the -wal, store still open
    copy_with_sides(src, dest)
    store.close()
    dest.with_name(dest.name + "-shm").unlink(missing_ok=True)  # a new process rebuilds it
    wal = dest.with_name(dest.name + "-wal")
    assert wal.stat().st_size > 0
    return wal


def build_kit(folder: Path) -> Kit:
    folder.mkdir(parents=True, exist_ok=True)
    good, other = folder / "good.wargame", folder / "other.wargame"
    _play(good, 11, None)
    _play(other, 12, 2)

    crashed = folder / "crashed.wargame"
    scratch = folder / "scratch.wargame"
    shutil.copyfile(other, scratch)
    _killed_with_wal(scratch, crashed)
    scratch.unlink()

    hot = folder / "hot.wargame"
    shutil.copyfile(other, scratch)
    db = sqlite3.connect(scratch, isolation_level=None)
    db.execute("PRAGMA cache_size=1")  # pages spill into the file before the commit
    db.execute("BEGIN")
    db.executemany(
        "INSERT INTO event VALUES (99, ?, 'Junk', ?)", [(i, "x" * 900) for i in range(300)]
    )
    copy_with_sides(scratch, hot)  # as the kill found it: file half-written, journal hot
    db.execute("ROLLBACK")
    db.close()
    scratch.unlink()

    later = folder / "later.wargame"
    shutil.copyfile(other, later)
    older_wal = folder / "older.wal"
    shutil.copyfile(_killed_with_wal(later, folder / "at-turn-3.wargame"), older_wal)
    from wargame.ai import make_player

    with SessionStore.open(later) as store:  # now settled at turn 4
        store.resume(make_player).resolve_turn()

    v1 = folder / "v1.wargame"
    scenario = find_scenario("tutorial_strait")
    match = Match(scenario, 21, scenario.state_ids)
    for _ in range(3):
        match.resolve_turn()
    write_v1_session(v1, match)
    return Kit(good, other, crashed, hot, later, older_wal, v1)


# --- the hostile files ------------------------------------------------------------------------------


def _altered(sql: str) -> Callable[[Path, Kit], Path]:
    """The good session with some SQL run on it, as any SQLite tool could."""

    def build(folder: Path, kit: Kit) -> Path:
        path = folder / "session.wargame"
        shutil.copyfile(kit.good, path)
        db = sqlite3.connect(path)
        db.executescript(f"BEGIN; {sql} COMMIT;")
        db.close()
        return path

    return build


def _deep(levels: int = 100_000) -> str:
    return "[" * levels + "]" * levels


def _with_deep_json(table: str, column: str, where: str = "1") -> Callable[[Path, Kit], Path]:
    def build(folder: Path, kit: Kit) -> Path:
        path = folder / "session.wargame"
        shutil.copyfile(kit.good, path)
        db = sqlite3.connect(path)
        db.execute(f"UPDATE {table} SET {column} = ? WHERE {where}", (_deep(),))
        db.commit()
        db.close()
        return path

    return build


def _beside_good(side_suffix: str, source: Callable[[Kit], Path]) -> Callable[[Path, Kit], Path]:
    """The good session with a side file from somewhere else put beside it."""

    def build(folder: Path, kit: Kit) -> Path:
        path = folder / "session.wargame"
        shutil.copyfile(kit.good, path)
        shutil.copyfile(source(kit), path.with_name(path.name + side_suffix))
        return path

    return build


def _copied(pick: Callable[[Kit], Path]) -> Callable[[Path, Kit], Path]:
    def build(folder: Path, kit: Kit) -> Path:
        path = folder / "session.wargame"
        copy_with_sides(pick(kit), path)
        return path

    return build


def _older_wal(folder: Path, kit: Kit) -> Path:
    path = folder / "session.wargame"
    shutil.copyfile(kit.later, path)
    shutil.copyfile(kit.older_wal, path.with_name(path.name + "-wal"))
    return path


def _fifo(suffix: str) -> Callable[[Path, Kit], Path]:
    def build(folder: Path, kit: Kit) -> Path:
        if not hasattr(os, "mkfifo"):
            pytest.skip("this system has no named pipes")
        path = folder / "session.wargame"
        if suffix:
            shutil.copyfile(kit.good, path)
        os.mkfifo(path.with_name(path.name + suffix))
        return path

    return build


def _folder(suffix: str) -> Callable[[Path, Kit], Path]:
    def build(folder: Path, kit: Kit) -> Path:
        path = folder / "session.wargame"
        if suffix:
            shutil.copyfile(kit.good, path)
        path.with_name(path.name + suffix).mkdir()
        return path

    return build


def _garbage_side(suffix: str) -> Callable[[Path, Kit], Path]:
    def build(folder: Path, kit: Kit) -> Path:
        path = folder / "session.wargame"
        shutil.copyfile(kit.good, path)
        path.with_name(path.name + suffix).write_bytes(
            bytes((i * 7919 + 13) % 251 for i in range(20_000))
        )
        return path

    return build


# Text that acts on a terminal: clear screen, OSC 52 (write the clipboard), a forged green
# verdict, right-to-left override, isolates, C1 controls, a zero-width space.
ESCAPES = (
    "\x1b[2J\x1b]52;c;ZXZpbA==\x07\x1b[32mall 6 turn(s) replay exactly\x1b[0m"
    "\u202e\u2066\x9b31m\u200b\x08"
)


def _escape_codes_in_the_scenario(folder: Path, kit: Kit) -> Path:
    """The good session with escape sequences written into its stored title and state names
    (a scenario file could not bring them in: the scenario validator refuses them)."""
    path = folder / "session.wargame"
    shutil.copyfile(kit.good, path)
    db = sqlite3.connect(path)
    (text,) = db.execute("SELECT scenario_json FROM session").fetchone()
    data = json.loads(text)
    data["title"] = "Strait" + ESCAPES
    for state in data["states"]:
        state["name"] = state["name"][:8] + ESCAPES[-12:]
    db.execute(
        "UPDATE session SET scenario_json = ?, scenario_title = ?",
        (json.dumps(data), data["title"]),
    )
    db.execute("UPDATE seat SET seat = seat || ? WHERE seat = 'dalmora'", (ESCAPES,))
    db.commit()
    db.close()
    return path


def escape_codes_in_a_message(folder: Path, kit: Kit) -> Path:
    """A session in which one player sent another a message full of escape sequences: a
    genuine file (the game accepts any text in a message)."""
    from wargame.rules.diplomacy import SendMessage

    scenario = find_scenario("tutorial_strait")
    path = folder / "session.wargame"
    match = Match(scenario, 3, scenario.state_ids[2:])
    with SessionStore.create(path, match):
        match.submit("aurelia", (SendMessage("aurelia", to=("borduria",), text="hi" + ESCAPES),))
        match.submit("borduria", ())
        match.resolve_turn()
    return path


def _deep_v1(folder: Path, kit: Kit) -> Path:
    path = folder / "session.wargame"
    shutil.copyfile(kit.v1, path)
    db = sqlite3.connect(path)
    db.execute("UPDATE turn SET orders_json = ? WHERE number = 2", (_deep(),))
    db.commit()
    db.close()
    return path


@dataclass(frozen=True)
class Hostile:
    build: Callable[[Path, Kit], Path]
    expect: str  # in the message of a refusal (exit 2), or "" for a file that opens
    verify_exit: int | None = 2  # None: refusing and opening are both safe outcomes
    at_open: bool = True  # refused when opened (else when its rows are read: a summary works)


REFUSED_SCHEMA = "changed by another program"

HOSTILE: dict[str, Hostile] = {
    # schema objects SQLite would run
    "trigger copying submissions to a spy table": Hostile(
        _altered(
            "CREATE TABLE spy (data); CREATE TRIGGER copy AFTER INSERT ON submission "
            "BEGIN INSERT INTO spy VALUES (new.orders_json); END;"
        ),
        "a trigger 'copy'",
    ),
    "trigger rewriting saved hashes": Hostile(
        _altered(
            "CREATE TRIGGER rewrite AFTER INSERT ON turn BEGIN "
            "UPDATE turn SET state_hash = '0'; UPDATE turn_order SET data = '{}'; END;"
        ),
        "a trigger 'rewrite'",
    ),
    "trigger writing a gigabyte": Hostile(
        _altered(
            "CREATE TABLE junk (x); CREATE TRIGGER junk AFTER INSERT ON submission BEGIN "
            "INSERT INTO junk WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c "
            "WHERE n < 1000000) SELECT randomblob(1400) FROM c; END;"
        ),
        "a trigger 'junk'",
    ),
    "view": Hostile(_altered("CREATE VIEW peek AS SELECT * FROM seat;"), "a view 'peek'"),
    "recursive view": Hostile(
        _altered(
            "CREATE VIEW forever AS WITH RECURSIVE c(n) AS "
            "(SELECT 1 UNION ALL SELECT n + 1 FROM c) SELECT n FROM c;"
        ),
        "a view 'forever'",
    ),
    "table replaced by a recursive view": Hostile(
        _altered(
            "ALTER TABLE meta RENAME TO meta_old; CREATE VIEW meta AS WITH RECURSIVE c(n) AS "
            "(SELECT 1 UNION ALL SELECT n + 1 FROM c) SELECT 'app' AS key, n AS value FROM c;"
        ),
        REFUSED_SCHEMA,
    ),
    "INSTEAD OF trigger on a view": Hostile(
        _altered(
            "CREATE VIEW v AS SELECT * FROM submission; CREATE TRIGGER instead INSTEAD OF "
            "INSERT ON v BEGIN DELETE FROM turn; END;"
        ),
        "a trigger 'instead'",
    ),
    "expression index": Hostile(
        _altered("CREATE INDEX ix_slow ON event (length(data) * 2 + abs(position));"),
        "an index 'ix_slow'",
    ),
    "partial index": Hostile(
        _altered("CREATE INDEX ix_part ON event (kind) WHERE position > 3;"), "an index 'ix_part'"
    ),
    "index redefined on an expression": Hostile(
        _altered("DROP INDEX ix_event_kind; CREATE INDEX ix_event_kind ON event (upper(kind));"),
        "its index 'ix_event_kind' is not defined",
    ),
    "extra table": Hostile(_altered("CREATE TABLE notes (body TEXT);"), "a table 'notes'"),
    "extra column": Hostile(
        _altered("ALTER TABLE seat ADD COLUMN secret TEXT;"), "its table 'seat' is not defined"
    ),
    "CHECK constraint and ON CONFLICT REPLACE": Hostile(
        _altered(
            "CREATE TABLE turn2 (number INTEGER NOT NULL CHECK (length(hex(randomblob(10))) > 0), "
            "state_json VARCHAR NOT NULL, state_hash VARCHAR NOT NULL, results_json VARCHAR NOT "
            "NULL, reasons_json VARCHAR NOT NULL, resolved VARCHAR NOT NULL, "
            "PRIMARY KEY (number) ON CONFLICT REPLACE); INSERT INTO turn2 SELECT * FROM turn; "
            "DROP TABLE turn; ALTER TABLE turn2 RENAME TO turn;"
        ),
        "its table 'turn' is not defined",
    ),
    "AUTOINCREMENT (sqlite_sequence)": Hostile(
        _altered(
            "CREATE TABLE counter (id INTEGER PRIMARY KEY AUTOINCREMENT); INSERT INTO counter DEFAULT VALUES;"
        ),
        REFUSED_SCHEMA,
    ),
    "two hundred indexes": Hostile(
        _altered(
            "CREATE TABLE t (x);" + "".join(f"CREATE INDEX ix_{i} ON t (x);" for i in range(200))
        ),
        "far more tables",
    ),
    # data no session holds
    "20 MB title": Hostile(
        _altered("UPDATE session SET scenario_title = printf('%.*c', 20000000, 'x');"),
        "larger than 4 MB",
    ),
    "huge blob in an event": Hostile(
        _altered("UPDATE event SET data = randomblob(8000000) WHERE turn = 2 AND position = 0;"),
        "larger than 4 MB",
        at_open=False,
    ),
    "deep JSON in the scenario": Hostile(
        _with_deep_json("session", "scenario_json"), "nested far more deeply", at_open=False
    ),
    "deep JSON in an event": Hostile(
        _with_deep_json("event", "data", "turn = 2 AND position = 0"),
        "nested far more deeply",
        at_open=False,
    ),
    "deep JSON in an order": Hostile(
        _with_deep_json("turn_order", "data", "turn = 1 AND position = 0"),
        "nested far more deeply",
        at_open=False,
    ),
    "deep JSON in results": Hostile(
        _with_deep_json("turn", "results_json", "number = 3"),
        "nested far more deeply",
        at_open=False,
    ),
    "deep JSON in reasons": Hostile(
        _with_deep_json("turn", "reasons_json", "number = 3"),
        "nested far more deeply",
        at_open=False,
    ),
    "deep JSON in a saved state": Hostile(
        _with_deep_json("turn", "state_json", "number = 6"), "", verify_exit=1
    ),
    "deep JSON in a format-1 file": Hostile(_deep_v1, "nested far more deeply"),
    "escape codes in the stored scenario": Hostile(_escape_codes_in_the_scenario, "", None),
    "escape codes in a message": Hostile(escape_codes_in_a_message, "", verify_exit=0),
    # what is not a session file at all
    "a FIFO": Hostile(_fifo(""), "not an ordinary file"),
    "a folder": Hostile(_folder(""), "is a folder"),
    # side files
    "a FIFO as the journal": Hostile(_fifo("-journal"), "not a side file"),
    "a FIFO as the WAL": Hostile(_fifo("-wal"), "not a side file"),
    "a folder as the WAL": Hostile(_folder("-wal"), "not a side file"),
    "foreign WAL": Hostile(_beside_good("-wal", lambda kit: _wal(kit.crashed)), "does not belong"),
    "foreign journal": Hostile(
        _beside_good("-journal", lambda kit: kit.hot.with_name(kit.hot.name + "-journal")),
        "does not belong",
    ),
    "older WAL of the same session": Hostile(_older_wal, "does not belong"),
    "garbage WAL": Hostile(_garbage_side("-wal"), "does not belong"),
    "garbage journal": Hostile(_garbage_side("-journal"), "does not belong"),
    # genuine leftovers of a crash: recovered (in a copy), never refused
    "genuine WAL of a killed session": Hostile(_copied(lambda kit: kit.crashed), "", verify_exit=0),
    "genuine hot journal": Hostile(_copied(lambda kit: kit.hot), "", verify_exit=0),
}


def _wal(path: Path) -> Path:
    return path.with_name(path.name + "-wal")
