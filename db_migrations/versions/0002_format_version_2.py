"""Format version 2: dropped items, previous status and outcome of carried items, a starting point's kind,
indicators, and an improvement action's key and status (the old done flag becomes status done or open).

Revision ID: 5ca17498905c
Revises: b0f261786787
Create Date: 2026-12-01 14:45:49.521448
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "5ca17498905c"
down_revision: str | None = "b0f261786787"
branch_labels: str | None = None
depends_on: str | None = None

ACTION_STATUSES = "status IN ('open', 'in_progress', 'done', 'partly_done', 'not_done', 'dropped')"
CATEGORIES = "category IS NULL OR category IN ('goal', 'problem', 'other')"


def _links_of_sqlite() -> list[dict[str, object]]:
    """SQLite's batch mode copies logic_item to a new table and drops the old one; with foreign keys on, that
    drop deletes every link (ON DELETE CASCADE). The links are kept aside and put back."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return []
    return [dict(row._mapping) for row in bind.execute(sa.text("SELECT * FROM logic_link ORDER BY id"))]


def _put_back(links: list[dict[str, object]]) -> None:
    if not links:
        return
    bind = op.get_bind()
    bind.execute(sa.text("DELETE FROM logic_link"))
    bind.execute(
        sa.text(
            "INSERT INTO logic_link (id, session_id, source_id, target_id)"
            " VALUES (:id, :session_id, :source_id, :target_id)"
        ),
        links,
    )


def upgrade() -> None:
    links = _links_of_sqlite()
    with op.batch_alter_table("logic_item", schema=None) as batch_op:
        batch_op.add_column(sa.Column("previous_status", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("previous_outcome", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("dropped_reason", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("category", sa.String(length=12), nullable=True))
        batch_op.add_column(sa.Column("indicators", sa.Text(), nullable=False, server_default=""))
        batch_op.create_check_constraint(op.f("ck_logic_item_category"), CATEGORIES)

    with op.batch_alter_table("improvement", schema=None) as batch_op:
        batch_op.add_column(sa.Column("key", sa.String(length=64), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("status", sa.String(length=12), nullable=False, server_default="open"))
        batch_op.add_column(sa.Column("status_comment", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("status_date", sa.Date(), nullable=True))

    # The done flag becomes a status; each action gets a key i1, i2, … in its session's order.
    bind = op.get_bind()
    improvement = sa.table(
        "improvement",
        sa.column("id", sa.Integer()),
        sa.column("session_id", sa.Integer()),
        sa.column("position", sa.Integer()),
        sa.column("done", sa.Boolean()),
        sa.column("key", sa.String()),
        sa.column("status", sa.String()),
    )
    bind.execute(improvement.update().where(improvement.c.done == sa.true()).values(status="done"))
    numbers: dict[int, int] = {}
    rows = bind.execute(
        sa.select(improvement.c.id, improvement.c.session_id).order_by(
            improvement.c.session_id, improvement.c.position, improvement.c.id
        )
    ).all()
    for row_id, session_id in rows:
        numbers[session_id] = numbers.get(session_id, 0) + 1
        bind.execute(improvement.update().where(improvement.c.id == row_id).values(key=f"i{numbers[session_id]}"))

    with op.batch_alter_table("improvement", schema=None) as batch_op:
        batch_op.drop_column("done")
        batch_op.alter_column("key", server_default=None, existing_type=sa.String(length=64))
        batch_op.alter_column("status", server_default=None, existing_type=sa.String(length=12))
        batch_op.alter_column("status_comment", server_default=None, existing_type=sa.Text())
        batch_op.create_unique_constraint("uq_improvement_session_key", ["session_id", "key"])
        batch_op.create_check_constraint(op.f("ck_improvement_status"), ACTION_STATUSES)

    with op.batch_alter_table("logic_item", schema=None) as batch_op:
        batch_op.alter_column("indicators", server_default=None, existing_type=sa.Text())
    _put_back(links)


def downgrade() -> None:
    links = _links_of_sqlite()
    with op.batch_alter_table("logic_item", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_logic_item_category"), type_="check")
        batch_op.drop_column("indicators")
        batch_op.drop_column("category")
        batch_op.drop_column("dropped_reason")
        batch_op.drop_column("previous_outcome")
        batch_op.drop_column("previous_status")
    _put_back(links)

    with op.batch_alter_table("improvement", schema=None) as batch_op:
        batch_op.add_column(sa.Column("done", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.execute("UPDATE improvement SET done = (status = 'done')")
    with op.batch_alter_table("improvement", schema=None) as batch_op:
        batch_op.alter_column("done", server_default=None, existing_type=sa.Boolean())
        batch_op.drop_constraint(op.f("ck_improvement_status"), type_="check")
        batch_op.drop_constraint("uq_improvement_session_key", type_="unique")
        batch_op.drop_column("status_date")
        batch_op.drop_column("status_comment")
        batch_op.drop_column("status")
        batch_op.drop_column("key")
