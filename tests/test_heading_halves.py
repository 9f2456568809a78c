"""Every clause of a heading must fit its section as a whole heading would (issue 20, session 25): a heading whose
second half is one fact's act over a section of other facts names that fact, not the section; an area's name
(a theme keyword) copied from one fact names the area. The facts are written for this test."""

from __future__ import annotations

import os
import subprocess
import sys

from drafter.pipeline.heading_rules import dangles, one_fact_words
from drafter.pipeline.titling import acceptable

SAFETY = ["开展安全生产月活动，组织车间安全检查12次，整改隐患31处",
          "在劳动保护工作上，工会每月检查一次高温岗位的防暑降温措施",
          "举办“平安伴我行”主题演讲比赛，14名选手参赛",
          "向一线班组发放安全宣传手册800份"]


def test_a_half_that_is_one_fact_s_act_does_not_head_the_others():
    assert one_fact_words("加强劳动保护，举办主题演讲比赛", SAFETY)
    assert not acceptable("加强劳动保护，举办主题演讲比赛", SAFETY, set(), themed=True)
    assert not one_fact_words("加强劳动保护，筑牢安全生产防线", SAFETY)
    # a heading of two facts' acts over those two names each of them
    assert not one_fact_words("组织车间安全检查，举办主题演讲比赛", [SAFETY[0], SAFETY[2]])


def test_an_area_s_name_one_fact_writes_is_no_fact_s_words():
    assert not one_fact_words("加强劳动保护", SAFETY)  # 劳动保护: the safety theme's keyword, written by one fact
    assert not one_fact_words("推进民主管理，加强自身建设", ["召开职代会，审议提案8件", "签订集体合同1份",
                                                   "加强自身建设，制定工会经费管理办法"])  # the self area's name
    assert one_fact_words("开展安全生产月活动", SAFETY)
    games = ["举办职工拔河比赛，12支队伍参赛", "组织职工参加市职工运动会", "开展“迎新春”文艺演出"]
    assert one_fact_words("丰富文体活动，举办职工拔河比赛", games)  # 拔河, 比赛: keywords that name one event


def test_a_preposition_and_its_object_is_no_heading():
    assert dangles("对离退休职工")
    assert not dangles("对困难职工建档立卡")
    assert not dangles("向困难职工送温暖")
    assert not dangles("为职工办实事、办好事")


def test_an_area_name_is_read_the_same_whatever_the_hash_seed():
    """_names_area deleted the lexicon's words from a run one by one in set order (ties of length): the one-fact
    verdict of 坚持职工代表大会制度 was True or False by PYTHONHASHSEED. Now the run is read as words end to end."""
    code = "from drafter.pipeline.heading_rules import _names_area; print(_names_area('坚持职工代表大会制度'))"
    seen = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout.strip() for seed in ("0", "1", "2")}
    assert seen == {"True"}  # 坚持 (frame) beside the area's name


def test_a_title_one_fact_names_stays_its_words_when_others_name_the_body_in_it():
    """Book 4's 142 (bench/h5_26): 办好《…工会信息简报》 over organisation facts was taken, another fact's 电信工会
    (the body's name inside the bulletin's) counting as the heading's words in a second fact."""
    facts = ["4月份成立了安徽省电信工会女职工委员会", "7月举办了全省电信工会干部培训班",
             "继续办好《安徽电信工会信息简报》，目前已编发29期"]
    assert one_fact_words("办好《安徽电信工会信息简报》", facts)
    assert one_fact_words("办好安徽电信工会信息简报", facts)  # the fact quotes it; the heading writes it bare
    # a name other facts write whole is theirs too
    assert not one_fact_words("办好《安徽电信工会信息简报》", [*facts, "《安徽电信工会信息简报》获评优秀内刊"])
