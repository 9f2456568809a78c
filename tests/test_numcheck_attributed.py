"""An effect or honour of one fact's work said of other work is a claim (drafter/numcheck/attributed.py).

Session 22 read a local-model lead "工会通过加强学习教育和自身建设，推动了我院精神文明建设，为法院争了光。" over a
section whose facts credit 为我市法院争了光 to 领导重视 and 工会组织得力 (a culture section's summing up): every word
is the facts', so the check passed it."""

import pytest

from drafter.numcheck import check

CULTURE_CREDIT = "总之由于领导重视,工会组织得力,这些成绩的取得无疑为我市法院争了光,为推动我院精神文明建设做出了贡献。"
FACTS = [CULTURE_CREDIT,
         "强化对工会委员和小组长的业务培训,创造条件组织工会干部学习考察,密切与基层法院机关工会的联系和活动。",
         "逐步完善机关工会委员会会议制度,加强对新任工会小组长的业务培训和分类指导。",
         "组织参加了市政法系统羽毛球、乒乓球比赛,分别荣获团体第一名和男子团体第三名的好成绩。",
         "在“安康杯”竞赛中查处安全隐患126处。"]


def _claimed(draft: str) -> list[str]:
    return [c.text for c in check(FACTS, draft).claims]


def test_a_credit_said_of_other_work_is_a_claim():
    assert _claimed("工会通过加强学习教育和自身建设，推动了我院精神文明建设，为法院争了光。") == [
        "推动了我院精神文明建设", "为法院争了光"]
    assert _claimed("工会强化对工会委员和小组长的业务培训，为推动我院精神文明建设做出了贡献。") == [
        "为推动我院精神文明建设做出了贡献"]


def test_an_honour_said_of_other_work_is_a_claim():
    claimed = _claimed("工会开展“安康杯”竞赛，荣获团体第一名。")
    assert claimed == ["荣获团体第一名"]


def test_the_credit_of_its_own_work_stands():
    assert _claimed("由于领导重视，工会组织得力，为我市法院争了光。") == []
    assert _claimed("工会组织参加了市政法系统羽毛球、乒乓球比赛，荣获团体第一名。") == []


def test_a_credit_after_frame_work_alone_is_left_to_the_clause_check():
    assert _claimed("通过扎实有效的工作，为我市法院争了光。") == []


def test_a_fact_that_is_the_effect_alone_credits_no_work_of_its_own():
    facts = ["组织职工开展登山活动", "增进了干警间的感情"]
    assert check(facts, "组织职工开展登山活动，增进了干警间的感情。").claims == []


@pytest.mark.parametrize("facts, draft", [
    (["举办护士岗位技能竞赛，参赛护士96人", "评选岗位能手9名"], "工会举办岗位技能竞赛，参赛护士96人，其中9人被评为岗位能手。"),
    (["举办司机安全驾驶竞赛，参赛司机75人", "评选安全标兵6名"], "工会组织安全驾驶竞赛，75名司机参赛，6名司机脱颖而出，获评安全标兵。"),
    (["开展职工心理健康讲座4场，参加职工300人次", "设立职工减压室1个"],
     "开展职工心理健康讲座4场，累计300人次参加；设立职工减压室1个，为职工提供放松的场所，筑牢职工心理健康防线。"),
])
def test_only_an_effect_a_fact_states_can_be_credited_to_other_work(facts, draft):
    """A fact that is an honour's selection (评选岗位能手9名) or shares only a topic (心理健康讲座) states no effect of
    its own work: the sentence may join it to the contest, or close on a frame effect (the lead, session 23)."""
    assert [c.text for c in check(facts, draft).claims] == []
