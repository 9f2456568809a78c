"""Where a fact reports its work (issue 20): a heading's words are backed by a fact only there. A fact also writes
words that report nothing done: another body's name (市文明办, 市直机关, 省法官协会, 市政法系统), an honour or title won
(荣获二等奖, 被评为市级文明单位), and a clause that says what the work aims to win or is worth (为创建…, 争创…, 为我市
创全国文明城市做出了贡献, 是创建高绩效机关的重要内容, 紧紧围绕…的新目标). Session 23: 积极倡导文明机关、文明处室、
文明岗位的创建活动 headed a court's sports facts on 市文明办, 市直机关 and 创建高绩效机关 alone.

`reported(fact)` blanks those spans (one space a character: nothing of them joins a word across the gap); the
heading rules (heading_rules.relevant), the fit test (fitting.speaks_of) and a clause's backing (titling) read it.
The claim check reads the facts whole: a heading may name a body or an honour a fact gives (numcheck).
"""

from __future__ import annotations

import re
from functools import lru_cache

from drafter.numcheck.things import HONOUR_MARKS
from drafter.numcheck.words import words
from textkit.sentences import BREAKS, COMMAS, FULL_STOP, SEMICOLONS, char_class

_CLAUSE = re.compile(f"(?:“[^”]*”|[^{re.escape(BREAKS)}])+")  # a quoted name is never cut
# a body of some level (not the writer's own union: ownorg.py): the level, a few characters, the body's kind
_LEVEL = r"(?:中华全国|全国|省直|市直|区直|县直|我省|我市|我区|我县|上级|省|市|区|县|州|镇|乡|街道)"
_INSIDE = r"(?:(?!工会|[与和向及同跟对在为把被将给从由])[\u4e00-\u9fff])"  # one body: no 工会, no second body
_KINDS = (r"(?:委员会|联合会|总工会|协会|学会|办公室|系统|机关|政府|法院|检察院|妇联|团委|党委|纪委|政协|人大"
          r"|(?<!举|开|主|承|协|创|兴|督|包|代|照|查|筹|合|试|停|民|公)办|[委局厅])")  # 文明办, not 举办
_BODY = re.compile(f"{_LEVEL}{_INSIDE}{{0,6}}?{_KINDS}")
# a clause that says what the work aims to win or is worth, not what was done: 为创建…, 争创…, 力争…, 为…做出了贡献,
# 是…的重要内容. A plain purpose (为了加强基层工会建设) names the area the work serves and stays.
_GOAL = re.compile(r"^(?:为了?|以便|旨在)(?:创建|创|争取)|^(?:为了?|以便|旨在)?(?:力争|争创|争当|争做)"
                   r"|^(?:也|更|就|都|正|这|这也)?是")  # 创建职工书屋3个 (no 为): the work itself
_FOR_WHOM = re.compile(r"提供|搭建|创造|营造")  # 为有需求的家庭提供服务: for whom the work was done
_CONTRIBUTES = re.compile(r"^为.{1,24}(?:做出|作出)(?:了)?.{0,6}贡献|^为.{1,16}服务$")
_DONE_TO = re.compile(r"进行|给予|予以|表彰|奖励|慰问")
_AIMED = re.compile(r"(?:紧紧)?围绕(?:“[^”]{0,30}”|" + char_class(COMMAS + FULL_STOP + SEMICOLONS + "“", negate=True)
                    + r"){0,30}?(?:目标|主题|主线|中心工作)")


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _goal(clause: str) -> bool:
    """The clause says what the work aims to win (为创建…, 争创…) or contributed to (为…做出贡献), or what it is
    worth (是…的重要内容)."""
    if _GOAL.match(clause):
        return True
    return clause.startswith("为") and not _FOR_WHOM.search(clause) and bool(_CONTRIBUTES.match(clause))


def _honour_in(clause: str) -> tuple[int, int] | None:
    """The span of the clause's honour (荣获二等奖, 分获一等奖, 被评为先进集体), None when it names none; an honour
    that only says whom an act was done to ends at its 的 (对获优秀建议的24名员工进行了表彰)."""
    start = next((start for start, _, word, _ in words(clause) if word in HONOUR_MARKS or word.endswith("获")), None)
    if start is None:
        return None
    of = clause.find("的", start)
    return (start, of) if of > 0 and _DONE_TO.search(clause, of) else (start, len(clause))


@lru_cache(maxsize=1 << 14)
def reported(fact: str) -> str:
    """`fact` with what reports no work blanked (see the module docstring); offsets kept."""
    text = fact
    for clause in _CLAUSE.finditer(fact):
        body, at = clause.group(), clause.start()
        if _goal(body.strip()):
            text = _blank(text, at, clause.end())
            continue
        honour = _honour_in(body)
        if honour is not None:
            text = _blank(text, at + honour[0], at + honour[1])
    for m in _AIMED.finditer(fact):
        text = _blank(text, m.start(), m.end())
    for start, end in _bodies(fact):
        text = _blank(text, start, end)
    return text


def _bodies(fact: str) -> list[tuple[int, int]]:
    """The spans of other bodies' names (_BODY) whose level begins a word (市 of 市文明办, not of 城市)."""
    spans = []
    for clause in _CLAUSE.finditer(fact):
        starts = {clause.start() + start for start, _, _, _ in words(clause.group())}
        spans += [m.span() for m in _BODY.finditer(fact, clause.start(), clause.end()) if m.start() in starts]
    return spans
