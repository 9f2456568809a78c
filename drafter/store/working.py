"""Autosaved working copies: one per user and draft slot, overwritten in place (never a version)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import delete, select

from drafter.domain.errors import InvalidInput
from drafter.domain.records import WorkingCopy
from drafter.store import convert
from drafter.store.tables import WorkingCopyRow
from textkit.decoding import encodable

MAX_TEXT = 1_000_000


def _slot(draft_id: str | None) -> str:
    return draft_id or ""


def _clean(value):
    """JSON-ready values: strings without lone surrogates (they cannot be stored), dates as ISO text, other
    objects as their text; inside dicts and lists too."""
    if isinstance(value, str):
        return encodable(value, drop=True) if not value.isascii() else value
    if isinstance(value, dict):
        return {_clean(str(k)): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_clean(v) for v in value]
    if isinstance(value, date | datetime):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float):
        return value
    return _clean(str(value))


class WorkingCopyMixin:
    """Working copies for DraftStore (uses its `_reading`/`_writing` transactions)."""

    def save_working_copy(self, copy: WorkingCopy) -> WorkingCopy:
        """Insert or overwrite the user's working copy of `copy.draft_id` (None: the new, unsaved draft)."""
        user = copy.user.strip()
        if not user:
            raise InvalidInput("用户名不能为空")
        if len(copy.text) > MAX_TEXT:
            raise InvalidInput(f"正文过长：最多 {MAX_TEXT} 个字符")
        form, text = _clean(copy.form), _clean(copy.text)
        unchanged = self.load_working_copy(user, copy.draft_id)
        if unchanged is not None and (unchanged.form, unchanged.text, unchanged.base_version) == (
                form, text, copy.base_version):
            return unchanged  # the page autosaves every ~2 s: an unchanged copy costs one read, no write lock

        def work(session) -> WorkingCopy:
            row = session.scalars(select(WorkingCopyRow).where(WorkingCopyRow.user_name == user,
                                                                WorkingCopyRow.slot == _slot(copy.draft_id))).first()
            if row is None:
                row = WorkingCopyRow(user_name=user, slot=_slot(copy.draft_id))
                session.add(row)
            row.base_version, row.form, row.text, row.updated_at = copy.base_version, form, text, convert.now()
            session.flush()  # a concurrent first save of the same slot fails here (unique) and is retried
            return convert.working_copy(row)

        return self._writing(work)

    def load_working_copy(self, user: str, draft_id: str | None = None) -> WorkingCopy | None:
        with self._reading() as session:
            row = session.scalars(select(WorkingCopyRow).where(WorkingCopyRow.user_name == (user or "").strip(),
                                                                WorkingCopyRow.slot == _slot(draft_id))).first()
            return convert.working_copy(row) if row is not None else None

    def discard_working_copy(self, user: str, draft_id: str | None = None) -> bool:
        """Delete the working copy; False if there was none."""
        def work(session) -> bool:
            result = session.execute(delete(WorkingCopyRow).where(WorkingCopyRow.user_name == (user or "").strip(),
                                                                  WorkingCopyRow.slot == _slot(draft_id)))
            return result.rowcount > 0

        return self._writing(work)
