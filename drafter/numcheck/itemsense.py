"""A number's item judged by meaning, not by characters (issue 19, session 13).

drafter.numcheck.qualifiers finds the words of a fact's item that the draft's clause does not write. Three of
them are no change of the item:
  * a word the draft's *sentence* writes before the number: the sentence sets the topic and the number's clause
    goes on from it (关心退休职工晚年生活，组织健康知识讲座2场 for 组织退休职工健康讲座2场; 持续推进职工书屋建设，全年新增
    藏书1200册 for 职工书屋新增图书1200册);
  * the item's action: its first verb-like word (jieba tag v, or a 词林 class of activities, states or
    relations: H, I, J) with more words after it (安装 of 安装充电桩, 联系 of 联系签约商户, 改造 of 改造房间).
    Dropped (充电桩40个) or replaced by a near verb (送上 for 欢送: a shared character; 添置 for 配备: a group of
    synonyms.toml; a shared small 词林 class) it passes; replaced by a verb of other meaning (新建 for 改造) it
    is still a change. Only the first verb-like word: a verb inside the noun phrase (退休 of 欢送退休职工, 签约
    of 联系签约商户) stays a qualifier that must be kept;
  * the item's last word when it only names what the unit already says (项目 of 技术革新项目 with 23项, 资金 of
    创新奖励资金 with 12万元): the [items] unit_heads table of the faithfulness lexicon.
A word of a synonym group of the faithfulness lexicon written in the fact's item counts as kept when the draft's
sentence writes another word of its group (考入大学 for 大学新生, 老同志 for 退休职工), whatever the characters
around it (see qualifiers.missing_words).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from drafter.numcheck.ellipsis import head_of_previous, short_form_written
from drafter.numcheck.faithlex import FaithLexicon
from drafter.numcheck.items import PEOPLE_GROUPS, implied_people, kin_of, names_a_thing
from drafter.numcheck.peoplephrase import EVENT_GROUPS, people_head, people_word
from drafter.numcheck.rolewords import PEOPLE
from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.wordclass import EVENT
from drafter.numcheck.words import words as words_of
from drafter.numcheck.faithlex import ignorable

VERB_TAGS = ("v",)  # not vn: jieba tags 经费 vn
VERB_CLASSES = "HIJ"  # 词林 major classes: activities, phenomena and states, relations


def verb_like(word: str, tag: str) -> bool:
    return tag in VERB_TAGS or any(c[0] in VERB_CLASSES for c in cilin_classes().get(word, ()))


def action_of(item: str) -> str | None:
    """The item's first verb-like word of two characters or more, when more words follow it; a verb naming the
    kind of a place opening the item before the act (印刷/车间/加装: verb, noun, verb) is not the act."""
    ws = words_of(item)
    for k, (_, _, word, tag) in enumerate(ws[:-1]):
        if verb_like(word, tag) and not (k == 0 and _qualifies_place(ws, k)):
            return word if len(word) >= 2 else None
    return None


def _qualifies_place(ws, k: int) -> bool:
    """Word k is glued before a place (车间; not 科研 of 完成/科研/攻关), the people there or none, and a verb of two
    characters or more (印刷/车间/加装, 包装/车间/职工/更换; not 开展/窗口/代表/压力/疏导)."""
    j = k + 2
    if j < len(ws) and names_people(ws[j][2]):
        j += 1  # the people of the place: 车间/职工
    if j >= len(ws) or not _place(ws[k + 1][2]) or any(ws[n][0] != ws[n - 1][1] for n in range(k + 1, j + 1)):
        return False
    return len(ws[j][2]) >= 2 and ws[j][3].startswith("v")  # a verb by jieba: 代表 (n, an act too by 词林) is none


def _place(word: str) -> bool:
    """Does 词林 know the word only as a place, a building or a work unit (车间, 班组: Di09; 工地: Cb; 厂房: Bn)?"""
    classes = cilin_classes().get(word)
    return bool(classes) and all(c.startswith(("Cb", "Bn", "Di09")) for c in classes)


def near(a: str, b: str, lex: FaithLexicon) -> bool:
    """Two verbs near in meaning: a shared character, a synonym group, or a shared small 词林 class."""
    if set(a) & set(b) or b in (lex.item_synonyms or {}).get(a, ()):
        return True
    return bool(cilin_classes().get(a, frozenset()) & cilin_classes().get(b, frozenset()))


def action_kept(word: str, fact_item: str, fact_line: str, draft_item: str, lex: FaithLexicon) -> bool:
    """Is the missing `word` the fact item's action, dropped by the draft or replaced by a near verb (a word of
    the draft's item sharing a character with it, or a verb near in meaning)?"""
    if word != action_of(fact_item):
        return False
    own = [(w, tag) for _, _, w, tag in words_of(draft_item) if len(w) >= 2 and w not in fact_line]
    if any(set(w) & set(word) for w, _ in own):
        return True
    verbs = [w for w, tag in own if verb_like(w, tag) and not ignorable(lex, w)]
    return not verbs or any(near(word, w, lex) for w in verbs)


