"""Session 20 (h5): set phrases from data (drafter.numcheck.setphrases). An idiom or set evaluation a strong model
writes (如火如荼, 有声有色, 各显身手, 一日千里) fills no role and holds no quantity; a numeral slogan the facts
quote (“四个好”) is no quantity unquoted either. Each faithful case has an invented twin that stays caught."""

import pytest

from drafter.numcheck import check, extract_numbers
from drafter.numcheck.setphrases import frame_phrase, numeral_spans
from tests.strong_set import flags

CONTEST = ["组织职工技能竞赛，参赛职工64名"]
DEPOT = ["开展保管员“四个好”岗位竞赛，参赛保管员118人"]
DRILL = ["开展收费站“微笑服务”岗位练兵，参加练兵职工560人"]

# (facts, faithful draft, invented twin, the invented words, the role or note the twin's flag names)
CASES = [
    (CONTEST, "工会组织职工技能竞赛，64名职工参赛，竞赛活动开展得如火如荼。",
     "工会组织职工技能竞赛，64名职工参赛，竞赛活动开展得如火如荼，春节前夕还慰问了困难职工。", "春节前夕", "时间"),
    (CONTEST, "工会组织职工技能竞赛，64名职工参赛，活动开展得有声有色。",
     "工会组织职工技能竞赛，64名职工参赛，活动开展得有声有色，并邀请市总工会主席出席。", "市总工会主席", "参与者"),
    (CONTEST, "工会组织职工技能竞赛，64名职工参赛，技能水平一日千里。",
     "工会组织职工技能竞赛，64名职工参赛，技能水平一日千里，并举办职工书画展。", "职工书画展", "活动"),
    (DEPOT, "工会开展保管员四个好岗位竞赛，118名保管员参赛。",
     "工会开展保管员四个好岗位竞赛，118名保管员参赛，5名选手获奖。", "5名", "事实中没有这个数字"),
    (DRILL, "工会以岗位练兵为抓手，在收费站开展微笑服务岗位练兵，560名职工踊跃参与，练兵活动开展得如火如荼。",
     "工会以岗位练兵为抓手，春运期间在收费站开展微笑服务岗位练兵，560名职工踊跃参与，练兵活动开展得如火如荼。",
     "春运期间", "时间"),
]


@pytest.mark.parametrize("facts,faithful,twin,invented,role", CASES)
def test_set_phrase_is_frame(facts, faithful, twin, invented, role):
    result = check(facts, faithful)
    assert not flags(result) and not result.missing, [(faithful[s:e], n) for s, e, n in flags(result)]


@pytest.mark.parametrize("facts,faithful,twin,invented,role", CASES)
def test_invented_detail_beside_a_set_phrase_is_caught(facts, faithful, twin, invented, role):
    s, e = twin.index(invented), twin.index(invented) + len(invented)
    over = [note for fs, fe, note in flags(check(facts, twin)) if fs < e and s < fe]
    assert any(role in note for note in over), over


def test_set_phrase_under_an_honour_marker_is_the_honour():
    draft = "工会组织职工技能竞赛，64名职工参赛，冠军荣获精益求精奖。"
    notes = [n for s, e, n in flags(check(CONTEST, draft)) if draft[s:e] == "精益求精奖"]
    assert notes and notes[0].startswith("荣誉")


def test_an_act_named_by_a_set_phrase_stays_an_activity():
    draft = "工会组织职工技能竞赛，64名职工参赛，并捐资助学。"
    assert any("捐资助学" in draft[s:e] and n.startswith("活动") for s, e, n in flags(check(CONTEST, draft)))


@pytest.mark.parametrize("word", ["如火如荼", "有声有色", "热火朝天", "群策群力", "各显身手", "遍地开花"])
def test_evaluations_are_frame_phrases(word):
    assert frame_phrase(word)


@pytest.mark.parametrize("word", ["春节前夕", "五一国际劳动节", "安全隐患", "摇滚乐团", "捐资助学", "能工巧匠",
                                  "大江南北", "技能竞赛", "如火"])
def test_times_things_people_places_and_acts_are_not(word):
    assert not frame_phrase(word)


def test_numerals_in_idioms_are_masked_but_not_in_quantities():
    text = "职工技能一日千里，三足鼎立之势已成，全年完成三项攻关，共计二十一日。"
    masked = {text[s:e] for s, e in numeral_spans(text)}
    assert {"一日千里", "三足鼎立"} <= masked
    assert not any("三项" in m or "二十一" in m for m in masked)
    values = [m.value for m in extract_numbers(text)]
    assert 3 in values and 21 in values and 1 not in values


def test_quoted_slogan_masks_its_unquoted_repeats_only():
    draft = "以“三个一”为抓手，落实三个一要求，完成三个项目。"
    found = [(m.text, m.value) for m in extract_numbers(draft)]
    assert found == [("三个", 3)]


def test_facts_quoted_slogan_without_quotes_in_the_draft():
    assert [m.text for m in extract_numbers("开展四个好岗位竞赛")] == ["四个"]  # no facts: a number
    result = check(DEPOT, "工会开展保管员四个好岗位竞赛，118名保管员参赛。")
    assert all(h.status == "supported" for h in result.numbers)
