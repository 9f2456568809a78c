"""The lexicon of words that contain numerals but are no quantities (进一步, 三八红旗手 …).

Shipped in drafter/data/numbers_lexicon.toml; users add words with their own file (Settings.numbers_lexicon,
TOML with the same layout or plain text, one word per line). Matching is by hashing windows around each
numeral character, so it costs O(numeral characters × word shapes), independent of the lexicon size.
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from drafter.domain.errors import LexiconError  # noqa: F401 - re-exported; defined in drafter.domain.errors
from drafter.numcheck.cnnum import CN_CHARS
from drafter.numcheck.faithlex import FaithLexicon, load_faith
from drafter.numcheck.lru import BoundedCache
from drafter.numcheck.trie import trie_pattern
from textkit.decoding import DecodeError, decode_utf8

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "numbers_lexicon.toml"
NUMERAL_CHARS = CN_CHARS + "0123456789"
_CN_RUN = re.compile(f"[{CN_CHARS}]+")
FACT_SETS_KEPT = 32  # fact lists whose numbers and words a lexicon keeps (drafter.numcheck.factset)


@dataclass(frozen=True)
class Lexicon:
    words: frozenset[str]
    # Chinese numeral char -> (index of that char in a word, word length) pairs
    shapes: dict[str, tuple[tuple[int, int], ...]] = field(default_factory=dict, compare=False, hash=False)
    # words with Arabic digits (12351, 5G): one regex, not bordered by other digits
    digit_words: re.Pattern | None = field(default=None, compare=False, hash=False)
    # the faithfulness lexicon (frame phrases, assertion words …) used by the clause check
    faith: FaithLexicon | None = field(default=None, compare=False, hash=False)
    # words with a Chinese numeral: at each position the longest one there (a trie in a look-ahead), their
    # set and lengths (longest first) for the shorter words at a position whose longest word is not standalone
    cn_words: re.Pattern | None = field(default=None, compare=False, hash=False)
    cn_set: frozenset[str] = field(default=frozenset(), compare=False, hash=False)
    cn_lengths: tuple[int, ...] = field(default=(), compare=False, hash=False)
    # fact lists checked with this lexicon, their numbers and words (drafter.numcheck.factset), least recent dropped
    fact_sets: BoundedCache = field(default_factory=lambda: BoundedCache(FACT_SETS_KEPT), compare=False, hash=False,
                                    repr=False)

    @classmethod
    def from_words(cls, words: set[str] | frozenset[str], faith: FaithLexicon | None = None) -> "Lexicon":
        words = frozenset(w for w in words if w and any(c in NUMERAL_CHARS for c in w))
        shapes: dict[str, set[tuple[int, int]]] = defaultdict(set)
        with_digits = sorted((w for w in words if any(c.isascii() and c.isdigit() for c in w)), key=len, reverse=True)
        for word in words:
            for index, char in enumerate(word):
                if char in CN_CHARS:
                    shapes[char].add((index, len(word)))
        digit_words = None
        if with_digits:
            # each choice led by its first character, which the regex engine skips to; then no digit or point
            # before that character (the look-behind spans it); not when a decimal part or a unit follows (12351.5元,
            # 12351%: an amount, not the hotline 12351)
            alternation = "|".join(f"{re.escape(w[0])}(?<![0-9.].){re.escape(w[1:])}" for w in with_digits)
            digit_words = re.compile(f"(?:{alternation})(?![0-9]|[.．][0-9]|[%％元万亿千百个名人次])")
        cn_set = frozenset(w for w in words if any(c in CN_CHARS for c in w))
        cn_words = None
        if cn_set:
            first = "".join(sorted({re.escape(w[0]) for w in cn_set}))
            cn_words = re.compile(f"(?=[{first}])(?=({trie_pattern(cn_set)}))")
        return cls(words, {c: tuple(sorted(s)) for c, s in shapes.items()}, digit_words, faith or load_faith(),
                   cn_words, cn_set, tuple(sorted({len(w) for w in cn_set}, reverse=True)))

    def masks(self, text: str) -> list[tuple[int, int]]:
        """Spans whose union is the union of `spans(text)` (what the scanner masks), found in one regex pass:
        at each position the longest word there when it is standalone, else the longest shorter one that is
        (a word inside a longer one at the same start adds nothing to the union)."""
        found = [m.span() for m in self.digit_words.finditer(text)] if self.digit_words is not None else []
        if self.cn_words is None:
            return found
        for m in self.cn_words.finditer(text):
            start = m.start()
            end = start + len(m.group(1))
            if _standalone(text, start, end):
                found.append((start, end))
                continue
            for length in self.cn_lengths:
                if length < end - start and text[start:start + length] in self.cn_set \
                        and _standalone(text, start, start + length):
                    found.append((start, start + length))
                    break
        return found

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every lexicon word in `text` (which should already be normalised)."""
        found: set[tuple[int, int]] = set()
        words, shapes, n = self.words, self.shapes, len(text)
        if self.digit_words is not None:
            found.update(m.span() for m in self.digit_words.finditer(text))
        for run in _CN_RUN.finditer(text):
            run_start, run_end = run.span()
            for pos in range(run_start, run_end):
                for index, length in shapes.get(text[pos], ()):
                    start = pos - index
                    end = start + length
                    if start < 0 or end > n or (start, end) in found:
                        continue
                    if text[start:end] in words and _standalone(text, start, end):
                        found.add((start, end))
        return sorted(found)


