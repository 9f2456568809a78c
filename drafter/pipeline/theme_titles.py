"""Headings and lead keys from the theme(s) a section's facts share, so that a section's heading and its template
lead speak of every fact in it.

A fact is *clearly* of a theme when the lexicon places it there (plan.py's prior) and it writes one of that theme's
keywords; a fact placed by meaning alone is loose. A theme is the section's own when at least half of its facts
fall under it, no fact is clearly of another theme (unless it also writes this theme's keywords), and its keywords
are written in the facts: in one fact of a one- or two-fact section, in two facts of a larger one. Facts placed by
one loose word do not back its heading ("创新自己的工作" is no 劳动竞赛).
A section of two themes (together SHARED of its facts, each backed so, or of more themes of one [[family]]) is
headed by their family's heading (themes.toml), else their `short` names joined ("推进民主管理，做好帮扶服务"), and
its template lead is their family's joint lead (lead.j2 "culture+women"), else the plain one.
A section whose misfits stay may get a heading composed of its themes (`composed`, for titling.wider).
"""

from __future__ import annotations

import itertools
from collections import Counter

from drafter.pipeline.heading_rules import content_bigrams
from drafter.pipeline.themes import Theme, ThemeBook

SHARED = 0.6  # two themes name a section when they hold this share of its facts
MINOR = 0.2  # facts clearly of another theme below this share of a large section need not be named by its heading


def backed(theme: Theme, facts: list[str]) -> bool:
    """The facts write the theme's keywords: in one fact of a section of one or two, in two facts of a larger one."""
    writing = sum(1 for fact in facts if theme.keyword_score(fact) > 0)
    return writing >= (1 if len(facts) <= 2 else 2)


def clear_themes(facts: list[str], themes: list[Theme | None]) -> list[Theme]:
    """The themes some fact is clearly of (placed there and writing its keywords), in the lexicon's order."""
    clear = {t.key: t for f, t in zip(facts, themes) if t is not None and t.keyword_score(f) > 0}
    return sorted(clear.values(), key=lambda t: t.order)


def own_theme(facts: list[str], themes: list[Theme | None]) -> Theme | None:
    """The theme at least half of the facts fall under, with fewer than MINOR of them clearly of another theme,
    when the facts back it (see `backed`); of two such (half each), the first backed."""
    counted = Counter(t.key for t in themes if t is not None)
    by_key = {t.key: t for t in themes if t is not None}
    for key, count in counted.most_common(2):
        theme = by_key[key]
        strays = [f for f, t in zip(facts, themes) if t is not None and t.key != key and t.keyword_score(f) > 0]
        if count * 2 >= len(facts) and len(strays) < MINOR * len(facts) and backed(theme, facts):
            return theme
    return None


def _shared(facts: list[str], themes: list[Theme | None], book: ThemeBook) -> list[Theme]:
    """The two or three themes the section's facts share (together SHARED of them, every theme that clearly holds
    MINOR of them among them, each backed), in the lexicon's order; [] when none do."""
    counted = Counter(t.key for t in themes if t is not None)
    by_key = {t.key: t for t in themes if t is not None}
    clear = [t.key for t in clear_themes(facts, themes)
             if sum(1 for f, own in zip(facts, themes) if own is t and t.keyword_score(f) > 0) >= MINOR * len(facts)]
    keys = sorted(clear, key=lambda k: -counted[k])
    for key, _ in counted.most_common():
        if len(keys) >= 2 and sum(counted[k] for k in keys) >= SHARED * len(facts):
            break
        keys += [key] if key not in keys else []
    if not 2 <= len(keys) <= 3 or sum(counted[k] for k in keys) < SHARED * len(facts):
        return []
    shared = [by_key[k] for k in keys]
    if not all(backed(t, [f for f, own in zip(facts, themes) if own is t]) for t in shared):
        return []
    return sorted(shared, key=lambda t: t.order)


