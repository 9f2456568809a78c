"""Structure-aware chunking: heading paths, roles, sizes, content-hash ids, placeholders."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.settings import PROJECT_ROOT
from retrieval.chunking import MAX_CHARS, MIN_CHARS, chunk_example
from textkit.headings import classify, plain_line
from retrieval.loader import iter_files, load_file
from retrieval.models import Example

SAMPLES = PROJECT_ROOT / "samples"
FILLER = "工会组织职工开展了形式多样的活动，参与职工达到三百余人次，职工反映良好。"  # 36 characters


def example(text: str, id: str = "t.md") -> Example:
    return Example(id=id, title="某工会工作总结", kind="年度总结", topic=None, source=id, text=text)


def chunks_of(text: str, id: str = "t.md"):
    return chunk_example(example(text, id))


def sample_chunks(name: str):
    return chunk_example(load_file(SAMPLES / name, root=SAMPLES))


def paragraph(n: int = 4) -> str:
    return FILLER * n


def as_kept(text: str) -> str:
    """The example's lines as chunks keep them: heading lines lose their Markdown marks."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return "".join(plain_line(line) if classify(line) else line for line in lines)


def role_of_text(chunks, needle: str) -> str:
    return next(c.role for c in chunks if needle in c.text)


def heading_of_text(chunks, needle: str) -> list[str]:
    return next(c.heading_path for c in chunks if needle in c.text)


# --- headings ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "line, category, text, pure",
    [
        ("一、加强组织建设", "cn", "一、加强组织建设", True),
        ("（一）抓“规范”，加强组织建设", "cn_paren", "（一）抓“规范”，加强组织建设", True),
        ("(二)明确目标、明确责任", "cn_paren", "(二)明确目标、明确责任", True),
        ("1、关心好特困职工。", "num", "1、关心好特困职工", True),
        ("2.与时俱进，拓展师德教育的内容和途径。", "num", "2.与时俱进，拓展师德教育的内容和途径", True),
        ("（1）学习先进的政治理论", "num_paren", "（1）学习先进的政治理论", True),
        ("### 第二段：实事求是，因地制宜", "part", "第二段：实事求是，因地制宜", True),
        ("第一部分 工作回顾", "part", "第一部分 工作回顾", True),
        ("## 工作亮点", "md2", "工作亮点", True),
        ("## **县工会最的工作总结篇五**", "md2", "县工会最的工作总结篇五", True),
        ("**主要做法**", "bold", "主要做法", True),
        ("下半年工作安排：", "plain", "下半年工作安排", True),
        ("1、召开了一届二次委员扩大会议，对去年全省的工会工作进行了总结和回顾，对今年工会工作进行了部署。会议还表彰了先进。",
         "num", "1、召开了一届二次委员扩大会议", False),
        ("一、加强了基础建设，规范了档案管理。从局工会到基层工会进行充实和完善了各项制度，新建五个制度。",
         "cn", "一、加强了基础建设，规范了档案管理", False),
    ],
)
def test_heading_classification(line, category, text, pure):
    heading = classify(line)
    assert (heading.category, heading.text, heading.pure) == (category, text, pure)


@pytest.mark.parametrize(
    "line",
    ["一是开展职工读书活动。", "第一，工会组织进一步完善提高。", "1.5万元用于慰问困难职工。", "5、", "上饶市环卫处工会",
     "2024年，公司工会在党委领导下开展各项工作。"],
)
def test_ordinary_lines_are_not_headings(line):
    assert classify(line) is None


def test_short_sub_sections_pack_under_their_common_heading():
    text = "\n".join([
        "今年工会工作取得新进展，现总结如下。" + paragraph(1),
        "一、加强组织建设", paragraph(),
        "（一）建会工作", paragraph(),
        "1、新建工会", paragraph(), "（1）企业工会", paragraph(),
        "2、发展会员", paragraph(),
        "(二)会员管理", paragraph(),
        "二、维护职工权益", paragraph(),
    ])
    chunks = chunks_of(text)
    full = ["一、加强组织建设", "（一）建会工作", "1、新建工会", "（1）企业工会"]
    packed = heading_of_text(chunks, "（1）企业工会")
    assert packed == full[: len(packed)] and packed[:1] == ["一、加强组织建设"]
    assert heading_of_text(chunks, "(二)会员管理")[:1] == ["一、加强组织建设"]
    assert heading_of_text(chunks, "二、维护职工权益") == ["二、维护职工权益"]  # never packed across top sections
    for chunk in chunks:
        assert chunk.heading == " > ".join(chunk.heading_path)
        assert len(chunk.text) <= MAX_CHARS + MIN_CHARS


