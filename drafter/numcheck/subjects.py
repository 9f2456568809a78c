"""An actor written as the subject of an act, with no marker word (issue 19, the 参与者 role): 工会主席看望慰问劳模,
基层分会主席逐户发放帮扶资金, 工会和公司总经理走访…. roles.py reads marked actors (邀请…, …带队); this reads the
noun phrase that opens a clause (after time words and frame) right before an act verb (an [activity] word or a
verb of an [activity] class), with adverbs between (逐户, 深入), or that is joined to such a phrase by 和/与/同."""

from __future__ import annotations

from drafter.numcheck.rolewords import PERSON_HEAD, Reader
from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.wordclass import person_or_body
from drafter.numcheck.words import Word
from drafter.numcheck.faithlex import asserts
from textkit.sentences import BREAKS, ENUM_COMMA

_JOIN = frozenset({"和", "与", "同", "及"})
_PHRASE_TAGS = ("n", "nr", "nt", "nz", "j", "b")


def subject_actors(clause: str, ws: tuple[Word, ...], used: set[int], reader: Reader) -> list[list[Word]]:
    """The new person phrases that are the subject of an act verb of the clause (none when the facts write them)."""
    body = union_body(ws, reader)
    if body:
        return [body]  # 工会女职工委员会组织…: a body of the union did it
    out: list[list[Word]] = []
    for i, w in enumerate(ws):
        if not i or w[3] != "v" or w[0] in used or not _act(w[2], reader):
            continue
        j = i
        while j and ws[j - 1][3] in ("d", "ad") and ws[j - 1][1] == ws[j][0]:
            j -= 1  # 逐户发放, 亲切看望: how it was done
        phrase = _nouns_before(ws, j)
        if phrase and _opens(clause, ws, j - len(phrase), used) and _new_person(clause, phrase, reader):
            out.append(phrase)
        break  # the clause's first act has the subject
    return out


_ORGANISATION = ("Dm", "Di09", "Di10")  # 词林: institutions, organisations, societies (委员会, 协会, 小组)


def union_body(ws: tuple[Word, ...], reader: Reader) -> list[Word]:
    """The body of the union opening a clause as the subject of its verb, one the facts do not name (工会/女职工/
    委员会/组织…, 工会/体育/协会/开展…): 工会 (after the workplace's name at most) and the nouns glued after it,
    ending on a word 词林 knows only as an institution or organisation, right before a verb. [] otherwise."""
    at = next((k for k, w in enumerate(ws[:3]) if w[2] == "工会"), None)
    if at is None or any(not w[3].startswith(("n", "j")) for w in ws[:at]):
        return []
    k = at + 1
    while k < len(ws) and ws[k][0] == ws[k - 1][1] and ws[k][3].startswith(_PHRASE_TAGS + ("vn",)):
        k += 1
    body, head = ws[at + 1:k], ws[k - 1]
    classes = cilin_classes().get(head[2], ())
    if len(body) < 2 or k >= len(ws) or ws[k][3] != "v" or ws[k][0] != head[1] \
            or not classes or not all(c.startswith(_ORGANISATION) for c in classes):
        return []
    return body if any(not reader.neutral(w[2]) and not reader.backed(w[2]) for w in body) else []


def _act(word: str, reader: Reader) -> bool:
    return asserts(reader.lex, word) is not None \
        or bool(reader.lex.act_classes.intersection(cilin_classes().get(word, ())))


def _nouns_before(ws: tuple[Word, ...], j: int) -> list[Word]:
    out: list[Word] = []
    for k in range(j - 1, -1, -1):
        if not ws[k][3].startswith(_PHRASE_TAGS) or out and ws[k][1] != out[0][0]:
            break
        out.insert(0, ws[k])
    return out


def _opens(clause: str, ws: tuple[Word, ...], k: int, used: set[int]) -> bool:
    """Only time words, frame, pronouns (各) and punctuation come before word k, or a noun phrase of them and
    和/与 (工会和…)."""
    before = ws[:k]
    if before and before[-1][3][:1] in ("p", "v", "d", "c") and before[-1][2] not in _JOIN:
        return False  # 围绕岗位练兵 | 举办: the object of a preposition or verb, no subject
    if before and before[-1][2] in _JOIN:
        before = before[:-1]
        while before and before[-1][3].startswith(_PHRASE_TAGS) and (before[-1][0] in used or len(before) == 1):
            before = before[:-1]
    return all(w[0] in used or w[3] in ("t", "x", "w", "r") or not w[2].strip(BREAKS + ENUM_COMMA) for w in before)


def _new_person(clause: str, phrase: list[Word], reader: Reader) -> bool:
    """A person or post (工会主席, 公司总经理) no fact, context line or synonym writes: its head is a post, or a word
    词林 knows only as people; a group of workers (职工, 劳模) the facts give is no new actor."""
    text = clause[phrase[0][0]:phrase[-1][1]]
    head = phrase[-1][2]
    if head in reader.lex.abstract or text in reader.lex.abstract or text in reader.support.text \
            or text in reader.support.alias_text:
        return False
    if not (PERSON_HEAD.search(text) or person_or_body(head, phrase[-1][3]) and phrase[-1][3] != "nt"):
        return False
    return any(not reader.neutral(w[2]) and not reader.backed(w[2]) for w in phrase) \
        or (len(phrase) > 1 or not reader.backed(head)) and PERSON_HEAD.search(text) is not None
