"""Bring a database made by an older drafter up to date: create missing tables, add missing columns.

There is no migration tool: tables only ever gain nullable columns, so "add what is missing" is enough. Every
step is idempotent and safe when several workers start at once (a column another worker just added is fine).
"""

from __future__ import annotations

import time

from datetime import UTC, datetime

from sqlalchemy import Column, Engine, insert, inspect, select, text, update
from sqlalchemy.exc import DBAPIError

from drafter.domain.records import ROOT_ORG
from drafter.store.tables import ApiKeyRow, Base, DraftRow, OrgRow, UserRow

ATTEMPTS = 5
ROOT_ORG_NAME = "总工会"  # rename with `drafter orgs rename root 某市总工会`
# Drafts stored before owners existed belong to the author of their first version.
_BACKFILL_OWNER = text("UPDATE drafts SET owner = (SELECT v.author FROM versions v WHERE v.draft_id = drafts.id "
                       "AND v.number = 1) WHERE owner IS NULL")


def upgrade(engine: Engine) -> list[str]:
    """Create tables and add missing columns; returns the "table.column" names it added. Retried on races."""
    for attempt in range(ATTEMPTS):
        try:
            Base.metadata.create_all(engine)
            added = _add_missing_columns(engine)
            with engine.begin() as conn:
                conn.execute(_BACKFILL_OWNER)
            _ensure_root_org(engine)
            return added
        except DBAPIError:
            if attempt == ATTEMPTS - 1:
                raise
            time.sleep(0.2 * (attempt + 1))
    raise AssertionError("unreachable")


def _ensure_root_org(engine: Engine) -> None:
    """The root organisation exists, and every user, key and draft older than organisations belongs to it."""
    with engine.begin() as conn:
        if conn.execute(select(OrgRow.id).where(OrgRow.id == ROOT_ORG)).first() is None:
            conn.execute(insert(OrgRow).values(id=ROOT_ORG, name=ROOT_ORG_NAME, parent_id=None,
                                               path=f"/{ROOT_ORG}/", created_at=datetime.now(UTC)))
        for table in (DraftRow, UserRow, ApiKeyRow):
            conn.execute(update(table).where(table.org_id.is_(None)).values(org_id=ROOT_ORG))
        conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_drafts_org_id ON drafts (org_id)")


def missing_columns(engine: Engine) -> list[tuple[str, Column]]:
    """(table, column) pairs the models define but the database lacks."""
    inspector = inspect(engine)
    missing = []
    for table in Base.metadata.sorted_tables:
        present = {c["name"] for c in inspector.get_columns(table.name)}
        missing.extend((table.name, column) for column in table.columns if column.name not in present)
    return missing


def _add_missing_columns(engine: Engine) -> list[str]:
    added = []
    for table, column in missing_columns(engine):
        column_type = column.type.compile(dialect=engine.dialect)
        exists_clause = "IF NOT EXISTS " if engine.dialect.name == "postgresql" else ""
        statement = f'ALTER TABLE {table} ADD COLUMN {exists_clause}"{column.name}" {column_type}'
        try:
            with engine.begin() as conn:
                conn.exec_driver_sql(statement)
        except DBAPIError as exc:
            if "duplicate column" not in str(exc).lower():  # SQLite: another worker was first
                raise
        added.append(f"{table}.{column.name}")
    return added
