"""A fact that refers back to others (并/还/同时 opening it in a list that reads grouped; 这些组织员, 各组织员: a noun
an earlier fact gives) sits with them, not in a one-fact section of its own (drafter/pipeline/antecedents.py;
held-out s002_04 in session 18: "五、建立考核评比制度" apart from the 组织员 facts it continues)."""

from __future__ import annotations

import sys

from drafter.models import DraftRequest
from drafter.pipeline.antecedents import antecedents, follow, rejoin
from drafter.pipeline.heading_rules import heading_faults
from drafter.pipeline.plan import Planner
from drafter.pipeline.themes import load_book
from drafter.settings import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "bench"))
from plan_set import build  # noqa: E402

HIRED = "经过严格的笔试、面试,择优录取,为我街道配置了10名工会组织员,为开展工作提供了人力资源。"
TOLD = "让这些组织员明确职责、任务,让他们知道做什么,怎么做。"
CHECKED = "并建立考核评比制度,跟踪指导,定期检查各组织员的工作成效。"
GAMES = "五一期间,我工会组织策划了“红五月”系列活动,开展了10种类型30项内容形式多样的活动。"


def test_a_fact_refers_back_by_its_opening_link_and_by_the_noun_it_points_at():
    facts = [GAMES, HIRED, TOLD, CHECKED]
    assert antecedents(facts, ordered=True) == [set(), set(), {1, 3}, {1, 2}]
    # in a list in random order the fact before a 并 is any fact: only the noun counts
    assert antecedents([HIRED, GAMES, CHECKED], ordered=False) == [set(), set(), {0}]
    assert antecedents([HIRED, GAMES, CHECKED], ordered=True) == [set(), set(), {0, 1}]


def test_everyones_units_and_generic_nouns_point_at_nothing():
    facts = ["各基层工会开展健步走活动12场", "这些活动丰富了职工生活", "各单位组织职工参加基层工会换届", "该项工作受到好评"]
    assert antecedents(facts, ordered=False) == [set(), set(), set(), set()]


def test_a_one_fact_section_joins_the_section_of_the_facts_it_refers_to():
    sections = [([0, 1], "开展文体活动"), ([2, 3], "加强组织员队伍建设"), ([4], "建立考核评比制度")]
    refer = [set(), set(), set(), {2}, {2, 3}]
    rejoin(sections, refer, lambda lines: len(lines) <= 8)
    assert [lines for lines, _ in sections] == [[0, 1], [2, 3, 4], []]
    sections = [([0, 1], "开展文体活动"), ([2, 3], "加强组织员队伍建设"), ([4], "建立考核评比制度")]
    rejoin(sections, refer, lambda lines: len(lines) <= 2)  # no room there: it stays
    assert sections[2][0] == [4]


SUMMED = "总之由于领导重视,工会组织得力,这些成绩的取得为我院争了光,为推动我院精神文明建设做出了贡献。"


def test_a_fact_whose_antecedents_are_all_in_another_section_joins_them():
    """A summing-up (这些成绩, of the 成绩 a culture fact gives) filed under the study section its 精神文明 put it in
    goes to the culture facts it sums up; one whose antecedents are in two sections, or that the heading there would
    not take, stays."""
    facts = ["组织参加市运动会，荣获团体第一名的好成绩", "举办职工书画展", "组织干部学习党的理论", SUMMED]
    refer = antecedents(facts, ordered=False)
    assert refer[3] == {0}
    sections = [([0, 1], "丰富职工文化生活"), ([2, 3], "加强学习教育")]
    assert follow(sections, refer, lambda title, lines: True) == [3]
    assert [lines for lines, _ in sections] == [[0, 1, 3], [2]]
    sections = [([0, 1], "丰富职工文化生活"), ([2, 3], "加强学习教育")]
    assert follow(sections, refer, lambda title, lines: False) == [] and sections[1][0] == [2, 3]
    split = [set(), set(), set(), {0, 2}]  # its antecedents in two sections: it stays
    sections = [([0, 1], "丰富职工文化生活"), ([2], "加强学习教育"), ([3], "其他")]
    assert follow(sections, split, lambda title, lines: True) == []


def test_the_held_out_courts_summing_up_sits_with_the_culture_it_sums_up(settings, library):
    """held-out s002_12 (sessions 22-24): "总之…这些成绩的取得无疑为我市法院争了光" sat under 加强学习教育和自身建设."""
    item = next(h for h in build(PROJECT_ROOT / "samples") if h.example_id == "s002_12.md")
    request = DraftRequest(org="某法院工会", period="2025年", kind=item.kind, facts=list(item.facts))
    plan = Planner(settings, _HeldOut(library, {item.example_id, *item.copies}), load_book()).plan(request)
    summed = next(i for i, fact in enumerate(item.facts, 1) if fact.startswith("总之"))
    games = next(i for i, fact in enumerate(item.facts, 1) if "好成绩" in fact)
    section = next(s for s in plan.body() if summed in s.fact_lines)
    assert games in section.fact_lines, [(s.heading, s.fact_lines) for s in plan.body()]


class _HeldOut:
    """The test library without one summary (and its near-copies)."""

    def __init__(self, library, hidden: set[str]) -> None:
        self.library, self.hidden, self.embedder = library, hidden, library.embedder

    def search(self, query: str, k: int = 5, **filters):
        return [h for h in self.library.search(query, k=k + 10, **filters) if h.example_id not in self.hidden][:k]

    def heading_bank(self):
        return self.library.heading_bank().without(self.hidden)

    def example_chunks(self, example_id: str):
        return [] if example_id in self.hidden else self.library.example_chunks(example_id)


def test_the_held_out_organisers_checking_sits_with_the_organisers(settings, library):
    item = next(h for h in build(PROJECT_ROOT / "samples") if h.example_id == "s002_04.md")
    request = DraftRequest(org="某街道总工会", period="2025年", kind=item.kind, facts=list(item.facts))
    plan = Planner(settings, _HeldOut(library, {item.example_id, *item.copies}), load_book()).plan(request)
    line = item.facts.index(CHECKED) + 1
    section = next(s for s in plan.body() if line in s.fact_lines)
    assert item.facts.index(HIRED) + 1 in section.fact_lines, section.heading
    assert len(section.fact_lines) > 1 and "考核评比" not in section.title
    assert heading_faults(plan) == []
