"""A number's item whose act the draft says after the count, in a verb of its own (issue 19, session 20 h1).

A strong model turns a fact's act into what the counted things or people did: 展出职工创新成果86项 becomes
86项职工创新成果集中亮相, 培训护林员450人次 becomes 450人次护林员参训. The fact's first act (drafter.numcheck.itemsense.
action_of) is then missing from the clause, and a verb of the draft's own stands in its item. The missing act is
*said after the count* (the number stays supported, its item listed to read: drafter.numcheck.reworded) when all
of these hold:
  * it is the only word of the fact's item left missing by the other rules (the head and qualifiers are kept);
  * the count is no money (元: what money was spent on is the figure's meaning) and no count of people (what
    people did is their item: 86名职工代表列席 for 参评职工代表86人 stays a change);
  * before the number, the clause writes no verb of its own (拆除健身器材40件 for 安装健身器材40件: the act replaced
    where the fact says it stays a change);
  * after the number, the clause writes a verb of its own (亮相, 参训, 受益): the counted things' act or result,
    and no other word of its own (86项职工专利成果集中亮相: 专利 names another thing);
  * contrast among the request's facts: no word of the draft's own after the number is written by another fact's
    line (86项职工创新成果参加评选 where another fact is 评选优秀成果12项 names that fact's act: a swap).
Known limit: an act of other meaning said after the count passes, listed to read (40件健身器材被拆除 passed before,
unlisted, when its verb lies outside the item window).
"""

from __future__ import annotations

from collections.abc import Iterable

from drafter.numcheck.items import PEOPLE_GROUPS
from drafter.numcheck.itemsense import action_of, verb_like
from drafter.numcheck.mention import Mention
from drafter.numcheck.words import words as words_of
from drafter.numcheck.faithlex import ignorable


def said_after(word: str, missing: list[str], fact: Mention, m: Mention, clause: tuple[str, str],
               others: Iterable[Mention], lex) -> bool:
    """Is the missing `word` the fact item's act, said after the count (see the module doc)? `clause`: the
    number's clause before it and after it."""
    if missing != [word] or word != action_of(fact.item or "") or "元" in (fact.unit or "") + (m.unit or "") \
            or m.group in PEOPLE_GROUPS:
        return False
    before, after = clause
    if any(_own_verb(w, tag, fact, lex) for _, _, w, tag in words_of(before)):
        return False  # the act replaced where the fact says it (拆除健身器材40件)
    own = [(w, tag) for _, _, w, tag in words_of(after) if len(w) >= 2 and w not in fact.source]
    if not any(_own_verb(w, tag, fact, lex) for w, tag in own) \
            or any(not verb_like(w, tag) and not ignorable(lex, w) for w, tag in own):
        return False  # no act of its own after the count, or a word of its own naming a thing (86项职工专利成果)
    lines = {o.source for o in others if o.source != fact.source}
    return not any(w in line for w, _ in own for line in lines)


def _own_verb(w: str, tag: str, fact: Mention, lex) -> bool:
    """A verb of two characters or more that the fact's line does not write and a rewording does not add."""
    return len(w) >= 2 and w not in fact.source and verb_like(w, tag) and not ignorable(lex, w)
