"""Content bigrams of many lines at once (the facts' word index for sentence traces, drafter.numcheck.claims).

`content_grams(lines, not_content, stop)` is, for each line, the set of bigrams of two consecutive Chinese
characters (U+4E00..U+9FFF) that are not in `not_content`, minus `stop`: every other character is blanked in one
substitution over all lines, and each line's bigrams are found by one overlapping regex call (in C), instead of
a Python loop per bigram.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

_PAIR = re.compile(r"(?=([^ ]{2}))")  # two characters that are not blank, overlapping


@lru_cache(maxsize=4)
def _blank_pattern(not_content: frozenset[str], first: int = 0x4E00, last: int = 0x9FFF) -> re.Pattern:
    """Every character but a Chinese one outside `not_content`: one negated class of ranges."""
    ranges, lo = [], first
    for code in sorted(ord(c) for c in not_content if first <= ord(c) <= last) + [last + 1]:
        if code > lo:
            ranges.append(f"{chr(lo)}-{chr(code - 1)}")
        lo = max(lo, code + 1)
    return re.compile("[^" + "".join(ranges) + "]")


def content_grams(lines: Sequence[str], not_content: frozenset[str], stop: frozenset[str]) -> list[set[str]]:
    """For each line, its bigrams of two content characters, minus `stop`."""
    joined = _blank_pattern(frozenset(not_content)).sub(" ", "\n".join(lines))
    out, start = [], 0
    for line in lines:
        out.append(set(_PAIR.findall(joined, start, start + len(line))) - stop)
        start += len(line) + 1
    return out
