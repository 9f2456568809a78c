"""The splitter of scraped pages into samples/: real seeds, synthetic pages, kind rules, idempotence."""

from __future__ import annotations

import re

import pytest

from drafter.settings import PROJECT_ROOT
from retrieval.seeds import (
    KINDS,
    chinese_number,
    clean_boilerplate,
    infer_kind,
    main,
    parse_example_heading,
    split_dir,
    split_page,
    write_samples,
)


SAMPLES_DIR = PROJECT_ROOT / "samples"
SEEDS_DIR = PROJECT_ROOT.parent / "shared" / "seeds"
BOILERPLATE = ("当前位置", "作文吧", "小编", "希望大家能够喜欢", "(实用5篇)", "(精选7篇)", "就叫做总结", "`", "\\'", "......", "下一页")
needs_seeds = pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason="scraped seed pages not present")


def front_matter(path) -> dict[str, str]:
    head, _, _ = path.read_text(encoding="utf-8").removeprefix("---\n").partition("\n---\n")
    return dict(line.split(": ", 1) for line in head.splitlines())


@pytest.fixture(scope="module")
def seed_docs():
    return split_dir(SEEDS_DIR)


@needs_seeds
def test_real_seeds_give_52_examples_with_numbered_titles(seed_docs):
    assert len(seed_docs) == 52
    assert all(re.search(r"篇([一二三四五六七八九十]+|\d+)$", doc.title) for doc in seed_docs)
    assert len({doc.file_name for doc in seed_docs}) == 52
    assert all(re.fullmatch(r"s\d{3}_\d{2}[a-z]?\.md", doc.file_name) for doc in seed_docs)
    assert all(len(doc.text) > 300 for doc in seed_docs)


@needs_seeds
def test_per_page_counts_include_the_bare_headings_of_page_003(seed_docs):
    per_page: dict[str, int] = {}
    for doc in seed_docs:
        per_page[doc.source[:3]] = per_page.get(doc.source[:3], 0) + 1
    assert per_page == {"000": 5, "001": 7, "002": 18, "003": 15, "004": 7}
    bare = [doc for doc in seed_docs if doc.file_name in {"s003_02b.md", "s003_03b.md"}]
    assert [doc.title for doc in bare] == ["工会半年工作总结篇二", "工会半年工作总结篇三"]
    assert bare[0].text.startswith("20_年，在党委和上级工会的正确领导下")


@needs_seeds
def test_no_boilerplate_survives(seed_docs):
    for doc in seed_docs:
        for junk in BOILERPLATE:
            assert junk not in doc.text, (doc.file_name, junk)
    teaser_titles = ("工会工作计划总结", "工会工作计划、总结", "工会工作总结和工会工作计划")
    assert not any(line in teaser_titles for doc in seed_docs for line in doc.text.split("\n\n"))


@needs_seeds
def test_placeholders_and_own_headings_are_kept(seed_docs):
    for page in SEEDS_DIR.glob("*.txt"):
        lines = page.read_text(encoding="utf-8").splitlines()
        raw = "\n".join(line for line in lines if not line.endswith("......"))  # related-article teasers go
        kept = "".join(doc.text for doc in seed_docs if doc.source == page.name)
        for placeholder in ("20xx", "××", "20__", "xx"):
            assert kept.count(placeholder) == raw.count(placeholder), (page.name, placeholder)
    s001_03 = next(doc for doc in seed_docs if doc.file_name == "s001_03.md")
    assert "### 第二段：及时发现问题" in s001_03.text and "## 第五段：结语" in s001_03.text


@needs_seeds
def test_shipped_samples_are_the_splitter_output(tmp_path, seed_docs):
    write_samples(seed_docs, tmp_path)
    generated = sorted(p.name for p in tmp_path.glob("*.md"))
    assert generated == sorted(p.name for p in SAMPLES_DIR.glob("s*.md"))
    for name in generated:
        assert (tmp_path / name).read_bytes() == (SAMPLES_DIR / name).read_bytes(), name


def test_every_shipped_sample_has_valid_front_matter():
    paths = sorted(SAMPLES_DIR.glob("*.md"))
    assert len(paths) >= 52
    for path in paths:
        meta = front_matter(path)
        assert meta["kind"] in KINDS, path.name
        assert meta["title"] and meta["source"], path.name
        assert set(meta) <= {"title", "kind", "topic", "source"}


