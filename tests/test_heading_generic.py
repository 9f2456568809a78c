"""Issue 20: a heading that names no area of work in other words than 其他工作 is generic (heading_rules.is_generic:
nothing is left of it once its frame words are read as such); the heading bank's generic headings are no example
for the planner (heading_rules.specific); a model heading failing several rules is refused for the most specific
(model_titles.refusal: an invented honour, level or count before one fact's words before unrelated)."""

import pytest

from drafter.pipeline.heading_rules import is_generic, specific
from drafter.pipeline.model_titles import refusal
from drafter.pipeline.plan import Planner
from retrieval.heading_bank import HeadingBank
from tests.plan_support import example


@pytest.mark.parametrize("title", ["切实抓好各项工作", "圆满完成全年工作任务", "认真做好上级交办的各项任务",
                                   "全面推进工会各项工作", "三、扎实抓好工作落实"])
def test_frame_verbs_over_work_said_in_general_are_generic(title):
    assert is_generic(title)


@pytest.mark.parametrize("title", [
    "做好互助保障工作",  # 保障 of 保障工作 names the work, though a summary verb elsewhere (关爱, 保障)
    "扎实推进厂务公开", "关爱退休职工",  # an area; a group of people
    "加强工会组织建设",  # 组织建设: frame words of the heading's content bigrams, but an area here
    "认真做好工会各项工作，推进职工书屋建设",  # a frame clause beside one naming the area
    "开展劳动竞赛成效明显",
])
def test_a_heading_naming_an_area_a_group_or_an_act_is_not(title):
    assert not is_generic(title)


class _Library:
    def __init__(self, bank):
        self.bank = bank

    def heading_bank(self):
        return self.bank


def test_the_banks_generic_headings_are_no_example_for_the_planner(settings):
    bank = HeadingBank([example("a.md", ["切实抓好各项工作", "做好互助保障工作"]),
                        example("b.md", ["圆满完成上级布置的工作任务", "开展职工书画展"])], embedder=None)
    assert [e.text for e in specific(bank).entries] == ["做好互助保障工作", "开展职工书画展"]
    planners = Planner(settings, _Library(bank))._bank()
    assert {e.text for e in planners.entries} == {"做好互助保障工作", "开展职工书画展"}
    assert set(planners.shapes) == {"a.md", "b.md"}  # the examples' shapes are kept


SPORT = ["工会组织职工参加市篮球联赛，获得第三名", "举办职工羽毛球比赛，参赛职工48人"]


@pytest.mark.parametrize("heading, facts", [
    ("荣获省级模范职工之家称号", ["公司工会荣获市级模范职工之家称号", "组织职工参加篮球赛"]),  # one fact's words, 省级 invented
    ("获评全国职工书屋示范点", SPORT),  # no fact's words at all, and an honour no fact gives
    ("组织篮球联赛获市级冠军", SPORT),  # the facts' words, and a level and a prize they do not give
])
def test_an_invented_honour_or_level_is_the_reason_named_first(heading, facts):
    assert refusal(heading, facts, set()) == "claim"


def test_a_heading_inventing_nothing_keeps_its_own_reason():
    assert refusal("荣获市级模范职工之家称号", ["公司工会荣获市级模范职工之家称号", "组织职工参加篮球赛"], set()) == "one_fact"
    assert refusal("加强职工心理健康服务", SPORT, set()) == "unrelated"
