"""Session 27 (issue 19 item 4): a season the facts' act implies is frame, by what the corpus does in it
(drafter/numcheck/occasionacts.py); a festival dates the work and stays a time the facts must give. Every case is a
sentence of its own, on topics no paragraph set uses."""

from drafter.numcheck import check
from drafter.numcheck.frame_learn import read_examples
from drafter.numcheck.occasionacts import learn, occasion_keys, table
from drafter.settings import PROJECT_ROOT

RELIEF = ["走访慰问机务段困难职工12户，送去慰问金1.2万元"]


def _times(facts, draft):
    return [c.text for c in check(facts, draft).claims if c.note.startswith("时间")]


def _flags(facts, draft):
    res = check(facts, draft)
    return [c.note for c in res.claims] + [h.note for h in res.numbers if h.status != "supported"]


def test_the_shipped_table_is_the_one_the_corpus_gives():
    learned = learn([text for _, text in read_examples(PROJECT_ROOT / "samples")])
    assert {k: frozenset(v) for k, v in learned.items() if v} == table()
    assert "慰问" in table()["春节"] and "举办" not in table().get("三八", ())  # every occasion holds 举办


def test_occasion_words_are_read_by_festival_name_or_season_class():
    assert occasion_keys("岁末年初") == {"岁末", "年初"}
    assert occasion_keys("数九寒天") == {"冬季"}
    assert occasion_keys("妇女节") == {"三八"}
    assert occasion_keys("春季学期") == set()  # a term, not a season
    assert occasion_keys("年") == set()


def test_a_season_over_the_act_the_corpus_does_in_it_is_frame():
    assert _flags(RELIEF, "岁末年初，机务段工会走访慰问困难职工12户，送去慰问金1.2万元，把温暖送到职工心坎上。") == []
    assert _flags(RELIEF, "时值隆冬，机务段工会走访慰问困难职工12户，送去慰问金1.2万元。") == []
    assert _flags(["慰问环卫工人80人，送去棉手套80副"], "数九寒天，工会慰问环卫工人80人，送去棉手套80副。") == []


def test_a_season_over_another_act_stays_a_time():
    facts = ["组织机务段职工安全技能培训3期，培训职工150人"]
    assert _times(facts, "岁末年初，机务段工会组织职工安全技能培训3期，培训职工150人。") == ["岁末年初"]
    assert _times(facts, "时值隆冬，机务段工会组织职工安全技能培训3期，培训职工150人。") == ["隆冬"]


def test_a_festival_dates_the_work_and_only_the_facts_give_it():
    assert _times(RELIEF, "春节期间，机务段工会走访慰问困难职工12户，送去慰问金1.2万元。") == ["春节"]
    facts = ["为机务段女职工开展健康体检，体检女职工64人"]
    assert "三八" in "".join(_times(facts, "“三八”国际妇女节期间，机务段工会为女职工开展健康体检，64人参加。"))


def test_the_season_frames_the_act_of_its_own_clause():
    facts = [*RELIEF, "开展机务段职工宿舍安全大检查2次"]
    assert _flags(facts, "岁末年初走访慰问机务段困难职工12户，送去慰问金1.2万元。") == []  # its act is the relief
    assert _times(facts, "年末开展机务段职工宿舍安全大检查2次。") == ["年末"]  # not the season's act
    assert _times(facts, "机务段工会年末开展职工宿舍安全大检查2次。") == ["年末"]  # inside the clause: it dates the work
