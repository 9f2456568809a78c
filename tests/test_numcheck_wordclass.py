"""Roles are filled only by words of the right class (issue 19, items 3 and 4; drafter.numcheck.wordclass).

A clause whose new words are all abstract things, features, mental acts, changes or states fills no role and is
frame; a new person, thing, place, institution or piece of work keeps it a claim. A verb that is the clause's
own predicate (前来, 开设) is never an added object. Sentences written for these tests, not taken from the sets.
"""

import pytest

from drafter.numcheck import check
from drafter.numcheck.wordclass import action_word, concrete, work_act

FACTS = ["走访慰问困难职工36户，发放慰问金5万元"]
BASE = "工会走访慰问困难职工36户，发放慰问金5万元。{}。"


@pytest.mark.parametrize("word", ["家属", "子女", "律师", "雨衣", "宿舍", "食堂", "团委", "高校", "工伤", "黄山脚下",
                                  "先进单位", "亲子游"])
def test_people_things_places_and_bodies_are_concrete(word):
    assert concrete(word)


@pytest.mark.parametrize("word", ["认同感", "技能", "素养", "幸福指数", "转型升级", "劳动经济", "敞开大门", "实际行动",
                                  "他们", "气氛", "求学路"])
def test_abstract_things_features_and_verb_phrases_are_not(word):
    assert not concrete(word)


@pytest.mark.parametrize("word", ["开设", "前来", "确诊", "观摩", "精心策划", "转型升级"])
def test_acts_and_states_are_action_words(word):
    assert action_word(word)


@pytest.mark.parametrize("word", ["核算", "述职", "郊游", "实行"])
def test_pieces_of_work_are_work_acts(word):
    assert work_act(word)


@pytest.mark.parametrize("word", ["增强", "升级", "认同感", "幸福指数", "家属"])
def test_changes_states_and_things_are_not_work_acts(word):
    assert not work_act(word)


@pytest.mark.parametrize("clause", [
    "困难职工对工会组织的认同感和归属感明显增强",
    "困难职工的幸福指数不断",
    "困难职工的精神面貌明显好转",
    "职工群众的安全感和获得感持续增强",
    "企业劳动关系的和谐指数稳步上升",
    "工会组织的公信力和影响力不断扩大",
])
def test_a_clause_naming_only_abstract_things_is_frame(clause):
    assert check(FACTS, BASE.format(clause)).claims == []


@pytest.mark.parametrize("clause, word", [
    ("慰问组还带去了米面油", "米面油"),
    ("市慈善总会全程参与", "慈善总会"),
    ("困难职工的住房条件有了改善", "住房"),
])
def test_a_clause_naming_a_new_thing_or_body_stays_a_claim(clause, word):
    claims = check(FACTS, BASE.format(clause)).claims
    assert any(word in c.text for c in claims)


@pytest.mark.parametrize("facts, draft, verb", [
    (["举办职工技能提升培训班18期"], "全年开设技能提升培训班18期。", "开设"),
    (["接待职工来访咨询312人次"], "312人次职工前来咨询。", "前来"),
    (["举办职工书法培训班6期"], "全年开设职工书法培训班6期。", "开设"),
])
def test_the_clause_verb_is_never_an_added_object(facts, draft, verb):
    notes = [c.note for c in check(facts, draft).claims]
    assert not any(f'对象"{verb}"' in n for n in notes)


def test_a_verbal_qualifier_after_the_verb_is_still_an_object():
    claims = check(["走访困难职工20户"], "走访退休困难职工20户。").claims
    assert any(c.text == "退休" and c.note.startswith("对象") for c in claims)


@pytest.mark.parametrize("clause", ["困难职工技能提升的步伐明显加快", "困难职工理念更新的速度明显加快",
                                    "困难职工美德传承的氛围日益浓厚"])
def test_an_ability_or_a_mind_written_onto_a_given_thing_is_no_object(clause):
    notes = [c.note for c in check(FACTS, f"工会走访慰问困难职工36户，发放慰问金5万元，{clause}。").claims]
    assert not any(n.startswith("对象") for n in notes)


@pytest.mark.parametrize("clause", ["真正做到雪中送炭、精准帮扶", "切实做到锦上添花、精准帮扶"])
def test_a_note_quotes_each_word_once(clause):
    for claim in check(["为8名特困职工建立帮扶档案"], f"为8名特困职工建立帮扶档案，{clause}。").claims:
        listed = claim.note.split("：")[-1].rstrip("）").split("、")
        assert not any(a != b and a in b for a in listed for b in listed)
