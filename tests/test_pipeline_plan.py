"""Planning from the examples: facts grouped by meaning, sections ordered and titled the way examples are, headings
that fit their own facts (never generic, repeated or one fact's words), sub-sections for large areas, and a
confirmed outline followed exactly. The whole-corpus figures are bench/plan_bench.py's."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.models import DraftPlan, DraftRequest, PlanSection
from drafter.pipeline.heading_rules import heading_faults, is_generic, one_fact_words, relevant
from drafter.pipeline.outline import outline_of
from drafter.pipeline.plan import Planner, chinese_ordinal
from drafter.pipeline.themes import load_book
from drafter.pipeline.titling import core, fits
from plan_support import BankLibrary, embedder, example  # noqa: F401 - embedder is a fixture
from retrieval.heading_bank import HeadingBank, normalise
from retrieval.models import Example

FACTS = ["全年新发展会员126人，会员总数达到1842人",  # org
         "春节期间走访慰问困难职工86户，发放慰问金12.6万元",  # care
         "举办职工篮球赛、趣味运动会等文体活动9场",  # culture
         "组织开展钳工等6个工种技能比武，参赛职工312人次",  # competition
         "召开二届三次职工代表大会，收集职工提案37件",  # democracy
         "开展“三八”妇女节活动，组织女职工“两癌”筛查218人"]  # women
OUTSIDE = ["发布企业歌《奋进之歌》，组织职工合唱", "每月举办经理接待日，解决职工诉求36件",
           "开展优质服务月活动，评选服务明星12名", "为8座加油站购买洗衣机8台"]  # the 其他工作 facts


@pytest.fixture(scope="module")
def library(embedder):
    return BankLibrary(embedder, [
        example("a.md", ["加强组织建设，发展会员", "关心职工生活，做好帮扶送温暖工作", "丰富职工文化体育活动",
                         "开展劳动竞赛和技能比武", "深化民主管理，开好职代会", "关爱女职工"]),
        example("b.md", ["开展技能比武，提升职工素质", "丰富文体活动，建设文化之家", "走访慰问困难职工"]),
    ])


def plan_for(settings, library, facts=FACTS, **request):
    req = DraftRequest(org="某公司工会", period="2025年", facts=facts, **request)
    return Planner(settings, library, load_book()).plan(req)


def partition(plan) -> list[list[int]]:
    return sorted(sorted(s.fact_lines) for s in plan.body())


def test_alike_facts_share_a_section_and_unlike_ones_do_not(settings, library):
    plan = plan_for(settings, library, facts=FACTS + FACTS[::-1])  # each fact twice, far apart in the list
    assert partition(plan) == [[1, 12], [2, 11], [3, 10], [4, 9], [5, 8], [6, 7]]


def test_headings_fit_their_own_facts_and_none_is_generic_repeated_or_one_facts(settings, library):
    for facts in (FACTS, OUTSIDE, FACTS + OUTSIDE, OUTSIDE * 2):
        plan = plan_for(settings, library, facts=facts)
        assert heading_faults(plan) == []
        for section in plan.body():
            own = [plan.facts[line - 1] for line in section.fact_lines]
            assert fits(own, section.title), (section.title, own)


def test_sections_follow_the_order_of_the_examples(settings, embedder):
    facts = [FACTS[2], FACTS[3], FACTS[1]]  # culture, competition, care
    first = BankLibrary(embedder, [example("x.md", ["走访慰问困难职工", "开展技能比武", "丰富文体活动"])])
    second = BankLibrary(embedder, [example("y.md", ["丰富文体活动", "开展技能比武", "走访慰问困难职工"])])
    orders = [[s.fact_lines for s in plan_for(settings, lib, facts=facts * 2).body()] for lib in (first, second)]
    assert orders[0][0] == [3, 6] and orders[1][0] == [1, 4]
    assert orders[0] == orders[1][::-1]


def test_whole_draft_layout(settings, library):
    plan = plan_for(settings, library, problems=["经费使用不均衡"], plans=["建成职工书屋"])
    roles = [s.role for s in plan.sections]
    assert roles[0] == "opening" and roles[-1] == "closing"
    assert roles[-3:-1] == ["problems", "plans"]
    numbers = [s.number for s in plan.sections if s.number]
    assert numbers == list(range(1, len(numbers) + 1))
    assert plan.sections[-3].heading.endswith("存在的不足") and plan.sections[-2].heading.endswith("下一步工作打算")
    assert all(not any(ch.isdigit() for ch in s.heading) for s in plan.sections)


def test_a_large_area_whose_parts_no_heading_tells_apart_is_one_section(settings, library):
    """Five near-alike 慰问 facts (and five 技能比武 facts) over a cap of four: their parts were headed
    （一）做好职工帮扶和服务工作 （二）扎实开展帮扶救助，做好送温暖工作, 帮扶 said twice (issue 20, session 25). Each area
    is one section past the cap, and the plan's warning says so (part_titles.name_apart)."""
    settings.max_facts_per_section = 4
    settings.max_sections = 2  # more facts than two sections of four hold
    facts = [f"春节期间走访慰问困难职工{100 + i}户，发放慰问金{i + 1}万元" for i in range(5)]
    facts += [f"组织开展第{i + 1}届职工技能比武，参赛职工{300 + i}人次" for i in range(5)]
    plan = plan_for(settings, library, facts=facts)
    assert [s.fact_lines for s in plan.body()] == [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10]]
    assert not any(s.sub for s in plan.body()) and any("每节4条" in w for w in plan.warnings)
    assert heading_faults(plan) == []
    assert len(plan.areas()) == len({s.number for s in plan.body()})


