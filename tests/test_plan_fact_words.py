"""A heading made of its facts' own words (no example or lexicon heading fitted them) names no area of work: the
opening does not list it, and the template leads its section with no sentence made of it (我们把举办“…”、举办…作为
一项重点工作来抓。 said the facts twice). Misfits of unrelated areas get no section together. Facts written for it."""

from __future__ import annotations

import numpy as np

from drafter.models import DraftRequest
from drafter.pipeline.fitting import _kin_parts
from drafter.pipeline.planned import Plan, PlannedSection, made_of_facts
from drafter.pipeline.template import TemplateWriter

FACTS = [
    "先后举办了六期“新市民夜话”，为进城务工人员讲解租房、就医等常识",
    "共举办焊工培训班三期，结业学员120人",
    "组织职工参加区羽毛球联赛，获团体第三名",
    "举办“迎新春”职工联欢会，300名职工参加",
]
MADE = "举办“新市民夜话”，举办焊工培训班"


def plan_of(first: str) -> tuple[Plan, PlannedSection]:
    own = PlannedSection("body", first, 1, "", [1, 2])
    culture = PlannedSection("body", "丰富职工文化生活，文体活动多姿多彩", 2, "culture", [3, 4])
    return Plan([PlannedSection("opening", ""), own, culture, PlannedSection("closing", "")], FACTS), own


def test_a_heading_made_of_its_facts_words_is_told_apart():
    assert made_of_facts(MADE, FACTS[:2])  # 举办了六期“新市民夜话”: 了 and a count between its words
    assert made_of_facts("组织职工参加区羽毛球联赛、举办“迎新春”职工联欢会等工作", FACTS[2:])
    assert not made_of_facts("丰富职工文化生活，文体活动多姿多彩", FACTS[2:])
    assert not made_of_facts(MADE, FACTS[2:])


def test_the_opening_names_no_heading_made_of_facts_and_the_lead_is_not_made_of_it():
    plan, own = plan_of(MADE)
    assert plan.named_areas() == ["丰富职工文化生活"]
    writer = TemplateWriter(DraftRequest(org="某街道总工会", period="2026年", facts=FACTS), plan)
    assert "新市民夜话" not in writer.lead(own) and "新市民夜话" not in writer.render(plan.sections[0])
    plan, own = plan_of("加强职工技能培训，提升职工素质")  # a heading of the work: named, and a lead of it
    assert "加强职工技能培训" in plan.named_areas()


def test_misfits_of_unrelated_areas_are_not_put_together():
    kin = np.array([[1, 0, 1], [0, 1, 1], [1, 1, 1]], dtype=float)  # 0 and 1 unrelated, 2 of no clear theme
    assert _kin_parts([0, 1, 2], kin) == [[0, 2], [1]]
    assert _kin_parts([0, 2], kin) == [[0, 2]]


def test_no_theme_frame_under_a_heading_made_of_its_facts_words():
    facts = ["先后举办了六期“新市民夜话”，讲解租房、安全用电、就医等常识", "共举办焊工培训班三期，结业学员120人"]
    request = DraftRequest(org="某街道总工会", period="2026年", facts=facts)
    for title, said in ((MADE, False), ("强化劳动保护，筑牢安全生产防线", True)):
        section = PlannedSection("body", title, 1, "safety", [1, 2])  # one fact writes 安全: the safety theme's key
        writer = TemplateWriter(request, Plan([PlannedSection("opening", ""), section, PlannedSection("closing", "")], facts))
        frame = writer.lead(section) + writer.tail(section)
        assert any(word in frame for word in ("安全", "劳动保护", "健康")) is said, (title, frame)


def test_the_opening_names_an_area_once_though_two_sections_name_it():
    facts = ["新建基层工会3家，发展会员120人", "完成工会经费年度审计", "举办职工篮球赛", "招录工会组织员5名"]
    titles = ["加强组织建设和工会自身建设", "丰富职工文化生活，文体活动多姿多彩", "加强工会组织建设"]
    body = [PlannedSection("body", t, n, "", lines) for n, (t, lines) in enumerate(zip(titles, ([1, 2], [3], [4])), 1)]
    plan = Plan([PlannedSection("opening", ""), *body, PlannedSection("closing", "")], facts)
    assert plan.named_areas() == ["加强组织建设和工会自身建设", "丰富职工文化生活"]
    body[2].title = "加强劳动保护"  # another area: named
    assert plan.named_areas()[-1] == "加强劳动保护"