def unit_head(word: str, fact_item: str, unit: str | None, added: list[str], lex: FaithLexicon,
              draft_item: str = "") -> bool:
    """Is the missing `word` one that only names what the unit says (项目 with 项, 经济 of 经济损失 with 元), left
    out and, as the item's last word, not replaced by another noun in the draft item's head (发放慰问生产总值 for
    发放慰问资金 is a changed head; 深入基层开展宣讲 for 开展宣讲活动 keeps its head 宣讲)?"""
    if not unit or word not in (lex.unit_heads or {}).get(unit, ()):
        return False
    return not fact_item.endswith(word) or not head_replaced(draft_item, added)


def head_replaced(draft_item: str, added: list[str]) -> bool:
    """Does the draft item end on a word of its own (one no fact word gives: `added`), in the head's place?"""
    ws = [w for _, _, w, _ in words_of(draft_item) if len(w) >= 2]
    return bool(added) and (not ws or ws[-1] in added)


def an_example(word: str, fact_item: str) -> bool:
    """Is `word` an example before 等 in the fact's item (快递员 of 快递员等户外劳动者, 袋鼠跳 of 袋鼠跳等项目)? The
    counted thing is the word after 等; the examples may be left out."""
    ws = words_of(fact_item)
    for k, (start, _, w, tag) in enumerate(ws):
        if w == "等" and tag == "u" and k + 1 < len(ws):
            return fact_item.find(word) != -1 and fact_item.find(word) < start
    return False


def in_short_title(word: str, fact_item: str, whole_sentence: str) -> bool:
    """Is `word` inside a book or document title of the fact's item (《基层工会工作实务手册》) whose last two words or
    more the sentence writes (实务手册): a title shortened to its own ending names the same title."""
    for title in re.findall(r"《([^》]+)》", fact_item):
        ws = words_of(title)
        if word in title and len(ws) >= 2 and title[ws[-2][0]:] in whole_sentence:
            return True
    return False


def people_named(word: str, fact_item: str, group: str | None, whole_sentence: str, added: list[str] = ()) -> bool:
    """For a count of things, events or money, a missing word naming people (词林 class A: 职工, 子女; or a trade
    词林 does not know, with the nouns before it: 索道运维工, drafter.numcheck.peoplephrase) that is not the item's
    head: those the thing is for, not the thing counted (举办荣休仪式6场，为74名退休职工送上祝福 for 为退休职工举办荣休
    仪式6场). Written anywhere in the sentence, or, for an event (or a count in 场/期), left out with no people of the
    draft's own in its place (组织心理健康讲座3场 for 组织职工心理健康讲座3场: the same lectures; 为家属举办讲座3场 puts
    others there). A thing keeps them (职工活动室: a kind of room), a count of people its group in its own words."""
    if group in PEOPLE_GROUPS or fact_item.endswith(word):
        return False
    head = "" if names_people(word) else people_head(word, fact_item)
    if not names_people(word) and not head:  # 代表 (also an act by 词林): people when the sentence writes their phrase
        return any(c[0] == "A" for c in kin_of(word)) and _people_phrase(word, fact_item) in whole_sentence
    if head != word and head:  # 索道 of 索道运维工: the same people, less qualified, when the sentence names them
        return head in whole_sentence
    event = EVENT.search(fact_item) is not None or group in EVENT_GROUPS  # 救援演练4场: a count of events
    return word in whole_sentence or event and not any(people_word(a) for a in added)


