"""Session 25 (issue 19): faithful paraphrases in strong models' styles on unseen topics
(tests/data/strong_fresh_h25b.json's odd scenarios drove these; every case here is a sentence of its own)."""

from drafter.numcheck import check
from drafter.numcheck.wordclass import at_person


def _flags(facts, draft):
    res = check(facts, draft)
    return [c.note for c in res.claims] + [h.note for h in res.numbers if h.status != "supported"]


def test_a_thing_handed_into_the_peoples_hands_names_no_place_nor_kind_of_them():
    assert at_person("手中") and at_person("身边") and at_person("心里")
    assert not at_person("室内") and not at_person("院里") and not at_person("车间")  # places of 词林's Cb
    assert _flags(["为夜班班组配发保温饭盒60个"], "60个保温饭盒发放到夜班班组手中，夜班职工吃上了热饭。") == []
    assert _flags(["为保安员配发防刺背心80件"], "工会关心保安员安全，80件防刺背心配发到一线保安员手中。") == []
    assert _flags(["为快递员配发雨衣500件", "举办快递员座谈会2场"], "500件雨衣发到快递员手中；座谈会开了两场。") == []
    # a place or a kind written there is still new
    assert _flags(["为保安员配发防刺背心80件"], "80件防刺背心配发到门岗保安员手中。")
    assert _flags(["为保安员配发防刺背心80件"], "80件防刺背心配发到保安员和保洁员手中。")


def test_a_quality_word_jieba_tags_a_noun_names_no_thing():
    facts = ["举办叉车驾驶技能比武，参赛职工42人"]
    assert _flags(facts, "叉车驾驶技能比武精彩开赛，参赛职工四十二人。") == []
    assert _flags(facts, "叉车驾驶技能比武在物流园区精彩开赛，参赛职工四十二人。")  # a place stays new


def test_each_and_a_verb_is_what_each_did_not_a_kind_of_people():
    facts = ["举办青年职工演讲比赛，参赛选手20人"]
    assert not any("各展所长" in f for f in _flags(facts, "演讲比赛中，二十名青年职工声情并茂、各展所长。"))
    assert not any("各显神通" in f for f in _flags(facts, "演讲比赛中，二十名青年职工声情并茂、各显神通。"))


def test_the_abstract_subject_of_a_change_ending_the_clause_is_what_the_work_improved():
    facts = ["组织环卫工人开展心理疏导讲座3场，听讲职工210人次"]
    assert _flags(facts, "心理疏导讲座办了3场，听讲职工210人次，职工心理健康服务体系逐步完善。") == []
    assert _flags(facts, "心理疏导讲座办了3场，听讲职工210人次，职工心理健康服务机制不断健全。") == []
    # people or a place in the subject are still judged
    assert _flags(facts, "心理疏导讲座办了3场，听讲职工210人次，退休职工心理健康服务体系逐步完善。")
    # a thing that is not abstract, and a system the work set up, are what was done
    assert _flags(facts, "心理疏导讲座办了3场，听讲职工210人次，还建立了职工心理健康服务体系。")
    assert _flags(facts, "心理疏导讲座办了3场，听讲职工210人次，还开展了职工心理关爱工程活动。")  # an event ends it


def test_opening_work_in_general_names_no_act():
    facts = ["为井下职工配发安全帽300顶", "举办安全知识竞赛，参赛职工80人"]
    flags = _flags(facts, "工会以安全为主线开展工作，为井下职工配发安全帽300顶，举办安全知识竞赛，参赛职工80人。")
    assert flags == []
    assert _flags(facts, "工会以安全为主线开展巡查，为井下职工配发安全帽300顶，举办安全知识竞赛，参赛职工80人。")


def test_a_phrase_after_zai_ending_on_a_time_locative_past_a_verb_or_count_is_a_time():
    facts = ["为保洁员配发防滑鞋200双"]
    notes = _flags(facts, "工会在台风季来临前为保洁员配发防滑鞋200双。")
    assert notes and notes[0].startswith("时间")
    notes = _flags(facts, "工会在建厂三十周年之际为保洁员配发防滑鞋200双。")
    assert notes and notes[0].startswith("时间")
    notes = _flags(facts, "工会在中秋返乡高峰前为保洁员配发防滑鞋200双。")
    assert notes and notes[0].startswith("时间")
    notes = _flags(facts, "工会在食堂门前为保洁员配发防滑鞋200双。")  # a place before 前 stays a place
    assert notes and notes[0].startswith("地点")


def test_a_single_event_named_without_the_people_it_was_for_is_stated():
    facts = ["组织钳工外出观摩1次，参加钳工30人", "为钳工更换工作服60套"]
    res = check(facts, "工会组织的外出观摩让30名钳工开阔了眼界；还为钳工更换工作服60套。")
    assert res.missing == []
    res = check(facts, "30名钳工参加了工会组织的活动；还为钳工更换工作服60套。")  # the event itself unsaid
    assert [m.fact_line for m in res.missing] == [1]
    res = check(["组织安全知识竞赛1场，参赛职工40人"], "组织安全知识竞赛3场，参赛职工40人。")
    assert res.numbers[0].status != "supported"  # a count of its own beside the item is judged as written


def test_yi_glued_to_a_noun_jieba_cannot_read_is_a_means_not_a_thing_counted():
    facts = ["举办职工合唱比赛，10支队伍参赛"]
    assert _flags(facts, "合唱比赛中，10支参赛队伍以歌传情、以声励志。") == []
    assert _flags(facts, "合唱比赛中，10支退休职工队伍以歌传情。")  # other people counted stay new


def test_the_workplace_the_draft_opens_on_is_given_to_its_later_clauses():
    facts = ["举办干警乒乓球比赛，参赛干警48人"]
    assert _flags(facts, "看守所工会着眼丰富干警业余生活，举办干警乒乓球比赛，48名看守所干警同台竞技。") == []
    assert _flags(facts, "工会举办干警乒乓球比赛，48名看守所干警同台竞技。")  # no workplace opened: new
    # a body named beside the writer is no workplace of its own
    assert _flags(facts, "看守所工会联合市司法局举办干警乒乓球比赛，48名看守所干警同台竞技。")
