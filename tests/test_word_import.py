"""A Word round trip (issue 21): the exported .docx, edited in Word or WPS (a paragraph changed, one added, runs
split), comes back as a new version labelled 从 Word 导入, checked; the title and signature the export added are
not taken into the text; a file that is no .docx or is unchanged is refused with a message."""

from __future__ import annotations

import io

import pytest
from docx import Document

from drafter.domain.errors import InvalidInput
from drafter.models import DraftRequest, DraftResult
from drafter.service import DrafterService
from drafter.settings import Settings

TEXT = ("2025年，滨江区总工会在上级工会的领导下，扎实推进各项工作。\n\n一、帮扶送温暖\n"
        "春节期间，工会走访慰问困难职工86户，发放慰问金12.6万元。\n\n二、劳动竞赛\n举办职工技能竞赛3场，参赛职工420人次。")


@pytest.fixture
def svc(tmp_path):
    service = DrafterService(Settings(data_dir=tmp_path, provider="template", _env_file=None))
    yield service
    service.store.close()


def saved(svc) -> str:
    request = DraftRequest(org="滨江区总工会", period="2025年",
                           facts=["春节走访慰问困难职工86户，发放慰问金12.6万元", "举办职工技能竞赛3场，参赛职工420人次"])
    result = DraftResult(text=TEXT, sections=[], check=svc.check_text(request, TEXT), provider="template",
                         elapsed_s=0.1)
    return svc.create_draft(request, result, "张秘书").id


def edited_in_word(data: bytes) -> bytes:
    document = Document(io.BytesIO(data))
    target = next(p for p in document.paragraphs if "86户" in p.text)
    text = target.text.replace("86户", "68户")
    for run in target.runs[1:]:
        run.text = ""
    target.runs[0].text = text[:5]
    target.add_run(text[5:])  # Word splits a paragraph into several runs
    after = next(p for p in document.paragraphs if "420人次" in p.text)
    after.insert_paragraph_before("组织职工疗休养2批。")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_an_edited_docx_becomes_a_checked_labelled_version(svc):
    draft_id = saved(svc)
    name, data = svc.export_docx(draft_id)
    title = svc.get_draft(draft_id).title
    assert name.startswith(title) and name.endswith(".docx")
    version = svc.import_word_version(draft_id, edited_in_word(data), 1, "张秘书")
    assert version.number == 2 and version.source == "word"
    assert "68户" in version.text and "86户" not in version.text and "组织职工疗休养2批。" in version.text
    assert not version.text.startswith(title), "the title the export added is not taken into the text"
    assert version.text.splitlines()[-1] == "举办职工技能竞赛3场，参赛职工420人次。", "nor the signature"
    assert "一、帮扶送温暖" in version.text.split("\n") and "\n\n" in version.text, "paragraphs as before"
    assert not version.check.ok and any(n.text.startswith("68") for n in version.check.numbers
                                        if n.status != "supported"), "the check ran on it"


def test_no_docx_and_unchanged_files_are_refused(svc):
    draft_id = saved(svc)
    _, data = svc.export_docx(draft_id)
    with pytest.raises(InvalidInput, match="无法读取这个文件"):
        svc.import_word_version(draft_id, b"PK not really", 1, "张秘书")
    with pytest.raises(InvalidInput, match="相同"):  # exported and taken back unchanged
        svc.import_word_version(draft_id, data, 1, "张秘书")
    assert len(svc.list_versions(draft_id)) == 1
