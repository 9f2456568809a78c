"""Recognition by a body after 被 is an honour (issue 19, session 12): 该做法被全国总工会作为典型经验推广 names
荣誉 (the body was looked for in its first character only, and the phrase could hold 8 characters)."""

import pytest

from drafter.numcheck.match import check

FACTS = ["推动货车司机入会，新发展会员520人", "建成司机之家4个"]


@pytest.mark.parametrize("tail", ["该做法被全国总工会作为典型经验推广", "该做法被省总工会作为典型经验推广"])
def test_recognition_by_a_body_is_an_honour(tail):
    notes = [c.note for c in check(FACTS, f"新发展会员520人，建成司机之家4个，{tail}。").claims]
    assert any(n.startswith("荣誉") for n in notes), notes


def test_without_recognition_no_honour():
    assert check(FACTS, "新发展会员520人，建成司机之家4个，该做法得到司机普遍欢迎。").claims == []
