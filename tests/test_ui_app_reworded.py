"""The page through AppTest: a number whose item the draft words differently (drafter.numcheck.reworded) is shown
to read, on the writer's editor while typing and in the reviewer's facts table and read view, and the verdict
stays green."""

from __future__ import annotations

from drafter.models import DraftRequest
from drafter.view.signin import PageUser
from test_ui_app import data_dir, messages, new_page, service, type_text  # noqa: F401
from test_ui_app_review import component_data, review_page

FACTS = ["完成科研攻关课题12项", "开展职工技能培训260人次"]
TEXT = "工会完成攻关课题12项，开展职工技能培训260人次。"


def _reworded_draft(svc) -> str:
    writer = PageUser(name="张秘书", role="writer")
    request = DraftRequest(org="滨江区总工会", period="2025年", facts=FACTS)
    detail = svc.create_draft(request, svc.draft(request), writer)
    svc.save_version(detail.id, TEXT, 1, writer)
    svc.submit(detail.id, writer)
    return detail.id


def _to_read(view: dict) -> list[dict]:
    return [p for p in view["problems"] if p["kind"] == "unverified"]


def test_the_reviewer_sees_the_reworded_item_on_its_fact_row_and_in_the_read_view(data_dir):
    draft_id = _reworded_draft(service(data_dir))
    at = review_page(draft_id)
    assert any(s.startswith("核对通过") for s in messages(at, "success"))
    facts = next(t for t in at.table if "核对" in t.value.columns.tolist()).value
    assert facts["核对"].tolist() == ["通过；请核对事项说法：完成攻关课题12项", "通过"]
    [read] = _to_read(component_data(at, "review_view"))
    assert read["label"] == "请核对的事项说法" and "第1行事实'完成科研攻关课题'" in read["text"]


def test_the_writer_sees_it_while_typing(data_dir):
    draft_id = _reworded_draft(service(data_dir))
    at = new_page()
    at.selectbox(key="s_pick").select(draft_id).run()
    at.button(key="s_open").click().run()
    type_text(at, TEXT.replace("工会", "工会全年"))
    [read] = _to_read(component_data(at, "editor"))
    assert "此处写作'完成攻关课题'" in read["text"]
    type_text(at, TEXT.replace("完成攻关课题", "完成科研攻关课题"))
    assert not _to_read(component_data(at, "editor")), "copied: nothing to read"
