"""Matching: supported / mismatch / unsupported / placeholder, missing facts, context, reports, fact usage."""

from __future__ import annotations

import pytest

from drafter.models import CheckResult
from drafter.numcheck import FactUsage, check, fact_usage, human_report, load_lexicon
from drafter.settings import Settings

FACTS = [
    "春节走访慰问困难职工86户，发放慰问金12.6万元",
    "组织312人参加职工运动会",
    "5月17日召开二届三次职代会",
]


def statuses(result: CheckResult) -> list[tuple[str, str, int | None]]:
    return [(h.text, h.status, h.fact_line) for h in result.numbers]


def test_all_supported_is_ok():
    draft = "春节期间走访慰问困难职工86户，发放慰问金12.6万元；组织312人参加职工运动会；5月17日召开二届三次职代会。"
    result = check(FACTS, draft)
    assert result.ok
    assert {s for _, s, _ in statuses(result)} == {"supported"}
    assert result.missing == []


@pytest.mark.parametrize(("fact", "draft"), [
    ("发放慰问金12.6万元", "发放慰问金126000元"), ("发放慰问金12.6万元", "发放慰问金十二万六千元"),
    ("新建职工书屋两个", "新建职工书屋2个"), ("满意率百分之九十三", "满意率93%"), ("满意率93％", "满意率百分之九十三"),
    ("培训1,200人", "培训1200人"), ("培训1，200人", "培训一千二百人"), ("培训１２００人", "培训1200名职工"),
    ("慰问1.2亿元", "慰问12000万元"), ("参加竞赛6723人", "参加竞赛6723名职工"),
])
def test_same_value_in_another_surface_form_is_supported(fact, draft):
    result = check([fact], draft)
    assert statuses(result) == [(result.numbers[0].text, "supported", 1)]
    assert result.ok


def test_mismatch_names_the_fact_line_and_reads_like_the_issue():
    draft = "走访慰问困难职工68户，发放慰问金12.6万元，组织312人参加运动会，5月17日召开二届三次职代会。"
    result = check(FACTS, draft)
    hit = result.numbers[0]
    assert (hit.text, hit.status, hit.fact_line) == ("68户", "mismatch", 1)
    assert hit.note == "第1行事实为 86户，初稿写成 68户"
    assert not result.ok
    assert [m.fact_line for m in result.missing] == [1]


def test_session_numbers_must_match():
    result = check(["召开二届三次职代会，审议通过集体合同"], "召开二届四次职代会，审议通过集体合同")
    assert statuses(result) == [("二届四次", "mismatch", 1)]


def test_number_in_no_fact_is_unsupported():
    result = check(FACTS[:1], "走访慰问困难职工86户，发放慰问金12.6万元，新增会员45人。")
    assert statuses(result)[-1] == ("45人", "unsupported", None)
    assert not result.ok


def test_placeholders_are_always_reported():
    result = check(["20xx年慰问职工86户"], "20xx年慰问职工86户，发放XX万元")
    assert [(h.text, h.status) for h in result.numbers] == [("20xx年", "placeholder"), ("86户", "supported"),
                                                            ("XX万元", "placeholder")]
    assert not result.ok


def test_approximate_draft_number_is_supported_by_the_exact_fact_it_rounds():
    result = check(["组织312人参加职工运动会"], "300余人参加了职工运动会")
    [hit] = result.numbers
    assert (hit.status, hit.fact_line) == ("supported", 1)
    assert "rounded" in hit.note and "312人" in hit.note
    assert result.ok


def test_exact_draft_number_is_not_supported_by_an_approximate_fact_of_another_value():
    result = check(["参赛人数达380多人"], "参赛人数达385人")
    assert result.numbers[0].status != "supported"
    assert not result.ok


@pytest.mark.parametrize(("fact", "draft"), [
    ("组织312人参加", "约300人参加"), ("组织312人参加", "300多人参加"), ("慰问金11.8万元", "慰问金十余万元"),
    ("观看演出296人", "观众近300人"), ("参加培训2500人次", "参加培训2千余人次"),
])
def test_rounded_forms(fact, draft):
    assert check([fact], draft).ok


