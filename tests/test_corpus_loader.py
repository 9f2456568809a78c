"""Loading example files: encodings, bad files with reasons, Word files, front matter, file discovery."""

from __future__ import annotations

import random
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.settings import PROJECT_ROOT
from retrieval.loader import LoadError, iter_files, load_bytes, load_file, split_front_matter
from retrieval.seeds import KINDS, SampleDoc

TEXT = "某公司工会2024年工作总结\n\n一、加强组织建设\n\n今年新建工会3家，发展会员120名。春节走访慰问困难职工86户，发放慰问金12.6万元。"
BODY = TEXT.split("\n\n", 1)[1]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def reason_for(path: Path) -> str:
    with pytest.raises(LoadError) as caught:
        load_file(path)
    return caught.value.reason


@pytest.mark.parametrize(
    "encoding, data",
    [
        ("utf-8", TEXT.encode("utf-8")),
        ("utf-8 with BOM", TEXT.encode("utf-8-sig")),
        ("gb18030", TEXT.encode("gb18030")),
        ("gbk", TEXT.encode("gbk")),
        ("gb2312", TEXT.encode("gb2312")),
        ("utf-16 LE BOM", TEXT.encode("utf-16")),
        ("utf-16 BE BOM", b"\xfe\xff" + TEXT.encode("utf-16-be")),
        ("utf-16 LE without BOM", TEXT.encode("utf-16-le")),
        ("crlf", TEXT.replace("\n", "\r\n").encode("gbk")),
    ],
)
def test_text_encodings_decode_to_the_same_example(tmp_path, encoding, data):
    example = load_file(write(tmp_path, "工会总结.txt", data))
    assert example.title == "某公司工会2024年工作总结"
    assert example.text == BODY
    assert (example.id, example.source, example.kind) == ("工会总结.txt", "工会总结.txt", "年度总结")


@pytest.mark.parametrize("text", ["工会总结", "标题\n正文内容。", "abc 工会 def"])
def test_short_gbk_texts_are_not_mistaken_for_korean_or_big5(text):
    assert load_bytes("short.txt", text.encode("gbk")).model_dump(include={"title", "text"}) in (
        {"title": "标题", "text": "正文内容。"}, {"title": "short", "text": text})


def test_big5_traditional_text_is_detected_by_charset_normalizer(tmp_path):
    text = "某公司工會2024年工作總結\n今年新建工會3家，發展會員120名，開展了慰問困難職工的活動，職工滿意度明顯提高。"
    example = load_file(write(tmp_path, "trad.txt", text.encode("big5")))
    assert example.title == "某公司工會2024年工作總結" and "慰問困難職工" in example.text


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"", "文件为空"),
        (b"  \n\r\n\t ", "文件为空"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "二进制文件"),
        (b"%PDF-1.7\n" + bytes(50), "PDF"),
        (b"abc\x00\x01\x02\x03def" * 20 + b"\x00", "二进制文件"),
        (b"\x00\x01binary", "二进制文件"),  # decodes as UTF-16 to a stray letter and rare hanzi: still binary
        (b"PK\x03\x04" + bytes(30), "docx"),
    ],
)
def test_bad_text_files_raise_a_clear_reason(tmp_path, data, expected):
    assert expected in reason_for(write(tmp_path, "bad.txt", data))


def test_undecodable_bytes_are_rejected_not_ingested_as_mojibake(tmp_path):
    rng = random.Random(7)
    noise = bytes(rng.randrange(0x80, 0x100) for _ in range(400))
    assert "无法识别文本编码" in reason_for(write(tmp_path, "noise.txt", noise))
    utf8_read_as_gbk = TEXT.encode("utf-8").decode("gbk", errors="ignore").encode("gb18030")
    assert "无法识别文本编码" in reason_for(write(tmp_path, "mojibake.txt", utf8_read_as_gbk))


def test_utf8_with_latin_letters_is_still_text(tmp_path):
    example = load_file(write(tmp_path, "a.txt", "Café 工会活动总结\n参加 Résumé 培训的职工有30名。".encode()))
    assert "Résumé" in example.text


