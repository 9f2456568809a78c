"""Who is using the page: a signed-in user (name, role) from the store, the one-person password, or nobody to ask.

A signed session survives a reload through a signed token in the page address (?s=…): HMAC over the name and
an expiry with a secret kept in the data dir. The role is read from the store again on every new session.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from pathlib import Path

from pydantic import BaseModel

LOCAL_USER = "本机用户"
TOKEN_DAYS = 7
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
    def label(self) -> str:
        return f"{self.name}（{ROLE_LABELS.get(self.role, self.role)}）"


def secret(data_dir: Path) -> bytes:
    """The page's token secret (created on first use, readable by the owner only)."""
    path = Path(data_dir) / "ui_session.key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(secrets.token_bytes(32))
        path.chmod(0o600)
    return path.read_bytes()


def make_token(key: bytes, name: str, now: float | None = None) -> str:
    expires = int((now or time.time()) + TOKEN_DAYS * 86400)
    body = base64.urlsafe_b64encode(f"{expires}:{name}".encode()).decode().rstrip("=")
    mac = hmac.new(key, body.encode(), hashlib.sha256).hexdigest()[:32]
    return f"{body}.{mac}"


def read_token(key: bytes, token: str | None, now: float | None = None) -> str | None:
    """The name in a valid, unexpired token, else None."""
    if not token or "." not in token:
        return None
    body, mac = token.rsplit(".", 1)
    if not hmac.compare_digest(mac, hmac.new(key, body.encode(), hashlib.sha256).hexdigest()[:32]):
        return None
    try:
        expires, name = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)).decode().split(":", 1)
    except (ValueError, UnicodeDecodeError):
        return None
    return name if int(expires) > (now or time.time()) and name else None


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
