"""Organisations: a tree (总工会 → 区/产业工会 → 基层工会) kept as materialised paths ("/root/…/id/").

An organisation is found by its id or its (unique) name. "Within an organisation's reach" is a prefix test on
paths (an index range scan in both databases). Moving an organisation rewrites the paths of its subtree in one
transaction, with those rows locked (FOR UPDATE on PostgreSQL; SQLite holds its write lock), and creating one
locks its parent's row, so a child is never created under a path that is being rewritten. Reach is read from
the paths on every request, so a move applies at once on every machine.
"""

from __future__ import annotations

import secrets

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from drafter.domain.errors import Conflict, InvalidInput, NotFound
from drafter.domain.records import ROOT_ORG, OrgInfo
from drafter.store import convert
from drafter.store.tables import ApiKeyRow, DraftRow, JobRow, OrgRow, UserRow

MAX_ORG_NAME = 200
MAX_DEPTH = 12


def clean_org_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise InvalidInput("组织名称不能为空")
    if len(name) > MAX_ORG_NAME or not name.isprintable():
        raise InvalidInput(f"组织名称无效：不能含控制字符，最长 {MAX_ORG_NAME} 个字符")
    return name


def find_org(session: Session, key: str | None) -> OrgRow | None:
    """The organisation with this id or name (None for an unknown one; the root for None or "")."""
    key = " ".join((key or ROOT_ORG).split())
    row = session.get(OrgRow, key)
    return row or session.scalars(select(OrgRow).where(OrgRow.name == key)).first()


class OrgMixin:
    """Organisation management for DraftStore (uses its `_reading`/`_writing` transactions)."""

    def create_org(self, name: str, parent: str | None = None) -> OrgInfo:
        """A new organisation under `parent` (id or name; the root when None)."""
        name = clean_org_name(name)
        return self._writing(lambda session: convert.org_info(_add_org(session, name, parent)))

    def import_orgs(self, rows: list[tuple[str, str | None]]) -> tuple[list[OrgInfo], list[str]]:
        """Create organisations from (name, parent) rows in one transaction, parents before children whatever the
        order of the rows; a name that already exists under the same parent is left as it is.
        Returns (created, notes about rows left as they were); InvalidInput (nothing created) on any bad row."""
        cleaned = []
        for number, (name, parent) in enumerate(rows, 1):
            try:
                cleaned.append((number, clean_org_name(name), " ".join((parent or "").split()) or None))
            except InvalidInput as exc:
                raise InvalidInput(f"第 {number} 行：{exc}") from None

        def work(session: Session) -> tuple[list[OrgInfo], list[str]]:
            created, notes, waiting = [], [], cleaned
            while waiting:
                left = []
                for number, name, parent in waiting:
                    if parent is not None and find_org(session, parent) is None:
                        left.append((number, name, parent))
                        continue
                    existing = session.scalars(select(OrgRow).where(OrgRow.name == name)).first()
                    if existing is not None:
                        wanted = find_org(session, parent)
                        if existing.parent_id != wanted.id:
                            raise InvalidInput(f"第 {number} 行：组织“{name}”已存在，且上级不是“{parent or wanted.name}”")
                        notes.append(f"第 {number} 行：“{name}”已存在，未改动")
                        continue
                    created.append(convert.org_info(_add_org(session, name, parent)))
                if len(left) == len(waiting):
                    number, name, parent = left[0]
                    raise InvalidInput(f"第 {number} 行：上级组织“{parent}”不存在（也不在文件中）")
                waiting = left
            return created, notes

        return self._writing(work)

    def rename_org(self, key: str, name: str) -> OrgInfo:
        return self.change_org(key, name=name)

    def move_org(self, key: str, parent: str) -> OrgInfo:
        return self.change_org(key, parent=parent)

    def change_org(self, key: str, name: str | None = None, parent: str | None = None) -> OrgInfo:
        """Move the organisation (and its subtree) under `parent` and/or rename it, in one transaction: when
        either part is refused nothing changes. A move never takes the root, never goes under the organisation
        itself or one of its descendants, never deeper than MAX_DEPTH."""
        name = clean_org_name(name) if name is not None else None

        def work(session: Session) -> OrgInfo:
            row = _existing(session, key)
            if parent is not None:
                _move(session, row, _existing(session, parent))
            if name is not None:
                if row.name != name and session.scalars(select(OrgRow).where(OrgRow.name == name)).first():
                    raise InvalidInput(f"组织已存在：{name}")
                row.name = name
            session.flush()
            return convert.org_info(row)

        return self._writing(work)

    def delete_org(self, key: str, uploads: int = 0, to_parent: bool = False) -> OrgInfo:
        """Delete an organisation. It must hold nothing (Conflict, in Chinese, names what to move first), or
        with `to_parent` its sub-organisations, users, API keys, drafts and jobs become its parent's, in the same
        transaction. `uploads` (its uploaded examples, counted by the caller: they live in the library's
        catalog) are never moved: they must be deleted first, so nobody sees them who could not before."""
        def work(session: Session) -> OrgInfo:
            row = _existing(session, key)
            if row.id == ROOT_ORG:
                raise InvalidInput("根组织不能删除")
            subtree = session.scalars(select(OrgRow).where(OrgRow.path.startswith(row.path))
                                      .order_by(OrgRow.path).with_for_update()).all()
            if uploads:
                raise Conflict(f"组织“{row.name}”还有 {uploads} 篇上传的示例，请先删除这些示例后再删除组织")
            held = _holdings(session, row.id)
            if held and not to_parent:
                raise Conflict(f"组织“{row.name}”下还有{'、'.join(held)}，请先把它们移到其他组织后再删除，"
                                   "或加 --to-parent 把它们一并移到上级组织")
            parent = session.get(OrgRow, row.parent_id)
            for member in subtree[1:]:
                member.path = parent.path + member.path[len(row.path):]
                if member.parent_id == row.id:
                    member.parent_id = parent.id
            for table in (UserRow, ApiKeyRow, DraftRow, JobRow):
                session.execute(update(table).where(table.org_id == row.id).values(org_id=parent.id))
            info = convert.org_info(row)
            session.delete(row)
            return info

        return self._writing(work)

    def get_org(self, key: str | None) -> OrgInfo:
        """The organisation with this id or name (NotFound otherwise)."""
        with self._reading() as session:
            return convert.org_info(_existing(session, key))

    def list_orgs(self, within: str | None = None) -> list[OrgInfo]:
        """Every organisation (or those whose path starts with `within`), the tree in depth-first order."""
        query = select(OrgRow).order_by(OrgRow.path)
        if within:
            query = query.where(OrgRow.path.startswith(within))
        with self._reading() as session:
            return _tree_order([convert.org_info(r) for r in session.scalars(query).all()])

    def draft_within(self, draft_id: str, within: str) -> bool:
        """Whether the draft exists and belongs to an organisation whose path starts with `within`."""
        with self._reading() as session:
            path = session.scalar(select(OrgRow.path).join(DraftRow, DraftRow.org_id == OrgRow.id)
                                  .where(DraftRow.id == draft_id))
            return path is not None and path.startswith(within)


