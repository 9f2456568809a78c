"""A count of people put on the fact line's own act of its people (issue 19, session 27, drafter.numcheck.samepeople):
组织叉车司机安全驾驶培训，培训职工210人次 said as 开展叉车司机安全驾驶培训210人次. The unit counts the people the line
names in its act; added qualifiers, other people, another actor or another act stay a change."""

from __future__ import annotations

import pytest

from drafter.numcheck import check

FACT = ["组织叉车司机安全驾驶培训，培训职工210人次", "开展快递分拣员岗位练兵，参加职工96人"]


@pytest.mark.parametrize("text", [
    "仓储公司工会关注装卸安全，举办叉车司机安全驾驶培训210人次，持证上岗率进一步提高。",
    "开展叉车司机安全驾驶培训210人次；开展快递分拣员岗位练兵，参加职工96人。",
])
def test_the_lines_people_of_its_own_act_counted_by_the_unit_are_supported(text):
    result = check(FACT, text)
    assert [h.status for h in result.numbers] and all(h.status == "supported" for h in result.numbers)


@pytest.mark.parametrize("text, words", [
    ("开展青年叉车司机安全驾驶培训210人次。", "青年"),  # an added qualifier of the people
    ("开展货车司机安全驾驶培训210人次。", "货车司机"),  # people the line does not name
    ("区总工会开展叉车司机安全驾驶培训210人次。", "区总工会"),  # another actor before the act
    ("开展叉车司机安全驾驶比武210人次。", "比武"),  # another act than the line's
])
def test_added_or_other_words_around_the_act_stay_flagged(text, words):
    result = check(FACT, text)
    at = text.index(words)
    flagged = [(h.start, h.end) for h in result.numbers if h.status != "supported"]
    flagged += [(c.start, c.end) for c in result.claims]
    assert flagged, text
    assert any(s <= at + len(words) and at <= e or s > at for s, e in flagged)
