"""A fact-made heading takes the union's act and its object (issue 20, session 27): never a purpose clause, a frame
of place, an act word inside a compound noun, what other people did, an object that is an abstraction, a manner or a
pronoun, nor a placeholder's count. Facts of half a of the structure set (bench/plan_bench.py --half a) and of the
random lists, where plan_bench made such headings (bench/h6_27/before_listing.txt), and sentences written for this
test."""

from __future__ import annotations

from drafter.pipeline.titling import core, from_facts


def test_a_purpose_clause_the_fact_goes_on_from_gives_no_act():
    """发展献计献策 (r001, r156): 发展 of 为企业发展 in a purpose clause was taken as the act."""
    assert core("为号召广大员工为企业发展献计献策,5月份在全省开展了合理化建议活动。") == "开展合理化建议活动"
    assert core("为进一步丰富职工生活，组织职工春游2次") == "组织职工春游"  # written for this test
    assert core("为困难职工发放慰问金，共计3万元") == "发放慰问金"  # for whom: still the act


def test_an_act_word_inside_a_compound_noun_is_no_act():
    """建设幻灯片 (r107): 建设 of 安全文化建设 is a noun after a noun; 创建经验 (s000_01's fragment) likewise."""
    assert core("先后四次播放安全文化建设幻灯片") == ""
    assert core("境四个方面着手，经过几上几下，形成了滁州支局创建经验。") == ""
    assert core("镇工会和谐企业创建工作取得圆满成功") == "和谐企业创建工作取得圆满成功"  # before 工作: kept


def test_a_frame_of_place_gives_no_act():
    """推荐基础上 (r000, r043, r063)."""
    fact = "在各市分公司推荐基础上，9月份省公司和省电信工会联合发文对获优秀建议的24名员工进行了表彰。"
    assert core(fact) == ""


def test_what_other_people_did_names_the_work_by_its_object():
    """参与问卷调查 (s002_13, r050 …): the staff took part in the union's survey; the heading names the survey."""
    assert core("全省主业的三级经理及以下人员,参与了问卷调查,这次调查共发出问卷11031份") == "问卷调查"
    assert core("9月,肖鹏、聂芳等4位同志参加了无偿献血活动;") == "无偿献血活动"
    assert core("积极参加全省比赛，获得第一名") == "参加全省比赛"  # no one else named: the union's
    assert core("组织职工参加篮球赛") == "组织职工参加篮球赛"


def test_an_object_that_is_an_abstraction_a_pronoun_or_a_manner_is_no_object():
    """组织员工自己动手 (s004_05), 组织他们前往…, 深化认识, 走访形式 (r019), 组织一些志愿者活动."""
    assert core("组织员工自己动手在码头、生产区、发运广场周边砌花坛，搞绿化。") == ""
    assert core("公司工会与人力资源部一起组织他们前往川化学习考察。") == ""
    assert core("支部党员带头，深化认识，发挥了先锋作用") == ""  # written for this test
    fact = "坚持走访“三违”职工家庭、帮教“三违”职工恳谈会等形式，对“三违”职工进行帮教。"
    assert core(fact) == "走访“三违”职工家庭"
    assert core("以抽样调查、召开座谈会、走访服务对象等多种形式听取居民意见") == "召开座谈会"  # r107's 召开形式听取…
    assert "劳动保护" not in core("举办了两期劳动保护、劳动保险、经济技术创新等内容的“群工论坛”活动。")  # its content
    assert core("我们会主动组织一些志愿者活动，鼓励职工参加") == "组织志愿者活动"


def test_a_placeholder_count_is_dropped():
    """承办留守儿童活动x次 (r107)."""
    assert core("开展心理咨询x次，共x人参加") == "开展心理咨询"


def test_a_section_of_greening_and_a_farm_is_not_headed_by_a_narrating_verb():
    """s004_05's 组织员工自己动手、建立养殖场等工作 (session 26's drafts, bench/drafts_read26 #4)."""
    facts = ["组织员工自己动手在码头、生产区、发运广场周边砌花坛，搞绿化。",
             "利用厂区的东北角一块约一亩多的空地，组织员工自己动手，修整土地，建起了特色的“开心农场”。",
             "在厂区边缘一角建立了养殖场，共养鸡200多只，还养殖了鸭、鹅。"]
    assert "自己动手" not in from_facts(facts, set())


def test_planting_is_an_act():
    """s004_05's greening: 种植了…等树木 names the work (种植树木), so the greening and farm facts get a heading of
    two acts, not the narrating 组织员工自己动手."""
    assert core("种植了红花继木、红叶石楠等树木约8000余棵、各类果树400余棵、樱花200棵；") == "种植树木"
    facts = ["组织员工自己动手在码头周边砌花坛，搞绿化。", "种植了红花继木、红叶石楠等树木约8000余棵；",
             "在厂区边缘一角建立了养殖场，共养鸡200多只，还养殖了鸭、鹅。"]
    assert from_facts(facts, set()) == "种植树木、建立养殖场等工作"


def test_an_outcome_is_no_object():
    """r186's 实施素质提升工程、加强职工凝聚力等工作: 凝聚力 is what came of the work, not the work."""
    assert core("开展拓展训练，加强职工凝聚力") == "开展拓展训练"  # written for this test
    assert core("加强职工凝聚力，增强职工归属感") == ""


def test_other_things_are_an_object():
    """其他 names more of the object, not people (s001_01: its 蔬菜 fact kept its own section)."""
    assert core("我们联合当地乡镇政府，为职工发放优质蔬菜及其他必需品，惠及全园职工。") == "发放优质蔬菜及其他必需品"