def test_caps_on_facts(settings, library):
    settings.max_facts = 20
    plan = plan_for(settings, library, facts=[f"走访慰问困难职工{100 + i}户" for i in range(30)])
    assert len(plan.facts) == 20 and any("未写入" in w for w in plan.warnings)
    assert sorted(n for s in plan.body() for n in s.fact_lines) == list(range(1, 21))
    assert heading_faults(plan) == []


def test_without_library_or_embedder_a_plan_is_still_made(settings):
    class Broken:
        def heading_bank(self):
            raise RuntimeError("index unavailable")

    for library in (None, Broken()):
        plan = plan_for(settings, library)
        assert sorted(n for s in plan.body() for n in s.fact_lines) == list(range(1, len(FACTS) + 1))
        assert heading_faults(plan) == []
    assert any("范文检索失败" in w for w in plan_for(settings, Broken()).warnings)


def test_a_confirmed_outline_is_followed(settings, library):
    outline = DraftPlan(sections=[PlanSection(heading="二、服务职工", facts=[2, 3]),
                                  PlanSection(heading="技能比武", facts=[4], area="建功立业"),
                                  PlanSection(heading="（二）职代会", facts=[5], area="建功立业"),
                                  PlanSection(heading="空的一节", facts=[])])
    plan = plan_for(settings, library, plan=outline)
    body = plan.body()
    assert [(s.title, s.fact_lines) for s in body[:3]] == [("服务职工", [2, 3]), ("技能比武", [4]), ("职代会", [5])]
    assert body[0].heading == "一、服务职工" and body[1].heading == "二、建功立业\n（一）技能比武"
    assert body[2].heading == "（二）职代会"
    assert sorted(body[3].fact_lines) == [1, 6] and body[3].number == 3  # left out: planned after hers
    assert any("不在提纲" in w for w in plan.warnings)
    again = outline_of(plan)
    assert [s.heading for s in again.sections][:3] == ["服务职工", "技能比武", "职代会"]


def test_an_outline_naming_a_fact_that_does_not_exist_is_refused():
    with pytest.raises(ValueError, match="超出范围"):
        DraftRequest(org="某工会", period="2025年", facts=["走访慰问困难职工86户"],
                     plan=DraftPlan(sections=[PlanSection(heading="帮扶", facts=[1, 3])]))


@pytest.mark.parametrize("title, generic", [("其他工作", True), ("其它", True), ("其他方面工作", True),
                                            ("上年主要工作", True), ("工作开展情况", True),
                                            ("开展职工文化体育活动", False), ("加强工会组织建设", False)])
def test_generic_headings(title, generic):
    assert is_generic(title) is generic


def test_one_facts_words_over_other_facts():
    facts = ["新建职工书屋2个，新增图书1500册", "组织职工技能比武3场"]
    assert one_fact_words("新建职工书屋", facts)
    assert not one_fact_words("新建职工书屋", facts[:1])
    assert not one_fact_words("建设职工书屋，开展技能比武", facts)


