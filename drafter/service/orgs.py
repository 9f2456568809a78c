"""Organisations and reach: who may see which drafts and examples.

A user or API key belongs to one organisation. Its role acts within that organisation and its descendants
(its *reach*): a district reviewer reviews its grassroots unions' drafts, never a sibling district's. A draft
outside the caller's reach is reported as not found (NotFound, API 404), so ids do not leak.

Examples go the other way: an organisation's uploads are seen by it and its descendants (and by everyone when
marked shared); the shipped corpus by everyone. `example_scope(user)` gives the lineage (root … own org) that
retrieval filters on inside the vector store query.

`user` is a name, or anything with `.name`, `.role` and (optionally) `.org_id`: UserInfo, the API's Principal.
None means an internal caller (CLI, tests): everything. A name that is no user, and an object without
`org_id`, act for the root organisation (the one organisation of a database older than organisations).

A part of DrafterService (drafter.service.facade)."""

from __future__ import annotations

import csv
import io

from drafter.domain.errors import InvalidInput, NotFound
from drafter.domain.records import ROOT_ORG, OrgInfo
from textkit.decoding import DecodeError, decode_text

CSV_HEADERS = {"name": ("name", "名称", "组织", "组织名称"), "parent": ("parent", "上级", "上级组织")}


class OrgsService:
    """Mixed into DrafterService."""

    # --- the tree -------------------------------------------------------------------------------
    def create_org(self, name: str, parent: str | None = None, viewer=None) -> OrgInfo:
        """A new organisation under `parent` (the viewer's own organisation when None and a viewer is given)."""
        if viewer is not None:
            parent = self._within_reach(parent or self.org_of(viewer), viewer).id
        return self.store.create_org(name, parent)

    def rename_org(self, key: str, name: str, viewer=None) -> OrgInfo:
        return self.change_org(key, name=name, viewer=viewer)

    def move_org(self, key: str, parent: str, viewer=None) -> OrgInfo:
        """Put an organisation and its subtree under `parent` (both within the viewer's reach); reach follows at
        once everywhere: it is read from the store's paths on every request."""
        return self.change_org(key, parent=parent, viewer=viewer)

    def change_org(self, key: str, name: str | None = None, parent: str | None = None, viewer=None) -> OrgInfo:
        """Move (under `parent`, within the viewer's reach) and/or rename an organisation in one transaction:
        a refused name leaves it where it was, a refused move leaves its name."""
        org = self._within_reach(key, viewer).id
        target = self._within_reach(parent, viewer).id if parent is not None else None
        return self.store.change_org(org, name=name, parent=target)

    def delete_org(self, key: str, to_parent: bool = False, viewer=None) -> OrgInfo:
        """Delete an organisation that holds nothing, or (`to_parent`) hand what it holds to its parent; its
        uploaded examples must be deleted first (drafter.store.orgs.delete_org says why)."""
        org = self._within_reach(key, viewer)
        if viewer is not None and org.id == self.org_of(viewer):
            raise InvalidInput("不能删除自己所在的组织")
        uploads = sum(1 for example in self.library.list_examples() if example.org == org.id)
        return self.store.delete_org(org.id, uploads=uploads, to_parent=to_parent)

    def _within_reach(self, key: str | None, viewer) -> OrgInfo:
        """The organisation, if the viewer reaches it (NotFound otherwise, as for an unknown one)."""
        org = self.store.get_org(key)
        within = self.reach(viewer)
        if within is not None and not org.path.startswith(within):
            raise NotFound(f"组织不存在：{(key or '')[:200]}")
        return org

    def get_org(self, key: str | None) -> OrgInfo:
        return self.store.get_org(key)

    def list_orgs(self, viewer=None) -> list[OrgInfo]:
        """The organisations (within the viewer's reach, when given), depth-first."""
        return self.store.list_orgs(within=self.reach(viewer))

    def import_orgs(self, data: bytes | str) -> tuple[list[OrgInfo], list[str]]:
        """Organisations from a CSV with columns name,parent (名称,上级 also work; a header row is optional;
        an empty parent is the root). One transaction: a bad row creates nothing (InvalidInput names it)."""
        if isinstance(data, bytes):
            try:
                data = decode_text(data)[0]
            except DecodeError as exc:
                raise InvalidInput(f"组织 CSV 无法读取：{exc}") from None
        rows = [r for r in csv.reader(io.StringIO(data)) if any(cell.strip() for cell in r)]
        if rows and rows[0] and rows[0][0].strip().lower() in CSV_HEADERS["name"]:
            rows = rows[1:]
        if not rows:
            raise InvalidInput("CSV 中没有组织（每行：名称,上级组织）")
        return self.store.import_orgs([(r[0], r[1] if len(r) > 1 else None) for r in rows])

    # --- reach ----------------------------------------------------------------------------------
    def org_of(self, user) -> str:
        """The organisation id a user acts for."""
        if isinstance(user, str):
            info = self.store.get_user(user)
            return info.org_id if info is not None else ROOT_ORG
        return str(getattr(user, "org_id", None) or ROOT_ORG)

    def reach(self, user) -> str | None:
        """The path prefix of the organisations whose drafts `user` reaches; None for everything."""
        if user is None:
            return None
        org = self.org_of(user)
        if org == ROOT_ORG:
            return None  # the root reaches every organisation
        try:
            return self.store.get_org(org).path
        except NotFound:
            return f"/{ROOT_ORG}/-/"  # an organisation that is gone: reaches nothing

    def require_reach(self, draft_id: str, user) -> None:
        """NotFound unless the draft exists within the user's reach (the same answer as for an unknown id)."""
        within = self.reach(user)
        if within is not None and not self.store.draft_within(draft_id, within):
            raise NotFound(f"稿件不存在：{draft_id}")

    def example_scope(self, user) -> list[str] | None:
        """The organisations whose uploads `user` may use as examples (root … own org); None for all."""
        if user is None:
            return None
        org = self.org_of(user)
        try:
            return self.store.get_org(org).lineage
        except NotFound:
            return []
