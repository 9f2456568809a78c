"""Section roles in Chinese work summaries (opening, body, problems, plans, closing), named by headings or by
the way a paragraph opens. Heading classification itself lives in textkit.headings.
"""

from __future__ import annotations

import re

from textkit.headings import PLAIN_MAX, without_number
from textkit.sentences import COLONS, COMMAS, FULL_STOP, SEMICOLONS, char_class

__all__ = ["heading_role", "role_of_path", "opener_role", "turns_ahead", "is_real_paragraph", "closing_strength",
           "is_signature"]

SUB_ROLE_HEADING_MAX = 12

# Roles named by heading words (see heading_role / role_of_path).
CLOSING_HEADING = re.compile(r"结语|结束语|总结(?:并|与|和)展望|^小结")
PROBLEMS_HEADING = re.compile(r"不足|差距|存在(?:的)?(?:主要)?问题|问题(?:与|和|及)|薄弱|短板|教训")
PLANS_HEADING = re.compile(
    r"下一步|下步|计划|打算|思路|设想|下半年|今后|明年|来年|新的一年|工作安排|工作要点|工作建议|重点工作|努力方向|展望|工作要求"
)
# Paragraphs that open a problems / plans passage without a heading ("在肯定成绩的同时…不足：一是…").
_PROBLEMS_OPENER = re.compile(
    r"(?:成绩|成效)的同时|但(?:是|也|仍|还)?[^。]{0,25}(?:不足|差距|缺点|薄弱)"
    r"|存在(?:的|着)?(?:一些|许多|不少|以下|诸多)?(?:不足|差距|缺点|问题)(?:和(?:不足|问题))?" + char_class(COLONS + FULL_STOP)
)
_PLANS_OPENER = re.compile(
    r"^.{0,12}(?:下一步|下步|今后|下半年|明年|来年|新的一年)[^。]{0,20}(?:将|要|做到|努力|继续|计划|打算|提出|安排|设想|思路)"
    r"|^(?:指导思想|初步设想|工作思路|总体思路|工作目标|总体目标|总体要求|主要任务)[：:]"
)
_OPENER_WINDOW = 80
# A paragraph that closes the account of the past (admits shortcomings, or grants its results: 虽然取得了一定成绩，但…)
# and then turns to the coming work in a clause of its own (…不足，…，在xx年的工作中，围绕…; …但是成绩永远是过去的，
# 下半年工会工作将…：): what follows it is plans, however it is numbered.
_CONCESSION = re.compile(r"虽然?[^。]{0,30}(?:成绩|成效|工作)[^。]{0,12}但")
_AHEAD = re.compile(char_class(COMMAS + FULL_STOP + SEMICOLONS + COLONS)
                    + r"(?:在|于)?(?:今后|下一步|下步|明年|来年|新的一年|新年度|下半年|(?:19|20)?[\dxX×_]{2}年度?的?工作中)")
# The trailing paragraph(s) of a summary. Strong openers always close; weak ones ("20xx年，…", "今后…") only
# when they are not the single paragraph under the last heading.
_CLOSING_STRONG = re.compile(
    r"^(?:总之|总而言之|综上|总的来说|总体来看|回顾|展望|以上是|以上为|以上就是|我们相信|充满挑战|让我们)"
    r"|再接再厉|继往开来|更上一层楼|开创.{0,12}新局面|充满信心"
)
_CLOSING_WEAK = re.compile(
    r"^(?:相信|在今后的工作中|今后|在新的一年|新的一年|过去的一年|一年来|一年以来|半年来"
    r"|(?:19|20)?[\dxX_×]{2}年(?:度|上半年|下半年)?[，,])"
)
_SIGNATURE = re.compile("^" + char_class(FULL_STOP + COMMAS + SEMICOLONS, negate=True) + "{2,25}$")
_DATE = re.compile(r"[〇○零一二三四五六七八九十\d]{2,4}年[〇○零一二三四五六七八九十\d]{1,3}月[〇○零一二三四五六七八九十\d]{1,3}日$")


def heading_role(text: str, top: bool) -> str | None:
    """closing / problems / plans when a heading names it. Below the top level only short headings count
    ("（二）下一步打算" does; "8、坚持每月向党委上报一份工作计划" is an item, not a plans section)."""
    if not top and len(without_number(text)) > SUB_ROLE_HEADING_MAX:
        return None
    last_clause = re.split(r"[，,]", text)[-1]  # "三、做好工会工作计划,发展新会员,加强…" is not a plans section
    for role, pattern in (("closing", CLOSING_HEADING), ("problems", PROBLEMS_HEADING), ("plans", PLANS_HEADING)):
        if pattern.search(last_clause):
            return role
    return None


def role_of_path(path: tuple[str, ...]) -> str | None:
    """The role named by the deepest heading on the path that names one."""
    for depth in range(len(path) - 1, -1, -1):
        role = heading_role(path[depth], top=depth == 0)
        if role:
            return role
    return None


def opener_role(paragraph: str) -> str | None:
    """problems / plans when an unheaded paragraph starts such a passage."""
    window = paragraph[:_OPENER_WINDOW]
    if _PLANS_OPENER.search(window):
        return "plans"
    if _PROBLEMS_OPENER.search(window):
        return "problems"
    return None


def turns_ahead(paragraph: str) -> bool:
    """The paragraph concedes the past (in its opening) and then turns to the coming work (see _AHEAD): the
    passage after it is plans."""
    window = paragraph[:_OPENER_WINDOW]
    conceded = _PROBLEMS_OPENER.search(window) or _CONCESSION.search(window)
    return bool(conceded and _AHEAD.search(paragraph, conceded.end()))


def is_real_paragraph(line: str) -> bool:
    """A sentence-bearing paragraph, not a short title-like line ("xx年工会工作总结及xx年工")."""
    return len(line) > PLAIN_MAX or any(mark in line for mark in FULL_STOP + COMMAS + SEMICOLONS)


def closing_strength(paragraph: str) -> str | None:
    """"strong" / "weak" when the paragraph reads like the closing of a summary, else None."""
    if _CLOSING_STRONG.search(paragraph):
        return "strong"
    return "weak" if _CLOSING_WEAK.match(paragraph) else None


def is_signature(line: str) -> bool:
    """An end-of-document signature or date line ("上饶市环卫处工会", "二〇一一年十一月二日")."""
    return bool(_DATE.search(line)) or (bool(_SIGNATURE.match(line)) and line.endswith(("工会", "委员会", "公司", "办公室")))
