"""A short form after the full name said earlier in the paragraph (drafter.numcheck.antecedent)."""

from __future__ import annotations

from drafter.numcheck import check


def _item_notes(facts: list[str], draft: str) -> list[str]:
    return [n.note for n in check(facts, draft).numbers if n.status != "ok" and n.note]


def test_a_head_after_the_full_name_keeps_the_item():
    facts = ["举办“安全生产月”知识竞赛3场"]
    draft = "“安全生产月”知识竞赛反响热烈。工会先后举办知识竞赛3场，职工参与踊跃。"
    assert check(facts, draft).ok, _item_notes(facts, draft)


def test_two_left_out_words_in_a_row_are_one_run():
    facts = ["建成“职工温馨驿站”15个"]
    draft = "“职工温馨驿站”建设有序推进。全年建成驿站15个，方便了户外职工歇脚。"
    assert check(facts, draft).ok, _item_notes(facts, draft)


def test_without_the_full_name_before_the_short_form_is_still_flagged():
    facts = ["举办“安全生产月”知识竞赛3场"]
    draft = "工会重视安全宣传。工会先后举办知识竞赛3场，职工参与踊跃。"
    assert not check(facts, draft).ok


def test_the_full_name_in_another_paragraph_does_not_count():
    facts = ["举办“安全生产月”知识竞赛3场"]
    draft = "“安全生产月”活动扎实开展。\n工会先后举办知识竞赛3场，职工参与踊跃。"
    assert not check(facts, draft).ok


def test_a_short_form_that_adds_a_word_of_its_own_is_still_flagged():
    facts = ["举办“安全生产月”知识竞赛3场", "举办消防技能比武2场"]
    draft = "“安全生产月”知识竞赛反响热烈。工会先后举办消防知识竞赛3场。"
    assert not check(facts, draft).ok


def test_a_kept_part_that_is_another_facts_own_name_is_a_swap_not_a_short_form():
    facts = ["上半年收到安全隐患改善提案1005件", "改善提案737件"]
    draft = "上半年收到安全隐患改善提案737件；改善提案1005件。"
    numbers = {n.text: n.status for n in check(facts, draft).numbers}
    assert numbers["1005件"] != "supported" and numbers["737件"] != "supported"
