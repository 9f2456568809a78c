"""Theme claims ([themes] of drafter/data/faithful_lexicon.toml, drafter/numcheck/themes.py) and garbled characters
(drafter/numcheck/garbled.py): a kind of work named in a clause or heading needs a fact that gives an instance."""

from __future__ import annotations

from drafter.numcheck import check, load_lexicon

READING = ["开展“书香校园”读书活动，教职工撰写读书心得156篇", "全年组织教师参加各级教学技能比赛，获市级以上奖项23项"]


def _claims(facts, draft, **kw):
    return [(c.kind, c.text) for c in check(facts, draft, **kw).claims]


def test_theme_heading_without_an_instance_is_a_heading_claim():
    result = check(READING, "一、深化学习教育，加强思想引领\n")
    assert [(c.kind, c.text) for c in result.claims] == [("heading", "深化学习教育，加强思想引领")]
    assert "思想引领" in result.claims[0].note and "工作" in result.claims[0].note


def test_theme_backed_by_an_instance_word_or_the_phrase_passes():
    assert _claims(READING, "一、深化学习教育\n") == []  # 学习教育 is backed by 读书
    assert _claims(["开展形势政策宣讲3场"], "一、加强思想引领\n") == []  # 宣讲 is an instance of 思想引领
    assert _claims(["加强思想引领，组织职工观看专题片"], "一、加强思想引领\n") == []


def test_a_frame_phrase_does_not_hide_a_theme():
    total = ["工会会员总数为187人，入会率100%"]
    assert _claims(total, "强化组织建设，会员队伍不断壮大\n") == [("heading", "强化组织建设，会员队伍不断壮大")]
    assert _claims(["全年新发展会员45人，会员总数达到612人"], "强化组织建设，会员队伍不断壮大\n") == []


def test_a_heading_is_judged_whole_and_problems_or_plans_back_a_theme():
    facts = ["为18名困难职工子女发放助学金5.4万元"]
    heading = "三、开展金秋助学，帮助困难职工子女完成学业\n"
    assert _claims(facts, heading, context=["2025年元旦春节期间"]) == [("heading", "开展金秋助学，帮助困难职工子女完成学业")]
    assert _claims(facts, heading, context=["下半年开展“金秋助学”活动"]) == []


def test_formulaic_leads_over_their_own_work_pass_and_the_example_lead_needs_organisation_work():
    facts = ["走访慰问困难职工132户，发放慰问金和慰问品共计31.6万元", "对建档立卡的27户困难职工家庭实施“一对一”结对帮扶"]
    assert _claims(facts, "工会坚持把慰问工作作为基础性工作来抓。确保帮扶对象得到精准的关怀和照顾。") == []
    lead = "工会坚持把组织建设作为基础性工作来抓。"
    assert _claims(facts, lead) == [("claim", "工会坚持把组织建设作为基础性工作来抓")]
    assert _claims(["全年发展新会员45人"], lead) == []


def test_users_add_themes(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text('[themes]\n"安全文化" = ["安全"]\n', encoding="utf-8")
    lexicon = load_lexicon(faith_extra=extra)
    assert _claims(READING, "一、建设安全文化\n", lexicon=lexicon) == [("heading", "建设安全文化")]
    assert _claims(["开展安全知识竞赛1次"], "一、建设安全文化\n", lexicon=lexicon) == []


def test_a_rare_character_no_fact_writes_is_a_garbled_artifact(tmp_path):
    facts = ["慰问一线护理人员及困难职工15人，发放慰问品价值1.2万元"]
    draft = "慉问一线护理人员及困难职工15人，发放慰问品价值1.2万元。"
    result = check(facts, draft)
    assert [(c.kind, c.text, c.start) for c in result.claims] == [("artifact", "慉", 0)]
    assert not result.faithful and result.ok
    assert _claims(["为职工张堃家庭送去慰问金0.5万元"], "为职工张堃家庭送去慰问金0.5万元。") == []  # a name from the facts
    extra = tmp_path / "chars.toml"
    extra.write_text('[artifact]\nchars = ["慉"]\n', encoding="utf-8")
    assert _claims(facts, draft, lexicon=load_lexicon(faith_extra=extra)) == []
