"""A real PostgreSQL server for the tests, and the stores a test runs against.

WARGAME_TEST_POSTGRES names a database URL on a server where the tests may create databases
(`.ci/run` starts one with tests/postgres/server.sh and sets it). Each test that needs PostgreSQL
gets a database of its own, dropped afterwards. Without the variable the PostgreSQL runs are
skipped with that reason, except under CI (CI=true), where they must run.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

ENV = "WARGAME_TEST_POSTGRES"


def admin_url():  # noqa: ANN201 - a sqlalchemy URL, or None
    text = os.environ.get(ENV)
    if not text:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{ENV} is not set: .ci/run must start PostgreSQL for these tests")
        pytest.skip(
            f"no PostgreSQL server: set {ENV} to a database URL (tests/postgres/server.sh "
            "starts one) to run the PostgreSQL tests"
        )
    from sqlalchemy.engine import make_url

    return make_url(text)


@pytest.fixture
def pg_url() -> Iterator[object]:
    """A fresh, empty PostgreSQL database of this test's own."""
    from sqlalchemy import create_engine

    admin = admin_url()
    name = f"wargame_t_{secrets.token_hex(4)}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield admin.set(database=name)
    finally:
        from wargame.persistence.database import dispose_engines

        dispose_engines()  # this process's pools to the database, so it can be dropped
        with engine.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> object:
    """The database URL of each store a session may live in (a test runs once per store)."""
    if request.param == "sqlite":
        from sqlalchemy.engine import make_url

        return make_url(f"sqlite:///{tmp_path / 'sessions.db'}")
    return request.getfixturevalue("pg_url")
