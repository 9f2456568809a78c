"""Fact lines: bullets stripped, blank lines dropped, numbers at the start of a fact kept."""

from __future__ import annotations

import pytest

from drafter.domain.facts import clean_fact_lines


@pytest.mark.parametrize(("line", "clean"), [
    ("- 春节走访慰问困难职工86户", "春节走访慰问困难职工86户"), ("* 组织312人参加", "组织312人参加"),
    ("• 新建职工书屋2个", "新建职工书屋2个"), ("1.组织312人参加", "组织312人参加"),
    ("1、组织312人参加", "组织312人参加"),
    ("（1）组织312人参加", "组织312人参加"), ("(1) 组织312人参加", "组织312人参加"), ("一、加强领导", "加强领导"),
    ("3.5万名职工参加活动", "3.5万名职工参加活动"), ("12.6万元用于慰问", "12.6万元用于慰问"),
    ("２．组织312人参加", "组织312人参加"), ("　　走访86户　", "走访86户"),
])
def test_bullets_are_stripped_numbers_kept(line, clean):
    assert clean_fact_lines([line]) == [clean]


def test_blank_lines_are_dropped_and_text_is_split():
    assert clean_fact_lines("- 走访86户\n\n  \n2. 组织312人\n") == ["走访86户", "组织312人"]
    assert clean_fact_lines(["走访86户", "", "组织312人"]) == ["走访86户", "组织312人"]


def test_clean_lines_are_unchanged():
    lines = ["走访86户", "组织312人参加职工运动会"]
    assert clean_fact_lines(clean_fact_lines(lines)) == lines
