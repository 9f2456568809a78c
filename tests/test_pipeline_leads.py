"""Shorter readings of a model lead (drafter/pipeline/leads.py)."""

from __future__ import annotations

import pytest

from drafter.pipeline.leads import echoes_title, restates, shorter_leads, unanchored


@pytest.mark.parametrize("lead, readings", [
    ("工会通过开展“安康杯”竞赛活动，查处安全隐患，慰问困难职工及家属，切实保障了职工的权益。",
     ["工会查处安全隐患，慰问困难职工及家属，切实保障了职工的权益。", "工会切实保障了职工的权益。"]),
    ("工会以发展会员和分会换届为重点，不断夯实基层组织基础。", ["工会不断夯实基层组织基础。"]),
    ("我们通过走访慰问，并增进了同职工的感情。", ["我们增进了同职工的感情。"]),  # its connective dropped
    ("工会通过发放助学金，帮助困难职工子女顺利完成学业，改善了他们的生活条件。", []),  # 他们: nothing before it
    ("我们坚持以职工为中心，做好帮扶工作。", []),  # no "by what means" clause: nothing to drop
    ("工会通过走访慰问困难职工。", []),  # one clause only
])
def test_shorter_readings(lead, readings):
    assert shorter_leads(lead) == readings


CONGRESS = ["召开十届三次职代会，审议通过集体合同等议案5项，征集职工提案37件，立案办理29件"]
CONTESTS = ["开展“供水保障百日攻坚”劳动竞赛，参赛班组26个，完成管网改造42公里",
            "举办水质化验、管道维修等5个工种技能比武，136名职工参赛，18人获“技术能手”称号",
            "新建职工书屋3个，新增图书2400册"]


@pytest.mark.parametrize("lead", [
    "工会通过召开职代会，审议并批准了集体合同等议案，征集了职工提案，并积极处理了立案的提案。",  # the local model's, 12-05
    "工会审议并批准了集体合同等议案，征集了职工提案，积极处理了立案的提案。",
])
def test_a_lead_listing_its_facts_parts_again_in_other_words_restates_them(lead):
    assert restates(lead, CONGRESS)


@pytest.mark.parametrize("lead, lines", [
    ("工会扎实开展劳动竞赛和技能比武，激发了职工的工作热情。", CONTESTS),  # names two of the section's works
    ("工会持续深化民主管理，畅通职工参与企业管理的渠道。", CONGRESS),
])
def test_a_lead_naming_the_work_does_not_restate_it(lead, lines):
    assert not restates(lead, lines)


@pytest.mark.parametrize("lead, title, echoes", [
    ("工会丰富了职工文化生活，关心关爱了女职工。", "丰富职工文化生活，关心关爱女职工", True),  # the local model's, 12-06
    ("工会坚持民主管理。", "坚持民主管理，畅通职工参与渠道", True),  # a part of it
    ("围绕职工精神文化需求，工会组织开展了一系列活动。", "丰富职工文化生活，关心关爱女职工", False),
    ("工会通过召开职代会，广泛听取职工意见，推动民主管理深入发展。", "坚持民主管理，畅通职工参与渠道", False),
])
def test_a_lead_that_says_its_heading_again_echoes_it(lead, title, echoes):
    assert echoes_title(lead, title) is echoes


NURSING = ["建成母婴室4间，配备冰箱和哺乳椅"]


@pytest.mark.parametrize("lead, theme, anchored", [
    ("工会关心女员工特殊需求，用心打造温馨服务阵地。", "women", True),  # the women's theme in other words
    ("工会关心女员工特殊需求，用心打造温馨服务阵地。", "culture", False),  # not this section's theme
    ("工会增强了职工的团队精神和进取意识。", "study", False),  # 精神: an effect word, no theme's work
])
def test_a_lead_naming_its_sections_theme_in_other_words_is_anchored(lead, theme, anchored):
    assert unanchored(lead, NURSING, "推进母婴室建设", "body", theme) is not anchored


CONTEST = ["举办叉车、焊工技能比赛2场，参赛职工96人"]
IDEAS = ["征集职工合理化建议56条，采纳21条"]
VISITS = ["春节走访慰问困难职工86户，发放慰问金12.6万元"]


@pytest.mark.parametrize("lead, lines, title, anchored", [
    ("工会引导职工苦练本领。", CONTEST, "举办职工比赛活动", True),  # 本领: 词林's class of 技能
    ("工会提升了职工本领。", VISITS, "扎实开展送温暖活动", False),  # no thing of that kind in these facts
    ("工会拓宽职工建言渠道。", IDEAS, "征集合理化建议", True),  # 建言 = 建议 (synonyms.toml)
    ("工会关心关爱广大员工。", ["组织在岗职工健康体检1200人"], "关注职工健康", False),  # 员工 = 职工: people name no work
])
def test_a_lead_naming_its_sections_work_in_other_words_is_anchored(lead, lines, title, anchored):
    """A strong model's lead names the section's work in its own words (session 24: 练本领 over 技能比武, 建言渠道 over
    合理化建议 were refused as naming nothing of their sections)."""
    assert unanchored(lead, lines, title) is not anchored
