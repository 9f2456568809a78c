"""Session 25 (issue 19): an occasion that dates the work, approval a body gives, a status of the people put inside a
phrase the facts write (tests/data/strong_fresh_h25a.json's odd scenarios drove these; every case here is a sentence
of its own, on other topics)."""

from drafter.numcheck import check


def _flags(facts, draft):
    res = check(facts, draft)
    return [c.note for c in res.claims] + [h.note for h in res.numbers if h.status != "supported"]


def _role(facts, draft, role):
    return [c.text for c in check(facts, draft).claims if c.note.startswith(role)]


def test_an_occasion_opening_the_clause_is_a_time_the_facts_do_not_give():
    facts = ["开展码垛机器人操作培训，培训职工36人"]
    assert _role(facts, "立秋前夕，开展码垛机器人操作培训，36名职工参加。", "时间") == ["立秋"]
    assert _role(facts, "在新生产线投产前开展码垛机器人操作培训，36名职工参加。", "时间") == ["新生产线投产"]
    assert _role(facts, "采暖季开始前，开展码垛机器人操作培训，36名职工参加。", "时间") == ["采暖季开始"]
    assert _role(facts, "工会在春耕备耕期间开展码垛机器人操作培训，36名职工参加。", "时间") == ["春耕备耕"]  # after the subject
    assert _flags(facts, "工会开展码垛机器人操作培训，36名职工参加，操作更加规范。") == []


def test_an_occasion_the_facts_write_or_a_place_before_an_act_stays_unflagged():
    facts = ["在设备检修期间开展岗位练兵，参加职工52人"]
    assert _role(facts, "设备检修期间，工会开展岗位练兵，52名职工参加。", "时间") == []
    assert _role(["在厂门前设立职工服务点2个"], "工会在厂门前设立职工服务点2个。", "时间") == []
    assert _role(["开展职工读书分享会3场"], "工会开展职工读书分享会3场，分享会前发放了书单。", "时间") == []
    assert _role(["慰问一线司机300人"], "工会慰问一线司机300人，把问候送到驾驶座前。", "时间") == []  # a clause, no name
    assert _role(["开展新职工座谈会2场"], "新职工未报到之前，工会开展新职工座谈会2场。", "时间") == []  # a negated state


def test_approval_a_body_gives_is_an_honour_and_the_peoples_reception_is_frame():
    facts = ["组织叉车司机技能比武，参赛职工44人"]
    draft = "工会组织叉车司机技能比武，44名职工参赛，比武做法得到市交通运输局的充分肯定。"
    assert _role(facts, draft, "荣誉") == ["市交通运输局的充分肯定"]
    assert _role(facts, "工会组织叉车司机技能比武，44名职工参赛，赢得了物流协会的一致好评。", "荣誉") == ["物流协会的一致好评"]
    assert _role(facts, "工会组织叉车司机技能比武，44名职工参赛，这一做法受到市应急管理局认可。", "荣誉") == ["市应急管理局认可"]
    assert _flags(facts, "工会组织叉车司机技能比武，44名职工参赛，赢得了职工的广泛好评。") == []
    assert _flags(facts, "工会组织叉车司机技能比武，44名职工参赛，活动受到参赛选手欢迎。") == []


def test_recognition_by_an_association_is_named_an_honour():
    facts = ["开展职工书法培训班2期"]
    assert _role(facts, "工会开展职工书法培训班2期，办班经验被中国书法家协会推广。", "荣誉") == ["中国书法家协会推广"]


def test_a_status_verb_put_before_the_facts_people_narrows_the_object():
    facts = ["为货运司机配发反光背心320件"]
    assert _role(facts, "工会为转岗货运司机配发反光背心320件，保障行车安全。", "对象") == ["转岗"]
    assert _role(facts, "工会为劳务派遣货运司机配发反光背心320件，保障行车安全。", "对象") == ["劳务派遣"]
    rounds = ["为巡检工配发防滑鞋200双"]  # 巡检/工: the people's head is a verb and 工
    assert _role(rounds, "工会为临时性巡检工配发防滑鞋200双，保障巡检安全。", "对象") == ["临时性"]
    assert _role(["为患病女职工发放慰问金"], "工会为确诊患病的女职工发放慰问金。", "对象") == []  # a clause before 的
    assert _role(facts, "工会为货运司机配发了三百二十件反光背心，保障行车安全。", "对象") == []


def test_a_time_word_inside_words_put_before_the_facts_people_qualifies_them():
    assert _role(["为收费站职工配发防寒大衣80件"], "工会为收费站凌晨值守职工配发防寒大衣80件。", "对象") == ["凌晨值守"]
    assert _role(["为泵站职工购置取暖器30台"], "工会为泵站周末值班职工购置取暖器30台。", "时间") == []
    assert _role(["为泵站职工购置取暖器30台"], "周末，工会为泵站职工购置取暖器30台。", "时间") == ["周末"]  # a time of its own


def test_an_age_bound_no_fact_gives_before_people_is_an_object():
    facts = ["组织职工健康体检，体检职工300人"]
    assert _role(facts, "工会组织300名50岁以上职工参加健康体检。", "对象") == ["50岁以上"]
    assert _role(facts, "工会组织300名职工参加健康体检，参检职工平均年龄45岁。", "对象") == []  # no bound of people