def test_each_sub_section_keeps_its_full_path_when_sections_are_long():
    text = "\n".join([
        "一、加强组织建设", paragraph(10),
        "（一）建会工作", paragraph(10),
        "1、新建工会", paragraph(10),
        "（1）企业工会", paragraph(10),
        "## （二）会员管理", paragraph(10),
        "### 二、维护职工权益", paragraph(10),
    ])
    chunks = chunks_of(text)
    assert heading_of_text(chunks, "（1）企业工会") == ["一、加强组织建设", "（一）建会工作", "1、新建工会", "（1）企业工会"]
    # the Markdown level does not decide the hierarchy; the numbering style does
    assert heading_of_text(chunks, "（二）会员管理") == ["一、加强组织建设", "（二）会员管理"]
    assert heading_of_text(chunks, "二、维护职工权益") == ["二、维护职工权益"]
    assert "#" not in "".join(c.text for c in chunks)


def test_numbered_paragraph_is_a_sub_section_headed_by_its_first_clause():
    long_item = "1、召开了一届二次委员扩大会议，对去年全省的工会工作进行了总结和回顾。" + paragraph(10)
    chunks = chunks_of("\n".join(["一、工作回顾", paragraph(15), long_item]))
    assert heading_of_text(chunks, long_item[:30]) == ["一、工作回顾", "1、召开了一届二次委员扩大会议"]


def test_bold_and_part_headings():
    text = "\n".join(["**主要做法**", paragraph(10), "第二段：加强组织建设", paragraph(10), "**存在的不足**", paragraph(10)])
    chunks = chunks_of(text)
    assert heading_of_text(chunks, "主要做法") == ["主要做法"]
    assert "**" not in "".join(c.text for c in chunks)
    assert heading_of_text(chunks, "第二段：加强组织建设") == ["第二段：加强组织建设"]
    assert role_of_text(chunks, "存在的不足") == "problems"


# --- roles ---------------------------------------------------------------------------------------------------

def test_roles_in_a_synthetic_summary():
    text = "\n\n".join([
        "20xx年，公司工会在党委领导下开展工作，现总结如下：",
        "一、加强组织建设", paragraph(),
        "二、存在的不足", "一是宣传不够。" + paragraph(2),
        "三、下一步工作打算", "1、继续做好帮扶工作。", paragraph(2),
        "总之，一年来公司工会做了大量工作，今后将再接再厉。",
        "某公司工会", "二〇二四年十二月二十日",
    ])
    chunks = chunks_of(text)
    assert [c.role for c in chunks] == ["opening", "body", "problems", "plans", "closing"]
    assert chunks[0].heading == "" and chunks[-1].heading == ""
    assert chunks[-1].text.endswith("某公司工会\n二〇二四年十二月二十日")


def test_unheaded_paragraphs_open_problems_and_plans_passages():
    text = "\n".join([
        "今年以来工会认真开展工作。" + paragraph(1),
        "一、组织建设", paragraph(3),
        "在肯定成绩的同时，我们也认识到工作中还存在一些不足：一是档案不齐全；二是发展会员难度大。",
        "二、维权工作", paragraph(3),
        "今后，我们将继续加强工会自身建设，" + paragraph(2),
        "三、文体活动", paragraph(3),
    ])
    chunks = chunks_of(text)
    assert role_of_text(chunks, "在肯定成绩的同时") == "problems"
    assert role_of_text(chunks, "二、维权工作") == "body"  # the next heading ends a problems passage
    assert role_of_text(chunks, "今后，我们将继续") == "plans"
    assert role_of_text(chunks, "三、文体活动") == "plans"  # plans run on to the end


def test_a_numbered_list_after_a_paragraph_turning_to_the_coming_work_is_plans():
    """Issue 20: s004_04's next-year items (夯实基础，提高工会干部综合素质能力) were body, so the heading bank offered
    them as headings of work done. A paragraph that concedes the past and turns to the coming work makes them plans."""
    turning = ("今年以来虽然做了些工作，但还存在一些不足，与上级要求还有一定的距离，在xx年的工作中，围绕中心工作，"
               "加强工会自身建设。")
    text = "\n".join(["今年以来工会认真开展工作。" + paragraph(1), "一、组织建设", paragraph(3), turning,
                      "1、夯实基础，提高工会干部综合素质能力。", paragraph(1), "2、加强企业活力，在活动中下工夫。", paragraph(1)])
    chunks = chunks_of(text)
    assert role_of_text(chunks, "一、组织建设") == "body"
    assert role_of_text(chunks, "但还存在一些不足") == "problems"
    assert role_of_text(chunks, "1、夯实基础") == "plans" and role_of_text(chunks, "2、加强企业活力") == "plans"
    granted = "工会工作虽然取得了一定成绩，但是成绩永远是过去的，下半年工会工作将重点做好以下几方面工作："
    chunks = chunks_of("\n".join(["一、组织建设", paragraph(3), granted, "1、突出特色，注重典型。", paragraph(2)]))
    assert role_of_text(chunks, "下半年工会工作将") == "plans" and role_of_text(chunks, "1、突出特色") == "plans"


