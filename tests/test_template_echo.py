"""What a secretary reading a template draft would strike out (session 22, held-out s000_03, s002_12, s003_05): a
closing that says again what its section just said, a closing with no subject, and one connective said twice in a
section."""

from __future__ import annotations

import re

import pytest

from drafter.models import DraftRequest
from drafter.pipeline.defects import without_opener
from drafter.pipeline.planned import Plan, PlannedSection
from drafter.pipeline.prompting import PROMPTS_DIR, render
from drafter.pipeline.template import MEANS, TemplateWriter, ends_as_said, ends_on_effect, means_again, says_again

CULTURE = ["组织参加市总工会举办的第三届市职工运动会，取得了较好的成绩，极大丰富了职工文化生活",
           "社区成立文艺协会、科普协会，由150多人组成的秧歌队、武术队，群众的活动丰富多彩",
           "春节组织社区的文艺队伍搞了一次社火表演，116位居民参加"]


def _writer(facts: list[str], heading: str, theme: str) -> tuple[TemplateWriter, PlannedSection]:
    section = PlannedSection("body", heading, 1, theme, list(range(1, len(facts) + 1)))
    plan = Plan([PlannedSection("opening", ""), section, PlannedSection("closing", "")], facts)
    return TemplateWriter(DraftRequest(org="某社区工会", period="2025年", facts=facts), plan), section


def test_a_closing_never_says_again_what_its_section_said():
    """极大丰富了职工文化生活。丰富了职工的业余文化生活… and 群众的活动丰富多彩…职工文化生活更加丰富多彩: every fact order
    (the facts pick the variant tried first) gives a closing, if any, in words of its own."""
    for start in range(len(CULTURE)):
        facts = CULTURE[start:] + CULTURE[:start]
        writer, section = _writer(facts, "开展文体活动", "culture")
        lead = writer.lead(section)
        tail = writer.tail(section, lead)
        assert not says_again(tail, [*facts, lead], section.title), (lead, tail)
        assert "丰富" not in tail, tail


@pytest.mark.parametrize("fact, effect", [
    ("组织参加市职工运动会，取得了较好的成绩，极大丰富了职工文化生活", True),
    ("以活动为载体，增强了工会组织的凝聚力和向心力，使广大职工切实感受到工会组织的温暖。", True),
    ("为全院工会会员发放游泳证，促进了群众体育活动的开展", True),
    ("组织女工出外郊游，活跃了女工生活，增进了友谊和团结", True),
    ("“三八”妇女节的节日慰问工作，降温费的及时发放，将组织的温暖送到职工心坎", True),  # held-out s002_17
    ("把职工冷暖放在心上，建立困难职工档案", False),
    ("春节前走访慰问困难职工86户，发放慰问金12.6万元", False),
    ("举办职工篮球赛等文体活动9场", False),
])
def test_a_fact_closing_on_an_effect_is_told(fact, effect):
    assert ends_on_effect(fact) is effect


def test_a_section_whose_last_fact_closes_on_an_effect_takes_no_closing():
    """held-out s003_05: …使广大职工切实感受到工会组织的温暖。职工的业余文化生活更加丰富，团队凝聚力进一步增强。 said two
    effects in a row; the section ends on the fact's own."""
    facts = CULTURE[1:] + ["以活动为载体，增强了工会组织的凝聚力和向心力，使广大职工切实感受到工会组织的温暖"]
    writer, section = _writer(facts, "丰富职工文化生活", "culture")
    assert writer.tail(section, writer.lead(section)) == ""
    writer, section = _writer(facts[:-1], "丰富职工文化生活", "culture")
    assert writer.tail(section, "")  # without that fact the section still closes


def test_a_closing_may_name_the_area_its_heading_names():
    """劳动保护工作基础进一步夯实 under 强化劳动保护 names the area, it does not repeat a result."""
    said = ["工会组织开展劳动保护监督检查4次，整改隐患12处"]
    assert not says_again("劳动保护工作基础进一步夯实。", said, "强化劳动保护，筑牢安全生产防线")
    assert says_again("工会工作的规范化水平进一步提高。", ["工会持续加强自身建设，提高工会工作规范化水平。"], "规范经费管理")


THEMES = re.findall(r'^\s*"([a-z_+]+)": \[', (PROMPTS_DIR / "template" / "tail.j2").read_text(encoding="utf-8"), re.M)
_NO_SUBJECT = re.compile(r"^(?:为|帮助|丰富|增强|促进|提高|提升|推动|使|让)")


def test_every_closing_has_a_subject_of_its_own():
    """通过扎实有效的工作，为单位完成各项目标任务作出了积极贡献 has no subject (the classic 通过…, 缺主语), nor has
    丰富了职工的业余文化生活 after a fact with a subject of its own."""
    assert len(THEMES) >= 20
    for theme in THEMES:
        for variant in range(7):
            tail = render("template/tail.j2", theme=theme, variant=variant, facts=2, means=True)
            assert not _NO_SUBJECT.match(tail.removeprefix(MEANS)), (theme, tail)


def test_a_connective_is_said_once_a_section():
    """A ten-fact section read 此外…与此同时…同时…此外… (held-out s002_12); 同时 and 与此同时 count as one."""
    facts = [f"组织参加市直机关第{n}届运动会" for n in range(1, 11)]
    for variant in range(7):
        text = render("template/section.j2", lead="", tail="", facts=facts, variant=variant, joined=[True] * 10)
        assert text.count("此外") <= 1 and text.count("同时") <= 1, text
        assert text.count("此外") + text.count("同时") == 2, text  # both families still join the facts


