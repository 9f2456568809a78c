"""Who is using the page: a signed-in user (name, role, organisation) from the store, the one-person password, or
nobody to ask.

A signed-in session survives a reload through a server-side session whose token is in a cookie
(drafter.view.page.signin); the role and organisation are read from the store again on every new session.
A signed-in user acts within their organisation (drafter.view.scoped), unless DRAFTER_AUTH=off (one-person local
use: everything, as the API does then).
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
    org_id: str | None = None  # the organisation the user acts for; None: every one (one-person use)
    org_name: str = ""

    @property
    def viewer(self) -> PageUser | None:
        """Who the service scopes the page's calls to (None: nothing scoped)."""
        return self if self.org_id else None

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


def page_user(svc, info, scoped: bool = True) -> PageUser:
    """The page's user for a stored user (records.UserInfo): with `scoped`, acting for their organisation."""
    if not scoped:
        return PageUser(name=info.name, role=info.role)
    org_id = str(getattr(info, "org_id", None) or "root")
    try:
        org_name = _store_call(svc, "get_org", org_id).name
    except Exception:  # noqa: BLE001 - an organisation that is gone: the user reaches nothing, shown without a name
        org_name = ""
    return PageUser(name=info.name, role=info.role, org_id=org_id, org_name=org_name)


def login(svc, name: str, password: str, scoped: bool = True) -> PageUser | None:
    info = svc.login(name, password)
    return page_user(svc, info, scoped) if info is not None else None


def known_user(svc, name: str, scoped: bool = True) -> PageUser | None:
    """The user a token names, if still there and enabled."""
    info = _store_call(svc, "get_user", name)
    if info is None or getattr(info, "disabled", False):
        return None
    return page_user(svc, info, scoped)
