"""Partners (issue 19, session 26): a body the writer did an act with, named by a coverb and no word of doing
together (与社区居委会开展志愿服务, 与本地科技公司合作上线…), and the body test that reads an organisation jieba glues
into an unknown word (院团委, 市妇联: 词林 knows 团委 and 妇联)."""

from __future__ import annotations

from drafter.numcheck.rolephrases import _ACTOR_HEAD, _phrase_after
from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.wordclass import person_or_body
from drafter.numcheck.witness import _JOINTLY
from drafter.numcheck.words import Word

_LISTED = frozenset("、和及与”\"")  # after the verb: it ends one of nouns joined (企业发展、供暖事业) or a quote
_ORGANS = ("Dm", "Di09", "Di10")  # 词林: institutions (公司, 学院), organs and associations (党委, 居委会, 妇联, 协会)


def _organ(word: str) -> bool:
    classes = cilin_classes().get(word, ())
    return bool(classes) and all(c.startswith(_ORGANS) for c in classes)


def body_word(word: str, tag: str = "") -> bool:
    """A person or a body (wordclass.person_or_body), an organ or association by 词林 (党委, 居委会, 妇联), or an
    unknown word ending in one (院团委, 市妇联: a level or a unit before a body 词林 knows)."""
    return person_or_body(word, tag) or _organ(word) or len(word) > 2 and not cilin_classes().get(word) and any(
        _organ(word[k:]) for k in range(1, len(word) - 1))


def partner(ws: tuple[Word, ...], i: int, clause: str) -> list[Word]:
    """The body after 与/同 (word i) written right before the verb of the act done with it (与社区居委会 | 开展, 与本地
    网络科技公司 | 合作: jieba's nouns run on past 合作, so the phrase is cut at its first verb); [] when the words
    before the verb end on no body (与去年 | 相比, 与职工 | 谈心: people met are witness._met's) or the verb is one of
doing together (与X携手: witness.joined_by's)."""
    phrase = _phrase_after(ws, i + 1, clause)
    cut = next((k for k, w in enumerate(phrase) if k and w[3] in ("v", "vn")), len(phrase))
    body, j = phrase[:cut], i + 1 + cut
    verb = ws[j] if j < len(ws) else None
    if not body or verb is None or verb[3] not in ("v", "vn") or verb[0] != body[-1][1] or verb[2] in _JOINTLY:
        return []  # 与X携手/共同…: witness.joined_by reads the words of doing together
    after = clause[verb[1]:verb[1] + 1]
    if after in _LISTED or _quoted(clause, ws[i][0]):
        return []  # 将工会工作与企业发展、…: nouns joined; “科学发展与青年成长”: a title's words
    head = body[-1]
    named = body_word(*head[2:]) or _ACTOR_HEAD.search(clause[body[0][0]:head[1]]) is not None
    return body if named and head[3] != "nr" else []


def _quoted(clause: str, at: int) -> bool:
    """Is position `at` inside a quotation (an odd number of quote marks before it, or an open “)?"""
    before = clause[:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1
