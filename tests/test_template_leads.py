"""A template section's lead comes from its theme, and is never a generic frame (工会统筹推进各项工作。 led sections
whose heading was specific) nor its heading said again (session 19); a section of no theme gets no generic closing."""

from __future__ import annotations

from drafter.models import DraftRequest
from drafter.pipeline.planned import Plan, PlannedSection
from drafter.pipeline.template import TemplateWriter
from test_plan_fitting import STATION, BARBECUE, library, plan_for  # noqa: F401 - library is a fixture
from plan_support import embedder  # noqa: F401 - a fixture

GENERIC = ("各项工作", "统筹推进", "认真抓好")


def test_a_section_of_no_theme_gets_no_lead_never_a_generic_frame():
    facts = ["今年的5月17日是公司首个“经理接待日”，接待客户56位", "开展“优质服务月”活动，评出服务明星12名"]
    request = DraftRequest(org="某公司工会", period="2025年", facts=facts)
    section = PlannedSection("body", "围绕企业发展，积极开展工会活动", 1, "", [1, 2])
    plan = Plan([PlannedSection("opening", ""), section, PlannedSection("closing", "")], facts)
    writer = TemplateWriter(request, plan)
    assert writer.lead(section) == ""  # no generic frame, nor its heading again (工会围绕企业发展，认真抓好落实。)
    assert not any(word in writer.tail(section) for word in GENERIC)


def test_a_lead_does_not_say_its_heading_again_word_for_word():
    """bench/requests/halfyear_2025_bank.json in session 18: 一、提升职工技能，丰富文体活动 led by
    工会在提升职工技能、丰富文体活动上持续用力。"""
    facts = ["开展“比学赶超”营销劳动竞赛，全行68个网点参赛，新增存款28.6亿元", "举办柜面业务技能比赛，选拔技术能手12名",
             "组织青年员工羽毛球、乒乓球比赛，参赛员工430人次"]
    section = PlannedSection("body", "提升职工技能，丰富文体活动", 1, "", [1, 2, 3])
    plan = Plan([PlannedSection("opening", ""), section, PlannedSection("closing", "")], facts)
    writer = TemplateWriter(DraftRequest(org="某银行工会", period="2025年上半年", facts=facts), plan)
    lead = writer.lead(section)
    assert "提升职工技能" not in lead and "丰富文体活动" not in lead, lead
    assert not any(word in writer.render(section) for word in GENERIC)


def test_template_drafts_of_held_out_facts_say_no_generic_frame(settings, library):
    for facts in (STATION, BARBECUE, STATION[:6] + BARBECUE):
        request = DraftRequest(org="某公司工会", period="2025年", facts=facts)
        plan = plan_for(settings, library, facts)
        writer = TemplateWriter(request, plan)
        sections = [writer.render(s) for s in plan.body()]
        for text in sections:
            assert not any(word in text for word in GENERIC), text
        frames = [writer.lead(s) for s in plan.body()]
        assert len([f for f in frames if f]) == len(set(f for f in frames if f))  # no lead said twice


def test_the_opening_names_an_area_not_the_means_its_heading_opens_with():
    body = [PlannedSection("body", "以活动为抓手，提高全员思想道德素质", 1, "", [1]),
            PlannedSection("body", "围绕企业发展，积极开展工会活动", 2, "", [2])]
    plan = Plan([PlannedSection("opening", ""), *body, PlannedSection("closing", "")], ["事实一", "事实二"])
    assert plan.named_areas() == ["提高全员思想道德素质"]  # 围绕企业发展 names no area (held-out s002_09, session 22)


def test_no_template_frame_names_a_span_of_time_of_its_own():
    """The period is the request's (上半年, 3月 …): a frame saying 一年来 was wrong in every half-year and monthly
    draft whose section had no theme of its own."""
    import re
    from pathlib import Path

    spans = re.compile(r"一年来|半年来|全年|今年|本年度|过去一年")
    frames = sorted((Path(__file__).parents[1] / "prompts" / "template").glob("*.j2"))
    assert frames
    assert [(f.name, spans.findall(f.read_text(encoding="utf-8"))) for f in frames
            if spans.search(f.read_text(encoding="utf-8"))] == []


def test_two_sections_of_one_theme_do_not_close_alike():
    """Held-out s003_14 in session 19: 一（一） and 二, both study sections, each closed on
    职工队伍的思想素质和业务能力进一步提升 (the first after 通过扎实有效的工作，): a frame said twice in one draft."""
    from drafter.pipeline.template import MEANS

    # the first section's last fact states no effect of its own (…，提高教师师德修养 would close it: ends_on_effect)
    facts = ["开展三次“教师礼仪”教育活动，提高教师师德修养", "组织全体教师收看优秀共产党员事迹报告，开展政治思想教育",
             "鼓励教师参加学历进修和技能培训，教师外出学习培训84人次", "针对教师需求开展区域活动组织与指导培训"]
    first = PlannedSection("body", "加强师德教育，开展师德建设系列活动", 1, "study", [1, 2])
    second = PlannedSection("body", "加强学习培训，提升教师素质", 2, "study", [3, 4])
    plan = Plan([PlannedSection("opening", ""), first, second, PlannedSection("closing", "")], facts)
    writer = TemplateWriter(DraftRequest(org="某幼儿园工会", period="2025年", facts=facts), plan)
    tails = [writer.tail(first).removeprefix(MEANS), writer.tail(second).removeprefix(MEANS)]
    assert tails[0], "the first study section closes on its theme's tail"
    assert tails[0] != tails[1], tails
