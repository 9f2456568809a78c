"""Support.copies, the clause check's pre-test (a clause the facts write as it stands fills no role with new
content), changes no result: the same check with the pre-test turned off gives the same claims, numbers and
traces on drafts that copy some of their facts and reword or leave out others, and on the strong set."""

from __future__ import annotations

import random
import re

import pytest

from drafter.numcheck import Lexicon, check, load_lexicon
from drafter.numcheck.support import Support
from drafter.settings import PROJECT_ROOT

_SENTENCE = re.compile(r"(?<=[。！？；\n])")


def _cases() -> list[tuple[list[str], str]]:
    """(facts, draft) pairs from the corpus: every fifth sentence left out of the facts, and a draft with some
    characters of its clauses swapped for others of the text (so clauses are copied, changed or new)."""
    rng = random.Random(19)
    out = []
    for path in sorted((PROJECT_ROOT / "samples").glob("*.md"))[:12]:
        text = path.read_text(encoding="utf-8")
        lines = [s for s in _SENTENCE.split(text) if s.strip()]
        facts = [s for k, s in enumerate(lines) if k % 5 != 2]
        chars = [c for c in text if "\u4e00" <= c <= "\u9fff"]
        changed = "".join(rng.choice(chars) if "\u4e00" <= c <= "\u9fff" and rng.random() < 0.02 else c for c in text)
        out += [(facts, text), (lines, changed), (facts[: len(facts) // 2], text)]
    return out


def _summary(result) -> list:
    return [result.model_dump()]


def _strong() -> list[tuple[list[str], str]]:
    """The strong set's paragraphs (tests/data/strong_paragraphs.json): rewordings with invented details."""
    from tests.strong_set import load

    return [(p.facts, p.text) for p in load()]


@pytest.mark.parametrize("case", range(4))
def test_the_copy_pre_test_changes_no_result(monkeypatch, case):
    cases = _cases()[case::3] if case < 3 else _strong()
    lexicon = Lexicon.from_words(set(load_lexicon().words))  # its own fact sets, built for each run below
    fast = [_summary(check(facts, draft, lexicon=lexicon)) for facts, draft in cases]
    assert any(r[0]["claims"] for r in fast)  # the drafts hold claims, not only copies
    lexicon.fact_sets.clear()
    monkeypatch.setattr(Support, "copies", lambda self, clause: False)
    assert [_summary(check(facts, draft, lexicon=lexicon)) for facts, draft in cases] == fast


def test_copies_reads_the_facts_as_written():
    support = Support(["建好职工之家和篮球赛活动，慰问困难职工。", "做好与之相关的工作。"], ["某某公司工会"])
    assert support.copies("慰问困难职工。") and support.copies("，慰问困难职工")  # marks at its ends aside
    assert support.copies("某某公司工会")  # a context line counts as written
    assert not support.copies("慰问困难职工子女")  # a word the facts do not write after them
    assert support.copies("建好职工之家和篮球赛活动")
    assert not support.copies("做好与之相关的工作")  # 之 beside 与: a role may join the words around it across 与
    assert not support.copies("") and not support.copies("，。")
