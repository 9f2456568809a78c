"""A theme keyword counts only where it is said in its theme's sense (themes.toml [senses] and `modes`): not in a
clause that only sets a condition, not as the subject of an art work, and a keyword naming a form of work (宣讲,
培训, 竞赛) not where the fact names another theme's matter. The facts are written for this test."""

from __future__ import annotations

import pytest

from drafter.models import DraftRequest
from drafter.pipeline.classify import ThemeClassifier
from drafter.pipeline.fitting import names_theme, speaks_of
from drafter.pipeline.plan import Planner
from drafter.pipeline.themes import load_book
from plan_support import area_library, embedder  # noqa: F401 - embedder is a fixture

SAFETY_HEADING = "强化劳动保护，筑牢安全生产防线"


def scores(text: str) -> dict[str, float]:
    return {t.key: t.keyword_score(text) for t in load_book().themes if not t.topics and t.keyword_score(text)}


@pytest.mark.parametrize("fact, matter, form", [
    ("开展《劳动合同法》进工地普法宣讲3场，发放法律宣传册600份", "democracy", "study"),
    ("举办消防安全知识竞赛1场，120名职工参赛", "safety", "competition"),
    ("举办职工羽毛球比赛，8支队伍参加", "culture", "competition"),
    ("组织职工参加心理健康讲座2期", "safety", "study"),
])
def test_a_form_of_work_counts_for_the_matter_it_is_of(fact, matter, form):
    found = scores(fact)
    assert found.get(matter, 0) > 0 and form not in found, found


def test_a_law_talk_is_placed_as_legal_aid_work():
    general = [t for t in load_book().themes if not t.topics]
    assert ThemeClassifier(general).best(STREET[2]).key == "democracy"  # 宣讲 and 宣传 are its forms, 法律 its matter


def test_a_form_of_work_with_no_other_matter_keeps_its_theme():
    assert scores("组织职工读书分享讲座2场")["study"] > 0
    assert scores("开展岗位技能竞赛，评出技术能手5名")["competition"] > 0
    assert scores("在厂区更新宣传栏12块")["publicity"] > 0


def test_a_condition_is_no_act_of_its_theme():
    fact = "在做好疫情防控和安全生产的前提下，组织职工开展元宵游园活动"
    assert "safety" not in scores(fact) and scores(fact)["culture"] > 0
    assert scores("组织职工开展安全生产隐患排查，整改隐患30处")["safety"] > 0
    assert not speaks_of(fact, None, SAFETY_HEADING, load_book())  # 安全 of the condition backs no safety heading


def test_the_subject_of_an_art_work_is_no_act_of_its_theme():
    for fact in ("参加市总工会举办的安全主题漫画展和职工卡拉OK大赛", "举办“安全在我心中”摄影展，展出作品60幅"):
        found = scores(fact)
        assert "safety" not in found and found["culture"] > 0, (fact, found)
        assert not speaks_of(fact, None, SAFETY_HEADING, load_book())


def test_the_quoted_theme_of_an_event_is_no_act_of_its_theme():
    """An essay contest on “安全发展” is culture or study work, not safety work; the event's own words still count."""
    for fact in ("五四青年节，开展以“安全发展、青春有我”、“我为企业献一计”为主题的征文活动，收到作品46篇",
                 '开展以"安全生产人人有责"为活动主题的青年演讲比赛，12名青年职工参赛'):
        assert "safety" not in scores(fact), (fact, scores(fact))
        assert not speaks_of(fact, None, SAFETY_HEADING, load_book())
    assert scores("开展以“比学赶超创一流”为主题的劳动竞赛，8个班组参赛")["competition"] > 0
    assert scores("开展以“安全月”为主题的隐患排查，整改隐患12处")["safety"] > 0  # 隐患排查: the act is safety work


def test_a_holiday_in_quotes_before_its_time_word_only_dates_the_act():
    assert "competition" not in scores("在“五一”节前后，检查了3家企业的防暑降温落实情况")
    assert "competition" not in scores("五一节期间，组织职工观看电影2场")
    assert scores("开展“五一”劳动竞赛，评出先进班组3个")["competition"] > 0  # the holiday's own campaign

STREET = [  # a street union's month, written for this test
    "走访辖区小微企业9家，新组建工会2家，发展会员120人",
    "为网约车司机举办集中入会活动1场，现场入会45人",
    "开展劳动法律法规进楼宇宣讲3场，发放宣传资料500份",
    "调处劳动争议纠纷4起，为职工追回欠薪11万元",
    "新建户外劳动者服务站点1个，服务环卫工人800人次",
    "组织职工参加街道职工拔河比赛，获第二名",
]


def test_a_holiday_named_in_full_only_dates_the_act():
    """“五一”国际劳动节，我厂组织…烧烤活动 (held-out s002_15, session 25: its section got a labour-competition lead):
    the holiday's full name in a clause of its own, or before a time word, dates the act."""
    assert "competition" not in scores("“五一”国际劳动节，厂工会组织青年员工到郊外开展登山活动")
    assert "competition" not in scores("五一劳动节期间，组织职工观看电影2场")
    assert scores("五一国际劳动节，全厂开展技能比武，参赛职工80人")["competition"] > 0  # its act is the matter


