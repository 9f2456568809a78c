"""Frame judged by kind (issue 19, session 13): figures of speech, slogans and result clauses fill no role.

A quoted term that no act, honour or name head frames (“血汗钱”, “金点子”, “连心桥”, “职工有所呼、企业有所应”) is a
figure; a clause led by a causative (让, 使) or by a verb 同义词词林 knows only as a change, result or influence
(实现, 减少, 转化, 驱动) says what came of the work, and is frame when nothing after it names a person, thing, place
or body of its own. The same clauses are frame beside any facts; a name in a name's slot, a formula with a numeral,
an object word no fact writes, or a person or place of its own is still caught.
"""

from __future__ import annotations

import pytest

from drafter.numcheck import check
from drafter.numcheck.faithlex import load_faith
from drafter.numcheck.names import figure_spans
from drafter.numcheck.rolewords import Reader
from drafter.numcheck.support import Support

FACT_SETS = [  # unrelated kinds of work: a figure or result clause says nothing about any of them
    ["为农民工讨回被拖欠工资136万元，涉及农民工57人"],
    ["命名职工创新工作室5个，完成技术革新项目23项"],
    ["组织职工免费接种流感疫苗，接种职工2100人"],
    ["举办职工家属开放日活动2场，参加职工家属340人"],
]

FRAME = [  # figures, slogans and result clauses a strong model writes
    "让职工的“血汗钱”及时足额回到手中。",
    "一批“金点子”转化为实实在在的生产力。",
    "架起了企业与家庭之间的“连心桥”。",
    "真正做到了“职工有所呼、企业有所应”。",
    "大力营造“人人讲奉献、事事争一流”的浓厚氛围。",
    "坚持从职工身边的“小事”做起。",
    "实现了企业增效与职工得实惠的双赢。",
    "减少了季节性流感对生产的影响。",
    "让职工切身感受到组织的温暖。",
    "实现量质齐升。",
    "坚持以改革驱动赋能高质量发展。",
]


def _flags(facts: list[str], draft: str) -> list[str]:
    result = check(facts, draft)
    return [c.note for c in result.claims] + [h.note or h.status for h in result.numbers if h.status != "supported"]


@pytest.mark.parametrize("facts", FACT_SETS, ids=["欠薪", "创新", "疫苗", "开放日"])
@pytest.mark.parametrize("clause", FRAME)
def test_figures_slogans_and_result_clauses_are_frame_beside_any_facts(facts, clause):
    assert _flags(facts, f"{facts[0]}，{clause}") == []


@pytest.mark.parametrize("clause, figure", [
    ("让农民工兄弟的“血汗钱”及时足额回到手中", True),
    ("68名“兵哥哥”“兵姐姐”畅所欲言", True),
    ("开展“安康杯”知识竞赛", False),  # an act names it, an event head follows it
    ("坚持“预防为主、防调结合”的原则", False),  # a rule of work
    ("镇工会以“三个代表”重要思想为指导", False),  # a numeral: a formula's name
    ("建设“职工之家”", False),  # a place
    ("在“世界微笑日”来临之际", False),  # a named day
    ("被评为“最美退役军人”", False),  # an honour
    ("推行“职代会、厂务公开、工资集体协商”", False),  # object words the facts below do not write
])
def test_a_quoted_term_is_a_figure_only_outside_a_names_slot(clause, figure):
    reader = Reader(Support(["为农民工讨回被拖欠工资136万元"], []), load_faith())
    assert bool(figure_spans(clause, reader)) is figure


@pytest.mark.parametrize("facts, draft, quoted", [
    (["为农民工讨回被拖欠工资136万元"], "为农民工讨回被拖欠工资136万元，让农民工子女的“血汗钱”及时回到手中。", "子女"),
    (["组织职工免费接种流感疫苗，接种职工2100人"], "组织2100名职工免费接种流感疫苗，并开展“健康进万家”活动。",
     "健康进万家"),
    (["举办职工家属开放日活动2场"], "举办职工家属开放日活动2场，实现了企业与杭州千岛湖疗养院的合作。", "疗养院"),
    (["开展职工心理健康服务，为员工提供心理咨询85人次"],  # a result verb right after an act verb is its object
     "开展职工心理健康服务，为员工提供心理咨询85人次，并组织减压团体辅导。", "减压团体辅导"),
])
def test_a_person_name_or_thing_of_its_own_beside_a_figure_or_result_is_still_caught(facts, draft, quoted):
    notes = [c.note + c.text for c in check(facts, draft).claims]
    assert any(quoted in n for n in notes), notes
