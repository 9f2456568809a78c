"""The example library: search, upload (.docx/.txt/.md), read, share or unshare, and remove one example.

Example ids are source names relative to the library and may contain '/': they are taken as the rest of the
path (`/v1/examples/年度总结/某单位.md`); percent-encoding (`%2F`) works as well.
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, File, Form, Query, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from drafter.api.auth import READ, WRITE, Principal
from drafter.api.deps import Service
from drafter.api.errors import ApiError, error_responses
from drafter.api.schemas import DeletedExample, RejectedFile, UploadReport
from drafter.api.uploads import MAX_FILES_PER_REQUEST, check_upload
from drafter.domain.errors import InvalidInput
from drafter.service.jobs import JobInfo
from drafter.models import Kind
from retrieval.uploads import limits_of
from retrieval.models import Example, Hit, Role

router = APIRouter(prefix="/v1/examples", tags=["examples"])


@router.get("/search", response_model=list[Hit], summary="检索示例片段",
            responses=error_responses(401, 403, 422))
def search(service: Service, q: str = Query(..., min_length=1, max_length=2000, description="检索词"),
           k: int = Query(5, ge=1, le=50, description="返回条数"),
           kind: Kind | None = Query(None, description="限定类型"),
           role: Role | None = Query(None, description="限定段落角色"),
           mode: Literal["hybrid", "bm25", "dense"] = Query("hybrid", description="hybrid（关键词+向量融合）、bm25（关键词）或 dense（向量）"),
           principal: Principal = READ) -> list[Hit]:
    return service.search_examples(q, k=k, kind=kind, role=role, mode=mode, viewer=principal)


@router.post("", response_model=UploadReport, summary="上传示例文件（.docx/.txt/.md）并建立索引",
             description="示例属于上传者的组织：本组织及其下级组织可见；shared=true 时所有组织可见。"
                         "总大小超过 DRAFTER_UPLOAD_JOB_BYTES 时转为后台任务：返回 202 与任务 id，"
                         "进度与结果见 GET /v1/jobs/{id}。没有任何文件可用时返回 422（逐个文件说明原因）。",
             responses={**error_responses(401, 403, 413, 422),
                        202: {"model": JobInfo, "description": "已转为后台任务（Location 头指向 /v1/jobs/{id}）"}})
async def upload(service: Service, files: list[UploadFile] = File(..., description=f"最多 {MAX_FILES_PER_REQUEST} 个文件"),
                 shared: bool = Form(False, description="与所有组织共享（默认仅本组织及下级组织可见）"),
                 principal: Principal = WRITE):
    if len(files) > MAX_FILES_PER_REQUEST:
        raise ApiError(422, f"一次最多上传 {MAX_FILES_PER_REQUEST} 个文件", fields=[{"field": "files", "message": "文件过多"}])
    settings = service.settings
    taken: set[str] = set()
    limits, _ = limits_of(settings)
    checked = [await check_upload(f, settings.max_upload_bytes, taken, limits) for f in files]
    accepted = [(c.name, c.data) for c in checked if c.data is not None]
    rejected = [RejectedFile(name=c.name, reason=c.reason or "") for c in checked if c.data is None]
    if not accepted:
        status = 413 if any(c.too_large for c in checked) else 422
        summary = "；".join(f"{r.name}：{r.reason}" for r in rejected)
        raise ApiError(status, f"没有可导入的文件：{summary}",
                       fields=[{"field": f"files.{r.name}", "message": r.reason} for r in rejected])

    def work(progress=None) -> dict:
        try:
            report = service.add_examples(accepted, progress=progress, uploader=principal, shared=shared)
        except InvalidInput as exc:  # nothing usable: name the files refused before ingesting too
            fields = [{"field": f"files.{r.name}", "message": r.reason} for r in rejected] + exc.fields
            raise InvalidInput("没有可导入的文件：" + "；".join(f"{f['field'][6:]}：{f['message']}" for f in fields),
                               fields) from None
        names = [name for name, _ in accepted]
        return UploadReport(**report.model_dump(), accepted=names, rejected=rejected).model_dump(mode="json")

    if sum(len(data) for _, data in accepted) > settings.upload_job_bytes:
        job = service.jobs.start("upload", work, total=2 * len(accepted), org_id=service.org_of(principal))
        return JSONResponse(job.model_dump(mode="json"), status_code=202, headers={"Location": f"/v1/jobs/{job.id}"})
    return await run_in_threadpool(work)


@router.get("/{example_id:path}", response_model=Example, summary="读取一篇示例",
            responses=error_responses(401, 403, 404))
def get_example(service: Service, example_id: str, principal: Principal = READ) -> Example:
    example = service.get_example(example_id, viewer=principal)
    if example is None:
        raise ApiError(404, f"示例不存在：{example_id}")
    return example


class ExampleSharing(BaseModel):
    shared: bool = Field(..., description="true：与所有组织共享；false：仅上传者的组织及其下级组织可见")


@router.patch("/{example_id:path}", response_model=Example, summary="更改上传示例的共享设置（不必删除重传）",
              description="立即在每台 API 机器上生效（关键词与向量检索）。只能更改本组织及下级组织上传的示例；"
                          "随系统提供的范文总是对所有组织可见（403）。",
              responses=error_responses(401, 403, 404, 422))
def share_example(service: Service, example_id: str, body: ExampleSharing, principal: Principal = WRITE) -> Example:
    example = service.share_example(example_id, body.shared, viewer=principal)
    if example is None:
        raise ApiError(404, f"示例不存在：{example_id}")
    return example


@router.delete("/{example_id:path}", response_model=DeletedExample, summary="删除一篇示例及其索引",
               responses=error_responses(401, 403, 404))
def delete_example(service: Service, example_id: str, principal: Principal = WRITE) -> DeletedExample:
    example = service.get_example(example_id)
    if example is not None and not example.org:  # the shipped corpus (issue 24): never through the API
        raise ApiError(403, "随系统提供的范文不能通过接口删除（管理员可在服务器上用命令行管理范文库）")
    if not service.remove_example(example_id, viewer=principal):
        raise ApiError(404, f"示例不存在：{example_id}")
    return DeletedExample(id=example_id)
