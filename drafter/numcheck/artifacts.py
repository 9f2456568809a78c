"""Artifacts: what is no summary text — prompt echoes and chatter (their whole sentence), Markdown marks,
foreign Latin words, numerals mixing digit scripts or look-alike letters, garbled characters, and a character
changed inside a copied stretch of a fact (typos.py: 慢问 for 慰问) (kind `artifact`).

Every pattern here runs over any text a user sends, so each is linear in the text: the lexicon's patterns are
written without `^\\s*` and nested quantifiers, and the sentence around a match is found by bisection.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from drafter.models import Claim
from drafter.numcheck.digits import mixed_numerals
from drafter.numcheck.faithlex import FaithLexicon
from drafter.numcheck.garbled import garbled
from drafter.numcheck.typos import typos
from textkit.sentences import SENTENCE_ENDS, char_class

if TYPE_CHECKING:
    from drafter.numcheck.support import Support

# A Latin word: a letter, then letters, digits, ' and -, trimmed back to its last letter in Python (a pattern
# ending in [A-Za-z] would backtrack over every run of digits: quadratic on a1a1a1…).
# (the letter first, then the look-behind: "no letter before it", so the engine skips to letters at C speed)
_LATIN = re.compile(r"[A-Za-z](?<![A-Za-z][A-Za-z])[A-Za-z0-9'\-]*+")
_TRAILING = re.compile(r"[^A-Za-z]+$")
_ECHO_REASONS = ("Markdown 标记",)


def artifacts(draft: str, support: Support, lex: FaithLexicon) -> list[Claim]:
    """Prompt echoes and chatter (their whole sentence), Markdown marks and foreign Latin words (the mark)."""
    out: list[Claim] = []
    stops = _Stops(draft)
    for pattern, reason in lex.artifacts:
        last = None
        for m in pattern.finditer(draft):
            if reason in _ECHO_REASONS:
                s, e = m.start() + (len(m.group(0)) - len(m.group(0).lstrip())), m.end()
                while e > s and draft[e - 1].isspace():
                    e -= 1
            else:
                s, e = stops.sentence_around(m.start(), m.end())
            if e > s and (s, e) != last:  # several matches in one sentence: one claim
                out.append(Claim(start=s, end=e, text=draft[s:e], kind="artifact", note=reason))
                last = (s, e)
    for m in _LATIN.finditer(draft):
        word = m.group(0)
        if not word[-1].isascii() or not word[-1].isalpha():
            word = _TRAILING.sub("", word)
        if len(word) < 2:
            continue
        if word.lower() not in lex.latin and word.lower() not in support.text:
            out.append(Claim(start=m.start(), end=m.start() + len(word), text=word, kind="artifact",
                             note=f"正文中出现了英文词 {word}（不是事实中的名称或单位）"))
    for s, e in mixed_numerals(draft):
        out.append(Claim(start=s, end=e, text=draft[s:e], kind="artifact",
                         note=f"数字“{draft[s:e]}”混用了不同文字的数字或形似字母，可能是伪造或乱码"))
    return out + garbled(draft, support.text, lex.chars) + typos(draft, support.text, lambda: support.alias_text)


_STOP_CHAR = re.compile(char_class(SENTENCE_ENDS + "\n"))


class _Stops:
    """The sentence ends of a text, found once: the sentence around a match by bisection (a search per match
    from the match outwards would make many matches in one long sentence quadratic)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.at = [m.start() for m in _STOP_CHAR.finditer(text)]
        self._spans: dict[tuple[int, int], tuple[int, int]] = {}

    def sentence_around(self, start: int, end: int) -> tuple[int, int]:
        text, at = self.text, self.at
        i = bisect_left(at, start)
        j = bisect_left(at, end, i)
        if (i, j) not in self._spans:  # leading blanks skipped once per sentence
            s = at[i - 1] + 1 if i else 0
            e = (at[j] + (0 if text[at[j]] == "\n" else 1)) if j < len(at) else len(text)
            while s < e and text[s].isspace():
                s += 1
            self._spans[(i, j)] = (s, e)
        return self._spans[(i, j)]
