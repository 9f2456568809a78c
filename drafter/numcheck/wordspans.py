"""The lexicon's object, assertion and theme words found once over a whole draft, then read per clause.

Three regexes over the whole draft instead of three calls on each of its clauses (6,000 in the corpus): a few per
cent of a check. Words of the lexicon hold no clause separator, so a match over the whole draft lies inside one
clause, and the matches inside a clause are exactly those a scan of the clause alone finds. Where a match does cross a clause's edge (a user's
word with a comma in it), `in_clause` answers None and the caller scans that clause alone.
"""

from __future__ import annotations

from bisect import bisect_left

from drafter.numcheck.faithlex import FaithLexicon

Spans = list[tuple[int, int, object]]  # (start, end, word) of one regex's matches, start-ordered


def spans(pattern, text: str) -> Spans:
    """(start, end, word) of every match of `pattern` in `text`."""
    return [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]


def _inside(spans: Spans, starts: list[int], lo: int, hi: int) -> Spans | None:
    """The spans within [lo, hi), shifted to the clause; None when one crosses lo or hi."""
    i = bisect_left(starts, lo)
    if i and spans[i - 1][1] > lo:
        return None
    j = bisect_left(starts, hi, i)
    if j == i:
        return _EMPTY
    if spans[j - 1][1] > hi:
        return None
    return [(s - lo, e - lo, w) for s, e, w in spans[i:j]]


_EMPTY: Spans = []  # shared, never changed: most clauses have no match of a regex


class DraftWords:
    """Object, assertion and theme matches of one draft (theme entries carry their theme's index), found when a
    clause is first asked about (a draft whose clauses the facts all write asks about none)."""

    def __init__(self, draft: str, lex: FaithLexicon):
        self._draft, self._lex, self._starts = draft, lex, None

    def _find(self) -> None:
        draft, lex = self._draft, self._lex
        self.objects = spans(lex.object_re, draft)
        self.acts = spans(lex.assert_words, draft)
        self.themes = [(m.start(), m.end(), (m.group(0), m.lastindex - 1)) for m in lex.theme_re.finditer(draft)]
        self._starts = [[s[0] for s in spans] for spans in (self.objects, self.acts, self.themes)]

    def in_clause(self, lo: int, hi: int) -> tuple[Spans, Spans, list[tuple[str, int]]] | None:
        """(objects, assertion words, (theme phrase, theme index)) of the clause [lo, hi), offsets relative to
        it; None when a match crosses the clause's edge."""
        if self._starts is None:
            self._find()
        objects = _inside(self.objects, self._starts[0], lo, hi)
        acts = _inside(self.acts, self._starts[1], lo, hi)
        themes = _inside(self.themes, self._starts[2], lo, hi)
        if objects is None or acts is None or themes is None:
            return None
        return objects, acts, [w for _, _, w in themes]
