"""What counts as a number: table-driven cases copied from real sentences of ../shared/seeds."""

from __future__ import annotations

import pytest

from drafter.numcheck import extract_numbers, find_placeholders
from drafter.numcheck.cnnum import parse_numeral


def found(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(m.text, m.value, m.unit) for m in extract_numbers(text)]


# (seed sentence, expected numbers as (surface text, value, unit))
SEED_NUMBERS = [
    # Arabic, unit groups
    ("全省6723人参加了此次竞赛活动", [("6723人", 6723, "人")]),
    ("共慰问困难员工1073人,发放慰问金37万元", [("1073人", 1073, "人"), ("37万元", 370000, "元")]),
    ("全省共有14个市分公司修改、续签和重签了《集体合同》", [("14个", 14, "个")]),
    ("在6个省外休养点安排了职工参加疗休达662人次", [("6个", 6, "个"), ("662人次", 662, "人次")]),
    ("全局自营经济已发展到60余户", [("60余户", 60, "户")]),
    ("征集安全漫画近40幅", [("近40幅", 40, "幅")]),
    # money with 万/亿 scaling, decimals
    ("有偿解除劳动关系223人,送去慰问金8.48万元,做到账目清、底数明",
     [("223人", 223, "人"), ("8.48万元", 84800, "元")]),
    ("公司实现营业收入11616万元", [("11616万元", 116160000, "元")]),
    ("市公司出资十余万元建立了荣誉室", [("十余万元", 100000, "元")]),
    ("图市政府奖励了1万元", [("1万元", 10000, "元")]),
    # percentages
    ("这次调查共发出问卷11031份，收回有效问卷10259份，有效问卷回收率为93%",
     [("11031份", 11031, "份"), ("10259份", 10259, "份"), ("93%", 93, "%")]),
    ("收回1609份,回收率达到96.7%", [("1609份", 1609, "份"), ("96.7%", 96.7, "%")]),
    ("公司能够按照工资总额的百分之二足额划拨工会经费", [("百分之二", 2, "%")]),
    # approximations
    ("共完成劳动就业岗位350多人走上了就业岗位", [("350多人", 350, "人")]),
    ("员、生产一线的劳动模范等重点人群共计1200余人送上了党和政府的关怀", [("1200余人", 1200, "人")]),
    ("全公司慰问金达上百万元", [("上百万元", 1_000_000, "元")]),
    ("观众近300人", [("近300人", 300, "人")]),
    # Chinese numerals with classifiers
    ("应用、文秘班和会计证班四期,受益员工300多人", [("四期", 4, "期"), ("300多人", 300, "人")]),
    ("活动室三个，职工书屋两个", [("三个", 3, "个"), ("两个", 2, "个")]),
    ("吸引了二千多群众前来观看", [("二千多", 2000, None)]),
]


@pytest.mark.parametrize(("sentence", "expected"), SEED_NUMBERS)
def test_seed_sentence_numbers(sentence, expected):
    assert found(sentence) == [(t, float(v), u) for t, v, u in expected]


def test_offsets_are_code_points_into_the_text_as_given():
    text = "  \n共慰问困难员工１０７３人，发放慰问金37万元"
    for mention in extract_numbers(text):
        assert text[mention.start:mention.end] == mention.text
    assert [m.value for m in extract_numbers(text)] == [1073.0, 370000.0]


@pytest.mark.parametrize(("text", "value"), [
    ("１２人", 12), ("1,200人", 1200), ("1，200人", 1200), ("96．45%", 96.45), ("83 人", 83), ("100 ％", 100),
    ("3.5万人", 35000), ("1.2亿元", 1.2e8), ("3万2千人", 32000), ("两千人", 2000), ("一千二百人", 1200),
    ("壹仟贰佰元", 1200), ("百分之九十三", 93), ("百分之百", 100), ("一百零五人", 105), ("三分之二", 200 / 3),
])
def test_surface_forms(text, value):
    [mention] = extract_numbers(text)
    assert mention.value == pytest.approx(value)


