"""Session 23 (issue 19): faithful paraphrases of a strong model on topics no rule was written from
(tests/data/strong_fresh_h23b.json drove these; every case here is a sentence of its own)."""

from drafter.numcheck import check


def _flags(facts, draft):
    res = check(facts, draft)
    return [c.note for c in res.claims] + [h.note for h in res.numbers if h.status != "supported"]


def test_more_of_a_quality_is_no_count():
    facts = ["为护林员配发防刺服300件"]
    assert _flags(facts, "为护林员配发防刺服300件，让护林员多一份安全、家人多一份放心。") == []
    assert _flags(facts, "为护林员配发防刺服300件，护林员作业时多了一层保护。") == []
    counted = check(facts, "为护林员配发防刺服300件，每人多发一份慰问品。").numbers
    assert [h.status for h in counted if h.text == "一份"] == ["unsupported"]  # a thing counted stays a count


def test_the_writers_workplace_names_no_object():
    facts = ["开展调度员业务培训，培训调度员60人"]
    assert _flags(facts, "调度中心工会关心调度员成长，开展业务培训，培训调度员60人。") == []
    higher = check(["开展调度员业务培训，培训调度员60人"], "调度员业务培训扎实开展，荣获全省工会职工教育先进单位称号。")
    assert any("荣誉" in c.note for c in higher.claims)  # a level inside: a higher body's honour, still named


def test_the_facts_act_with_a_manner_is_no_thing():
    assert _flags(["为装配车间安装排风扇80台"], "工会为装配车间新装排风扇80台，把关爱落到实处。") == []
    assert _flags(["举办青年职工演讲比赛4场，参赛职工96人"], "青年职工演讲比赛连办4场，96名职工参赛。") == []
    assert _flags(["为装配车间安装排风扇80台"], "工会为装配车间新装空调机80台。")  # a new thing stays new


def test_a_verb_with_its_result_before_a_verb_is_no_thing():
    assert _flags(["开展窗口人员压力疏导讲座3场"], "开展压力疏导讲座3场，帮助窗口人员学会调节压力。") == []


def test_a_numeral_read_as_one_noun_is_the_numbers():
    assert _flags(["开展矿工心理减压团体辅导8场"], "工会为此举办了八场心理减压团体辅导。") == []


def test_the_people_an_act_reached_may_go_unsaid_before_their_count():
    facts = ["组织职工康复理疗服务，服务职工430人次"]
    assert _flags(facts, "工会还提供康复理疗服务四百三十人次。") == []
    strict = ["组织职工康复理疗服务，服务困难职工430人次"]
    assert _flags(strict, "工会还提供康复理疗服务四百三十人次。")  # a qualifier of them (困难) is still missing


def test_a_verb_after_the_people_counted_is_what_they_did():
    facts = ["举办乘务员英语培训班，培训乘务员70人"]
    assert _flags(facts, "工会组织70名乘务员学习英语。") == []
    assert _flags(facts, "工会组织70名乘务员和退休教师学习英语。")  # people added beside them are still flagged


def test_an_event_is_no_act_with_a_manner():
    from drafter.numcheck.actforms import manner_form_of_act
    from drafter.numcheck.support import Support

    support = Support(["举办职工技能比赛，参赛职工80人", "为车间安装风扇20台"], [])
    assert manner_form_of_act("新装", support) and not manner_form_of_act("大赛", support)


def test_what_counted_people_did_is_no_added_head():
    contest = ["举办焊工技能大赛，参赛焊工64人"]
    assert _flags(contest, "工会举办焊工技能大赛，64名焊工大展身手。") == []
    assert _flags(["举办导游讲解技能大赛，参赛导游44人"], "导游讲解技能大赛精彩上演，44名导游铺床叠被、各显身手。") == []
    assert _flags(["开展锅炉检修技能培训，培训职工66人"], "开展锅炉检修技能培训，66名职工系统学习检修要领。") == []
    assert _flags(contest, "工会举办焊工技能大赛，64名焊工家属参赛。")  # another head: other people, still flagged
    assert _flags(["为一线职工发放冬季劳保用品，价值9万元"], "工会为一线职工和外包工发放冬季劳保用品，价值9万元。")


