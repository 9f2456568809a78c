"""A qualifier jieba tags as a verb or adverb, written between the word that opens the object and a given thing
(走访/退休/困难职工, 新建/非公/企业), is an added object (issue 19, added._verbal_qualifier). Sentences written for
this test."""

import pytest

from drafter.numcheck import check


@pytest.mark.parametrize("facts,draft,word", [
    (["走访困难职工86户"], "走访退休困难职工86户。", "退休"),
    (["为职工开展一对一咨询52人次"], "为倒班职工开展一对一咨询52人次。", "倒班"),
    (["新建企业工会12个"], "新建非公企业工会12个。", "非公"),
])
def test_a_verbal_qualifier_is_an_added_object(facts, draft, word):
    notes = [c.note for c in check(facts, draft).claims]
    assert any(n.startswith(f'对象"{word}"') for n in notes), notes


@pytest.mark.parametrize("facts,draft", [
    (["走访困难职工86户"], "深入走访困难职工86户。"),
    (["慰问困难职工86户"], "走访慰问困难职工86户。"),
    (["组织职工参加技能等级认定，210人取得等级证书"], "组织职工参加技能等级认定，210人取得相应等级证书。"),
    (["为退休职工发放慰问品300份"], "为退休职工发放慰问品300份。"),
])
def test_acts_manners_and_given_words_are_no_qualifiers(facts, draft):
    assert not check(facts, draft).claims


def test_an_adverb_after_the_counted_thing_is_no_qualifier():
    # 顺利 is tagged ad: a manner of 出师, not a word of the thing counted
    notes = [c.note for c in check(["开展师带徒活动，出师38人"], "开展师带徒活动，年内38名徒弟顺利出师。").claims]
    assert not any("顺利" in n for n in notes), notes
