"""With a model, a section holding misfits before fitting.refit_plan moves them is offered the model's heading over
all its facts (covering.by_model, issue 20 item 1: "by the model, checked against the group's facts"): taken when it
passes every heading rule and leaves fewer misfits, so the group stays together; else the section keeps its heading
and its misfits move as before. Only a remote model is asked. Scripted models stand in for the model; the facts and affinities are
tests/test_plan_keep_groups.py's (the basketball game is like none of the safety facts)."""

from __future__ import annotations

from types import SimpleNamespace

from drafter.pipeline import covering, titling
from drafter.pipeline.model_titles import ModelTitles
from drafter.pipeline.themes import load_book
from drafter.providers.fake import ScriptedModel
from test_plan_keep_groups import CULTURE, FACTS, SAFETY, alike, refit

COVERING = "抓好安全生产，丰富文体活动"  # speaks of the safety facts and of the game's area
ONE_ACT = "开展安全生产月活动，举办职工篮球赛"  # its second half is the game's own act (heading_rules.one_fact_words)


def run(reply: str | None, lines=(0, 1, 3), remote: bool = True):
    """by_model over a section of `lines` headed SAFETY (the game, fact 3, a misfit there) and a culture section;
    `reply`: the model's answer (None: no model, the template provider); `remote`: an OpenAI-compatible endpoint
    (a local model is not asked)."""
    model = None if reply is None else ScriptedModel(default=reply, concurrent=remote)
    titler = None if model is None else ModelTitles(model, "某公司工会")
    planner = SimpleNamespace(book=load_book(), titler=titler)
    fit = refit(alike({}, rest=-1.0))
    groups = [SimpleNamespace(nearest=[SAFETY]), SimpleNamespace(nearest=[CULTURE])]
    titles, used = [SAFETY, CULTURE], {titling.bare(SAFETY), titling.bare(CULTURE)}
    sections = [(list(lines), SAFETY), ([4], CULTURE)]
    covering.by_model(planner, fit, groups, titles, sections, used)
    return fit, titles, sections, used, titler


def test_a_model_heading_that_covers_the_misfit_keeps_the_group_together():
    fit, titles, sections, used, titler = run(COVERING)
    assert sections[0] == ([0, 1, 3], COVERING) and titles[0] == COVERING
    assert not fit.misfits([0, 1, 3], COVERING)  # the game fits its section now: nothing moves
    assert titling.bare(COVERING) in used and titling.bare(SAFETY) not in used
    assert sections[1] == ([4], CULTURE)  # a section without misfits is not asked
    assert len(titler.calls) == 1 and titler.calls[0].facts == [FACTS[0], FACTS[1], FACTS[3]]  # all its facts


def test_a_model_heading_whose_half_names_one_fact_s_act_is_taken():
    """A model sums a section in parts (开展节日慰问，帮扶困难职工): its heading is read whole, not half by half as the
    planner's own joined headings are (heading_rules.one_fact_words halves=False). Read half by half, h5's third book
    lost 41 → 23 good headings of about 75 in session 25."""
    fit, titles, sections, used, titler = run(ONE_ACT)
    assert sections[0] == ([0, 1, 3], ONE_ACT) and not fit.misfits([0, 1, 3], ONE_ACT)
    assert titler.calls[0].refused == ""


def test_a_model_heading_that_leaves_the_misfit_is_refused():
    fit, titles, sections, used, titler = run("开展安全生产活动")  # passes the claim check, still not the game's
    assert sections[0] == ([0, 1, 3], SAFETY) and titles[0] == SAFETY
    assert titler.calls[0].refused == "themes" and fit.misfits([0, 1, 3], SAFETY) == [3]


def test_a_model_heading_that_fails_the_claim_check_is_refused():
    _, titles, _, _, titler = run("开展安全生产月活动，举办职工篮球联赛和足球赛")  # no fact gives a football match
    assert titles[0] == SAFETY and titler.calls[0].refused


def test_without_a_model_or_for_a_small_section_nothing_is_asked():
    _, titles, _, _, _ = run(None)
    assert titles[0] == SAFETY
    _, titles, _, _, titler = run(COVERING, lines=(0, 3))  # fewer than MIXED facts
    assert titles[0] == SAFETY and not titler.calls
    _, titles, _, _, titler = run(COVERING, remote=False)  # the local model: its replies were never taken
    assert titles[0] == SAFETY and not titler.calls
