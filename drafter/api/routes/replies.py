"""A draft's reviews with the writer's replies (批注回复): read them, and answer the latest returned review."""

from __future__ import annotations

from fastapi import APIRouter, Path

from drafter.api.auth import READ, WRITE, Principal
from drafter.api.deps import Service
from drafter.api.errors import error_responses
from drafter.api.schemas import RepliesBody
from drafter.domain.records import ReviewInfo

router = APIRouter(prefix="/v1/drafts", tags=["review"])


@router.get("/{draft_id}/reviews", response_model=list[ReviewInfo],
            summary="审核记录（由旧到新）：意见、批注及起草人的回复", responses=error_responses(401, 403, 404))
def list_reviews(service: Service, draft_id: str, principal: Principal = READ) -> list[ReviewInfo]:
    return service.list_reviews(draft_id, viewer=principal)


@router.put("/{draft_id}/reviews/{review_id}/replies", response_model=ReviewInfo,
            summary="回复最近一次退回的审核意见与批注（仅起草人；已修改 / 未采纳须说明），整体替换已有回复",
            description="每条回复记录回复人（密钥名称）、时间和当时的最新版本号。审核记录不存在 404；不是起草人 403；"
                        "不是最近一次退回的审核或稿件已重新提交 409；未采纳未写说明、批注序号不存在 422。",
            responses=error_responses(401, 403, 404, 409, 422))
def put_replies(service: Service, draft_id: str, body: RepliesBody, review_id: int = Path(..., ge=1, le=2_147_483_647),
                principal: Principal = WRITE) -> ReviewInfo:
    return service.reply_to_review(draft_id, review_id, body.replies, principal)
