"""A strong model's heading read by meaning (issue 20, session 24: drafter/pipeline/heading_meaning.py): a word
that names the work its facts are (丰富职工文化生活 over a 书画展 and a 运动会) is theirs; a word that names one
instance of it, or nothing they did, is not."""

from __future__ import annotations

import pytest

from drafter.pipeline import heading_meaning
from drafter.pipeline.heading_rules import is_generic
from drafter.pipeline.model_titles import refusal

CULTURE = ["举办职工书画展，展出作品60幅", "组织职工趣味运动会，参赛职工200人", "开展迎新春联欢会，职工表演节目15个"]
RIGHTS = ["与行政续签集体合同，涉及职工1200人", "成立劳动争议调解委员会，调解纠纷4起"]
CARE = ["春节走访慰问困难职工家庭18户", "为困难职工发放帮扶金3万元", "为住院职工送去慰问品"]
DAYS = ["9月，4名职工参加了无偿献血活动", "10月，组织离退休干部参加重阳登山活动",
        "11月，职工参加了县总工会举办的演讲比赛", "组织职工参加卡拉OK比赛"]


@pytest.mark.parametrize("heading, facts", [
    ("丰富职工文化生活", CULTURE),  # 丰富, 生活: words of the culture area's headings, no fact's
    ("维护职工合法权益", RIGHTS),  # 合法权益 over a 集体合同 and a 劳动争议调解
    ("开展青年职工研讨活动", ["组织青年职工座谈，交流成长体会", "组织青年职工座谈，谈读书心得"]),  # 研讨 = 座谈 (词林)
])
def test_a_heading_naming_the_work_its_facts_are_is_taken(heading, facts):
    assert refusal(heading, facts, set()) == ""


@pytest.mark.parametrize("heading, facts, why", [
    ("举办职工趣味运动会", CULTURE, "unrelated"),  # one instance of the area (a keyword) speaks for no 书画展
    ("建立困难职工帮扶基金", CARE, "claim"),  # 基金: the model's own
    ("丰富职工文化生活", RIGHTS, "unrelated"),  # an area its facts are not
    ("组织职工参加无偿献血活动", DAYS, "unrelated"),  # 参加 names no work: one fact's 无偿献血 over four
])
def test_a_heading_naming_one_instance_or_other_work_stays_refused(heading, facts, why):
    assert refusal(heading, facts, set()) == why


def test_a_compound_no_fact_writes_is_said_by_its_two_words():
    facts = ["组织职工队伍建设调研", "开展职工素质提升培训"]
    assert heading_meaning.unsaid("提升队伍素质", facts) == []  # 队伍素质: 队伍 and 素质
    assert heading_meaning.unsaid("提升队伍素质", ["开展职工素质提升培训"]) == ["队伍素质"]


def test_a_heading_with_a_leading_union_is_still_generic():
    assert is_generic("工会其他工作") and is_generic("其他工作")
    assert not is_generic("工会组织建设")


def test_a_fact_writing_a_content_half_of_a_compound_speaks_of_it():
    facts = ["组织职工满意度问卷调查，收回问卷500份", "对调查结果统计分析，形成调查报告"]
    assert heading_meaning.relevant("做好问卷调查工作", facts)  # 调查 of 问卷调查 in the second
    assert not heading_meaning.relevant("关爱困难职工", ["组织职工篮球赛，参赛职工80人", "组织职工羽毛球赛"])  # 职工: no


SPORTS = ["组织职工篮球赛，参赛职工80人", "组织职工羽毛球赛，参赛职工60人"]


@pytest.mark.parametrize("heading, facts", [
    ("构建和谐劳动关系", ["与企业行政续签集体合同，建立和谐劳动关系", "调解劳动争议3起，劳动关系和谐稳定"]),
    ("培养青年技术骨干", ["组织青年技术骨干参加数控技能培训，培训42人", "举办青年技术骨干交流会，交流论文16篇"]),
    ("关爱一线职工，做好防暑降温", ["高温期间为一线职工送去防暑降温饮品", "为露天作业职工发放防暑降温用品300份"]),
])
def test_a_summary_verb_is_frame(heading, facts):
    """构建, 培养, 关爱 (drafter/data/summary_verbs.toml) say how the work was done, as 加强 does."""
    assert refusal(heading, facts, set()) == ""


def test_a_summary_verb_carries_no_area():
    assert refusal("构建职工心理健康服务体系", SPORTS, set()) == "unrelated"  # its other words are no fact's
    assert "构建" not in heading_meaning.content_words("构建职工心理健康服务体系")


def test_an_idiom_its_facts_write_in_halves_speaks_of_them():
    facts = ["在窗口班组开展创先进、争优秀活动，评出优秀班组6个", "开展岗位练兵，参加职工320人",
             "开展创先进、争优秀评比，表彰先进个人12名"]
    assert refusal("开展创先争优和岗位练兵", facts, set()) == ""  # 创先争优: 创先 and 争优 written
    assert refusal("开展创先争优活动", SPORTS, set()) == "unrelated"  # unsaid, it is frame: nothing is left