def test_approximation_that_does_not_cover_the_fact_is_not_supported():
    assert check(["组织312人参加"], "组织200余人参加").numbers[0].status == "mismatch"


def test_dropped_fact_is_missing_once_with_its_text():
    result = check(FACTS, "走访慰问困难职工86户，组织312人参加职工运动会。")
    assert [(m.fact_line, m.text) for m in result.missing] == [(1, FACTS[0]), (3, FACTS[2])]


def test_fact_lines_are_positions_among_cleaned_facts():
    facts = ["", "- 春节走访慰问困难职工86户", "  ", "2. 组织312人参加职工运动会", "（3）新建职工书屋2个"]
    result = check(facts, "走访慰问困难职工86户，组织312人参加职工运动会，新建职工书屋3个")
    assert [(h.text, h.fact_line) for h in result.numbers] == [("86户", 1), ("312人", 2), ("3个", 3)]
    assert result.numbers[2].status == "mismatch"
    assert [m.text for m in result.missing] == ["新建职工书屋2个"]


def test_context_supports_but_is_never_missing():
    context = ["2025年", "XX市总工会", "明年新建书屋5个"]
    result = check(["慰问困难职工86户"], "2025年，慰问困难职工86户。", context=context)
    year = result.numbers[0]
    assert (year.status, year.fact_line, year.note) == ("supported", None, "见于期间/背景信息")
    assert result.ok and result.missing == []


def test_year_of_a_date_may_come_from_the_period():
    result = check(["5月17日召开职代会"], "2025年5月17日召开职代会", context=["2025年"])
    assert statuses(result) == [("2025年5月17日", "supported", 1)]
    assert not check(["5月17日召开职代会"], "2025年5月18日召开职代会", context=["2025年"]).ok


def test_empty_facts_give_not_ok_and_every_number_unsupported_with_a_note():
    result = check([], "走访慰问困难职工86户，发放慰问金12.6万元")
    assert not result.ok
    assert [h.status for h in result.numbers] == ["unsupported", "unsupported"]
    assert all("没有提供事实" in h.note for h in result.numbers)
    assert not check([], "没有数字的初稿").ok


def test_empty_draft_gives_every_fact_with_numbers_missing():
    result = check(FACTS + ["加强职工之家建设"], "")
    assert [m.fact_line for m in result.missing] == [1, 2, 3]
    assert result.numbers == [] and not result.ok


def test_offsets_index_the_untrimmed_draft():
    draft = "\n\n  一、概况\n　　走访慰问困难职工８６户。"
    [hit] = check(["走访慰问困难职工86户"], draft).numbers
    assert draft[hit.start:hit.end] == hit.text == "８６户"


def test_human_report_lists_each_problem_in_chinese():
    draft = "走访慰问困难职工68户，发放XX万元，新增会员45人。"
    result = check(FACTS, draft)
    report = human_report(FACTS, draft, result)
    assert "第1行事实为 86户，初稿写成 68户" in report
    assert "45人" in report and "XX万元" in report
    assert "【68户⚠不符】" in report
    assert "第3行事实" in report and "5月17日" in report
    assert "通过" in human_report(["86户"], "86户", check(["86户"], "86户"))


def test_fact_usage_links_facts_to_draft_spans():
    facts = FACTS[:2] + ["加强职工之家建设，丰富职工文化生活"]
    draft = "走访慰问困难职工86户。我们加强了职工之家建设，丰富了职工文化生活。"
    usage = fact_usage(facts, draft, check(facts, draft))
    assert all(isinstance(u, FactUsage) for u in usage)
    assert [(u.fact_line, u.used) for u in usage] == [(1, True), (2, False), (3, True)]
    start, end = usage[0].spans[0]
    assert draft[start:end] == "86户"
    start, end = usage[2].spans[0]
    assert "职工之家" in draft[start:end]


def test_extra_lexicon_file_masks_user_words(tmp_path):
    assert check(["慰问86户"], "慰问86户，推行6S管理").numbers[-1].text == "6"
    extra = tmp_path / "mine.txt"
    extra.write_text("# 本单位的固定说法\n6S管理\n", encoding="utf-8")
    result = check(["慰问86户"], "慰问86户，推行6S管理", lexicon=load_lexicon(extra))
    assert result.ok


