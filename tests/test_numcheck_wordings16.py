"""Wordings of a strong model read by meaning (issue 19, session 16), each with the invention beside it that must
still be caught:
  * examples listed before 等 and a thing the facts give are things of their own (which shops, which books);
  * 以 X 为主题/载体/阵地: the 为N says what X is to the work; X is still judged;
  * 以 … 的心态/热情 before a verb: the manner of the act;
  * a clipping of the facts' phrase (欠薪 of 拖欠…工资, 重病 of 重大疾病) and a word built on a one-character
    word of the facts with its meaning (身患 of 患…) are the facts' words; a worker of another trade is not.
    (Known limit: the clause's character-bigram cover does not read them so; a clause opening with 并 that
    holds them is still judged an act of its own.)"""

from __future__ import annotations

import pytest

from drafter.numcheck import check, load_lexicon

LEX = load_lexicon()


def _claims(facts: list[str], text: str) -> list[tuple[str, str]]:
    result = check(facts, text, lexicon=LEX)
    return [(c.text, c.note or "") for c in result.claims]


SHOPS = ["为会员办理惠工卡1.8万张", "签约惠工商户62家"]


@pytest.mark.parametrize("listed, new", [
    ("签约药店、影院等惠工商户62家", {"药店", "影院"}),
    ("签约药店、影院等各类惠工商户62家", {"药店", "影院"}),
    ("签约餐饮类等惠工商户62家", {"餐饮"}),
])
def test_examples_listed_before_a_given_thing_are_objects_of_their_own(listed, new):
    claims = _claims(SHOPS, f"工会为会员办理惠工卡1.8万张，{listed}，让会员得到实惠。")
    named = [text for text, note in claims if note.startswith("对象")]
    assert any(word in text for word in new for text in named), claims


def test_examples_the_facts_give_are_no_claim():
    facts = ["建成母婴室6间，配备冰箱、消毒柜等设施"]
    assert _claims(facts, "工会建成母婴室6间，配齐冰箱、消毒柜等设施。") == []


READING = ["举办“悦读青春”读书沙龙9场", "新增图书3400册"]


@pytest.mark.parametrize("text", [
    "工会以“悦读青春”为主题举办读书沙龙9场，新增图书3400册。",
    "工会以读书沙龙为载体，举办读书沙龙9场，新增图书3400册。",
])
def test_the_relation_noun_of_yi_x_wei_n_is_frame(text):
    assert _claims(READING, text) == []


def test_the_x_of_yi_x_wei_n_is_still_judged():
    claims = _claims(READING, "工会以职工技能竞赛为载体，举办读书沙龙9场，新增图书3400册。")
    assert any("竞赛" in text for text, _ in claims), claims


HOTLINE = ["开通职工法律援助热线，全年接听咨询430个"]


def test_the_manner_of_an_act_is_frame():
    text = "工会开通职工法律援助热线，全年接听咨询430个，让职工以轻松愉快的心态投入工作。"
    assert _claims(HOTLINE, text) == []


def test_a_standard_named_by_a_new_person_is_still_judged():
    claims = _claims(HOTLINE, "工会开通职工法律援助热线，全年接听咨询430个，以劳模的标准要求自己。")
    assert any("劳模" in note for _, note in claims), claims


WAGES = ["协助追讨拖欠建筑工人工资，涉及工人230名", "为患慢性重大疾病的职工办理救助"]


def test_a_clipping_of_the_facts_phrase_is_no_claim():
    text = "工会协助处理欠薪问题，涉及工人230名。工会为身患重病的职工办理救助。"
    assert _claims(WAGES, text) == []


def test_a_worker_of_another_trade_is_still_an_object():
    facts = ["举办电工技能比武，参赛电工84名"]
    claims = _claims(facts, "工会举办电工技能比武，参赛钳工84名。")
    assert any("钳工" in text for text, _ in claims), claims


MIXER = ["举办青年职工读书交流会4场，参加青年职工260人次"]


@pytest.mark.parametrize("effect", ["为青年职工搭建了相知相伴的平台", "为青年职工拓宽了成长渠道"])
def test_a_platform_or_channel_opened_for_people_is_an_effect(effect):
    text = f"工会举办青年职工读书交流会4场，参加青年职工260人次，{effect}。"
    assert _claims(MIXER, text) == []


@pytest.mark.parametrize("act, word", [("为青年职工搭建了篮球场", "篮球场"), ("为青年职工开辟了菜园", "菜园")])
def test_what_is_built_of_its_own_is_still_a_claim(act, word):
    claims = _claims(MIXER, f"工会举办青年职工读书交流会4场，参加青年职工260人次，{act}。")
    assert any(word in text for text, _ in claims), claims


PATROL = ["组织职工开展消防隐患排查，查找隐患问题58项"]


def test_a_quoted_figure_with_a_numeral_in_a_dictionary_word_is_a_figure():
    text = "工会组织职工开展消防隐患排查，查找隐患问题58项，以职工的“千里眼”守护单位平安。"
    assert _claims(PATROL, text) == []


def test_a_quoted_formula_with_a_numeral_is_still_a_name():
    claims = _claims(PATROL, "工会组织职工开展消防隐患排查，查找隐患问题58项，并推行“五个一”工作法。")
    assert any("五个一" in text for text, _ in claims), claims


TEAMS = ["组建青年突击队9支，承担重点工程攻坚任务"]


@pytest.mark.parametrize("text", [
    "9支青年突击队投身重点工程攻坚任务。",  # 投身 (jieba: n; 词林: an act) before the thing it acts on
    "工会组建青年突击队9支，投身重点工程攻坚任务。",
])
def test_an_act_jieba_reads_as_a_noun_is_no_object(text):
    assert not [c for c in _claims(TEAMS, text) if c[1].startswith("对象")]


@pytest.mark.parametrize("text, word", [
    ("工会组建夜班青年突击队9支，承担重点工程攻坚任务。", "夜班"),  # qualifies people
    ("工会组建青年突击队9支，承担重点工程攻坚任务，为队员办理住院医疗互助保障。", "住院"),  # qualifies an act
])
def test_an_act_word_that_qualifies_people_or_an_act_is_still_named(text, word):
    claims = _claims(TEAMS, text)
    assert any(word in text for text, _ in claims), claims


WAGES_UP = ["完成工资集体协商，一线职工月平均工资增长4.1%"]


@pytest.mark.parametrize("text, status", [
    ("完成工资集体协商，一线职工年平均工资增长4.1%。", "mismatch"),  # another period: another figure
    ("完成工资集体协商，一线职工月均工资增长4.1%。", "supported"),
    ("完成工资集体协商，一线职工月平均工资增长4.1%。", "supported"),
])
def test_the_period_of_a_rate_is_part_of_its_item(text, status):
    (hit,) = check(WAGES_UP, text, lexicon=LEX).numbers
    assert hit.status == status, hit.note
