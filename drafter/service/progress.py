"""Follow the pipeline's event stream: planned sections, the section being written, text so far, the result.

Used by the generation jobs (drafter.service.generation: the text so far when a job is stopped) and by the page
(drafter.view.stream re-exports it: the progress line and the live text)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from drafter.models import DraftEvent, DraftResult


def _heading(item: Any) -> str:
    if isinstance(item, dict):
        return str(item.get("heading") or item.get("title") or "")
    return str(item)


class StreamProgress(BaseModel):
    """What the page shows while a draft streams in; `apply` takes one event at a time."""

    headings: list[str] = Field(default_factory=list)
    done: int = 0
    current: str = ""
    parts: dict[int, str] = Field(default_factory=dict, description="Text per section index, streamed or done.")
    provider: str | None = None
    notes: list[str] = Field(default_factory=list)
    result: DraftResult | None = None

    @property
    def text(self) -> str:
        """The draft so far: finished sections and the ones being streamed, in plan order."""
        return "\n".join(self.parts[i] for i in sorted(self.parts) if self.parts[i])

    @property
    def fraction(self) -> float:
        if self.result is not None:
            return 1.0
        total = max(len(self.headings), self.done, 1)
        return min(self.done / total, 0.99)

    @property
    def label(self) -> str:
        total = len(self.headings)
        if self.result is not None:
            return "初稿已生成"
        if self.current:
            return f"正在撰写第 {min(self.done + 1, max(total, 1))}/{total or '?'} 部分：{self.current}"
        return f"已完成 {self.done}/{total} 部分" if total else "正在检索范文并规划结构…"

    def apply(self, event: DraftEvent) -> None:
        data = event.data or {}
        if event.type == "plan":
            sections = data.get("sections") or data.get("headings") or []
            self.headings = [_heading(s) for s in sections]
            self.provider = data.get("provider") or self.provider
        elif event.type == "section_started":
            self.current = _heading(data.get("heading") or data)
            self.parts[self._index(data)] = ""  # a repair attempt starts the section again
        elif event.type == "token":
            index = self._index(data)
            self.parts[index] = self.parts.get(index, "") + str(data.get("text") or "")
        elif event.type == "section_done":
            self._section_done(data)
        elif event.type == "done":
            result = data.get("result")
            self.result = result if isinstance(result, DraftResult) else DraftResult.model_validate(result)
            self.provider = self.result.provider
            self.parts = {0: self.result.text}
        elif event.type == "error":
            self.notes.append(str(data.get("message") or data))

    def _index(self, data: dict) -> int:
        index = data.get("index")
        return int(index) if isinstance(index, int) else max(self.parts, default=0)

    def _section_done(self, data: dict) -> None:
        self.done += 1
        self.current = ""
        section = data.get("section") if isinstance(data.get("section"), dict) else data
        self.parts[self._index(data)] = str(section.get("text") or "")
        if section.get("fallback"):
            reason = section.get("fallback_reason") or "模型输出未通过核对"
            self.notes.append(f"「{_heading(section)}」改用模板生成：{reason}")
        elif section.get("cut_note"):
            self.notes.append(f"「{_heading(section)}」{section['cut_note']}")


def result_notes(result: DraftResult) -> list[str]:
    """Fallbacks and warnings of a finished draft, in Chinese, for the page."""
    notes = [f"「{s.heading}」改用模板生成（{s.fallback_reason or '模型输出未通过核对'}）"
             for s in result.sections if s.fallback]
    return notes + list(result.warnings)
