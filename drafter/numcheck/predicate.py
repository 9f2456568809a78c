"""The verb of 为/给/向 + people + verb + what is given, whatever jieba's tag (issue 19).

In 为巡线班组配齐急救药箱45个 and 为车间职工换发九百双防静电工作鞋 the word between the people an act is done for and
what they are given is the clause's verb. jieba tags some such verbs as adjectives, nouns or unknown words (配齐/a,
换发/nz), and the role readers then take them for a new thing (对象"配齐"事实中没有). The reading here is by position
and by 词林, not by a list of words: the word stands
  * right after the people (nouns, qualifiers or unknown words after 为/给/向, glued: 为/漂流/筏工/配齐), and
  * right before what is given (a number or a noun, glued: 配齐/一百五十套, 换发/九百), and
  * 词林 knows it only as an act, state or relation (患有, 普及), or, a two-character word it does not know, its
    first character is such an act (配 of 配齐, 换 of 换发): a verb with its result or manner.
A thing in that place (为困难职工家庭120户: 家庭 is a thing by 词林) keeps its reading.
"""

from __future__ import annotations

from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.wordclass import action_word
from drafter.numcheck.words import Word

FOR_PEOPLE = frozenset({"为", "给", "向"})
MAX_PEOPLE_WORDS = 3  # 为/漂流/筏工, 为/处理厂/运行/工: the people's words between the preposition and the verb
_PEOPLE_TAGS = ("n", "x", "a", "j", "b", "m", "q")  # nouns, unknown words, qualifiers, a count of the people
_HEAD_TAGS = ("n", "x", "j", "m", "q")  # the people's last word: a noun, an unknown word, a count (not a qualifier)
_GIVEN_TAGS = ("m", "n", "vn", "l", "x")  # a number, or the noun of the thing given


def verb_for_people(ws: tuple[Word, ...] | list[Word], k: int) -> bool:
    """Is word k the verb between the people an act is done for and what they are given (see the module)?"""
    if not 1 < k < len(ws) - 1 or ws[k][1] != ws[k + 1][0] or ws[k - 1][1] != ws[k][0]:
        return False
    if not _given_after(ws, k) or not ws[k - 1][3].startswith(_HEAD_TAGS) or not _after_people(ws, k):
        return False
    return _act_word(ws[k][2])


def _given_after(ws, k: int) -> bool:
    """A number or a noun right after word k, or a verb glued before one (急救/药箱: what kind of thing)."""
    nxt = ws[k + 1]
    if nxt[3].startswith(_GIVEN_TAGS):
        return True
    return nxt[3] == "v" and k + 2 < len(ws) and ws[k + 2][0] == nxt[1] and ws[k + 2][3].startswith("n")


def _after_people(ws, k: int) -> bool:
    """Glued people words, opened by 为/给/向, right before word k."""
    for j in range(k - 1, max(-1, k - 2 - MAX_PEOPLE_WORDS), -1):
        if ws[j][2] in FOR_PEOPLE and ws[j][3] == "p":
            return j < k - 1
        if not ws[j][3].startswith(_PEOPLE_TAGS) or ws[j][1] != ws[j + 1][0]:
            return False
    return False


def _act_word(word: str) -> bool:
    if cilin_classes().get(word):
        return action_word(word)
    return len(word) == 2 and action_word(word[0])
