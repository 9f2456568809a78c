"""No false positives: whole paragraphs of real union texts checked against their own sentences; a 10 MB draft."""

from __future__ import annotations

import re

import pytest

from drafter.numcheck import check, extract_numbers
from drafter.settings import PROJECT_ROOT

SEEDS_DIR = PROJECT_ROOT.parent / "shared" / "seeds"

# Paragraphs copied from ../shared/seeds, so the test never depends on the corpus being present.
PARAGRAPHS = [
    "3、开展了安徽省电信公司员工思想状况调查。省会会同省公司思想政治工作部在全省开展了员工思想状况问卷调查活动。"
    "全省主业的三级经理及以下人员，参与了问卷调查，这次调查共发出问卷11031份，收回有效问卷10259份，有效问卷回收率为93%，"
    "经过认真的统计，形成了书面调查报告。",
    "1、召开了一届二次委员扩大会议，对去年全省的工会工作进行了总结和回顾，对今年工会的全年工作进行了部署。"
    "会上，省会与各市电信工会签订了20__年工作目标责任书，将工作任务分解、量化，加强对基层工会进行目标管理，确保全年任务的完成。",
    "2、着重抓了新修改的《工会法》学习、宣传工作。年初，省会组织全省各基层工会参加了中华全国总工会举办的《工会法》知识竞赛活动，"
    "全省6723人参加了此次竞赛活动；12月，全省电信员工将参加安徽省总工会组织的“20__年度‘四五’普法学习考试”。",
    "共慰问困难员工1073人,发放慰问金37万元,有偿解除劳动关系223人,送去慰问金8.48万元,做到账目清、底数明。",
    "应用、文秘班和会计证班四期,受益员工300多人,让外来建设者“一技之长”,市公司出资十余万元建立了荣誉室。",
    "我们召开了二届三次教代会，5月25日至28日我局男、女乒乓球队代表省参加比赛，截止2015年10月底，观众近300人。",
    "进一步加强统一领导，以“三个代表”重要思想为指导，一手抓生产，一手抓安全，深入生产一线，千方百计为职工办实事。",
]


def seed_paragraphs() -> list[str]:
    paragraphs = list(PARAGRAPHS)
    sources = sorted(SEEDS_DIR.glob("*.txt")) + sorted((PROJECT_ROOT / "samples").glob("*.md"))
    for path in sources:
        paragraphs += [p for p in path.read_text(encoding="utf-8").splitlines() if p.strip()]
    return paragraphs


def sentences(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=[。；！？!?;])", paragraph) if s.strip()]


def test_corpus_paragraphs_checked_against_themselves_have_only_supported_numbers():
    paragraphs = seed_paragraphs()
    failures = []
    for paragraph in paragraphs:
        result = check(sentences(paragraph), paragraph)
        bad = [h.text for h in result.numbers if h.status not in ("supported", "placeholder")]
        if bad or result.missing:
            failures.append((paragraph[:60], bad, [m.fact_line for m in result.missing]))
    assert failures == []


@pytest.mark.parametrize("paragraph", PARAGRAPHS)
def test_copied_paragraph_is_ok_apart_from_placeholders(paragraph):
    result = check(sentences(paragraph), paragraph)
    assert [h.status for h in result.numbers if h.status != "placeholder"] == ["supported"] * sum(
        h.status != "placeholder" for h in result.numbers)
    assert result.missing == []
    assert result.ok == (not any(h.status == "placeholder" for h in result.numbers))


def test_ordinary_prose_paragraph_has_no_numbers():
    assert extract_numbers(PARAGRAPHS[-1]) == []


@pytest.mark.parametrize("megabytes", [1, pytest.param(10, marks=pytest.mark.slow)])  # the fast loop: 1 MB
def test_ten_megabyte_draft_completes(megabytes):
    unit = PARAGRAPHS[0] + "\n"
    per_copy = len(extract_numbers(unit))
    copies = megabytes * 1_000_000 // len(unit.encode("utf-8")) + 1
    draft = unit * copies
    result = check(sentences(PARAGRAPHS[0]), draft)
    assert len(result.numbers) == per_copy * copies
    assert result.ok
    assert draft[result.numbers[-1].start:result.numbers[-1].end] == result.numbers[-1].text


@pytest.mark.parametrize("text", [
    "1" * 60 + "x", "1" * 5000 + "分", "一" * 5000, "十" * 5000 + "人", "1," * 3000, "第" + "1" * 3000,
    "百分之" + "1" * 3000, "_" * 5000, "-" * 5000 + "1", "1." * 3000, "约" * 3000 + "1人", "9" * 400 + "元",
])
def test_long_runs_do_not_backtrack(text):
    """Runs that made a naive regex explode (nested quantifiers) finish, and offsets stay valid."""
    result = check(["1人"], text)
    assert all(text[h.start:h.end] == h.text for h in result.numbers)
    assert all(h.value is None or h.value == h.value for h in result.numbers)  # no NaN
