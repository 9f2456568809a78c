"""Stored drafts: create, list, read, versions, diffs, export, traces and working copies.

A part of DrafterService (drafter.service.facade), which provides `settings`, `store`, `library`, `providers`,
`traces`, `jobs` and `queue`, and the other parts' methods."""

from __future__ import annotations

from drafter.domain.errors import InvalidInput
from drafter.service.accounts import ActorLike
from drafter.domain.records import DiffResult, DraftDetail, DraftPage, VersionInfo, WorkingCopy
from drafter.domain.review_rules import may_edit_others
from drafter.models import DraftRequest, DraftResult

MAX_VERSION = 1_000_000  # version numbers above this are refused as unknown (404), never sent to the database


class DraftsService:
    """Mixed into DrafterService."""

    def create_draft(self, request: DraftRequest, result: DraftResult, author) -> DraftDetail:
        """Store a drafted result owned by `author` (a name, or a user/principal) and its organisation; its text
        becomes version 1 (and its run's model calls are linked to it)."""
        name = author if isinstance(author, str) else str(author.name)
        detail = self.store.create_draft(request, result, name, org_id=self.org_of(author))
        self.traces.link(result.run_id, detail.id)
        return detail

    def trace(self, draft_id: str, viewer=None):
        """The model calls that produced the draft (list[drafter.providers.trace_log.TraceCall]); NotFound for no
        such draft (or one outside the viewer's reach)."""
        self.get_draft(draft_id, viewer=viewer)
        return self.traces.for_draft(draft_id)

    def list_drafts(self, org: str | None = None, period: str | None = None, kind: str | None = None,
                    status: str | None = None, offset: int = 0, limit: int = 20,
                    owner: str | None = None, viewer=None) -> DraftPage:
        """Drafts newest first; with `viewer`, only those of organisations within the viewer's reach."""
        return self.store.list_drafts(org=org, period=period, kind=kind, status=status, offset=offset, limit=limit,
                                      owner=owner, within=self.reach(viewer))

    def get_draft(self, draft_id: str, viewer=None) -> DraftDetail:
        self.require_reach(draft_id, viewer)
        return self.store.get_draft(draft_id)

    def list_versions(self, draft_id: str, viewer=None) -> list[VersionInfo]:
        self.require_reach(draft_id, viewer)
        return self.store.list_versions(draft_id)

    def get_version(self, draft_id: str, number: int, viewer=None) -> VersionInfo:
        self.require_reach(draft_id, viewer)
        if not 1 <= number <= MAX_VERSION:  # beyond any real version, and beyond what the database's integer holds
            from drafter.domain.errors import NotFound

            raise NotFound(f"稿件 {draft_id} 没有第 {number} 版")
        return self.store.get_version(draft_id, number)

    def export_docx(self, draft_id: str, version: int | None = None, viewer=None) -> tuple[str, bytes]:
        """The draft (latest or given version) as a GB/T 9704-style Word file: (file name, content)."""
        from drafter.documents.export_docx import export_version

        draft = self.get_draft(draft_id, viewer=viewer)
        chosen = draft.latest if version is None else self.get_version(draft_id, version)
        return export_version(draft, chosen, zone_name=self.settings.timezone)

    def save_version(self, draft_id: str, text: str, base_version: int, author: str | ActorLike,
                     source: str | None = None) -> VersionInfo:
        """Save an edited text as a new version, rechecked against the draft's facts.

        Forbidden unless `author` owns the draft or is an editor/admin; StaleVersion if `base_version` is outdated.
        Saving is not submitting: the draft goes (back) to 草稿, and an approval is voided. `source` says how
        the text came about ("word": a re-imported .docx; "kept": kept before regenerating; default: an edit, or
        "after_return" while the draft is returned).
        The text is normalised first (drafter.domain.input_text), so every stored version exports.
        """
        from drafter.domain.input_text import clean_text

        text = clean_text(text)
        self.require_reach(draft_id, author)
        name, role = self._actor(author)
        others = may_edit_others(role)
        request = self.store.prepare_edit(draft_id, text, base_version, name, others)  # early refusal
        check = self.check_text(request, text, judged="cached")  # verdicts judged before apply
        return self.store.add_version(draft_id, text, base_version, name, check, may_edit_others=others,
                                      source=source)

    def import_word_version(self, draft_id: str, data: bytes, base_version: int,
                            user: str | ActorLike) -> VersionInfo:
        """A .docx of version `base_version`, edited in Word or WPS, becomes a new version (paragraphs read back,
        checked like any edit). InvalidInput for a file that is no .docx, has no text, or is unchanged."""
        from drafter.documents.import_docx import text_from_docx

        draft, base = self.get_draft(draft_id), self.get_version(draft_id, base_version)
        text = text_from_docx(data, base.text, draft.title, draft.org,
                              max_unzipped=self.settings.max_docx_unzipped_bytes,
                              max_entries=self.settings.max_docx_entries)
        if text.strip() == base.text.strip():
            raise InvalidInput(f"Word 文件的内容与第 {base_version} 版相同，没有生成新版本")
        return self.save_version(draft_id, text, base_version, user, source="word")

    def restore_version(self, draft_id: str, number: int, user: str | ActorLike) -> VersionInfo:
        """Version `number`'s text becomes a new version (rechecked against today's facts and lexicon)."""
        old = self.get_version(draft_id, number, viewer=user)
        latest = self.get_draft(draft_id).latest_version
        if number == latest:
            raise InvalidInput(f"第 {number} 版已是最新版本，无需恢复")
        name, role = self._actor(user)
        others = may_edit_others(role)
        request = self.store.prepare_edit(draft_id, old.text, latest, name, others)
        check = self.check_text(request, old.text, judged="cached")
        return self.store.add_version(draft_id, old.text, latest, name, check, may_edit_others=others,
                                      restored_from=number)

    def diff_since_return(self, draft_id: str, viewer=None) -> DiffResult | None:
        """The diff from the version last returned (退回) to the latest; None if the draft was never returned."""
        self.require_reach(draft_id, viewer)
        returned = self.store.last_return_version(draft_id)
        if returned is None:
            return None
        return self.diff(draft_id, returned, self.get_draft(draft_id).latest_version)

    def diff(self, draft_id: str, from_version: int, to_version: int, viewer=None) -> DiffResult:
        from drafter.documents.diffing import diff_versions

        self.require_reach(draft_id, viewer)
        before, after = self.get_version(draft_id, from_version), self.get_version(draft_id, to_version)
        return diff_versions(draft_id, before, after)

    def save_working_copy(self, copy: WorkingCopy) -> WorkingCopy:
        """Upsert the user's unsaved work for one draft (draft_id None: a draft not yet saved). Not a version."""
        if not isinstance(copy, WorkingCopy):
            raise InvalidInput("工作副本格式无效")
        return self.store.save_working_copy(copy)

    def load_working_copy(self, user: str, draft_id: str | None = None) -> WorkingCopy | None:
        return self.store.load_working_copy(user, draft_id)

    def discard_working_copy(self, user: str, draft_id: str | None = None) -> bool:
        return self.store.discard_working_copy(user, draft_id)