def test_front_matter_of_the_documented_example_is_exact():
    text = (SAMPLES_DIR / "s000_04.md").read_text(encoding="utf-8")
    assert text.startswith(
        "---\ntitle: 送温暖工作总结工会发言稿篇四\nkind: 专项总结\ntopic: 送温暖\nsource: 000_a3e3a17ce79386bc.txt\n---\n\n"
    )


@pytest.mark.parametrize(
    "heading, expected",
    [
        ("送温暖工作总结工会发言稿篇四", ("送温暖工作总结工会发言稿", 4)),
        ("## 县工会最的工作总结篇一", ("县工会最的工作总结", 1)),
        ("### 县工会最的工作总结篇二", ("县工会最的工作总结", 2)),
        ("## **县工会最的工作总结篇五**", ("县工会最的工作总结", 5)),
        ("**XX公司工会总结篇十二**", ("XX公司工会总结", 12)),
        ("2023年工会年度工作总结范文 篇18", ("2023年工会年度工作总结范文", 18)),
        ("篇三", ("", 3)),
        ("共向矿报发送稿件48篇，《羊煤矿工》发表20篇", None),
        ("一、开展读书活动，每人写一篇", None),
    ],
)
def test_example_headings(heading, expected):
    assert parse_example_heading(heading) == expected


@pytest.mark.parametrize("numeral, value", [("一", 1), ("九", 9), ("十", 10), ("十五", 15), ("二十", 20), ("二十三", 23), ("18", 18)])
def test_chinese_numbers(numeral, value):
    assert chinese_number(numeral) == value


def synthetic_page(style: str) -> str:
    return (
        "当前位置:作文吧实用文档工作总结内容页\n\n"
        + style.format(title="镇工会工作总结(精选2篇)")
        + "\n\n下面是小编整理的范文，希望大家能够喜欢！\n\n"
        + style.format(title="镇工会工作总结篇一")
        + "\n\n20xx年，镇工会新建工会x家，发放慰问金xx万元。\n\n一、加强组织建设\n\n职工的`综合素质明显提高。\n\n"
        + style.format(title="镇工会工作总结篇二")
        + "\n\n上半年，镇工会走访困难职工86户。\n\n推荐度：★★★★\n"
    )


@pytest.mark.parametrize("style", ["{title}", "## {title}", "### {title}", "**{title}**", "## **{title}**"])
def test_synthetic_page_in_each_heading_style(style):
    docs = split_page(synthetic_page(style), "900_page.txt")
    assert [doc.title for doc in docs] == ["镇工会工作总结篇一", "镇工会工作总结篇二"]
    assert [doc.file_name for doc in docs] == ["s900_01.md", "s900_02.md"]
    first, second = docs
    assert first.text == "20xx年，镇工会新建工会x家，发放慰问金xx万元。\n\n一、加强组织建设\n\n职工的综合素质明显提高。"
    assert second.text == "上半年，镇工会走访困难职工86户。"
    assert (first.kind, second.kind) == ("年度总结", "半年总结")


def test_bare_heading_continues_the_series_and_gets_a_distinct_file():
    page = "单位工会总结篇一\n甲单位正文。\n篇二\n乙单位正文。\n单位工会总结篇二\n丙单位正文。"
    docs = split_page(page, "901_x.txt")
    assert [(d.title, d.file_name, d.text) for d in docs] == [
        ("单位工会总结篇一", "s901_01.md", "甲单位正文。"),
        ("单位工会总结篇二", "s901_02.md", "乙单位正文。"),
        ("单位工会总结篇二", "s901_02b.md", "丙单位正文。"),
    ]


def test_page_without_example_headings_becomes_one_sample():
    docs = split_page("职工书屋建设工作总结\n\n今年新建职工书屋2个。", "my page.txt")
    assert len(docs) == 1
    assert docs[0].title == "职工书屋建设工作总结" and docs[0].text == "今年新建职工书屋2个。"
    assert re.fullmatch(r"s[0-9a-z]+_01\.md", docs[0].file_name)


