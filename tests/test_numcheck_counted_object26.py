"""Session 26 (h2): a number bound to its fact's value but counting another thing names the 对象 role in its note
(issue 19: the role of an invented detail is named, also when only the number check catches it). Sentences written
for this test."""

from drafter.numcheck import check

FACTS = ["为环卫工人配发防寒棉衣260件", "走访慰问困难职工85户"]


def _number_notes(text: str) -> list[str]:
    return [h.note or "" for h in check(FACTS, text).numbers if h.status != "supported"]


def test_another_thing_counted_names_the_object_role():
    notes = _number_notes("工会为环卫工人配发防滑雨靴260双，走访慰问困难职工85户。")
    assert notes and all("对象" in n for n in notes), notes


def test_other_people_counted_name_the_object_role():
    notes = _number_notes("工会为环卫工人配发防寒棉衣260件，走访慰问退休党员85户。")
    assert notes and all("对象" in n for n in notes), notes


def test_the_facts_own_things_stay_supported():
    assert not _number_notes("工会为环卫工人配发防寒棉衣260件，走访慰问困难职工85户。")
