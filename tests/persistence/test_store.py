"""The session store: what goes in comes back, turn by turn, and a reopened match plays on."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from wargame.ai import make_player
from wargame.legality import legal_orders
from wargame.match import Match
from wargame.persistence import SCHEMA_VERSION, SessionError, SessionStore
from wargame.persistence.codec import check_scenario_round_trip, scenario_from_json
from wargame.persistence.engines import file_engine
from wargame.persistence.schema import APPLICATION_ID
from wargame.persistence.sqlitefile import backup_into
from wargame.rules.agreements import ProposeAgreement
from wargame.rules.diplomacy import SendMessage
from wargame.state import state_hash

from .helpers import fingerprint


def test_scenarios_survive_the_round_trip_through_json(all_scenarios):
    for scenario in all_scenarios.values():
        assert scenario_from_json(check_scenario_round_trip(scenario)) == scenario


def test_tutorial_round_trip_replays_every_hash(sessions: Path, tutorial):
    path = sessions / "t.wargame"
    match = Match(tutorial, 5, tutorial.state_ids)
    with SessionStore.create(path, match) as store:
        assert match.recorder is store
        match.play_out()
    with SessionStore.open(path) as store:
        checks = store.verify(make_player).checks
        log = store.load()
        again = store.resume(make_player)
    assert [c.turn for c in checks] == list(range(1, tutorial.turns + 1))
    assert all(c.ok for c in checks)
    assert [t.state_hash for t in log.turns] == [r.state_hash for r in match.history]
    assert again.finished and again.state == match.state
    assert state_hash(again.state) == state_hash(match.state)
    for saved, live in zip(again.history, match.history, strict=True):
        assert (saved.orders, saved.events, saved.results, saved.state_hash) == (
            live.orders,
            live.events,
            live.results,
            live.state_hash,
        )
        assert dict(saved.reasons) == dict(live.reasons)


def test_file_header_and_durability_settings(unfinished_file: Path):
    raw = unfinished_file.read_bytes()[:100]
    assert int.from_bytes(raw[68:72], "big") == APPLICATION_ID
    assert int.from_bytes(raw[60:64], "big") == SCHEMA_VERSION
    # at rest: rollback journal, so read-only opens need no side files
    assert raw[18:20] == b"\x01\x01"
    with SessionStore.open(unfinished_file) as store:
        with store.engine.connect() as conn:  # nothing written yet: the file is as it was
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
        store.resume(make_player).resolve_turn()
        with store.engine.connect() as conn:
            # from the first write on, WAL: each commit one append and one fsync
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    # self-contained again once closed
    assert sorted(p.name for p in unfinished_file.parent.iterdir()) == ["unfinished.wargame"]
    assert unfinished_file.read_bytes()[18:20] == b"\x01\x01"
    with SessionStore.open(unfinished_file, readonly=True) as store:
        assert store.verify(make_player).ok
        assert sorted(p.name for p in unfinished_file.parent.iterdir()) == ["unfinished.wargame"]


def test_seats_and_who_plays_them_are_kept(sessions: Path, tutorial):
    aurelia, borduria, *_ = tutorial.state_ids
    computer = {
        borduria: make_player("heuristic", "hawk"),
        tutorial.state_ids[2]: make_player("random"),
    }
    match = Match(tutorial, 3, computer)
    path = sessions / "seats.wargame"
    SessionStore.create(path, match).close()
    with SessionStore.open(path) as store:
        seats = {s.seat: s for s in store.load().seats}
        again = store.resume(make_player)
    assert seats[aurelia].controller == "human"
    assert (seats[borduria].controller, seats[borduria].player, seats[borduria].doctrine) == (
        "computer",
        "heuristic",
        "hawk",
    )
    assert seats[tutorial.state_ids[2]].player == "random"
    assert set(again.human_seats) == {aurelia, tutorial.state_ids[3]}
    assert again.computer[borduria].doctrine == "hawk"


def test_pending_orders_and_messages_survive_reopening(sessions: Path, tutorial):
    aurelia, borduria = tutorial.state_ids[:2]
    match = Match(tutorial, 9, tutorial.state_ids[2:])
    path = sessions / "pending.wargame"
    store = SessionStore.create(path, match)
    message = SendMessage(aurelia, to=(borduria,), text="Let us talk before this gets worse.")
    match.submit(aurelia, (message,))
    match.submit(borduria, ())
    match.resolve_turn()
    first_choice = legal_orders(match.state, aurelia)[0]
    match.submit(aurelia, ())
    match.submit(aurelia, (first_choice,))  # a seat may change its mind; the last submission counts
    store.close()

    with SessionStore.open(path) as store:
        again = store.resume(make_player)
        log = store.load()
        with store.engine.connect() as conn:
            messages = conn.exec_driver_sql(
                "SELECT turn, seat, data FROM turn_order WHERE kind = 'SendMessage'"
            ).fetchall()
    assert again.state.turn == 2
    assert again.pending == {aurelia: (first_choice,)}
    assert again.waiting_for() == (borduria,)
    assert log.turns[0].orders[0] == message
    assert [(t, s) for t, s, _ in messages] == [(1, aurelia)]
    assert "before this gets worse" in messages[0][2]


def test_resumed_match_keeps_recording(unfinished_file: Path):
    with SessionStore.open(unfinished_file) as store:
        match = store.resume(make_player)
        assert match.recorder is store and match.state.turn == 3
        match.play_out()
    with SessionStore.open(unfinished_file, readonly=True) as store:
        assert store.verify(make_player).ok
        summary = store.summary()
    assert (summary.turns_played, summary.finished) == (summary.turns_total, True)


def test_create_saves_a_match_played_so_far_without_a_file(sessions: Path, tutorial):
    match = Match(tutorial, 4, tutorial.state_ids)
    match.resolve_turn()
    match.resolve_turn()
    path = sessions / "late.wargame"
    with SessionStore.create(path, match):
        match.resolve_turn()
    with SessionStore.open(path) as store:
        assert [t.number for t in store.load().turns] == [1, 2, 3]
        assert store.resume(make_player).state == match.state


def test_create_never_overwrites_unless_asked(finished_file: Path, tutorial):
    before = fingerprint(finished_file.parent)
    with pytest.raises(SessionError, match="already exists"):
        SessionStore.create(finished_file, Match(tutorial, 1, tutorial.state_ids))
    assert fingerprint(finished_file.parent) == before
    SessionStore.create(
        finished_file, Match(tutorial, 1, tutorial.state_ids), overwrite=True
    ).close()
    with SessionStore.open(finished_file) as store:
        assert store.load().turns == ()


def test_create_in_a_missing_folder_is_a_clear_error(tmp_path: Path, tutorial):
    with pytest.raises(SessionError, match="does not exist"):
        SessionStore.create(tmp_path / "nope" / "x.wargame", Match(tutorial, 1, tutorial.state_ids))


def test_a_second_writer_cannot_overwrite_a_turn(unfinished_file: Path):
    # a writer that slipped past the lock (an older release, a copied file) still cannot
    # overwrite a saved turn: the store refuses a turn that does not follow the last one saved
    first = SessionStore.open(unfinished_file)
    second = SessionStore(file_engine(unfinished_file, "rw"), unfinished_file)
    a, b = first.resume(make_player), second.resume(make_player)
    a.resolve_turn()
    with pytest.raises(SessionError, match="another program"):
        b.resolve_turn()
    first.close()
    second.close()
    with SessionStore.open(unfinished_file, readonly=True) as store:
        assert store.verify(make_player).ok


def test_read_only_store_never_writes(unfinished_file: Path):
    before = fingerprint(unfinished_file.parent)
    with SessionStore.open(unfinished_file, readonly=True) as store:
        match = store.resume(make_player)
        assert match.recorder is None
        with pytest.raises(SessionError, match="read-only"):
            store.turn_resolved(match, match.resolve_turn())
    assert fingerprint(unfinished_file.parent) == before


def test_save_as_copies_a_live_session_and_moves_recording(unfinished_file: Path, sessions: Path):
    store = SessionStore.open(unfinished_file)
    match = store.resume(make_player)
    copy_path = sessions / "copy.wargame"
    copy = store.save_as(copy_path, match=match)
    assert match.recorder is copy
    match.play_out()
    copy.close()
    with SessionStore.open(unfinished_file, readonly=True) as original:
        assert len(original.load().turns) == 2  # the original stays as it was at "save as"
    with SessionStore.open(copy_path, readonly=True) as saved:
        assert saved.summary().finished and saved.verify(make_player).ok


def test_save_as_refuses_its_own_file_and_existing_files(
    finished_file: Path, unfinished_file: Path
):
    with SessionStore.open(unfinished_file) as store:
        with pytest.raises(SessionError, match="own file"):
            store.save_as(unfinished_file)
        with pytest.raises(SessionError, match="already exists"):
            store.save_as(finished_file)


def test_store_works_on_a_sqlalchemy_url(sessions: Path, tutorial):
    url = make_url(f"sqlite:///{sessions / 'by-url.db'}")
    match = Match(tutorial, 8, tutorial.state_ids)
    with SessionStore.create(url, match):
        match.play_out()
    with SessionStore.open(url) as store:
        assert store.verify(make_player).ok
    with pytest.raises(SessionError, match="already holds"):
        SessionStore.create(url, Match(tutorial, 8, tutorial.state_ids))


def test_hot_journal_from_a_crash_is_rolled_back(unfinished_file: Path):
    # simulate a process killed mid-commit: copy the file and its journal while a write is open
    crashed = unfinished_file.with_name("crashed.wargame")
    db = sqlite3.connect(unfinished_file, isolation_level=None)
    db.execute("PRAGMA cache_size=1")  # spill pages into the file before commit, like a big turn
    db.execute("BEGIN")
    db.executemany(
        "INSERT INTO event VALUES (99, ?, 'Junk', ?)", [(i, "x" * 900) for i in range(300)]
    )
    crashed.write_bytes(unfinished_file.read_bytes())
    journal = unfinished_file.with_name(unfinished_file.name + "-journal")
    crashed.with_name(crashed.name + "-journal").write_bytes(journal.read_bytes())
    db.execute("ROLLBACK")
    db.close()
    with SessionStore.open(crashed) as store:
        log = store.load()
        assert len(log.turns) == 2 and store.verify(make_player).ok


def test_whole_numbers_in_float_fields_replay_exactly(sessions: Path, tutorial):
    # an order built with cap=150 (an int) holds 150.0, so the live game and the replay of its
    # log resolve the same terms and hash alike
    aurelia, borduria = tutorial.state_ids[:2]
    match = Match(tutorial, 2, tutorial.state_ids[1:])
    path = sessions / "int.wargame"
    store = SessionStore.create(path, match)
    proposal = ProposeAgreement(
        aurelia, to=(borduria,), treaty="arms_control", cap=150, verification=0.6
    )
    assert type(proposal.cap) is float
    match.submit(aurelia, (proposal,))
    match.resolve_turn()
    store.close()
    with SessionStore.open(path) as store:
        assert store.verify(make_player).ok
        [saved] = [o for o in store.load().turns[0].orders if o.actor == aurelia]
    assert saved == proposal and type(saved.cap) is float and type(saved.verification) is float


def test_every_kind_of_computer_player_is_kept(sessions: Path, tutorial):
    seats = tutorial.state_ids
    computer = {
        seats[0]: make_player("random"),
        seats[1]: make_player("easy", "dove"),
        seats[2]: make_player("hard"),
        seats[3]: make_player("normal", "hawk"),
    }
    path = sessions / "kinds.wargame"
    SessionStore.create(path, Match(tutorial, 1, computer)).close()
    with SessionStore.open(path) as store:
        again = store.resume(make_player).computer
    for seat, player in computer.items():
        assert type(again[seat]) is type(player)
        assert getattr(again[seat], "doctrine", None) == getattr(player, "doctrine", None)
        assert getattr(again[seat], "level", None) == getattr(player, "level", None)


def _copy_with_side_files(src: Path, dest: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        side = src.with_name(src.name + suffix)
        if side.exists():
            dest.with_name(dest.name + suffix).write_bytes(side.read_bytes())


def test_committed_turns_in_the_wal_survive_a_crash(unfinished_file: Path, sessions: Path):
    store = SessionStore.open(unfinished_file)
    match = store.resume(make_player)
    match.resolve_turn()  # the store stays open: its WAL holds turn 3, as when the process is killed
    crashed = sessions / "crashed-live.wargame"
    _copy_with_side_files(unfinished_file, crashed)
    store.close()
    assert crashed.with_name(crashed.name + "-wal").stat().st_size > 0
    with SessionStore.open(crashed, readonly=True) as reader:  # reads the WAL, changes nothing
        assert len(reader.load().turns) == 3
    with SessionStore.open(crashed) as recovered:
        assert len(recovered.load().turns) == 3 and recovered.verify(make_player).ok
    assert sorted(p.name for p in sessions.iterdir() if p.name.startswith("crashed-live")) == [
        "crashed-live.wargame"
    ]


def test_verify_while_another_window_is_playing(unfinished_file: Path, capsys):
    from wargame.cli import main

    with SessionStore.open(unfinished_file) as store:
        match = store.resume(make_player)
        match.resolve_turn()
        assert main(["verify", str(unfinished_file)]) == 0
        assert "3 of 6 turns saved" in capsys.readouterr().out
        match.play_out()
    assert sorted(p.name for p in unfinished_file.parent.iterdir()) == ["unfinished.wargame"]


def test_a_store_never_closed_is_settled_before_a_read_only_open(unfinished_file: Path):
    db = sqlite3.connect(unfinished_file)
    db.execute("PRAGMA journal_mode=WAL")  # as a store dropped without close() leaves the file
    db.close()
    assert unfinished_file.read_bytes()[18] == 2
    with SessionStore.open(unfinished_file, readonly=True) as store:
        assert len(store.load().turns) == 2
    assert sorted(p.name for p in unfinished_file.parent.iterdir()) == ["unfinished.wargame"]


def test_copy_of_a_live_session_is_a_settled_file(unfinished_file: Path, sessions: Path):
    with SessionStore.open(unfinished_file) as store:
        store.resume(
            make_player
        ).resolve_turn()  # the live file is in WAL mode with turn 3 in its WAL
        with store.engine.connect() as conn:
            backup_into(conn.connection.driver_connection, sessions / "copy.wargame")
    copy = sessions / "copy.wargame"
    assert copy.read_bytes()[18] == 1  # rollback mode at rest, like a closed session
    before = fingerprint(sessions)
    with SessionStore.open(copy, readonly=True) as reader:
        assert len(reader.load().turns) == 3
    assert fingerprint(sessions) == before


def test_snapshot_hash_agrees_with_the_engine(finished_file: Path):
    from wargame.persistence.check import snapshot_hash
    from wargame.state import canonical_json

    with SessionStore.open(finished_file, readonly=True) as store:
        match = store.resume(make_player)
    for record in match.history:
        assert (
            snapshot_hash(canonical_json(record.state))
            == record.state_hash
            == state_hash(record.state)
        )


def test_a_snapshot_altered_without_its_hash_is_caught(finished_file: Path):
    db = sqlite3.connect(finished_file)
    db.execute(
        "UPDATE turn SET state_json = replace(state_json, '\"turn\":3', '\"turn\":33') WHERE number = 2"
    )
    db.commit()
    db.close()
    with SessionStore.open(finished_file, readonly=True) as store:
        bad = [c for c in store.verify(make_player).checks if not c.ok]
    assert [(c.turn, c.problem) for c in bad] == [
        (2, "the saved snapshot does not match its own hash")
    ]


def test_after_a_failed_save_no_turn_leaves_a_hole_and_create_rescues_all(
    unfinished_file: Path, sessions: Path, monkeypatch
):
    store = SessionStore.open(unfinished_file)
    match = store.resume(make_player)
    with SessionStore.open(unfinished_file, readonly=True) as broken, monkeypatch.context() as m:
        m.setattr(store, "engine", broken.engine)  # as if the disk had become read-only
        with pytest.raises(SessionError, match="Could not save turn 3"):
            match.resolve_turn()
    with pytest.raises(SessionError, match="does not follow turn 2"):
        match.resolve_turn()  # never a log with a hole in it
    store.close()
    rescued = sessions / "rescued.wargame"
    with SessionStore.create(rescued, match):
        pass
    with SessionStore.open(rescued, readonly=True) as saved:
        assert len(saved.load().turns) == 4 and saved.verify(make_player).ok


def test_a_file_written_over_another_loses_the_old_files_side_files(
    unfinished_file: Path, finished_file: Path, tutorial
):
    # a -wal left beside the old file would otherwise be applied to the new one
    wal = finished_file.with_name(finished_file.name + "-wal")
    shutil.copyfile(_killed_wal(unfinished_file), wal)
    with SessionStore.open(unfinished_file) as store:
        store.save_as(finished_file, overwrite=True).close()
    assert not wal.exists()
    with SessionStore.open(finished_file, readonly=True) as copy:
        assert len(copy.load().turns) == 2 and copy.verify(make_player).ok
    shutil.copyfile(_killed_wal(unfinished_file), wal)
    SessionStore.create(
        finished_file, Match(tutorial, 1, tutorial.state_ids), overwrite=True
    ).close()
    assert not wal.exists()
    with SessionStore.open(finished_file, readonly=True) as fresh:
        assert fresh.load().turns == ()


def _killed_wal(session: Path) -> Path:
    """The -wal of a copy of `session` left by a process killed after saving one more turn."""
    copy = session.with_name("killed.wargame")
    shutil.copyfile(session, copy)
    store = SessionStore.open(copy)
    store.resume(make_player).resolve_turn()
    kept = copy.with_name("killed.wal")
    shutil.copyfile(copy.with_name(copy.name + "-wal"), kept)
    store.close()
    return kept
