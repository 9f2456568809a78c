"""Find the numbers in a text in one left-to-right pass: `extract_numbers(text) -> list[Mention]`.

1. normalise (digits of every script as ASCII, drafter.numcheck.digits; full-width punctuation; offsets kept);
2. mask what is no quantity: placeholders, list markers, lexicon words, numerals in short slogans “…” and the
   same slogan written again without quotes (or quoted in the facts: `phrases`), numerals in idioms and set
   phrases of jieba's and 词林's data (drafter.numcheck.setphrases: 万无一失, 一以贯之);
3. one compiled regex finds atoms (prefix, numeral, 余/多, 万/亿, unit, 左右 …), each parsed on the spot;
4. neighbouring atoms are combined into dates (2025年5月17日), ranges (3-5月, 5月15日至17日) and session
   numbers (二届三次). Every step is linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from drafter.numcheck import atoms as A
from drafter.numcheck.combine import combine
from drafter.numcheck.digits import ascii_digits
from drafter.numcheck.items import bind
from drafter.numcheck.lexicon import Lexicon, load_lexicon
from drafter.numcheck.mention import Mention
from drafter.numcheck.normalize import mask_spans, normalize
from drafter.numcheck.setphrases import numeral_spans
from textkit.headings import NUMBER_MARK
from textkit.placeholders import find_placeholders

# 一 and a reduplicated measure word (一份份心意, 一项项举措, 一张张笑脸): "one after another", no quantity
_REDUPLICATED = re.compile(r"一([^\W\d一二两三四五六七八九十百千万亿])\1")
# 不/无/未/没 + a verb + 一 + a measure word (不漏一户、不落一人, 不让一名职工掉队): "not a single one", no quantity
_NOT_ONE = re.compile(r"[不无未没][^\W\d一二两三四五六七八九十于到足过超满]{1,2}?(一)(?=[户人名个位家项件])")
_SLOGAN = re.compile(r"“[^”\n0-9]{1,12}”|‘[^’\n0-9]{1,12}’|「[^」\n0-9]{1,12}」")
PHRASE_CHARS = 3  # a quoted slogan this long or longer is the same slogan unquoted (四个好; not 五一 of 五一节)


def quoted_phrases(text: str) -> frozenset[str]:
    """The slogans with a Chinese numeral written in quotes in `text` (“四个好” gives 四个好)."""
    return frozenset(m.group(0)[1:-1] for m in _SLOGAN.finditer(text)
                     if len(m.group(0)) - 2 >= PHRASE_CHARS and A.has_cn_numeral(m.group(0)))


def extract_numbers(text: str, lexicon: Lexicon | None = None, phrases: frozenset[str] = frozenset()) -> list[Mention]:
    """Every number in `text`, in order, with offsets into `text` exactly as given (digits of every script,
    circled digits and Roman numerals read as digits: drafter.numcheck.digits). `phrases`: slogans the facts
    quote (quoted_phrases), no quantity in `text` either."""
    lexicon = lexicon or load_lexicon()
    wide, back = ascii_digits(text)
    if back is not None:  # a replacement longer than its character (⑫ -> 12): scan it, then map offsets back
        mentions = extract_numbers(wide, lexicon, phrases)
        for mention in mentions:
            mention.start, mention.end = back[mention.start], back[mention.end - 1] + 1
            mention.text = text[mention.start:mention.end]
            mention.source = text
        return mentions
    norm = normalize(wide)
    masked = mask_spans(norm, _excluded_spans(text, norm, lexicon, phrases))
    atoms = [a for a in map(_atom, A.ATOM.finditer(masked)) if a is not None]
    idioms = numeral_spans(norm, [(a.start, a.end) for a in atoms if A.has_cn_numeral(masked[a.start:a.end])])
    if idioms:  # 一日千里, 十年如一日: the numbers found inside set phrases are none; the rest read again
        masked = mask_spans(masked, idioms)
        atoms = [a for a in map(_atom, A.ATOM.finditer(masked)) if a is not None]
    mentions = combine(atoms, masked)
    for mention in mentions:
        mention.text = text[mention.start:mention.end]
        mention.source = text
    bind(mentions, norm)
    return mentions


_MIXED = re.compile(r"\D+(?=\d)")  # Chinese numeral characters before Arabic digits: 伍 of 队伍14支, 五 of 五14个


def _atom(m: re.Match) -> A.Atom | None:
    """The atom of a match; a Chinese numeral glued before Arabic digits (参赛队伍14支) is no part of the number,
    which is read from its first digit."""
    atom = A.parse_atom(m)
    if atom is None and (lead := _MIXED.match(m.group(0))) is not None:
        again = A.ATOM.match(m.string, m.start() + lead.end())
        atom = A.parse_atom(again) if again is not None else None
    return atom


# Between lines scanned together: a line break ends every clause, list-marker context and window, and the
# NUL between (the mask character, never a joiner) keeps ranges and dates from joining across it.
_LINE_GAP = "\n\x00\n"


def extract_lines(lines: Sequence[str], lexicon: Lexicon | None = None) -> list[list[Mention]]:
    """`extract_numbers` of each line (lines without line breaks), scanned in one pass: the same mentions,
    offsets and items as line by line, without the per-call cost (a fact list is many short lines)."""
    if any("\n" in line for line in lines):
        return [extract_numbers(line, lexicon) for line in lines]
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + len(_LINE_GAP)
    out: list[list[Mention]] = [[] for _ in lines]
    k = 0
    for mention in extract_numbers(_LINE_GAP.join(lines), lexicon):
        while k + 1 < len(starts) and mention.start >= starts[k + 1]:
            k += 1
        mention.start -= starts[k]
        mention.end -= starts[k]
        mention.source = lines[k]
        out[k].append(mention)
    return out


def _excluded_spans(text: str, norm: str, lexicon: Lexicon, phrases: frozenset[str]) -> list[tuple[int, int]]:
    spans = [(s, e) for s, e, _ in find_placeholders(text)]
    spans += [m.span() for m in NUMBER_MARK.finditer(norm)]
    slogans = [m for m in _SLOGAN.finditer(norm) if A.has_cn_numeral(m.group(0))]
    spans += [m.span() for m in slogans]
    quoted = {m.group(0)[1:-1] for m in slogans if len(m.group(0)) - 2 >= PHRASE_CHARS}
    for phrase in phrases | quoted if phrases or quoted else ():  # “四个好” … 四个好岗位竞赛
        at = norm.find(phrase)
        while at != -1:
            spans.append((at, at + len(phrase)))
            at = norm.find(phrase, at + 1)
    spans += lexicon.masks(norm)
    spans += [m.span() for m in _REDUPLICATED.finditer(norm)]
    spans += [m.span(1) for m in _NOT_ONE.finditer(norm)]
    return spans