def _people_phrase(word: str, fact_item: str) -> str:
    """The nouns of the fact's item glued before `word`, with it (客服代表 of 开展客服代表情绪疏导讲座), or a text no
    sentence holds."""
    ws = words_of(fact_item)
    k = next((i for i, w in enumerate(ws) if w[2] == word), None)
    if k is None or k == 0 or ws[k - 1][3][:1] not in ("n", "s", "j"):  # 窗口/s, 客服/n
        return "\0"
    return ws[k - 1][2] + word


def names_people(word: str) -> bool:
    """Is every 词林 class of the word, or else of its longest known ending (职工 of 困难职工), one of people (A)?"""
    classes = kin_of(word)
    return bool(classes) and all(c[0] == "A" for c in classes)


def in_sentence(word: str, fact_item: str, sentence: str, added: list[str]) -> bool:
    """Does the sentence write `word` before the number, and the draft's item put no word of its own in its place:
    a noun or qualifier sharing a character (因病致困 for 困难), or any noun for the item's head (住院借书 for 住院职工
    where the sentence spoke of 职工 before)? Verbs, ignored words and synonyms of the fact's words are no
    replacement."""
    if word not in sentence or any(set(word) & set(a) for a in added):
        return False
    return not (added and fact_item.endswith(word))


def kept_by_meaning(missing: list[str], fact_item: str, fact_line: str, unit: str | None, draft_item: str,
                    sentence: str, lex: FaithLexicon, group: str | None = None, whole_sentence: str = "",
                    before: str = "", by_value: Mapping | None = None) -> list[str]:
    """The missing words (read as jieba words) left once those the sentence writes, the action, the unit's
    head, examples before 等, the people a thing is for and words the sentence gave before (drafter.numcheck.ellipsis)
    are taken out; none when the draft item names no
    thing at all (the number is then put on no other thing: its fact's item is unsaid, not changed)."""
    if draft_item and not names_a_thing(draft_item):
        return []
    added = [w for _, _, w, tag in words_of(draft_item) if len(w) >= 2 and w not in fact_line
             and not verb_like(w, tag) and not ignorable(lex, w)
             and not any(o in fact_line for o in (lex.item_synonyms or {}).get(w, ()))]
    pieces = [w for piece in missing for _, _, w, _ in words_of(piece) if len(w) >= 2]
    return [w for w in pieces if not in_sentence(w, fact_item, sentence, added)
            and not head_of_previous(w, fact_item, unit, before, added, draft_item, by_value or {})
            and not short_form_written(w, sentence, added, fact_item, draft_item)
            and not action_kept(w, fact_item, fact_line, draft_item, lex)
            and not unit_head(w, fact_item, unit, added, lex, draft_item)
            and not an_example(w, fact_item)
            and not in_short_title(w, fact_item, whole_sentence)
            and not people_named(w, fact_item, group, whole_sentence, added)
            and not what_they_did(w, fact_item, fact_line, group, draft_item, whole_sentence)
            and not people_of_the_unit(w, fact_item, group, draft_item, added, whole_sentence)
            and not people_of_the_act(w, fact_item, group, draft_item)
            and not ((names_people(w) or PEOPLE.search(w)) and implied_people(draft_item, fact_line))]  # 孩子 for 营员


