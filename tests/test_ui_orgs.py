"""Organisation reach on the page (issues 21/22), as the API enforces it: a signed-in user lists, opens, diffs,
exports, traces and reviews only drafts of their organisation and its descendants; drafting and example search
on the page never use another organisation's private upload (pinned or retrieved); a parent organisation's
reviewer sees its subtree. With DRAFTER_AUTH=off (one-person local use) nothing is scoped.

Tree: 市总工会 (root) → 东城区总工会 → 东城区甲厂工会, and 西城区总工会."""

from __future__ import annotations

import inspect

import pytest
from streamlit.testing.v1 import AppTest
from test_ui_app import APP, data_dir, messages  # noqa: F401
from ui_support import shared_components

from drafter.domain.errors import NotFound
from drafter.models import DraftRequest, DraftResult
from drafter.settings import Settings

PASSWORD = "password-123"
FACTS = ["组织女职工乳腺癌宫颈癌免费筛查618人", "新建爱心妈咪小屋3个"]
TEXT = """{org}2025年女职工工作总结

一年来，{org}围绕女职工健康关爱开展工作。组织女职工乳腺癌宫颈癌免费筛查618人，新建爱心妈咪小屋3个。"""
PRIVATE = """---
title: 东城区总工会内部女职工工作总结
kind: 专项总结
source: test
---

今年，东城区总工会把女职工健康关爱作为重点。

一、粉红丝带关爱行动

组织女职工乳腺癌宫颈癌免费筛查，参检女职工618人，建立健康档案。

二、爱心妈咪小屋

新建爱心妈咪小屋3个，配备冰箱和休息椅。
"""


@pytest.fixture
def federation(data_dir, monkeypatch):  # noqa: F811
    """The service (auth on, as deployed) with the tree, users in each organisation and one submitted draft each
    for the factory (East) and West."""
    from drafter.service import DrafterService

    monkeypatch.setenv("DRAFTER_AUTH", "on")
    svc = DrafterService(Settings(data_dir=data_dir, provider="template", auth="on", _env_file=None))
    east = svc.create_org("东城区总工会")
    factory = svc.create_org("东城区甲厂工会", east.id)
    west = svc.create_org("西城区总工会")
    users = {name: svc.create_user(name, PASSWORD, role, org) for name, role, org in (
        ("甲厂秘书", "writer", factory.id), ("东城审核", "reviewer", east.id), ("西城管理员", "admin", west.id),
        ("西城审核", "reviewer", west.id), ("市总审核", "reviewer", None))}
    drafts = {}
    for name, org in (("甲厂秘书", "东城区甲厂工会"), ("西城管理员", "西城区总工会")):
        request = DraftRequest(org=org, period="2025年", kind="专项总结", topic="女职工", facts=FACTS)
        text = TEXT.format(org=org)  # written here, not drafted: the page's tests need no retrieval to set up
        result = DraftResult(text=text, sections=[], check=svc.check_text(request, text), provider="template",
                             elapsed_s=0.0)
        detail = svc.create_draft(request, result, users[name])
        svc.save_version(detail.id, result.text + "\n补充一句。", 1, users[name])
        svc.submit(detail.id, users[name])
        drafts[name] = detail.id
    return svc, users, drafts


def sign_in(name: str) -> AppTest:
    at = shared_components(AppTest.from_file(APP, default_timeout=300))
    at.run()
    at.text_input(key="login_name").input(name)
    at.text_input(key="password").input(PASSWORD)
    at.button[0].click().run()
    assert not at.exception, at.exception
    assert at.tabs, messages(at, "error")
    return at


def options(at: AppTest, key: str) -> list:
    return list(at.selectbox(key=key).options) if any(s.key == key for s in at.selectbox) else []