def _standalone(text: str, start: int, end: int) -> bool:
    """A word starting (ending) with a numeral must not continue a bigger numeral: 十一 in 二十一人 is no word."""
    if text[start] in NUMERAL_CHARS and start > 0 and text[start - 1] in NUMERAL_CHARS:
        return False
    if text[start] == "之" and start > 0 and text[start - 1] == "分":
        return False  # 四分之一 is a fraction, not 之一
    if text[end - 1] in NUMERAL_CHARS and end < len(text) and text[end] in NUMERAL_CHARS:
        return False
    return True


def read_words(path: Path) -> set[str]:
    """Words of a lexicon file: TOML (every string list in every table) or text (one word per line)."""
    try:
        text = decode_utf8(path.read_bytes())
    except (OSError, DecodeError) as exc:
        raise LexiconError(f"无法读取数字词表 {path}: {exc}") from exc
    if path.suffix.lower() == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise LexiconError(f"数字词表 {path} 不是有效的 TOML: {exc}") from exc
        return {w.strip() for table in data.values() if isinstance(table, dict)
                for w in table.get("words", []) if isinstance(w, str)}
    return {line.split("#", 1)[0].strip() for line in text.splitlines()} - {""}


def load_lexicon(extra: Path | str | None = None, faith_extra: Path | str | None = None) -> Lexicon:
    """The shipped lexicon, plus the words of `extra` (Settings.numbers_lexicon) when given; its `faith` is the
    faithfulness lexicon plus `faith_extra` (Settings.faithful_lexicon).

    Cached per file and modification time, so an edited word list is picked up without a restart.
    """
    extra = Path(extra) if extra is not None else None
    stamp = extra.stat().st_mtime_ns if extra is not None and extra.exists() else None
    return _load(extra, stamp, load_faith(faith_extra))


@lru_cache(maxsize=8)
def _load(extra: Path | None, stamp: int | None, faith: FaithLexicon) -> Lexicon:
    words = read_words(DEFAULT_PATH)
    if extra is not None:
        words |= read_words(extra)
    return Lexicon.from_words(words, faith)


def lexicon_for(settings) -> Lexicon:
    """The lexicon a Settings asks for (shipped words + settings.numbers_lexicon, + settings.faithful_lexicon)."""
    return load_lexicon(getattr(settings, "numbers_lexicon", None), getattr(settings, "faithful_lexicon", None))
