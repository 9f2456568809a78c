"""Defects a final draft must never contain, found in text (drafter/pipeline/defects.py), and the tidying of a
model's numbered reply (drafter/pipeline/cleanup.py)."""

from __future__ import annotations

import pytest

from drafter.pipeline.cleanup import numbered_lines, tidy_sentence
from drafter.pipeline.defects import (bad_opener, draft_defects, numbering_defects, sentence_artifacts, stutters,
                                      without_opener)

FACTS = ["全年新发展会员126人，会员总数达到1842人", "春节期间走访慰问困难职工86户，发放慰问金12.6万元"]
GOOD = ("某公司工会2025年工作总结\n\n2025年，工会围绕中心工作履职尽责。现将2025年工作总结如下。\n\n"
        "一、强化组织建设，会员队伍不断壮大\n工会坚持把组织建设作为基础性工作来抓。全年共发展新会员126人，会员总数达到1842人。\n\n"
        "二、扎实开展帮扶救助\n（一）走访慰问\n春节期间走访慰问困难职工86户，发放慰问金12.6万元。\n（二）长效帮扶\n"
        "工会建立了困难职工档案。\n\n今后，工会将继续做好各项工作。")


def kinds(draft: str) -> list[str]:
    return [d.kind for d in draft_defects(draft, FACTS)]


def test_a_clean_draft_has_no_defects():
    assert draft_defects(GOOD, FACTS) == []


@pytest.mark.parametrize("bad, kind", [
    ("上一稿存在以下问题，这次务必改正：漏了第5条事实：全年新发展会员126人。", "artifact"),
    ("2024年年度总结中，'扎实开展帮扶救助'这一部分的正文如下：。", "artifact"),
    ("工会**全面**推进各项工作。", "artifact"),
    ("Here is the summary of the section.", "artifact"),
    ("确保职工代表的代表性和代表性。", "stutter"),
    ("同时，工会扎实推进各项工作。", "opener"),
])
def test_each_defect_is_found(bad, kind):
    draft = GOOD.replace("工会坚持把组织建设作为基础性工作来抓。", bad + "\n", 1)
    assert kind in kinds(draft)


@pytest.mark.parametrize("bad, kind", [("全年新发展会员126人，会员总数达到1842人", "raw_fact")])
def test_a_fact_appended_raw_is_found(bad, kind):
    draft = GOOD.replace("全年共发展新会员126人，会员总数达到1842人。", "工会重视会员发展。\n" + bad, 1)
    assert kind in kinds(draft)


def test_duplicated_sentences_are_found():
    draft = GOOD.replace("工会建立了困难职工档案。", "工会坚持把组织建设作为基础性工作来抓。")
    assert kinds(draft) == ["duplicate"]


@pytest.mark.parametrize("body, count", [
    ("一、文体\n2. 组织篮球赛。\n3. 举办运动会。", 1),  # a list starting at 2
    ("一、文体\n1. 组织篮球赛。", 1),  # a lone 1.
    ("一、文体\n（二）活动效果", 2),  # a lone （二）: starts past 1, and alone
    ("一、文体\n（一）篮球\n（一）足球", 1),  # a clash
    ("一、组织\n二、帮扶\n四、文体", 1),  # a gap
])
def test_numbering_defects(body, count):
    assert len(numbering_defects(body)) >= count


def test_a_proper_hierarchy_has_no_numbering_defects():
    assert numbering_defects("一、组织\n（一）会员\n（二）分会\n1. 一分会\n2. 二分会\n二、帮扶") == []


def test_paragraphs_numbered_like_top_headings_inside_a_section_clash():
    assert numbering_defects("一、组织\n二、文体\n一、篮球赛\n二、运动会\n三、帮扶")


def test_stutters_and_openers():
    assert stutters("确保职工代表的代表性和代表性") == ["代表性和代表性"]
    assert stutters("人人参与，常常开展") == []
    assert bad_opener("此外，工会组织篮球赛。") and not bad_opener("工会组织篮球赛。")
    assert without_opener("同时，工会组织篮球赛。") == "工会组织篮球赛。"
    # held-out s002_09: a section opened on "另一方面我们通过召开客户座谈会…", a link to nothing before it
    assert without_opener("另一方面我们召开客户座谈会。") == "我们召开客户座谈会。"
    assert without_opener("不仅如此,工会还着眼于安全保障。") == "工会还着眼于安全保障。"


def test_artifacts_allow_what_the_fact_itself_says():
    fact = "审议通过《职工考勤管理办法》，推广工会APP和VR安全培训"
    assert sentence_artifacts("会议审议通过《职工考勤管理办法》。", allowed=fact) == []
    assert sentence_artifacts("工会推广VR安全培训。", allowed=fact) == []
    assert sentence_artifacts("工会推广ChatGPT写作。", allowed=fact) == ["英文"]
    assert "占位符" in sentence_artifacts("20xx年工会发展会员。")


def test_a_numbered_reply_is_read_line_by_line():
    reply = "```\n0. 工会重视组织建设。\n**1.** 全年新发展会员126人。\n2、 走访慰问困难职工86户。\n说明：以上为正文\n```"
    numbered, loose = numbered_lines(reply)
    assert numbered == {0: "工会重视组织建设。", 1: "全年新发展会员126人。", 2: "走访慰问困难职工86户。"}
    assert loose == ["说明：以上为正文"]
    assert numbered_lines("12.6万元慰问金已发放。")[0] == {}  # a decimal is no line number


@pytest.mark.parametrize("raw, tidy", [
    ("1. 工会发展会员12人", "工会发展会员12人。"),
    ("  “工会发展会员12人；”", "工会发展会员12人。"),
    ("工会发展会员12人。举办培训班。还有第三句。", "工会发展会员12人。举办培训班。"),
    ("**工会**发展会员12人.", "工会发展会员12人。"),
])
def test_tidy_sentence(raw, tidy):
    assert tidy_sentence(raw) == tidy


def test_the_writer_and_the_check_allow_the_same_latin_words():
    from drafter.numcheck import check
    from drafter.numcheck.faithlex import load_faith

    facts = ["组织职工应急救护培训120人次"]
    for word in sorted(load_faith().latin)[:40]:
        sentence = f"组织职工应急救护培训120人次，使用{word.upper()}设备。"
        in_check = any(c.kind == "artifact" for c in check(facts, sentence).claims)
        assert ("英文" in sentence_artifacts(sentence)) == in_check, word
    for word in ("ChatGPT", "Hello"):
        sentence = f"组织职工应急救护培训120人次，使用{word}设备。"
        assert "英文" in sentence_artifacts(sentence) and any(c.kind == "artifact" for c in check(facts, sentence).claims)
