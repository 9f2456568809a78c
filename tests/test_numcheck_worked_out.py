"""Numbers a strong model works out or restates in other units (issue 19, session 13): a difference of two
percentages in 个百分点, a per-head figure, one per head after 每, 次 for a fact's 场. Sentences written for this test."""

from drafter.numcheck import check


def _statuses(facts, draft):
    result = check(facts, draft)
    return {h.text: h.status for h in result.numbers}, result.missing


def test_a_difference_of_two_percentages_in_points():
    facts = ["职工参保率由82%提高到95%"]
    assert _statuses(facts, "职工参保率从82%提高到95%，提高了13个百分点。")[0]["13个百分点"] == "supported"
    assert _statuses(facts, "职工参保率从82%提高到95%，提高了15个百分点。")[0]["15个百分点"] != "supported"


def test_a_per_head_figure():
    facts = ["开展爱心捐活动，参与职工1200人，捐款金额9.6万元"]
    assert _statuses(facts, "1200名职工参与，捐款9.6万元，人均捐款80元。")[0]["80元"] == "supported"
    assert _statuses(facts, "1200名职工参与，捐款9.6万元，人均捐款90元。")[0]["90元"] != "supported"


def test_one_per_head_after_each_states_the_total():
    facts = ["开展安全体检，体检企业20家，出具体检报告20份"]
    statuses, missing = _statuses(facts, "开展安全体检，覆盖企业20家，为每家企业出具一份体检报告。")
    assert statuses["一份"] == "supported" and not missing


def test_one_per_head_needs_a_second_count_of_the_same_size():
    facts = ["举办新员工座谈会，参加新员工42人"]
    assert _statuses(facts, "42名新员工参加座谈会，并为每人配备一名师傅。")[0]["一名"] != "supported"


def test_times_for_a_facts_sessions():
    statuses, missing = _statuses(["举办职工运动会2场"], "工会两次举办职工运动会。")
    assert statuses["两次"] == "supported" and not missing
    assert _statuses(["举办职工运动会2场"], "工会三次举办职工运动会。")[0]["三次"] != "supported"
