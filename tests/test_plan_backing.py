"""A heading's words are backed by a fact only where the fact reports its work (drafter/pipeline/backing.py, issue 20):
not inside another body's name, an honour won or a clause saying what the work is for. Session 23's local draft of
held-out samples/s002_12.md headed a court's sports facts 积极倡导文明机关、文明处室、文明岗位的创建活动 (an item of
next year's plans in s004_04) on 市文明办, 市直机关 and 创建高绩效机关 alone."""

from __future__ import annotations

import pytest

from drafter.pipeline import titling
from drafter.pipeline.backing import reported
from drafter.pipeline.fitting import speaks_of
from drafter.pipeline.heading_rules import relevant
from drafter.pipeline.themes import load_book

CIVILITY = "积极倡导文明机关、文明处室、文明岗位的创建活动"
SPORTS = [  # samples/s002_12.md, its culture and sports section
    "广泛加强机关文化建设,开展丰富多彩的文体活动,不断提高广大干警的身体素质,是创建高绩效机关的重要内容,也是全面提升干警综合素质,建设高绩效工会的客观要求。",
    "为推动机关文化生活和群众性全民健身活动的深入开展,工会积极组织和参加了“20xx年**市全民健身万人长跑”;",
    "组织参加了市政法系统首届运动会和市直机关第22届运动会;",
    "在组织参加市政法系统文艺调演中,我院创作演出的文艺节目分获特别奖、一等奖和二等奖,组织参加了市文明办、市纪委举办的大合唱比赛,分别荣获二等奖,为我市创全国文明城市做出了贡献;",
    "组织参加了市政法系统羽毛球、乒乓球比赛,分别荣获团体第一名和男子团体第三名的好成绩;",
    "组织参加了“银行杯”全民登山活动和“安利杯”万人健行活动;",
    "组织了全院规模的五次登山活动,通过这一活动增进了院领导与干警的了解,增进了干警间的感情,也增进了庭处室间的了解;",
]
CREATION = ["开展文明机关创建活动，评选文明处室3个、文明岗位12个", "倡导文明岗位创建，举办文明礼仪讲座2场"]


def blanked(fact: str) -> list[str]:
    said = reported(fact)
    return [piece for piece in "".join(c if s == " " else "|" for c, s in zip(fact, said)).split("|") if piece.strip()]


@pytest.mark.parametrize("fact, gone", [
    (SPORTS[3], ["市政法系统", "分获特别奖、一等奖和二等奖", "市文明办", "市纪委", "荣获二等奖", "为我市创全国文明城市做出了贡献"]),
    (SPORTS[0], ["是创建高绩效机关的重要内容", "也是全面提升干警综合素质"]),
    ("为创建全国文明城市，组织干部职工开展志愿服务", ["为创建全国文明城市"]),
    ("争创区级、市级先进工会企业", ["争创区级、市级先进工会企业"]),
    ("落实科学发展观,紧紧围绕“创建高绩效机关,做人民满意法官”的机关建设新目标,发挥桥梁纽带作用",
     ["紧紧围绕“创建高绩效机关,做人民满意法官”的机关建设新目标"]),
])
def test_a_bodys_name_an_honour_and_a_goal_report_no_work(fact, gone):
    assert blanked(fact) == gone
    assert len(reported(fact)) == len(fact)


@pytest.mark.parametrize("fact", [
    "为干警职工办好事、做实事、解难事",  # 为 and whom it is done for
    "为有教育需求的家庭提供早期教育服务",
    "镇工会开展城市文明创建活动，成立女职工委员会",  # the writer's own union, 城市 (no body), a committee it set up
    "对获优秀建议的24名员工进行了表彰",  # the 表彰 is the work
    "为了加强基层工会建设，调动广大劳动者的积极性",  # a plain purpose names the area the work serves
    "创建职工书屋3个，积极争取各方面的人力物力财力",
])
def test_the_work_a_fact_reports_stays(fact):
    said = reported(fact)
    kept = ("办好事", "提供早期教育", "城市文明创建", "女职工委员会", "进行了表彰", "加强基层工会建设", "创建职工书屋", "争取各方面")
    assert any(word in fact for word in kept) and all(word in said for word in kept if word in fact)


def test_words_inside_names_honours_and_goals_back_no_heading():
    assert not relevant(CIVILITY, SPORTS)
    assert not titling.acceptable(CIVILITY, SPORTS, set())
    assert relevant(CIVILITY, CREATION)  # facts that report the creation work back it


def test_a_fact_does_not_speak_of_a_heading_by_a_bodys_name():
    book = load_book()
    assert not speaks_of(SPORTS[2], None, "积极创建文明机关", book)  # 市直机关's 机关
    assert not speaks_of(SPORTS[3], None, "开展文明创建活动", book)  # 市文明办, 全国文明城市
    assert speaks_of(CREATION[0], None, "积极创建文明机关", book)


def test_an_honour_reports_no_part_of_a_themes_work():
    honoured = ["被评为市级民主管理先进单位", "组织职工参加劳动竞赛"]
    assert not titling.fits(honoured, "推进民主管理")  # 民主 only in the title the unit won
    assert titling.fits(honoured + ["召开职代会，审议通过集体合同"], "推进民主管理")
