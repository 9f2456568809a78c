"""Sub-sections that name what differs (issue 20: no repeated headings). An area of sub-sections （一）（二） may say
one word of its area in two parts (三、深化民主管理 （一）坚持民主管理，畅通职工参与渠道 （二）坚持校务公开，实施民主管理), or
a part may name an area another section's heading names: a secretary reads these as one part, or one section, twice.
The area's own heading may name what its parts share (one_home.plan_shared, part_words).

The parts keep their headings largest first; a part whose heading says a word a kept part says, or names an area
another section's heading names, is re-titled: its heading with those clauses cut out, the headings of the themes
its facts share, the headings composed of its themes, its candidates (example headings near it), the first that
passes every heading rule, speaks of each of its facts' themes and says none of them. When a part still says what
another does and the area's facts fill at most two sections, the area is one section again (past the section cap: a
secretary reads ten facts under one heading better than two parts saying one thing); larger areas keep their parts.
"""

from __future__ import annotations

import re

from drafter.pipeline import theme_titles, titling
from drafter.pipeline.one_home import part_words, same_area
from drafter.pipeline.titling import bare
from textkit.sentences import COMMAS, SEMICOLONS, char_class

_CLAUSE = re.compile(char_class(COMMAS + SEMICOLONS))


def name_apart(planner, subs: list, titles: list[str], areas: list[str], index: int, facts: list[str],
               used: set[str]) -> list[str]:
    """The headings of the parts of area `index` of the plan's `areas` (their headings), none saying a word a kept
    part says nor naming another area's; `used` follows the headings changed. [] when the area is one section again."""
    book, titles = planner.book, list(titles)
    outside = [t for i, t in enumerate(areas) if i != index]
    said: frozenset[str] = frozenset()
    apart = True
    for part in sorted(range(len(subs)), key=lambda i: -len(subs[i].lines)):
        if part_words(titles[part]) & said or _names_outside(titles[part], outside, book):
            new = _apart(planner, subs[part], titles[part], said, outside, areas[index], facts, used)
            if new:
                used.discard(bare(titles[part]))
                used.add(bare(new))
                titles[part] = new
            apart = apart and bool(new)
        said |= part_words(titles[part])
    per = max(1, planner.settings.max_facts_per_section)
    if not apart and sum(len(sub.lines) for sub in subs) <= 2 * per:
        planner.warn_large(per)
        return []
    return titles


def _names_outside(title: str, outside: list[str], book) -> bool:
    """Does a part's heading name an area another section's heading names (one_home.same_area: in other words too)?"""
    return any(same_area(title, other, book) for other in outside)


def _apart(planner, sub, title: str, said: frozenset[str], outside: list[str], parent: str, facts: list[str],
           used: set[str]) -> str:
    """A heading for the part saying no word of `said` and naming no area of `outside` (see the module docstring);
    "" when none does."""
    book = planner.book
    clear = lambda text: not part_words(text) & said and not _names_outside(text, outside, book)  # noqa: E731
    own, placed = [facts[i] for i in sub.lines], [planner.placed[i] for i in sub.lines]
    cut = "，".join(c for c in map(bare, _CLAUSE.split(title)) if clear(c))
    themed = [*theme_titles.shared_titles(own, placed, book), *sub.themed, *theme_titles.composed(own, placed)]
    free = used - {bare(title)}
    for option in dict.fromkeys([cut, *themed, *sub.candidates]):
        if (option and option not in (title, parent) and part_words(option) and clear(option)
                and theme_titles.spans(option, own, placed)
                and titling.acceptable(option, own, free, option in themed)):
            return option
    return ""
