"""StoreBase: the engine, one read and one write transaction helper, and the row lookups every part shares."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from drafter.domain.errors import InvalidInput, NotFound, StaleVersion
from drafter.store.engine import make_engine, session_factories
from drafter.store.migrate import upgrade
from drafter.store.tables import DraftRow

T = TypeVar("T")
WRITE_ATTEMPTS = 5


class StoreBase:
    """The store over one SQLAlchemy URL (SQLite file or PostgreSQL); tables and new columns are added on start."""

    def __init__(self, url: str) -> None:
        self.engine = make_engine(url)
        upgrade(self.engine)
        self._read, self._write = session_factories(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        with self._read() as session, session.begin():
            yield session

    def _writing(self, work: Callable[[Session], T]) -> T:
        """Run `work` in one write transaction; retried when a concurrent writer took the same unique key."""
        for attempt in range(WRITE_ATTEMPTS):
            try:
                with self._write() as session, session.begin():
                    return work(session)
            except IntegrityError:
                if attempt == WRITE_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    @staticmethod
    def _draft(session: Session, draft_id: str) -> DraftRow:
        row = session.get(DraftRow, draft_id)
        if row is None:
            raise NotFound(f"稿件不存在：{draft_id}")
        return row

    @staticmethod
    def _locked_draft(session: Session, draft_id: str) -> DraftRow:
        """The draft row, locked for this transaction (FOR UPDATE on PostgreSQL; SQLite holds the write lock)."""
        row = session.scalars(select(DraftRow).where(DraftRow.id == draft_id).with_for_update()).first()
        if row is None:
            raise NotFound(f"稿件不存在：{draft_id}")
        return row


def require_text(text: str) -> None:
    if not text or not text.strip():
        raise InvalidInput("正文不能为空")


def require_base(draft: DraftRow, base_version: int) -> None:
    if base_version != draft.latest_version:
        raise StaleVersion(f"稿件已被他人修改：您编辑的是第 {base_version} 版，最新为第 {draft.latest_version} 版，"
                           "请刷新后再保存", latest_version=draft.latest_version)
