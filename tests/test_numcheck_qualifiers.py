"""Items kept (drafter.numcheck.qualifiers): a supported value on an item that lost a qualifier or changed its
head noun is a mismatch with a Chinese note; legitimate rewordings pass."""

from __future__ import annotations

import pytest

from drafter.numcheck import check
from drafter.numcheck.faithlex import build, load_faith
from drafter.numcheck.qualifiers import missing_words


def _hit(fact: str, draft: str):
    result = check([fact], draft)
    assert len(result.numbers) == 1
    return result.numbers[0]


@pytest.mark.parametrize("fact, draft, missing", [
    ("全年工会经费收入215.3万元", "工会全年共收入215.3万元", "经费"),
    ("会员总数1842人", "职工总数1842人", "会员"),
    ("新建职工活动室3个", "新建活动室3个", "职工"),
    ("走访慰问困难职工86户", "走访慰问职工86户", "困难"),
    ("领取互助补助金8000元", "领取奖励8000元", "互助"),
])
def test_dropped_qualifier_or_changed_head_is_a_mismatch(fact, draft, missing):
    hit = _hit(fact, draft)
    assert hit.status == "mismatch"
    assert hit.fact_line == 1 and hit.fact_item
    assert f"少了'{missing}" in hit.note and "第1行事实" in hit.note


def test_the_note_names_the_replacement():
    assert "多了'职工'" in _hit("会员总数1842人", "职工总数1842人").note


@pytest.mark.parametrize("fact, draft", [
    ("全年新发展会员126人", "全年共发展新会员126人"),
    ("参赛职工312人次", "312人次职工参赛"),
    ("发放慰问金12.6万元", "送去慰问金12.6万元"),
    ("走访慰问困难职工86户", "走访慰问了困难职工86户"),
    ("为32户单亲家庭送去慰问品", "为单亲家庭送去慰问品，共32户"),
    ("组织女职工“两癌”免费筛查，共筛查女职工347人", "组织女职工“两癌”免费筛查，共筛查347人"),
    ("全年工会经费收入215.3万元", "全年工会经费收入215.3万元"),
    ("参赛职工312人次", "参赛员工312人次"),
])
def test_rewordings_pass(fact, draft):
    assert _hit(fact, draft).status == "supported"


def test_any_proving_fact_that_keeps_its_item_suffices():
    result = check(["走访困难职工5户", "慰问劳模5户"], "慰问劳模5户，走访困难职工5户")
    assert [h.status for h in result.numbers] == ["supported", "supported"]


def test_a_one_character_qualifier_is_a_known_limit():
    assert _hit("女职工参加体检520人", "职工参加体检520人").status == "supported"


def test_user_words_extend_the_ignore_list():
    lex = load_faith()
    assert missing_words("慰问困难职工", "慰问职工86户", lex) == ["困难"]
    assert missing_words("慰问困难职工", "慰问职工86户", build({"items": {"ignore": ["困难"]}})) == []
