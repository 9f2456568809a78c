"""GET /v1/orgs: the organisations within the caller's reach (its own and its descendants), depth-first."""

from __future__ import annotations

from fastapi import APIRouter

from drafter.api.auth import READ, Principal
from drafter.api.deps import Service
from drafter.api.errors import error_responses
from drafter.domain.records import OrgInfo

router = APIRouter(prefix="/v1/orgs", tags=["orgs"])


@router.get("", response_model=list[OrgInfo], summary="本组织及下级组织（按层级）",
            responses=error_responses(401, 403))
def list_orgs(service: Service, principal: Principal = READ) -> list[OrgInfo]:
    return service.list_orgs(viewer=principal)
