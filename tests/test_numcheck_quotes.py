"""Every quote in a note begins and ends on a word boundary (issue 19 item 1): never 递员 for 快递员, nor
助工作站 for 法律援助工作站. Checked over every note of every paragraph of the strong-model sets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafter.numcheck import check
from drafter.numcheck.quotes import quote, whole
from drafter.numcheck.scanner import extract_numbers
from tests.strong_set import load

_QUOTED = re.compile(r"'([^']+)'|\"([^\"]+)\"")
_SETS = sorted((Path(__file__).resolve().parent / "data").glob("strong_*.json"))


def on_words(part: str, texts: list[str]) -> bool:
    """Does `part` occur somewhere in `texts` with its ends on the word boundaries of its clause (a number right
    before or after it is a boundary)?"""
    for text in texts:
        numbers = [(n.start, n.end) for n in extract_numbers(text)]
        pos = text.find(part)
        while pos != -1:
            end = pos + len(part)
            beside = next((n for n in numbers if n[1] == pos or n[0] == end), None)
            if whole(text, pos, end, beside) == (pos, end):
                return True
            pos = text.find(part, pos + 1)
    return False


def quoted_parts(note: str) -> list[str]:
    parts = [p for m in _QUOTED.finditer(note) for p in (m.group(1) or m.group(2)).split("、")]
    return [p for p in parts if re.search("[\u4e00-\u9fff]", p)]


@pytest.fixture(scope="module")
def notes() -> list[tuple[str, str, list[str]]]:
    """(paragraph id, note, texts) of every number note and claim note over all strong sets."""
    out = []
    for path in _SETS:
        for p in load(path):
            result = check(p.facts, p.text)
            found = [h.note for h in result.numbers if h.status != "supported" and h.note]
            found += [c.note for c in result.claims if c.note]
            out += [(p.id, note, [p.text, *p.facts]) for note in found]
    return out


def test_every_quote_in_a_note_is_whole_words(notes):
    number_notes = [n for n in notes if "在第" in n[1] and "行事实中是" in n[1]]
    assert len(notes) > 300 and len(number_notes) > 10
    cut = [(pid, part, note) for pid, note, texts in notes for part in quoted_parts(note)
           if not on_words(part, texts)]
    assert cut == []


def test_every_quote_in_a_changed_item_note_is_whole_words():
    """The corpus's dropped qualifiers and changed heads (tests/faithful_sets.item_changes): notes with 少了/多了."""
    from tests.faithful_sets import corpus_paragraphs, item_changes

    cases = [c for c in item_changes(corpus_paragraphs()) if c[3] in ("dropped", "head")]
    notes = [(h.note, [draft, *facts]) for facts, draft, _, _ in cases
             for h in check(facts, draft).numbers if h.status == "mismatch" and "少了" in (h.note or "")]
    assert len(notes) >= 40
    assert [(part, note) for note, texts in notes for part in quoted_parts(note) if not on_words(part, texts)] == []


def test_a_fragment_is_widened_to_the_words_it_cuts():
    fact = extract_numbers("站点全年服务环卫工人、快递员等户外劳动者3.2万人次")[0]
    assert quote(fact, "递员") == "快递员"
    fact = extract_numbers("职工法律援助工作站接待职工来访咨询312人次")[0]
    assert quote(fact, fact.item) == "法律援助工作站接待职工来访咨询"
    assert quote(fact, "来访", fact.item) == "来访"


def test_a_number_beside_a_quote_is_a_boundary():
    draft = extract_numbers("全年发放救助金，57名患大病职工得到帮扶")[0]
    assert quote(draft, "患大病职工得到") == "患大病职工得到"  # jieba alone reads 名患

