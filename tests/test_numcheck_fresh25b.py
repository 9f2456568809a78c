"""Session 25 (issue 19): faithful paraphrases in strong models' styles on unseen topics
(tests/data/strong_fresh_h25b.json's odd scenarios drove these; every case here is a sentence of its own)."""

from drafter.numcheck import check
from drafter.numcheck.wordclass import at_person


def _flags(facts, draft):
    res = check(facts, draft)
    return [c.note for c in res.claims] + [h.note for h in res.numbers if h.status != "supported"]


def test_a_thing_handed_into_the_peoples_hands_names_no_place_nor_kind_of_them():
    assert at_person("手中") and at_person("身边") and at_person("心里")
    assert not at_person("室内") and not at_person("院里") and not at_person("车间")  # places of 词林's Cb
    assert _flags(["为夜班班组配发保温饭盒60个"], "60个保温饭盒发放到夜班班组手中，夜班职工吃上了热饭。") == []
    assert _flags(["为保安员配发防刺背心80件"], "工会关心保安员安全，80件防刺背心配发到一线保安员手中。") == []
    assert _flags(["为快递员配发雨衣500件", "举办快递员座谈会2场"], "500件雨衣发到快递员手中；座谈会开了两场。") == []
    # a place or a kind written there is still new
    assert _flags(["为保安员配发防刺背心80件"], "80件防刺背心配发到门岗保安员手中。")
    assert _flags(["为保安员配发防刺背心80件"], "80件防刺背心配发到保安员和保洁员手中。")
