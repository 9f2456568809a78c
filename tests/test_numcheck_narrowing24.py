"""Session 24 (issue 19): narrowing qualifiers of the object and faithful paraphrases on new topics
(tests/data/strong_fresh_h24a.json's odd scenarios drove these; every case here is a sentence of its own)."""

from drafter.numcheck import check
from drafter.numcheck.words import words


def _flags(facts, draft):
    res = check(facts, draft)
    return [c.note for c in res.claims] + [h.note for h in res.numbers if h.status != "supported"]


def test_a_measure_word_glued_to_the_thing_after_a_chinese_numeral_is_cut_off():
    assert [w[2] for w in words("工会为班组配发六十套防坠落装备")][4:6] == ["六十", "套"]
    assert [w[2] for w in words("改造了八间淋浴间")][2:4] == ["八", "间"]  # 八间 is one token of jieba's
    assert _flags(["为班组配发防坠落装备60套"], "工会为班组配发六十套防坠落装备，保障高处作业安全。") == []
    assert _flags(["为职工宿舍改造淋浴间8间"], "工会为职工宿舍改造了八间淋浴间，职工洗浴更方便。") == []
    assert _flags(["组织运维人员参加安全培训，参加人员140人"], "工会组织一百四十名运维人员参加安全培训。") == []
    assert _flags(["为食堂更新餐桌椅120套"], "工会为食堂更新一百二十套餐桌椅，就餐环境明显改善。") == []
    assert _flags(["为食堂更新餐桌椅120套"], "工会为食堂更新一百二十套实木餐桌椅。")  # a kind the facts lack stays new
    assert [w[2] for w in words("十分重要")][0] == "十分" and [w[2] for w in words("一线职工")][0] == "一线"


def _objects(facts, draft):
    return [c.text for c in check(facts, draft).claims if c.note.startswith("对象")]


def test_words_put_inside_a_phrase_the_facts_write_narrow_its_object():
    facts = ["为环卫工配发反光背心400件"]
    assert _objects(facts, "工会为新入职环卫工配发反光背心400件，保障道路作业安全。") == ["新入职"]
    assert _objects(facts, "工会为外地务工环卫工配发反光背心400件，保障道路作业安全。") == ["外地务工"]
    assert _flags(facts, "工会为环卫工配发了四百件反光背心，保障道路作业安全。") == []
    contest = ["组织焊工技能比武，参赛职工40人"]
    assert _objects(contest, "工会组织压力容器焊工技能比武，40名职工同台竞技。") == ["压力容器"]  # no number in it
    nursing = ["组织护理人员急救技能竞赛，参赛人员70人"]
    assert _objects(nursing, "工会组织重症监护护理人员急救技能竞赛，70名护理人员参赛。") == ["重症监护"]


def test_an_inserted_word_the_facts_give_or_imply_stays_supported():
    both = ["组织压力容器焊工培训，培训职工30人", "组织焊工技能比武，参赛职工40人"]
    assert _objects(both, "工会组织压力容器焊工技能比武，40名职工同台竞技。") == []  # given by another fact
    assert _flags(["开展职工心理健康讲座4场"], "工会开展心理健康专题讲座4场，帮助职工缓解压力。") == []  # 专题 of a 讲座
    assert _flags(["组织退休职工健康讲座2场"], "组织退休职工健康知识讲座2场，老同志们收获满满。") == []  # 知识: no kind
    own = ["进一步推动工会工作融入中心"]
    assert _objects(own, "进一步推动机修厂工会工作融入中心。") == []  # the writer's own union, no object


def test_a_group_put_before_an_act_the_facts_write_without_people_is_an_object():
    check_facts = ["开展安全隐患排查，排查隐患80项"]
    assert _objects(check_facts, "组织班组安全员开展安全隐患排查，排查隐患80项。") == ["班组安全员"]
    ideas = ["开展节能降耗合理化建议征集"]
    assert _objects(ideas, "发动青年技术骨干开展节能降耗合理化建议征集，汇聚了职工智慧。") == ["青年技术骨干"]
    assert _flags(check_facts, "组织职工开展安全隐患排查，排查隐患80项。") == []  # the generic people: no group
    assert _objects(["岗位练兵举办技能比武，参赛职工60人"], "工会围绕岗位练兵举办技能比武，60名职工参赛。") == []


def test_the_facts_people_counted_by_the_name_their_own_line_gives_them():
    forklift = ["开展叉车司机安全操作培训，培训学员45人"]
    assert _flags(forklift, "工会开展安全操作培训，45名叉车司机参加培训。") == []
    assert _flags(["组织护林员防火演练3场，参演职工90人次"], "工会组织防火演练3场，护林员累计参演90人次。") == []
    assert _flags(forklift, "工会开展安全操作培训，45名仓库保管员参加培训。")  # people the line does not write


def test_a_locative_glued_to_the_people_before_it_is_no_place():
    assert [w[2] for w in words("工会在叉车工中开展提案活动")][3:5] == ["工", "中"]  # jieba: 叉车/工中
    proposals = ["开展节能改善提案活动，收集提案300条"]
    assert _flags(proposals, "工会在叉车工中开展节能改善提案活动，收集提案300条。") == []
    assert _flags(proposals, "工会在叉车维修车间开展节能改善提案活动，收集提案300条。")  # a place stays one


def test_an_object_word_inside_the_writers_own_workplace_is_no_object():
    reading = ["举办职工读书会2期"]
    assert _flags(reading, "档案馆工会注重提升服务水平，举办职工读书会2期。") == []  # 档案 of 档案馆工会
    assert _flags(reading, "图书馆工会注重传承古籍修复技艺，举办职工读书会2期。") == []
    assert _flags(reading, "工会为职工整理档案资料，举办职工读书会2期。")  # 档案 as the work's object stays new