def test_clean_boilerplate_removes_teasers_and_junk_but_keeps_content():
    page = (
        "四、继续开展文体活动。\n工会工作计划总结\nxx年工会工作计划xx年的工会工作是全面贯彻......\n"
        "版权所有 作文吧\n上一页 1 2 3 下一页\n落实胡-锦-涛同志讲话精神，对党的`路线有深刻理解，关于集体合同的\\'说明。\n创建和谐型班组。123下一页\n"
    )
    assert clean_boilerplate(page).split("\n") == ["四、继续开展文体活动。", "落实胡锦涛同志讲话精神，对党的路线有深刻理解，关于集体合同的说明。", "创建和谐型班组。"]


@pytest.mark.parametrize(
    "title, opening, expected",
    [
        ("送温暖工作总结工会发言稿篇四", "20xx年，国资公司工会……", ("专项总结", "送温暖")),
        ("XX公司女职工工作总结", "", ("专项总结", "女职工")),
        ("工会半年工作总结篇五", "半年来，我工会……", ("半年总结", None)),
        ("工会半年工作总结篇七", "一年以来，我校工会工作……", ("年度总结", None)),
        ("2023年工会年度工作总结范文 篇11", "20xx年上半年,集团公司工会……紧紧围绕全年目标", ("半年总结", None)),
        ("工会3月份工作总结", "本月，工会组织……", ("月度总结", None)),
        ("工会月度工作总结", "", ("月度总结", None)),
        ("县工会工作总结", "xx年，在上级工会……", ("年度总结", None)),
        ("工会工作月总结及计划 基层工会年度工作总结及计划篇一", "公司工会…", ("年度总结", None)),
    ],
)
def test_infer_kind_rules(title, opening, expected):
    assert infer_kind(title, opening) == expected


def test_conflicting_title_defers_to_the_periods_the_text_names():
    text = "公司工会围绕劳动竞赛开展工作。\n\n上半年，公司荣获奖章。\n\n上半年以来，重点梳理了困难户。"
    assert infer_kind("工会工作月总结及计划 基层工会年度工作总结及计划篇一", text) == ("半年总结", None)


def test_write_samples_is_idempotent_and_removes_stale_files(tmp_path):
    page = "甲工会总结篇一\n正文一。\n甲工会总结篇二\n正文二。"
    (tmp_path / "user_own.md").write_text("用户自己的范文", encoding="utf-8")
    first = write_samples(split_page(page, "905_a.txt"), tmp_path)
    snapshot = {p.name: p.read_bytes() for p in first}
    again = write_samples(split_page(page, "905_a.txt"), tmp_path)
    assert {p.name: p.read_bytes() for p in again} == snapshot
    write_samples(split_page("甲工会总结篇一\n正文一。", "905_a.txt"), tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s905_01.md", "user_own.md"]


def test_cli_writes_samples_and_rejects_missing_dir(tmp_path, capsys):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "907_p.txt").write_text("乙工会总结篇1\n正文。\n乙工会总结篇2\n正文二。", encoding="utf-8")
    assert main([str(seeds), str(tmp_path / "out")]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["s907_01.md", "s907_02.md"]
    assert main([str(tmp_path / "missing"), str(tmp_path / "out")]) == 2
    assert "找不到目录" in capsys.readouterr().err


def test_pages_sharing_a_prefix_keep_their_samples_apart_and_gbk_pages_are_read(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "910_a.txt").write_bytes("甲工会总结篇一\n甲的正文。".encode("gbk"))
    (seeds / "910_b.txt").write_text("乙工会总结篇一\n乙的正文。", encoding="utf-8")
    docs = split_dir(seeds)
    assert [doc.text for doc in docs] == ["甲的正文。", "乙的正文。"]
    assert docs[0].file_name == "s910_01.md" and docs[1].file_name != "s910_01.md"
    write_samples(docs, tmp_path / "out")
    assert len(list((tmp_path / "out").iterdir())) == 2


def test_examples_without_text_are_dropped():
    docs = split_page("丙工会总结篇一\n丙工会总结篇二\n正文。", "911_c.txt")
    assert [(doc.title, doc.text) for doc in docs] == [("丙工会总结篇二", "正文。")]
