"""Theme claims: a clause or heading that names a kind of work (思想引领, 民主管理, 学习教育, 金秋助学, 会员队伍…壮大;
the [themes] table of drafter/data/faithful_lexicon.toml) asserts that such work was done, so a fact, problem, plan
or period/org line must write the theme or one of its instances (思想引领: 宣讲, 党课, 学雷锋 …).

Themes are read on the whole clause, before frame phrases are masked (队伍不断壮大 is frame, 会员队伍不断壮大 is a
theme), and on a heading as a whole (开展金秋助学，帮助困难职工子女完成学业 names 金秋).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.numcheck.faithlex import FaithLexicon

if TYPE_CHECKING:
    from drafter.numcheck.support import Support


def unbacked_themes(clause: str, support: Support, lex: FaithLexicon,
                    found: list[tuple[str, int]] | None = None) -> list[str]:
    """The theme phrases of `clause` that neither the support lines write nor any of their instance words.
    `found`: the clause's (phrase, theme index) matches when already known (DraftWords)."""
    if found is None:
        found = [(m.group(0), m.lastindex - 1) for m in lex.theme_re.finditer(clause)]
    out = []
    for phrase, index in found:
        _, backs = lex.themes[index]
        if phrase not in support.text and not any(w in support.text for w in backs):
            out.append(phrase)
    return out
