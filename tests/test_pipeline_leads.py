"""Shorter readings of a model lead (drafter/pipeline/leads.py)."""

from __future__ import annotations

import pytest

from drafter.pipeline.leads import shorter_leads


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
