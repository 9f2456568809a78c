"""Wordings of a strong model read by meaning (issue 19, session 18, helper h3), each with the invention of the same
shape beside it that must still be caught:
  * a set phrase (jieba's idiom tag: 万家灯火) after an effect verb is a figure, and people in general (群众, 人们:
    词林 Aa) there are no one in particular; a thing or other people (书屋, 子女) there are still new;
  * a verb after 更好地 opens what the work is for (更好地投入到服务群众的工作中), read strictly: an event or object
    word no fact gives there (职工书屋, 义诊活动) is still new;
  * given people addressed in general words (环卫工人兄弟, 职工群众) are those people; kin (子女) are others;
  * a means-end formula (以赛代练, 以训强能) whose means the facts name says how the work was used; the people,
    things and acts written beside it are still judged;
  * for a count of people, what the fact says they did after them (子女上大学) may be left out when the sentence
    writes other words of that work (为35名困难职工子女发放助学金); other people (困难职工 for 子女) or other work on
    the count (送去节日慰问 for 赴海滨疗休养) still change the item; the people word heading the fact's item
    (参加职工 | 640人次) may be left to the unit when the draft names only abilities after it (640人次提升技能);
  * a word of one people class only (儿童) is written by a word of the class that a two-class people word joins it
    to (孩子: 儿童 and 子女): 托管职工子女 for 托管儿童; 家属, 退休职工 and people in general (群众) are not;
  * a need the clause opens with (围绕…的难点痛点) before its act is no thing the act works on, when it names no
    person, place, body or event (围绕外包人员的难题 does); the act after it is judged alone (举办技术比武 is new);
  * a verb 词林 knows only as a pastime, sport or art (合唱, 朗诵) written onto a given event (比赛) is the kind of
    event, a near miss like 书画比赛; taking part (参加比赛) is no other event."""

from __future__ import annotations

from drafter.numcheck import check, load_lexicon

LEX = load_lexicon()


def _claims(facts: list[str], text: str) -> list[tuple[str, str]]:
    return [(c.text, c.note or "") for c in check(facts, text, lexicon=LEX).claims]


def _covers(facts: list[str], text: str, word: str) -> bool:
    at = text.index(word)
    return any(c.start < at + len(word) and at < c.end for c in check(facts, text, lexicon=LEX).claims)


REPAIR = ["组建电力抢修队3支，完成抢修任务86次"]
_REPAIR = "组建电力抢修队3支，完成抢修任务86次，"


def test_a_set_phrase_after_an_effect_verb_is_a_figure():
    for tail in ("用实际行动守护了万家灯火。", "以实际行动守护万家灯火。"):
        assert _claims(REPAIR, _REPAIR + tail) == [], tail


def test_a_thing_or_place_after_the_same_verb_is_still_new():
    for tail, word in (("用实际行动守护了职工书屋。", "书屋"), ("以实际行动守护了职工子女。", "子女")):
        assert _covers(REPAIR, _REPAIR + tail, word), tail


COUNSEL = ["为一线护士开展心理疏导，服务420人次"]
_COUNSEL = "为一线护士开展心理疏导，服务420人次，帮助护士释放压力，"


def test_what_the_work_lets_people_do_better_is_an_effect():
    for tail in ("更好地投入到服务群众的工作中。", "更好地投入到守护人民健康的工作中。"):
        assert _claims(COUNSEL, _COUNSEL + tail) == [], tail


def test_new_work_after_better_is_still_new():
    for tail, word in (("更好地投入到职工书屋建设中。", "职工书屋"), ("更好地投入到社区义诊活动中。", "社区")):
        assert _covers(COUNSEL, _COUNSEL + tail, word), tail


SWEEPERS = ["为环卫工人发放防暑药品300份"]


def test_given_people_addressed_in_general_words_are_those_people():
    for text in ("为环卫工人发放防暑药品300份，让环卫工人兄弟吃得放心。",
                 "为环卫工人发放防暑药品300份，把清凉送到环卫工人兄弟身边。"):
        assert _claims(SWEEPERS, text) == [], text


def test_kin_of_given_people_are_still_other_people():
    for text in ("为环卫工人发放防暑药品300份，让环卫工人子女吃得放心。",
                 "为环卫工人发放防暑药品300份，环卫工人子女纷纷点赞。"):
        assert _covers(SWEEPERS, text, "子女"), text


CONTEST = ["举办叉车操作技能比赛，参赛职工68人"]
TRAINING = ["举办安全生产培训班4期，培训职工210人次"]