def test_settings_field_for_the_extra_lexicon(tmp_path):
    path = tmp_path / "x.toml"
    assert Settings(numbers_lexicon=path, _env_file=None).numbers_lexicon == path
    assert "numbers_lexicon" in Settings.model_fields and Settings.model_fields["numbers_lexicon"].description


MODEL_LIKE_DRAFT = """# 东海公司工会2025年工作总结

2025年，公司工会坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大和二十届三中全会精神，\
团结带领广大职工建功立业。现将一年来的工作总结如下。

## 一、扎实开展送温暖活动

**（一）精准帮扶困难职工。** 春节期间，工会班子成员深入生产一线，走访慰问困难职工86户，发放慰问金12.6万元。\
一是建立帮扶台账，二是实行一户一策。

## 二、丰富文体活动

组织312人参加职工运动会，进一步增强了职工的凝聚力。工会做到一手抓生产、一手抓服务，在“十四五”收官之年交出了满意答卷。

## 三、存在的问题和下一步打算

回顾过去的一年，工作中还存在一些不足。下一步，我们将一如既往，千方百计为职工办实事，为“十五五”良好开局贡献力量。
"""


def test_typical_model_prose_raises_no_false_alarm():
    result = check(FACTS[:2], MODEL_LIKE_DRAFT, context=["2025年", "东海公司工会"])
    assert [(h.text, h.status) for h in result.numbers if h.status != "supported"] == []
    assert result.ok


def test_quarter_must_match():
    assert check(["一季度慰问职工86户"], "2025年第一季度慰问职工86户", context=["2025年"]).ok
    hit = check(["一季度慰问职工86户"], "第二季度慰问职工86户").numbers[0]
    assert (hit.status, hit.fact_line) == ("mismatch", 1)


def test_same_value_in_another_unit_group_is_a_mismatch():
    [hit] = check(["全年参加培训2500人次"], "全年参加培训2500人").numbers
    assert (hit.status, hit.fact_line) == ("mismatch", 1)
    assert hit.note == "第1行事实为 2500人次，初稿写成 2500人"


def test_result_is_a_valid_contract_object():
    draft = ("2025年5月17日召开二届三次职代会，走访慰问困难职工68户，发放慰问金十余万元，满意率百分之九十三，"
             "三分之二的职工参加，获得第一名，一季度历时3个多月，XX万元，1—10月。")
    result = check(FACTS, draft, context=["2025年"])
    again = CheckResult.model_validate_json(result.model_dump_json())
    assert again == result
    for hit in result.numbers:
        assert hit.value is None or type(hit.value) is float
        assert isinstance(hit.start, int) and isinstance(hit.end, int) and draft[hit.start:hit.end] == hit.text
        assert hit.status in ("supported", "mismatch", "unsupported", "placeholder")


def test_text_instead_of_a_list_is_read_as_lines():
    result = check("- 走访86户\n2. 组织312人参加", "走访86户，组织312人参加", context="2025年")
    assert result.ok
    assert check(["走访86户"], "2025年走访86户", context="2025年").ok


def test_edited_lexicon_file_is_reloaded(tmp_path):
    extra = tmp_path / "mine.txt"
    extra.write_text("6S管理\n", encoding="utf-8")
    assert check(["慰问86户"], "慰问86户，推行6S管理", lexicon=load_lexicon(extra)).ok
    extra.write_text("# 清空\n", encoding="utf-8")
    import os
    os.utime(extra, ns=(1, 1))
    assert not check(["慰问86户"], "慰问86户，推行6S管理", lexicon=load_lexicon(extra)).ok


@pytest.mark.parametrize(("fact", "draft"), [
    ("2025年度慰问职工86户", "2025年慰问职工86户"), ("2025年慰问职工86户", "2025年度慰问职工86户"),
    ("11月底完成换届", "11月底完成换届"), ("2024年至2025年开展活动", "2024年至2025年开展活动"),
])
def test_date_forms(fact, draft):
    assert check([fact], draft).ok