@pytest.mark.parametrize(("text", "approx", "lo", "hi"), [
    ("300余人", True, 300, 400), ("十余万元", True, 100000, 200000), ("约300人", True, 270, 330),
    ("300人左右", True, 270, 330), ("近万名", True, 8500, 10000), ("数十家", True, 20, 100),
    ("二三十人", True, 20, 30), ("312人", False, None, None),
])
def test_approximations(text, approx, lo, hi):
    [mention] = extract_numbers(text)
    assert mention.approximate is approx
    if lo is not None:
        assert (mention.lo, mention.hi) == (pytest.approx(lo), pytest.approx(hi))


@pytest.mark.parametrize(("sentence", "text", "kind", "key"), [
    ("截止2015年10月底", "2015年10月底", "date", ("date", 2015, 10, None, "底")),
    ("于11月底完成", "11月底", "date", ("date", None, 11, None, "底")),
    ("5月25日至28日我局男、女乒乓球队代表省", "5月25日至28日", "range",
     ("range", "日期", (None, 5, 25, None), (None, 5, 28, None))),
    ("1—10月实现利润总额1823万元", "1—10月", "range", ("range", "日期", (None, 1, None, None), (None, 10, None, None))),
    ("6月中旬至8月底", "6月中旬至8月底", "range", ("range", "日期", (None, 6, None, "中旬"), (None, 8, None, "底"))),
    ("我们召开了二届三次教代会", "二届三次", "session", ("session", (("届", 2), ("次", 3)))),
    ("组织召开九届一次职工大会", "九届一次", "session", ("session", (("届", 9), ("次", 1)))),
    ("召开了第一次会员大会", "第一次", "session", ("session", (("次", 1),))),
    ("二〇一一年十一月二日", "二〇一一年十一月二日", "date", ("date", 2011, 11, 2, None)),
])
def test_dates_ranges_sessions(sentence, text, kind, key):
    mention = next(m for m in extract_numbers(sentence) if m.text == text)
    assert (mention.kind, mention.key) == (kind, key)


def test_range_of_counts():
    [mention] = extract_numbers("对企业下岗失业80多人提供就业岗位1—2次")[1:]
    assert (mention.kind, mention.key) == ("range", ("range", "次", 1.0, 2.0))


@pytest.mark.parametrize("sentence", [
    # headings and list markers
    "一、加强领导", "（一）以重要思想为指导", "(二)坚持平等协商", "1、召开会议", "2.组织学习", "第一，第二，第三",
    "送温暖工作总结工会发言稿篇一",
    # fixed expressions
    "以“三个代表”重要思想为指导", "荣获五一劳动奖章", "被评为三八红旗手", "三八妇女节慰问女职工", "六一儿童节",
    "学习贯彻十九大精神", "开展一对一帮扶", "深入生产一线", "一手抓生产，一手抓安全", "两手抓，两手都要硬",
    "开展两学一做学习教育", "落实三会一课制度", "‘四五’普法", "一年来，我们", "开展四争四促活动",
    "认真落实一岗双责", "在企业两个文明建设中", "两级工会组织", "来说是一次学习和提高", "做好“两节”送温暖",
    "开展“十佳”评选", "五四青年节",
    # ordinary words
    "统一部署", "进一步加强", "一起努力", "取得了一定成绩", "存在一些问题", "开展一系列活动", "创一流业绩",
    "一是加强领导，二是完善制度", "培养一批骨干", "达成一致", "唯一的办法", "成绩之一", "一方面", "一次性发放",
    "万众一心", "千方百计", "团结一心", "心往一处想、劲往一处使", "十分重视", "千家万户", "下一步工作",
    "小到节约一滴水", "一户户返乡", "拨打12351职工服务热线",
    "职工志愿服务队伍日益壮大", "关爱退伍军人职工", "思想不落伍",  # 伍, the financial 5, inside a word (伍日 read as a date)
])
def test_not_quantities(sentence):
    assert found(sentence) == []


