"""The check's fast paths compute exactly what their plain definitions do (on the corpus and random text)."""

from __future__ import annotations

import random

from drafter.numcheck.bigrams import content_grams as _content_grams
from drafter.numcheck.support import _NOT_CONTENT, _STOP, blank_not_content, grams
from drafter.settings import PROJECT_ROOT


def content_grams(lines: list[str]) -> list[set[str]]:
    return _content_grams(lines, _NOT_CONTENT, _STOP)


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


def test_fact_sets_are_built_once_per_fact_list_and_bounded():
    from drafter.numcheck import Lexicon, check, check_sentence, load_lexicon
    from drafter.numcheck.factset import fact_set
    from drafter.numcheck.lexicon import FACT_SETS_KEPT

    lexicon = Lexicon.from_words(set(load_lexicon().words))  # its own, empty cache
    facts = ["春节走访慰问困难职工86户", "为32名困难职工子女发放助学金6.4万元"]
    first = fact_set(facts, ["2025年"], lexicon)
    assert fact_set(list(facts), ("2025年",), lexicon) is first  # equal lists, not the same objects
    assert fact_set(facts, [], lexicon) is not first and fact_set("\n".join(facts), ["2025年"], lexicon) is not first
    assert fact_set([86, "x"], [], lexicon).facts == ["86", "x"] and len(lexicon.fact_sets) == 3  # not kept
    draft = "走访慰问困难职工32户，为86名困难职工子女发放助学金6.4万元。"
    again = check(facts, draft, lexicon=lexicon)
    assert again == check(facts, draft, lexicon=Lexicon.from_words(set(lexicon.words)))  # cached = fresh
    assert [h.status for h in again.numbers] == ["mismatch", "mismatch", "supported"]
    assert check_sentence(facts, "走访慰问困难职工86户。", lexicon=lexicon).ok
    for n in range(FACT_SETS_KEPT + 5):
        fact_set([f"慰问{n}户"], [], lexicon)
    assert len(lexicon.fact_sets) == FACT_SETS_KEPT
    assert fact_set(facts, ["2025年"], lexicon) is not first  # dropped, built again


def test_support_content_words_are_its_words_of_content_characters():
    """uncovered() looks content bigrams up in Support.content; it must answer as all the lines' bigrams would,
    plus the bigrams of the synonyms of their words (issue 19: they count as written)."""
    from drafter.numcheck.support import Support

    lines = [line for line in _corpus_lines() if line.strip()]
    support = Support(lines[:400], lines[400:450])
    content = {g for g in support.words if len(grams(blank_not_content(g))) == 1} - _STOP
    aliases = {a[i:i + 2] for a in support.aliases for i in range(len(a) - 1)}
    assert content <= support.content <= content | aliases and len(content) > 2000


def test_frame_spans_are_the_frame_tries_matches():
    """faithlex.frame_spans (one small trie per first character) finds what lex.frame_re.finditer finds, on the
    corpus and on random text of its phrases; a lexicon whose frame_re is no trie of its words is read by frame_re."""
    import dataclasses
    import re

    from drafter.numcheck import load_lexicon
    from drafter.numcheck.faithlex import _frame_table, frame_spans

    lex = load_lexicon().faith
    assert _frame_table(lex.frame_re, lex.neutral) is not None  # the fast path is the one taken
    lines = _corpus_lines()
    phrases = sorted(lex.neutral)
    rng = random.Random(19)
    lines += ["".join(rng.choice(phrases)[: rng.randint(1, 6)] for _ in range(rng.randint(1, 12))) for _ in range(2000)]
    for line in lines:
        assert frame_spans(lex, line) == [m.span() for m in lex.frame_re.finditer(line)], line
    other = dataclasses.replace(lex, frame_re=re.compile("工作|开展"))
    assert frame_spans(other, "积极开展工会工作") == [(2, 4), (6, 8)]


def test_placeholders_without_a_mark_character_are_none_found_by_the_full_pattern():
    """find_placeholders' pre-test (no mark character, no placeholder) finds what the full pattern finds."""
    from textkit import placeholders

    def full(text: str) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), m.group(0)) for m in placeholders._PLACEHOLDER.finditer(text)]

    lines = _corpus_lines()
    rng = random.Random(7)
    alphabet = list("0123456789０１xXｘＸ×＿_*＊○□年月人元家 AbZz二〇") + sorted(set("".join(lines)))[:200]
    lines += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(5000)]
    assert all(placeholders.find_placeholders(line) == full(line) for line in lines)
    assert placeholders.find_placeholders("20xx年共慰问职工120人") == [(0, 5, "20xx年")]


def test_latin_words_start_where_no_letter_stands_before_them():
    """artifacts._LATIN (a letter, then the look-behind) finds the words the look-behind-first pattern finds."""
    import re

    from drafter.numcheck.artifacts import _LATIN

    before_first = re.compile(r"(?<![A-Za-z])[A-Za-z][A-Za-z0-9'\-]*+")
    rng = random.Random(11)
    lines = _corpus_lines() + ["".join(rng.choice("aZbx09'- 中文") for _ in range(rng.randint(0, 30)))
                               for _ in range(5000)]
    for line in lines:
        assert [m.span() for m in _LATIN.finditer(line)] == [m.span() for m in before_first.finditer(line)], line
    assert [m.group(0) for m in _LATIN.finditer("a1b2 Word's x-y")] == ["a1b2", "Word's", "x-y"]
