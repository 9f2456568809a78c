"""Session 26 (h2): a recommendation or representation as a result (issue 19, the 荣誉 role): 被推荐参加…, 推荐参评 a
higher level's title than the facts award, 代表…参加…. Sentences written for this test."""

from drafter.numcheck import check

FACTS = ["举办焊工技能比武，参赛职工64人", "评出焊接能手5名"]


def _notes(text: str) -> list[str]:
    return [c.note for c in check(FACTS, text).claims]


def _honours(text: str) -> list[str]:
    return [n for n in _notes(text) if n.startswith('荣誉"')]


def test_being_recommended_to_a_contest_is_an_honour():
    assert any("市级焊工大赛" in n for n in _honours("举办焊工技能比武，64名职工参赛，评出焊接能手5名，前两名被推荐参加市级焊工大赛。"))


def test_a_higher_title_recommended_for_is_an_honour_not_a_near_miss():
    awarded = ["举办焊工技能比武，参赛职工64人", "5人获评焊接能手"]  # the facts award the title without a level
    notes = [c.note for c in check(awarded, "举办焊工技能比武，64名职工参赛，5人获评焊接能手，其中2人被推荐参评省级焊接能手。").claims]
    assert any(n.startswith('荣誉"') and "省级" in n for n in notes), notes


def test_representing_a_body_in_a_wider_contest_is_an_honour():
    assert any("全省职工技能大赛" in n for n in _honours(
        "举办焊工技能比武，64名职工参赛，评出焊接能手5名，优胜选手将代表公司参加全省职工技能大赛。"))


def test_delegates_taking_part_and_given_contests_stay_clean():
    assert not _honours("举办焊工技能比武，64名职工代表参加比武，评出焊接能手5名。")
    assert not _honours("举办焊工技能比武，64名职工参赛，评出焊接能手5名，参赛职工代表发言。")
