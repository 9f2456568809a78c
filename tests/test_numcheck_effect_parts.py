"""Session 27 (issue 19 item 4): effect idioms read by their parts (drafter/numcheck/effectparts.py), so the same kind
of effect clause gets the same verdict: a 、-list of effect phrases is one tail, 日益壮大 is read as 不断|壮大 is.
Every case is a sentence of its own, on topics no paragraph set uses."""

from drafter.numcheck import check

CREWS = ["组建供电抢修突击队6支，完成抢修任务48次"]


def _flags(facts, draft):
    res = check(facts, draft)
    return [c.note for c in res.claims] + [h.note for h in res.numbers if h.status != "supported"]


def test_a_list_of_effect_phrases_is_one_tail():
    assert _flags(CREWS, "工会组建供电抢修突击队6支，完成抢修任务48次，队员们在抢修一线经受了考验、增长了本领。") == []
    assert _flags(CREWS, "工会组建供电抢修突击队6支，完成抢修任务48次，队员们经受了锻炼、积累了经验、增长了才干。") == []


def test_an_act_or_people_in_the_list_keep_it_an_assertion():
    flags = _flags(CREWS, "工会组建供电抢修突击队6支，完成抢修任务48次，队员们走访了困难职工、增长了本领。")
    assert any("走访" in f for f in flags)
    flags = _flags(CREWS, "工会组建供电抢修突击队6支，完成抢修任务48次，队员们参加了技能培训、增长了本领。")
    assert any("培训" in f for f in flags)


def test_a_gradual_change_in_one_word_is_the_change():
    facts = ["组建职工摄影协会，发展会员86名"]
    assert _flags(facts, "工会组建职工摄影协会，发展会员86名，职工摄影队伍日益壮大。") == []
    assert _flags(facts, "工会组建职工摄影协会，发展会员86名，协会日益壮大。") == []  # no place (jieba tags it ns)
    assert _flags(facts, "工会组建职工摄影协会，发展会员86名，职工摄影队伍不断壮大。") == []  # cut in two: the same verdict
    assert _flags(facts, "工会组建职工摄影协会，发展会员86名，队伍日益壮大，获评市级优秀文体协会。") != []


def test_the_same_frame_with_another_head_or_opener_gets_the_same_verdict():
    facts = ["开展职工安全培训12场，培训职工900人次"]
    base = "，开展职工安全培训12场，培训职工900人次。"
    assert _flags(facts, "工会坚持把安全培训作为安全生产的重要抓手" + base) == []
    assert _flags(facts, "工会坚持把安全培训作为安全生产的基础" + base) == []  # …的基础 ranks it as …的抓手 does
    assert any(f.startswith("参与者") for f in _flags(facts, "工会联合市应急管理局把安全培训作为安全生产的基础" + base))
    facts = ["为外来务工人员子女开办暑期托管班2个，托管儿童86名"]
    base = "，工会为外来务工人员子女开办暑期托管班2个，托管儿童86名。"
    assert _flags(facts, "针对双职工家庭“看护难”问题" + base) == []
    assert _flags(facts, "围绕双职工家庭“看护难”问题" + base) == []  # 围绕 states the need as 针对 does


def test_an_act_verb_describing_the_atmosphere_is_frame():
    facts = ["组织职工冬季长跑活动，参加职工620人"]
    base = "工会组织职工冬季长跑活动，620名职工参加，"
    assert _flags(facts, base + "营造了人人参与健身的浓厚氛围。") == []
    assert _flags(facts, base + "营造了全员参与技能比武的浓厚氛围。") != []  # an event no fact names
    assert _flags(facts, base + "营造了退休职工参与健身的浓厚氛围。") != []  # people no fact names
