"""Passage comments (批注) in the editor component: a selected span becomes a comment, and stored comments are
anchored on the text shown now.

A comment keeps the store's model (drafter.domain.records.PassageComment: start, end, quote, comment); reviewers'
comments are stored with their review, pending ones wait in the session until 通过 / 退回. A comment is shown on
its span when the quote is still at its offsets, else on the occurrence of the quote nearest to them; when the
quote no longer occurs (the text was changed), it is listed as "原文已修改" with its quote, never dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from drafter.domain.records import PassageComment
from drafter.view.labels import DECISION_LABELS

STALE_LABEL = "原文已修改"
MAX_QUOTE, MAX_COMMENT = 2000, 2000


def _get(item: Any, name: str, default: Any = None) -> Any:
    return item.get(name, default) if isinstance(item, Mapping) else getattr(item, name, default)


def anchor(quote: str, start: int, text: str) -> tuple[int, int] | None:
    """Where `quote` sits in `text`: at `start` if it is still there, else its occurrence nearest to `start`;
    None when the text no longer holds it."""
    if not quote:
        return None
    if text[start:start + len(quote)] == quote:
        return start, start + len(quote)
    found, position = [], text.find(quote)
    while position != -1:
        found.append(position)
        position = text.find(quote, position + 1)
    if not found:
        return None
    best = min(found, key=lambda s: abs(s - start))
    return best, best + len(quote)


def selected_passage(text: str, selection: Mapping[str, Any] | None) -> tuple[PassageComment | None, str]:
    """A comment on a selected span, sent by the editor as {start, end, quote, comment}; (comment, "") or
    (None, the reason in Chinese). The quote must be the text at (or near) the offsets."""
    if not isinstance(selection, Mapping):
        return None, "没有收到选中的文字，请重新选择"
    quote, comment = str(selection.get("quote") or ""), str(selection.get("comment") or "").strip()
    try:
        start = int(selection.get("start", 0))
    except (TypeError, ValueError):
        start = 0
    if not quote.strip():
        return None, "请先在正文中选中要批注的文字"
    if not comment:
        return None, "请填写批注内容"
    if len(quote) > MAX_QUOTE or len(comment) > MAX_COMMENT:
        return None, f"选中的文字和批注各不能超过 {MAX_QUOTE} 字"
    span = anchor(quote, max(0, start), text)
    if span is None:
        return None, "选中的文字在正文中找不到（正文可能刚被修改），请重新选择"
    return PassageComment(start=span[0], end=span[1], quote=quote, comment=comment), ""


def _who(review: Any) -> str:
    decision = DECISION_LABELS.get(_get(review, "decision"), "")
    version = _get(review, "version")
    return f"{_get(review, 'reviewer') or ''}（{f'第 {version} 版' if version else ''}{decision}）"


def notes(reviews: Iterable[Any], pending: Sequence[Any], text: str) -> list[dict]:
    """The comments the editor shows on `text`: every stored review's passages, then the pending ones (which
    can be removed before they are sent). Each has its span now, or start None and `stale` when the quote is gone."""
    out = []
    for r_index, review in enumerate(reviews):
        replies = {_get(r, "passage"): r for r in _get(review, "replies") or []}
        for p_index, passage in enumerate(_get(review, "passages") or []):
            note = _note(f"r{r_index}.{p_index}", passage, text, _who(review), pending=False)
            if p_index in replies:
                note["reply"] = _reply_line(replies[p_index])
            out.append(note)
    for index, passage in enumerate(pending):
        out.append(_note(f"p{index}", passage, text, "待随审核意见提交", pending=True))
    return out


def _note(note_id: str, passage: Any, text: str, who: str, pending: bool) -> dict:
    quote, start = str(_get(passage, "quote") or ""), int(_get(passage, "start") or 0)
    span = anchor(quote, start, text)
    return {"id": note_id, "start": span[0] if span else start, "end": span[1] if span else start + len(quote),
            "quote": quote, "comment": str(_get(passage, "comment") or ""), "who": who, "pending": pending,
            "stale": span is None}


def _reply_line(reply: Any) -> str:
    """The writer's reply to a comment: 回复（张秘书，第 2 版）：已修改：… ."""
    from drafter.domain.records import REPLY_STATE_LABELS

    state, body = _get(reply, "state"), _get(reply, "text") or ""
    return (f"回复（{_get(reply, 'author')}，第 {_get(reply, 'version')} 版）："
            f"{REPLY_STATE_LABELS.get(state, state)}{'：' + body if body else ''}")


def note_lines(items: Iterable[Mapping[str, Any]]) -> list[str]:
    """The comments as plain lines (for a screen reader and the tests): stale ones say so."""
    return [f"{'【' + STALE_LABEL + '】' if n['stale'] else ''}批注「{n['quote'][:40]}」{n['who']}：{n['comment']}"
            f"{'；' + n['reply'] if n.get('reply') else ''}" for n in items]
