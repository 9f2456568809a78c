"""Users who sign in: name, role and an argon2 hash of the password (the same store as the API keys)."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from drafter.domain.errors import InvalidInput, NotFound
from drafter.domain.records import ROLE_LABELS, USER_ROLES, UserInfo
from drafter.store import convert
from drafter.store.orgs import find_org
from drafter.store.tables import UserRow

MIN_PASSWORD = 8
MAX_PASSWORD = 1024
MAX_NAME = 100
_hasher = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """Verified against when the name is unknown, so a wrong name costs as long as a wrong password. Made at a
    process's first sign-in of any name, not at import: a hash costs 0.16 CPU-s, and every CLI command and server
    imports this."""
    return _hasher.hash("drafter-no-such-user")


def clean_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise InvalidInput("用户名不能为空")
    if len(name) > MAX_NAME or any(ch.isspace() and ch != " " for ch in name) or not name.isprintable():
        raise InvalidInput(f"用户名无效：不能含控制字符或换行，最长 {MAX_NAME} 个字符")
    return name


def check_password(password: str) -> str:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise InvalidInput(f"密码太短：至少 {MIN_PASSWORD} 个字符")
    if len(password) > MAX_PASSWORD:
        raise InvalidInput(f"密码太长：最多 {MAX_PASSWORD} 个字符")
    return password


def check_role(role: str) -> str:
    if role not in USER_ROLES:
        choices = "、".join(f"{r}（{ROLE_LABELS[r]}）" for r in USER_ROLES)
        raise InvalidInput(f"未知的角色：{role}（可选：{choices}）")
    return role


class UserMixin:
    """User management for DraftStore (uses its `_reading`/`_writing` transactions)."""

    def create_user(self, name: str, password: str, role: str, org: str | None = None) -> UserInfo:
        """A user of organisation `org` (id or name; the root organisation when None)."""
        name, password, role = clean_name(name), check_password(password), check_role(role)
        password_hash = _hasher.hash(password)  # slow on purpose: outside the write transaction

        def work(session) -> UserInfo:
            if session.get(UserRow, name) is not None:
                raise InvalidInput(f"用户已存在：{name}")
            org_row = find_org(session, org)
            if org_row is None:
                raise NotFound(f"组织不存在：{org}")
            row = UserRow(name=name, password_hash=password_hash, role=role, created_at=convert.now(), disabled=False,
                          org_id=org_row.id)
            session.add(row)
            return convert.user_info(row)

        return self._writing(work)

    def verify_user(self, name: str, password: str) -> UserInfo | None:
        """The user if the name and password match and the user is not disabled, else None."""
        dummy = _dummy_hash()  # before the look-up: the first sign-in costs the same for a known or unknown name
        with self._reading() as session:
            row = session.get(UserRow, (name or "").strip())
            stored = row.password_hash if row is not None else dummy
        try:
            _hasher.verify(stored, password or "")
        except (VerificationError, InvalidHashError):
            return None
        if row is None or row.disabled:
            return None
        if _hasher.check_needs_rehash(stored):
            self.set_password(row.name, password)
        return convert.user_info(row)

    def get_user(self, name: str) -> UserInfo | None:
        with self._reading() as session:
            row = session.get(UserRow, (name or "").strip())
            return convert.user_info(row) if row is not None else None

    def list_users(self) -> list[UserInfo]:
        with self._reading() as session:
            rows = session.scalars(select(UserRow).order_by(UserRow.created_at, UserRow.name)).all()
            return [convert.user_info(r) for r in rows]

    def set_password(self, name: str, password: str) -> UserInfo:
        password_hash = _hasher.hash(check_password(password))
        return self._update_user(name, password_hash=password_hash)

    def disable_user(self, name: str) -> UserInfo:
        """Disabled users cannot sign in; their drafts, versions and reviews stay."""
        return self._update_user(name, disabled=True)

    def _update_user(self, name: str, **values) -> UserInfo:
        def work(session) -> UserInfo:
            row = session.get(UserRow, (name or "").strip())
            if row is None:
                raise NotFound(f"没有这个用户：{name}")
            for key, value in values.items():
                setattr(row, key, value)
            return convert.user_info(row)

        return self._writing(work)
