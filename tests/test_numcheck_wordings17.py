"""Wordings of a strong model read by meaning (issue 19, session 17), each with the invention beside it that must
still be caught:
  * a verb right after a preposition and the people it names is the clause's verb (为农民工安排…), not a qualifier;
  * a word 词林 knows as an adverb before a verb (特地, 专门 + 看望) is how, not a thing; 专门人员 is a thing;
  * a noun likened to (亲人般的关怀, 节日般的氛围) is a figure of speech; what the clause does is still judged;
  * none of a thing said the other way (零伤亡 / 未发生一起伤亡; 未发生职业病 / 零职业病);
  * a change the work aims at (为进一步提升…满意度) is its purpose, not a result; the result said is still one;
  * a body drawn on (依托高校专家团队) is a participant, named as one;
  * an act whose object is a new event is the activity role, even with a set phrase after it (座谈会交流经验);
  * the thing a wrong count counts may be new too (6个啦啦队): the object is named beside the number."""

from __future__ import annotations

import pytest

from drafter.numcheck import check, load_lexicon

LEX = load_lexicon()


def _result(facts: list[str], text: str):
    return check(facts, text, lexicon=LEX)


def _claims(facts: list[str], text: str) -> list[tuple[str, str]]:
    return [(c.text, c.note or "") for c in _result(facts, text).claims]


CHECKUP = ["为农民工提供免费体检300人次"]


def test_a_verb_after_the_people_a_preposition_names_is_the_verb():
    assert _claims(CHECKUP, "工会为农民工安排免费体检300人次。") == []


def test_a_qualifier_of_the_people_is_still_judged():
    claims = _claims(["为职工提供法律咨询210人次"], "工会为退休职工提供法律咨询210人次。")
    assert any("退休" in text and note.startswith("对象") for text, note in claims), claims


MODELS = ["春节前看望慰问劳模12人"]


def test_an_adverb_before_the_verb_is_no_thing():
    assert _claims(MODELS, "春节前，工会特地看望慰问劳模12人。") == []
    assert _claims(["为80岁以上退休职工送上生日蛋糕"], "工会还专门为80岁以上退休职工送上生日蛋糕。") == []


def test_the_same_word_before_a_noun_is_a_thing():
    claims = _claims(["组织职工参加岗位培训"], "工会组织职工参加专门培训和岗位培训。")
    assert any("专门" in text for text, _ in claims), claims


YOUTH = ["为单身青年举办联谊会2场"]


@pytest.mark.parametrize("likened", ["亲人般的关怀", "家人一般的温暖"])
def test_a_noun_likened_to_is_a_figure(likened):
    assert _claims(YOUTH, f"工会为单身青年举办联谊会2场，送上了{likened}。") == []


def test_a_likened_time_is_no_time_but_the_act_beside_it_is_judged():
    claims = _claims(YOUTH, "工会为单身青年举办联谊会2场，在节日般的氛围中还举办了游园会。")
    assert not any(note.startswith("时间") for _, note in claims), claims
    assert any("游园会" in note for _, note in claims), claims


@pytest.mark.parametrize("facts, text", [
    (["全年实现零伤亡"], "全年未发生一起伤亡。"),
    (["竞赛期间实现零事故"], "竞赛期间未发生一起事故。"),
    (["全年未发生职业病"], "全年实现零职业病。"),
    (["全年未发生安全事故"], "全年实现安全生产零事故。"),
])
def test_none_said_the_other_way_is_the_facts(facts, text):
    assert _claims(facts, text) == []


@pytest.mark.parametrize("facts, text, new", [
    (["全年实现零伤亡"], "全年未发生一起火灾，实现零伤亡。", "火灾"),
    (["全年未发生安全事故"], "全年实现消防零事故。", "消防"),
    (["开展安全竞赛"], "开展安全竞赛，竞赛期间未发生一起事故。", "事故"),
])
def test_none_the_facts_do_not_state_is_still_judged(facts, text, new):
    claims = _claims(facts, text)
    assert any(new in t for t, _ in claims), claims


SERVICE = ["会员满意度96%", "推行服务承诺制"]


@pytest.mark.parametrize("purpose", ["为进一步提升会员满意度", "围绕提高会员满意度", "以提高会员满意度为目标"])
def test_a_change_the_work_aims_at_is_no_result(purpose):
    assert _claims(SERVICE, f"{purpose}，工会推行服务承诺制。") == []


def test_a_change_reported_is_a_result():
    claims = _claims(SERVICE, "工会推行服务承诺制，会员满意度进一步提升。")
    assert any(note.startswith("结果") for _, note in claims), claims


def test_a_body_drawn_on_is_a_participant():
    claims = _claims(["开展技能培训6期，培训职工400人次"], "工会依托高校专家团队开展技能培训6期，培训职工400人次。")
    assert [note for _, note in claims] == ['参与者"高校专家团队"事实中没有'], claims