def test_a_heading_must_speak_of_its_facts():
    facts = ["全年工会经费收入215.3万元，支出198.6万元"]
    assert not relevant("经费管理，进行基层工会经费集中核算", facts)
    assert not relevant("开展文体活动，建设“文化之家”", ["举办职工篮球赛等文体活动9场"])
    assert relevant("管好用好工会经费", facts)


@pytest.mark.parametrize("fact, expected", [
    ("3月，公司工会组织职工技能竞赛3场，参赛420人", "组织职工技能竞赛"),
    ("举办职工篮球赛、趣味运动会等文体活动9场", "举办文体活动"),
    ("我们的工作区域是一个山区开发园区", ""),
    # a clause cut inside a quotation is no heading: the next clause that says an act is taken
    ("利用教师节进行了表彰,并开展了“情满阳光,真我风采”教师节联谊活动", ""),
    ("并开展了“情满阳光,真我风采”联谊活动,组织教职工乒乓球比赛", "组织教职工乒乓球比赛"),
    # what follows the act must be its object, not a clause cut mid-phrase, a pointer or nothing (structure set)
    ("为全面建设贯彻落实中的各项任务", ""),
    ("为开展奠定了良好的基础", ""),
    ("领导重视，组织得力", ""),
    ("工作5年以上的教师参加了本次评优活动", ""),
    ("积极组织活动，丰富职工生活", ""),
    ("认真开展工会工作，成效明显", ""),
    ("依照《工会法》新建了村级工会组织xx个，机关工会xx个", "新建村级工会组织"),  # the corpus's placeholder count; 了 dropped
])
def test_a_facts_core(fact, expected):
    assert core(fact) == expected


@pytest.mark.parametrize("raw, text", [("三、强化组织建设,会员队伍不断壮大", "强化组织建设，会员队伍不断壮大"),
                                       ("（二）加强民主管理：", "加强民主管理"),
                                       ("(六)在送温暖、扶贫帮困方面", "送温暖、扶贫帮困")])  # samples/s002_10.md
def test_bank_headings_are_normalised_by_their_numbering(raw, text):
    assert normalise(raw) == text


@pytest.mark.parametrize("n, text", [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (23, "二十三")])
def test_chinese_ordinal(n, text):
    assert chinese_ordinal(n) == text


@pytest.mark.parametrize("path", sorted((Path(__file__).resolve().parent.parent / "bench" / "requests").iterdir()),
                         ids=lambda p: p.name)
def test_every_bench_heading_fits_and_none_is_generic_or_repeated(settings, library, path):
    from drafter.cli.draft_cmds import read_request

    plan = Planner(settings, library, load_book()).plan(read_request(path))
    assert heading_faults(plan) == []
    for section in plan.body():
        own = [plan.facts[line - 1] for line in section.fact_lines]
        assert fits(own, section.title), (section.title, own)


def test_the_bank_vectors_are_embedded_once_per_headings_and_embedder(embedder, tmp_path):
    examples = [example("a.md", ["加强组织建设，发展会员", "丰富职工文化体育活动"])]
    first = HeadingBank(examples, embedder, tmp_path)
    vectors = first.vectors()
    assert vectors.shape[0] == len(first.entries) == 2 and list(tmp_path.glob("heading_bank-*.npy"))

    class Refusing:
        name = embedder.name

        def embed_passages(self, texts):
            raise AssertionError("embedded again")

    again = HeadingBank(examples, Refusing(), tmp_path)
    assert (again.vectors() == vectors).all()
    assert [e.text for e in first.without({"a.md"}).entries] == []


class ScopedBankLibrary(BankLibrary):
    """A bank library that shows some of its examples (as a scoped library hides other organisations')."""

    def __init__(self, embedder, examples: list[Example], shown: set[str]) -> None:
        super().__init__(embedder, examples)
        self.examples = {e.id: e for e in examples if e.id in shown}

    def get_example(self, example_id: str):
        return self.examples.get(example_id)

    def heading_bank(self):
        return self.bank.without(set(self.bank.shapes) - set(self.examples))


