"""A theme keyword in a clause that gives it another sense does not speak for the theme (themes.toml `other_sense`):
学习 and 教育 of children or pupils are their schooling, not the workers' study. The facts are written for this test."""

from __future__ import annotations

from drafter.pipeline import theme_titles
from drafter.pipeline.themes import load_book

CARE = [
    "春节前走访慰问困难职工家庭35户，发放慰问金7万元",
    "为困难职工子女发放助学金，让孩子安心在学校学习",
    "建立困难职工档案62份，实行动态管理",
    "为患大病职工申请救助金4人，帮扶资金2.4万元",
]


def themes():
    return {t.key: t for t in load_book().themes}


def test_a_keyword_in_a_clause_of_children_or_pupils_is_not_the_study_themes():
    study = themes()["study"]
    assert study.keyword_score("为留守儿童开展暑期学习辅导") == 0
    assert study.keyword_score("组织学生开展安全教育") == 0
    assert study.keyword_score("组织职工学习新修订的《工会法》") > 0
    # another clause of the same fact keeps its own sense: 读书 speaks for the study theme
    assert study.keyword_score("资助困难职工子女安心学习，组织职工读书会") == study.keyword_score("组织职工读书会")


def test_a_care_section_with_a_childs_schooling_is_headed_as_care_alone():
    by_key = themes()
    placed = [by_key["care"], by_key["study"], by_key["care"], by_key["care"]]  # the lexicon's first placement
    assert theme_titles.own_theme(CARE, placed) is by_key["care"]
    assert theme_titles.clear_themes(CARE, placed) == [by_key["care"]]
    titles = theme_titles.joint_titles(CARE, placed, load_book())
    assert not any("学习" in title or "教育" in title for title in titles), titles
