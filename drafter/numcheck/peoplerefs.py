"""People a fact's number counts, named by what they did or won (issue 19, session 27: people named by another word).

drafter.numcheck.items.unrelated calls a count of people a mismatch when the draft's item shares no character with
the fact's. Two namings of the same people share none and still say nothing new:
  * the trade of the fact's own act: 86名焊工 for 举办焊接技能比武，参赛职工86人. The draft's people word ends on a
    trade suffix (工, 员, 手, 师), the line does not write it, and the characters before the suffix start a verb the
    line writes (焊 of 焊接); the fact counts people by a general word (职工, 人员, 选手);
  * the honour just named: 9名职工获此殊荣 after 开展“质量标兵”评选. The draft's item points back to an honour (获此
    殊荣, 获得这一荣誉) with nothing before it but general people words, and the fact item's words but its act
    (标兵 of 评出标兵) are written earlier in the number's sentence.
Other people (86名电工 where the line writes no 电…), a qualifier (青年职工获此殊荣) or an honour the sentence does
not name stay unrelated.
"""

from __future__ import annotations

import re

from drafter.numcheck.mention import Mention
from drafter.numcheck.rolewords import PEOPLE
from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.words import words
from textkit.sentences import SENTENCE_ENDS

_TRADE_ENDS = "工员手师"
_GENERAL_PEOPLE = ("职工", "员工", "人员", "选手", "同志")  # people by no trade, status or group
_HONOUR_BACK = re.compile("(?:获|获得|荣获|摘得)(?:此|该|这一|这个|这项)(?:殊荣|荣誉|称号|奖项)")


def same_people(draft: Mention, fact: Mention) -> bool:
    """Does the draft's item name the fact's people by their act's trade or by the honour just named?"""
    return _trade_of_act(draft, fact) or _honoured_before(draft, fact)


def _trade_of_act(draft: Mention, fact: Mention) -> bool:
    said = [w for w in words(draft.item or "") if w[2].strip()]
    line = fact.source or ""
    if not said or not (fact.item or "").endswith(_GENERAL_PEOPLE):
        return False
    trade = said[0][2]
    if trade in line:
        return False
    if any(w[3] in ("nr", "ns", "nt", "nz") or any(c[0] in "ABC" for c in cilin_classes().get(w[2], ()))
           for w in said[1:]):
        return False  # other people, things or places after them
    return act_trade(trade, line)


def act_trade(word: str, text: str) -> bool:
    """Is `word` a trade (焊工, 驾驶员) whose characters before the suffix start a verb `text` writes (焊接, 驾驶)?"""
    if not (2 <= len(word) <= 3 and word[-1] in _TRADE_ENDS and PEOPLE.search(word)):
        return False
    stem = word[:-1]
    return stem in text and any(w[3].startswith("v") and w[2].startswith(stem) for w in words(text))


def _honoured_before(draft: Mention, fact: Mention) -> bool:
    item, text = draft.item or "", draft.source or ""
    back = _HONOUR_BACK.search(item)
    fact_words = words(fact.item or "")
    if back is None or not fact_words:
        return False
    people = [w[2] for w in words(item[:back.start()]) if w[2].strip()]
    if any(w not in _GENERAL_PEOPLE for w in people):
        return False  # a qualifier or other people (青年职工获此殊荣)
    start = max(text.rfind(end, 0, draft.start) for end in SENTENCE_ENDS) + 1
    named = [w[2] for w in fact_words if not w[3].startswith("v") and len(w[2]) >= 2]  # not its act (评出)
    return bool(named) and all(w in text[start:draft.start] for w in named)


def renamed_by_act(word: str, fact: Mention, draft: Mention) -> bool:
    """Is the missing `word` of the fact's item said by these namings: its general people head (职工 of 参赛职工)
    named by the trade, or a word of the honour (之星 of 后勤服务之星) the sentence wrote before 获此殊荣?"""
    if word in _GENERAL_PEOPLE and (fact.item or "").endswith(word) and _trade_of_act(draft, fact):
        return True
    text = draft.source or ""
    start = max(text.rfind(end, 0, draft.start) for end in SENTENCE_ENDS) + 1
    return _honoured_before(draft, fact) and word in text[start:draft.start]
