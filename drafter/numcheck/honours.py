"""The honour role's markers (issue 19): an honour is a title given by someone: 评为, 授予, 荣获, 获评, 命名为, 当选,
入选 (selected into a showcase or list someone keeps: 入选全国职工书画展) … (things.HONOUR_MARKS), and the clause's
words after the marker up to its end are the title (roles.py)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.things import HONOUR_MARKS
from drafter.numcheck.words import Word

if TYPE_CHECKING:
    from drafter.numcheck.support import Support

_MARKS = "|".join(sorted(HONOUR_MARKS, key=len, reverse=True))
_LISTED = frozenset({"列为", "列入", "确定为", "确立为"})  # after 被 only
_LEVELS = "全国|国家级|省部级|省级|市级|区级|县级|厂级|公司级|集团级|全省|全市|全区|省|市|区|县"


def awarded(clause: str, title: list[Word], support: Support) -> bool:
    """Do the facts award this title (获评技术能手 for 省级技术能手)?"""
    text = clause[title[0][0]:title[-1][1]] if title else ""
    return len(text) >= 2 and re.search(f"(?:{_MARKS})(?:{_LEVELS})?{re.escape(text)}", support.text) is not None


def honour_marker(ws: tuple[Word, ...], i: int, clause: str) -> int:
    """How many words the honour marker at word i takes (评为; 被 评为; 命名 为; 被 命名 为); 0: none here."""
    k = i + 1 if ws[i][2] == "被" else i
    if k < len(ws) and ws[k][2] == REPRESENT:
        return _represents(ws, k) - i  # 代表开发区参加市级展演: chosen to stand for a body in a wider contest
    if k > i and k < len(ws) and ws[k][2] in _LISTED and not clause.startswith("的", ws[k][1]):
        return 2  # 被列为全市职工创新示范点: put on a list someone keeps (列为重点工作, no 被: a plan)
    for n in (1, 2):
        if k + n <= len(ws) and clause[ws[k][0]:ws[k + n - 1][1]] in HONOUR_MARKS:
            return 0 if clause.startswith("的", ws[k + n - 1][1]) else k + n - i  # 新当选的工会主席: an attribute
    return 0


REPRESENT = "代表"  # 代表…参加: a result (honours.honour_marker); 职工代表参加…, with no body between, is people
_ENTERS = frozenset({"参加", "参赛", "出征", "角逐", "亮相"})


def _represents(ws: tuple[Word, ...], k: int) -> int:
    """The index after 参加 of 代表 + a body + 参加 (word k: 代表), the words written together and the body's nouns;
    k when the words after 代表 are no body before such a verb."""
    for j in range(k + 2, min(k + 6, len(ws))):
        if ws[j][0] != ws[j - 1][1] or not ws[j - 1][3].startswith(("n", "j")):
            return k
        if ws[j][2] in _ENTERS:
            return j + 1
    return k


def recommended(clause: str, ws: tuple[Word, ...], i: int) -> bool:
    """Is the honour marker at word i a recommendation or a representation (被推荐参评, 代表…参加): a result of its own,
    so a level in its title (省级技术能手 of 推荐参评) is no near miss of a title the facts award."""
    k = i + 1 if ws[i][2] == "被" else i
    return k < len(ws) and (ws[k][2] == REPRESENT or clause.startswith("推荐", ws[k][0]))


# Approval a body gives (session 25): 得到集团公司的肯定, 受到省体育局的肯定, 赢得上级工会的一致好评 is an honour the facts do
# not give; approval of people (赢得了用户的广泛好评, 受到员工欢迎) is the work's reception, frame a strong model adds.
# The approval nouns are a closed class; the agent is a body by jieba's tag (nt), 词林's institutions (Dm) or its head.
_APPROVAL = re.compile(r"的?(?:一致|充分|高度|广泛|普遍)?(?:肯定|好评|认可|赞誉|称赞|赞扬|赞许|点赞|评价)(?=\W*$)")
_BODY_HEAD = re.compile(r"(?:工会|协会|学会|委员会|党委|政府|集团|公司|单位|部门|机关|中心|[局厅部委院台报社网])$")


def approved_by_body(clause: str, ws: tuple[Word, ...], i: int) -> re.Match | None:
    """The approval closing the clause after the receiving verb at word i (受到, 得到, 赢得), when a body gives it."""
    praise = _APPROVAL.search(clause, ws[i][1])
    agent = [w for w in ws[i + 1:] if w[1] <= praise.start() and w[2] != "了"] if praise else []
    if not agent:
        return None
    head = agent[-1]
    body = head[3] == "nt" or _BODY_HEAD.search(head[2]) is not None or any(
        c.startswith("Dm") for c in cilin_classes().get(head[2], ()))
    return praise if body else None
