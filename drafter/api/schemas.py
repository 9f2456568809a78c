"""Request and response bodies that exist only at the HTTP boundary."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, field_validator

from drafter.domain.input_text import clean_value

from drafter.models import DraftResult
from drafter.domain.records import Decision, PassageComment, ReplyInput
from retrieval.models import IngestReport


class CheckBody(BaseModel):
    facts: list[str] = Field(..., max_length=2000, description="事实，一行一条")
    draft: str = Field(..., description="待核对的文稿")
    judge: bool = Field(False, description="是否由模型复核规则无法判定的表述（较慢；默认只用规则核对）")

    @field_validator("facts", "draft", mode="before")
    @classmethod
    def _exportable(cls, value: Any) -> Any:
        return clean_value(value)


class EditBody(BaseModel):
    text: str = Field(..., min_length=1, description="修改后的全文")
    base_version: int = Field(..., ge=1, le=1_000_000, description="本次修改所基于的版本号；不是最新版本时返回 409")

    @field_validator("text", mode="before")
    @classmethod
    def _exportable(cls, value: Any) -> Any:
        return clean_value(value)  # what is stored can always be exported


class ReviewBody(BaseModel):
    decision: Decision = Field(..., description="approve（通过）或 return（退回）")
    comment: str = Field("", max_length=5000, description="审核意见（退回时必填，或至少一条批注）")
    override_reason: str | None = Field(None, max_length=2000,
                                        description="强制通过的理由：通过一篇核对未通过的稿件时必填，记录在审核中")
    passages: list[PassageComment] = Field(default_factory=list, max_length=200,
                                           description="对引用段落的批注（start/end 为字符位置，quote 为原文）")

    @field_validator("comment", "override_reason", mode="before")
    @classmethod
    def _exportable(cls, value: Any) -> Any:
        return clean_value(value)

    @field_validator("passages", mode="before")
    @classmethod
    def _exportable_passages(cls, value: Any) -> Any:
        """Quotes and comments normalised like every text (a lone surrogate is refused)."""
        if not isinstance(value, list):
            return value
        return [{k: clean_value(v) if k in ("quote", "comment") else v for k, v in item.items()}
                if isinstance(item, dict) else item for item in value]


class RepliesBody(BaseModel):
    """PUT …/reviews/{review_id}/replies: the writer's answers, replacing those stored for that review."""

    replies: list[ReplyInput] = Field(..., max_length=201,
                                      description="每条意见一条回复：passage 为批注序号（不填为总体意见），"
                                                  "state 为 revised（已修改）或 declined（未采纳，须填写 text 说明）")

    @field_validator("replies", mode="before")
    @classmethod
    def _exportable(cls, value: Any) -> Any:
        if not isinstance(value, list):
            return value
        return [{k: clean_value(v) if k == "text" else v for k, v in item.items()} if isinstance(item, dict)
                else item for item in value]


class DraftCreated(DraftResult):
    """POST /v1/drafts: the same output as `drafter draft --json`, plus the stored draft's id and version."""

    id: str
    version: int = 1


class RejectedFile(BaseModel):
    name: str
    reason: str


class UploadReport(IngestReport):
    """POST /v1/examples: the ingest report plus the files refused before ingesting (type, size, name)."""

    accepted: list[str] = Field(default_factory=list, description="已接收的文件名（已去除路径）")
    rejected: list[RejectedFile] = Field(default_factory=list)


class DeletedExample(BaseModel):
    id: str
    deleted: bool = True
