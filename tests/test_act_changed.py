"""Issue #19 (session 22): an act the writer changed or completed passes the check.

Each pair: facts, a faithful rewording (the same act in other words, frame that adds nothing) that must stay clean,
and an invented edit (the act replaced by another, often frame-like one; or the draft going on past the end of a
fact cut mid-phrase) that must be a claim quoting the given word. Written by hand for h5, session 22; no held-out
paragraph was read."""

import pytest

from drafter.numcheck import check

DUTY = "工会组织职工代表对集体合同履行情况进行检查"
CUT = "为了切实维护职工合法权益，工会适时组织职工代表对集体"

# (facts, faithful, invented, word the invented claim must quote)
PAIRS = [
    ([DUTY], "工会组织职工代表对集体合同履行情况进行督查。", "工会组织职工代表对集体合同履行情况进行民主评议。", "民主评议"),
    ([DUTY], "工会组织职工代表认真检查集体合同履行情况。", "工会组织职工代表对集体合同履行情况进行审计。", "审计"),
    ([DUTY], "工会组织职工代表对集体合同履行情况进行了检查督促。", "工会组织职工代表对集体合同履行情况进行专题研究。",
     "专题研究"),
    ([DUTY], "工会切实组织职工代表对集体合同履行情况进行检查。", "工会组织职工代表对集体合同履行情况进行民主讨论和协商。",
     "民主讨论"),
    (["公司工会召开职代会审议集体合同草案"], "公司工会召开职代会，认真审议集体合同草案。",
     "公司工会召开职代会，对集体合同草案进行民主评议。", "民主评议"),
    (["工会对全年工作进行总结"], "工会认真总结全年工作。", "工会对全年工作进行研究部署。", "研究部署"),
    (["工会组织女职工开展健康讲座"], "工会组织女职工扎实开展健康讲座。", "工会组织女职工进行健康体检。", "体检"),
    (["工会对职工食堂的饭菜质量进行检查"], "工会对职工食堂的饭菜质量进行了认真检查。",
     "工会对职工食堂的饭菜质量进行民主测评。", "民主测评"),
    (["工会组织职工代表对厂务公开落实情况进行监督"], "工会组织职工代表切实监督厂务公开落实情况。",
     "工会组织职工代表对厂务公开落实情况进行民主评议。", "民主评议"),
    (["工会对劳动合同签订情况开展专项检查"], "工会对劳动合同签订情况扎实开展了专项检查。",
     "工会对劳动合同签订情况开展民主协商。", "民主协商"),
    (["工会与行政方就工资调整进行集体协商"], "工会与行政方就工资调整开展集体协商。",
     "工会与行政方就工资调整进行研究部署。", "研究部署"),
    (["工会组织职工代表巡视检查安全生产情况"], "工会组织职工代表对安全生产情况进行巡视检查。",
     "工会组织职工代表对安全生产情况进行专题研究。", "专题研究"),
    (["工会召开委员会议研究困难职工帮扶工作"], "工会召开委员会议，认真研究困难职工帮扶工作。",
     "工会召开委员会议，对困难职工帮扶工作进行民主评议。", "民主评议"),
    (["工会组织职工代表听取公司年度经营情况报告"], "工会组织职工代表认真听取公司年度经营情况报告。",
     "工会组织职工代表对公司年度经营情况进行民主评议。", "民主评议"),
    (["工会组织职工代表对中层干部进行民主评议"], "工会组织职工代表对中层干部开展民主评议。",
     "工会组织职工代表对中层干部进行考核。", "考核"),
    (["工会对新入职员工进行入会教育"], "工会扎实对新入职员工进行入会教育。", "工会对新入职员工进行民主评议。", "民主评议"),
    (["工会组织职工代表视察职工宿舍"], "工会组织职工代表深入职工宿舍进行视察。",
     "工会组织职工代表对职工宿舍进行民主讨论。", "民主讨论"),
    (["工会组织开展职工书画展览"], "工会组织开展了职工书画展览。", "工会组织开展职工书画义卖。", "义卖"),
    ([DUTY], "工会组织职工代表对集体合同履行情况进行检查，切实维护了职工合法权益。",
     "工会组织职工代表对食堂进行检查。", "食堂"),
    (["工会就职工食堂管理问题向行政方提出建议"], "工会就职工食堂管理问题向行政方提出建议。",
     "工会就职工食堂管理问题向行政方进行专题汇报。", "专题汇报"),
    (["工会班组长培训班邀请专家为学员授课"], "工会班组长培训班邀请专家为学员授课。",
     "工会班组长培训班邀请专家为学员进行民主评议。", "民主评议"),
    ([CUT], "为了切实维护职工合法权益，工会适时组织职工代表。",
     "为了切实维护职工合法权益，工会适时组织职工代表对集体利益进行民主讨论和协商。", "集体利益"),
    (["公司工会就职工反映的食堂问题与"], "公司工会就职工反映的食堂问题。",
     "公司工会就职工反映的食堂问题与后勤部门进行了沟通协调。", "后勤部门"),
]


def _claims(facts: list[str], draft: str) -> list:
    return list(check(facts, draft).claims)


@pytest.mark.parametrize("facts,faithful,invented,word", PAIRS)
def test_faithful_twin_stays_clean(facts, faithful, invented, word):
    assert _claims(facts, faithful) == []


@pytest.mark.parametrize("facts,faithful,invented,word", PAIRS)
def test_changed_act_is_a_claim_quoting_its_words(facts, faithful, invented, word):
    claims = _claims(facts, invented)
    assert any(word in c.note for c in claims), [c.note for c in claims]


def test_note_quotes_whole_words():
    notes = [c.note for c in _claims([DUTY], "工会组织职工代表对食堂进行检查。")]
    assert notes and all("食堂进行" not in n for n in notes), notes


# Faithful clauses near the rules' edges (added with the rules): no light verb used as a verb, a fact that only
# looks cut (以…为…, 组织 as a noun), a theme the facts back.
NEAR = [
    (["工会组织开展劳动竞赛"], "劳动竞赛活动开展得有声有色。"),
    (["坚持以职工为中心"], "工会坚持以职工为中心，做好服务工作。"),
    (["表彰先进基层工会组织"], "表彰先进基层工会组织，树立了先进典型。"),
    (["春节前夕走访慰问困难职工58户"], "春节前夕组织开展送温暖活动，走访慰问困难职工58户。"),
    (["工会组织职工开展技能比武"], "工会组织职工进行技能比武。"),
    (["工会召开座谈会听取职工意见"], "工会召开座谈会，对职工意见进行座谈交流。"),
    (["工会对先进个人进行表彰"], "工会对先进个人给予表彰奖励。"),
]


@pytest.mark.parametrize("facts,draft", NEAR)
def test_faithful_clause_near_the_rules_stays_clean(facts, draft):
    assert _claims(facts, draft) == []