def test_a_compound_with_a_frame_half_needs_only_its_other_half():
    facts = ["工会干部沉到基层班组，走访一线职工120人次", "到基层站所走访职工家庭，听取职工意见"]
    assert heading_meaning.unsaid("深入基层走访职工", facts) == []  # 深入 is frame, 基层 written
    assert heading_meaning.unsaid("深入基层走访职工", SPORTS) == ["深入基层", "走访"]


CASEWORK = ["组织召开职工大会，审议工会工作报告", "加强职工提案的征集和办理工作，提案件件有回音", "职工大会共收到提案10件，已基本落实"]
SURVEY = ["3名同志荣获“省劳动模范”殊荣", "组织全省员工问卷调查，收回问卷10259份", "形成书面调查报告"]


def test_a_resultative_in_hao_is_frame():
    """办好 (summary_verbs.toml, session 26's book 4): the work done well, as 做好 and 抓好; its object still counts."""
    assert refusal("召开职工大会，办好职工提案", CASEWORK, set()) == ""
    assert refusal("办好职工食堂", CASEWORK, set()) == "unrelated"  # 食堂: no fact's


def test_the_noun_wrapping_an_honour_is_frame_and_the_honour_still_counts():
    assert refusal("开展问卷调查，员工荣获省劳动模范称号", SURVEY, set()) == ""  # 称号 of a 殊荣 the facts write
    assert refusal("员工荣获全国劳动模范称号", SURVEY, set()) == "claim"  # the honour's level is the model's own


STRIVING = ["结合支行实际，促进“创争”活动常创常新", "完善学习制度，完善“创争”评价考核体系", "培育“一专多能”的复合型人才"]


def test_a_name_a_fact_quotes_is_one_word_of_the_heading():
    """创争, quoted by the facts, is cut 创 争 by the dictionary: written by the heading it still speaks of them."""
    assert heading_meaning.names("深化创争活动", STRIVING) == ["创争"]
    assert refusal("深化创争活动，培育复合型人才", STRIVING, set()) == ""
    assert heading_meaning.unsaid("深化“创优”活动", STRIVING) == ["创优"]  # a name the heading quotes must be theirs


def test_a_theme_is_spoken_of_by_a_compound_its_facts_write_in_two_words():
    facts = ["乡工会积极参与春节、五一等安全生产检查活动，督促企业整改隐患", "抽调维权负责人下基层进行政策咨询，发放劳动法宣传资料1000份",
             "会同社保中心检查3家企业劳动用工情况"]
    assert heading_meaning.spans("开展维权咨询和安全检查", facts)  # 安全检查 of 安全生产检查
    assert not heading_meaning.spans("开展维权咨询和文体比赛", facts)  # the safety fact unnamed


HONOURS = ["全省共征集合理化建议2183条", "2家单位荣获“先进集体”称号"]


def test_a_word_of_the_draft_s_synonym_groups_is_said():
    """获评 for 荣获 (drafter/data/synonyms.toml, as the claim check reads them; book 4's prompt 2)."""
    assert heading_meaning.unsaid("征集合理化建议，单位获评先进集体", HONOURS) == []
    assert refusal("征集合理化建议，单位获评先进集体", HONOURS, set()) == ""
    assert heading_meaning.unsaid("征集合理化建议，单位获评先进集体", ["全省共征集合理化建议2183条"]) \
        == ["单位", "获评", "先进集体"]


POVERTY = ["组织机关干部到结对村扶贫，送去化肥200袋", "9月，4名职工参加了无偿献血活动"]


def test_a_verb_a_fact_says_in_a_verb_of_its_small_cilin_class_is_said():
    """帮扶 of 扶贫 (词林 Hi36A, help: the same act), as the claim check reads a verb replaced (itemsense); book 1's 19
    and book 4's 115 (服务中心工作，开展结对帮扶 over a fact of 扶贫)."""
    assert heading_meaning.unsaid("开展结对帮扶和无偿献血", POVERTY) == []
    assert refusal("开展结对帮扶和无偿献血", POVERTY, set()) == ""
    assert heading_meaning.unsaid("开展结对培训和无偿献血", POVERTY) == ["培训"]  # an act of another class
    assert refusal("建立困难职工帮扶基金", CARE, set()) == "claim"  # a noun is never read by its class


FACILITIES = ["春节前夕走访慰问困难职工12户", "站点生活设施老化，工会出资为加油站购置热水器和空调"]


def test_a_further_verb_is_frame_and_its_object_still_counts():
    """改善, 推广 (summary_verbs.toml, session 27): how the work went, as 优化 and 推动 (book 4's 42, book 3's 31)."""
    assert refusal("关爱困难职工，改善站点生活设施", FACILITIES, set()) == ""
    assert refusal("组织三八踏青，推广女职工安康保险", ["广泛动员和宣传女职工安康保险，在岗女工95%参加", "三八节组织女职工踏青"],
                   set()) == ""
    assert refusal("改善职工住房条件", FACILITIES, set()) == "unrelated"  # 住房条件: no fact's
