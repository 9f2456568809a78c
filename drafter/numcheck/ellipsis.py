"""A number's item said in part because its sentence already said the rest (issue 19, session 18: ellipsis).

A strong model leaves out of a number's item a word its sentence has just written, and the check must not read
that as a changed item. Two forms, both read before the number in the same draft sentence:
  * the head shared with the previous count (收集职工意见300条，经研究采纳落实120条 for 采纳落实意见120条; 收集合理化
    建议318条，经评审采纳100条 for 采纳合理化建议100条): the missing word is in the fact item's head phrase (from the
    word to the item's end), the draft's item leaves that phrase out whole, the sentence writes it right before a
    number of the same unit in digits (意见300条: that count's head too) that is itself a fact's whose item holds
    the phrase, and the draft's item adds only manner or time and puts no noun of its own in the head's place;
  * a short form of a phrase the sentence writes (召开职工代表大会，会前征集提案40件 for 征集职代会提案40件): the
    missing word is a short form (drafter.numcheck.support.Support.short_forms) of the sentence's words before
    the number, read as in_sentence reads the word itself (after the last number of the same unit).
Not cleared: a qualifier dropped from a head said again (帮扶职工120人 after 慰问困难职工500人); a head the
draft replaced (采纳落实建议120条); a qualifier of the draft's own in a short form's place (征集青年提案); a swap
(在主页发表信息12篇，《报》刊发148篇: 12 is no fact's 主页发表信息 count).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from drafter.numcheck.mention import Mention
from drafter.numcheck.support import Support
from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.words import tag_of, words as words_of

_MANNER = ("a", "ad", "d")  # 广泛, 积极: how it was done, no thing of the draft's own
_COUNT = r"(\d+(?:\.\d+)?)"  # an earlier count in digits (no 余/多: an exact fact's)


def head_of_previous(word: str, fact_item: str, unit: str | None, before: str, added: list[str],
                     draft_item: str, by_value: Mapping[float, Sequence[tuple[int, Mention]]]) -> bool:
    """Is `word` in the fact item's head phrase (意见, or 合理化 of 合理化建议: from the word to the item's end), a
    phrase the draft's item leaves out whole and the sentence writes before the number as the head of an earlier
    count of the same unit (意见300条) that is itself a fact's with that phrase (收集职工意见300条: not a swapped
    count), with no word of the draft's own but manner or time before its words from the fact, and no noun of its
    own in the head's place (采纳落实建议120条 puts 建议 there)? A head said again in part (帮扶职工120人 after
    困难职工500人) drops its qualifier."""
    at = fact_item.find(word)
    tail = fact_item[at:]
    if not unit or len(word) < 2 or at < 0 or not set(added) <= _manner(fact_item, draft_item):
        return False
    if any(tail[i:i + 2] in draft_item for i in range(len(tail) - 1)):
        return False  # a bigram of it said again (职工 of 困难职工): not left out whole
    ws = [(w, tag) for _, _, w, tag in words_of(draft_item) if len(w) >= 2]
    if ws and ws[-1][0] not in fact_item and ws[-1][1].startswith("n"):
        return False
    for count in re.finditer(re.escape(tail) + _COUNT + re.escape(unit), before):
        value = float(count.group(1))
        if any(f.unit == unit and tail in (f.item or "") for _, f in by_value.get(round(value, 6), ())):
            return True
    return False


def short_form_written(word: str, sentence: str, added: list[str], fact_item: str, draft_item: str) -> bool:
    """Is `word` a short form of words the sentence writes (职代会 of 职工代表大会), with no word of the draft's own in
    the item but words of manner before its words from the fact (会前广泛征集提案: 广泛; 征集青年提案 and 征集优秀提案
    put a qualifier in its place)?"""
    if not 2 <= len(word) <= 4 or not set(word) <= set(sentence):
        return False
    if added and not set(added) <= _manner(fact_item, draft_item):
        return False
    return word in Support([sentence], []).short_forms


def _manner(fact_item: str, draft_item: str) -> set[str]:
    """The adverbs, adjectives and time words of the draft's item written before its first word from the fact's item (广泛 of
    会前广泛征集提案): they say how it was done, not which thing."""
    out: set[str] = set()
    for _, _, w, tag in words_of(draft_item):
        if len(w) >= 2 and w in fact_item:
            break
        if tag in _MANNER or tag == "t" and not any(c[0] == "A" for c in cilin_classes().get(w, ())):
            out.add(w)  # 会后, 年内: a time; not 青年 (jieba's t, 词林's people)
    return out
