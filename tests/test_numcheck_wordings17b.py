"""Inventions a strong model writes into fresh sentences, read by meaning (issue 19, session 17, helper h4), each
with the faithful wording beside it that must pass:
  * a verb of a 词林 class of acts ([activity] classes: carry out, set up, found, buy) that no fact writes, on a
    thing no fact names, is an activity, listed verb or not (推行…制, 实行…管理, 添置…);
  * a person written as the subject of an act with no marker word (工会主席看望…, …主席逐户发放…) is a participant;
  * the people a fact's number counts, written as other people (30名一线护林员 for 30人), is an object;
  * an act verb with 了 or 过 on an event no fact names (举办了读书演讲比赛) is an activity, as without them;
  * 在 + an act or event + 前/后 (在设备检修前, also after a frame phrase ending on 在: 公司工会在) says when;
  * a new qualifier written onto a given thing across a word that says nothing of its own (电子/健康/档案,
    外来务工人员/参赛/作品) is an object;
  * the report's own period (本年度, 今年) and an adverb jieba glues to a verb (共设) name nothing;
  * people likened to kin (把困难职工当作自家亲人) and 不漏一户 (not a single one) state nothing to prove;
  * a bag of things (…礼包) in an effect phrase is a thing of its own (送上了组织的关怀和爱心大礼包)."""

from __future__ import annotations

from drafter.numcheck import check, load_lexicon

LEX = load_lexicon()


def _claims(facts: list[str], text: str) -> list[tuple[str, str]]:
    return [(c.text, c.note or "") for c in check(facts, text, lexicon=LEX).claims]


def _named(claims: list[tuple[str, str]], word: str, role: str) -> bool:
    return any(word in text and note.startswith(role) for text, note in claims)


LIBRARY = ["建成社区图书角4个", "全年借阅图书2600人次"]


def test_an_act_of_a_carry_out_class_on_a_new_institution_is_an_activity():
    claims = _claims(LIBRARY, "工会建成社区图书角4个，全年借阅图书2600人次，实施图书漂流积分制。")
    assert _named(claims, "积分制", "活动"), claims
    claims = _claims(["会员满意度达到97%"], "会员满意度达到97%，工会推行首问负责制。")
    assert _named(claims, "首问负责制", "活动"), claims


def test_an_act_of_a_buy_class_on_a_new_thing_is_an_activity():
    claims = _claims(LIBRARY, "工会建成社区图书角4个，购置自助借还设备，全年借阅图书2600人次。")
    assert _named(claims, "借还设备", "活动"), claims


def test_an_act_of_such_a_class_on_given_things_passes():
    assert _claims(LIBRARY, "工会建成社区图书角4个，全年借阅图书达2600人次。") == []
    assert _claims(["推行职工代表巡视制度，巡视12次"], "工会推行职工代表巡视制度，全年巡视12次。") == []


VISITS = ["中秋前看望慰问退休老党员18人"]


def test_a_person_as_the_subject_of_an_act_is_a_participant():
    claims = _claims(VISITS, "中秋前，分公司总经理看望慰问退休老党员18人。")
    assert _named(claims, "总经理", "参与者"), claims
    claims = _claims(["发放困难补助金9万元"], "各车间工会主席逐户发放困难补助金9万元。")
    assert _named(claims, "工会主席", "参与者"), claims


def test_the_facts_own_subject_or_people_pass():
    assert _claims(VISITS, "中秋前，工会看望慰问退休老党员18人。") == []
    assert _claims(["工会主席看望慰问退休老党员18人"], "工会主席看望慰问了退休老党员18人。") == []
    assert _claims(["开展读书月活动，参与职工400人"], "职工踊跃参与读书月活动，参与职工400人。") == []


def test_other_people_counted_by_the_facts_number_are_an_object():
    claims = _claims(["组织森林防火培训，30人取得结业证书"], "工会组织森林防火培训，30名一线护林员取得结业证书。")
    assert _named(claims, "护林员", "对象"), claims
    assert _claims(["组织森林防火培训，30名职工取得结业证书"], "工会组织森林防火培训，30名职工取得结业证书。") == []