def test_each_user_lists_only_drafts_within_their_organisation_and_a_parent_sees_its_subtree(federation):
    svc, users, drafts = federation
    east, west = drafts["甲厂秘书"], drafts["西城管理员"]
    orgs = {east: "东城区甲厂工会", west: "西城区总工会"}

    def listed(at, key):  # the drafts a picker offers (its options are labels: title · org · …)
        shown = options(at, key)
        assert len(shown) == len(set(shown)) <= 2
        return {d for d, org in orgs.items() if any(f" · {org} · " in str(o) for o in shown)}

    factory = sign_in("甲厂秘书")
    assert listed(factory, "s_pick") == {east}
    assert any("所属单位：东城区甲厂工会" in m.value for m in factory.sidebar.markdown)

    west_admin = sign_in("西城管理员")
    assert listed(west_admin, "s_pick") == {west} and listed(west_admin, "r_pick") == {west}
    west_admin.selectbox(key="r_status").select(None).run()  # 全部: still West's only
    assert listed(west_admin, "r_pick") == {west}

    district = sign_in("东城审核")  # the factory's parent: reviews the factory's draft, never West's
    assert listed(district, "r_pick") == {east}
    district.selectbox(key="r_pick").select(east).run()
    district.text_area(key="r_comment").input("请补充筛查覆盖率").run()
    district.button(key="return").click().run()
    assert not district.exception and svc.get_draft(east).status == "returned"
    assert svc.get_draft(west).status == "submitted"

    assert listed(sign_in("市总审核"), "r_pick") == {west}, "the root reaches every organisation (East's returned)"


def test_another_organisations_draft_opens_as_not_found_and_the_typed_text_stays(federation):
    """The page's own restore path (the user's autosaved working copy) names East's draft: the West admin gets
    稿件不存在, no versions, diff, export or trace of it, no saving over it, and the text is kept and can be saved
    as a new draft of West."""
    from drafter.domain.records import WorkingCopy

    svc, users, drafts = federation
    east = drafts["甲厂秘书"]
    east_detail = svc.get_draft(east)
    typed = "西城区总工会女职工工作总结\n\n我刚才输入、还没保存的文字。"
    form = {"f_org": "西城区总工会", "f_period": "2025年", "f_kind": "专项总结", "f_topic": "女职工",
            "f_facts": "\n".join(FACTS), "request": east_detail.request.model_dump(), "saved_text": east_detail.latest.text}
    svc.save_working_copy(WorkingCopy(user="西城管理员", draft_id=east, base_version=2, form=form, text=typed))
    svc.save_working_copy(WorkingCopy(user="西城管理员", draft_id=None, form={"open_draft": east}))

    at = sign_in("西城管理员")
    assert at.session_state["draft_id"] == east, "restored as stored"
    assert "稿件不存在（可能已被删除）" in messages(at, "error")
    assert east_detail.latest.text not in [t.value for t in at.text] + [h.value for h in at.html]
    assert not any("diff-view" in h.value for h in at.html), "no versions or diff of East's draft"
    assert not any(e.label.startswith("生成过程") for e in at.expander), "no trace"
    assert not {"export_toggle", "save", "submit"} & {b.key for b in at.button}, "no export, no save over it"
    assert at.session_state["draft_text"] == typed and at.text_input(key="f_org").value == "西城区总工会"

    at.button(key="save_as_new").click().run()
    at.button(key="save").click().run()
    assert not at.exception and "已保存为第 1 版" in messages(at, "success")
    mine = svc.get_draft(at.session_state["draft_id"])
    assert mine.id != east and mine.latest.text == typed and mine.owner == "西城管理员"
    assert mine.id in {d.id for d in svc.list_drafts(viewer=users["西城审核"]).items}, "a draft of West"
    assert mine.id not in {d.id for d in svc.list_drafts(viewer=users["东城审核"]).items}


