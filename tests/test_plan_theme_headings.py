"""Headings of the lexicon before headings made of the facts' words (issue 20): a heading of one of a group's
themes that speaks of all its facts, or of its main theme over most of them (the rest are misfits for fitting.py);
a lone section's heading passes the claim check; "…等工作" says there
is more, so it does not head its two facts alone."""

from __future__ import annotations

import itertools

from drafter.pipeline import theme_titles, titling
from drafter.pipeline.heading_rules import relevant
from drafter.pipeline.themes import load_book

BOOK = load_book()
THEME = {t.key: t for t in BOOK.themes}

DEMOCRACY = ["公司工会以建立健全职工代表大会制度为重点，认真落实职代会职权，建立了民主管理制度",
             "全年工会共组织职工代表会议两次，参与讨论了公司的重大事务",
             "上半年及时组织职工代表讨论集体合同中的工资、休假等问题，维护了职工的合法权益"]
REPORTS = "我们还坚持信息报送工作，今年公司共上报信息10期，被市总工会采用2篇。"
TEACHERS = ["真挚的关怀为广大教师解除了后顾之忧，使他们得以全身心地投入到教育教学活动中",
            "开展各种文体活动，丰富教师的业余生活，加强学校精神文明建设。",
            "利用学校自身设备组织教师各种节日文娱活动，组织教师书法比赛，丰富了教师的文化生活"]


def test_the_main_theme_heads_most_of_a_group_no_heading_fits_whole():
    facts = DEMOCRACY + [REPORTS]
    placed = [THEME["democracy"]] * 3 + [THEME["publicity"]]
    assert titling.choose(facts, [], set(), made=False) == ""
    title = titling.by_most(facts, placed, THEME["democracy"], [], set())
    assert title and titling.acceptable(title, DEMOCRACY, set(), themed=True)
    assert title in THEME["democracy"].titles_for(DEMOCRACY)
    too_few = DEMOCRACY[:2] + [REPORTS, "组织工会干部参加培训班，学习工会业务知识"]
    placed = [THEME["democracy"]] * 2 + [THEME["publicity"], THEME["study"]]
    title = titling.by_most(too_few, placed, THEME["democracy"], [], set())  # two of four: not most
    assert title == "" or relevant(title, too_few)  # only a heading that speaks of all four


def test_a_theme_heading_that_speaks_of_all_the_facts_heads_them():
    placed = [THEME["study"], THEME["culture"], THEME["women"]]
    title = titling.by_most(TEACHERS, placed, THEME["study"], [], set())
    assert title in THEME["culture"].titles_for(TEACHERS)
    assert relevant(title, TEACHERS) and titling.fits(TEACHERS, title)


def test_a_lone_sections_heading_passes_the_claim_check():
    facts = ["3、分析问题：分析问题的成因、原因和影响，解决问题。", "1、必须做到公正公平。",
             "总之，只有不断地总结和反思，才能为职工谋取更多福利和权益。"]
    placed = [THEME["org"], THEME["org"], THEME["democracy"]]
    title = titling.lone_title(THEME["org"], facts, set(), placed)
    assert title != THEME["org"].name and titling.fits(facts, title)


def test_two_facts_are_not_headed_as_if_there_were_more():
    facts = ["举办职工篮球赛，参赛职工120人", "开展“书香校园”读书活动，教职工撰写读书心得156篇"]
    made = titling.from_facts(facts + ["组织全体教职工健康体检，体检率达到98.5%"], set())
    assert made.endswith("等工作")
    again = titling.still_heads(facts, made, [], {titling.bare(made)})
    assert again and not again.endswith("等工作") and titling.fits(facts, again)


def test_a_heading_whose_backing_fact_left_gives_way_to_its_themes_own():
    left = ["公司工会坚持“预防为主、防调结合”的原则，组织认真贯彻宣传《劳动法》、《工会法》，维护稳定的大局。",
            "公开承诺在浦东街道地区实行电梯关人半小时到现场,便民急修1小时到现场;",
            "为加强劳动争议调解工作,下发了《关于成立劳动争议调解委员会的通知》,要求各基层单位建立劳动争议调解组织。"]
    title = "深化民主管理，职工合法权益得到维护"  # 厂务公开, which gave its 民主管理, moved to a section of its own
    assert not titling.fits(left, title)
    again = titling.still_heads(left, title, [], {titling.bare(title)}, frozenset(), THEME["democracy"])
    assert again != title and titling.fits(left, again)


def test_a_joint_heading_says_the_verb_its_parts_share_once():
    """held-out s002_04 was headed 加强组织建设，加强学习培训，加强宣传工作: joined short names that open with one verb
    say it once; parts with verbs of their own stay clause by clause."""
    assert theme_titles.joined(["加强组织建设", "加强学习培训", "加强宣传工作"])[0] == "加强组织建设、学习培训和宣传工作"
    assert theme_titles.joined(["推进民主管理", "做好帮扶服务"]) == ["推进民主管理，做好帮扶服务"]
    shorts = {w for t in load_book().themes for w in (t.short, *(h.text for h in t.shorts)) if w}
    for first, second in itertools.permutations(sorted(shorts), 2):
        heading = theme_titles.joined([first, second])[0]
        clauses = heading.split("，")
        assert len({c[:2] for c in clauses}) == len(clauses), heading  # no clause opens on the verb of another
