"""A group of people is the facts' group only when the facts or the hand-written synonym data say so (issue 18).

同义词词林 puts 离休 beside 退休 and 职员 beside 干部; drafter/data/synonyms.toml says 老同志 = 退休职工. Only the
second kind of evidence makes two groups of people the same.
"""

from __future__ import annotations

from drafter.numcheck import check

FACTS = ["走访慰问困难职工132户，发放慰问金和慰问品共计31.6万元", "部分退休困难职工居住分散，走访覆盖还不够及时"]


def _notes(facts: list[str], draft: str) -> list[str]:
    return [c.note for c in check(facts, draft).claims]


def test_a_group_cilin_puts_beside_the_facts_group_is_still_another_group():
    notes = _notes(FACTS, "走访慰问困难职工和离休干部132户，发放慰问金和慰问品共计31.6万元。")
    assert any(n.startswith('对象"离休干部"事实中没有') for n in notes), notes


def test_a_group_the_synonym_file_makes_the_same_passes():
    facts = ["组织退休职工健康讲座2场，参加150人次"]
    assert _notes(facts, "组织老同志健康讲座2场，150人次参加。") == []


def test_the_facts_own_words_still_back_a_group():
    assert _notes(FACTS, "走访慰问退休困难职工，发放慰问金和慰问品共计31.6万元。") == []
