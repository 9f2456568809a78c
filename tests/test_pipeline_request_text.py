"""The plain-text request a secretary types: headers, bullet facts, problems and plans blocks, clear errors."""

from __future__ import annotations

import pytest

from drafter.pipeline import parse_request_text

TYPED = """单位：华东精密机械有限公司工会
期间：2025年
类型：年度总结
- 全年新发展会员126人，会员总数达到1842人
* 春节期间走访慰问困难职工86户
1、举办职工篮球赛等文体活动9场

存在问题：
- 基层分会活动开展不够均衡
下一步计划：
（1）推进职工书屋提档升级
"""


def test_headers_bullets_and_blocks():
    request = parse_request_text(TYPED)
    assert request.org == "华东精密机械有限公司工会"
    assert request.period == "2025年"
    assert request.kind == "年度总结"
    assert request.topic is None
    assert request.facts == ["全年新发展会员126人，会员总数达到1842人", "春节期间走访慰问困难职工86户",
                             "举办职工篮球赛等文体活动9场"]
    assert request.problems == ["基层分会活动开展不够均衡"]
    assert request.plans == ["推进职工书屋提档升级"]


@pytest.mark.parametrize("value, kind", [("年度", "年度总结"), ("半年", "半年总结"), ("半年总结", "半年总结"),
                                         ("月度", "月度总结"), ("月度总结", "月度总结"), ("专项", "专项总结"),
                                         ("专项总结", "专项总结")])
def test_kind_with_or_without_zongjie(value, kind):
    request = parse_request_text(f"单位:某公司工会\n期间:2025年\n类型:{value}\n- 发放慰问金3万元")
    assert request.kind == kind


def test_half_width_colons_topic_length_and_other_block_names():
    text = ("单位: 南湖纺织集团有限公司工会\n期间: 2024年元旦春节\n类型: 专项总结\n专题: 送温暖\n篇幅：简短\n"
            "走访慰问困难职工64户\n存在的不足：\n走访覆盖还不够及时\n下一步工作打算：\n持续做好动态帮扶\n完善帮扶台账")
    request = parse_request_text(text)
    assert (request.kind, request.topic, request.length) == ("专项总结", "送温暖", "short")
    assert request.facts == ["走访慰问困难职工64户"]
    assert request.problems == ["走访覆盖还不够及时"]
    assert request.plans == ["持续做好动态帮扶", "完善帮扶台账"]


def test_block_items_on_the_header_line_are_kept():
    request = parse_request_text("单位：某工会\n期间：2025年\n- 发展会员10人\n存在问题：经费使用不均衡\n下一步计划：建成职工书屋1个")
    assert request.problems == ["经费使用不均衡"]
    assert request.plans == ["建成职工书屋1个"]


def test_kind_is_inferred_from_the_period_when_omitted():
    assert parse_request_text("单位：某工会\n期间：2025年上半年\n- 发展会员10人").kind == "半年总结"
    assert parse_request_text("单位：某工会\n期间：2025年3月\n- 发展会员10人").kind == "月度总结"
    assert parse_request_text("单位：某工会\n期间：2025年\n- 发展会员10人").kind == "年度总结"


def test_missing_org_period_and_facts_are_all_named():
    with pytest.raises(ValueError) as info:
        parse_request_text("类型：年度\n存在问题：\n- 经费使用不均衡")
    message = str(info.value)
    assert "单位" in message and "期间" in message and "事实" in message


def test_only_facts_missing():
    with pytest.raises(ValueError, match="没有事实"):
        parse_request_text("单位：某工会\n期间：2025年\n下一步计划：\n- 建成职工书屋")


def test_unknown_kind_is_an_error():
    with pytest.raises(ValueError, match="类型"):
        parse_request_text("单位：某工会\n期间：2025年\n类型：季度\n- 发展会员10人")


def test_empty_text_is_an_error_not_a_crash():
    with pytest.raises(ValueError):
        parse_request_text("")


def test_a_topic_header_may_be_written_zhuti_and_never_becomes_a_fact():
    request = parse_request_text("单位：江北区总工会\n期间：2026年\n类型：专项总结\n主题：“两节”送温暖\n"
                                 "走访慰问困难职工家庭1,340户")
    assert request.topic == "“两节”送温暖" and request.facts == ["走访慰问困难职工家庭1,340户"]


@pytest.mark.parametrize("line, period", [("年度：2025年", "2025年"), ("年份：2025年度", "2025年度"),
                                          ("2026年上半年", "2026年上半年"), ("2025年1—6月", "2025年1—6月"),
                                          ("2025年度工作总结", "2025年度")])
def test_the_period_may_be_a_year_label_or_a_line_of_its_own(line, period):
    request = parse_request_text(f"单位：某公司工会\n{line}\n- 发放慰问金3万元\n- 2024年度先进集体评选表彰12个")
    assert request.period == period
    assert request.facts == ["发放慰问金3万元", "2024年度先进集体评选表彰12个"]


def test_a_year_label_that_is_not_a_period_is_not_taken_as_one():
    with pytest.raises(ValueError, match="缺少“期间：”行"):
        parse_request_text("单位：某公司工会\n年度：全年重点工作\n- 发放慰问金3万元")


@pytest.mark.parametrize("period, kind", [("2025年1—6月", "半年总结"), ("2025年7月至12月", "半年总结"),
                                          ("2025年1-12月", "年度总结"), ("2025年3月", "月度总结"),
                                          ("2025年1~2月", "月度总结")])
def test_a_span_of_months_sets_the_kind_by_its_length(period, kind):
    assert parse_request_text(f"单位：某公司工会\n期间：{period}\n- 发放慰问金3万元").kind == kind


@pytest.mark.parametrize("value, kind, topic", [("专项总结（送温暖）", "专项总结", "送温暖"), ("专项(送温暖)", "专项总结", "送温暖"),
                                                ("送温暖专项总结", "专项总结", "送温暖"), ("专项：金秋助学", "专项总结", "金秋助学"),
                                                ("年度工作总结", "年度总结", None)])
def test_kind_may_carry_its_topic(value, kind, topic):
    request = parse_request_text(f"单位：某县教育局工会\n期间：2026年\n类型：{value}\n- 走访慰问困难教职工52户")
    assert (request.kind, request.topic) == (kind, topic)


def test_a_topic_line_wins_over_the_kinds_own():
    request = parse_request_text("单位：某工会\n期间：2026年\n类型：专项总结（送温暖）\n专题：金秋助学\n- 资助学生12名")
    assert request.topic == "金秋助学"


@pytest.mark.parametrize("line", ["2026年元旦春节期间", "2025年第三季度", "2024年10月至2025年9月", "2025年安全生产月期间"])
def test_a_line_naming_a_stretch_of_time_is_the_period(line):
    request = parse_request_text(f"单位：某工会\n类型：专项\n{line}\n- 走访慰问困难教职工52户")
    assert request.period == line and request.facts == ["走访慰问困难教职工52户"]


def test_a_fact_opening_with_a_year_is_not_taken_for_the_period():
    with pytest.raises(ValueError, match="缺少“期间：”行"):
        parse_request_text("单位：某工会\n2025年开展安全生产月\n- 走访慰问困难职工52户")