def test_single_chinese_numeral_without_unit_is_no_quantity():
    assert found("三方协商机制") == [] and found("五星级") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("20xx年发放xx万元", ["20xx年", "xx万元"]), ("20__年", ["20__年"]), ("20**年", ["20**年"]),
    ("××公司", ["××"]), ("XX万元", ["XX万元"]), ("＿＿人", ["＿＿人"]), ("走访x家企业", ["x家"]),
])
def test_placeholders_found_and_not_numbers(text, expected):
    assert [t for _, _, t in find_placeholders(text)] == expected
    assert found(text) == []


@pytest.mark.parametrize(("numeral", "value"), [
    ("十", 10), ("十二", 12), ("二十三", 23), ("一百零五", 105), ("两千", 2000), ("3万2", 32000), ("一千二", 1200),
    ("一亿二千万", 1.2e8), ("1亿2000万", 1.2e8), ("二〇二五", 2025), ("壹仟贰佰", 1200), ("12.6万", 126000),
])
def test_parse_numeral(numeral, value):
    assert parse_numeral(numeral) == pytest.approx(value)


@pytest.mark.parametrize("word", ["千万", "百万", "万", "三五", "一二"])
def test_parse_numeral_rejects_words(word):
    assert parse_numeral(word) is None


@pytest.mark.parametrize(("sentence", "text", "key"), [
    ("局工会于20xx年3月27至29日组织了局机关全体职工身体检查", "3月27至29日",
     ("range", "日期", (None, 3, 27, None), (None, 3, 29, None))),
    ("一季度完成", "一季度", ("quarter", 1.0)), ("第三季度", "第三季度", ("quarter", 3.0)),
])
def test_day_ranges_and_quarters(sentence, text, key):
    [mention] = extract_numbers(sentence)
    assert (mention.text, mention.key) == (text, key)


def test_markdown_bold_is_no_placeholder_but_20_stars_is():
    assert find_placeholders("**（一）精准帮扶。**") == []
    assert [t for _, _, t in find_placeholders("20**年")] == ["20**年"]


def test_mention_carries_unit_group_kind_and_context_words():
    [households, money] = extract_numbers("春节走访慰问困难职工86户，发放慰问金12.6万元")
    assert (households.unit, households.unit_group, households.kind) == ("户", "户", "number")
    assert (money.unit, money.kind, money.value) == ("元", "money", 126000.0)
    assert "困难" in households.context and "慰问" in money.context
    data = money.to_dict()
    assert data["text"] == "12.6万元" and data["unit_group"] == "元" and "source" not in data


def _covered(spans: list[tuple[int, int]]) -> set[int]:
    return {i for start, end in spans for i in range(start, end)}


def test_lexicon_masks_cover_exactly_the_lexicon_words():
    """The scanner's one-pass masks cover the same characters as every standalone lexicon word (spans):
    nested and overlapping words, a longest word that continues a numeral (二十一人: 十一 is no word there)."""
    import random

    from drafter.numcheck import Lexicon, load_lexicon
    from drafter.numcheck.cnnum import CN_CHARS
    from drafter.settings import PROJECT_ROOT

    lexicon = load_lexicon()
    words = sorted(lexicon.words)
    rng = random.Random(7)
    alphabet = CN_CHARS + "0123456789.分之人的G"
    texts = [p.read_text(encoding="utf-8") for p in sorted((PROJECT_ROOT / "samples").glob("*.md"))]
    texts += ["".join(rng.choice(words) if rng.random() < 0.5 else
                      "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 4))) for _ in range(rng.randint(1, 12)))
              for _ in range(5000)]
    assert sum(bool(lexicon.spans(t)) for t in texts) > 4000
    assert [t for t in texts if _covered(lexicon.masks(t)) != _covered(lexicon.spans(t))] == []
    own = Lexicon.from_words({"一线", "一线三", "三八"})  # 一线三 continues the numeral 三四: 一线 is masked alone
    for text in ("深入一线三四次", "一线三八", "二十一线"):
        assert _covered(own.masks(text)) == _covered(own.spans(text)), text
    assert _covered(own.masks("深入一线三四次")) == {2, 3}
