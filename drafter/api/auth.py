"""API keys and roles. Who may do what:

| permission | endpoints                                                                 | roles                      |
|------------|---------------------------------------------------------------------------|----------------------------|
| read       | every GET under /v1 (drafts, versions, diff, export, examples), POST /v1/check | all roles              |
| write      | POST/PUT /v1/drafts…, …/submit, …/restore, …/replies, POST /v1/examples, DELETE /v1/examples/{id} | writer, editor, admin |
| review     | POST /v1/drafts/{id}/review                                               | reviewer, admin            |

Ownership is checked by the service: a writer may save, restore and submit only the drafts it created (403
otherwise); editor and admin may do so for every draft. Replies to a review's comments are the owner's alone.
Every key belongs to an organisation (`drafter keys create NAME --org ORG`): its role acts only on drafts of that
organisation and its descendants, and anything outside that reach answers 404 (drafter/service/orgs.py).

/healthz, /readyz, /docs and /openapi.json need no key (/readyz answers every caller alike; details at
GET /v1/status). Failed keys are throttled per key prefix and per client address (drafter.api.throttle): 429 +
Retry-After. With `DRAFTER_AUTH=off` every request acts as the
local user "local" with all permissions. POST /v1/check counts as reading: it computes and stores nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from drafter.api.client_address import client_address
from drafter.api.errors import ApiError

Permission = Literal["read", "write", "review"]
ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    "reader": frozenset({"read"}),
    "reviewer": frozenset({"read", "review"}),
    "writer": frozenset({"read", "write"}),
    "editor": frozenset({"read", "write"}),
    "admin": frozenset({"read", "write", "review"}),
}
ALL_PERMISSIONS = frozenset({"read", "write", "review"})
LOCAL_USER = "local"

_bearer = HTTPBearer(auto_error=False, description="API 密钥：`drafter keys create NAME --role writer|reviewer|reader`")


@dataclass(frozen=True)
class Principal:
    """Who is calling: the key's name (recorded as author/reviewer) and what it may do."""

    name: str
    role: str
    permissions: frozenset[str]
    org_id: str = "root"  # the organisation the key acts for: its reach is that organisation and its descendants
    key_id: str | None = None  # the API key's id: the caller's identity (never the name alone)


def _service(request: Request):
    return request.app.state.service


async def authenticated(request: Request, credentials: HTTPAuthorizationCredentials | None):
    """The caller's key record; 401 without a usable key, 429 while its key prefix or its address is
    throttled, 401 (counted against both) for a key that does not exist or is revoked. Every route that takes a
    key authenticates here, so every failure counts (issue 24, D6)."""
    if credentials is None or credentials.scheme.lower() != "bearer" or not credentials.credentials:
        raise ApiError(401, headers={"WWW-Authenticate": "Bearer"})
    key = credentials.credentials
    throttle, client = request.app.state.throttle, client_address(request)
    wait = throttle.retry_after(client, key)
    if wait is not None:
        raise ApiError(429, f"密钥验证失败次数过多，请 {wait} 秒后再试", code="too_many_failed_keys",
                       headers={"Retry-After": str(wait)})
    info = _service(request).authenticate(key)  # one indexed lookup: cheaper than a thread hop
    if info is None:
        throttle.failed(client, key)
        raise ApiError(401, "API 密钥无效或已吊销", headers={"WWW-Authenticate": "Bearer"})
    return info


def require(permission: Permission):
    """A dependency that authenticates the caller and checks one permission (401/403 otherwise)."""

    async def dependency(request: Request,
                         credentials: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> Principal:
        service = _service(request)
        if service.settings.auth == "off":
            return Principal(LOCAL_USER, "local", ALL_PERMISSIONS)
        info = await authenticated(request, credentials)
        role = str(getattr(info, "role", ""))
        granted = ROLE_PERMISSIONS.get(role, frozenset())
        if permission not in granted:
            raise ApiError(403, f"角色 {role} 无权执行此操作（需要 {permission} 权限）")
        return Principal(str(info.name), role, granted, str(getattr(info, "org_id", "") or "root"),
                         key_id=str(getattr(info, "id", "")) or None)

    return dependency


READ = Depends(require("read"))
WRITE = Depends(require("write"))
REVIEW = Depends(require("review"))
