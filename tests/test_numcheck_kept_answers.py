"""Per-word answers the check keeps across fact lists (issue 19's throughput, session 21): a token's tag in
drafter.numcheck.words and Reader.neutral's answer with the lexicon. They give what a fresh reading gives, and the
kept answers stay bounded."""

from __future__ import annotations

import re

from drafter.numcheck import jiebacut, load_lexicon, words
from drafter.numcheck.faithlex import load_faith
from drafter.numcheck.factset import fact_set
from drafter.numcheck.rolewords import Reader
from drafter.settings import PROJECT_ROOT


def _clauses(limit: int = 400) -> list[str]:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((PROJECT_ROOT / "samples").glob("*.md"))[:6])
    return [c for c in re.split("[，。；：\n]", text) if c.strip()][:limit]


def test_words_with_few_kept_tags_are_the_words_with_many(monkeypatch):
    clauses = _clauses()
    words.forget()
    plenty = [words.words(c) for c in clauses]
    monkeypatch.setattr(words, "SEEN_KEPT", 50)
    words.forget()
    words._SEEN[:] = [None, {}]
    few = [words.words(c) for c in clauses]
    assert few == plenty
    assert 0 < len(words._SEEN[1]) <= 50
    words.forget()


def test_a_block_cut_alone_is_the_cut_of_its_text():
    han = jiebacut.blocks()
    blocks = [b for c in _clauses() for k, b in enumerate(han.split(c)) if k % 2]
    assert blocks and all(jiebacut.cut_block(b) == jiebacut.cut(b) for b in blocks)


def test_neutral_answers_are_kept_with_the_lexicon_and_bounded(monkeypatch):
    lex = load_faith()
    first = Reader(fact_set(["工会慰问困难职工30户"], [], load_lexicon()).support, lex)
    other = Reader(fact_set(["举办职工篮球赛"], [], load_lexicon()).support, lex)
    sample = ["积极", "工会", "如火如荼", "篮球赛", "的", "本年度", "共设", "困难职工"]
    assert [first.neutral(w) for w in sample] == [first._neutral(w) for w in sample]
    assert all(w in lex.neutral_seen for w in sample)  # another fact list asks nothing again
    assert [other.neutral(w) for w in sample] == [other._neutral(w) for w in sample]
    monkeypatch.setattr("drafter.numcheck.rolewords.NEUTRAL_KEPT", 3)
    lex.neutral_seen.clear()
    for w in sample:
        assert other.neutral(w) == other._neutral(w)
        assert 0 < len(lex.neutral_seen) <= 3
    lex.neutral_seen.clear()


def test_typos_look_at_exactly_the_positions_its_loop_would_not_pass_over():
    """typos._candidates: the first ANCHOR positions, those after a window of the support text and those after a
    character that is no letter, digit or Chinese character; every other position is one the loop skips."""
    from drafter.numcheck import typos

    bmp = [chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF]
    assert [c for c in bmp if bool(typos._OPENER.fullmatch(c)) == ("\u4e00" <= c <= "\u9fff" or c.isalnum())] == []
    clauses = _clauses(200)
    support = "\n".join(clauses[::3])
    anchors = typos._index(support)[0]
    for draft in ["\n".join(clauses[k:k + 5]) for k in range(0, 200, 5)] + ["", "ab", "工会", "_工会慰问a1"]:
        expected = [i for i in range(len(draft) - typos.ANCHOR) if i < typos.ANCHOR
                    or draft[i - typos.ANCHOR:i] in anchors
                    or not ("\u4e00" <= draft[i - 1] <= "\u9fff" or draft[i - 1].isalnum())]
        assert typos._candidates(draft, anchors) == expected


def test_assert_and_ignore_answers_are_the_patterns_kept_per_lexicon_and_bounded(monkeypatch):
    """faithlex.asserts / ignorable: the fullmatch of the lexicon's own patterns, kept with that lexicon only (a
    lexicon built with other words, or copied by dataclasses.replace with another pattern, asks its own), bounded."""
    from dataclasses import replace

    from drafter.numcheck import faithlex

    lex = load_faith()
    sample = ["开展", "慰问", "举办", "职工", "篮球赛", "获评", "表彰", "的", "组织开展"]
    for ask, pattern in ((faithlex.asserts, lex.assert_words), (faithlex.ignorable, lex.item_ignore)):
        assert [bool(ask(lex, w)) for w in sample] == [bool(pattern.fullmatch(w)) for w in sample]
        assert [bool(ask(lex, w)) for w in sample] == [bool(pattern.fullmatch(w)) for w in sample]  # kept answers
    assert any(faithlex.asserts(lex, w) for w in sample) and not all(faithlex.asserts(lex, w) for w in sample)
    other = replace(lex, assert_words=re.compile("职工|篮球赛"), item_ignore=re.compile("的"))
    assert other.assert_seen is not lex.assert_seen and other.ignore_seen is not lex.ignore_seen
    assert [bool(faithlex.asserts(other, w)) for w in sample] == [w in ("职工", "篮球赛") for w in sample]
    assert [bool(faithlex.ignorable(other, w)) for w in sample] == [w == "的" for w in sample]
    built = faithlex.build({"activity": {"words": ["篮球赛"]}})
    assert [bool(faithlex.asserts(built, w)) for w in sample] == [w == "篮球赛" for w in sample]
    monkeypatch.setattr(faithlex, "KEPT_WORDS", 3)
    lex.assert_seen.clear()
    for w in sample:
        assert bool(faithlex.asserts(lex, w)) == bool(lex.assert_words.fullmatch(w))
        assert 0 < len(lex.assert_seen) <= 3
    lex.assert_seen.clear()


def test_inserted_reads_the_clause_at_the_positions_of_one_match_per_character():
    """inserted.inserted finds the characters no insertion may hold with one finditer: the positions a match at
    each position finds (every alternative of the pattern is one character)."""
    from drafter.numcheck.inserted import _NOT_INSIDE

    for clause in _clauses() + ["", "a", "工会", "为新入职维保工配发1套工具", "２０人参加，的了"]:
        one_by_one = [e for e in range(2, len(clause) - 1) if _NOT_INSIDE.match(clause, e - 1)]
        found = {m.start() for m in _NOT_INSIDE.finditer(clause, 1, len(clause) - 2)}
        assert one_by_one == [e for e in range(2, len(clause) - 1) if e - 1 in found]


def test_kept_assert_answers_are_right_when_threads_share_the_lexicon(monkeypatch):
    """The service's threads share one lexicon: answers read and written (and the store emptied when full) by
    several threads at once are each the pattern's own."""
    from concurrent.futures import ThreadPoolExecutor

    from drafter.numcheck import faithlex

    lex = load_faith()
    sample = [w for c in _clauses(120) for w in re.findall("[\u4e00-\u9fff]{2,4}", c)][:400]
    expected = [bool(lex.assert_words.fullmatch(w)) for w in sample]
    monkeypatch.setattr(faithlex, "KEPT_WORDS", 50)  # emptied often while others read
    lex.assert_seen.clear()
    with ThreadPoolExecutor(8) as pool:
        runs = list(pool.map(lambda _: [bool(faithlex.asserts(lex, w)) for w in sample], range(16)))
    assert all(run == expected for run in runs) and any(expected)
    assert len(lex.assert_seen) <= 50 + 8  # the bound, plus at most one word per thread between its test and write
    lex.assert_seen.clear()
