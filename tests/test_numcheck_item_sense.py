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
    (["走访慰问困难职工40户"], "关心困难职工生活，走访慰问困难党员40户。", "职工"),  # another head
    (["完成技术攻关项目15项"], "完成技术攻关课题15项。", "项目"),  # the unit's noun replaced by another
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
