"""Session 24 (issue 19): narrowing qualifiers of the object and faithful paraphrases on new topics
(tests/data/strong_fresh_h24a.json's odd scenarios drove these; every case here is a sentence of its own)."""

from drafter.numcheck import check
from drafter.numcheck.words import words


def _flags(facts, draft):
    res = check(facts, draft)
    return [c.note for c in res.claims] + [h.note for h in res.numbers if h.status != "supported"]


def test_a_measure_word_glued_to_the_thing_after_a_chinese_numeral_is_cut_off():
    assert [w[2] for w in words("工会为班组配发六十套防坠落装备")][4:6] == ["六十", "套"]
    assert [w[2] for w in words("改造了八间淋浴间")][2:4] == ["八", "间"]  # 八间 is one token of jieba's
    assert _flags(["为班组配发防坠落装备60套"], "工会为班组配发六十套防坠落装备，保障高处作业安全。") == []
    assert _flags(["为职工宿舍改造淋浴间8间"], "工会为职工宿舍改造了八间淋浴间，职工洗浴更方便。") == []
    assert _flags(["组织运维人员参加安全培训，参加人员140人"], "工会组织一百四十名运维人员参加安全培训。") == []
    assert _flags(["为食堂更新餐桌椅120套"], "工会为食堂更新一百二十套餐桌椅，就餐环境明显改善。") == []
    assert _flags(["为食堂更新餐桌椅120套"], "工会为食堂更新一百二十套实木餐桌椅。")  # a kind the facts lack stays new
    assert [w[2] for w in words("十分重要")][0] == "十分" and [w[2] for w in words("一线职工")][0] == "一线"
