"""Numbers bound to their items; approximations round the fact's own value; ordinals only when stated."""

from __future__ import annotations

import pytest

from drafter.numcheck import check, extract_numbers

SWAP_FACTS = ["春节期间走访慰问困难职工86户", "为32户单亲家庭送去慰问品"]


def hits(result):
    return [(h.text, h.status, h.fact_line) for h in result.numbers]


def test_numbers_swapped_between_items_are_mismatches_naming_their_facts():
    result = check(SWAP_FACTS, "走访慰问困难职工32户，为86户单亲家庭送去慰问品。")
    assert hits(result) == [("32户", "mismatch", 2), ("86户", "mismatch", 1)]
    first = result.numbers[0]
    assert first.item == "走访慰问困难职工" and first.fact_item == "单亲家庭"
    assert first.note.startswith("32户 在第2行事实中是'单亲家庭'，此处写成了'走访慰问困难职工'")
    assert not result.ok


def test_numbers_on_their_own_items_are_supported_with_both_items():
    result = check(SWAP_FACTS, "走访慰问困难职工86户，为32户单亲家庭送去慰问品。")
    assert hits(result) == [("86户", "supported", 1), ("32户", "supported", 2)]
    assert [(h.item, h.fact_item) for h in result.numbers] == [
        ("走访慰问困难职工", "春节期间走访慰问困难职工"), ("单亲家庭", "单亲家庭")]
    assert result.ok


def test_same_people_count_on_an_unrelated_item_is_a_mismatch():
    [hit] = check(["走访困难职工86人"], "新发展会员86人").numbers
    assert (hit.status, hit.fact_line) == ("mismatch", 1)
    assert hit.note == "86人 在第1行事实中是'走访困难职工'，此处写成了'新发展会员'，对象不同"  # the counted thing's role


@pytest.mark.parametrize("draft", ["举办安全知识竞赛1场，300余名职工踊跃参与", "举办安全知识竞赛1场，300余名职工积极参赛",
                                   "举办安全知识竞赛1场，300余名职工纷纷报名参加"])
def test_an_adverb_after_the_counted_people_is_not_their_item(draft):
    # a hand-written paragraph in a strong model's style: 300余名职工踊跃参与 counts 职工, as the fact's 参赛职工 does
    result = check(["举办安全知识竞赛1场，参赛职工300余人"], draft)
    assert result.ok, [(h.text, h.note) for h in result.numbers]
    assert not check(["举办安全知识竞赛1场，参赛职工300余人"], "举办安全知识竞赛1场，300余名会员积极参与").ok


def test_a_percentage_on_another_rate_is_a_mismatch():
    # a real local-model draft (tests/data/faithful_drafts.json, annual_2025 raw) copied these rates from a reference
    facts = ["召开二届三次职工代表大会，收集职工提案37件，办结率100%", "组织全体教职工健康体检，体检率达到98.5%"]
    result = check(facts, "建会率100%，职工入会率100%，会费收缴率100%。")
    assert [(h.status, h.item, h.fact_item) for h in result.numbers] == [
        ("mismatch", "建会率", "办结率"), ("mismatch", "职工入会率", "办结率"), ("mismatch", "会费收缴率", "办结率")]
    same = check(facts, "提案办结率100%，参检率98.5%。")
    assert [h.status for h in same.numbers] == ["supported"] * 2


def test_values_of_one_fact_line_stay_on_their_items():
    facts = ["全年新发展会员126人，会员总数达到1842人"]
    assert check(facts, "全年新发展会员126人，会员总数达到1842人。").ok
    assert check(facts, "全年新发展会员1842人，会员总数达到126人。").numbers[0].status == "mismatch"


def test_rephrased_item_sharing_words_stays_supported():
    assert check(["组织312人参加职工运动会"], "312名职工参加了职工运动会").ok
    assert check(["发放慰问金12.6万元"], "为困难职工发放慰问金共计12.6万元").ok


@pytest.mark.parametrize("draft", ["约300人参加", "300余人参加", "近300人参加", "300多人参加", "超过300人参加"])
def test_approximation_that_rounds_the_fact_is_supported(draft):
    assert check(["组织312人参加"], draft).ok


@pytest.mark.parametrize("draft", ["约340人参加", "约330人参加", "320余人参加", "近350人参加", "约400人参加"])
def test_approximation_that_moves_the_fact_is_a_mismatch(draft):
    [hit] = check(["组织312人参加"], draft).numbers
    assert (hit.status, hit.fact_line) == ("mismatch", 1)


def test_percent_phrase_span_is_whole_and_rounds():
    [m] = extract_numbers("满意率约百分之九十")
    assert m.text == "约百分之九十"
    assert check(["满意率88.5%"], "满意率约百分之九十").ok
    assert not check(["满意率83.5%"], "满意率约百分之九十").ok


def test_er_ci_and_liang_ci_are_two_times():
    for text in ("开展二次", "开展两次"):
        [m] = extract_numbers(text)
        assert (m.value, m.unit) == (2, "次")
    assert check(["经审委员会开展专项审计2次"], "经审委员会开展专项审计两次").ok


def test_ranks_are_quantities_only_when_a_fact_states_one():
    assert check(["组织312人参加比赛"], "组织312人参加比赛，首次获得第一名").numbers[-1].text == "312人"
    [_, rank] = check(["组织312人参加比赛，获得第二名"], "组织312人参加比赛，获得第一名").numbers
    assert (rank.text, rank.status) == ("第一名", "mismatch")
    assert all(h.text != "第一次" for h in check(["开展培训3次"], "第一次开展培训3次").numbers)


@pytest.mark.parametrize("fact, item", [("开展工会经费专项审计2次", "开展工会经费专项审计"),
                                        ("向基层工会下达3项", "基层工会下达"),
                                        ("共计慰问职工40人", "慰问职工")])
def test_an_item_ends_on_a_whole_word(fact, item):
    # a marker before the number (共计, 计, 达) is cut off the item, never the last character of a word (审计)
    [hit] = check([fact], fact).numbers
    assert hit.fact_item == item and hit.item == item