def test_a_section_never_opens_on_a_summing_up():
    """总之由于领导重视，… opened a section (held-out s002_12): a 总之 sums up nothing there."""
    assert without_opener("总之由于领导重视，工会组织得力") == "由于领导重视，工会组织得力"
    assert without_opener("综上所述，各项工作稳步推进") == "各项工作稳步推进"


def test_a_lead_does_not_open_as_its_first_fact_opens():
    """工会持续做好女职工维权和关爱工作。工会还注重发挥女职工… and 我们坚持以赛促学…。我们通过召开… (held-out s002_09): the
    lead takes another of its theme's variants (care has leads opening on 我们, 工会 and 围绕)."""
    for n in range(10, 30):
        for subject in ("我们", "工会"):
            facts = [f"{subject}走访慰问困难职工{n}户，发放慰问金", f"为{n}名困难职工子女发放助学金"]
            writer, section = _writer(facts, "做好帮扶救助", "care")
            lead = writer.lead(section)
            assert lead and not lead.startswith(subject), lead


STUDY = ["全面落实科学发展观，坚持用科学发展观统领工会各项工作", "深入开展“双学三创”等活动，组织广大干部职工立足本职岗位、建功立业"]


def test_a_lead_claims_no_contest_its_facts_do_not_report():
    """Held-out s002_12's study section was led by 我们坚持以赛促学、以学促干 (competition+study) with no contest among
    its facts: 以赛促… and 比技能 need a fact of a contest (themes.toml [[claim]])."""
    from drafter.pipeline.themes import load_book

    book = load_book()
    assert book.unbacked("我们坚持以赛促学、以学促干，不断提升职工素质。", STUDY)
    assert book.unbacked("工会坚持以赛促干，引导职工在岗位上比技能、争贡献。", STUDY)
    assert not book.unbacked("我们坚持以赛促学、以学促干，不断提升职工素质。", [*STUDY, "举办青年职工技能比武，参赛32人"])
    for n in range(8):
        writer, section = _writer([*STUDY, f"组织干部职工参加读书活动{n + 2}次"], "提高干部职工综合素质", "competition+study")
        lead = writer.lead(section)
        assert "以赛促" not in lead, lead


def test_a_first_fact_saying_its_heading_leads_its_section():
    """积极开展文体活动，丰富职工业余文化生活 opened held-out s003_08's culture section after the lead 我们…精心组织文体
    活动。: the fact is the lead; no template lead goes before it. A first fact of its own work still takes one."""
    facts = ["积极开展文体活动，丰富职工业余文化生活", "4月份举办了职工篮球比赛", "我们还举办专场舞会8场"]
    for heading in ("丰富职工文化生活，文体活动多姿多彩", "积极开展文体活动"):
        writer, section = _writer(facts, heading, "culture")
        assert writer.lead(section) == "", heading
    writer, section = _writer(facts[1:], "丰富职工文化生活，文体活动多姿多彩", "culture")
    assert writer.lead(section)


def test_a_lead_never_ends_as_a_fact_ends():
    """工会组织职工围绕重点任务建功立业。一年来，…为全县经济发展建功立业。 (held-out s002_03): every fact order picks a
    lead, if any, in words of its own."""
    facts = ["一年来，我们充分调动职工的积极性，动员组织全局干部职工为全局中心工作、为全县经济发展建功立业",
             "组织职工参加技能比武，参赛32人", "开展劳动竞赛5场"]
    for start in range(len(facts)):
        order = facts[start:] + facts[:start]
        writer, section = _writer(order, "深化岗位练兵，提升职工技能", "competition")
        lead = writer.lead(section)
        assert lead and "建功立业" not in lead, lead
    care = ["春节期间走访慰问困难职工86户，发放慰问金12.6万元", "为全体会员办理职工互助保障，投保金额8.4万元"]
    assert not ends_as_said("我们把帮扶困难职工作为工会工作的重要内容。", care, "做好帮扶救助")  # the people it names


@pytest.mark.parametrize("fact, joined", [("3月份组织了庆“三·八”女职工大众趣味活动", False),
                                          ("元月份举办了迎“十五”烟花礼炮观赏活动", False),
                                          ("9月，肖鹏等4位同志参加了无偿献血活动", False),
                                          ("组织职工篮球比赛", True), ("月度考核情况进行公开", True)])
def test_a_dated_step_of_a_list_takes_no_connective(fact, joined):
    """…元月份举办了…。同时，3月份组织了…。 (held-out s003_08): steps of a dated list are not at the same time."""
    from drafter.pipeline.template import takes_connective

    assert takes_connective(fact) is joined


CARE = ["在春节期间购买各种食品，分送10家企业，并为困难职工发放慰问金、被子和油米等",
        "开展为外来建设者免费体检、健康咨询和心理健康讲座等活动",
        "开展川籍员工定期帮困活动，为困难职工举办免费岗位技能培训班"]


def test_a_closing_after_the_opening_of_means_says_no_word_of_it_again():
    """held-out s002_04 (session 24): 通过扎实有效的工作，服务职工工作更加扎实。 said 扎实 and 工作 twice. Every fact order
    (each picks another variant first) gives a closing, if any, that does not."""
    assert means_again(MEANS + "服务职工工作更加扎实。") and not means_again("服务职工工作更加扎实。")
    assert not means_again(MEANS + "职工的获得感、安全感进一步增强。")
    for start in range(len(CARE)):
        facts = CARE[start:] + CARE[:start]
        writer, section = _writer(facts, "做好帮扶服务，关心职工健康", "care+safety")
        tail = writer.tail(section, writer.lead(section))
        assert not means_again(tail), tail