def test_a_law_talk_sits_with_the_disputes_under_no_study_heading(settings, embedder):
    plan = Planner(settings, area_library(embedder), load_book()).plan(
        DraftRequest(org="某街道总工会", period="2026年3月", kind="月度总结", facts=STREET))
    by_line = {n: s for s in plan.body() for n in s.fact_lines}
    assert by_line[3] is by_line[4], [(s.title, s.fact_lines) for s in plan.body()]
    assert not any(word in by_line[3].title for word in ("学习", "思想", "教育", "引领", "宣传")), by_line[3].title
    station = by_line[5].title  # a service station for outdoor workers is a service to them (为职工办实事)
    assert names_theme(station, {t.key: t for t in load_book().themes}["care"], load_book()), station



def test_a_pairing_is_coaching_unless_it_is_with_a_family_in_hardship():
    assert scores("开展“一帮一”活动，由老职工带新职工结成对子")["study"] > 0
    assert "study" not in scores("对8户特困家庭开展一帮一结对帮扶")


def test_a_teachers_congress_is_a_workers_congress():
    assert scores("召开学校第五届教代会第二次会议，审议绩效工资方案")["democracy"] > 0


def test_a_holiday_that_only_dates_an_act_is_no_act_of_its_theme():
    found = scores("五一前夕，组织职工开展健步走和游园活动")
    assert "competition" not in found and found["culture"] > 0, found
    assert scores("开展五一劳动竞赛，评出先进班组6个")["competition"] > 0


def test_the_subject_of_a_report_heard_is_no_act_of_its_theme():
    found = scores("听取了年度财务预算执行情况报告和经费审计报告")
    assert "self" not in found and found["democracy"] > 0, found  # hearing reports is the congress's work
    assert scores("完成工会经费年度审计，整改问题3项")["self"] > 0


def test_publicity_for_a_campaign_is_the_campaign_s_work():
    assert "publicity" not in scores("通过对“文明班组”评比活动的广泛宣传，全厂42个班组报名参评")
    assert scores("开展工会政策宣传，发放宣传资料300份")["publicity"] > 0


def test_a_clause_saying_what_an_act_is_for_is_no_act():
    found = scores("开通工会微信公众号，为倾听会员心声创造条件")
    assert "org" not in found and found["publicity"] > 0, found
    assert scores("开通网上入会通道，新发展会员60人")["org"] > 0


def test_a_fact_of_two_kin_themes_takes_the_one_of_its_neighbours():
    from drafter.pipeline.classify import by_neighbours

    book = load_book()
    general = [t for t in book.themes if not t.topics]
    classifier = ThemeClassifier(general)
    games = ["1月举办职工迎新春文艺晚会，180人参加", "3月组织女职工开展庆三八趣味游戏活动", "4月举办职工乒乓球比赛"]
    women = ["开展女职工两癌筛查，320人受益", "3月组织女职工开展庆三八趣味游戏活动", "新建爱心妈妈小屋2个"]
    placed = lambda facts: [t.key for t in by_neighbours(facts, [classifier.best(f) for f in facts], book.families)]  # noqa: E731
    assert classifier.best(games[1]).key == "women"  # alone, its women's words weigh more
    assert placed(games) == ["culture"] * 3, placed(games)
    assert placed(women) == ["women"] * 3, placed(women)
    unrelated = ["召开职代会，审议通过提案8件", games[1], "签订集体合同1份"]  # no kin of the women's work around it
    assert placed(unrelated)[1] == "women"


def test_the_difficulties_of_the_company_itself_are_no_hardship_of_workers():
    told = "利用班前会把企业的经营形势和面临的困难向全体员工讲清楚，统一思想"
    assert "care" not in scores(told) and scores(told)["study"] > 0, scores(told)
    assert "care" not in scores("分厂目前存在的困难和问题已列入下半年整改计划")
    assert not speaks_of(told, None, "关心职工困难，做好帮扶工作", load_book())  # 困难 backs no care heading
    for hardship in ("企业工会走访慰问困难职工18户，发放慰问金9000元",
                     "集团工会帮助3名职工解决子女入学困难",
                     "公司为困难员工申请临时补助12人次"):
        assert scores(hardship)["care"] > 0, hardship


def test_one_subject_of_a_course_among_others_is_no_matter_of_the_fact():
    course = "上半年共有900人次参加财务核算、物业管理、安全生产等21个项目的培训"
    assert "safety" not in scores(course) and scores(course)["study"] > 0, scores(course)
    assert "safety" not in scores("举办8场职工课堂，送去法律、安全、医保等方面知识")
    assert scores("开展安全生产、消防、应急救护等项目的培训6期")["safety"] > 0  # every subject is of safety


def test_a_quoted_practice_s_system_is_no_building_of_the_union_s_own():
    visits = "坚持“三必访、四必谈”制度，帮助职工解决实际问题"
    assert "self" not in scores(visits), scores(visits)
    for own in ("健全工会财务管理制度，规范经费使用", "建立健全工会各项规章制度"):
        assert scores(own)["self"] > 0, own


def test_a_knowledge_contest_is_study_of_its_subject_no_labour_competition():
    quiz = "组织职工开展《民法典》知识竞赛，80人参加"
    general = [t for t in load_book().themes if not t.topics]
    assert ThemeClassifier(general).best("组织全体职工开展《工会章程》知识答题，参与率95%").key == "study"
    assert scores(quiz)["study"] > scores(quiz).get("competition", 0), scores(quiz)
    assert "study" not in scores("举办职工消防安全知识竞赛，12支队伍参赛")  # safety's matter: a safety contest
    assert scores("开展岗位技能竞赛3场")["competition"] > 0
