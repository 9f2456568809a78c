"""Invented details in positions the readers skipped (issue 19, helper h1, session 23; strong_fresh_h23a.json).

Each passed before: a place whose head the place table did not list but 词林 knows as a site (监区训练场, 门岗), a
place after an arrival verb (并送到各小区门岗), an act joined by 并/并且 right after a clause's last number (that
clause was left to the number check), a qualifier written between an act and the people the facts write right
after it (组织外业一线职工 for 组织职工), a kind suffix between a new qualifier and a counted thing (节能降耗型成果),
与X同场参赛 (X took part), a body of the union as the subject (工会女职工委员会组织…), a place after a relative
clause (在公司新建的室内球馆), words between an act or preposition and the people the facts write right after it
(为高温岗位职工 for 为职工), a verb of a state or course of life before given people (新婚职工, 85名倒班职工), the
words the number check finds added to a number's item (体检外包职工300人: its note said so, no claim covered the
words), 到场 after an actor (as 到会), and goods 词林 knows only by the head of their word (颁发结业证书). Each rule has a faithful counterpart that stays unflagged."""

from __future__ import annotations

import pytest

from drafter.numcheck import check

_MEET = ["举办民警职工运动会，参赛民警310人", "开展民警家属座谈会2场"]
_GIFTS = ["开展保安员消防技能培训，培训职工110人", "为保洁员发放慰问品260份"]
_SURVEY = ["举办测绘技能大赛，参赛职工66人", "组织职工户外拓展训练，参加职工90人"]


def _claims(facts: list[str], draft: str) -> list[tuple[str, str]]:
    return [(c.text, c.note) for c in check(facts, draft).claims]


@pytest.mark.parametrize("facts, draft, words, role", [
    (_MEET, "310名民警在监区训练场踊跃参赛。", "训练场", "地点"),  # 训练场: 词林 Cb28, a site
    (["开展职工读书活动，参加职工210人"], "工会在职工宿舍开展职工读书活动。", "宿舍", "地点"),  # 宿舍: 词林 Bn01, a building
    (_GIFTS, "为保洁员发放慰问品260份，并送到各小区门岗。", "门岗", "地点"),  # after an arrival verb
    (_MEET, "开展民警家属座谈会2场并且组织家属参观监区。", "参观", "活动"),  # joined on after the number
    (["组织隧道施工安全知识竞赛，参赛职工120人", "为农民工办理工会会员卡460张"],
     "为农民工办理工会会员卡460张并同步开展欠薪排查。", "欠薪排查", "活动"),
    (_SURVEY, "组织外业一线职工户外拓展训练。", "外业", "对象"),  # between the act and 职工 (组织职工)
    (_SURVEY, "组织外业职工户外拓展训练。", "外业", "对象"),
    (["开展职工技术创新成果评选，评出成果12项"], "开展职工技术创新成果评选，共评出节能降耗型成果12项。", "节能降耗", "对象"),
    (["开展光伏组件运维技能比武，参赛职工42人"], "42名职工与兄弟单位选手同场参赛。", "兄弟单位", "参与者"),
    (["组织职工健步走活动，参加职工230人"], "工会女职工委员会组织职工健步走活动，参加职工230人。", "女职工委员会", "参与者"),
    (["组织职工健步走活动，参加职工230人"], "工会体育协会组织职工健步走活动，参加职工230人。", "体育协会", "参与者"),
    (["举办职工篮球赛，参赛队伍16支"], "举办职工篮球赛，16支队伍在公司新建的室内球馆同场竞技。", "室内球馆", "地点"),
    (["在城区开展安全生产宣传咨询活动3场"], "在城区主要商圈开展安全生产宣传咨询活动3场。", "商圈", "地点"),
    (["为职工发放防暑用品500份"], "为高温岗位职工发放防暑用品500份。", "高温岗位", "对象"),
    (["为职工发放防暑用品500份"], "为驻外项目职工发放防暑用品500份。", "驻外项目", "对象"),
    (["开展职工心理健康讲座，参加职工85人"], "开展新婚职工心理健康讲座，参加职工85人。", "新婚", "对象"),
    (["开展职工心理健康讲座，参加职工85人"], "开展职工心理健康讲座，85名倒班职工参加。", "倒班", "对象"),
    (["组织职工健康体检，体检职工300人"], "组织职工健康体检，体检外包职工300人。", "外包", "对象"),
    (["开展职工读书活动，参加职工210人"], "开展职工读书活动，参加职工210人，市总工会领导到场指导。", "市总工会领导", "参与者"),
    (["开展职工技能培训，培训职工300人"], "开展职工技能培训，培训职工300人，考核合格后颁发结业证书。", "结业证书", "活动"),
])
def test_invented_detail_is_caught_with_its_role(facts, draft, words, role):
    at = draft.index(words)
    over = [note for text, note in _claims(facts, draft)
            if draft.find(text) < at + len(words) and at < draft.find(text) + len(text)]
    assert any(note.startswith(role) for note in over), _claims(facts, draft)


