"""Format 3, the baseline: the session tables as schema.py declares them in format 3.

Written out here rather than taken from schema.py, so that later revisions build on what format
3 really was. tests/postgres/test_revisions.py compares the result with the models.

Revision ID: format3
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "format3"
down_revision = None
branch_labels = None
depends_on = None


def _text(name: str, **kw) -> sa.Column:  # noqa: ANN003
    return sa.Column(name, sa.String(), nullable=kw.pop("nullable", False), **kw)


def _int(name: str, **kw) -> sa.Column:  # noqa: ANN003
    return sa.Column(name, sa.Integer(), nullable=kw.pop("nullable", False), **kw)


def upgrade() -> None:
    op.create_table("meta", _text("key", primary_key=True), _text("value"))
    op.create_table(
        "session",
        _int("id", primary_key=True, autoincrement=False),
        _text("scenario_id"),
        _text("scenario_title"),
        _text("scenario_json"),
        sa.Column("seed", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        _int("turns_total"),
        _int("turns_played"),
        sa.Column("finished", sa.Boolean(), nullable=False),
        _text("created"),
        _text("updated"),
    )
    op.create_table(
        "seat",
        _text("seat", primary_key=True),
        _int("position"),
        _text("controller"),
        _text("player", nullable=True),
        _text("doctrine", nullable=True),
    )
    op.create_table(
        "submission",
        _int("turn", primary_key=True, autoincrement=False),
        _text("seat", primary_key=True),
        _text("orders_json"),
        _text("submitted"),
    )
    op.create_table(
        "turn",
        _int("number", primary_key=True, autoincrement=False),
        _text("state_json"),
        _text("state_hash"),
        _text("results_json"),
        _text("reasons_json"),
        _text("resolved"),
    )
    for table in ("turn_order", "event"):
        columns = [
            _int("turn", primary_key=True, autoincrement=False),
            _int("position", primary_key=True, autoincrement=False),
        ]
        if table == "turn_order":
            columns.append(_text("seat"))
        columns += [_text("kind"), _text("data")]
        op.create_table(table, *columns)
    op.create_index("ix_turn_order_kind", "turn_order", ["kind"])
    op.create_index("ix_turn_order_seat", "turn_order", ["seat"])
    op.create_index("ix_event_kind", "event", ["kind"])
    op.create_table(
        "intervention",
        _int("turn", primary_key=True, autoincrement=False),
        _int("position", primary_key=True, autoincrement=False),
        _text("kind"),
        _text("data"),
        _text("state_hash"),
        _text("made"),
    )
    op.create_index("ix_intervention_kind", "intervention", ["kind"])


def downgrade() -> None:
    for table in ("intervention", "event", "turn_order", "turn", "submission", "seat"):
        op.drop_table(table)
    op.drop_table("session")
    op.drop_table("meta")
