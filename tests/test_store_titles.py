"""Stored draft titles read like 公文 titles."""

import pytest

from drafter.store import draft_title

ORG = "华东精密机械有限公司工会"


@pytest.mark.parametrize("period, kind, topic, title", [
    ("2025年", "年度总结", None, "2025年度工作总结"),
    ("2025", "年度总结", None, "2025年度工作总结"),
    ("2025年度", "年度总结", None, "2025年度工作总结"),
    ("2025年上半年", "半年总结", None, "2025年上半年工作总结"),
    ("2025年3月", "月度总结", None, "2025年3月工作总结"),
    ("2025年", "专项总结", "送温暖", "2025年送温暖工作总结"),
    ("2025年", "专项总结", "送温暖活动", "2025年送温暖活动总结"),
    ("2025年", "专项总结", "劳动竞赛工作总结", "2025年劳动竞赛工作总结"),
    ("2025年", "专项总结", None, "2025年专项工作总结"),
    ("2025年", "年度总结", "职工之家建设", "2025年度职工之家建设工作总结"),
])
def test_titles(period, kind, topic, title):
    assert draft_title(f" {ORG} ", period, kind, topic) == ORG + title
