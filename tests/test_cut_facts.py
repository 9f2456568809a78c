"""A fact cut mid-word or mid-sentence (held-out s002_13 …受到广大职工的普遍; s002_01 …在保管方面，达到完好率; session
26's 织，努力开创… and 栏”、“意见箱”，…) is bad input: the secretary is told where she enters facts and in the draft's
notes, and the draft leaves the cut words out unless they hold a number. The facts here are written for these tests."""

from __future__ import annotations

import pytest

from drafter.domain.cut_facts import cut_notes, mend
from drafter.models import DraftRequest
from drafter.pipeline import Pipeline
from test_ui_app import data_dir, fill_form, messages, new_page  # noqa: F401

CUT = [("织，认真做好职工书屋的日常管理工作", "认真做好职工书屋的日常管理工作"),  # the tail of 组织
       ("栏”、“职工信箱”，广泛听取职工意见", "“职工信箱”，广泛听取职工意见"),  # inside a quoted list
       ("届工会委员会成立后，完善了各项工作制度", "工会委员会成立后，完善了各项工作制度"),  # the count of 届 cut
       ("暑期组织职工分两批参加疗休养，共计186人次，得到了职工的一致。", "暑期组织职工分两批参加疗休养，共计186人次"),
       ("对图书借阅情况进行登记，在图书管理上，借阅归还达到准时率", "对图书借阅情况进行登记"),
       ("组织开展了“安康杯”竞赛、", "组织开展了“安康杯”竞赛")]
WHOLE = ["开展这项活动是十分必要的", "活动达到了预期目的", "但，工会工作仍有不足之处", "全年职工书屋借阅率达到96%",
         "组织职工参加市总工会举办的乒乓球比赛，获团体第二名", "一，开展了职工技能竞赛"]


@pytest.mark.parametrize("fact,mended", CUT)
def test_the_cut_words_are_left_out_and_named(fact, mended):
    assert mend(fact) == mended
    assert len(cut_notes([fact])) == 1 and "截断" in cut_notes([fact])[0]


@pytest.mark.parametrize("fact", WHOLE)
def test_a_whole_fact_is_no_cut(fact):
    assert mend(fact) == fact and cut_notes([fact]) == []


def test_cut_words_holding_a_number_stay_and_are_named():
    fact = "工会会员增加到1260人，入会率达到98%的"
    assert mend(fact) == fact
    assert "初稿照原文写入" in cut_notes(["举办了篮球赛", fact])[0] and "第2条" in cut_notes(["举办了篮球赛", fact])[0]


FACTS = ["春节期间走访慰问困难职工32户，发放慰问金4.8万元", "暑期组织职工分两批参加疗休养，共计186人次，得到了职工的一致。",
         "织，认真做好职工书屋的日常管理工作", "组织职工参加市总工会举办的乒乓球比赛，获团体第二名"]


def test_a_draft_leaves_the_cut_words_out_and_says_so(settings, library):
    request = DraftRequest(org="某厂工会", period="2025年", kind="年度总结", facts=FACTS)
    result = Pipeline(settings, library, None).run(request)
    assert "一致" not in result.text and "织，" not in result.text and "共计186人次" in result.text
    assert result.check.ok and not result.check.missing, result.check
    notes = [w for w in result.warnings if "截断" in w]
    assert len(notes) == 2 and notes[0].startswith("第2条事实结尾“得到了职工的一致”"), notes
    outline = Pipeline(settings, library, None).outline(request)  # the outline she reviews says it too
    assert [w for w in outline.warnings if "截断" in w] == notes


def test_the_facts_form_says_which_fact_looks_cut(data_dir):  # noqa: F811
    at = new_page()
    fill_form(at, "\n".join(FACTS))
    shown = " ".join(messages(at, "warning"))
    assert "第2条事实结尾“得到了职工的一致”像是从句子中间截断的" in shown and "第3条事实开头“织，”" in shown, shown
    fill_form(at, FACTS[0])
    assert not any("截断" in m for m in messages(at, "warning"))