def _existing(session: Session, key: str | None) -> OrgRow:
    row = find_org(session, key)
    if row is None:
        raise NotFound(f"组织不存在：{(key or '')[:200]}")
    return row


def _move(session: Session, row: OrgRow, target: OrgRow) -> None:
    """Rewrite the paths of `row`'s subtree to lie under `target`, with those rows and the target locked."""
    if row.id == ROOT_ORG:
        raise InvalidInput("根组织不能移动")
    subtree = session.scalars(select(OrgRow).where(OrgRow.path.startswith(row.path))
                              .order_by(OrgRow.path).with_for_update()).all()
    session.refresh(target, with_for_update=True)
    if target.path.startswith(row.path):
        raise InvalidInput(f"不能把“{row.name}”移到它自己或它的下级组织“{target.name}”之下")
    old, new = row.path, f"{target.path}{row.id}/"
    if max(r.path.count("/") for r in subtree) - old.count("/") + new.count("/") - 1 > MAX_DEPTH:
        raise InvalidInput(f"移动后组织层级过深（最多 {MAX_DEPTH} 级）")
    for member in subtree:
        member.path = new + member.path[len(old):]
    row.parent_id = target.id


def _holdings(session: Session, org_id: str) -> list[str]:
    """What still belongs to the organisation, in words ("2 个下级组织", "1 个用户" …)."""
    counts = [(session.scalar(select(func.count()).select_from(OrgRow).where(OrgRow.parent_id == org_id)),
               "个下级组织"),
              (session.scalar(select(func.count()).select_from(UserRow).where(UserRow.org_id == org_id)), "个用户"),
              (session.scalar(select(func.count()).select_from(ApiKeyRow).where(ApiKeyRow.org_id == org_id,
                                                                          ApiKeyRow.revoked.is_(False))),
               "个 API 密钥"),
              (session.scalar(select(func.count()).select_from(DraftRow).where(DraftRow.org_id == org_id)), "篇稿件")]
    return [f"{count} {unit}" for count, unit in counts if count]


def _add_org(session: Session, name: str, parent: str | None) -> OrgRow:
    parent_row = find_org(session, parent)
    if parent_row is None:
        raise NotFound(f"上级组织不存在：{(parent or '')[:200]}")
    session.refresh(parent_row, with_for_update=True)  # its path is current: no move is rewriting it
    if session.scalars(select(OrgRow).where(OrgRow.name == name)).first() is not None:
        raise InvalidInput(f"组织已存在：{name}")
    if parent_row.path.count("/") - 1 >= MAX_DEPTH:
        raise InvalidInput(f"组织层级过深（最多 {MAX_DEPTH} 级）")
    org_id = secrets.token_hex(6)
    row = OrgRow(id=org_id, name=name, parent_id=parent_row.id, path=f"{parent_row.path}{org_id}/",
                 created_at=convert.now())
    session.add(row)
    session.flush()
    return row


def _tree_order(orgs: list[OrgInfo]) -> list[OrgInfo]:
    """Depth-first with siblings by creation time (paths sort by random ids, which says nothing)."""
    children: dict[str | None, list[OrgInfo]] = {}
    for org in sorted(orgs, key=lambda o: (o.created_at, o.name)):
        children.setdefault(org.parent_id, []).append(org)
    known = {o.id for o in orgs}
    out: list[OrgInfo] = []

    def walk(org: OrgInfo) -> None:
        out.append(org)
        for child in children.get(org.id, []):
            walk(child)

    for org in sorted(orgs, key=lambda o: (o.created_at, o.name)):
        if org.parent_id not in known:
            walk(org)
    return out