def build_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("某公司工会2024年工作总结", 0)
    document.add_paragraph("2024年，公司工会在党委领导下开展各项工作。")
    document.add_heading("一、组织建设", 1)
    document.add_paragraph("新建工会3家，发展会员120名。")
    table = document.add_table(rows=2, cols=3)
    for col, value in enumerate(("项目", "户数", "金额")):
        table.cell(0, col).text = value
    for col, value in enumerate(("春节慰问", "86", "12.6万元")):
        table.cell(1, col).text = value
    document.add_heading("（一）帮扶工作", 2)
    document.add_paragraph("二、下一步打算")
    document.save(path)
    return path


def test_docx_paragraphs_headings_and_tables_in_order(tmp_path):
    example = load_file(build_docx(tmp_path / "工会总结.docx"))
    assert example.title == "某公司工会2024年工作总结"
    assert example.text.split("\n") == [
        "2024年，公司工会在党委领导下开展各项工作。",
        "# 一、组织建设",
        "新建工会3家，发展会员120名。",
        "项目 | 户数 | 金额",
        "春节慰问 | 86 | 12.6万元",
        "## （一）帮扶工作",
        "二、下一步打算",
    ]
    assert example.kind == "年度总结"


def test_docx_keeps_tracked_insertions_drops_deletions_and_splits_line_breaks(tmp_path):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def revision(tag: str, text_tag: str, text: str):
        wrapper = OxmlElement(tag)
        for key, value in (("w:id", "1"), ("w:author", "秘书"), ("w:date", "2024-01-01T00:00:00Z")):
            wrapper.set(qn(key), value)
        run, node = OxmlElement("w:r"), OxmlElement(text_tag)
        node.text = text
        run.append(node)
        wrapper.append(run)
        return wrapper

    document = docx.Document()
    document.add_paragraph("工会工作总结")
    edited = document.add_paragraph("新建工会")
    edited._p.append(revision("w:ins", "w:t", "3家"))
    edited._p.append(revision("w:del", "w:delText", "5家"))
    broken = document.add_paragraph("第一行")
    broken.add_run().add_break()
    broken.add_run("第二行")
    document.save(tmp_path / "edited.docx")
    assert load_file(tmp_path / "edited.docx").text == "新建工会3家\n第一行\n第二行"