def joint_titles(facts: list[str], themes: list[Theme | None], book: ThemeBook) -> list[str]:
    """Headings naming the themes the section's facts share: their family's, else their `short` names joined
    ("推进民主管理，做好帮扶服务"); none when no two or three share it."""
    shared = _shared(facts, themes, book)
    keys = {t.key for t in shared}
    family = [h for f in book.families if keys and keys <= f.keys for h in f.headings]
    words = [[w for w in t.shorts_for([f for f, own in zip(facts, themes) if own is t]) if w] for t in shared]
    return family + [t for combo in itertools.product(*words) for t in joined(combo)] if shared else family


def lead_key(facts: list[str], themes: list[Theme | None], book: ThemeBook) -> str:
    """The template lead's theme key: the section's own theme (its facts write its keywords: a theme placed by
    meaning alone gives no 安全 lead over 献计献策), else its family's joint key ("culture+women", in the family's
    order) when themes of one family share it, else "" (the plain lead, which fits any facts)."""
    own = own_theme(facts, themes)
    if own is not None:
        return own.key
    keys = {t.key for t in _shared(facts, themes, book)}
    family = next((f for f in book.families if keys and keys <= f.keys), None)
    return "+".join(k for k in family.members if k in keys) if family else ""


def shared_titles(facts: list[str], themes: list[Theme | None], book: ThemeBook) -> list[str]:
    """The lexicon's headings of the theme the facts share (`own_theme`), else of the themes they share together
    (`joint_titles`)."""
    held = own_theme(facts, themes)
    return list(held.titles_for(facts)) if held else joint_titles(facts, themes, book)


def spans(title: str, facts: list[str], themes: list[Theme | None]) -> bool:
    """A heading over facts clearly of several themes speaks of each of them: it writes one of the theme's keywords
    or shares a content word with one of its facts (a heading naming only the competitions heads no 文体活动)."""
    words = content_bigrams(title)
    for theme in clear_themes(facts, themes):
        own = [f for f, t in zip(facts, themes) if t is theme and theme.keyword_score(f) > 0]
        if len(own) < MINOR * len(facts):
            continue
        if not theme.keyword_score(title) and not any(w in f for f in own for w in words) \
                and title not in {h.text for h in theme.headings}:  # the theme's own heading speaks of it
            return False
    return True


def composed(facts: list[str], themes: list[Theme | None]) -> list[str]:
    """Headings composed for a section no example or lexicon heading covers as a whole: its main theme's headings when
    that theme holds half of its facts, then the `short` names of two (then three) of its themes joined
    ("抓好安全生产，加强宣传工作"), most facts first, each theme clearly held by a fact of the group and the themes
    together holding half of its facts (the claim check still decides: titling.wider)."""
    counted = Counter(t for t in themes if t is not None)
    clear = [t for t, _ in counted.most_common() if any(p is t and t.keyword_score(f) > 0 for f, p in zip(facts, themes))]
    own = lambda theme: [f for f, t in zip(facts, themes) if t is theme]  # noqa: E731
    options = list(clear[0].titles_for(own(clear[0]))) if clear and 2 * counted[clear[0]] >= len(facts) else []
    for size in (2, 3):
        for combo in itertools.combinations(clear[:4], size):
            if 2 * sum(counted[t] for t in combo) < len(facts):
                continue
            ordered = sorted(combo, key=lambda t: t.order)
            words = [[w for w in t.shorts_for(own(t)) if w] for t in ordered]
            options += [t for parts in itertools.product(*words) for t in joined(parts)]
    return options


def joined(parts) -> list[str]:
    """Short names joined into one heading: a verb they all open with said once ("加强组织建设、学习培训和宣传工作",
    not 加强组织建设，加强学习培训，加强宣传工作: held-out s002_04), then clause by clause, which the claim check may
    pass where the list does not ("推进民主管理，做好帮扶服务": verbs of their own, that form only)."""
    parts = list(parts)
    plain = "，".join(parts)
    verb = parts[0][:2] if parts else ""
    if len(parts) < 2 or not all(p.startswith(verb) and len(p) > 3 for p in parts):
        return [plain]
    rest = [p[2:] for p in parts]
    return [verb + "、".join(rest[:-1]) + "和" + rest[-1], plain]
