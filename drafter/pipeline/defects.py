"""What a final draft must never contain, found in text: prompt text, Markdown, Latin chatter, headings or list
marks inside prose, broken or clashing numbering, duplicated sentences, stutters ("代表性和代表性"), a section
that opens with 同时/此外/另外, raw fact lines. The sentence writer rejects a sentence with any of them; the
prose bench and the slow tests count them over whole drafts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.numcheck import find_placeholders
from drafter.numcheck.faithlex import load_faith
from textkit.sentences import balanced, split_sentences
from textkit.headings import INNER_MARK, LEVEL_MARKS, MARKDOWN_MARK, NUMBERED_START
from textkit.sentences import FULL_STOP, NOT_COMPARED, SEMICOLONS

# Words of our own prompts and of a model talking about its task; none belongs in a work summary.
_PROMPT_WORDS = re.compile(
    r"事实|上一稿|务必|改正|原样照写|序号|正文如下|如下所示|以下是|下面是|这一部分|本部分|该部分|参考范文|参考\d"
    r"|写成一句|一句话|总起句|输出|要求[：:]|注[：:]|说明[：:]|好的[，,]|当然[，,]|希望对您|如需|字数|篇幅|第\s*\d+\s*条")
_MARKDOWN = re.compile(r"\*\*|__|`|" + MARKDOWN_MARK.pattern + r"|^\s*[-*+>]\s|\|\s*[-:]{3}|\[[^\]]*\]\(")
_LATIN = re.compile(r"[A-Za-z]{3,}")
_BRACKETS = re.compile(r"[【】\[\]{}<>《》]")
_LIST_MARK = NUMBERED_START
_INNER_MARK = INNER_MARK
_STUTTER = re.compile(r"([\u4e00-\u9fff]{2,6})(?:和|与|及|、)?\1")
# a link to what came before, wrong where nothing of the section came before: 同时/此外 …, and the one-character
# adverbs 并/还/也 before a verb (并建立考核评比制度; not 并购, 并网, 还款 …)
_BAD_OPENER = re.compile(r"^\s*(?:(?:同时|此外|另外|与此同时|并且|而且|其次|最后|不仅如此|除此之外|除此以外|另一方面|总之|综上所述|综上)[，,]?|并(?![购网轨入联列存重举肩行非不])|还(?![款贷清原债是])|也(?![门许]))")
LEVELS = LEVEL_MARKS  # headings of a draft by level: 一、 → （一） → 1. → （1）
_CN = "一二三四五六七八九"


@dataclass(frozen=True)
class Defect:
    kind: str  # artifact | numbering | duplicate | stutter | opener | raw_fact
    text: str


def sentence_artifacts(sentence: str, allowed: str = "", latin: frozenset[str] | None = None) -> list[str]:
    """Why `sentence` is not summary prose (empty when it is). `allowed`: text whose words may appear (the
    facts: a fact may itself name 《办法》 or an English acronym). Latin words: those of the check's [latin] list
    (`latin`, lower case; default the shipped lexicon's), the same list the check's artifact rule allows."""
    latin = load_faith().latin if latin is None else latin
    reasons = []
    if _PROMPT_WORDS.search(sentence.replace("事实上", "")):
        reasons.append("提示语")
    if _MARKDOWN.search(sentence):
        reasons.append("Markdown")
    if [w for w in _LATIN.findall(sentence) if w not in allowed and w.lower() not in latin]:
        reasons.append("英文")
    if any(ch not in allowed for ch in _BRACKETS.findall(sentence)):
        reasons.append("括号标记")
    if _LIST_MARK.match(sentence) or _INNER_MARK.search(sentence):
        reasons.append("编号")
    if [text for _, _, text in find_placeholders(sentence) if text not in allowed]:  # the facts' own: theirs
        reasons.append("占位符")
    if stutters(sentence):
        reasons.append("重复词")
    return reasons


def lost_pairs(sentence: str, fact: str) -> list[str]:
    """["引号或括号不配对"] when a rewrite leaves open or unopened a quote or bracket its fact pairs (五一”国际劳动节
    for “五一”国际劳动节); a fact that is itself unbalanced (a cut source) asks nothing."""
    return ["引号或括号不配对"] if balanced(fact) and not balanced(sentence) else []


def stutters(text: str) -> list[str]:
    """Words written twice in a row ("代表性和代表性", "职工职工"), not counting reduplication (常常, 人人)."""
    found = []
    for match in _STUTTER.finditer(text):
        word = match.group(1)
        if len(set(word)) > 1:
            found.append(match.group(0))
    return found


def bad_opener(text: str) -> bool:
    return bool(_BAD_OPENER.match(text))


def without_opener(text: str) -> str:
    """A section's first sentence without a 同时/此外/另外 that has nothing to follow."""
    return _BAD_OPENER.sub("", text, count=1)


def sentences(text: str) -> list[str]:
    return [s.strip() for line in text.splitlines() for s in split_sentences(line, semicolons=False) if s.strip()]


def numbering_defects(draft: str) -> list[str]:
    """Broken or clashing heading numbers: a list starting past its first number, a lone item ("1." with no
    "2."), gaps and repeats, and a level that skips its parent (一、 → 1. without （一）)."""
    problems: list[str] = []
    counters: list[list[int]] = [[] for _ in LEVELS]
    for line in (raw.strip() for raw in draft.splitlines()):
        level, number = _level(line)
        if level is None:
            continue
        if level > 0 and not any(counters[:level]) and level != 0:
            problems.append(f"缺少上级标题：{line[:20]}")
        for deeper in range(level + 1, len(LEVELS)):
            problems += _closed(counters[deeper], LEVELS[deeper])
            counters[deeper] = []
        expected = (counters[level][-1] + 1) if counters[level] else 1
        if number != expected:
            problems.append(f"编号不连续：{line[:20]}")
        counters[level].append(number)
    for level in range(1, len(LEVELS)):
        problems += _closed(counters[level], LEVELS[level])
    return problems


def _closed(numbers: list[int], pattern) -> list[str]:
    return [f"只有一项的编号（{pattern.pattern[:8]}）"] if len(numbers) == 1 else []


def _level(line: str) -> tuple[int | None, int]:
    for level, pattern in enumerate(LEVELS):
        match = pattern.match(line)
        if match:
            return level, _to_int(match.group(1))
    return None, 0


def _to_int(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN.index(tens) + 1 if tens else 1) * 10 + (_CN.index(ones) + 1 if ones else 0)
    return _CN.index(text) + 1


def draft_defects(draft: str, facts: list[str], skip_first_line: bool = True) -> list[Defect]:
    """Every defect of a whole draft (title line skipped). Headings (一、…) are not sentences."""
    lines = draft.splitlines()[1:] if skip_first_line else draft.splitlines()
    allowed = "".join(facts)
    found = [Defect("numbering", p) for p in numbering_defects("\n".join(lines))]
    seen: set[str] = set()
    previous_heading = True
    for line in (raw.strip() for raw in lines):
        if not line:
            continue
        if _level(line)[0] is not None and len(line) <= 40 and "。" not in line:
            previous_heading = True
            continue
        if not previous_heading and _is_raw_fact(line, facts):
            found.append(Defect("raw_fact", line))
        for index, sentence in enumerate(sentences(line)):
            if index == 0 and previous_heading and bad_opener(sentence):
                found.append(Defect("opener", sentence))
            key = NOT_COMPARED.sub("", sentence)
            if len(key) >= 8 and key in seen:
                found.append(Defect("duplicate", sentence))
            seen.add(key)
            found += [Defect("stutter", s) for s in stutters(sentence)]
            body = sentence
            reasons = [r for r in sentence_artifacts(body, allowed) if r != "重复词"]
            found += [Defect("artifact", f"{r}：{sentence[:30]}") for r in reasons]
        previous_heading = False
    return found


def _is_raw_fact(line: str, facts: list[str]) -> bool:
    """A paragraph that is just a fact as typed, after other text of its section (appended raw)."""
    bare = line.strip().rstrip(FULL_STOP + SEMICOLONS)
    return any(bare == fact.strip().rstrip(FULL_STOP + SEMICOLONS) for fact in facts)
