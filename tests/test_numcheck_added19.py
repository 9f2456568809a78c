"""Session 19 (h9): a qualifier a draft invents inside a number's item makes the number a mismatch
(drafter.numcheck.narrowed); the same sentence with only harmless words added stays supported."""

import pytest

from drafter.numcheck import check
from drafter.numcheck.narrowed import added_words  # noqa: F401 - the module under test

# (facts, invented draft, the number, the added words the note names, faithful twin)
CASES = [
    (["完成职工技术攻关课题12项"], "工会组织职工开展技术攻关，完成国家级攻关课题12项。", "12项", "国家级",
     "工会组织职工开展技术攻关，共完成攻关课题12项。"),
    (["慰问驾驶员320人次"], "工会深入一线，慰问新入职驾驶员320人次。", "320人次", "新入职",
     "工会深入一线，累计慰问驾驶员320人次。"),
    (["举办讲座6场"], "工会举办法律知识讲座6场。", "6场", "法律",
     "工会全年共举办各类讲座6场。"),
    (["发放防寒服300件"], "工会为一线职工发放防寒手套300件。", "300件", "手套",
     "工会为一线职工发放防寒服300件。"),
    (["开展危化品操作规程培训，培训操作工320人次"], "工会组织危化品操作规程培训，累计培训外包操作工320人次。",
     "320人次", "外包", "工会组织危化品操作规程相关培训，累计培训操作工320人次。"),
    (["开展夏送清凉活动，发放防暑药品1200盒"], "工会开展夏送清凉活动，共发放各类进口防暑药品1200盒。",
     "1200盒", "进口", "工会开展夏送清凉活动，共发放各类防暑药品1200盒。"),
    (["为食堂职工开展健康体检，体检职工130人"], "工会组织130名临时聘用职工参加健康体检。", "130名", "临时聘用",
     "工会组织食堂130名职工参加健康体检。"),
    (["建成职工暖心驿站8处", "为广大职工提供休息服务"], "工会建成省级示范暖心驿站8处，为广大职工提供休息服务。",
     "8处", "省级", "工会共建成职工暖心驿站8处，为广大职工提供休息服务。"),
]


def _number(result, draft: str, text: str):
    return next(h for h in result.numbers if draft[h.start:h.end].startswith(text.rstrip("人名次场件盒处项")))


@pytest.mark.parametrize("facts,draft,number,added,twin", CASES)
def test_invented_qualifier_is_a_mismatch_naming_it(facts, draft, number, added, twin):
    hit = _number(check(facts, draft), draft, number)
    assert hit.status == "mismatch"
    assert added in hit.note and "多了" in hit.note


@pytest.mark.parametrize("facts,draft,number,added,twin", CASES)
def test_faithful_twin_stays_supported(facts, draft, number, added, twin):
    hit = _number(check(facts, twin), twin, number)
    assert hit.status == "supported", hit.note


def test_harmless_words_inside_the_item_pass():
    facts = ["开展职工法律知识讲座6场，参加职工420人次", "本年度为困难职工发放慰问金12万元"]
    for draft in ("工会全年共开展各类职工法律知识讲座6场，参加讲座的广大职工累计420人次。",
                  "工会开展相关法律知识讲座6场，全体职工参加420人次。"):
        result = check(facts, draft)
        assert all(h.status == "supported" for h in result.numbers), [h.note for h in result.numbers]


def test_words_the_facts_write_elsewhere_are_not_added():
    facts = ["组织一线驾驶员开展安全培训", "慰问驾驶员320人次"]
    draft = "工会慰问一线驾驶员320人次。"
    hit = _number(check(facts, draft), draft, "320人次")
    assert hit.status == "supported", hit.note


def test_a_verb_the_draft_uses_for_the_facts_is_no_qualifier():
    facts = ["为巡线班组配备急救药箱45个"]
    draft = "工会为巡线班组配齐急救药箱45个。"
    hit = _number(check(facts, draft), draft, "45个")
    assert hit.status == "supported", hit.note


@pytest.mark.parametrize("facts,draft", [
    (["举办职工健康讲座4场"], "工会举办职工健康知识讲座4场。"),  # a set phrase of the head's kind (知识讲座)
    (["举办职工健康讲座4场"], "工会举办职工健康专题讲座4场。"),
    (["劳动合同签订率98%"], "企业劳动合同签订率达98%。"),  # 率达: the rate glued to its verb
    (["开展师带徒活动，出师26人"], "工会深化师带徒活动，26名徒弟顺利出师。"),  # the draft names the thing itself
    (["举办乒乓球比赛，参赛选手90人"], "工会举办乒乓球比赛，吸引90名球手参赛。"),
    (["开展劳动竞赛，评选先进班组8个"], "工会开展劳动竞赛，竞赛结束后评选出先进班组8个。"),  # a time, no kind
])
def test_rewordings_a_strong_model_writes_stay_supported(facts, draft):
    result = check(facts, draft)
    assert all(h.status == "supported" for h in result.numbers), [h.note for h in result.numbers]


def test_a_word_of_manner_in_hua_does_not_narrow_the_item():
    """Held-out 14 (z06-f0) in session 19: 开具个性化运动处方386份 was flagged (对象多了'个性化'): a word in 化 says how
    the thing is made, not which; a kind added (慢病) is still caught."""
    from drafter.numcheck import check

    facts = ["为体质较弱的职工开具运动处方386份"]
    faithful = check(facts, "工会为体质较弱的职工开具个性化运动处方386份。").numbers
    assert [h.status for h in faithful if h.text == "386份"] == ["supported"]
    invented = check(facts, "工会为体质较弱的职工开具慢病运动处方386份。").numbers
    assert [h.status for h in invented if h.text == "386份"] == ["mismatch"]
