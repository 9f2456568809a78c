"""Planning: facts land in sensible themes, sections follow the order of retrieved examples, caps hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.models import DraftRequest
from drafter.pipeline.plan import Planner, chinese_ordinal
from drafter.pipeline.themes import load_book
from retrieval.models import Chunk, Hit

FACTS = ["全年新发展会员126人，会员总数达到1842人",  # org
         "春节期间走访慰问困难职工86户，发放慰问金12.6万元",  # care
         "举办职工篮球赛、趣味运动会等文体活动9场",  # culture
         "组织开展钳工等6个工种技能比武，参赛职工312人次",  # competition
         "召开二届三次职工代表大会，收集职工提案37件",  # democracy
         "开展“三八”妇女节活动，组织女职工“两癌”筛查218人"]  # women


class OrderedLibrary:
    """A library whose only example has its sections in a given order (headings as in real summaries)."""

    def __init__(self, headings: list[str]) -> None:
        self.chunks = [Chunk(id=f"c{i}", example_id="ex", title="某公司工会工作总结", kind="年度总结", source="ex.md",
                             heading=h, heading_path=[h], role="body", order=i + 1, text=f"{h}。各项工作扎实推进。")
                       for i, h in enumerate(headings)]

    def search(self, query, k=5, kind=None, role=None, mode="hybrid", example_ids=None):
        return [Hit(text=c.text, title=c.title, kind=c.kind, source=c.source, heading=c.heading, role=c.role,
                    score=1.0, chunk_id=c.id, example_id=c.example_id, order=c.order) for c in self.chunks[:k]]

    def example_chunks(self, example_id):
        return list(self.chunks)


def plan_for(settings, library, facts=FACTS, **request):
    req = DraftRequest(org="某公司工会", period="2025年", facts=facts, **request)
    return Planner(settings, library, load_book()).plan(req)


def themes_of(plan) -> dict[int, str]:
    return {line: s.theme for s in plan.body() for line in s.fact_lines}


def test_facts_land_in_sensible_themes(settings, library):
    settings.max_sections = 10
    placed = themes_of(plan_for(settings, library, facts=FACTS * 2))  # 12 facts: no family merging needed
    assert placed[1] == "org" and placed[2] == "care" and placed[3] == "culture"
    assert placed[4] == "competition" and placed[5] == "democracy" and placed[6] == "women"


def test_warmth_topic_uses_its_own_themes(settings, library):
    facts = ["成立送温暖工作领导小组，制定活动方案", "走访慰问困难职工132户，发放慰问金31.6万元",
             "为18名困难职工子女发放助学金5.4万元", "对27户困难职工家庭实施结对帮扶"]
    plan = plan_for(settings, library, facts=facts, kind="专项总结", topic="送温暖")
    placed = themes_of(plan)
    assert placed[1] == "warm_lead" and placed[2] == "warm_visit"
    assert {*placed[3].split("+"), *placed[4].split("+")} <= {"warm_study", "warm_hardship"}  # merged: both keys
    assert all(key.startswith("warm_") for s in plan.body() for key in s.theme.split("+"))


def test_competition_topic_is_organised_like_a_competition_report(settings, library):
    facts = ["围绕重点项目开展“安全生产、质量提升”主题劳动竞赛，参赛班组126个",
             "举办焊工、电工等9个工种的职工技能大赛，参赛职工1080人",
             "评选“金牌工人”10名、“技术标兵”25名，奖励金额共计18万元",
             "职工创新工作室完成技术攻关项目32项，创造经济效益1260万元",
             "获授权专利14件，其中发明专利3件", "开展“师带徒”活动，签订师徒协议85对",
             "竞赛期间产品一次交检合格率提升到99.2%"]
    plan = plan_for(settings, library, facts=facts, kind="专项总结", topic="劳动竞赛")
    placed = themes_of(plan)
    assert all(s.theme.startswith("comp_") for s in plan.body())
    assert placed[2] == "comp_skill" and placed[4] == placed[5] == "comp_innovation"
    assert placed[3] == placed[6] == "comp_talent"
    assert len(plan.body()) >= 3 and max(len(s.fact_lines) for s in plan.body()) <= 3


@pytest.mark.parametrize("headings", [
    ["一、丰富文体活动，建设文化之家", "二、关心职工生活，建设温暖之家", "三、加强组织建设，发展会员"],
    ["一、加强组织建设，发展会员", "二、关心职工生活，建设温暖之家", "三、丰富文体活动，建设文化之家"],
])
def test_sections_follow_the_order_of_the_examples(settings, headings):
    facts = [FACTS[0], FACTS[1], FACTS[2]] * 2
    order = [s.theme for s in plan_for(settings, OrderedLibrary(headings), facts=facts).body()]
    expected = [{"文体": "culture", "温暖": "care", "组织": "org"}[next(w for w in ("文体", "温暖", "组织") if w in h)]
                for h in headings]
    assert order == expected


def test_whole_draft_layout(settings, library):
    plan = plan_for(settings, library, problems=["经费使用不均衡"], plans=["建成职工书屋"])
    roles = [s.role for s in plan.sections]
    assert roles[0] == "opening" and roles[-1] == "closing"
    assert roles[-3:-1] == ["problems", "plans"]
    numbered = [s for s in plan.sections if s.number]
    assert [s.number for s in numbered] == list(range(1, len(numbered) + 1))
    assert numbered[-2].heading.endswith("存在的不足") and numbered[-1].heading.endswith("下一步工作打算")
    assert all(not any(ch.isdigit() for ch in s.heading) for s in plan.sections)


def test_few_facts_share_family_sections(settings, library):
    plan = plan_for(settings, library, facts=[FACTS[0], "全年工会经费收入215.3万元，经审委员会开展专项审计2次"])
    assert len(plan.body()) == 1 and plan.body()[0].fact_lines == [1, 2]


def test_caps_on_facts_per_section_sections_and_facts(settings, library):
    settings.max_facts = 20
    settings.max_facts_per_section = 4
    facts = [f"走访慰问困难职工{100 + i}户" for i in range(30)]
    plan = plan_for(settings, library, facts=facts)
    assert len(plan.facts) == 20
    assert all(len(s.fact_lines) <= 4 for s in plan.body())
    assert sorted(line for s in plan.body() for line in s.fact_lines) == list(range(1, 21))
    assert len({s.title for s in plan.body()}) > 1  # split sections of one theme get different headings
    assert any("未写入" in w for w in plan.warnings)


def test_a_theme_over_the_cap_is_split_evenly(settings, library):
    settings.max_facts_per_section = 4
    facts = [f"春节期间走访慰问困难职工{100 + i}户，发放慰问金{i + 1}万元" for i in range(10)]
    plan = plan_for(settings, library, facts=facts)
    assert [len(s.fact_lines) for s in plan.body()] == [4, 3, 3]  # not 4 + 4 + 2
    assert [line for s in plan.body() for line in s.fact_lines] == list(range(1, 11))


def test_a_failing_library_still_gives_a_plan(settings):
    class Broken:
        def search(self, *args, **kwargs):
            raise RuntimeError("index unavailable")

        def example_chunks(self, example_id):
            raise RuntimeError("index unavailable")

    plan = plan_for(settings, Broken())
    assert sorted(line for s in plan.body() for line in s.fact_lines) == list(range(1, len(FACTS) + 1))
    assert any("范文检索失败" in w for w in plan.warnings)


@pytest.mark.parametrize("n, text", [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (23, "二十三")])
def test_chinese_ordinal(n, text):
    assert chinese_ordinal(n) == text


def test_a_heading_asserts_only_what_its_facts_give(settings, library):
    settings.max_sections = 10
    plan = plan_for(settings, library, facts=["推进会员实名制管理，会员信息录入率达到99.2%"] * 2)
    assert [s.title for s in plan.body()] == ["加强工会组织建设"]  # no "会员队伍不断壮大" without new members
    plan = plan_for(settings, library, facts=["全年新发展会员87人，会员总数达到1205人"] * 2)
    assert plan.body()[0].title == "强化组织建设，会员队伍不断壮大"


@pytest.mark.parametrize("facts, heading", [
    (["开展“安康杯”竞赛活动，查处安全隐患76处", "元旦春节慰问困难职工及家属29户，发放慰问金8.7万元"],
     "用心用情服务职工，做好帮扶和劳动保护工作"),  # a 安康杯 contest is 劳动保护 work: not under 帮扶 alone
    (["召开三届二次职代会，审议通过职工福利等议案3项", "职工书屋新增图书1200册"], "深化民主管理，加强学习教育"),
])
def test_a_merged_section_is_headed_for_all_of_its_facts(settings, library, facts, heading):
    plan = plan_for(settings, library, facts=facts)
    assert [(s.title, s.fact_lines) for s in plan.body()] == [(heading, [1, 2])]
    assert "+" in plan.body()[0].theme  # the lead is the family's (prompts/template/lead.j2), not one member's


@pytest.mark.parametrize("facts", [
    ["组织职工技能竞赛3场，参赛职工420人次", "新建职工书屋2个，新增图书1500册", "春节走访慰问困难职工86户"],
    ["协调解决农民工工资支付问题，追回欠薪36万元", "开办农民工夜校8期，参训420人次"],
])
def test_no_heading_is_one_the_check_refused(settings, library, facts):
    from drafter.pipeline.verify import says_only

    plan = plan_for(settings, library, facts=facts)
    for section in plan.body():
        own = [plan.facts[line - 1] for line in section.fact_lines]
        assert section.title and says_only(own, section.title), (section.title, own)


@pytest.mark.parametrize("path", sorted((Path(__file__).resolve().parent.parent / "bench" / "requests").iterdir()),
                         ids=lambda p: p.name)
def test_every_bench_heading_is_justified_by_its_facts(settings, library, path):
    from drafter.cli.draft_cmds import read_request

    request = read_request(path)
    plan = Planner(settings, library, load_book()).plan(request)
    book = load_book()
    headings = {h.text: h for t in book.themes for h in t.headings}
    for section in plan.body():
        facts = "".join(plan.facts[line - 1] for line in section.fact_lines)
        heading = headings.get(section.title)
        assert heading is None or heading.fits(facts), (section.title, facts)  # family headings assert nothing
