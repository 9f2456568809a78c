"""Numerals inside ordinary words (issue 19, strong-model wording): 队伍 before a figure, reduplicated measure words."""

from drafter.numcheck import check, extract_numbers


def test_a_figure_after_dui_wu_is_read_from_its_first_digit():
    assert [(m.text, m.value) for m in extract_numbers("参赛队伍14支")] == [("14支", 14.0)]
    result = check(["组织消防技能竞赛，参赛队伍14支"], "组织消防技能竞赛，14支队伍同台竞技。")
    assert [h.status for h in result.numbers] == ["supported"] and not result.missing


def test_a_chinese_numeral_glued_to_digits_is_dropped_not_the_number():
    assert [m.text for m in extract_numbers("五14个")] == ["14个"]
    assert [m.text for m in extract_numbers("伍万元")] == ["伍万元"]  # formal numerals alone still count


def test_yi_with_a_reduplicated_measure_word_is_no_quantity():
    for text in ("用一份份心意传递温暖", "一张张笑脸", "一项项举措落到实处"):
        assert extract_numbers(text) == [], text
    assert [m.text for m in extract_numbers("发放一份慰问品")] == ["一份"]
    facts = ["为新婚职工送贺礼88份"]
    assert check(facts, "为新婚职工送上贺礼88份，用一份份心意传递温暖。").ok
