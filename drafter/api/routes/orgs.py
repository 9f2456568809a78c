"""The organisation tree: GET /v1/orgs (within the caller's reach, depth-first); and, for admin keys only, create
(POST), rename or move (PATCH) and delete (DELETE) an organisation within the admin's reach. An organisation
outside that reach answers 404, as an unknown one does."""

from __future__ import annotations

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from drafter.api.auth import READ, WRITE, Principal
from drafter.api.deps import Service
from drafter.api.errors import ApiError, error_responses
from drafter.domain.records import OrgInfo

router = APIRouter(prefix="/v1/orgs", tags=["orgs"])
ADMIN_ROLES = ("admin", "local")  # "local": DRAFTER_AUTH=off, the one person running the server


class OrgCreate(BaseModel):
    name: str = Field(..., min_length=1, max_length=200, description="组织名称（全局唯一）")
    parent: str | None = Field(None, max_length=200, description="上级组织的名称或 ID（默认：调用者所在组织）")


class OrgChange(BaseModel):
    name: str | None = Field(None, min_length=1, max_length=200, description="新名称")
    parent: str | None = Field(None, min_length=1, max_length=200,
                               description="新的上级组织的名称或 ID：连同下级组织一起移动，不能是它自己或它的下级")


def _admin(principal: Principal) -> Principal:
    if principal.role not in ADMIN_ROLES:
        raise ApiError(403, "只有管理员可以管理组织")
    return principal


@router.get("", response_model=list[OrgInfo], summary="本组织及下级组织（按层级）",
            responses=error_responses(401, 403))
def list_orgs(service: Service, principal: Principal = READ) -> list[OrgInfo]:
    return service.list_orgs(viewer=principal)


@router.post("", response_model=OrgInfo, status_code=201, summary="创建组织（管理员）",
             responses=error_responses(401, 403, 404, 422))
def create_org(service: Service, body: OrgCreate, principal: Principal = WRITE) -> OrgInfo:
    return service.create_org(body.name, body.parent, viewer=_admin(principal))


@router.patch("/{org}", response_model=OrgInfo, summary="重命名或移动组织（管理员）",
              responses=error_responses(401, 403, 404, 422))
def change_org(service: Service, org: str, body: OrgChange, principal: Principal = WRITE) -> OrgInfo:
    _admin(principal)
    if body.name is None and body.parent is None:
        raise ApiError(422, "请给出新名称（name）或新的上级组织（parent）")
    return service.change_org(org, name=body.name, parent=body.parent, viewer=principal)  # one transaction


@router.delete("/{org}", response_model=OrgInfo, summary="删除组织（管理员）",
               responses=error_responses(401, 403, 404, 409))
def delete_org(service: Service, org: str, principal: Principal = WRITE,
               to_parent: bool = Query(False, description="把它的下级组织、用户、API 密钥、稿件和任务一并移到上级组织"
                                                          "（上传的示例须先删除）")) -> OrgInfo:
    return service.delete_org(org, to_parent=to_parent, viewer=_admin(principal))