def test_next_years_items_never_enter_the_heading_bank():
    from retrieval.heading_bank import HeadingBank

    bank = HeadingBank([load_file(SAMPLES / name, root=SAMPLES) for name in ("s004_04.md", "s002_15.md")], embedder=None)
    texts = {entry.text for entry in bank.entries}
    assert "夯实基础，提高工会干部综合素质能力" not in texts
    assert "积极倡导文明机关、文明处室、文明岗位的创建活动" not in texts
    assert "举办生日聚餐晚会，增强员工凝聚力" in texts  # a summary's own sections of work done stay


def test_bank_headings_keep_their_quotes_whole():
    """A run-in heading cut inside its quote (二、在职工中开展了“增强发展意识，树立…”的大讨论，…) is no heading; straight
    quotes become a pair of Chinese ones (建设"民主之家" -> 建设“民主之家”, not 建设”民主之家”)."""
    from retrieval.heading_bank import HeadingBank, normalise

    bank = HeadingBank([load_file(SAMPLES / name, root=SAMPLES) for name in ("s003_02.md", "s002_09.md")], embedder=None)
    texts = {entry.text for entry in bank.entries}
    assert not any("增强发展意识" in text for text in texts)
    assert "强化职代会制度建设，建设“民主之家”" in texts
    assert normalise('三、开展"优质服务月"活动，建设"满意之家"') == "开展“优质服务月”活动，建设“满意之家”"


@pytest.mark.parametrize("paragraph_text", [
    "回首20xx年，只有总结出过去的成绩与不足，才能在新的一年里，将各项工作做得更好。",  # no concession: a summary's opening
    "但还存在许多不足和问题，这些有待在今后的工作中逐步加以解决。",  # 今后 inside a clause: what the problems await
    "在今后的工作中，我们也还存在许多不足。",  # the turn comes before any concession
])
def test_a_paragraph_that_does_not_turn_ahead_after_conceding_keeps_the_list_body(paragraph_text):
    text = "\n".join(["一、组织建设", paragraph(3), paragraph_text, "二、关心职工生活", paragraph(3)])
    assert role_of_text(chunks_of(text), "二、关心职工生活") == "body"


def test_weak_closing_under_the_last_heading_stays_content():
    text = "\n".join(["一、组织建设", paragraph(3), "八、继续开展文体活动。", "20xx年，工会将继续开展丰富多彩的文体活动，" + paragraph(1)])
    assert all(c.role != "closing" for c in chunks_of(text))
    text += "\n总之，工会将再接再厉。"
    assert chunks_of(text)[-1].role == "closing"


def test_a_plan_word_inside_a_body_heading_is_not_a_plans_section():
    text = "\n".join(["三、做好工会工作计划,发展新会员,加强工会自身建设", paragraph(3), "二、工会工作突出重点", "8、坚持每月向党委上报一份工作计划。", paragraph(3)])
    assert {c.role for c in chunks_of(text)} == {"body"}


@pytest.mark.parametrize(
    "name, needle, role",
    [
        ("s000_04.md", "2015年，公司工会在师市工会和公司党委的正确领导下", "closing"),
        ("s000_05.md", "总之，我镇xx年工会工作", "closing"),
        ("s001_03.md", "第五段：结语", "closing"),
        ("s001_04.md", "在肯定成绩的同时，我们也认识到自身工作存在的一些不足", "problems"),
        ("s001_04.md", "第一，工会组织进一步完善提高", "plans"),
        ("s002_14.md", "三、工会工作中存在的不足、困难以及解决办法", "problems"),
        ("s003_02.md", "下半年工作安排：", "plans"),
        ("s003_02.md", "六、女工工作抓出成效", "plans"),
        ("s003_04.md", "四、20xx年度重点工作打算", "plans"),
        ("s003_04.md", "今年以来我镇工会认真贯彻落实了党的xx大", "opening"),
        ("s003_04.md", "1、关心好特困职工", "body"),
        ("s004_07.md", "二〇一一年十一月二日", "plans"),
        ("s004_04.md", "2、夯实基础，提高工会干部综合素质能力", "plans"),  # after 在xx年的工作中: next year's items
        ("s004_04.md", "2、积极倡导文明机关、文明处室、文明岗位的创建活动", "plans"),
        ("s004_06.md", "1、加强工会创新理念，开拓思维", "plans"),  # after 下半年工会工作将…
        ("s002_15.md", "一、举办生日聚餐晚会", "body"),  # after 才能在新的一年里: no concession, work done
    ],
)
def test_roles_on_real_samples(name, needle, role):
    assert role_of_text(sample_chunks(name), needle) == role


