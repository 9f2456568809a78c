"""Invented details a strong model writes, named by their role (issue 19, session 18, helper h5), each with its
faithful twin that must stay clean:
  * the head of a unit named by one character and 长 (矿长, 段长, 馆长, 船长) is a post: an actor no fact names;
  * a level put on an event the facts name without one (举办全市职工乒乓球比赛 for 举办职工乒乓球比赛) is a near
    miss of the object;
  * a verb-tagged word of its own between a modifier and the people the facts name (一线值班职工, 全体倒班职工 for
    职工) says which people: a near miss of the object, and no effect tail;
  * 带头 after a person (公司总经理带头) marks an actor, and so does a post after the phrase saying which one
    (在分管工会工作的副总经理带领下);
  * 得到(了)…通报表扬 is an honour quoted from its giver on, and 摘得/夺得… mark a title or place won;
  * a count of years, months or days saying how long the work went on (连续四年, 持续三个月) that no fact gives
    names the time role; so do a season by 天 (夏天, as 夏季) and a first day, week or month (入职首周);
  * 派员 after a body (市人社局派员全程参与) marks an actor."""

from __future__ import annotations

from drafter.numcheck import check, load_lexicon

LEX = load_lexicon()


def _claims(facts: list[str], text: str) -> list[tuple[str, str]]:
    result = check(facts, text, lexicon=LEX)
    return [(c.text, c.note or "") for c in result.claims] + \
        [(h.text, h.note or "") for h in result.numbers if h.status != "supported"]


BOOKS = ["开展图书借阅服务，借阅图书900册"]
_BOOKS = "开展图书借阅服务，借阅图书900册。"


def test_a_units_head_by_one_character_is_an_actor():
    for post, text in (("馆长", f"在馆长的带领下{_BOOKS}"), ("段长", f"在段长的带领下{_BOOKS}"),
                       ("船长", f"由船长带队{_BOOKS}"), ("矿长", f"矿长带队{_BOOKS}")):
        claims = _claims(BOOKS, text)
        assert any(note.startswith(f'参与者"{post}"') for _, note in claims), (text, claims)


def test_a_post_the_facts_name_or_no_post_is_clean():
    assert _claims(BOOKS, _BOOKS) == []
    assert _claims(["馆长带队开展图书借阅服务，借阅图书900册"], f"在馆长的带领下{_BOOKS}") == []


def test_growth_is_no_post():
    claims = _claims(BOOKS, "开展图书借阅服务，借阅图书900册，职工借阅量不断增长。")
    assert not any(note.startswith("参与者") for _, note in claims), claims


MATCH = ["举办职工乒乓球比赛，参赛职工80人"]


def test_a_level_put_on_a_given_event_is_an_object():
    for level in ("全市", "全省"):
        claims = _claims(MATCH, f"举办{level}职工乒乓球比赛，80名职工参赛。")
        assert any(note.startswith(f'对象"{level}"') for _, note in claims), claims


def test_the_event_without_a_level_or_with_the_facts_level_is_clean():
    assert _claims(MATCH, "举办职工乒乓球比赛，80名职工参赛。") == []
    assert _claims(["举办全市职工乒乓球比赛，参赛职工80人"], "举办全市职工乒乓球比赛，80名职工参赛。") == []


def test_a_level_before_an_event_the_facts_do_not_name_is_no_near_miss_of_it():
    claims = _claims(MATCH, "举办职工乒乓球比赛，80名职工参赛，为参加全市职工运动会做好准备。")
    assert not any(note.startswith('对象"全市"') for _, note in claims), claims


EXAM = ["组织职工开展免费体检，体检职工600人"]


def test_a_verb_tagged_qualifier_of_given_people_is_an_object():
    for word, text in (("值班", "组织一线值班职工开展免费体检，共体检600人。"),
                       ("倒班", "组织全体倒班职工开展免费体检，共体检600人。")):
        claims = _claims(EXAM, text)
        assert any(note.startswith(f'对象"{word}"') for _, note in claims), (text, claims)


def test_a_verb_after_a_distinguishing_word_is_the_clauses_verb():
    fund = ["设立职工互助金，帮扶职工120人次"]  # the corpus: 互助金…主要用于职工临时困难借助
    assert _claims(fund, "设立职工互助金，主要用于职工临时困难借助，帮扶职工120人次。") == []