def test_a_place_drawn_on_is_a_place():
    claims = _claims(["代理劳动争议案件14件"], "依托职工服务中心代理劳动争议案件14件。")
    assert any(note.startswith("地点") for _, note in claims), claims


def test_a_new_meeting_before_a_set_phrase_is_an_activity():
    claims = _claims(["收回问卷1450份"], "收回问卷1450份，并召开职工代表座谈会听取意见。")
    assert any(note.startswith("活动") and "座谈会" in text for text, note in claims), claims


def test_the_new_thing_of_a_wrong_count_is_named():
    result = _result(["组织28支代表队参赛"], "组织28支代表队和6个啦啦队参赛。")
    assert any(c.note.startswith("对象") and c.text == "啦啦队" for c in result.claims), result.claims
    assert any(n.text == "6个" and n.status != "supported" for n in result.numbers)


def test_a_count_inside_a_document_name_is_judged_with_the_name():
    result = _result(["公开住房分配方案"], "公开《福利区105套住房分配方案》。")
    assert not any(c.text == "住房" for c in result.claims), result.claims


def test_a_four_character_phrase_jieba_guesses_as_a_name_is_no_person():
    facts = ["成立送温暖工作领导小组", "筹集送温暖资金46.8万元"]
    assert _claims(facts, "工会高度重视送温暖工作，加强组织领导，周密安排部署。") == []
    claims = _claims(["召开动员会"], "李明华亲自部署，召开动员会。")
    assert any(note.startswith("参与者") for _, note in claims), claims


def test_an_activity_note_quotes_the_clause_as_written():
    claims = _claims(["为18名困难职工子女发放助学金5.4万元"], "为18名困难职工子女发放助学金5.4万元，并组织开展寒假冬令营。")
    notes = [note for _, note in claims if note.startswith("活动")]
    assert notes and all("  " not in note for note in notes) and "寒假冬令营" in notes[0], claims


TRAINING = ["举办工会干部培训班2期，培训基层工会干部160人"]


def test_a_form_word_before_an_act_is_how_it_was_done():
    assert _claims(TRAINING, "工会举办工会干部培训班2期，对160名基层工会干部进行了系统培训。") == []


@pytest.mark.parametrize("vague", ["相关部门", "有关单位"])
def test_a_body_named_by_no_word_of_its_own_is_no_participant(vague):
    facts = ["为农民工追讨欠薪，帮助142名农民工拿回工资187万元"]
    assert _claims(facts, f"工会积极协调{vague}为农民工追讨欠薪，帮助142名农民工拿回工资187万元。") == []


def test_a_body_named_is_a_participant():
    facts = ["为农民工追讨欠薪，帮助142名农民工拿回工资187万元"]
    claims = _claims(facts, "工会积极协调市人社部门为农民工追讨欠薪，帮助142名农民工拿回工资187万元。")
    assert any(note.startswith("参与者") and "人社" in text for text, note in claims), claims


CONTRACT = ["开展女职工权益保护专项集体合同协商，签订专项合同1份"]


def test_what_ranks_first_is_frame_around_the_work_it_names():
    assert _claims(CONTRACT, "工会坚持把维护女职工特殊权益摆在突出位置，签订专项合同1份。") == []
    claims = _claims(CONTRACT, "工会坚持把农民工讨薪摆在突出位置，签订专项合同1份。")
    assert any("讨薪" in text for text, _ in claims), claims


STUDIO = ["建成职工创新工作室3个，其中省级1个"]


def test_what_the_work_enables_is_an_effect():
    text = "工会建成职工创新工作室3个，其中省级工作室1个，为职工开展技术攻关、发挥聪明才智提供了有力平台。"
    assert _claims(STUDIO, text) == []


def test_the_people_it_enables_are_still_judged():
    claims = _claims(STUDIO, "工会建成职工创新工作室3个，其中省级工作室1个，为农民工子女开展技术攻关提供了有力平台。")
    assert any("农民工子女" in text for text, _ in claims), claims


QUIZ = ["开展“安全生产月”活动，组织安全知识竞赛1场，参赛队伍16支"]


def test_one_event_named_states_its_count_of_one():
    result = _result(QUIZ, "在“安全生产月”活动中，工会组织开展安全知识竞赛，16支参赛队伍同台竞技。")
    assert result.missing == [] and result.ok, result


def test_an_event_named_with_another_count_does_not_state_one():
    result = _result(QUIZ, "在“安全生产月”活动中，工会组织安全知识竞赛3场，16支参赛队伍同台竞技。")
    assert not result.ok


