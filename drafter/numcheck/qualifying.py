"""Verbs read as qualifiers of a counted thing (issue 19; read by drafter.numcheck.added): 走访/退休/困难职工 and
新建/非公/企业 qualify a given thing; 职工和退休/老党员 a new thing joined on by 和/及/与."""

from __future__ import annotations

from drafter.numcheck.examples import digits as _digits
from drafter.numcheck.rolewords import NOUN_TAGS, GLUE, Reader
from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.wordclass import action_word, verb_for_addressee
from drafter.numcheck.words import Word, tag_of
from drafter.numcheck.faithlex import asserts, ignorable

_NAMING_TAGS = (*NOUN_TAGS, "a", "an", "b")
_JOINERS = GLUE | {"以及"}
_HANDED = frozenset("到给至")  # a verb's result complement (发到, 交给, 送至): the thing handed to the people after it
_NOT_QUALIFIERS = ("G", "J", "K", "Ee", "If")  # 同义词词林: mind, relations, function words, attitudes, success (顺利)
_OPENERS = frozenset({"v", "p", "m"})  # what opens an object's noun phrase: a verb (走访), a preposition (为, 对), a number (23家)


def verbal_qualifier(clause: str, window: list[Word], given: list[bool], k: int, reader: Reader) -> bool:
    """A word jieba tags as a verb or adverb used as a qualifier: right after the verb or preposition that opens
    the object (or a given qualifier: 一线/倒班/职工) and right before a given thing (走访/退休/困难职工, 新建/非公/企业),
    neither an act nor a
    word a rewording may drop, and written in no support line."""
    w = window[k]
    if w[3] not in ("v", "d", "ad", "vd") or len(w[2]) < 2 or not 0 < k < len(window) - 1 or w[2][-1] in _HANDED:
        return False
    before, after = window[k - 1], window[k + 1]
    lex = reader.lex
    opens = (before[3][:1] in _OPENERS and (before[3] != "m" or _digits(before[2]))  # 全年 (m) opens no object
             or asserts(lex, before[2]) or before[2] in reader.support.text)
    if not (given[k + 1] and after[0] == w[1] and before[1] == w[0] and opens) or verb_for_addressee(window, k) \
            or action_word(after[2]):  # 新建 (tagged ns), 一线 (given) qualify; 为职工解答…, 报名参赛: verbs
        return False
    if reader.neutral(w[2]) or asserts(lex, w[2]) or ignorable(lex, w[2]):
        return False
    if before[3][:1] in ("n", "j") and _people(before[2]):
        return False  # 40名干警/学习/手语: after the people counted, a verb is what they did, not a kind of the thing
    if any(c.startswith(_NOT_QUALIFIERS) or c.startswith("Hj64") for c in cilin_classes().get(w[2], ())):
        return False  # 相应, 有关, 及时, 积极: a relation, function or attitude word; 走进 (Hj64): a move
    return not reader.backed(w[2]) and not _act_in_facts_slot(clause, w[2], after[2], reader.support.text)


def _people(word: str) -> bool:
    """Does 词林 know the word only as people (干警, 职工, 学员)?"""
    classes = cilin_classes().get(word, ())
    return bool(classes) and all(c[0] == "A" for c in classes)


def _act_in_facts_slot(clause: str, verb: str, thing: str, facts: str) -> bool:
    """Does a fact write another verb right before the same thing, a verb the clause does not write (为职工安装净水
    设备 for 为职工配备净水设备)? Then the draft's verb is that act reworded, not a qualifier of the thing; a verb
    between the fact's own verb and its thing (慰问退休职工 for 慰问职工) still qualifies it."""
    at = facts.find(thing)
    while at >= 2:
        slot = facts[at - 2:at]
        if slot != verb and slot not in clause and tag_of(slot).startswith("v"):
            return True
        at = facts.find(thing, at + 1)
    return False


def joined_verbal(window: list[Word], given: list[bool], new: list[bool], k: int, reader: Reader) -> bool:
    """A verb qualifying a new thing joined on by 和/及/与 (青年职工和退休/老党员): right after the joiner, right
    before new naming words that end on a noun, and no act, no word a rewording may drop, in no support line."""
    w = window[k]
    if w[3] != "v" or len(w[2]) < 2 or k == 0 or window[k - 1][2] not in _JOINERS or window[k - 1][1] != w[0]:
        return False
    if not new_noun_after(window, given, new, k + 1, reader):
        return False
    lex = reader.lex
    return not (reader.neutral(w[2]) or asserts(lex, w[2]) or ignorable(lex, w[2])
                or reader.backed(w[2]))


def new_noun_after(window: list[Word], given: list[bool], new: list[bool], j: int, reader: Reader) -> bool:
    """Do new naming words (a one-character adjective among them: 老) start at j, glued, and end on a noun?"""
    start = j
    while j < len(window) and not given[j] and window[j][0] == window[j - 1][1] and window[j][3].startswith(_NAMING_TAGS) \
            and (new[j] or len(window[j][2]) == 1 and window[j][3] == "a"):
        j += 1
    return j > start and new[j - 1] and window[j - 1][3].startswith(NOUN_TAGS)
