"""Headings from the theme a section's facts share, for a section no example heading fits.

A theme is the section's when at least half of its facts fall under it (the lexicon's prior, plan.py) and its
keywords are written in the facts: in one fact of a one- or two-fact section, in two facts of a larger one. Facts
placed under a theme by meaning alone, or by one loose word, do not back its heading ("创新自己的工作" is no 劳动竞赛).
Two themes share a section when together they hold SHARED of its facts and each is backed so: their family's
heading (themes.toml [[family]]), else their `short` names joined ("推进民主管理，做好帮扶服务").
"""

from __future__ import annotations

from collections import Counter

from drafter.pipeline.themes import Theme, ThemeBook

SHARED = 0.6  # two themes name a section when they hold this share of its facts


def backed(theme: Theme, facts: list[str]) -> bool:
    """The facts write the theme's keywords: in one fact of a section of one or two, in two facts of a larger one."""
    writing = sum(1 for fact in facts if theme.keyword_score(fact) > 0)
    return writing >= (1 if len(facts) <= 2 else 2)


def own_theme(facts: list[str], themes: list[Theme | None]) -> Theme | None:
    """The theme at least half of the facts fall under, when the facts back it (see `backed`)."""
    counted = Counter(t.key for t in themes if t is not None)
    if not counted:
        return None
    key, count = counted.most_common(1)[0]
    theme = next(t for t in themes if t is not None and t.key == key)
    return theme if count * 2 >= len(facts) and backed(theme, facts) else None


def joint_titles(facts: list[str], themes: list[Theme | None], book: ThemeBook) -> list[str]:
    """Headings naming the two themes the section's facts share (none when no two hold SHARED of them)."""
    counted = Counter(t.key for t in themes if t is not None)
    by_key = {t.key: t for t in themes if t is not None}
    pair = [by_key[k] for k, _ in counted.most_common(2)]
    if len(pair) < 2 or sum(counted[t.key] for t in pair) < SHARED * len(facts):
        return []
    if not all(backed(t, [f for f, own in zip(facts, themes) if own is t]) for t in pair):
        return []
    keys = {t.key for t in pair}
    family = [h for f in book.families if keys <= f.keys for h in f.headings]
    pair.sort(key=lambda t: t.order)
    joined = [f"{pair[0].short}，{pair[1].short}"] if all(t.short for t in pair) else []
    return family + joined