def test_a_pinned_example_sets_the_order_and_leads_the_structure_sources(settings, embedder):
    facts = [FACTS[2], FACTS[3], FACTS[1]] * 2  # culture, competition, care
    books = [example("x.md", ["走访慰问困难职工", "开展技能比武", "丰富文体活动"]),
             example("y.md", ["丰富文体活动", "开展技能比武", "走访慰问困难职工"])]
    library = ScopedBankLibrary(embedder, books, shown={"x.md", "y.md"})
    for pinned, first in (("x.md", [3, 6]), ("y.md", [1, 4])):
        plan = plan_for(settings, library, facts=facts, pinned_examples=[pinned])
        assert plan.body()[0].fact_lines == first and plan.order_examples[0] == pinned
    hidden = ScopedBankLibrary(embedder, books, shown={"y.md"})
    plan = plan_for(settings, hidden, facts=facts, pinned_examples=["x.md"])
    assert "x.md" not in plan.order_examples  # an example the caller may not see is never a source


def test_a_heading_made_of_a_fact_never_ends_on_a_distributive_word():
    """各/每/分别 before a count belong to the count: 举办集体婚礼和青年联谊各1场 is headed 举办集体婚礼和青年联谊."""
    from drafter.pipeline.titling import core

    assert core("为新入职大学生举办集体婚礼和青年联谊各1场") == "举办集体婚礼和青年联谊"
    assert core("组织篮球赛和拔河比赛分别2场") == "组织篮球赛和拔河比赛"


def test_no_more_top_level_sections_than_the_cap(settings, library):
    """DRAFTER_MAX_SECTIONS holds for lists past max_sections x max_facts_per_section too: areas too large to merge
    under the size limit are merged anyway (and split into sub-sections). With 200 random corpus facts the plan had
    12 top-level sections at a cap of 10; here 3 areas of 10 facts at a cap of 2 sections of 4."""
    settings.max_facts_per_section = 4
    settings.max_sections = 2
    facts = [f"春节期间走访慰问困难职工{100 + i}户，发放慰问金{i + 1}万元" for i in range(4)]
    facts += [f"组织开展第{i + 1}届职工技能比武，参赛职工{300 + i}人次" for i in range(3)]
    facts += [f"举办第{i + 1}届职工篮球赛，参赛队伍{10 + i}支" for i in range(3)]
    plan = plan_for(settings, library, facts=facts)
    assert len({s.number for s in plan.body()}) <= 2, [s.heading for s in plan.body()]
    assert sorted(n for s in plan.body() for n in s.fact_lines) == list(range(1, 11))
    assert heading_faults(plan) == []


def test_a_list_that_reads_as_grouped_keeps_her_order_of_areas(settings, library):
    """A secretary who lists her facts area by area has put the areas in her order: the sections follow it (the
    examples' order stands for a list in no order: test_sections_follow_the_order_of_the_examples). On the held-out
    structure set in the summaries' own order, the planned order agreed with theirs on 0.59 of fact pairs, 0.82
    with this rule (bench/plan_order.py)."""
    areas = [["召开二届三次职工代表大会，审议通过集体合同等4项议案", "收集职工提案37件，办结率100%", "推行厂务公开，公开事项28项"],
             ["举办职工篮球赛、趣味运动会等文体活动9场", "组织职工合唱比赛，参赛职工200人", "举办迎新春职工联欢晚会"],
             ["春节期间走访慰问困难职工86户，发放慰问金12.6万元", "为18名困难职工子女发放助学金5.4万元",
              "为3名患重病职工申请大病救助4.5万元"]]
    for order in ([0, 1, 2], [2, 1, 0], [1, 2, 0]):
        facts = [fact for index in order for fact in areas[index]]
        plan = plan_for(settings, library, facts=facts)
        firsts = [min(s.fact_lines) for s in plan.body()]
        assert firsts == sorted(firsts), (order, [(s.title, s.fact_lines) for s in plan.body()])


def test_a_sub_section_left_alone_in_its_area_is_a_section_of_its_own(settings, library):
    """She moved the facts of all but one sub-section of an area elsewhere: the one left is not drafted as "二、area"
    over a lone "（一）", but as a section under its own heading."""
    outline = DraftPlan(sections=[PlanSection(heading="服务职工", facts=[2, 3]),
                                  PlanSection(heading="技能比武", facts=[4], area="建功立业"),
                                  PlanSection(heading="职代会和女职工", facts=[1, 5, 6])])
    body = plan_for(settings, library, plan=outline).body()
    assert [s.heading for s in body] == ["一、服务职工", "二、技能比武", "三、职代会和女职工"]
    assert outline_of(plan_for(settings, library, plan=outline)).sections[1].area is None
