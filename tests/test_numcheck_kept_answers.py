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
