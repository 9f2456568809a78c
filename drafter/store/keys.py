"""API keys: `dk_` + 43 url-safe characters, shown once; the store keeps only their sha256."""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import select

from drafter.domain.errors import InvalidInput, NotFound
from drafter.domain.records import ROLES, ApiKeyInfo
from drafter.store import convert
from drafter.store.orgs import find_org
from drafter.store.tables import ApiKeyRow

KEY_PREFIX = "dk_"


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class ApiKeyMixin:
    """Key management for DraftStore (uses its `_reading`/`_writing` transactions)."""

    def create_api_key(self, name: str, role: str = "writer", org: str | None = None) -> tuple[ApiKeyInfo, str]:
        """A new key acting for organisation `org` (id or name; the root when None); the plaintext is returned
        once and never stored."""
        name = (name or "").strip()
        if not name:
            raise InvalidInput("密钥名称不能为空")
        if role not in ROLES:
            raise InvalidInput(f"未知的角色：{role}（可选：{'、'.join(ROLES)}）")
        key = KEY_PREFIX + secrets.token_urlsafe(32)

        def work(session) -> ApiKeyInfo:
            _refuse_taken_name(session, name)
            org_row = find_org(session, org)
            if org_row is None:
                raise NotFound(f"组织不存在：{org}")
            row = ApiKeyRow(id=secrets.token_hex(6), name=name[:200], role=role, key_hash=hash_key(key),
                            created_at=convert.now(), revoked=False, org_id=org_row.id)
            session.add(row)
            return convert.api_key_info(row)

        return self._writing(work), key

    def authenticate(self, key: str) -> ApiKeyInfo | None:
        """The key's record if it exists and is not revoked, else None."""
        if not key or not key.startswith(KEY_PREFIX):
            return None
        with self._reading() as session:
            row = session.scalars(select(ApiKeyRow).where(ApiKeyRow.key_hash == hash_key(key))).first()
            return convert.api_key_info(row) if row is not None and not row.revoked else None

    def list_api_keys(self) -> list[ApiKeyInfo]:
        with self._reading() as session:
            rows = session.scalars(select(ApiKeyRow).order_by(ApiKeyRow.created_at, ApiKeyRow.id)).all()
            return [convert.api_key_info(r) for r in rows]

    def revoke_api_key(self, key_id: str) -> bool:
        """Revoke a key by id; False if there is no such key (revoking twice is True)."""
        def work(session) -> bool:
            row = session.get(ApiKeyRow, key_id)
            if row is None:
                return False
            row.revoked = True
            return True

        return self._writing(work)


def _refuse_taken_name(session, name: str) -> None:
    """A name that another live key or a user already holds is refused (issue 24, D5): drafts and reviews
    record names, so one name must be one identity ("w1" the writer and "w1" the reviewer would approve their
    own drafts). A revoked key's name may be given to its successor."""
    from drafter.domain.input_text import identity
    from drafter.store.tables import UserRow

    wanted = identity(name)
    keys = session.scalars(select(ApiKeyRow.name).where(ApiKeyRow.revoked.is_(False))).all()
    users = session.scalars(select(UserRow.name)).all()
    if any(identity(n) == wanted for n in keys):
        raise InvalidInput(f"名称“{name}”已被另一个有效密钥使用：请换一个名称，或先吊销那个密钥")
    if any(identity(n) == wanted for n in users):
        raise InvalidInput(f"名称“{name}”已是一个用户的名称：请换一个名称")
