"""A single-topic report's fact of another area sits apart: a 送温暖 report's themes are 组织领导, 走访慰问, 困难帮扶
and 助学, and a safety check before the holiday wrote only the time word 春节 of them, so it was filed under
深入一线走访慰问. A fact that writes an outside area's keywords (安全, 隐患) more strongly than the topic's own keeps
that area; one the topic's themes speak of as much stays among them."""

from __future__ import annotations

from drafter.models import DraftRequest
from drafter.pipeline.plan import Planner
from drafter.pipeline.themes import load_book, outside_area

WARMTH = ["成立由工会主席任组长的送温暖工作领导小组，制定送温暖活动实施方案",
          "走访慰问困难职工132户，发放慰问金和慰问品共计31.6万元",
          "春节期间慰问坚守生产一线的运行、检修岗位职工860人次",
          "对建档立卡的27户困难职工家庭实施“一对一”结对帮扶",
          "为18名困难职工子女发放助学金5.4万元"]
SAFETY = "春节前，工会会同安全部门开展节前安全检查，排查整改隐患15处"


def test_outside_areas_are_the_general_ones_the_topic_does_not_name():
    book = load_book()
    keys = {t.key for t in book.outside("专项总结", "送温暖")}
    assert "safety" in keys and "culture" in keys and "care" not in keys and "general" not in keys
    assert book.outside("年度总结", "") == [] and book.outside("专项总结", "") == []


def test_a_fact_keeps_an_outside_area_only_when_it_writes_it_more_than_the_topic():
    book = load_book()
    inside, outside = book.for_request("专项总结", "送温暖"), book.outside("专项总结", "送温暖")
    assert outside_area(SAFETY, inside, outside).key == "safety"
    assert outside_area(WARMTH[1], inside, outside) is None  # 走访慰问: the topic's own
    assert outside_area("春节前走访慰问退休职工，送去健康体检卡", inside, outside) is None  # 健康 once, 走访慰问 more


def test_a_safety_check_is_not_filed_under_the_visits(settings, library):
    facts = WARMTH[:3] + [SAFETY] + WARMTH[3:]
    request = DraftRequest(org="某热电公司工会", period="2025年元旦春节期间", kind="专项总结", topic="送温暖", facts=facts)
    plan = Planner(settings, library, load_book()).plan(request)
    home = next(s for s in plan.body() if 4 in s.fact_lines)
    assert all("慰问" not in facts[n - 1] and "帮扶" not in facts[n - 1] for n in home.fact_lines)
    assert "慰问" not in home.title and "帮扶" not in home.title and "温暖" not in home.title
    visits = next(s for s in plan.body() if 2 in s.fact_lines)
    assert 3 in visits.fact_lines  # the topic's own facts still group as before
