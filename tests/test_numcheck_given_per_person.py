"""Session 26 (issue 19), two kinds of rewriting a strong model uses on unseen topics:

* a count of things given one to a person restated as the count of the people (为夜班护士办理意外伤害保险85份 ->
  为85名夜班护士办理了意外伤害保险: drafter.numcheck.perperson), while another thing, other people or no 为 stay
  a mismatch;
* the verb between 为+people and what they are given, which jieba tags as an adjective or a noun (配齐/a, 换发/nz:
  drafter.numcheck.predicate), read as the clause's verb, not as a new thing; a thing or people added beside the
  given ones are still claims.
"""

from drafter.numcheck import check
from drafter.numcheck.predicate import verb_for_people
from drafter.numcheck.words import words
from tests.strong_set import flags

INSURED = ["为夜班护士办理意外伤害保险85份"]
GLOVES = ["为环卫班组配备防寒手套300副"]
MASKS = ["为车间职工发放防护面罩60个"]


def _flagged(facts, draft):
    result = check(facts, draft)
    return [draft[s:e] for s, e, _ in flags(result)], [m.fact_line for m in result.missing]


def test_things_given_one_each_counted_as_the_people():
    assert _flagged(INSURED, "医院工会为85名夜班护士办理了意外伤害保险。") == ([], [])
    assert _flagged(["为退休职工订阅报刊120份"], "工会为120名退休职工订阅了报刊。") == ([], [])


def test_another_thing_other_people_or_no_for_stay_a_mismatch():
    assert _flagged(INSURED, "医院工会为85名夜班护士发放了防护口罩。") == (["防护口罩", "85名"], [1])
    assert _flagged(INSURED, "医院工会为85名后勤职工办理了意外伤害保险。") == (["后勤", "85名"], [1])
    assert _flagged(INSURED, "医院工会组织85名夜班护士参加意外伤害保险。") == (["85名"], [1])


def test_the_verb_between_the_people_and_the_thing_is_no_new_thing():
    assert _flagged(GLOVES, "工会为环卫班组配齐防寒手套300副。") == ([], [])
    assert _flagged(GLOVES, "工会为环卫班组配齐300副防寒手套。") == ([], [])
    assert _flagged(MASKS, "工会为车间职工换发60个防护面罩。") == ([], [])


def test_things_and_people_added_beside_the_given_ones_are_still_claims():
    assert _flagged(GLOVES, "工会为环卫班组配齐300副防寒手套和护膝。") == (["护膝"], [])
    assert _flagged(GLOVES, "工会为环卫班组和保洁员配齐300副防寒手套。") == (["保洁员"], [])
    assert _flagged(MASKS, "工会为车间职工换发60个防护面罩和护目镜。") == (["护目镜"], [])


def test_the_verb_slot_is_read_by_position_and_word_class():
    def verbs(clause):
        ws = words(clause)
        return [w[2] for k, w in enumerate(ws) if verb_for_people(ws, k)]
    assert verbs("同时为巡线班组配齐急救药箱45个") == ["配齐"]  # 急救 qualifies the thing given
    assert verbs("为困难职工家庭120户送去慰问金") == []  # 家庭: a thing by 词林, in the people's place
    assert verbs("为职工子女120名发放助学金") == []  # 子女: people
    assert verbs("职工配齐急救药箱45个") == []  # no 为/给/向: not the people an act is done for
