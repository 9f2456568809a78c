"""Background jobs (large uploads): GET /v1/jobs/{id} gives status, progress and, once done, the result."""

from __future__ import annotations

from fastapi import APIRouter

from drafter.api.auth import READ, Principal
from drafter.api.deps import Service
from drafter.api.errors import error_responses
from drafter.service.jobs import JobInfo

router = APIRouter(prefix="/v1/jobs", tags=["jobs"])


@router.get("/{job_id}", response_model=JobInfo, summary="后台任务：状态（queued/running/done/failed）、进度与结果",
            responses=error_responses(401, 403, 404))
def get_job(service: Service, job_id: str, principal: Principal = READ) -> JobInfo:
    return service.get_job(job_id, viewer=principal)
