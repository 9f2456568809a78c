"""The drafts half of DrafterService: a real template-provider draft stored, edited, rechecked, diffed, reviewed
and exported."""

from __future__ import annotations

import io

import docx
import pytest

from drafter.domain.errors import InvalidInput, NotFound, StaleVersion
from drafter.documents.paragraphs import split_paragraphs
from drafter.models import DraftRequest

REQUEST = DraftRequest(org="华东精密机械有限公司工会", period="2025年", kind="年度总结",
                       facts=["春节期间走访慰问困难职工86户，发放慰问金12.6万元",
                              "组织开展技能比武6个工种，参赛职工312人次",
                              "举办职工篮球赛等文体活动9场"])


@pytest.fixture
def stored(service):
    result = service.draft(REQUEST)
    return service.create_draft(REQUEST, result, author="张书记"), result


def test_created_draft_is_version_one_of_the_drafted_result(service, stored):
    draft, result = stored
    assert draft.latest.number == 1 and draft.latest.text == result.text and draft.latest.check == result.check
    assert draft.title == "华东精密机械有限公司工会2025年度工作总结" and draft.status == "draft"
    assert service.get_draft(draft.id) == draft
    assert [d.id for d in service.list_drafts(org=REQUEST.org).items] == [draft.id]
    assert service.list_drafts(org="别的工会").total == 0


def test_edit_is_rechecked_against_the_facts_and_diffed(service, stored):
    draft, result = stored
    service.create_user("李干事", "password-li", "editor")  # an editor may edit 张书记's draft
    assert "86户" in result.text and result.check.ok
    edited = result.text.replace("86户", "68户", 1)
    saved = service.save_version(draft.id, edited, base_version=1, author="李干事")
    assert saved.number == 2 and saved.text == edited and saved.author == "李干事"
    assert not saved.check.ok
    flagged = [n for n in saved.check.numbers if n.text == "68户"]
    assert flagged and flagged[0].status == "mismatch" and flagged[0].fact_line == 1
    assert service.get_draft(draft.id).check_ok is False
    diff = service.diff(draft.id, 1, 2)
    assert (diff.from_version, diff.to_version) == (1, 2) and "68户" in diff.unified
    assert [(c.change, c.before, c.after) for c in diff.changed_numbers] == [("changed", "86户", "68户")]
    fixed = service.save_version(draft.id, result.text, base_version=2, author="李干事")
    assert fixed.number == 3 and fixed.check.ok
    assert [v.number for v in service.list_versions(draft.id)] == [1, 2, 3]


def test_stale_unknown_and_empty_edits_are_refused(service, stored):
    draft, result = stored
    service.save_version(draft.id, result.text + "\n\n补充一段。", base_version=1, author="张书记")
    with pytest.raises(StaleVersion):
        service.save_version(draft.id, "张书记的旧修改。", base_version=1, author="张书记")
    with pytest.raises(NotFound):
        service.save_version("no-such-draft", "正文。", base_version=1, author="张书记")
    with pytest.raises(InvalidInput):
        service.save_version(draft.id, "   ", base_version=2, author="张书记")
    with pytest.raises(NotFound):
        service.diff(draft.id, 1, 9)
    assert service.get_draft(draft.id).latest_version == 2


def test_review_return_edit_approve(service, stored):
    draft, result = stored
    service.create_user("王主席", "password-wang", "reviewer")
    assert service.submit(draft.id, "张书记").status == "submitted"
    assert service.review(draft.id, "return", "请补充下一步打算", "王主席").status == "returned"
    service.save_version(draft.id, result.text + "\n\n三、下一步打算\n\n继续做好帮扶工作。", 1, "张书记")
    assert service.get_draft(draft.id).status == "draft"
    service.submit(draft.id, "张书记")
    approved = service.review(draft.id, "approve", "同意", "王主席")
    assert approved.status == "approved" and [r.decision for r in approved.reviews] == ["return", "approve"]
    assert service.list_drafts(status="approved").total == 1


def test_export_of_the_latest_and_of_an_older_version(service, stored):
    draft, result = stored
    edited = result.text + "\n\n补充：全年共走访慰问困难职工86户。"
    service.save_version(draft.id, edited, base_version=1, author="张书记")
    for version, text in ((None, edited), (1, result.text)):
        name, content = service.export_docx(draft.id, version)
        assert name.endswith(f"（第{version or 2}版）.docx") and "/" not in name
        document = docx.Document(io.BytesIO(content))
        texts = [p.text for p in document.paragraphs if p.text.strip()]
        assert texts[-2] == REQUEST.org
        expected = split_paragraphs(text)
        if expected[-1] == texts[-1]:  # a signature already in the text is used, not repeated
            expected = expected[:-2] if expected[-2] == REQUEST.org else expected[:-1]
        if expected[0] == texts[0]:  # a title line at the top of the text becomes the document's title
            expected = expected[1:]
        assert texts[1:-2] == expected and texts[-1].endswith("日")
    with pytest.raises(NotFound):
        service.export_docx(draft.id, 7)


def test_api_keys_through_the_service(service):
    info, key = service.create_api_key("OA系统", "writer")
    assert service.authenticate(key) == info
    assert [k.id for k in service.list_api_keys()] == [info.id]
    assert service.revoke_api_key(info.id) and service.authenticate(key) is None
