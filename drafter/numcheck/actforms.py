"""Acts jieba reads as nouns because a manner or a result is glued onto the verb (issue 19, session 23).

  manner + the facts' act   新装 (newly installed) for the facts' 安装, 连办 (held in a row) for 举办: a two-character
                            word no fact writes whose first character is an adverb by 词林 (Ka: 新, 连, 再, 共, 重 …) and
                            whose second is the verb character of a two-character act the facts write (安装, 举办).
                            jieba tags it a noun (新装, new clothes) or leaves it unknown (连办); it is the facts' act
                            said with a manner, so it names no object and adds nothing to a number's item.
  verb + result before a verb   学会/学到/学好 + 调节情绪: a one-character verb with its result (会, 到, 好, 懂, 成)
                            glued before the verb it governs, after the people who do it (客服代表/学会/调节);
                            jieba's dictionary has 学会 only as a society.
  what counted people did   52名职工大展身手, 58名员工铺床叠被、各显身手, 450名职工志愿者投身…: a Chinese noun phrase puts
                            its qualifiers before its head, so the new words glued after people a fact gives are
                            another head (职工家属, 职工子女: still an object of their own) or what those people did.
                            They are the predicate when none names people, a thing, time or place by 同义词词林 (A, B,
                            C), by jieba's name tags or by a people ending (names_people); in a number's item the run
                            must also end the clause or a parallel part (、) or stand before a verb.
No rule reads a word the facts do not back as given: what follows the act is judged as before.
"""

from __future__ import annotations

import re

from drafter.numcheck.itemsense import names_people
from drafter.numcheck.predicate import verb_for_people
from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.wordclass import EVENT
from drafter.numcheck.words import Word, tag_of, words
from textkit.sentences import BREAKS, ENUM_COMMA

_RESULTS = frozenset("会到好懂成")  # a verb's result complement: 学会, 学到, 学好, 弄懂, 学成
_VERB_TAGS = ("v", "vn")
_PART_ENDS = BREAKS + ENUM_COMMA  # a clause's or a parallel part's end
_CONCRETE = ("A", "B", "C")  # 词林: people, things, time and space
_NAMES = ("nr", "ns", "nt", "nz")
_PEOPLE_END = re.compile("[员工者人师生民属女友士众手哥姐嫂妹]$")  # words 词林 lacks: 外包工, 快递小哥


def act_not_thing(ws: tuple[Word, ...], k: int, support) -> bool:
    """Word k is one of the acts above, or the word right after a union opening the clause, not a thing
    (drafter.numcheck.things)."""
    return verb_with_result(ws, k) or manner_form_of_act(ws[k][2], support) or after_the_union(ws, k) \
        or verb_for_people(ws, k)  # 为车间职工/换发/九百双 (drafter.numcheck.predicate)


def after_the_union(ws: tuple[Word, ...] | list[Word], k: int) -> bool:
    """Word k comes right after the union that opens the clause with nouns only (建筑集团/工会/情系 农民工, 邮政公司工会/
    心系 投递一线): the subject's predicate, whatever jieba's tag (心系/n, 情系/x), never a thing it names."""
    if k == 0 or not ws[k - 1][2].endswith("工会") or ws[k - 1][1] != ws[k][0]:
        return False
    word = ws[k][2]
    return all(w[3][:1] in ("n", "j", "s") for w in ws[:k]) and len(word) == 2 and not _people_or_thing(word) \
        and tag_of(word[0]) != "p"  # 向/市 (总工会) read as 向市: a preposition opens a phrase of its own


def manner_form_of_act(word: str, support) -> bool:
    """Is `word` a manner and the verb character of an act the facts write (新装 for 安装, 连办 for 举办)?"""
    return len(word) == 2 and _adverb(word[0]) and not EVENT.search(word) and word not in support.text \
        and _act_head(word[1], support.text)  # 大赛, 大会: an event is a thing, whatever its first character


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


def _act_head(char: str, facts: str) -> bool:
    """Do the facts write a two-character act ending in `char` (安装 for 装, 举办 for 办)? Read in the text, not in its
    jieba words: a whole cut of the facts for one question cost the corpus self-check a quarter of its time."""
    at = facts.find(char, 1)
    while at > 0:
        if tag_of(facts[at - 1:at + 1]) in _VERB_TAGS:
            return True
        at = facts.find(char, at + 1)
    return False


def predicate_after_people(clause: str, window: list[Word], k: int, j: int) -> bool:
    """Are words k..j of the window, glued after a people word, what those people did (not another head)?"""
    if k == 0 or window[k - 1][1] != window[k][0] or not _people_at(clause, window[k - 1]):
        return False
    after = window[j + 1] if j + 1 < len(window) else None
    return all(_no_head(w) for w in window[k:j + 1]) and _ends_part(clause, window[j][1], after)


def did_after_people(clause: str, anchor: Word, w: Word) -> bool:
    """Is `w`, a new word glued after the given people `anchor` (people by 词林, or counted: 44名导游), what they did:
    no people, thing, place or name of its own, ending the clause or a part (128名护士互学互鉴; not 职工住院医疗互助保障)?"""
    if anchor[1] != w[0] or not _people_at(clause, anchor) or not _no_head(w):
        return False
    ws = words(clause)
    k = next((i for i, x in enumerate(ws) if x[0] == w[0]), None)
    if k is None or _abstract(w) and not (k + 1 < len(ws) and ws[k + 1][3].startswith("v")):
        return False  # 民警意见建议: their views, not their act (系统学习: a manner before the act)
    end = k
    while end + 1 < len(ws) and end - k < 3 and ws[end + 1][0] == ws[end][1] and _no_head(ws[end + 1]) \
            and not ws[end + 1][3].startswith("v"):
        end += 1  # 铺床/叠被, 互学/互鉴: the rest of the predicate, glued on
    return _ends_part(clause, ws[end][1], None)  # a verb after it may be a noun's (住院医疗|互助保障): a part's end only


def _people_at(clause: str, w: Word) -> bool:
    """People by 词林, or counted as people right before (44名导游: 词林 knows 导游 only as the act)."""
    return names_people(w[2]) or w[0] >= 2 and clause[w[0] - 1] in "名位" and clause[w[0] - 2].isdigit()


def _abstract(w: Word) -> bool:
    """A matter 词林 knows only as an abstract thing (意见, 需求), or a compound it opens (意见建议)."""
    classes = cilin_classes().get(w[2]) or cilin_classes().get(w[2][:2], ())
    return bool(classes) and all(c.startswith("D") for c in classes)


def _no_head(w: Word) -> bool:
    """Names no people, thing, time, place or event (词林 A, B, C; a name tag; a people ending: 外包工, 快递小哥; 座谈会)."""
    people_end = w[3] not in ("i", "l") and _PEOPLE_END.search(w[2])  # not 大展身手 (an idiom)
    return w[3] not in _NAMES and not names_people(w[2]) and not people_end and not EVENT.search(w[2]) \
        and not any(c.startswith(_CONCRETE) for c in cilin_classes().get(w[2], ()))


def _ends_part(clause: str, end: int, after: Word | None) -> bool:
    """Does the clause or a parallel part end at `end`, or a verb follow there?"""
    return end >= len(clause.rstrip()) or clause[end] in _PART_ENDS \
        or (after is not None and after[0] == end and after[3].startswith("v"))


def _people_or_thing(word: str) -> bool:
    """Names people, a thing, a time, a place or an event (食堂 of 工会食堂 is the union's canteen, not its act)."""
    return not _no_head((0, len(word), word, "n"))
