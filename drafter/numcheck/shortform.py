"""A word of a fact's item and words of the draft's item that are one another's short form (issue 19, session 27).

Chinese shortens a verb and its object to one character of each: 送餐 for 送去班中餐, 配书 for 配置图书. A strong model
writes either side: the fact's 全年送餐4.6万份 as 为井下职工送去班中餐4.6万份, the fact's 配置图书3000册 as 配书
3000册. The item check (drafter.numcheck.qualifiers) then finds 送餐 or 图书 unsaid. The word is said when
  * (the fact's short form) it has two characters, the first starting a verb of the draft's item and the second
    ending a later noun of it that the fact line writes itself (中餐 of 送班中餐): no thing of the draft's own; or
  * (the draft's short form) the draft's item writes a two-character word the fact line does not, whose first
    character starts the fact item's word before the missing one (配置) and whose second ends the missing word (图书).
"""

from __future__ import annotations

from drafter.numcheck.mention import Mention
from drafter.numcheck.words import words


def short_form(word: str, fact: Mention, m: Mention) -> bool:
    """Is the missing `word` of `fact`'s item said by the draft's item as its short or long form?"""
    if len(word) < 2 or not m.item or not fact.item:
        return False
    said = words(m.item)
    return _fact_short(word, said, fact.source or "") or _draft_short(word, said, fact)


def _fact_short(word: str, said, line: str) -> bool:
    """送餐 said as 送(去) … (班)中餐: a verb starting with 送, then a noun ending with 餐 that the line writes."""
    if len(word) != 2:
        return False
    verbs = [k for k, w in enumerate(said) if w[3].startswith("v") and w[2][0] == word[0]]
    return any(w[2][-1] == word[1] and len(w[2]) >= 2 and w[3].startswith("n") and w[2] in line
               for k in verbs[:1] for w in said[k + 1:])


def _draft_short(word: str, said, fact: Mention) -> bool:
    """图书 of 配置图书 said within 配书: the draft's own two characters, from the word before and the missing one."""
    item = fact.item or ""
    at = item.find(word)
    before = [w[2] for w in words(item[:at])] if at > 0 else []
    return bool(before) and any(len(w[2]) == 2 and w[2] not in (fact.source or "") and w[2][0] == before[-1][0]
                                and w[2][1] == word[-1] for w in said)
