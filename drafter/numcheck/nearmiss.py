"""Near misses of a given thing that the object role reads without a noun of its own (issue 19, session 18):
  * a word jieba tags a verb, written between a numeral-like modifier (一线) or 全体 and people the facts name
    (倒班 of 组织一线倒班职工 where the facts say 职工), or a verb of a state or course of life right before them
    (新婚职工, 85名倒班职工): it says which people, so one of its own makes another group;
  * a level put on an event the facts name without one (全省 of 组织全省供暖服务技能竞赛 where a fact writes
    供暖服务技能竞赛): the province's contest is another event.
Both are object claims (drafter.numcheck.things.objects)."""

from __future__ import annotations

from drafter.numcheck.rolewords import Reader
from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.wordclass import EVENT
from drafter.numcheck.words import Word
from drafter.numcheck.faithlex import asserts


def verb_qualifier(ws: tuple[Word, ...], used: set[int], reader: Reader) -> Word | None:
    """The first verb-tagged word of its own glued before a given people noun that either stands after a modifier
    (一线: m; 全体; not 主要/用于/职工, b) opening the object of the verb or preposition before it, or that 词林 knows
    only as a state or a course of life (新婚, 倒班, 失业, 住院: I, Hj) wherever it stands: it says which people."""
    for k in range(1, len(ws) - 1):
        w, before, after = ws[k], ws[k - 1], ws[k + 1]
        if w[3] != "v" or len(w[2]) != 2 or w[0] in used or after[0] != w[1] or not after[3].startswith("n"):
            continue
        if not _state_of_people(w[2]) and ((before[3] != "m" and before[2] != "全体") or before[1] != w[0]
                                           or k < 2 or ws[k - 2][3][:1] not in ("v", "p")):
            continue  # the modifier opens the object of a verb or preposition (组织/一线; not 全年/开设/职工…)
        classes = cilin_classes().get(after[2], ())
        if classes and all(c[0] == "A" for c in classes) and reader.backed(after[2]) and not reader.backed(w[2]) \
                and not reader.neutral(w[2]) and asserts(reader.lex, w[2]) is None:
            return w
    return None


_STATES = ("Ib", "If", "Ih02", "Hj01", "Hj11", "Hj23", "Hj32", "Hj51")  # 词林: illness and body (患病, 生育), fortune
# (失业, 下岗), shifts (倒班), hospital (住院), work (务工), leaving work (退休, 离职), rest (轮休), marriage (新婚); not
# becoming (成为, Ih01), using (用于, Hj28) nor acts done to others (慰问, 带领, 培训: Hi, Hc, Hg)


def _state_of_people(word: str) -> bool:
    """Does 词林 know the verb only as a state of people or a course of life (_STATES)?"""
    classes = cilin_classes().get(word, ())
    return bool(classes) and all(c.startswith(_STATES) for c in classes)


def on_given_event(clause: str, ws: tuple[Word, ...], level: Word, text: str) -> bool:
    """Does the level word start an event phrase (its words up to 6, glued) that the support text writes?"""
    at = ws.index(level)
    for k in range(at + 1, min(len(ws), at + 7)):
        if ws[k][0] != ws[k - 1][1]:
            return False
        named = clause[level[1]:ws[k][1]]
        if len(named) >= 3 and EVENT.search(named) and named in text:
            return True
    return False


def bridged(ws: tuple[Word, ...], k: int, text: str) -> bool:
    """Word k names people (词林 A: 职工) whom the facts write right after an act or preposition (组织职工, 为职工)
    that stands, in the clause, one to three glued words before it (组织/外业/一线/职工): the words between narrow
    the people."""
    classes = cilin_classes().get(ws[k][2], ())
    if not classes or not all(c[0] == "A" for c in classes):
        return False
    for j in range(k - 2, max(-1, k - 5), -1):
        if ws[j + 1][0] != ws[j][1] or any(ws[n][1] != ws[n + 1][0] for n in range(j + 1, k)):
            return False
        if ws[j][3][:1] in ("v", "p") and ws[j][2] + ws[k][2] in text:
            return True
    return False


_QUALIFYING = ("n", "vn", "a", "b", "j", "m")  # jieba's tags of a word that can say which people (高温岗位, 外包, 一线)


def bridged_qualifier(ws: tuple[Word, ...], used: set[int], reader: Reader) -> tuple[int, int, str] | None:
    """(start, end, people) of the words written between an act or preposition and the people the facts write right
    after it (为高温岗位职工 where the facts write 为职工; 组织新婚职工 for 组织职工), glued, one to three words, none
    a frame word, when one of them says something no fact gives: they narrow the people. None otherwise."""
    text = reader.support.text
    for k in range(2, len(ws)):
        if not bridged(ws, k, text):
            continue
        j = next(j for j in range(k - 2, max(-1, k - 5), -1) if ws[j][2] + ws[k][2] in text)
        between = ws[j + 1:k]
        if any(w[0] in used or not w[3].startswith(_QUALIFYING) and not (w[3] == "v" and _state_of_people(w[2]))
               or any(ch.isdigit() for ch in w[2]) for w in between):
            continue  # 慰问覆盖农民工 (the facts: 慰问农民工): a verb of its own is the predicate; 一年一度: how often
        if any(not reader.neutral(w[2]) and not reader.backed(w[2]) and not asserts(reader.lex, w[2])
               for w in between):
            return between[0][0], between[-1][1], ws[k][2]
    return None