def test_every_shipped_sample_chunks_cleanly():
    roles_seen = set()
    for path in iter_files([SAMPLES]):
        ex = load_file(path, root=SAMPLES)
        chunks = chunk_example(ex)
        assert chunks, path.name
        assert "".join(c.text.replace("\n", "") for c in chunks) == as_kept(ex.text), path.name  # nothing lost
        assert [c.order for c in chunks] == list(range(len(chunks)))
        for c in chunks:
            assert (c.example_id, c.title, c.kind, c.topic, c.source) == (ex.id, ex.title, ex.kind, ex.topic, ex.id)
            assert len(c.text.replace("\n", "")) <= MAX_CHARS + MIN_CHARS
            assert c.heading == " > ".join(c.heading_path)
        roles_seen |= {c.role for c in chunks}
    assert roles_seen == {"opening", "body", "problems", "plans", "closing"}


# --- sizes ---------------------------------------------------------------------------------------------------

def test_long_sections_split_at_paragraphs_and_sentences_keeping_the_path():
    text = "\n".join(["一、加强组织建设", paragraph(30), paragraph(30), "（一）帮扶", "无标点的超长句子" * 200])
    chunks = chunks_of(text)
    assert len(chunks) > 5
    assert all(len(c.text.replace("\n", "")) <= MAX_CHARS + MIN_CHARS for c in chunks)
    assert {tuple(c.heading_path[:1]) for c in chunks} == {("一、加强组织建设",)}
    assert [c.heading_path for c in chunks if "无标点" in c.text][-1] == ["一、加强组织建设", "（一）帮扶"]


def test_tiny_fragments_merge_with_a_neighbour_of_the_same_role():
    chunks = chunks_of("\n".join(["一、组织建设", "新建工会3家。", "二、维权工作", paragraph(8)]))
    assert len(chunks) == 1
    assert chunks[0].text.startswith("一、组织建设\n新建工会3家。\n二、维权工作")


def test_empty_text_gives_no_chunks():
    assert chunks_of("") == [] and chunks_of("\n \n") == []


# --- ids and placeholders -------------------------------------------------------------------------------------

def test_ids_are_content_hashes_stable_across_runs():
    text = (SAMPLES / "s000_04.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    first, again = chunks_of(text, "a.md"), chunks_of(text, "a.md")
    assert [c.id for c in first] == [c.id for c in again]
    assert len({c.id for c in first}) == len(first)
    changed = chunks_of(text.replace("公司现有工会会员108名", "公司现有工会会员109名"), "a.md")
    differing = [old.id != new.id for old, new in zip(first, changed)]
    assert sum(differing) == 1
    assert {c.id for c in chunks_of(text, "b.md")}.isdisjoint({c.id for c in first})


def test_placeholders_are_recorded_per_chunk():
    chunks = chunks_of("\n".join(["一、组织建设", "20xx年新建工会x家，发放慰问金xx万元。" + paragraph(20), "二、维权工作", paragraph(20)]))
    assert chunks[0].placeholders == ["20xx年", "x家", "xx万元"]
    assert chunks[-1].placeholders == []
    assert "××××" in sample_chunks("s003_13.md")[0].placeholders


def test_word_headings_become_paths(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("某公司工会2024年工作总结", 0)
    document.add_paragraph("2024年，公司工会在党委领导下开展各项工作。" + paragraph(2))
    document.add_heading("一、组织建设", 1)
    document.add_paragraph(paragraph(30))
    document.add_heading("二、下一步打算", 1)
    document.add_paragraph(paragraph(5))
    document.save(tmp_path / "a.docx")
    chunks = chunk_example(load_file(Path(tmp_path / "a.docx")))
    assert [(c.role, c.heading) for c in chunks] == [
        ("opening", ""), ("body", "一、组织建设"), ("body", "一、组织建设"), ("plans", "二、下一步打算"),
    ]


_LINES = st.sampled_from([
    "一、组织建设", "（二）帮扶", "(3)培训", "3、", "## 工作亮点", "**主要做法**", "第二段：回顾", "下半年工作安排：",
    "总之，工会将再接再厉。", "20xx年，工会将继续努力。", "在肯定成绩的同时，也存在不足：", "今后，我们将继续努力。",
    "某公司工会", "二〇二四年一月一日", FILLER, FILLER * 25, "无标点" * 300, "", "   ",
])


@settings(max_examples=200, deadline=None)
@given(lines=st.lists(st.one_of(_LINES, st.text(max_size=80)), max_size=25))
def test_any_text_chunks_without_loss(lines):
    text = "\n".join(lines)
    chunks = chunks_of(text)
    assert "".join(c.text.replace("\n", "") for c in chunks) == as_kept(text)
    assert all(len(c.text.replace("\n", "")) <= MAX_CHARS + MIN_CHARS for c in chunks)
    assert [c.order for c in chunks] == list(range(len(chunks)))
