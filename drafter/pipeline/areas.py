"""One area, one place in the draft (issue 20): two sections whose headings name the same area, each over facts
clearly of it, become one — a single section when their facts fit one (at most max_facts_per_section), else one
area with the two as its sub-sections （一）（二） — under a heading that fits all their facts. Otherwise the opening
names the area twice and a meeting and its own acts are read as two areas (held-out s003_08: the 职代会's reports
and contract under 推进民主管理，加强自身建设, the 职代会 itself under 扎实做好厂务公开工作，切实加强民主管理与民主监督).
When no heading fits them all, the two stay apart."""

from __future__ import annotations

from collections import Counter

from drafter.pipeline import theme_titles, titling
from drafter.pipeline.fitting import names_theme


def area_themes(planner, lines: list[int], title: str, facts: list[str]) -> set[str]:
    """The section's area: the themes its heading names (fitting.names_theme) that at least half of the facts
    clearly of some theme are of (a 帮扶 section whose family heading also names 劳动保护 is no safety area)."""
    placed = planner.placed
    clear = Counter(placed[i] for i in lines if placed[i] is not None and placed[i].keyword_score(facts[i]) > 0)
    total = sum(clear.values())
    return {t.key for t, count in clear.items() if 2 * count >= total and t is not planner.themes[-1]
            and names_theme(title, t, planner.book)}


def join(planner, groups: list, titles: list[str], facts: list[str], used: set[str]) -> None:
    """Joins the sections of one area (in place: `groups`, `titles` and `used`); the first in the draft's order
    keeps its place, a joined group too large for one section keeps its two parts (`group.parts`)."""
    per = max(1, planner.settings.max_facts_per_section)
    index = 0
    while index < len(groups):
        area = area_themes(planner, groups[index].lines, titles[index], facts)
        if not any(_joined(planner, groups, titles, index, j, facts, used, per, shared)
                   for j in range(index + 1, len(groups))
                   if (shared := area & area_themes(planner, groups[j].lines, titles[j], facts))):
            index += 1

def _joined(planner, groups, titles, first: int, second: int, facts, used: set[str], per: int,
            area: set[str]) -> bool:
    """Joins `second` into `first` under a heading that fits all their facts: the area's own (the lexicon's headings
    of the theme both name) first, then theirs and their candidates (an area of sub-sections: only the area's own);
    False when none fits."""
    lines = sorted(groups[first].lines + groups[second].lines)
    placed = [planner.placed[i] for i in lines]
    own = [title for theme in dict.fromkeys(t for t in placed if t is not None and t.key in area)
           for title in theme.titles_for([facts[i] for i in lines])]
    options = [*own, titles[first], titles[second], *groups[first].candidates, *groups[second].candidates]
    free = used - {titling.bare(titles[first]), titling.bare(titles[second])}
    parts = [(groups[first].lines, titles[first]), (groups[second].lines, titles[second])] if len(lines) > per else []
    parts.sort(key=lambda part: part[0][0])  # in her order (a meeting before the acts it took)
    if parts:  # an area of sub-sections is headed by the area's own heading (neither sub-section's)
        options = [t for t in own if t not in (titles[first], titles[second])]
    fitting = lambda t: (all(titling.fits([facts[i] for i in part], t) for part, _ in parts)  # noqa: E731
                         and titling.acceptable(t, [facts[i] for i in lines], free, True) if parts  # the area's own:
                         else planner.still_fits(t, lines, facts, free))  # its sub-sections name the other themes
    title = next((t for t in dict.fromkeys(options) if fitting(t)), "")
    if not title:
        return False
    used.difference_update({titling.bare(titles[first]), titling.bare(titles[second])})
    used.add(titling.bare(title))
    groups[first].lines, groups[first].parts, titles[first] = lines, parts, title
    groups[first].key = theme_titles.lead_key([facts[i] for i in lines], placed, planner.book)
    del groups[second], titles[second]
    return True
