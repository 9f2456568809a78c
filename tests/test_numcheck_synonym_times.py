"""Times the synonym file gives (issue 19): 暑假 for 暑期; another season is still a time no fact gives."""

from drafter.numcheck import check

FACTS = ["开展职工子女暑期托管，托管学生65名"]


def test_shu_jia_is_shu_qi():
    assert not check(FACTS, "为解决职工暑假子女看护难题，开展职工子女暑期托管，托管学生65名。").claims


def test_han_jia_is_still_another_time():
    notes = [c.note for c in check(FACTS, "寒假期间开展职工子女托管，托管学生65名。").claims]
    assert any(n.startswith('时间"寒假') for n in notes), notes
