"""Invented details a strong model writes, named by their role (issue 19, session 18, helper h5), each with its
faithful twin that must stay clean:
  * the head of a unit named by one character and 长 (矿长, 段长, 馆长, 船长) is a post: an actor no fact names;
  * a level put on an event the facts name without one (举办全市职工乒乓球比赛 for 举办职工乒乓球比赛) is a near
    miss of the object;
  * a verb-tagged word of its own between a modifier and the people the facts name (一线值班职工, 全体倒班职工 for
    职工) says which people: a near miss of the object, and no effect tail."""

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


def test_the_people_as_the_facts_name_them_are_clean():
    for text in ("组织一线职工开展免费体检，共体检600人。", "组织全体职工开展免费体检，共体检600人。"):
        assert _claims(EXAM, text) == [], text
    assert _claims(["组织倒班职工开展免费体检，体检职工600人"], "组织全体倒班职工开展免费体检，共体检600人。") == []
