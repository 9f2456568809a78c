"""A theme's keyword stands in a fact as a word or inside one, never as a piece cut across two
(drafter/pipeline/themes.writes): 组织员 (a union's organiser) is no keyword of 组织|员工自己动手 (organise staff to
build flower beds, held-out s004_05, whose section then took the 组织建设 lead 围绕增强组织活力)."""

from __future__ import annotations

import pytest

from drafter.pipeline.themes import load_book, writes


@pytest.mark.parametrize("text, keyword, written", [
    ("组织员工自己动手在码头砌花坛", "组织员", False),
    ("加入会员服务群", "入会", False),
    ("招录工会组织员5名", "组织员", True),
    ("完成基层工会换届选举4家", "换届", True),  # inside one word
    ("开展会员实名制管理", "实名", True),
    ("新入会会员320人", "入会", True),
    ("实现工会组织全覆盖", "覆盖", True),
])
def test_a_keyword_is_written_as_a_word_or_inside_one(text, keyword, written):
    assert writes(text, keyword) is written


def test_the_organisation_theme_does_not_claim_staff_organised_for_greening():
    organisation = next(t for t in load_book().themes if "组织员" in t.keywords)
    assert organisation.keyword_score("组织员工自己动手在码头、生产区砌花坛，搞绿化") == 0
    assert organisation.keyword_score("招录工会组织员5名，新发展会员120人") > 0
