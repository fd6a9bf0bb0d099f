"""The same commands on either store: a session played into an SQLite database or PostgreSQL is
saved as it is played, verifies, resumes, and travels to a session file and back."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from wargame.ai import make_player
from wargame.cli import main
from wargame.match import Match
from wargame.persistence import SessionError, SessionStore
from wargame.state import state_hash


@pytest.fixture
def wargame(capsys: pytest.CaptureFixture[str]):  # noqa: ANN201 - runs the command line
    """`wargame ARGS...` in this process: its exit code and what it printed."""

    def run(*args: str) -> Ran:
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        return Ran(code, out, err)

    return run


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


def rendered(url) -> str:  # noqa: ANN001
    return url.render_as_string(hide_password=False)


def test_play_verify_export_and_import_on_either_store(store_url, tmp_path: Path, wargame):
    db = rendered(store_url)
    played = wargame("play", "tutorial_strait", "--seed", "5", "--computer", "all", "--db", db)
    assert played.returncode == 0, played.stderr
    last = played.stdout.strip().splitlines()[-1]
    assert last.startswith("state_hash: ")
    local = wargame("play", "tutorial_strait", "--seed", "5", "--computer", "all")
    assert local.stdout.strip().splitlines()[-1] == last  # saving does not change the game

    verified = wargame("verify", "--db", db, "--latest")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "all 6 turn(s) replay exactly" in verified.stdout
    assert last.split()[1] in verified.stdout  # the last turn's saved hash, checked

    copy = tmp_path / "debrief.wargame"
    exported = wargame("export", "--db", db, "--latest", "--wargame", str(copy))
    assert exported.returncode == 0, exported.stderr
    assert wargame("verify", str(copy)).returncode == 0
    as_json = wargame("export", "--db", db, "--latest", "--json", "-", "--full")
    from_file = wargame("export", str(copy), "--json", "-", "--full")
    assert as_json.stdout == from_file.stdout  # the same record, row for row

    if store_url.get_backend_name() == "postgresql":  # a database of many sessions
        imported = wargame("import", str(copy), "--db", db)
        assert imported.returncode == 0, imported.stderr
        session_id = imported.stdout.split()[-1]
        again = wargame("verify", "--db", db, session_id)
        assert again.returncode == 0 and "replay exactly" in again.stdout
        two = wargame("verify", "--db", db)
        assert two.returncode == 2 and "holds 2 sessions" in two.stderr


def test_every_move_is_saved_as_it_is_made_and_resumes(store_url, tutorial):
    match = Match(tutorial, 3, tutorial.state_ids[1:])
    people = tutorial.state_ids[0]
    store = SessionStore.create(store_url, match, player_factory=make_player)
    session = store.session_id
    stand_in = make_player()
    from wargame.rng import Rng

    for _ in range(2):
        match.submit(
            people,
            stand_in.decide(match.view(people), Rng.for_seat(3, match.state.turn, people)).orders,
        )
        match.resolve_turn()
    match.submit(people, ())  # the third turn's orders, saved before the turn is resolved
    store.close()
    with SessionStore.open(store_url, session=session) as again:
        log = again.load()
        assert len(log.turns) == 2 and people in log.pending
        resumed = again.resume(make_player)
        assert state_hash(resumed.state) == state_hash(match.state)
        resumed.resolve_turn()
    with SessionStore.open(store_url, session=session, readonly=True) as done:
        assert len(done.load().turns) == 3
        assert done.verify(make_player).ok


def test_wrong_or_missing_sessions_are_refused_in_words(pg_url, tutorial, wargame):
    with pytest.raises(SessionError, match="holds no session yet"):
        SessionStore.open(pg_url)
    match = Match(tutorial, 1, tutorial.state_ids)
    SessionStore.create(pg_url, match).close()
    with pytest.raises(SessionError, match="is not a session id"):
        SessionStore.open(pg_url, session="'; drop table x")
    with pytest.raises(SessionError, match="holds no session 0123456789ab"):
        SessionStore.open(pg_url, session="0123456789ab")
    both = wargame("verify", "--db", rendered(pg_url), "--latest", "0123456789ab")
    assert both.returncode == 2 and "not both" in both.stderr


def test_a_session_whose_tables_were_changed_is_refused(pg_url, tutorial):
    match = Match(tutorial, 1, tutorial.state_ids)
    store = SessionStore.create(pg_url, match)
    schema = f"wargame_{store.session_id}"
    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text(f'ALTER TABLE "{schema}".turn ADD COLUMN note VARCHAR'))
    engine.dispose()
    with pytest.raises(SessionError, match="does not hold exactly the tables"):
        SessionStore.open(pg_url, session=store.session_id)


def test_a_write_refused_by_the_fence_is_not_saved(pg_url, tutorial):
    """A served class's store checks its lease in each write's transaction: a refused write
    leaves nothing behind, and the match in memory can still be saved elsewhere."""
    match = Match(tutorial, 2, tutorial.state_ids)
    store = SessionStore.create(pg_url, match)
    match.resolve_turn()

    def refuse(_conn) -> None:  # noqa: ANN001
        raise SessionError("the lease is held by another process")

    store.fence = refuse
    with pytest.raises(SessionError, match="lease is held"):
        match.resolve_turn()
    with SessionStore.open(pg_url, session=store.session_id, readonly=True) as seen:
        assert len(seen.load().turns) == 1


def test_a_served_session_is_not_opened_for_playing_elsewhere(pg_url, tutorial):
    """As a file's lock: while a server process holds a session's lease, another program may
    read it but not play it; once the lease is given back it may."""
    from wargame.persistence.database import Database

    store = SessionStore.create(pg_url, Match(tutorial, 1, tutorial.state_ids))
    db = Database(pg_url)
    assert db.claim(store.session_id, "server-a", 30)
    assert not db.claim(store.session_id, "server-b", 30)  # one holder at a time
    with pytest.raises(SessionError, match="being played: the server process server-a"):
        SessionStore.open(pg_url, session=store.session_id)
    SessionStore.open(pg_url, session=store.session_id, readonly=True).close()
    db.release(store.session_id, "server-a")
    SessionStore.open(pg_url, session=store.session_id).close()
