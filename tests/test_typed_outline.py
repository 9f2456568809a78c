"""Headings a secretary types over her facts are her outline, not facts (issue 20): the typed request, the page's
facts box and the draft follow them; short numbered facts stay facts; facts under 其他 are placed by the planner."""

from __future__ import annotations

from drafter.domain.typed_outline import plan_of, typed_outline
from drafter.pipeline import parse_request_text
from drafter.view.inputs import build_request, fact_lines

HOSPITAL = """单位：市第二人民医院工会
类型：年度总结
年度：2025年
一、思想引领
- 组织职工参加“医者仁心”主题宣讲8场，参加医护人员620人次
- 评选“最美医护”10名
二、民主管理
- 召开六届三次职代会，审议通过3项议题
- 收集职工提案41件，立案29件
三、其他
- 全院会员1486人，会员入会率99.2%
"""


def sections(outline):
    return [(s.heading, s.area, s.facts) for s in outline.sections]


def test_numbered_headings_become_sections_and_leave_the_facts():
    request = parse_request_text(HOSPITAL)
    assert request.facts == ["组织职工参加“医者仁心”主题宣讲8场，参加医护人员620人次", "评选“最美医护”10名",
                             "召开六届三次职代会，审议通过3项议题", "收集职工提案41件，立案29件", "全院会员1486人，会员入会率99.2%"]
    assert [(s.heading, s.facts) for s in request.plan.sections] == [("思想引领", [1, 2]), ("民主管理", [3, 4])]


def test_label_markdown_and_bracket_headings():
    outline = typed_outline(["思想引领：", "- 宣讲8场", "## 民主管理", "召开职代会1次", "【文体活动】", "运动会1次"])
    assert outline.facts == ["宣讲8场", "召开职代会1次", "运动会1次"]
    assert sections(outline) == [("思想引领", None, [1]), ("民主管理", None, [2]), ("文体活动", None, [3])]


def test_short_numbered_facts_with_nothing_under_them_stay_facts():
    outline = typed_outline(["一、开展劳动竞赛", "二、举办职工读书活动", "三、新建职工书屋"])
    assert outline.facts == ["开展劳动竞赛", "举办职工读书活动", "新建职工书屋"]
    assert plan_of(outline) is None


def test_sub_headings_are_sub_sections_and_a_title_is_dropped():
    outline = typed_outline(["2025年工会工作事实材料", "一、关心关爱", "（一）帮扶", "慰问困难职工8户", "（二）健康",
                             "组织体检1200人", "二、组织建设", "新建工会3家"])
    assert outline.dropped == ["2025年工会工作事实材料"]
    assert outline.facts == ["慰问困难职工8户", "组织体检1200人", "新建工会3家"]
    assert sections(outline) == [("帮扶", "关心关爱", [1]), ("健康", "关心关爱", [2]), ("组织建设", None, [3])]


def test_facts_under_a_generic_heading_belong_to_no_section():
    outline = typed_outline(["一、民主管理", "召开职代会1次", "二、其他工作", "会员1486人"])
    assert outline.facts == ["召开职代会1次", "会员1486人"]
    assert sections(outline) == [("民主管理", None, [1])]


def test_a_label_over_the_whole_list_is_no_section():
    outline = typed_outline(["主要工作：", "召开职代会1次", "会员1486人"])
    assert outline.facts == ["召开职代会1次", "会员1486人"] and plan_of(outline) is None


def test_the_page_form_carries_her_outline():
    request, errors = build_request("某医院工会", "2025年", "年度总结", "", HOSPITAL.split("年度：2025年\n")[1])
    assert errors == [] and len(request.facts) == 5
    assert [s.heading for s in request.plan.sections] == ["思想引领", "民主管理"]
    assert fact_lines("一、民主管理\n召开职代会1次") == ["召开职代会1次"]
    plain, _ = build_request("某医院工会", "2025年", "年度总结", "", "召开职代会1次\n会员1486人")
    assert plain.plan is None


def test_the_template_draft_follows_her_headings(settings, library):
    from drafter.pipeline import Pipeline

    result = Pipeline(settings, library, None).run(parse_request_text(HOSPITAL))
    text = result.text
    assert "一、思想引领" in text and "二、民主管理" in text
    assert text.index("一、思想引领") < text.index("二、民主管理") < text.index("1486人")
    assert "其他。" not in text and "思想引领。" not in text
    assert result.check.ok, result.check


def test_a_pasted_summarys_frame_lines_are_dropped_wherever_they_stand():
    outline = typed_outline(["现将我局工会上半年工作总结报告如下，请审阅。", "一、民主管理", "召开职代会1次", "审议通过集体合同",
                             "二、帮扶工作", "走访慰问困难职工86户", "特此报告。"])
    assert outline.facts == ["召开职代会1次", "审议通过集体合同", "走访慰问困难职工86户"]
    assert outline.dropped == ["现将我局工会上半年工作总结报告如下，请审阅。", "特此报告。"]
    assert [(s.heading, s.facts) for s in outline.sections] == [("民主管理", [1, 2]), ("帮扶工作", [3])]
