"""Short forms and figures of speech (issue 19): words the facts give in other letters are given words.

A short form made of the first characters of the facts' words (经费|审查|委员会 -> 经审会, 安全|生产|委员会 ->
安委会) is the facts' phrase (drafter.numcheck.support.Support.short_forms); a short quoted phrase that nothing
names as an activity or title (诠释了“职工之家”的温度, 安全监督的“前哨”更加敏锐) is a figure of speech, not a name
(drafter.numcheck.names)."""

import pytest

from drafter.numcheck import check
from drafter.numcheck.support import Support

SHORT = [
    (["召开经费审查委员会会议2次，审查经费收支"], "召开经审会会议2次，审查经费收支。"),
    (["召开安全生产委员会会议4次，研究职工安全问题"], "召开安委会会议4次，研究职工安全问题。"),
    (["组织职工技能竞赛，参赛职工320人"], "组织职技竞赛，参赛职工320人。"),
]


@pytest.mark.parametrize("facts,draft", SHORT, ids=["经审会", "安委会", "职技"])
def test_a_short_form_of_the_facts_words_is_given(facts, draft):
    assert not check(facts, draft).claims


def test_short_forms_come_from_nouns_only():
    forms = Support(["开展工会经费审查审计"], []).short_forms
    assert "经审" in forms and "开工" not in forms  # 开展 is a verb: 开展|工会 gives no 开工


FIGURES = [
    (["春节慰问困难职工126户，发放慰问金25.2万元"],
     "春节慰问困难职工126户，发放慰问金25.2万元，用实际行动诠释了“职工之家”的温度。"),
    (["培训群众安全监督员95人"], "培训群众安全监督员95人，让安全监督的“前哨”更加敏锐。"),
]


@pytest.mark.parametrize("facts,draft", FIGURES, ids=["职工之家", "前哨"])
def test_a_short_quoted_figure_of_speech_is_no_name(facts, draft):
    assert not check(facts, draft).claims


NAMES = [
    (["建成户外劳动者服务驿站6个"], "建成户外劳动者服务驿站6个，其中2个驿站被授予“最美工会驿站”称号。", "最美工会驿站"),
    (["开展读书分享会6场"], "开展读书分享会6场，举办“书香职工”征文比赛。", "书香职工"),
    (["开展读书分享会6场"], "开展读书分享会6场，开展“书香职工”。", "书香职工"),
]


@pytest.mark.parametrize("facts,draft,name", NAMES, ids=["称号", "比赛", "开展"])
def test_a_quoted_name_of_an_activity_or_title_stays_a_claim(facts, draft, name):
    assert any(name in c.text for c in check(facts, draft).claims)
