"""Diffs between versions: a unified diff by sentence and the numbers that changed (real number scanner)."""

from __future__ import annotations

from drafter.documents.diffing import changed_numbers, diff_texts, split_sentences

BEFORE = "一、主要工作\n\n春节走访慰问困难职工86户，发放慰问金12.6万元。举办技能竞赛5场。全年发展会员120人。"


def test_split_sentences_keeps_lines_and_cuts_after_sentence_ends():
    assert split_sentences("一、工作\n走访86户。他说：“好。”发放慰问金！\n\n完") == [
        "一、工作", "走访86户。", "他说：“好。”", "发放慰问金！", "", "完"]


def test_unified_diff_marks_only_the_changed_sentence():
    after = BEFORE.replace("86户", "68户")
    diff = diff_texts(BEFORE, after, "第1版", "第2版")
    assert diff.startswith("--- 第1版\n+++ 第2版")
    removed = [line for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    added = [line for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert removed == ["-春节走访慰问困难职工86户，发放慰问金12.6万元。"]
    assert added == ["+春节走访慰问困难职工68户，发放慰问金12.6万元。"]
    assert diff_texts(BEFORE, BEFORE) == ""


def test_changed_added_and_removed_numbers():
    after = ("一、主要工作\n\n春节走访慰问困难职工68户，发放慰问金12.6万元。"
             "全年发展会员120人，其中青年职工45人。")
    changes = changed_numbers(BEFORE, after)
    assert [(c.change, c.before, c.after) for c in changes] == [
        ("changed", "86户", "68户"), ("removed", "5场", None), ("added", None, "45人")]
    first = changes[0]
    assert (first.before_value, first.after_value, first.unit) == (86, 68, "户")


def test_same_value_in_another_form_is_no_change():
    assert changed_numbers("举办技能竞赛5场，发放1,200元。", "举办技能竞赛五场，发放1200元。") == []
    assert changed_numbers(BEFORE, BEFORE) == []


def test_numbers_in_an_inserted_sentence_are_added():
    after = BEFORE.replace("举办技能竞赛5场。", "举办技能竞赛5场。组织健康体检1,720人。")
    assert [(c.change, c.after, c.after_value) for c in changed_numbers(BEFORE, after)] == [
        ("added", "1,720人", 1720)]
