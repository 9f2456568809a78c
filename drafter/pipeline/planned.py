"""A draft's plan: its sections (opening, numbered body sections and sub-sections （一）（二）, problems, plans,
closing), each with its heading, facts and references. Made by plan.Planner, or from the secretary's outline
(outline.py); read by the writers, the template and the page."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from textkit.sentences import NOT_COMPARED

CN_DIGITS = "零一二三四五六七八九"
_WORDS_OF_ALL = re.compile("工会|职工")  # in nearly every heading: they tell no area from another
_GAPPED = "[^\n]{0,3}?"  # a fact's words as a heading writes them: 了, a count (举办了十场“劳务工大课堂”) left out
_MEANS = re.compile(r"^以.{1,12}为(?:抓手|载体|契机|突破口|基础|重点|主线|核心|目标|手段|指导|宗旨|中心)")
# a clause that names no work of its own: the means (以…为抓手), the direction (围绕企业发展) or a bare act (开展活动)
_WEAK = re.compile(_MEANS.pattern + r"|^(?:紧紧)?(?:围绕|紧扣|立足|服务)[^，、]{1,8}$"
                   r"|^(?:积极|广泛|深入|认真)?(?:开展|组织|举办|做好|抓好)(?:各类|各项|多种|工会)?(?:活动|工作)$")


def chinese_ordinal(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (section numbers)."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return CN_DIGITS[ones]
    return (CN_DIGITS[tens] if tens > 1 else "") + "十" + (CN_DIGITS[ones] if ones else "")


@dataclass
class PlannedSection:
    role: str  # opening | body | problems | plans | closing
    title: str  # heading without its number ("" for opening and closing)
    number: int = 0  # 1-based number of the top-level section, 0 for opening and closing
    theme: str = ""
    fact_lines: list[int] = field(default_factory=list)
    items: list[str] = field(default_factory=list)  # problems or plans lines
    references: list = field(default_factory=list)  # retrieval Hits given to the model as style references
    parent: str = ""  # a sub-section's area heading (without number)
    sub: int = 0  # 1-based sub-section number （一）（二）… within its area, 0 for a section of its own

    @property
    def heading(self) -> str:
        """The heading line(s): "一、title"; a sub-section "（二）title", the first one under its area's line."""
        if not self.number:
            return ""
        if not self.sub:
            return f"{chinese_ordinal(self.number)}、{self.title}"
        own = f"（{chinese_ordinal(self.sub)}）{self.title}"
        return f"{chinese_ordinal(self.number)}、{self.parent}\n{own}" if self.sub == 1 else own

    @property
    def area(self) -> str:
        return self.parent or self.title


@dataclass
class Plan:
    sections: list[PlannedSection]
    facts: list[str]
    warnings: list[str] = field(default_factory=list)
    order_examples: list[str] = field(default_factory=list)

    def body(self) -> list[PlannedSection]:
        return [s for s in self.sections if s.role == "body"]

    def areas(self) -> list[str]:
        """The body's top-level headings, each once."""
        return list(dict.fromkeys(s.area for s in self.body()))

    def named_areas(self, most: int = 5) -> list[str]:
        """What the opening names: the areas' first clauses, each once, at most `most` (then 等方面); of a clause that
        lists ("A、B等工作", "坚持平等协商、集体合同制度和职代会制度") its first item, so that the opening's list reads as
        one list of areas (在坚持平等协商、集体合同制度和职代会制度、关爱职工送清凉…等方面 hid where each area ended)."""
        from drafter.pipeline.one_home import same_area  # the areas two clauses name, in other words too: issue 20
        from drafter.pipeline.themes import load_book

        first = [n for n in (_named(area) for area in self.areas() if not made_of_facts(area, self.facts_of(area))) if n]
        named: list[str] = []
        for area in dict.fromkeys(_first_item(a) for a in first):
            work = _WORDS_OF_ALL.sub("", area[2:])  # 加强工会组织建设 -> 组织建设
            if ((len(work) < 4 or not any(work in _WORDS_OF_ALL.sub("", other) for other in named))
                    and not any(same_area(area, other, load_book()) for other in named)):
                named.append(area)  # (not 加强组织建设和工会自身建设、…、加强工会组织建设, nor 丰富职工文化生活、…、丰富职工生活)
        return named[:most]

    def facts_of(self, area: str) -> list[str]:
        """The facts under an area (its sub-sections' too)."""
        return [self.facts[n - 1] for s in self.body() if s.area == area for n in s.fact_lines if 0 < n <= len(self.facts)]


def made_of_facts(title: str, facts: list[str]) -> bool:
    """Every phrase of `title` is words of its facts ("举办“劳务工大课堂”，举办电工班", "A、B等工作"): it names no area of
    work (the opening does not list it), and a lead of it would say a fact twice."""
    phrases = [NOT_COMPARED.sub("", p) for p in re.split("[，、]", title.removesuffix("等工作"))]
    said = "\n".join(NOT_COMPARED.sub("", fact) for fact in facts)
    return any(phrases) and all(re.search(_GAPPED.join(map(re.escape, p)), said) for p in phrases if p)


def _named(area: str) -> str:
    """An area as the opening names it: its first clause that names work, not only the means, the direction or a
    bare act ("以活动为抓手，提高全员思想道德素质", "开展活动，丰富职工生活": 在…以活动为抓手、开展活动等方面 reads as no
    area); "" when none does (围绕企业发展，积极开展工会活动: 在…、围绕企业发展、…等方面 named no area, held-out s002_09,
    session 22; the opening leaves it out)."""
    clauses = [c for c in area.split("，") if c]
    return next((c for c in clauses if not _WEAK.match(c)), "" if clauses else area)


def _first_item(clause: str) -> str:
    """A clause that lists (A、B…) as its first item, when that names work on its own (4 characters or more)."""
    item = clause.split("、")[0]
    return item if "、" in clause and len(item) >= 4 else clause
