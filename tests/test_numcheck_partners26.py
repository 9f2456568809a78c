"""Session 26 (h2): a body the writer did an act with, named after 与 with no word of doing together, and a body
jieba glues into an unknown word after 联合 (issue 19). Sentences written for this test."""

from drafter.numcheck import check
from drafter.numcheck.partners import body_word

FACTS = ["开展职工义诊活动，服务职工420人次", "举办职工摄影展，展出作品96幅"]


def _notes(text: str) -> list[str]:
    return [c.note for c in check(FACTS, text).claims]


def test_a_body_before_the_verb_after_yu_is_an_actor():
    notes = _notes("工会与区人民医院开展职工义诊活动，服务职工420人次。")
    assert any(n.startswith('参与者"') and "人民医院" in n for n in notes), notes
    notes = _notes("工会与县摄影家协会合作举办职工摄影展，展出作品96幅。")
    assert any(n.startswith('参与者"') and "摄影家协会" in n for n in notes), notes


def test_a_body_glued_to_a_level_after_lianhe_is_an_actor():
    notes = _notes("公司工会联合厂妇联举办职工摄影展，展出作品96幅。")
    assert any(n.startswith('参与者"') and "妇联" in n for n in notes), notes


def test_body_word_reads_organs_and_their_glued_levels():
    assert body_word("居委会") and body_word("厂妇联") and body_word("院团委")
    assert not body_word("去年") and not body_word("心得")


def test_what_is_no_body_after_yu_stays_clean():
    assert not _notes("工会开展职工义诊活动，服务职工420人次，与去年相比明显增加。")
    assert not _notes("工会与职工代表一道开展职工义诊活动，服务职工420人次。")


def test_nouns_joined_by_yu_and_titles_are_no_partners():
    assert not any(n.startswith('参与者"') for n in _notes("工会开展职工义诊活动，把职工健康与企业发展、安全生产紧密结合。"))
    assert not any(n.startswith('参与者"') for n in _notes("工会举办“城市发展与青年成长”职工摄影展，展出作品96幅。"))
