"""Words the kind of work a fact names makes expected (issue 19, session 22: drafter/numcheck/implied.py): a camp's
营地, a lecture's 听众, a check-up's 医院 are given by the facts that name the camp, the lecture, the check-up; a place,
body or person of its own is still new."""

from drafter.numcheck import check
from drafter.numcheck.implied import implied
from tests.strong_set import flags

CAMP = ["举办职工子女夏令营1期，参加营员30名"]


def _flagged(facts, draft):
    return [draft[s:e] for s, e, _ in flags(check(facts, draft))]


def test_the_table_implies_the_words_of_an_event_the_facts_name():
    assert implied("听众", "开展职工健康讲座4场")
    assert implied("医院", "组织职工健康体检，参检职工500人")
    assert not implied("听众", "组织职工健康体检，参检职工500人")  # only the trigger's own words


def test_a_role_suffix_on_a_character_of_a_fact_word_is_implied():
    assert implied("营员", "举办职工子女夏令营1期")
    assert implied("球场", "举办职工篮球联赛")
    assert not implied("会员", "工会举办职工篮球联赛")  # 工会 is an organisation: its characters derive nothing
    assert not implied("动员", "开展职工文体活动")  # 动员 is an act, not one who takes part
    assert not implied("棋手", "举办职工篮球比赛")


def test_a_site_word_after_a_fact_word_is_implied():
    assert implied("抢修现场", "慰问一线抢修职工300人")
    assert not implied("施工现场", "慰问一线抢修职工300人")


def test_a_camps_ground_is_given_but_a_named_place_is_not():
    assert _flagged(CAMP, "工会举办职工子女夏令营1期，30名营员参加，孩子们在营地里结交了新伙伴。") == []
    assert _flagged(CAMP, "工会举办职工子女夏令营1期，30名营员参加，孩子们在市青少年宫结交了新伙伴。") == ["市青少年宫"]


def test_a_lectures_speaker_from_a_named_body_is_still_new():
    facts = ["开展职工健康讲座4场"]
    assert _flagged(facts, "工会开展职工健康讲座4场，主讲人深入浅出，听众受益匪浅。") == []
    assert _flagged(facts, "工会开展职工健康讲座4场，邀请市人民医院院长担任主讲人。") != []


def test_her_own_implied_table_comes_with_her_faithfulness_lexicon(tmp_path):
    """Settings.faithful_lexicon (DRAFTER_FAITHFUL_LEXICON) may hold an [implied] table: its words are given too,
    through the whole check, and only for the check that reads that lexicon."""
    from drafter.numcheck import check, load_lexicon
    from drafter.numcheck.faithlex import load_faith

    extra = tmp_path / "mine.toml"
    extra.write_text('[implied]\n"插花" = ["花艺师"]\n', encoding="utf-8")
    assert implied("花艺师", "举办女职工插花培训2期", load_faith(extra))
    assert not implied("花艺师", "举办女职工插花培训2期", load_faith())
    assert not implied("花艺师", "举办女职工书法培训2期", load_faith(extra))  # only where a fact writes the trigger
    facts, draft = ["举办女职工插花培训2期"], "工会举办女职工插花培训2期，花艺师现场指导。"
    assert check(facts, draft).claims  # the shipped lexicon: 花艺师 is new
    assert not check(facts, draft, lexicon=load_lexicon(faith_extra=extra)).claims
