"""Acts jieba reads as nouns because a manner or a result is glued onto the verb (issue 19, session 23).

  manner + the facts' act   新装 (newly installed) for the facts' 安装, 连办 (held in a row) for 举办: a two-character
                            word no fact writes whose first character is an adverb by 词林 (Ka: 新, 连, 再, 共, 重 …) and
                            whose second is the verb character of a two-character act the facts write (安装, 举办).
                            jieba tags it a noun (新装, new clothes) or leaves it unknown (连办); it is the facts' act
                            said with a manner, so it names no object and adds nothing to a number's item.
  verb + result before a verb   学会/学到/学好 + 调节情绪: a one-character verb with its result (会, 到, 好, 懂, 成)
                            glued before the verb it governs, after the people who do it (客服代表/学会/调节);
                            jieba's dictionary has 学会 only as a society.
Neither rule reads a word the facts do not back as given: what follows the act is judged as before.
"""

from __future__ import annotations

from functools import lru_cache

from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.wordclass import EVENT
from drafter.numcheck.words import Word, tag_of

_RESULTS = frozenset("会到好懂成")  # a verb's result complement: 学会, 学到, 学好, 弄懂, 学成
_VERB_TAGS = ("v", "vn")


def manner_form_of_act(word: str, support) -> bool:
    """Is `word` a manner and the verb character of an act the facts write (新装 for 安装, 连办 for 举办)?"""
    return len(word) == 2 and word not in support.word_set and _adverb(word[0]) and not EVENT.search(word) \
        and word[1] in _act_heads(support.word_set)  # 大赛, 大会: an event is a thing, whatever its first character


def verb_with_result(ws: tuple[Word, ...] | list[Word], k: int) -> bool:
    """Word k is a verb with its result glued between the people who act and the verb it governs (代表/学会/调节)."""
    if not 0 < k < len(ws) - 1:
        return False
    w, before, after = ws[k], ws[k - 1], ws[k + 1]
    return (len(w[2]) == 2 and w[2][1] in _RESULTS and _verb_char(w[2][0]) and before[1] == w[0]
            and before[3].startswith("n") and w[1] == after[0] and after[3] in _VERB_TAGS)


def _adverb(char: str) -> bool:
    return any(c.startswith("Ka") for c in cilin_classes().get(char, ()))


def _verb_char(char: str) -> bool:
    return any(c[0] in "HI" for c in cilin_classes().get(char, ()))  # 学: study (Hg), an act by 词林


@lru_cache(maxsize=256)
def _act_heads(fact_words: frozenset[str]) -> frozenset[str]:
    """The verb characters (the second) of the facts' two-character acts (安装 -> 装, 举办 -> 办)."""
    return frozenset(w[1] for w in fact_words if len(w) == 2 and tag_of(w) in _VERB_TAGS)
