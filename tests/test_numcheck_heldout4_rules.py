"""Rules driven by the fourth held-out set's misses and false flags (issue 19, session 9), each on sentences of
its own (not the set's paragraphs).

Words: jieba's cuts of groups (劳务/派遣/工和外/包/人员) are mended by the lexicon's [segment] words, and a one-
character marker glued to its neighbour (赴市, 获省) is split. Roles: an actor inside frame words (工会主席带队) or
made of generic words (爱心企业) is read; places without a classic head (工作面, 工地, 大学) and after 依托; a level
added to a title the facts award with a level (获市级技术能手 → 省级) is an object; a document named beside a given
one (《A》和《B》) is an object. Frame: 打下坚实基础, 兜牢民生底线, 放松身心, 同台竞技, 主题 after a given name (围绕“书香工会”主题) and a figure
in quotes (打造…的“精神加油站”).
"""

from __future__ import annotations

import pytest

from drafter.numcheck import check
from drafter.numcheck.words import words


def _notes(facts: list[str], draft: str) -> list[str]:
    result = check(facts, draft)
    return [c.note for c in result.claims] + [h.note or "" for h in result.numbers if h.status != "supported"]


def test_groups_jieba_splits_are_one_word():
    cut = [w[2] for w in words("积极推动劳务派遣工和外包人员加入工会组织")]
    assert "劳务派遣工" in cut and "外包人员" in cut and "和" in cut
    assert [w[2] for w in words("赴市奥体中心参加比赛")][:2] == ["赴", "市"]


@pytest.mark.parametrize("facts, draft, note", [
    (["推动劳务派遣工入会，新发展会员218人"], "积极推动劳务派遣工和外包人员加入工会组织，新发展会员218人。", '对象"外包人员"'),
    (["组织职工参加全市职工乒乓球赛，获得团体第二名"], "积极组织职工赴市体育馆参加全市职工乒乓球赛，获得团体第二名。",
     '地点"市体育馆"'),
    (["开展隐患排查，整改隐患80处"], "深入井下掘进工作面开展隐患排查，整改隐患80处。", '地点"井下掘进工作面"'),
    (["开展夏送清凉活动，慰问职工600人次"], "深入高速公路施工工地开展夏送清凉活动，慰问职工600人次。", '地点"高速公路施工工地"'),
    (["举办班组长培训班2期，培训80人"], "在省职工大学举办班组长培训班2期，培训80人。", '地点"省职工大学"'),
    (["开展职工技能培训，培训1500人次"], "依托市高级技工学校开展职工技能培训，培训1500人次。", '地点"市高级技工学校"'),
    (["为32名困难职工子女发放助学金6.4万元"], "工会主席带队为32名困难职工子女发放助学金6.4万元。", '参与者"工会主席"'),
    (["开展“金秋助学”活动，资助困难职工子女20名"], "携手爱心企业开展“金秋助学”活动，资助困难职工子女20名。",
     '参与者"爱心企业"'),
    (["召开职代会，公司经营层列席"], "召开职代会，公司领导班子全体列席。", '参与者"公司领导班子"'),
    (["5名职工获市级技术能手称号"], "5名职工获省级技术能手称号。", '对象"省级"'),
    (["召开职代会，审议通过《劳动合同管理办法》"], "召开职代会，审议通过《劳动合同管理办法》和《带薪年休假实施细则》。",
     '对象"带薪年休假实施细则"'),
    (["举办职工书法比赛，收到作品90幅"], "举办职工书法比赛，收到作品90幅，比赛一等奖获得者被授予公司“书法之星”称号。", "荣誉"),
])
def test_an_invented_detail_is_named_with_its_role(facts, draft, note):
    notes = _notes(facts, draft)
    assert any(n.startswith(note) for n in notes), notes


@pytest.mark.parametrize("facts, draft", [
    (["建立会员实名制数据库，录入会员信息3000条"], "建立会员实名制数据库，录入会员信息3000条，为精准服务会员打下了坚实基础。"),
    (["为大病职工申请医疗救助，发放救助金5万元"], "为大病职工申请医疗救助，发放救助金5万元，切实兜牢了困难职工的民生底线。"),
    (["组织劳模疗休养2批，参加60人"], "组织劳模分2批疗休养，共60人参加，让长期奋战在一线的劳模放松身心、调整状态。"),
    (["新建母婴室3个", "组织女职工健康体检"], "新建母婴室3个，为哺乳期女职工提供了温馨、私密的休息场所。"),
    (["举办焊工技能比武，参赛职工88人"], "举办焊工技能比武，88名职工同台竞技、比学赶超。"),
    (["资助困难职工子女考上大学25名"], "资助困难职工子女中的大学新生25名。"),
    (["3名职工获市级技术能手称号"], "3名职工获市级技术能手称号，高技能人才队伍不断壮大。"),
    (["开展“书香工会”读书活动，参与职工320人"], "围绕“书香工会”主题，开展读书活动，参与职工320人。"),
    (["建成职工书屋3个"], "建成职工书屋3个，为职工打造了家门口的“精神加油站”。"),
])
def test_a_faithful_paraphrase_is_not_flagged(facts, draft):
    assert _notes(facts, draft) == []


def test_topic_is_no_thing_only_after_a_name_the_facts_give():
    facts = ["开展“书香工会”读书活动，参与职工320人"]
    assert _notes(facts, "围绕“书香工会”主题，开展读书活动，参与职工320人。") == []
    notes = _notes(facts, "开展“书香工会”读书活动，参与职工320人，并开展“劳动最光荣”主题演讲比赛。")
    assert '活动"开展“劳动最光荣”主题演讲比赛"事实中没有' in notes, notes