def test_a_verb_before_an_act_is_no_qualifier():
    facts = ["举办职工羽毛球比赛，参赛选手96名", "比赛历时3天"]
    text = "工会举办职工羽毛球比赛，96名选手报名参赛，经过3天的激烈角逐，比赛圆满落下帷幕。"
    result = _result(facts, text)
    assert result.claims == [] and result.ok, (result.claims, result.numbers)


SAFETY = ["开展安全隐患“随手拍”活动，职工上报隐患线索430条", "评选“安全之星”20名"]


def test_everyone_doing_it_is_how_however_long_the_parts():
    text = "工会评选表彰“安全之星”20名，在全公司营造了人人关注安全、人人参与安全的良好氛围。"
    assert _claims(SAFETY, text) == []


def test_the_need_answered_is_an_effect_and_its_people_still_judged():
    facts = ["开展“书香工会”读书分享活动8场"]
    assert _claims(facts, "工会着力满足职工日益增长的精神文化需求，开展读书分享活动8场。") == []
    claims = _claims(facts, "工会着力满足农民工子女的读书需求，开展读书分享活动8场。")
    assert any("农民工" in note for _, note in claims), claims


def test_everyone_doing_new_work_is_still_an_activity():
    claims = _claims(SAFETY, "工会评选“安全之星”20名，人人争当安全员、人人参加消防演练。")
    assert any("消防演练" in text for text, _ in claims), claims


def test_an_event_the_work_enables_is_one_of_its_own():
    claims = _claims(["建成职工创新工作室3个"], "工会建成职工创新工作室3个，为职工参加全国技能大赛提供了有力平台。")
    assert any("技能大赛" in text for text, _ in claims), claims


def test_a_set_phrase_jieba_splits_is_read_whole():
    facts = ["开展主题劳动竞赛，参赛职工3200人"]
    claims = _claims(facts, "工会开展主题劳动竞赛，3200名职工在竞赛中比学赶超、争创一流。")
    assert claims == [], claims


VETERANS = ["元旦春节期间走访慰问离退休老干部32人"]


def test_greetings_given_name_nothing():
    assert _claims(VETERANS, "元旦春节期间，工会走访慰问离退休老干部32人，向他们送上节日的问候和美好的祝福。") == []


@pytest.mark.parametrize("given, new", [("米面油和新春对联", "米面"), ("慰问信", "慰问信")])
def test_things_given_are_still_judged(given, new):
    claims = _claims(VETERANS, f"元旦春节期间，工会走访慰问离退休老干部32人，向他们送上{given}。")
    assert any(new in text for text, _ in claims), claims


def test_none_said_in_other_words_is_the_facts():
    facts = ["开展“阳光工资”监督，推动企业按时足额发放工资，未发生欠薪问题"]
    text = "工会开展“阳光工资”监督，推动企业按时足额发放职工工资，全年没有发生一起拖欠工资的问题。"
    assert _claims(facts, text) == []
    claims = _claims(facts, "工会开展“阳光工资”监督，推动企业按时足额发放职工工资，全年没有发生一起安全事故。")
    assert any(note.startswith("结果") for _, note in claims), claims


def test_a_quoted_style_is_a_manner():
    facts = ["建立困难职工帮扶长效机制，出台《困难职工帮扶管理办法》"]
    text = "工会出台《困难职工帮扶管理办法》，推动帮扶工作由“节日式”向“常态化”转变。"
    assert _claims(facts, text) == []


def test_those_a_thing_is_brought_to_are_no_thing_handed_over():
    facts = ["为建筑工地职工送去文艺演出5场"]
    assert _claims(facts, "工会把文艺演出送到建筑工人身边，共送去文艺演出5场。") == []


def test_a_campaign_bringing_something_in_names_no_fragment():
    facts = ["举办职工法律知识竞赛，参赛队伍24支", "开展普法讲座8场，受益职工1100人次"]
    claims = _claims(facts, "工会举办法律知识竞赛，24支队伍参赛，并送法进企业举办普法讲座8场，受益职工1100人次。")
    assert not any(len(text) == 2 and text.endswith("进") for text, _ in claims), claims


def test_a_synonym_split_by_other_words_binds_the_item():
    facts = ["协助处理拖欠农民工工资案件17起"]
    result = _result(facts, "在清欠工作中，工会共协助处理欠薪案件17起，为农民工讨回工资。")
    assert result.ok and result.claims == [], (result.numbers, result.claims)


@pytest.mark.parametrize("text, value", [("满意率达12351.00%", 12351.0), ("发放慰问金12351.5元", 12351.5),
                                         ("发放慰问金12351元", 12351.0)])
def test_an_amount_that_reads_like_a_hotline_is_a_number(text, value):
    from drafter.numcheck.scanner import extract_numbers
    assert [m.value for m in extract_numbers(text)] == [value]


def test_the_hotline_is_no_number():
    from drafter.numcheck.scanner import extract_numbers
    assert extract_numbers("工会开通12351职工服务热线") == []
