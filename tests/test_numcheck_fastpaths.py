"""The check's fast paths compute exactly what their plain definitions do (on the corpus and random text)."""

from __future__ import annotations

import random

from drafter.numcheck.claims import _STOP, blank_not_content, content_grams, grams
from drafter.settings import PROJECT_ROOT


def _corpus_lines() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((PROJECT_ROOT / "samples").glob("*.md"))]
    return [line for text in texts for line in text.split("\n")]


def _random_lines(rng: random.Random, alphabet: list[str], count: int) -> list[list[str]]:
    return [["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(rng.randint(0, 5))]
            for _ in range(count)]


def test_content_grams_are_each_lines_content_bigrams():
    lines = _corpus_lines()
    assert content_grams(lines) == [grams(blank_not_content(line)) - _STOP for line in lines]
    alphabet = sorted(set("".join(lines))) + ["〇", "\u4e00", "\u9fff", "\ua000", "\u4dff", "\n", " ", "进一", "职工"]
    for facts in _random_lines(random.Random(5), alphabet, 3000):
        assert content_grams(facts) == [grams(blank_not_content(f)) - _STOP for f in facts], facts
    assert content_grams([]) == [] and content_grams(["", "困难职工"]) == [set(), {"困难", "难职"}]