def test_the_people_as_the_facts_name_them_are_clean():
    for text in ("组织一线职工开展免费体检，共体检600人。", "组织全体职工开展免费体检，共体检600人。"):
        assert _claims(EXAM, text) == [], text
    assert _claims(["组织倒班职工开展免费体检，体检职工600人"], "组织全体倒班职工开展免费体检，共体检600人。") == []


READING = ["开展职工读书活动，参与职工500人"]
_READING = "开展职工读书活动，500名职工积极参与。"


def _named(facts: list[str], text: str, role: str, words: str) -> bool:
    return any(note.startswith(f'{role}"{words}"') for _, note in _claims(facts, text))


def test_a_person_leading_by_example_is_an_actor():
    assert _named(READING, f"公司总经理带头{_READING}", "参与者", "公司总经理")
    assert _claims(["公司总经理带头开展职工读书活动，参与职工500人"], f"公司总经理带头{_READING}") == []


def test_leaders_in_general_leading_by_example_are_a_formula():
    for who in ("分管领导", "党员干部"):  # the corpus: 分管领导带头先后两次…
        notes = [note for _, note in _claims(READING, f"{who}带头{_READING}")]
        assert not any(note.startswith("参与者") for note in notes), (who, notes)


def test_a_post_after_the_phrase_saying_which_one_is_an_actor():
    assert _named(READING, f"在分管工会工作的副总经理带领下{_READING}", "参与者", "副总经理")
    assert _named(READING, f"在分管后勤的馆长的带领下{_READING}", "参与者", "馆长")
    assert _claims(["副总经理带队开展职工读书活动，参与职工500人"], f"在分管工会工作的副总经理带领下{_READING}") == []
    assert _claims(READING, f"在上级工会的关心支持下{_READING}") == []


def test_praise_received_and_a_title_won_are_honours():
    for verb in ("得到了", "受到了"):
        assert _named(READING, f"{_READING[:-1]}，{verb}市总工会的通报表扬。", "荣誉", "市总工会的通报表扬"), verb
    claims = _claims(READING, f"{_READING[:-1]}，公司代表队在全市读书知识竞赛中摘得桂冠。")
    assert any(note.startswith('荣誉"桂冠"') for _, note in claims), claims


def test_praise_that_is_only_a_reception_is_no_honour():
    assert _claims(READING, f"{_READING[:-1]}，得到了广大职工的好评。") == []


def test_how_long_the_work_went_on_is_a_time():
    assert [h.note for h in check(READING, f"工会连续四年{_READING}", lexicon=LEX).numbers
            if h.status != "supported"] == ['时间"四年"事实中没有']
    assert _named(READING, f"工会开展职工读书活动，持续三个月，500名职工积极参与。", "时间", "三个月")


def test_a_duration_the_facts_give_or_an_amount_is_no_time():
    assert _claims(["连续4年开展职工读书活动，参与职工500人"], f"工会连续四年{_READING}") == []
    notes = [note for _, note in _claims(READING, f"{_READING[:-1]}，人均读书三本。")]
    assert not any(note.startswith("时间") for note in notes), notes


INDUCTION = ["为新入职员工开展岗前培训，培训员工80人"]
_INDUCTION = "工会为新入职员工开展岗前培训，培训员工80人。"


def test_a_season_and_a_first_week_are_times():
    assert _named(INDUCTION, "工会在新员工入职首周开展岗前培训，培训员工80人。", "时间", "新员工入职首周")
    assert _named(READING, f"工会在夏天{_READING}", "时间", "夏天")
    given = ["新员工入职首周开展岗前培训，培训员工80人", "夏天开展职工读书活动，参与职工500人"]
    assert _claims(given, "工会在新员工入职首周开展岗前培训，培训员工80人。") == []
    assert _claims(given, f"工会在夏天{_READING}") == []


def test_a_body_sending_its_staff_is_an_actor():
    text = f"市人社局派员全程参与，{_INDUCTION}"
    assert _named(INDUCTION, text, "参与者", "市人社局")
    assert _claims(["市人社局派员参与，为新入职员工开展岗前培训，培训员工80人"], text) == []
    assert _claims(INDUCTION, _INDUCTION) == []
