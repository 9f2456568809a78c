"""Rates and totals a draft works out from the facts, and 一 as an article (drafter.numcheck.derived)."""

import pytest

from drafter.numcheck.match import check

SUGGESTIONS = ["召开厂务公开民主管理会议4次", "公开事项56项，收集职工意见建议73条，已办结68条"]
VISITS = ["春节慰问困难职工86户", "七一前夕慰问生活困难老党员30户"]


def _hit(result, text):
    return next(h for h in result.numbers if h.text == text)


def test_a_rate_worked_out_from_one_fact_is_supported_and_shows_its_arithmetic():
    hit = _hit(check(SUGGESTIONS, "收集职工意见建议73条，已办结68条，办结率达93.2%。"), "93.2%")
    assert hit.status == "supported" and hit.fact_line == 2
    assert "68" in hit.note and "73" in hit.note and "÷" in hit.note


@pytest.mark.parametrize("rate", ["93%", "93.15%", "百分之九十三"])
def test_a_rate_is_read_at_its_own_precision(rate):
    assert _hit(check(SUGGESTIONS, f"已办结68条，办结率达{rate}。"), rate).status == "supported"


@pytest.mark.parametrize("rate", ["95.2%", "93.3%", "94%"])
def test_a_rate_the_facts_do_not_give_is_still_unsupported(rate):
    assert _hit(check(SUGGESTIONS, f"已办结68条，办结率达{rate}。"), rate).status != "supported"


def test_a_rate_on_words_no_fact_number_shares_is_not_proved_by_chance():
    # 68/73 is 93.2%, but the clause speaks of attendance, which no number of the fact shares
    assert _hit(check(SUGGESTIONS, "职工出勤率达93.2%。"), "93.2%").status != "supported"


def test_a_total_after_gong_is_the_sum_of_fact_numbers():
    hit = _hit(check(VISITS, "春节慰问困难职工86户，七一前夕慰问生活困难老党员30户，全年共慰问116户。"), "116户")
    assert hit.status == "supported" and "86户" in hit.note and "30户" in hit.note


def test_a_wrong_total_and_an_unmarked_sum_are_flagged():
    assert _hit(check(VISITS, "全年共慰问118户。"), "118户").status != "supported"
    assert _hit(check(VISITS, "全年慰问116户。"), "116户").status != "supported"  # no 共/合计: not a total


@pytest.mark.parametrize("draft", ["工会把送清凉活动作为一件实事来抓，慰问一线职工2,360人次。",
                                   "慰问一线职工2,360人次，这是一次生动的实践。",
                                   "工会把送清凉活动作为关心关爱职工的一件实事来抓，慰问一线职工2,360人次。"])
def test_yi_with_a_classifier_is_an_article(draft):
    result = check(["夏季高温期间开展送清凉活动，慰问一线职工2,360人次"], draft)
    assert [h.text for h in result.numbers] == ["2,360人次"] and result.ok


def test_yi_as_a_count_of_an_event_is_still_a_quantity_the_facts_must_give():
    result = check(["开展安全生产月活动，组织应急演练14次"], "组织应急演练14次，并组织了一次安全大检查。")
    assert _hit(result, "一次").status == "unsupported" and not result.ok


def test_yi_against_a_fact_of_another_value_is_still_a_mismatch():
    assert _hit(check(["举办安全培训3次"], "举办安全培训一次。"), "一次").status == "mismatch"


def test_the_digit_one_is_still_a_quantity():
    assert _hit(check(["举办安全培训3次"], "新建职工书屋1家。"), "1家").status == "unsupported"


def test_one_each_of_a_thing_the_facts_give_is_no_new_count():
    facts = ["为困难职工发放慰问品"]
    each = check(facts, "每户困难职工获得一份慰问品。").numbers
    assert [(h.status, h.fact_line) for h in each] == [("supported", 1)]
    assert check(facts, "为困难职工送去一份慰问品。").numbers[0].status == "unsupported"  # one in all: a count
    assert check(facts, "每户困难职工获得一份米面油。").numbers[0].status == "unsupported"  # a thing no fact gives


def test_yi_fen_before_a_word_naming_no_thing_is_figurative():
    assert check(["走访困难职工"], "为困难职工增添了一份保障。").numbers == []
    assert check(["走访困难职工"], "为困难职工送去一份慰问品。").numbers[0].status == "unsupported"
