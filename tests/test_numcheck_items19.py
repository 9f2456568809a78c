"""A number's item judged by what it counts (issue 19, session 19: drafter.numcheck.itemkind).

Each faithful rewording (a dropped topic qualifier, the item's act in other words) fails without the rule; each has
an invented twin that changes what the number counts and stays a mismatch."""

import pytest

from drafter.numcheck import check


def _status(facts, draft, text):
    hits = [h for h in check(facts, draft).numbers if h.text == text]
    assert hits, f"{text} not read in {draft}"
    return hits[0].status


@pytest.mark.parametrize("facts, draft, text", [
    (["完成科研攻关课题12项"], "公司工会组织职工开展技术创新，全年完成攻关课题12项。", "12项"),  # topic qualifier dropped
    (["开展“安康杯”竞赛，排查整改安全隐患236处"], "矿区工会组织排查隐患236处并全部整改到位。", "236处"),
    (["完成电网抢修任务120次"], "供电公司工会全年完成抢修任务120次。", "120次"),  # an object's qualifier (词林 B)
    (["夏季送清凉慰问驾驶员1450人次"], "盛夏时节，工会慰问驾驶员1450人次。", "1450人次"),  # a trait (词林 Eb)
    (["建设职工小家32个"], "工会投入资金打造职工小家32个。", "32个"),  # [items] synonyms 建设/打造
])
def test_faithful_rewording_is_supported(facts, draft, text):
    assert _status(facts, draft, text) == "supported"


@pytest.mark.parametrize("facts, draft, text", [
    # the qualifier tells this fact's item from another fact's with the same head and unit
    (["完成科研攻关课题12项", "完成管理攻关课题8项"], "全年完成攻关课题12项，完成管理攻关课题8项。", "12项"),
    (["完成科研攻关课题12项"], "公司工会组织职工开展技术创新，全年完成技术攻关课题12项。", "12项"),  # replaced, not dropped
    (["排查整改重大安全隐患236处"], "矿区工会组织排查隐患236处并全部整改到位。", "236处"),  # a grade (Ed) dropped
    (["为职工提供心理咨询260人次"], "工会为职工开展法律咨询260人次。", "260人次"),  # a noun of its own in the item
    (["为职工提供心理咨询260人次", "开展职工技能培训120人次"], "工会为职工开展心理培训260人次。", "260人次"),  # swap
    (["完成电网抢修任务120次"], "供电公司工会全年完成线路抢修任务120次。", "120次"),  # a noun in its place
    (["夏季送清凉慰问驾驶员1450人次"], "盛夏时节，工会慰问乘务员1450人次。", "1450人次"),  # other people
    (["建设职工小家32个"], "工会投入资金打造职工书屋32个。", "32个"),  # another head
    (["建设职工书屋12个"], "工会建设职工之家12个。", "12个"),  # the head, a thing, replaced
    (["安装健身器材40件"], "拆除健身器材40件。", "40件"),  # the item's act replaced by a verb of other meaning
    (["慰问困难职工86户"], "工会走访慰问职工86户。", "86户"),  # people qualifier
    (["开展退休职工健康讲座6场"], "工会开展职工健康讲座6场。", "6场"),  # qualifier of people (an act word)
    (["举办市级技能竞赛3场"], "工会举办技能竞赛3场。", "3场"),  # level
    (["全年工会经费收入215.3万元"], "工会全年共收入215.3万元。", "215.3万元"),  # money
    (["调解劳动争议案件32件"], "代理劳动仲裁诉讼案件32件。", "32件"),  # the object's act-noun replaced (h3's pairs)
])
def test_changed_referent_stays_mismatch(facts, draft, text):
    assert _status(facts, draft, text) == "mismatch"


@pytest.mark.parametrize("draft", ["工会为职工开展心理疏导260人次。", "工会为职工代理法律诉讼260人次。"])
def test_the_items_head_act_in_other_words_is_left_to_the_item_judge(draft):
    """心理疏导 for 心理咨询 is a paraphrase, 法律诉讼 is another service: the rules cannot tell them apart (the lead
    found the second passing as supported when the head act was let through for counts of people), so both stay
    mismatches that the item judge is asked about (drafter.numcheck.undecided, drafter.pipeline.item_judging)."""
    from drafter.numcheck.undecided import undecided_numbers

    facts = ["为职工提供心理咨询260人次"]
    result = check(facts, draft)
    hit = next(h for h in result.numbers if h.text == "260人次")
    assert hit.status == "mismatch"
    assert [result.numbers[u.index].text for u in undecided_numbers(draft, result, facts)] == ["260人次"]
