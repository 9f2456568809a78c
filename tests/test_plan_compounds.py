"""A heading's compound (民主管理) is said by a fact only with its own modifier: the head after another word names
another thing (compounds.py). The facts are written for this test."""

from __future__ import annotations

from drafter.pipeline.compounds import modifiers
from drafter.pipeline.fitting import speaks_of
from drafter.pipeline.themes import load_book

DEMOCRACY = "深化民主管理，畅通参与渠道"


def test_the_head_of_another_compound_backs_no_heading():
    book = load_book()
    for other in ("制订本年度目标管理考核办法，细化考核指标12项", "加强小区物业管理，更换路灯40盏"):
        assert not speaks_of(other, None, DEMOCRACY, book), other


def test_the_heading_s_own_compound_or_the_head_alone_still_backs_it():
    book = load_book()
    for own in ("召开三届二次职代会，推进民主管理", "修订厂务公开管理制度3项", "加强管理，规范职代会提案办理"):
        assert speaks_of(own, None, DEMOCRACY, book), own


def test_only_a_noun_compound_has_a_modifier():
    assert modifiers("推进民主管理和依法维权")["管理"] == "民主"
    assert "安全" not in modifiers("强化劳动保护，筑牢安全生产防线")  # 筑牢|安全 is a verb and its object
