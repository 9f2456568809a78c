"""A character changed inside a copied stretch of a fact is a typo (the local model wrote 慢问 for 慰问 in a 送温暖
draft, and the check passed it): an artifact naming the fact's word. Rewordings are not typos."""

from __future__ import annotations

import glob
from pathlib import Path

import pytest

from drafter.numcheck import check
from drafter.numcheck.typos import typos
from strong_set import load

FACTS = ["慰问退休教职工中的老党员、老劳模34人", "走访慰问困难职工86户，发放慰问金和慰问品折合15.6万元"]


def artifacts(draft: str) -> list[tuple[str, str]]:
    return [(c.text, c.note) for c in check(FACTS, draft).claims if c.kind == "artifact"]


@pytest.mark.parametrize("draft, wrong, right", [
    ("同时，慢问退休教职工中的老党员、老劳模34人。", "慢问", "慰问"),  # at a clause start
    ("慰问退休教职工中的老党贝、老劳模34人。", "党贝", "党员"),  # before a mark
    ("工会走访慰问困难职工86户，发放慰问金和慰问吕折合15.6万元。", "慰问吕", "慰问品"),
])
def test_a_changed_character_in_a_copied_stretch_is_flagged(draft, wrong, right):
    found = artifacts(draft)
    assert any(text == wrong and f"事实中是“{right}”" in note for text, note in found), found


@pytest.mark.parametrize("draft", [
    "工会走访慰问困难员工86户，发放慰问金和慰问品折合15.6万元。",  # 员工 for 职工: a word
    "工会看望慰问困难职工86户，送上慰问金和慰问品折合15.6万元。",
    "慰问了34名退休教职工中的老党员、老劳模。",  # the number moved: the characters beside it change
    "走访慰问86户困难职工，发放慰问金和慰问品折合15.6万元。",
])
def test_rewordings_are_not_typos(draft):
    assert artifacts(draft) == []


def test_no_faithful_paragraph_of_the_strong_sets_has_a_typo():
    here = Path(__file__).resolve().parent / "data"
    paragraphs = [p for f in sorted(glob.glob(str(here / "strong_*.json"))) for p in load(Path(f))]
    assert len(paragraphs) > 500
    found = [(p.id, c.text) for p in paragraphs for c in typos(p.text, "\n".join(p.facts).lower())]
    assert found == []
