"""Added qualifiers inside a number's clause (drafter.numcheck.added, issue 19): the item check reads what a draft
drops from a fact's item; these read what it adds, and name the role (对象)."""

import pytest

from drafter.numcheck import check

ADDED = [
    (["春节慰问困难职工126户，发放慰问金25.2万元"], "春节期间走访慰问因病致困职工126户，发放慰问金25.2万元。", "因病致困"),
    (["开展安全隐患排查，发现隐患87处，整改87处"], "深入开展安全隐患排查，共发现重大隐患87处，已全部整改到位。", "重大"),
    (["新建基层工会组织12个，新发展会员860人"], "新建基层工会组织12个，新发展快递员会员860人。", "快递员"),
    (["举办职工健步走活动，参加职工1100人"], "举办职工健步走活动，1100名职工和社区居民踊跃参与。", "社区居民"),
    (["组织一线职工疗休养5批，参加职工200人"], "分5批组织一线职工疗休养，共有200名劳模和先进职工参加。", "先进"),
    (["提出审计整改建议17条，已整改15条"], "针对发现的问题提出财务制度整改建议17条，目前已整改15条。", "财务制度"),
    (["召开七届三次职代会，审议通过《集体合同》等5项议案"],
     "召开七届三次职代会，审议通过《集体合同》《薪酬改革方案》等5项议案。", "《薪酬改革方案》"),
]


@pytest.mark.parametrize("facts,draft,word", ADDED, ids=[w for _, _, w in ADDED])
def test_a_qualifier_added_inside_a_numbers_clause_is_an_object_claim(facts, draft, word):
    result = check(facts, draft)
    notes = [c.note for c in result.claims if word in c.text]
    assert any(n.startswith(f'对象"{word}"事实中没有') for n in notes), result.claims


KEPT = [
    (["开展安全隐患排查，发现隐患87处，整改87处"], "深入开展安全隐患排查，共发现各类隐患87处，已全部整改87处。"),
    (["为患大病职工23人送去救助金17.5万元"], "为23名患大病职工送去救助金17.5万元。"),
    (["调解劳动争议案件14件，帮助职工追回欠薪38万元"], "成功调解劳动争议案件14件，帮助职工追回欠薪38万元。"),
    (["上报隐患312条，整改312条，整改率100%"], "全年职工上报隐患312条，全部整改到位，整改312条，整改率达100%。"),
    (["征集职工代表提案27件，立案19件"], "广泛征集职工代表提案27件，经审查立案19件。"),
    (["组织文艺汇演，演出节目15个"], "组织职工文艺汇演，演出节目15个，精彩纷呈。"),
]


@pytest.mark.parametrize("facts,draft", KEPT, ids=[d[:8] for _, d in KEPT])
def test_a_numbers_clause_in_the_facts_words_names_no_added_object(facts, draft):
    result = check(facts, draft)
    assert not [c for c in result.claims if c.note.startswith("对象")], result.claims


def test_the_held_out_set_that_drove_these_rules_keeps_its_figures():
    """Floors at the figures measured after session 10's rules on tests/data/strong_heldout6.json (docs/check_rules.md): before
    them it caught 10 of 19 objects and 10 of 12 times, with 14 of 26 faithful paragraphs flagged."""
    from tests.strong_set import HELDOUT6, measure

    figures = measure(check, HELDOUT6)
    caught = figures["caught"]
    assert caught["object"] >= 17 and caught["time"] >= 12 and caught["actor"] >= 13, figures
    assert caught["faithful"] <= 13, figures["flagged"]
