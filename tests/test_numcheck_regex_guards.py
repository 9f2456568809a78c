"""The cheap tests that let a pattern be skipped (issue 19's throughput) must stay true to the pattern: a clause
without a name mark has no name (acts._NAME), an item head ends on one of the trailing counters' last characters
or keeps them (items._TRAIL)."""

import re

from drafter.numcheck import acts, items
from drafter.numcheck.items import display


def _choices(pattern: str) -> list[str]:
    """The choices of a (?:a|b|…)+$ pattern, look-behinds left out."""
    body = re.sub(r"\(\?<!\[[^]]*\]\)", "", pattern)
    return body[len("(?:"):body.rindex(")+$")].split("|")


def test_every_trailing_counter_ends_on_a_character_the_guard_knows():
    choices = _choices(items._TRAIL.pattern)
    assert "超过" in choices and "达" in choices  # the pattern was read
    assert {c[-1] for c in choices} <= items._TRAIL_LAST


def test_every_name_choice_holds_a_mark_the_guard_knows():
    for choice in acts._NAME.pattern.split("|"):
        assert acts._NAME_MARKS.intersection(choice), choice


def test_an_item_head_loses_its_trailing_counters_and_keeps_other_endings():
    display.cache_clear()
    assert display("困难职工共计", "", None) == "困难职工"
    assert display("参加培训的职工达到", "", None) == "参加培训的职工"
    assert display("开展经费专项审计", "", None) == "开展经费专项审计"  # 审计 keeps its 计


def test_a_look_alike_letter_between_digits_is_found_whatever_else_the_text_holds():
    from drafter.numcheck.digits import mixed_numerals

    assert mixed_numerals("慰问职工1O0人") == [(4, 7)]  # O between digits
    assert mixed_numerals("慰问职工1О0人，发布Logo") == [(4, 7)]  # Cyrillic О; a Latin o elsewhere
    assert mixed_numerals("慰问职工100人，发布Logo") == []  # look-alike letters, none between digits
    assert mixed_numerals("慰问职工100人") == []
