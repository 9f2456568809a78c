"""A fact split off alone (fitting.py: a misfit with no section it fits) gets a section of its own only under the
planner's own rules, never the model's (the local model's 开展“反违章从我做起”主题演讲活动, a copy of its one fact,
which the opening then named as an area); it first tries a section made for other misfits. The facts are written
for this test."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from drafter.models import DraftRequest
from drafter.pipeline import theme_titles
from drafter.pipeline.fitting import Refit, _new_title
from drafter.pipeline.plan import Planner
from drafter.pipeline.themes import load_book
from plan_support import area_library, embedder  # noqa: F401 - embedder is a fixture

SPEECH = "举办了“平安从我做起”主题演讲比赛，参赛选手15人，观众200余人"
SECOND = "组织“平安从我做起”主题演讲比赛决赛，评出一等奖2名"


class Titler:
    """A heading model that answers every call with `reply` when the planner's test (`also`) lets it."""

    def __init__(self, reply: str) -> None:
        self.reply, self.asked = reply, []

    def name(self, facts, examples, used, also=lambda title: True) -> str:
        self.asked.append(list(facts))
        return self.reply if also(self.reply) else ""


def new_title(facts: list[str], reply: str) -> tuple[str, Titler]:
    titler = Titler(reply)
    near = np.zeros((len(facts), len(facts)))
    refit = Refit(facts, [None] * len(facts), load_book(), near, near)
    group = SimpleNamespace(lines=list(range(len(facts))), candidates=["强化劳动保护，筑牢安全生产防线"],
                            themed=frozenset(), nearest=[])
    return _new_title(SimpleNamespace(titler=titler), refit, group, facts, set()), titler


def test_the_model_does_not_split_off_a_fact_alone():
    title, titler = new_title([SPEECH], "开展“平安从我做起”主题演讲比赛")
    assert titler.asked == [] and title == ""  # its core is too long a heading: the planner keeps it where it is
    talk = "召开职工代表座谈会1次，收集意见建议20条"
    title, titler = new_title([talk], "听取职工心声，广泛收集意见建议")
    assert titler.asked == [] and title == "召开职工代表座谈会"  # the planner's own heading of one fact: its core


def test_the_model_may_head_facts_split_off_together():
    title, titler = new_title([SPEECH, SECOND], "开展“平安从我做起”主题演讲比赛")
    assert titler.asked == [[SPEECH, SECOND]] and title == "开展“平安从我做起”主题演讲比赛"


CONTEST = [  # a competition special, written for this test
    "围绕新厂房建设开展“保安全、抢工期”主题劳动竞赛，参赛班组48个",
    "举办钳工、车工等6个工种的职工技能大赛，参赛职工420人",
    "评选“岗位能手”12名、“技术标兵”8名，发放奖金6万元",
    "职工创新工作室完成技术攻关课题11项，节约成本380万元",
    "获授权实用新型专利6件",
    "开展“师带徒”结对活动，签订师徒协议40对",
    "竞赛期间工程节点按期完成率达到100%",
]


def test_a_themes_own_heading_speaks_of_its_facts():
    themes = {t.key: t for t in load_book().themes}
    talent = themes["comp_talent"]
    facts = [CONTEST[2], CONTEST[5]]
    assert theme_titles.spans("选树先进典型，培养技能人才", facts, [talent, talent])  # a heading of talent's own
    assert not theme_titles.spans("竞赛成效", facts, [talent, talent])  # another theme's heading does not


def test_a_lone_misfit_joins_the_section_made_for_its_kin(settings, embedder):
    request = DraftRequest(org="某重工公司工会", period="2025年", kind="专项总结", topic="劳动竞赛", facts=CONTEST)
    plan = Planner(settings, area_library(embedder), load_book()).plan(request)
    by_line = {n: s for s in plan.body() for n in s.fact_lines}
    assert by_line[6] is by_line[3], [(s.title, s.fact_lines) for s in plan.body()]  # 师带徒 with the 能手 and 标兵
