"""Who is using the page: a signed-in user (name, role) from the store, the one-person password, or nobody to ask.

A signed-in session survives a reload through a server-side session whose token is in a cookie
(drafter.view.page.signin); the role is read from the store again on every new session.
"""

from __future__ import annotations
from pydantic import BaseModel

LOCAL_USER = "本机用户"
ROLE_LABELS = {"writer": "起草人", "reviewer": "审核人", "editor": "编辑", "admin": "管理员", "local": "本机用户"}
WRITE_ROLES = frozenset({"writer", "editor", "admin", "local"})
REVIEW_ROLES = frozenset({"reviewer", "editor", "admin", "local"})


class PageUser(BaseModel):
    name: str
    role: str

    @property
    def writes(self) -> bool:
        return self.role in WRITE_ROLES

    @property
    def reviews(self) -> bool:
        return self.role in REVIEW_ROLES

    @property
    def admin(self) -> bool:
        """Sees the technical side: model status, the generation trace (the one-person user too)."""
        return self.role in ("admin", "local")

    @property
    def label(self) -> str:
        return f"{self.name}（{ROLE_LABELS.get(self.role, self.role)}）"


def _store_call(svc, name: str, *args):
    method = getattr(svc, name, None) or getattr(svc.store, name)
    return method(*args)


def has_users(svc) -> bool:
    return bool(_store_call(svc, "list_users"))


def login(svc, name: str, password: str) -> PageUser | None:
    info = svc.login(name, password)
    return PageUser(name=info.name, role=info.role) if info is not None else None


def known_user(svc, name: str) -> PageUser | None:
    """The user a token names, if still there and enabled."""
    info = _store_call(svc, "get_user", name)
    if info is None or getattr(info, "disabled", False):
        return None
    return PageUser(name=info.name, role=info.role)