def test_a_means_end_formula_on_given_work_says_how():
    assert _claims(CONTEST, "举办叉车操作技能比赛，参赛职工68人，以赛代练提升了操作水平。") == []
    assert _claims(TRAINING, "举办安全生产培训班4期，培训职工210人次，以训强能提升了安全意识。") == []


def test_a_means_end_formula_hides_nothing_beside_it():
    for text, word in (("举办叉车操作技能比赛，参赛职工68人，以赛代练提升了职工子女的操作水平。", "子女"),
                       ("举办叉车操作技能比赛，参赛职工68人，以赛代练带动了外包人员技能提升。", "外包人员"),
                       ("举办叉车操作技能比赛，参赛职工68人，以赛代练，并开通技能培训热线。", "开通技能培训热线")):
        assert _covers(CONTEST, text, word), text


def _numbers(facts: list[str], text: str) -> list[str]:
    return [h.text for h in check(facts, text, lexicon=LEX).numbers if h.status != "supported"]


AID = ["资助困难职工子女上大学35名，发放助学金10.5万元"]
REST = ["组织一线职工赴海滨疗休养120人"]


def test_what_counted_people_did_may_be_left_out():
    assert _numbers(AID, "工会为35名困难职工子女发放助学金10.5万元。") == []
    assert _numbers(REST, "工会组织120名一线职工参加疗休养。") == []


def test_other_people_or_other_work_on_the_count_is_still_a_changed_item():
    assert _numbers(AID, "工会为35名困难职工发放助学金10.5万元。") == ["35名"]
    assert _numbers(AID, "工会为35名退休职工子女发放助学金10.5万元。") == ["35名"]
    assert _numbers(REST, "工会为120名一线职工送去节日慰问。") == ["120名"]


INNOVATION = ["成立劳模创新工作室3个", "完成技术革新项目14项"]
_DONE = "，完成技术革新项目14项。"


def test_a_need_before_the_act_is_no_thing_the_act_works_on():
    for lead in ("工会围绕保障运行中的难点痛点集中攻关", "聚焦生产流程中的堵点难题集中攻关"):
        assert _claims(INNOVATION, lead + _DONE) == [], lead


def test_new_work_or_people_after_or_inside_the_need_is_still_new():
    for lead, word in (("工会围绕保障运行中的难点痛点举办技术比武", "技术比武"),
                       ("工会围绕外包人员的难点痛点集中攻关", "攻关")):
        assert _covers(INNOVATION, lead + _DONE, word), lead


CONTESTS = ["举办职工技能竞赛，参赛职工175人", "举办职工摄影展，展出作品160幅"]


def test_a_pastime_written_onto_a_given_event_is_another_event():
    for text, word in (("举办职工摄影展，展出作品160幅，组织职工合唱比赛。", "合唱"),
                       ("举办职工摄影展，展出作品160幅，开展职工朗诵比赛。", "朗诵")):
        assert _covers(CONTESTS, text, word), text


def test_taking_part_in_a_given_event_names_no_other_one():
    for text in ("举办职工技能竞赛，组织175名职工参加比赛。", "工会组织职工参加技能竞赛。"):
        assert _claims(CONTESTS, text) == [], text


DRILL = ["开展岗位练兵，参加职工640人次"]


def test_a_people_count_may_leave_its_people_word_to_the_unit():
    for text in ("工会通过岗位练兵带动640人次提升技能。", "工会通过岗位练兵带动640人次提高了操作水平。"):
        assert _numbers(DRILL, text) == [], text


def test_other_people_on_a_people_count_still_change_its_item():
    for text in ("工会通过岗位练兵带动640人次家属提升技能。", "工会通过岗位练兵带动640名退休职工提升技能。"):
        assert _numbers(DRILL, text) != [], text


CARE = ["开展职工子女暑期托管，托管儿童86名"]


def test_one_kind_of_people_said_from_another_side_is_the_same_item():
    assert _numbers(CARE, "工会开展暑期托管服务，共托管职工子女86名。") == []


def test_other_people_on_the_same_count_still_change_the_item():
    for who in ("职工家属", "退休职工", "群众"):
        assert _numbers(CARE, f"工会开展暑期托管服务，共托管{who}86名。") == ["86名"], who


def test_a_noun_in_the_people_words_place_before_the_count_still_changes_it():
    assert _numbers(DRILL, "工会开展岗位练兵，参加技能640人次。") == ["640人次"]
