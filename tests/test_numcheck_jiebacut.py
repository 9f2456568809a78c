"""The check's segmentation is jieba's, only cheaper (issue 19's throughput): drafter.numcheck.jiebacut gives the
tokens of `jieba.cut` and drafter.numcheck.words reads a clause block by block with the words it would get
reading the clause whole."""

from __future__ import annotations

import random
import re

import pytest

from drafter.numcheck import jiebacut
from drafter.numcheck.words import _jieba, _read, snap, words
from drafter.settings import PROJECT_ROOT

_EDGES = ["", " ", "abc 123\r\n x", "１２３ＡＢ①", "C++和C#培训", "增长3.5%，达到-5度", "a\tb\u3000c",
          "劳务派遣工和外包人员", "真切感受到组织的温暖", "赴市奥体中心参加比赛", "工会工会工会工会工会", "𠀀㐀\u9fd6字"]


def _lines() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((PROJECT_ROOT / "samples").glob("*.md"))]
    lines = [line for text in texts for line in text.splitlines() if line.strip()]
    rng = random.Random(19)
    shuffled = ["".join(rng.choice(line) for _ in line) for line in rng.sample(lines, 300)]  # unknown words: HMM
    clauses = [c for line in lines[:300] for c in re.split("(?<=[，。；：、])", line) if c]
    return lines + shuffled + clauses + _EDGES


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return _lines()


def test_the_cut_is_jiebas(lines):
    jieba = _jieba()[0]
    differ = [line for line in lines if jiebacut.cut(line) != list(jieba.cut(line, HMM=True))]
    assert not differ, differ[:3]


def test_a_clause_read_block_by_block_has_the_words_read_whole(lines):
    differ = [line for line in lines if words(line) != _read(line)]
    assert not differ, differ[:3]
    assert words("劳务派遣工和外包人员参加培训")[0][2] == "劳务派遣工"  # a [segment] word stays one word


def test_snap_reading_one_block_widens_to_the_words_of_the_whole_text(lines):
    """snap reads only the jieba block around each end: it widens every span exactly as the words of the whole
    text do (a position inside a word goes to the word's edge, any other stays), at every position of a text."""
    texts = lines[::7] + ["好" * 600 + "，" + "a1" * 300 + "好的**第1"]
    for text in texts:
        ws = _read(text)
        inner = {p: (s, e) for s, e, _, _ in ws for p in range(s + 1, e)}
        for pos in range(-1, len(text) + 2):
            s, e = inner.get(pos, (pos, pos))
            assert snap(text, pos, pos) == (s, e), (text, pos)


def test_in_it_in_all_is_not_the_party():
    """jieba's dictionary has 中共 (the Party): after an event, before a verb, 有 or a number, 中共 is 中 + 共
    ("in it, in all"), so the check does not read a new body 中共 into a faithful sentence; the Party keeps its word."""
    from drafter.numcheck import check
    from drafter.numcheck.words import words

    assert [w[2] for w in words("慰问活动中共走访职工52户")][:4] == ["慰问", "活动", "中", "共"]
    assert [w[2] for w in words("座谈会中共有40人发言")][1:3] == ["中", "共"]
    assert "中共" in [w[2] for w in words("在中共市委的领导下")]
    assert "中共" in [w[2] for w in words("中共促成")]  # at the clause's start: the Party
    facts = ["开展春节慰问活动，走访职工52户"]
    assert not check(facts, "工会开展春节慰问活动，活动中共走访职工52户。").claims
