"""Words of a clause that say how the work went or what it changed, not a thing it worked on (issue 19, session 25).

A strong model sums up its facts in clauses such as 实验室安全操作比武精彩开赛, 职工心理健康服务体系逐步完善,
权益知识宣传机制不断健全, 讲故事比赛中保育员各展所长. Read by grammar and 同义词词林, not by listed phrases:
  * a quality word: 词林 knows it only as a quality or state (E: 精彩, 扎实), whatever jieba's tag (精彩/n), before a
    verb or ending the clause (比武精彩开赛: how it went; 主业的经理 names a kind);
  * the subject of a change ending the clause: an abstract head (词林 D: a state, system, ability, feeling; a word
    词林 does not know by its last part: 服务体系 by 体系), then only degree adverbs (逐步, 不断, 日益) and a verb or
    adjective of change or quality (词林 Ih, Ed, If; an [effect] verb; 逐步完善 as one set phrase): what the work
    improved. The words before the head are judged as usual (退休职工服务体系 still names 退休职工);
  * 各 + a verb read as one set phrase (各展所长, 各显神通): what each did, a predicate.
"""

from __future__ import annotations

from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.wordclass import at_person, head_classes
from drafter.numcheck.words import Word, tag_of
from textkit.sentences import BREAKS, COMMAS, ENUM_COMMA

_ABSTRACT_HEADS = ("Da", "Db", "Dd", "De", "Df", "Di", "Dn")  # 词林: states, reasons, structures, abilities, minds,
# social systems (机制, 制度), quantities; not institutions (Dm: 监狱), money, culture, illness, people or things
_CHANGES = ("Ih", "Ed", "If")  # 词林: changes (增强, 改善), qualities (完善, 健全), development (提升)
_DEGREE_TAGS = ("d", "vd", "ad")
_MARKS = BREAKS + COMMAS + ENUM_COMMA + " "


def quality_only(word: str) -> bool:
    """Does 词林 know `word` only as a quality or state (精彩, 扎实)? Then it names no thing, whatever jieba's tag."""
    classes = cilin_classes().get(word)
    return bool(classes) and all(c[0] == "E" for c in classes)


def each_did(word: str) -> bool:
    """Is `word` a set phrase of 各 and a verb (各展所长, 各显神通: what each did)?"""
    return len(word) == 4 and word[0] == "各" and tag_of(word[1]).startswith("v")


def changed_subject(clause: str, ws: tuple[Word, ...] | list[Word], k: int, effect_verbs: frozenset[str]) -> bool:
    """Is word k an abstract head with only degree adverbs and a word of change or quality after it to the
    clause's end (服务体系/逐步完善, 机制/不断/健全, 幸福感/持续/提升)?"""
    if not any(c.startswith(_ABSTRACT_HEADS) for c in head_classes(ws[k][2])) \
            or any(c[0] in "ABC" for c in head_classes(ws[k][2])):
        return False
    rest = [w for w in ws[k + 1:] if w[2].strip(_MARKS)]
    if not rest:  # the tail blanked as how the work went (appraisal.py: 逐步完善, 不断健全)
        return clause[ws[k][1]:].startswith("  ") and not clause[ws[k][1]:].strip(_MARKS)
    if any(a[1] != b[0] for a, b in zip((ws[k], *rest), rest)):
        return False
    *adverbs, last = rest
    if not all(w[3] in _DEGREE_TAGS or _degree(w[2]) for w in adverbs):
        return False
    if last[3] not in ("v", "a", "l", "i"):
        return False  # 创新工程/活动: a noun or verbal noun ends a phrase, not a change (工程 is the work done)
    return _change(last[2], effect_verbs) or last[3] in ("l", "i") and _change(last[2][-2:], effect_verbs)


def _degree(word: str) -> bool:
    """A degree or time adverb by 词林 (日益, 逐步: Ka), whatever jieba's tag (日益/n)."""
    classes = cilin_classes().get(word)
    return bool(classes) and all(c.startswith("Ka") for c in classes)


def _change(word: str, effect_verbs: frozenset[str]) -> bool:
    return word in effect_verbs or any(c.startswith(_CHANGES) for c in cilin_classes().get(word, ()))


def no_thing_here(clause: str, ws: tuple[Word, ...] | list[Word], k: int, effect_verbs: frozenset[str]) -> bool:
    """Does word k name no thing the clause's work was done on: a quality word, 各 + a verb, the abstract subject
    of a change, or where a thing reached people (手中, 身边: wordclass.at_person)?"""
    word, after = ws[k][2], ws[k + 1] if k + 1 < len(ws) else None
    how = quality_only(word) and (after is None or after[3] in ("v", "vn"))  # 精彩/开赛, not 主业/的/经理: a kind
    return at_person(word) or how or each_did(word) or changed_subject(clause, ws, k, effect_verbs)