@pytest.mark.parametrize("facts, draft", [
    (_GIFTS, "为保洁员发放慰问品260份，把组织的关怀送到保洁员手中。"),  # 手中: no site
    (_SURVEY, "组织一线职工户外拓展训练。"),  # 一线 says nothing of its own
    (_SURVEY, "组织广大职工户外拓展训练。"),
    (["为公交驾驶员开展免费体检，体检2100人次"], "公交公司工会心系一线驾驶员健康，组织免费体检2100人次。"),  # no act before
    (["开展安全隐患排查，发现隐患87处，整改87处"], "工会排查出隐患87处并督促逐一整改销号。"),  # 整改: the facts' act
    (["设立职工创新工作室2个，完成技术革新项目15项"], "依托两个职工创新工作室，完成技术革新项目15项。"),  # a count
    (["开展金秋助学活动，资助困难职工子女入学45名"], "资助困难职工子女入学45名，让他们能够安心走进校园。"),
    (_MEET, "开展民警家属座谈会2场并且认真听取家属心声。"),
    (["组织职工健步走活动，参加职工230人"], "工会组织职工健步走活动，参加职工230人。"),  # the union itself
    (["推进职工小家建设，建成职工小家15个"], "建成职工小家15个，小家成为职工学习、休息的温馨港湾。"),  # 成为: becoming
    (["慰问农民工3800人次"], "夏送清凉慰问覆盖农民工3800人次。"),  # 覆盖: the predicate
    (["设立职工互助金"], "设立职工互助金，主要用于职工临时困难借助。"),  # 用于: using
    (["举办职工文艺汇演，观众800余人"], "举办职工文艺汇演，800余名观众到场观看。"),  # 800余名: the number's
    (["完善职工体检制度，体检职工300人"], "在完善一年一度职工体检制度的基础上，体检职工300人。"),  # how often
])
def test_faithful_counterpart_is_no_claim(facts, draft):
    assert _claims(facts, draft) == []


@pytest.mark.parametrize("facts, draft, words", [
    (["走访加油站点12个"], "通过走访了解到有的站点生活设施老旧。", "有的站点"),  # 有的: some, no relative clause
    (["开展职工读书活动，参加职工210人"], "工会在镇举行的“书香城市”读书节中开展职工读书活动。", "书香城市"),  # a name
])
def test_no_place_is_read_through_de_there(facts, draft, words):
    claims = _claims(facts, draft)
    assert not any(note.startswith("地点") and words in text for text, note in claims), claims



def test_a_forum_implies_the_views_it_hears():
    """drafter/data/implied_words.toml: a 座谈会 hears 意见建议 (session 23); another event still does not."""
    facts = ["开展民警家属座谈会2场"]
    assert _claims(facts, "召开民警家属座谈会2场，切实听取家属意见建议。") == []
    assert _claims(["举办民警职工运动会，参赛民警310人"], "举办民警职工运动会，切实听取民警意见建议。") != []
