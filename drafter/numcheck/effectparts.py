"""Effect idioms read by their parts (issue 19 item 4, session 27): the same kind of effect clause gets the same
verdict everywhere.

* A list of effect phrases (经受了锻炼、增长了才干; 磨砺了意志、提升了本领): each part a verb, 了 and its object, joined
  by 、. When a later part's verb opens an effect tail, the list is one tail from its first verb, judged strictly word
  by word like any tail: a 、 before a verb joins it to nouns only when no 了-phrase stands before it.
* A gradual change written as one word (日益壮大, 逐步完善): a degree adverb (词林 Ka) glued to a verb 词林 knows
  only as a change or result is that change, as 不断|壮大 cut in two already is.

* An act verb inside the attribute of a frame noun after an effect verb (营造了人人参与健身的浓厚氛围): the verb
  describes the atmosphere, it reports no work, when the attribute's other words say nothing and name no event or
  place no fact gives (技能比武, 书法培训班 there still say something).

An idiom's content is judged as a tail's is: every word says nothing of its own (frame, generic, given by the facts,
known to 词林 outside its thing classes); a person, place or event no fact names keeps the list an assertion.
"""

from __future__ import annotations

from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.words import Word

_PART = 3  # verb, 了, object


def list_start(clause: str, ws: tuple[Word, ...], k: int) -> int | None:
    """The index of the first verb of the 、-list of verb-了-object parts that word k (a verb followed by 了) ends
    (经受|了|锻炼|、|增长|了|才干: 经受), or None when word k is no such list's last part."""
    if k + 1 >= len(ws) or ws[k + 1][2] != "了":
        return None
    first = None
    j = k
    while j >= _PART and clause[ws[j - 1][1]:ws[j][0]] == "、" and ws[j - 2][2] == "了" \
            and ws[j - 3][3].startswith("v") and ws[j - 3][1] == ws[j - 2][0]:
        first = j = j - _PART
    return first


def gradual_change(word: str, result) -> bool:
    """日益壮大, 逐步完善: a degree adverb glued to a change verb (`result`: effects._result), one word to jieba."""
    if len(word) != 4 or cilin_classes().get(word):
        return False
    adverb = cilin_classes().get(word[:2], ())
    return bool(adverb) and all(c.startswith("Ka") for c in adverb) and result(word[2:])


def attribute_verbs(ws: tuple[Word, ...], k: int, reader, says_nothing, event_or_place) -> frozenset[int]:
    """The starts of the act verbs (asserts, tagged v, no object word) after the effect verb at word k that stand in
    an attribute ending on 的 before a head that says nothing (…参与健身的浓厚氛围), when no other word of the
    attribute names an event or place no fact gives (`says_nothing`, `event_or_place`: effects.py's)."""
    ends = [j for j in range(k + 1, len(ws)) if ws[j][2] == "的"]
    if not ends or ends[-1] + 1 == len(ws) or not all(says_nothing(x, reader) for x in ws[ends[-1] + 1:]):
        return frozenset()
    lex = reader.lex
    verbs = frozenset(x[0] for x in ws[k + 1:ends[-1]]
                      if x[3] == "v" and reader.asserts(x[2]) and not lex.object_re.search(x[2]))
    others = [x for x in ws[k + 1:ends[-1]] if x[0] not in verbs]
    return verbs if all(says_nothing(x, reader) and not event_or_place(x, reader) for x in others) \
        else frozenset()  # 参加书法培训班的热情: an event of its own
