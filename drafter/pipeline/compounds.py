"""A heading's compound (民主管理: a modifier, then a head of many kinds) is said by a fact only with its own modifier
(issue 20, session 24): the head alone after another word names another thing (目标管理考核 is no 民主管理, 安全知识
竞赛 no 劳动竞赛), after a frame word or none it still counts (加强管理, 管理制度). Read by the fit test
(fitting.speaks_of) for each heading pair a fact writes.
"""

from __future__ import annotations

from functools import lru_cache

from drafter.numcheck.words import words
from drafter.pipeline.heading_rules import STOP_BIGRAMS


_NOUNS = ("n", "vn", "an", "nz")  # a compound's parts as the dictionary tags them (民主 n, 管理 vn)


@lru_cache(maxsize=4096)
def modifiers(title: str) -> dict[str, str]:
    """pair -> the content word right before it in the heading, for each two-character head of a compound
    (推进民主管理: 管理 -> 民主; 安全生产: 生产 -> 安全; not a verb and its object: 筑牢|安全)."""
    found = words(title)
    return {head: before for (_, end, before, tag), (start, _, head, head_tag) in zip(found, found[1:])
            if end == start and len(head) == 2 and len(before) >= 2 and tag in _NOUNS and head_tag in _NOUNS
            and before not in STOP_BIGRAMS and head not in STOP_BIGRAMS}


def says(fact: str, pair: str, title: str) -> bool:
    """The fact writes `pair` where it is the heading's word: not the head of another compound (目标|管理,
    物业管理 under 民主管理)."""
    modifier = modifiers(title).get(pair)
    if modifier is None or pair not in fact:
        return pair in fact
    found = [text for _, _, text, _ in words(fact)]
    for i, word in enumerate(found):
        if word == pair and _same_or_frame(found[i - 1] if i else "", modifier):
            return True
        if pair in word and (not word.endswith(pair) or word == modifier + pair):
            return True  # 管理制度, 民主管理 as one word
    return False


def _same_or_frame(before: str, modifier: str) -> bool:
    return before == modifier or len(before) < 2 or before in STOP_BIGRAMS or not before.isalpha()
