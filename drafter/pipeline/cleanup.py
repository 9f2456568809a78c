"""Tidy a model's reply before it is checked: code fences, Markdown, repeated headings, chatty preambles."""

from __future__ import annotations

import re

from retrieval.headings import classify, without_number

_FENCE = re.compile(r"^\s*```[\w-]*\s*$")
_MD_HEADING = re.compile(r"^\s*#{1,6}\s*")
_PREAMBLE = re.compile(r"^\s*(?:好的|当然|以下是|下面是|根据您|根据你|根据以上|根据要求|这是)[^。\n]{0,60}[：:。]\s*$")
_INLINE_PREAMBLE = re.compile(r"^\s*(?:好的[，,。]|当然[，,。]|以下是[^：:\n]{0,40}[：:]|本部分(?:工作)?[，,])\s*")
_NUMBERED_HEADING = re.compile(r"^\s*[一二三四五六七八九十]{1,3}、[^0-9０-９]{2,30}$")
_EPILOGUE = re.compile(r"^\s*(?:希望|如需|如果您|以上(?:内容|正文|是)|注[：:]|说明[：:]|（注|\(注)")
_EMPHASIS = re.compile(r"\*\*|__|`")
_BRACKETED = re.compile(r"^\s*[【\[][^】\]]*[】\]]\s*$")
_FACT_PREFIX = re.compile(r"^\s*第\s*\d+\s*条(?:事实)?\s*[：:]\s*")
_INNER_HEADING = re.compile(r"^\s*([一二三四五六七八九十]{1,3})、(?=[^0-9０-９]{2,30}$)")
_SENTENCE_END = "。！？!?”」）)…"
_TRAILING_PREAMBLE = re.compile(r"(?:以下是|下面是|具体(?:情况|工作)?如下)[^。：:\n]{0,30}[：:]\s*$")
_FACT_KEY = re.compile(r"[\s，,。；;：:、]")
_SENTENCE = re.compile(r"[^。！？!?]*[。！？!?]?")


def clean_model_text(text: str, title: str = "", facts: list[str] = ()) -> str:
    """The section's prose only; the pipeline adds the numbered heading itself. Lines that merely repeat one of
    the section's facts as a sub-heading (no sentence end) and "以下是…：" lead-ins are dropped."""
    lines = [_MD_HEADING.sub("", line).rstrip() for line in text.replace("\r\n", "\n").split("\n")
             if not _FENCE.match(line)]
    lines = [_FACT_PREFIX.sub("", _EMPHASIS.sub("", line)) for line in lines if not _BRACKETED.match(line)]
    lines = [_TRAILING_PREAMBLE.sub("", line) for line in lines if not _repeats_fact(line, facts)]
    while lines and (not lines[0].strip() or _PREAMBLE.match(lines[0]) or _is_heading(lines[0], title)):
        lines.pop(0)
    while lines and (not lines[-1].strip() or _EPILOGUE.match(lines[-1])):
        lines.pop()
    if lines:
        lines[0] = _INLINE_PREAMBLE.sub("", lines[0])
    paragraphs = [_INNER_HEADING.sub(r"（\1）", line.strip()) for line in lines if line.strip()]
    return _complete_sentences("\n".join(_without_empty_headings(_without_repeats(paragraphs))).strip())


def _without_repeats(paragraphs: list[str]) -> list[str]:
    """Drop sentences a small model writes twice (padding), and paragraphs left empty by that."""
    seen: set[str] = set()
    kept = []
    for paragraph in paragraphs:
        fresh = []
        for sentence in filter(None, _SENTENCE.findall(paragraph)):
            key = _key(sentence)
            if len(key) < 6 or key not in seen:
                fresh.append(sentence)
            seen.add(key)
        if fresh:
            kept.append("".join(fresh))
    return kept


def _key(sentence: str) -> str:
    return _FACT_KEY.sub("", without_number(sentence.strip()))


def _without_empty_headings(paragraphs: list[str]) -> list[str]:
    """Drop sub-headings ("（二）活动组织") with nothing under them: the next line is a heading too, or none."""
    kept = []
    for index, paragraph in enumerate(paragraphs):
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        if _is_sub_heading(paragraph) and (following is None or _is_sub_heading(following)):
            continue
        kept.append(paragraph)
    return kept


def _is_sub_heading(line: str) -> bool:
    """A short numbered heading line without a full stop and without figures (those may carry a fact)."""
    heading = classify(line, allow_plain=False)
    return (heading is not None and heading.pure and not heading.category.startswith(("md", "bold"))
            and line[-1] not in _SENTENCE_END and not any(ch.isdigit() for ch in without_number(line)))


def _repeats_fact(line: str, facts: list[str]) -> bool:
    """A bare restatement of a fact on its own line, used as a sub-heading: the prose around it carries the fact."""
    bare = line.strip()
    if not bare or bare[-1] in _SENTENCE_END:
        return False
    key = _FACT_KEY.sub("", bare)
    return len(key) >= 8 and any(key in _FACT_KEY.sub("", fact) or _FACT_KEY.sub("", fact) in key for fact in facts)


def _complete_sentences(text: str) -> str:
    """Drop an unfinished last sentence (a reply cut off by the token limit), when enough text remains."""
    if not text or text[-1] in _SENTENCE_END:
        return text
    cut = text.rfind("。")
    return text[:cut + 1] if cut >= len(text) // 2 else text + "。"


def _is_heading(line: str, title: str) -> bool:
    """The section's own title (with or without its number), or a short numbered line without a full stop."""
    bare = line.strip().strip("：:")
    if title and (bare == title or bare.endswith(title) or title.endswith(bare)) and len(bare) >= 4:
        return True
    return bool(_NUMBERED_HEADING.match(bare)) and "。" not in bare
