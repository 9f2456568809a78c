"""A short form after the full name: the item's words the number's sentence leaves out were said earlier in its
paragraph, joined to the words it keeps.

    “春风行动”专场招聘会取得实效。工会先后组织专场招聘会2场…      (fact: 开展“春风行动”专场招聘会2场)
    “爱心妈妈小屋”建设扎实推进。全年新建小屋12个…                (fact: 新建“爱心妈妈小屋”12个)

    开展技术创新成果评选，征集成果58项，表彰其中优秀成果12项       (fact: 表彰优秀创新成果12项; 其中: the clauses
                                                                   before it in the same sentence count as earlier)

A strong model names a thing in full once and then by its head, as any writer does. The words left out count as
said when an earlier sentence of the same paragraph writes each of them next to the part of the item the number's
sentence keeps: the same characters of the fact's item around the word, in a row (quotes and spaces aside). Only a
pure short form is read so: the caller passes it only when the draft's item adds no word of its own (an item that
swaps a word, 篮球赛 for 足球赛, is a different thing, not a short one), and only when no other fact writes the
part the sentence keeps (收到潜在危险改善提案1005件 and 改善提案737件: 改善提案 is the second fact's own name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from textkit.sentences import COMMAS, SEMICOLONS, SENTENCE_ENDS

_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]")
_REACH = 2  # characters of the item on each side of a word that must be said with it, both times
_AMONG = "其中"  # of those just named: the earlier clauses of the same sentence name them
_CLAUSE_MARKS = COMMAS + SEMICOLONS


def named_before(missing: list[str], fact_item: str, number_start: int, text: str, draft_item: str,
                 other_lines: Iterable[str]) -> bool:
    """Is every word in `missing` written, in an earlier sentence of the number's paragraph, next to the item's
    characters that the number's own sentence also writes, and is the part it keeps no other fact's own?"""
    kept = _common(_NOT_HAN.sub("", draft_item), _NOT_HAN.sub("", fact_item))
    if len(kept) < 2 or any(kept in _NOT_HAN.sub("", line) for line in other_lines):
        return False
    paragraph = text.rfind("\n", 0, number_start) + 1
    sentence = max(text.rfind(end, paragraph, number_start) for end in SENTENCE_ENDS) + 1
    clause = max(text.rfind(end, paragraph, number_start) for end in _CLAUSE_MARKS) + 1
    if _AMONG in text[clause:number_start]:
        sentence = max(sentence, clause)  # 征集成果58项，表彰其中优秀成果12项: 其中 points back within the sentence
    if sentence <= paragraph:
        return False  # no earlier sentence in the paragraph
    earlier = _NOT_HAN.sub("", text[paragraph:sentence])
    own = _NOT_HAN.sub("", text[sentence:number_start + 1])
    item = _NOT_HAN.sub("", fact_item)
    runs = _runs(missing, item)
    return bool(runs) and all(_said_with_neighbour(run, item, earlier, own) for run in runs)


def _runs(missing: list[str], item: str) -> list[str] | None:
    """The missing words as runs of the item's characters (爱心 and 妈妈 of 爱心妈妈小屋: 爱心妈妈), or None when a
    word is not in the item as written."""
    covered = [False] * len(item)
    for word in missing:
        at = item.find(word)
        if len(word) < 2 or at < 0:
            return None
        covered[at:at + len(word)] = [True] * len(word)
    return [run for run in re.split(r"\s+", "".join(c if k else " " for c, k in zip(item, covered))) if run]


def _said_with_neighbour(run: str, item: str, earlier: str, own: str) -> bool:
    """The run, or the run widened over item characters the number's sentence does not write either (安全生产月
    for a missing 生产), said in the earlier text together with the item's characters next to it that the
    sentence does write."""
    first = item.find(run)
    last = first + len(run)
    lo, hi = first, last
    while lo > 0 and item[lo - 1] not in own:
        lo -= 1
    while hi < len(item) and item[hi] not in own:
        hi += 1
    return any(_joined(item, start, end, earlier, own) for start in range(lo, first + 1) for end in range(last, hi + 1))


def _joined(item: str, start: int, end: int, earlier: str, own: str) -> bool:
    after, before = item[end:end + _REACH], item[max(0, start - _REACH):start]
    return any(len(side) == _REACH and side in own and phrase in earlier
               for side, phrase in ((after, item[start:end] + after), (before, before + item[start:end])))


def _common(a: str, b: str) -> str:
    """The longest run of characters both write."""
    best = ""
    for i in range(len(a)):
        for j in range(i + len(best) + 1, len(a) + 1):
            if a[i:j] not in b:
                break
            best = a[i:j]
    return best
