"""Number items reworded by a strong model (issue 19, session 20 h1): a near head word, a verb with its result, the
fact's act said after the count, a joined clause that only adds a verb a rewording may drop.

Each faithful case fails without its rule; each has an invented twin that still changes what the number counts
(another thing, another fact's act, a word of its own) and stays flagged."""

import pytest

from drafter.numcheck import check

_FAIR = "举办职工创新成果展，展出职工创新成果86项"


def _result(facts, draft, text):
    result = check(facts, draft)
    hits = [h for h in result.numbers if h.text == text]
    assert hits, f"{text} not read in {draft}"
    return hits[0], result


@pytest.mark.parametrize("facts, draft, text", [
    (["发放防暑用品价值9万元"], "工会向一线职工发放防暑物品9万元。", "9万元"),  # 物品: the generic word of 用品's class
    (["帮扶困难职工子女就学，发放助学金23万元"], "为困难职工子女发放助学资金23万元。", "23万元"),  # the long form of 助学金
    (["为困难职工发放生活救助金48万元"], "为困难职工发放生活救助资金48万元。", "48万元"),
    (["为变电运维班组配送防暑降温物资价值18万元"], "并为变电运维班组备好18万元防暑降温物资。", "18万元"),  # 备好: a verb
])
def test_near_head_and_verb_with_result_are_no_change(facts, draft, text):
    hit, result = _result(facts, draft, text)
    assert hit.status == "supported"
    assert not result.claims


@pytest.mark.parametrize("facts, draft, text", [
    (["发放慰问金48万元"], "工会发放慰问品48万元。", "48万元"),  # money -> a thing (慰问品 is no generic word)
    (["发放防暑用品价值9万元"], "工会向一线职工发放防暑礼品9万元。", "9万元"),  # 礼品: another class of things
    (["为变电运维班组配送防暑降温物资价值18万元"], "并为变电运维班组备好18万元防暑降温药品。", "18万元"),  # the head
])
def test_another_head_stays_flagged(facts, draft, text):
    hit, result = _result(facts, draft, text)
    assert hit.status == "mismatch" or result.claims


def test_act_said_after_the_count_is_supported_and_listed():
    draft = "工会举办职工创新成果展，86项职工创新成果集中亮相。"
    hit, result = _result([_FAIR], draft, "86项")
    assert hit.status == "supported"
    assert [c.kind for c in result.unverified if c.start <= hit.start < c.end] == ["item"]
    assert "展出" in result.unverified[0].note


@pytest.mark.parametrize("facts, draft, text", [
    ([_FAIR], "工会举办职工创新成果展，86项职工专利成果集中亮相。", "86项"),  # a word of its own: another thing
    (["展出职工创新成果86项", "鉴定职工创新成果12项"], "工会举办成果展，86项职工创新成果集中鉴定。", "86项"),  # another fact's act
    (["安装健身器材40件"], "拆除健身器材40件。", "40件"),  # the act replaced before the count
    (["开展班组民主评议，参评职工代表86人"], "开展班组民主评议，86名职工代表列席。", "86名"),  # what people did
])
def test_act_changed_around_the_count_stays_mismatch(facts, draft, text):
    hit, _ = _result(facts, draft, text)
    assert hit.status == "mismatch"


_REST = ["举办职工创新成果展，展出职工创新成果86项", "组织职工疗休养，安排一线职工疗休养320人"]


def test_joined_clause_adding_only_a_dropped_verb_is_no_new_act():
    result = check(_REST, "工会通过职工创新成果展集中展示了86项职工创新成果，并安排320名一线职工参加疗休养。")
    assert not result.claims


@pytest.mark.parametrize("draft", ["工会举办成果展，并组织职工参观学习。", "工会举办成果展，并安排职工参加马拉松。"])
def test_joined_clause_with_an_act_of_its_own_stays_claimed(draft):
    assert any(c.note.startswith('活动"') for c in check(_REST, draft).claims)