def test_corrupt_and_fake_docx_files(tmp_path):
    good = build_docx(tmp_path / "good.docx").read_bytes()
    assert "已损坏" in reason_for(write(tmp_path, "cut.docx", good[: len(good) // 2]))
    assert "已损坏" in reason_for(write(tmp_path, "text.docx", "不是Word文件".encode()))
    assert ".doc" in reason_for(write(tmp_path, "old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100)))
    empty = tmp_path / "empty.docx"
    docx.Document().save(empty)
    assert "没有文字" in reason_for(empty)


def test_unsupported_missing_and_title_only_files(tmp_path):
    assert "不支持的文件类型" in reason_for(write(tmp_path, "a.pdf", b"%PDF"))
    assert "另存为 .docx" in reason_for(write(tmp_path, "old.doc", b"\xd0\xcf\x11\xe0"))
    assert "不存在" in reason_for(tmp_path / "gone.md")
    assert "没有正文" in reason_for(write(tmp_path, "t.md", "---\ntitle: 只有标题\nkind: 年度总结\n---\n\n".encode()))


def test_ids_are_posix_paths_relative_to_root(tmp_path):
    path = write(tmp_path, "2024/上半年/a.md", "# 标题\n正文。".encode())
    assert load_file(path, root=tmp_path).id == "2024/上半年/a.md"
    assert load_file(path, root=tmp_path).source == "2024/上半年/a.md"
    assert load_file(path).id == "a.md"
    assert load_file(path, root=tmp_path / "elsewhere").id == "a.md"


def test_front_matter_round_trip():
    doc = SampleDoc(title="送温暖工作总结篇四", kind="专项总结", topic="送温暖", source="000_x.txt", number=4,
                    file_name="s000_04.md", text="20xx年，公司工会走访困难职工x户。\n\n一、党委重视")
    example = load_bytes(doc.file_name, doc.markdown().encode())
    assert (example.title, example.kind, example.topic, example.origin) == ("送温暖工作总结篇四", "专项总结", "送温暖", "000_x.txt")
    assert example.text == doc.text


def test_every_shipped_sample_loads_with_its_front_matter():
    samples = PROJECT_ROOT / "samples"
    examples = [load_file(path, root=samples) for path in iter_files([samples])]
    assert len(examples) >= 52
    for example in examples:
        meta, body = split_front_matter((samples / example.id).read_text(encoding="utf-8"))
        assert (example.title, example.kind, example.topic) == (meta["title"], meta["kind"], meta.get("topic"))
        assert example.kind in KINDS and example.text == body.strip()


@pytest.mark.parametrize(
    "markdown, title, kind, topic",
    [
        ("# 女职工工作总结\n\n今年组织女职工体检。", "女职工工作总结", "专项总结", "女职工"),
        ("---\ntitle 没有冒号\n: 空键\nkind: 不存在的类型\n---\n# 工会半年工作总结\n上半年新建工会2家。", "工会半年工作总结", "半年总结", None),
        ("---\ntitle: \"工会月度总结\"\nkind: 月度总结   # 年度总结 | 半年总结\n---\n本月工会开展活动。", "工会月度总结", "月度总结", None),
        ("---\ntitle: 未闭合的元数据\nkind: 专项总结\n今年走访慰问职工。", "未闭合的元数据", "专项总结", None),
    ],
)
def test_garbled_or_missing_front_matter_is_tolerated(markdown, title, kind, topic):
    example = load_bytes("a.md", markdown.encode())
    assert (example.title, example.kind, example.topic) == (title, kind, topic)
    assert "---" not in example.text and "title" not in example.text


def test_title_is_the_stem_when_the_first_line_is_a_section_or_sentence():
    assert load_bytes("甲工会总结.txt", "一、组织建设\n新建工会3家。".encode()).title == "甲工会总结"
    assert load_bytes("乙工会总结.txt", "今年工会开展了很多工作，成效明显。\n二、下一步".encode()).title == "乙工会总结"
    kept = load_bytes("丙.txt", "一、组织建设\n新建工会3家。".encode())
    assert kept.text == "一、组织建设\n新建工会3家。"


def test_upload_names_never_become_paths():
    for name in ("../../etc/总结.txt", "C:\\Users\\秘书\\总结.txt", "/abs/总结.txt"):
        example = load_bytes(name, "标题\n正文。".encode())
        assert example.id == example.source == "总结.txt"
    assert "不支持的文件类型" in pytest.raises(LoadError, load_bytes, "evil.exe", b"MZ").value.reason


def test_iter_files_is_recursive_sorted_filtered_and_deduplicated(tmp_path):
    for name in ("b.md", "a.txt", "sub/c.docx", "sub/deeper/d.md", "notes.pdf", ".hidden/e.md", "sub/~$lock.docx", ".f.md"):
        write(tmp_path, name, b"x")
    explicit = write(tmp_path / "other", "z.md", b"x")
    found = list(iter_files([tmp_path, tmp_path / "sub", explicit]))
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a.txt", "b.md", "other/z.md", "sub/c.docx", "sub/deeper/d.md",
    ]
    assert list(iter_files([tmp_path])) == list(iter_files([tmp_path]))
    assert list(iter_files([tmp_path / "notes.pdf"])) == [tmp_path / "notes.pdf"]


@settings(max_examples=150, deadline=None)
@given(name=st.sampled_from(["a.txt", "a.md", "a.docx", "a"]), data=st.binary(max_size=600))
def test_arbitrary_bytes_either_load_or_raise_load_error(name, data):
    try:
        example = load_bytes(name, data)
    except LoadError as exc:
        assert exc.reason
    else:
        assert example.text.strip() and example.title
