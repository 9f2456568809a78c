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

/healthz, /readyz, /docs and /openapi.json need no key (/readyz shows details only to a valid key). A client
address with more than DRAFTER_AUTH_FAILURES_PER_MINUTE failed keys in a minute gets 429 + Retry-After. With `DRAFTER_AUTH=off` every request acts as the
local user "local" with all permissions. POST /v1/check counts as reading: it computes and stores nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

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


def _service(request: Request):
    return request.app.state.service


def require(permission: Permission):
    """A dependency that authenticates the caller and checks one permission (401/403 otherwise)."""

    async def dependency(request: Request,
                         credentials: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> Principal:
        service = _service(request)
        if service.settings.auth == "off":
            return Principal(LOCAL_USER, "local", ALL_PERMISSIONS)
        if credentials is None or credentials.scheme.lower() != "bearer" or not credentials.credentials:
            raise ApiError(401, headers={"WWW-Authenticate": "Bearer"})
        throttle, client = request.app.state.throttle, request.client.host if request.client else "?"
        wait = throttle.retry_after(client)
        if wait is not None:
            raise ApiError(429, f"密钥验证失败次数过多，请 {wait} 秒后再试", code="too_many_failed_keys",
                           headers={"Retry-After": str(wait)})
        info = service.authenticate(credentials.credentials)  # one indexed lookup: cheaper than a thread hop
        if info is None:
            throttle.failed(client)
            raise ApiError(401, "API 密钥无效或已吊销", headers={"WWW-Authenticate": "Bearer"})
        role = str(getattr(info, "role", ""))
        granted = ROLE_PERMISSIONS.get(role, frozenset())
        if permission not in granted:
            raise ApiError(403, f"角色 {role} 无权执行此操作（需要 {permission} 权限）")
        return Principal(str(info.name), role, granted, str(getattr(info, "org_id", "") or "root"))

    return dependency


READ = Depends(require("read"))
WRITE = Depends(require("write"))
REVIEW = Depends(require("review"))