def test_the_pages_actions_refuse_another_organisations_draft(federation):
    """Every read and write the page makes, through the page's service (drafter.view.scoped), as a West user."""
    from drafter.view import actions
    from drafter.view.scoped import as_user
    from drafter.view.signin import page_user

    svc, users, drafts = federation
    east = drafts["甲厂秘书"]
    west_admin, west_reviewer = (page_user(svc, users[n]) for n in ("西城管理员", "西城审核"))
    page = as_user(svc, west_admin.viewer)
    for call in (lambda: page.get_draft(east), lambda: page.list_versions(east), lambda: page.get_version(east, 1),
                 lambda: page.diff(east, 1, 2), lambda: page.diff_since_return(east), lambda: page.export_docx(east),
                 lambda: page.trace(east), lambda: page.list_reviews(east)):
        with pytest.raises(NotFound):
            call()
    assert east not in {d.id for d in page.list_drafts(limit=100).items}
    state: dict = {"r_comment": "越权退回", "draft_id": east, "base_version": 2, "draft_text": "改写", "saved_text": ""}
    assert actions.save(state, page, west_admin) == ("error", "稿件不存在（可能已被删除）")
    assert actions.submit(state, page, west_admin) == ("error", "稿件不存在（可能已被删除）")
    assert actions.load_draft(state, page, east) == ("error", "稿件不存在（可能已被删除）")
    reviewer_page = as_user(svc, west_reviewer.viewer)
    assert actions.review(state, reviewer_page, east, "return", west_reviewer)[1] == "稿件不存在（可能已被删除）"
    assert svc.get_draft(east).status == "submitted" and not svc.list_reviews(east)
    assert len(svc.list_versions(east)) == 2, "nothing written to East's draft"

    district = page_user(svc, users["东城审核"])
    assert district.org_name == "东城区总工会" and as_user(svc, district.viewer).get_draft(east).id == east
    unscoped = page_user(svc, users["西城管理员"], scoped=False)  # DRAFTER_AUTH=off: as before
    assert unscoped.viewer is None and as_user(svc, unscoped.viewer).get_draft(east).id == east


def test_drafting_on_the_page_never_uses_another_organisations_private_example(federation):
    svc, users, _ = federation
    report = svc.add_examples([("东城内部.md", PRIVATE.encode())], uploader=users["东城审核"])
    assert report.files == 1
    private = next(e for e in svc.library.list_examples() if e.source == "东城内部.md")

    def draft_as(name: str) -> tuple[AppTest, list[str]]:
        at = sign_in(name)
        at.text_input(key="f_org").input("某工会")
        at.text_input(key="f_period").input("2025年")
        at.selectbox(key="f_kind").select("专项总结")
        at.text_input(key="f_topic").input("女职工")
        at.text_area(key="f_facts").input("\n".join(FACTS))
        at.run()
        at.button(key="search").click().run()
        found = [h["example_id"] for h in at.session_state["hits"]]
        at.session_state["pinned"] = [private.id]  # pinned, even where the list never offered it
        at.run()
        at.button(key="generate").click().run()
        assert not at.exception, at.exception
        return at, found

    factory, found = draft_as("甲厂秘书")  # a descendant of the uploader's organisation: it is theirs to use
    assert private.id in found
    assert "东城内部.md" in {s["source"] for s in factory.session_state["result"]["sources"]}

    west, found = draft_as("西城管理员")
    assert private.id not in found
    result = west.session_state["result"]
    assert result and "东城内部.md" not in {s["source"] for s in result["sources"]}
    assert "粉红丝带" not in west.session_state["draft_text"]


def test_every_scoped_service_call_is_scoped_on_the_page():
    """A service method taking viewer=, uploader= or an optional author= is filled in by drafter.view.scoped
    (a new one that is not would let the page act for everyone)."""
    from drafter.service import DrafterService
    from drafter.service.generation import GenerationJobs
    from drafter.view import scoped

    listed = scoped.VIEWER | scoped.AUTHOR | scoped.UPLOADER
    for name, method in inspect.getmembers(DrafterService, inspect.isfunction):
        params = inspect.signature(method).parameters
        wants = "viewer" in params or "uploader" in params or (
            "author" in params and params["author"].default is None)
        if wants and not name.startswith("_"):
            assert name in listed, name
    for name in listed:
        keyword = "viewer" if name in scoped.VIEWER else "author" if name in scoped.AUTHOR else "uploader"
        assert keyword in inspect.signature(getattr(DrafterService, name)).parameters, name
    assert "author" in inspect.signature(GenerationJobs.start).parameters
