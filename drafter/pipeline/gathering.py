"""One area, one section, for a fact left alone (issue 20: every fact under a heading it fits). After the heading
stages a fact clearly of an area (it writes its theme's keywords at least fitting.STRAY strongly) may sit alone under
a heading that names nothing of that area, while another fact clearly of the same area sits, as an anchor by a loose
word or at home by meaning, under a heading that does not name the area either (held-out s002_09: the 三八节 女工
郊游 alone under 开展活动，丰富职工生活, 发挥女职工半边天作用 under 推进民主管理，抓好安全生产). Such facts are
gathered into the lone fact's section when a heading fits them all (fitting._new_title: an example's or the
lexicon's, no misfit under it, every heading rule), it names no area another heading names, and the headings they
leave still fit the facts that stay (the planner's `still_fits`)."""

from __future__ import annotations

from drafter.pipeline import fitting, one_home
from drafter.pipeline.heading_rules import bare


def gather(planner, groups: list, titles: list[str], facts: list[str], used: set[str]) -> None:
    """Gathers each lone fact's area into its section (see the module docstring). In place."""
    refit, book = getattr(planner, "refit", None), planner.book
    if refit is None:
        return
    for index in range(len(groups)):
        lines = groups[index].lines
        if len(lines) != 1 or groups[index].parts or not _unnamed(refit, lines[0], titles[index]):
            continue
        theme = refit.prior[lines[0]]
        kin = [(j, f) for j, group in enumerate(groups) if j != index and not group.parts for f in group.lines
               if refit.prior[f] is theme and _unnamed(refit, f, titles[j])]
        leave = {j: [f for f in groups[j].lines if (j, f) not in kin] for j in {j for j, _ in kin}}
        if not kin or not all(rest and planner.still_fits(titles[j], rest, facts, used) for j, rest in leave.items()):
            continue
        merged = sorted(lines + [f for _, f in kin])
        group = planner.new_group(merged, facts)
        free = used - {bare(titles[index])}
        title = fitting._new_title(planner, refit, group, facts, free, made=False)
        others = set().union(*(one_home.areas_of(t, book) for j, t in enumerate(titles) if j != index))
        if not title or one_home.areas_of(title, book) & others:
            continue
        for j, rest in leave.items():
            groups[j].lines = rest
        used.discard(bare(titles[index]))
        used.add(bare(title))
        groups[index], titles[index] = group, title


def _unnamed(refit, fact: int, title: str) -> bool:
    """The fact is clearly of its theme and the heading does not name that theme."""
    theme = refit.prior[fact]
    return (theme is not None and theme.keyword_score(refit.facts[fact]) >= fitting.STRAY
            and not fitting.names_theme(title, theme, refit.book))

