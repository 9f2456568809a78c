"""The claim judge's verdicts (issue 19, drafter.pipeline.judging): one row per hash of model, prompt, facts and
clause, in the drafts database (SQLite or PostgreSQL), so every API machine reuses every other's answers."""

from __future__ import annotations

from drafter.store import convert
from drafter.store.tables import JudgementRow


class JudgementMixin:
    """Judgement rows for DraftStore (uses its `_reading`/`_writing` transactions)."""

    def get_judgement(self, key: str) -> tuple[str, float] | None:
        with self._reading() as session:
            row = session.get(JudgementRow, key)
            return (row.verdict, row.score) if row is not None else None

    def put_judgement(self, key: str, model: str, verdict: str, score: float) -> None:
        """Insert or replace the verdict (two machines asking at once store the same answer)."""
        def work(session) -> None:
            row = session.get(JudgementRow, key)
            if row is None:
                session.add(JudgementRow(key=key, model=model[:200], verdict=verdict, score=score,
                                         created_at=convert.now()))
            else:
                row.verdict, row.score = verdict, score

        self._writing(work)

    def set_version_check(self, draft_id: str, number: int, check) -> None:
        """Replace the check of version `number` by the same text's judged check (the judge's verdicts are
        notes on the rules' result; the text is never changed). The draft's check_ok follows its latest version."""
        from sqlalchemy import select

        from drafter.store.tables import VersionRow

        def work(session) -> None:
            draft = self._locked_draft(session, draft_id)
            row = session.scalars(select(VersionRow).where(VersionRow.draft_id == draft_id,
                                                           VersionRow.number == number)).first()
            if row is None:
                return
            row.check, row.check_ok = check.model_dump(mode="json"), check.ok
            if draft.latest_version == number:
                draft.check_ok = check.ok

        self._writing(work)
