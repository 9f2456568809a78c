"""Examples listed before 等 and a thing the facts write (超市、加油站等普惠商家: which ones the facts do not say), and
the word tests drafter.numcheck.added shares with them (issue 19, the 对象 role)."""

from __future__ import annotations

import re

from drafter.numcheck.rolewords import Reader
from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.words import Word, tag_of
from textkit.sentences import BREAKS, ENUM_COMMA, char_class

# a noun only in these classes names no thing a number counts: mind, relations, function words, states and
# changes (I: 个性化), atmospheres (Da21: 氛围), ties and feelings (Db10: 亲情), ideas and wishes (Df)
_NO_THING = ("G", "J", "K", "I", "Da21", "Db10", "Df")


_CN_NUMERALS = frozenset("零〇一二两三四五六七八九十百千万")


def digits(word: str) -> bool:
    """A word holding a figure: a digit, or Chinese numerals and a measure word jieba reads as one noun (八场 of
    举办了八场心理减压团体辅导: the number check's, never a thing of its own)."""
    return any(map(str.isdigit, word)) or (len(word) >= 2 and all(c in _CN_NUMERALS for c in word[:-1])
                                              and tag_of(word[-1]) == "q")


def no_thing(word: str) -> bool:
    classes = cilin_classes().get(word, ())
    return bool(classes) and all(c.startswith(_NO_THING) for c in classes)


_ITEM = char_class(BREAKS + ENUM_COMMA + "等0123456789", negate=True)
_EXAMPLES_END = re.compile(f"[类型]?(?:、{_ITEM}{{1,8}}?[类型]?)*等(?:各类|各种|多种|多类|一批)?")  # …、技能类等 (各类)


def listed_example(clause: str, window: list[Word], given: list[bool], k: int, reader: Reader) -> bool:
    """A noun (by its tag or 词林) that no support line gives, listed before 等 and a given thing: which books or
    shops (党史、技能类等各类图书; 超市、加油站等普惠商家) the facts do not say, abstract or not."""
    word, tag = window[k][2], window[k][3]
    nounish = tag.startswith("n") or any(c[0] in "ABCD" for c in cilin_classes().get(word, ()))
    if len(word) < 2 or digits(word) or not nounish or reader.neutral(word) or no_thing(word):
        return False
    return example_of_given(clause, window, reader, k) and not reader.backed(word)


def example_of_given(clause: str, window: list[Word], reader: Reader, j: int) -> bool:
    """The run ending at j is followed by 、-joined words and 等, and then by a thing the facts write: the text from
    there to the end of the next word of two characters or more (普惠商家; 惠/工商户 and 等惠/工商户 as jieba cuts)."""
    m = _EXAMPLES_END.match(clause, window[j][1])
    if not m:
        return False
    head = next((w for w in window[j + 1:] if w[0] >= m.end() and len(w[2]) >= 2 and not digits(w[2])), None)
    thing = clause[m.end():head[1]] if head is not None else ""
    return 2 <= len(thing) <= 8 and thing in reader.support.text
