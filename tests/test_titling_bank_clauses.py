"""Headings (issue 20): an example heading's clause heads a section before a heading is made of its facts' words,
when each fact writes its words; a fact-made heading is never one fact's words; a heading a moved fact leaves
without backing is chosen again. Real facts from samples/ (held-out summaries and random lists of plan_bench)."""

from __future__ import annotations

from drafter.pipeline import titling
from drafter.pipeline.heading_rules import bare, one_fact_words

OPEN_AFFAIRS = ["学校工会全面贯彻、执行教育工会关于“校务公开”的意见精神,积极组织实施学校校务公开。"]  # s002_02
INSPECTIONS = [  # s003_04: 《劳动法》 inspections, 非典 checks, a pledge: no competition among them
    "今年3月27日，原鹿苑镇工会参与了镇人大组织的《劳动法》、《工会法》执法检查，先后检查了滩里村、鹿东村、攀峰纺织机械有限公司工会的工作，认真翻阅了职工签订的劳动合同，听取了所在单位工会主席的工作汇报。",
    "在“五一”节前后，原鹿苑镇工会认真检查了三家建工会的外商独资企业防治“非典”情况。",
    "如台资企业的三丰机电开发有限公司原定放假5天，镇工会积极与企业老板协商后，将假期改为“五一”和“五四”(星期天)两天，并劝阻职工不要返乡，上班期间发加班工资，有效地控制了职工的流动，收到了良好的效果。",
    "塘桥镇工会于4月12日在镇举行的“争当诚信市民、共建诚信城市”宣誓仪式和千人签字活动，会同团委、妇联向全镇人民发出了“争当诚信市民、共建诚信社区”和“争当诚信市民、争创诚信企业”倡议书。",
]
TRAINING = ["乡工会至11月共开展安全生产、食品卫生等培训3期。",
            "工会于四月举办了首期职工业技培训班，局领导非常重视，聘请经验丰富业务能手亲自授课。",
            "会上都要求基层工会要以全市工会工作总的指导思想为指针，以今后的五年六项工作任务为指导，结合本镇本单位的工作实际，"
            "认真地卓有成效地开展工会工作，做到与广大职工更贴近，与实际更贴近。"]
LEFT = ["有计划地组织优秀职工和先进工作者学习考察。",  # random list 162, after 劳务工大课堂 moved to a section of its own
        "开辟了心理咨询服务模块，x-x月共计有x人次到心理减压室参加心理减压体验和心理交流活动;",
        "全省共征集合理化建议2183条,建议内容主要涉及生产经营、运行维护、机制创新和管理创新等方面。",
        "省会会同省公司思想政治工作部在全省开展了员工思想状况问卷调查活动。",
        "要求以分会为单位组织职工认真学习《员工礼仪手册》等有关书籍和各班有关业务技术书籍，每人每季度写一篇学习心得。",
        "经劳动竞赛委员会各成员的认真审核和综合筛选，确定了今年我_的竞赛项目，计划开展变电检修、继电保护、抄核收、变电值班员等20项知识技能竞赛。",
        "开展调查摸底，掌握职工技能人才基本情况。"]


def test_an_example_headings_clause_heads_the_facts_its_whole_does_not_fit():
    whole = "坚持校务公开，发挥工会的监督功能"  # its second clause claims a 监督 the fact does not give
    assert not titling.acceptable(whole, OPEN_AFFAIRS, set())
    assert titling.choose(OPEN_AFFAIRS, [whole], set(), made=False) == "坚持校务公开"


def test_a_clause_heads_only_facts_that_each_write_its_words():
    assert titling.choose(INSPECTIONS, ["开展各类劳动竞赛，建设“贡献之家”"], set(), made=False) == ""  # 劳动 of 《劳动法》
    assert "围绕企业发展" not in titling.with_clauses(["围绕企业发展，积极开展工会活动"])  # frames, names no work


def test_a_heading_made_of_the_facts_words_is_not_one_facts_words():
    before = "开展培训、举办了首期职工业技培训班等工作"  # its second core is the training-class fact's words
    assert one_fact_words(before, TRAINING)
    made = titling.from_facts(TRAINING, set())
    assert made != before and not (made and one_fact_words(made, TRAINING))


def test_a_heading_a_moved_fact_leaves_unbacked_is_chosen_again():
    title = "开展劳动竞赛和学习培训，提升职工素质"  # its 培训 was the 劳务工大课堂 fact's, which left
    assert not titling.fits(LEFT, title)
    used = {title}
    again = titling.still_heads(LEFT, title, [], used)
    assert again != title and titling.fits(LEFT, again) and not one_fact_words(again, LEFT) and bare(again) in used
    assert titling.still_heads(LEFT + ["先后举办了十场“劳务工大课堂”,为企业员工送去法律、安全、社保等方面知识。"], title,
                               [], {title}) == title