def people_of_the_act(word: str, fact_item: str, group: str | None, draft_item: str) -> bool:
    """For a count of people, the people word ending the fact's item after its act (服务职工 | 260人次), left out when
    the draft's item ends on that act right before the count and names no people of its own (提供中医理疗服务 |
    二百六十人次): the unit counts the people the act reached. A qualifier of them (困难 of 慰问困难职工), and people
    the draft names in their place (化工操作工技能培训320人次: asked, tests/test_item_judge.py), are not cleared."""
    act = fact_item[:-len(word)][-2:] if fact_item.endswith(word) else ""
    classes = cilin_classes().get(word, ())  # one plain people word by 词林 (职工, 居民), not 困难职工
    return group in PEOPLE_GROUPS and len(act) == 2 and bool(classes) and all(c[0] == "A" for c in classes) \
        and draft_item.endswith(act) \
        and not any(names_people(w) or PEOPLE.search(w) for _, _, w, _ in words_of(draft_item) if len(w) >= 2)


def people_of_the_unit(word: str, fact_item: str, group: str | None, draft_item: str, added: list[str],
                       sentence: str = "") -> bool:
    """For a count of people (人, 人次), the people word heading the fact's item (参加职工 | 640人次), left out when
    the draft's item is a verb on abilities or qualities only (带动640人次提升技能: the unit counts them, the rest
    is a result); other people (640人次家属) or a noun in the head's place (工会学历108名 for 会员108名) still change it."""
    if not draft_item or not re.search(r"\d\s*(?:人次|人|名|位|户次|户)" + re.escape(draft_item), sentence):
        return False  # the item is said after the count (640人次提升技能), not before it (演讲学历19人)
    own = [(w, tag) for _, _, w, tag in words_of(draft_item) if len(w) >= 2]
    return group in PEOPLE_GROUPS and fact_item.endswith(word) and names_people(word) and bool(own) \
        and own[0][1] == "v" and not any(names_people(w) for w, _ in own) \
        and all(_abstract(a) for a in added)  # 提升技能: a result; 参加技能鉴定 is other work


def _abstract(word: str) -> bool:
    """Does 词林 know the word only as an ability, quality, state or feeling (技能, 水平, 素质)?"""
    classes = cilin_classes().get(word)
    return bool(classes) and all(c.startswith(("Da", "Dc", "Dd", "De", "Df", "Eb", "G")) for c in classes)


_MOTION = frozenset("上进入去到回")  # 子女上大学: a one-character verb jieba may tag as a place word


def what_they_did(word: str, fact_item: str, fact_line: str, group: str | None, draft_item: str,
                  sentence: str) -> bool:
    """For a count of people, a missing word (no person) in what the fact says the counted people did, after
    them (上大学 of 资助困难职工子女上大学), when the draft's item ends on those same people and its sentence
    writes other words of that work (为29名困难职工子女送去助学金: 助学金 of the fact's line): said less, not
    changed. The people themselves (子女 for 困难职工), a draft item going on with words of its own (子女上高中)
    and the same people given other work (为120名一线职工送去节日慰问 for 赴海滨疗休养) are still a changed item."""
    if group not in PEOPLE_GROUPS or names_people(word):
        return False
    ws = [(w, tag) for _, _, w, tag in words_of(fact_item)]
    own = [w for _, _, w, _ in words_of(draft_item) if len(w) >= 2]
    for k, (w, _) in enumerate(ws[:-1]):
        act, tag = ws[k + 1]
        if names_people(w) and own and own[-1] == w and (tag == "v" or act in _MOTION) \
                and word in "".join(x for x, _ in ws[k + 1:]):
            work = [x for x, _ in ws[k + 1:]] + [x for _, _, x, _ in words_of(fact_line.replace(fact_item, "，"))]
            return any(len(x) >= 2 and x != word and x in sentence and not any(c.isdigit() for c in x) for x in work)
    return False
