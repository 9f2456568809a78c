"""Her own outline in a typed or imported fact list: heading lines are sections, not facts (issue 20).

A secretary often types her facts under headings of her own:

    一、思想引领                  思想引领：              ## 民主管理
    - 组织主题宣讲8场…            - 组织主题宣讲8场…       - 召开六届三次职代会…

`typed_outline(lines)` returns the facts without those lines and her sections: each heading with the numbers
(1-based, as the draft's fact lines) of the facts under it, and （一） headings under a 一、 heading as its
sub-sections (a 一、 heading with facts of its own above them keeps those as a section, and its （一） sections
stand beside it). A line counts as a heading only when a fact stands under it before the next heading of its level,
so a list of short numbered facts ("一、开展劳动竞赛" "二、举办读书活动") stays a list of facts. Facts under a
generic heading (其他, 其他工作) belong to no section: the planner places them. A document title ("2025年工会工作
事实材料") before the first fact is dropped, and so is the document's own frame anywhere ("现将…总结如下，请审阅").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drafter.models import DraftPlan, PlanSection
from drafter.domain.facts import HEADING_LONGEST, clean_fact_lines, is_document_frame, is_heading_line, strip_bullet
from textkit.headings import MARKDOWN_MARK, numbering
from textkit.sentences import COLONS, COMMAS, SENTENCE_ENDS

GENERIC_HEADINGS = frozenset({"其他", "其它", "其他工作", "其它工作", "其他方面", "其他事项", "其他情况", "其他内容",
                              "补充", "补充事项", "另外", "其他方面工作",
                              # labels of the whole list, not of a part of it ("主要工作：" over every fact)
                              "事实", "主要事实", "工作事实", "工作情况", "主要工作", "主要成绩", "工作成效", "完成情况",
                              "基本情况", "主要做法", "工作开展情况", "主要工作情况"})
LABEL_LONGEST = 12  # "思想引领：" alone on its line: a heading when this short
_BRACKETS = "【】[]*# \u3000"


@dataclass
class TypedSection:
    heading: str
    area: str | None = None  # the 一、 heading a （一） heading stands under
    facts: list[int] = field(default_factory=list)


@dataclass
class TypedOutline:
    facts: list[str]
    sections: list[TypedSection]  # only sections holding facts, generic ones left out
    dropped: list[str]  # title lines before the first fact, and the document's frame lines


def _bare(line: str) -> str:
    text = MARKDOWN_MARK.sub("", line.strip()).strip(_BRACKETS)
    return text.rstrip(COLONS).strip(_BRACKETS)


def _level(line: str) -> int | None:
    """1 for a section heading, 2 for a （一） heading, 0 for a document title, None for a fact."""
    text = line.strip()
    if not text:
        return None
    style = numbering(text)
    if is_heading_line(text):
        return 2 if style == "cn_paren" else 1 if style in ("cn", "part") else 0
    if style is None and _label(text):
        return 1
    return None


def _label(text: str) -> bool:
    """"思想引领：", "【民主管理】", "## 关心关爱", "**文体活动**": a short label alone on its line."""
    marked = text.startswith(("#", "【", "[", "**")) or text.endswith(tuple(COLONS))
    bare = _bare(text)
    return (marked and 0 < len(bare) <= LABEL_LONGEST and not any(c.isdigit() for c in bare)
            and not any(c in COMMAS + SENTENCE_ENDS + COLONS for c in bare))


def _confirmed(levels: list[int | None]) -> list[int | None]:
    """A heading stays a heading only when a fact stands under it before the next heading of its level or above;
    else it is a fact (so short numbered facts are never lost as headings)."""
    out = list(levels)
    for i, level in enumerate(levels):
        if not level:
            continue
        for later in levels[i + 1:]:
            if later is None:
                break
            if later and later <= level:
                out[i] = None
                break
        else:  # no fact after it at all
            out[i] = None
    # a （一） heading demoted to a fact makes its 一、 heading hold a fact again; a second pass settles it
    return out if out == levels else _confirmed(out)


def typed_outline(lines: list[str]) -> TypedOutline:
    rows = [str(x) for item in lines for x in (str(item).splitlines() or [""]) if str(x).strip()]
    levels = _confirmed([_level(r) for r in rows])
    facts: list[str] = []
    sections: list[TypedSection] = []
    dropped: list[str] = []
    top: TypedSection | None = None
    current: TypedSection | None = None
    for row, level in zip(rows, levels):
        if level is None and is_document_frame(row):
            dropped.append(row.strip())
            continue
        if level == 0:
            if facts:  # a title-like line among the facts is kept as a fact
                level = None
            else:
                dropped.append(row.strip())
                continue
        if level is None:
            for fact in clean_fact_lines([row]):
                facts.append(fact)
                if current is not None:
                    current.facts.append(len(facts))
            continue
        heading = _bare(strip_bullet(_bare(row)))[:HEADING_LONGEST]
        if level == 1:
            top = current = TypedSection(heading)
        else:
            current = TypedSection(heading, area=top.heading if top is not None else None)
        sections.append(current)
    kept = [s for s in sections if s.facts and s.heading not in GENERIC_HEADINGS and s.area not in GENERIC_HEADINGS]
    return TypedOutline(facts, _areas(kept), dropped)


def _areas(sections: list[TypedSection]) -> list[TypedSection]:
    """A 一、 heading with facts of its own above its （一） headings keeps them as a section, and its sub-sections
    become sections beside it (an area holds sub-sections only); an area with one sub-section left is a section."""
    holding = {s.heading for s in sections if s.area is None and s.facts}
    for section in sections:
        if section.area in holding:
            section.area = None
    out = list(sections)
    for section in out:
        if section.area and sum(1 for s in out if s.area == section.area) == 1:
            section.area = None
    return out


def plan_of(outline: TypedOutline) -> DraftPlan | None:
    """Her sections as the outline the draft follows (DraftRequest.plan), or None when she typed no headings."""
    if not outline.sections:
        return None
    return DraftPlan(sections=[PlanSection(heading=s.heading, facts=s.facts, area=s.area) for s in outline.sections])
