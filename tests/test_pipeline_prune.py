"""Pruning a reply: bad numbers lose their clause (or sentence), copied runs their sentence."""

from __future__ import annotations

from drafter.numcheck import check
from drafter.pipeline.prune import prune

FACTS = ["召开二届三次职工代表大会，收集职工提案37件，办结率100%", "全年新发展会员126人，会员总数达到1842人"]


def pruned(text: str, copies: list[str] = ()) -> str:
    return prune(text, check(FACTS, text), list(copies))


def test_an_invented_date_loses_its_clause_and_the_fact_stays():
    text = "2025年2月，工会召开二届三次职工代表大会，收集职工提案37件，办结率100%。会议气氛热烈。"
    assert pruned(text) == "工会召开二届三次职工代表大会，收集职工提案37件，办结率100%。会议气氛热烈。"


def test_an_invented_figure_in_the_middle_or_at_the_end_of_a_fact_sentence():
    middle = "全年新发展会员126人，会员总数达到1842人，增长了19.4%，会员队伍不断壮大。"
    assert pruned(middle) == "全年新发展会员126人，会员总数达到1842人，会员队伍不断壮大。"
    end = "全年新发展会员126人，会员总数达到1842人，增长了19.4%。\n工会凝聚力增强。"
    assert pruned(end) == "全年新发展会员126人，会员总数达到1842人。\n工会凝聚力增强。"


def test_a_sentence_whose_only_numbers_are_invented_goes_whole():
    text = "工会组织了3次培训，提高了干部能力。全年新发展会员126人，会员总数达到1842人。"
    assert pruned(text) == "全年新发展会员126人，会员总数达到1842人。"


def test_a_changed_fact_number_loses_its_clause_so_the_fact_reads_missing():
    text = "全年新发展会员162人，会员总数达到1842人。"
    result = pruned(text)
    assert result == "会员总数达到1842人。" and "126" not in result
    assert check(FACTS, result).missing  # the repair prompt then asks for the fact again


def test_copied_runs_take_their_whole_sentence():
    copied = "围绕着内强素质外树形象的中心思想积极做好宣传发动工作"
    text = f"全年新发展会员126人，会员总数达到1842人。{copied}，掀起热潮。工会凝聚力增强。"
    assert pruned(text, [copied]) == "全年新发展会员126人，会员总数达到1842人。工会凝聚力增强。"


def test_a_clean_reply_is_unchanged():
    text = "工会召开二届三次职工代表大会，收集职工提案37件，办结率100%。\n全年新发展会员126人，会员总数达到1842人。"
    assert pruned(text) == text


def test_a_copy_is_found_whatever_width_its_punctuation():
    from drafter.pipeline.copying import copied_runs

    reference = '企业文化是企业之灵魂,我们发挥文化在企业生产经营中推波助澜作用,用文化凝聚人心。'
    reply = "工会举办文体活动9场。企业文化是企业之灵魂，我们发挥文化在企业生产经营中推波助澜作用，用文化凝聚人心。"
    runs = copied_runs(reply, [reference])
    assert runs and all(run in reply for run in runs) and "推波助澜" in runs[0]
    assert copied_runs("工会举办文体活动9场，参与职工2300余人次，活跃了职工生活。", [reference]) == []