def test_a_qualifier_across_a_word_that_says_nothing_is_an_object():
    claims = _claims(["为职工建立培训档案"], "工会为职工建立电子培训档案。")
    assert _named(claims, "电子", "对象"), claims
    assert _claims(["为职工建立培训档案"], "工会为职工建立培训档案。") == []
    claims = _claims(["举办职工书法比赛，收到作品210幅"], "工会举办职工书法比赛，共收到外来务工人员参赛作品210幅。")
    assert _named(claims, "务工人员", "对象"), claims


def test_a_carry_out_verb_read_as_a_noun_is_no_act():
    """(A verb inside a name in 《》, 《省实施〈工会法〉办法》, is kept from it too: tests/data/golden/sentences.txt.)"""
    claims = _claims(["举办培训班"], "开一次学习与实践的交流会。")
    assert not any(text.startswith("实践") for text, _ in claims), claims


def test_an_act_with_its_aspect_word_on_a_new_event_is_an_activity():
    claims = _claims(["开展读书月活动，参与职工400人"], "工会开展读书月活动，参与职工400人，活动期间举办了读书演讲比赛。")
    assert _named(claims, "演讲比赛", "活动"), claims
    assert _claims(["举办读书演讲比赛，参与职工400人"], "工会举办了读书演讲比赛，参与职工400人。") == []


def test_a_phrase_before_an_event_and_qian_is_a_time():
    claims = _claims(["开展安全培训2场"], "公司工会在设备检修前开展安全培训2场。")
    assert _named(claims, "检修", "时间"), claims
    claims = _claims(["开展安全培训2场"], "公司工会在办公楼前开展安全培训2场。")
    assert _named(claims, "办公楼", "地点"), claims
    assert _claims(["设备检修前开展安全培训2场"], "公司工会在设备检修前开展安全培训2场。") == []


def test_the_reports_own_period_and_an_adverb_glued_to_a_verb_say_nothing():
    facts = ["举办职工趣味运动会，设置项目12个", "参赛职工460人"]
    assert _claims(facts, "本年度职工趣味运动会共设12个项目，460名职工参赛。") == []
    claims = _claims(facts, "本年度职工趣味运动会共设12个项目，460名职工参赛，赛后举行了颁奖晚宴。")
    assert _named(claims, "颁奖晚宴", "活动"), claims


def test_kin_likened_and_not_a_single_one_say_nothing_of_their_own():
    facts = ["为困难职工建立帮扶档案41份"]
    text = "工会始终把困难职工当作自家亲人，为困难职工建立帮扶档案41份，做到不漏一户、不落一人。"
    result = check(facts, text, lexicon=LEX)
    assert result.claims == [] and all(h.status == "supported" for h in result.numbers), result
    claims = _claims(facts, "工会把困难职工当作自家亲人，联合市慈善总会为困难职工建立帮扶档案41份。")
    assert _named(claims, "慈善总会", "参与者"), claims
    claims = _claims(facts, "工会把职工书屋当作培训基地，为困难职工建立帮扶档案41份。")
    assert claims, claims  # a use the facts do not report is no likening
    numbers = check(facts, "工会为困难职工建立帮扶档案41份，走访一户。", lexicon=LEX).numbers
    assert any(h.text == "一户" and h.status != "supported" for h in numbers), numbers


def test_a_new_bag_of_things_joined_onto_an_effect_phrase_is_judged():
    facts = ["为一线职工送去防暑药品"]
    claims = _claims(facts, "工会为一线职工送去防暑药品，送上了组织的关怀和爱心大礼包。")
    assert any("大礼包" in text for text, _ in claims), claims
    assert _claims(facts, "工会为一线职工送去防暑药品，送上了组织的关怀。") == []
