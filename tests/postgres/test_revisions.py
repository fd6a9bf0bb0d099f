"""The Alembic revisions build exactly the tables the models declare, on either store; and a
session file created through them still passes the checks for untrusted files."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from wargame.persistence import revisions
from wargame.persistence.schema import SCHEMA_VERSION, Base


def test_the_revisions_build_the_models_tables(store_url):
    engine = create_engine(store_url)
    try:
        with engine.begin() as conn:
            version_schema = "temp" if conn.dialect.name == "sqlite" else None
            reached = revisions.upgrade(conn, version_schema=version_schema, start_format=None)
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            differences = [
                d
                for d in compare_metadata(context, Base.metadata)
                if not (d[0] == "remove_table" and d[1].name == revisions.VERSION_TABLE)
            ]
    finally:
        engine.dispose()
    assert reached == SCHEMA_VERSION == revisions.head_format()
    assert differences == []


def test_the_newest_format_is_the_head_revision():
    assert (
        revisions.REVISION_OF_FORMAT[SCHEMA_VERSION]
        == revisions.script_directory().get_current_head()
    )


def test_upgrading_a_database_whose_sessions_are_current_changes_nothing(pg_url, tutorial, capsys):
    from wargame.ai import make_player
    from wargame.cli import main
    from wargame.match import Match
    from wargame.persistence import SessionStore

    match = Match(tutorial, 4, tutorial.state_ids)
    store = SessionStore.create(pg_url, match)
    match.resolve_turn()
    assert main(["serve", "--db", pg_url.render_as_string(hide_password=False), "--upgrade"]) == 0
    out = capsys.readouterr().out
    assert f"session {store.session_id}: format {SCHEMA_VERSION}" in out
    with SessionStore.open(pg_url, session=store.session_id, readonly=True) as again:
        assert len(again.load().turns) == 1 and again.verify(make_player).ok
