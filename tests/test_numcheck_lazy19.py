"""Answers read lazily for speed (issue 19's throughput, session 19) equal the answers read in full."""

from __future__ import annotations

import random
import re

from drafter.numcheck.garbled import common
from drafter.numcheck.support import Support
from drafter.numcheck.typos import _read_chars, typos
from drafter.settings import PROJECT_ROOT


def _fact_lists() -> list[list[str]]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((PROJECT_ROOT / "samples").glob("*.md"))]
    lines = [[s for s in re.split("(?<=[。；\n])", t) if s.strip()] for t in texts]
    return [ls[k:k + 12] for ls in lines for k in range(0, min(len(ls), 48), 12)] + [["召开职工代表大会，审议经费审查委员会报告。"]]


def test_a_word_is_a_short_form_exactly_when_the_full_set_holds_it():
    rng = random.Random(19)
    asked = agreed = 0
    for facts in _fact_lists():
        full = Support(facts, []).short_forms
        lazy = Support(facts, [])
        text = "".join(facts)
        words = sorted(full) + [text[i:i + k] for k in (1, 2, 3, 4, 5) for i in rng.sample(range(len(text)), min(20, len(text)))]
        for word in words:
            asked += 1
            agreed += lazy.is_short_form(word) == (word in full)
    assert agreed == asked
    support = Support(["召开职工代表大会，审议经费审查委员会报告。"], [])
    assert support.is_short_form("职代会") and support.is_short_form("经审会") and not support.is_short_form("职审")


def test_the_characters_typos_reads_are_the_common_chinese_ones():
    drafts = ["慰问退休职工86户", "慉问退休职工", "工会a1，“活动”", "", "𠀀工会"]
    for draft in drafts:
        assert _read_chars(draft) == {c for c in set(draft) if "\u4e00" <= c <= "\u9fff" and common(c)}
    fact = "慰问退休教职工中的老党员"
    found = typos("春节前夕，慢问退休教职工中的老党员", fact)
    assert [c.text for c in found] == ["慢问"]  # a slip in a copied stretch is still found