def test_what_given_people_did_after_them_names_no_object():
    assert _flags(["举办护理技能竞赛，参赛护士90人"], "护理技能竞赛中，90名护士互学互鉴。") == []
    assert _flags(["为全体会员办理职工互助保障，参保980人"], "为全体会员办理职工住院医疗互助保障，参保980人。")
    from drafter.numcheck.actforms import did_after_people

    assert not did_after_people("开展教师座谈会、谈心活动", (2, 4, "教师", "n"), (4, 7, "座谈会", "n"))  # an event: a head


def test_a_count_of_the_things_listed_before_it_is_the_lists():
    facts = ["举办职工象棋赛，参赛职工48人", "开展职工跳绳比赛，参赛职工130人"]
    assert _flags(facts, "工会先后举办象棋赛和跳绳比赛两项活动，分别有48名和130名职工参赛。") == []
    assert _flags(facts, "工会先后举办象棋赛和跳绳比赛三项活动，分别有48名和130名职工参赛。")  # not the list's count
    assert _flags(facts, "工会先后举办两项活动，分别有48名和130名职工参赛。")  # no list: a count the facts must give


def test_the_writers_focus_on_abstract_work_is_frame():
    facts = ["举办车工技能比武，参赛职工70人"]
    assert _flags(facts, "机床厂工会立足岗位练兵，举办车工技能比武，70名职工参赛。") == []
    assert _flags(facts, "机床厂工会聚焦技能提升，举办车工技能比武，70名职工参赛。") == []
    assert _flags(facts, "机床厂工会围绕职工书屋建设，举办车工技能比武，70名职工参赛。")  # a thing of its own
    assert _flags(facts, "机床厂工会围绕“金牌工人”主题，举办车工技能比武，70名职工参赛。")  # a name in quotes


def test_people_the_work_makes_expected_are_the_counted_people():
    camp = ["举办职工子女书法夏令营1期，参加营员26名"]
    assert _flags(camp, "工会举办职工子女书法夏令营1期，26名孩子参加。") == []
    assert _flags(["举办职工子女暑期托管班，接收职工子女57名"], "工会开办职工子女暑期托管班，共接收孩子57名。") == []
    assert _flags(camp, "工会举办职工子女书法夏令营1期，26名老人参加。")  # people no camp implies


def test_an_aim_that_names_nothing_of_its_own_is_frame():
    assert _flags(["举办员工税务知识讲座，听讲员工150人"], "为帮助员工管好家庭财务，工会开办税务知识讲座，150名员工参加。") == []
    assert _flags(["开展防疫消毒知识培训，培训饲养员60人"], "为筑牢养殖场防疫屏障，工会组织60名饲养员开展防疫消毒知识培训。") == []
    assert _flags(["开展防疫消毒知识培训，培训饲养员60人"], "为筹办全省畜牧技能大赛，工会组织60名饲养员开展防疫消毒知识培训。")


def test_people_of_an_event_written_elsewhere_in_its_sentence_may_go_unsaid_in_its_item():
    facts = ["开展窗口代表压力疏导讲座5场", "为窗口代表配发护眼贴2000片"]
    assert _flags(facts, "工会为窗口代表配发护眼贴2000片；开展压力疏导讲座5场，引导窗口代表调整心态。") == []
    assert _flags(facts, "工会为窗口代表配发护眼贴2000片；开展压力疏导讲座5场。")  # its sentence names them nowhere


def test_the_word_after_the_opening_union_is_its_predicate():
    facts = ["为环卫工人开展免费义诊，服务环卫工人700人次"]
    assert _flags(facts, "城管局工会情系环卫工人，开展免费义诊，服务环卫工人700人次。") == []
    assert _flags(facts, "城管局工会心系环卫一线，开展免费义诊，服务环卫工人700人次。") == []
    assert _flags(facts, "城管局工会联合市中医院开展免费义诊，服务环卫工人700人次。")  # an actor after it is still one


def test_work_carried_to_people_in_general_is_a_figure():
    facts = ["开展送医进社区义诊12场，服务居民1800人次"]
    assert _flags(facts, "工会开展送医进社区义诊12场，服务居民1800人次，把优质医疗服务送到居民身边。") == []
    assert _flags(facts, "工会开展送医进社区义诊12场，服务居民1800人次，把慰问金送到居民身边。")  # a thing of its own
