"""A number's item judged by meaning (issue 19, session 13: drafter.numcheck.itemsense). Sentences written for
this test."""

import pytest

from drafter.numcheck import check


def _hit(facts, draft):
    hits = check(facts, draft).numbers
    assert len(hits) == 1, hits
    return hits[0]


@pytest.mark.parametrize("facts, draft", [
    (["安装健身器材40件"], "健身器材40件全部投入使用。"),  # the action dropped
    (["为班组配备急救箱25个"], "为班组添置急救箱25个。"),  # replaced by a verb of its synonym group
    (["组织一线职工技能比武8场"], "聚焦一线职工技能提升，组织技能比武8场。"),  # the sentence said it before
    (["完成技术攻关项目15项"], "完成技术攻关15项。"),  # 项目 only says what 项 says
    (["欢送退休职工30人"], "欢送30名老同志。"),  # a synonym of a word inside the item
])
def test_rewordings_of_the_item_pass(facts, draft):
    assert _hit(facts, draft).status == "supported"


@pytest.mark.parametrize("facts, draft, missing", [
    (["安装健身器材40件"], "拆除健身器材40件。", "安装"),  # a verb of other meaning
    (["慰问退休职工52人"], "慰问职工52人。", "退休"),  # a verb inside the noun phrase is a qualifier
    (["组织一线职工技能比武8场"], "组织技能比武8场，一线职工踊跃参加。", "一线"),  # said after: not the topic
    (["走访慰问困难职工40户"], "关心困难职工生活，走访慰问困难党员40户。", "困难职工"),  # another head (quoted as its whole word)
    (["完成技术攻关项目15项"], "完成技术攻关课题15项。", "攻关项目"),  # the unit's noun replaced (whole word)
    (["全年征集合理化建议120条"], "全年征集建议120条。", "合理化"),  # 建议 is in 合理化建议's group, but a part of it
])
def test_changed_items_are_still_mismatches(facts, draft, missing):
    hit = _hit(facts, draft)
    assert hit.status == "mismatch" and f"少了'{missing}" in hit.note, hit.note


def test_a_word_said_before_belongs_to_the_number_of_the_same_unit_before():
    result = check(["在网站发布信息40篇，在报刊发表文章15篇"], "在网站发布信息15篇，在报刊发表文章40篇。")
    assert [h.status for h in result.numbers] == ["mismatch", "mismatch"]


def test_a_quoted_name_after_the_number_is_its_item():
    facts = ["开展“书记接待日”活动8次，收集职工诉求40条"]
    assert all(h.status == "supported" for h in check(facts, "通过8次“书记接待日”，共收集职工诉求40条。").numbers)


def test_the_whole_before_zhong_belongs_to_the_earlier_number():
    facts = ["收集职工意见诉求40条，办结31条"]
    result = check(facts, "职工反映的40条意见诉求中已有31条得到办结。")
    assert [h.status for h in result.numbers] == ["supported", "supported"]


def test_users_extend_the_unit_heads(tmp_path):
    from drafter.numcheck.faithlex import load_faith
    from drafter.numcheck.itemsense import unit_head

    extra = tmp_path / "mine.toml"
    extra.write_text('[items.unit_heads]\n"件" = ["案件"]\n', encoding="utf-8")
    assert not unit_head("案件", "代理劳动争议案件", "件", [], load_faith())
    assert unit_head("案件", "代理劳动争议案件", "件", [], load_faith(extra))
    assert unit_head("项目", "完成技术攻关项目", "项", [], load_faith(extra))  # the shipped units stay


# Issue 19 (session 14): a number is misbound when the draft puts it on another thing, not when it leaves out or
# rewords words that do not change the counted thing. Sentences written for this test.
@pytest.mark.parametrize("facts, draft", [
    (["服务环卫工人、快递员等户外劳动者1.5万人次"], "全年服务户外劳动者1.5万人次。"),  # the examples before 等
    (["设置跳绳、拔河等比赛项目8个"], "运动会设置比赛项目8个。"),
    (["接听职工来电460人次"], "开通服务热线，全年接听460人次。"),  # the item names no thing: unsaid, not changed
    (["为困难职工子女举办夏令营3期"], "举办夏令营3期，困难职工子女在营中度过了快乐的假期。"),  # who it is for
    (["为职工挽回经济损失35万元"], "帮助职工挽回损失35万元。"),  # 经济 only says what 元 says
    (["开展普法宣传活动12场"], "深入车间班组开展普法宣传12场。"),  # 活动 left out, the head 宣传 kept
    (["服务站接待职工来访求助150人次"], "150人次职工前来求助。"),  # a verb of the item by a verb sharing 来
    (["编印《基层工会工作实务手册》3000册"], "编印实务手册3000册，发放到每个基层工会。"),  # a title by its own ending
])
def test_items_left_unsaid_or_reworded_pass(facts, draft):
    assert _hit(facts, draft).status == "supported"


@pytest.mark.parametrize("facts, draft, missing", [
    (["慰问困难职工子女30人"], "慰问困难职工30人，并为其子女送去学习用品。", "子女"),  # a count of people keeps its group
    (["设置跳绳、拔河等比赛项目8个"], "设置跳绳、拔河等表演节目8个。", "比赛项目"),  # the head after 等 changed
    (["为职工挽回经济损失35万元"], "为职工挽回经济补偿35万元。", "经济损失"),  # the head changed
    (["编印《基层工会工作实务手册》3000册"], "编印劳动保护手册3000册。", "工会工作、实务"),  # another title's ending
])
def test_items_put_on_another_thing_are_still_mismatches(facts, draft, missing):
    hit = _hit(facts, draft)
    assert hit.status == "mismatch" and f"少了'{missing}" in hit.note, hit.note


def test_a_rate_of_all_is_what_a_fact_says_was_done_for_all():
    hit = _hit(["受理职工诉求85件，已全部办结答复"], "办结答复率达到100%。")
    assert hit.status == "supported" and "全部办结答复" in hit.note
    assert _hit(["受理职工诉求85件，已全部办结答复"], "职工满意率达到100%。").status == "unsupported"


def test_a_part_named_before_on_a_verb_is_the_facts_item():
    result = check(["收到职工建议540条，采纳建议126条"], "全年收到职工建议540条，其中126条被采纳实施。")
    assert [h.status for h in result.numbers] == ["supported", "supported"]


def test_a_verb_after_the_counted_people_does_not_move_the_number():
    facts = ["为患大病职工发放医疗救助金28.6万元，救助职工57人"]
    assert _hit(facts, "57名患大病职工得到及时帮扶。").status == "supported"
    assert _hit(facts, "57名退休老党员得到及时帮扶。").status == "mismatch"  # other people
