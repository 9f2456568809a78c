"""The review workflow through DrafterService, with the real number check: who may save, submit and review,
the override for a failing check, restoring a version, the diff since a return, sign-in and autosave."""

from __future__ import annotations

import pytest

from drafter.domain.errors import Forbidden, InvalidInput
from drafter.models import DraftRequest, DraftResult
from drafter.domain.records import UserInfo, WorkingCopy
from drafter.domain.review_rules import LOCAL_ROLE, Actor
from drafter.service import DrafterService

REQUEST = DraftRequest(org="华东精密机械有限公司工会", period="2025年", kind="年度总结",
                       facts=["春节期间走访慰问困难职工86户，发放慰问金12.6万元", "举办职工篮球赛等文体活动9场"])
GOOD = "一、主要工作\n\n春节期间走访慰问困难职工86户，发放慰问金12.6万元。全年举办职工篮球赛等文体活动9场。"
WRONG = GOOD.replace("86户", "68户")


@pytest.fixture
def svc(settings) -> DrafterService:
    """The service without the example library (drafts are stored from texts checked by the real number check),
    with one reviewer, 王主席."""
    service = DrafterService(settings)
    service.create_user("王主席", "王主席-password", "reviewer")
    return service


def _create(svc, text=GOOD, owner="张书记"):
    check = svc.check_text(REQUEST, text)
    result = DraftResult(text=text, sections=[], check=check, provider="template", elapsed_s=0.0)
    return svc.create_draft(REQUEST, result, owner)


def _user(svc, name, role) -> UserInfo:
    return svc.create_user(name, f"{name}-password", role)


def test_only_the_owner_an_editor_or_an_admin_may_save(svc):
    draft = _create(svc)
    writer, editor = _user(svc, "李干事", "writer"), _user(svc, "周编辑", "editor")
    _user(svc, "管理员", "admin")
    for intruder in ("路人", writer, svc.get_user("王主席")):
        with pytest.raises(Forbidden, match="张书记"):
            svc.save_version(draft.id, GOOD + "补充。", 1, intruder)
    assert svc.save_version(draft.id, GOOD + "本人补充。", 1, "张书记").author == "张书记"
    assert svc.save_version(draft.id, GOOD + "编辑补充。", 2, editor).author == "周编辑"
    assert svc.save_version(draft.id, GOOD + "管理员补充。", 3, "管理员").number == 4  # a name is looked up
    disabled = svc.disable_user("周编辑")
    for gone in ("周编辑", disabled):  # a disabled user keeps no role, by name or as a record
        with pytest.raises(Forbidden):
            svc.save_version(draft.id, GOOD + "停用后。", 4, gone)
    with pytest.raises(Forbidden):
        svc.submit(draft.id, writer)
    assert svc.submit(draft.id, "张书记").status == "submitted"


def test_only_reviewers_and_admins_review(svc):
    draft = _create(svc)
    svc.submit(draft.id, "张书记")
    with pytest.raises(Forbidden, match="审核"):
        svc.review(draft.id, "approve", "同意", _user(svc, "李干事", "writer"))
    with pytest.raises(Forbidden):
        svc.review(draft.id, "approve", "同意", "李干事")  # looked up by name: a writer
    with pytest.raises(Forbidden, match="不是有效用户"):
        svc.review(draft.id, "approve", "同意", "随便填的名字")  # a free-text name is nobody
    approved = svc.review(draft.id, "approve", "同意", svc.get_user("王主席"))
    assert approved.status == "approved" and approved.reviews[0].reviewer == "王主席"


def test_a_failing_draft_needs_an_override_and_a_fixed_one_does_not(svc):
    draft = _create(svc, WRONG)
    assert draft.check_ok is False
    svc.submit(draft.id, "张书记")
    with pytest.raises(InvalidInput, match="override_reason"):
        svc.review(draft.id, "approve", "同意", "王主席")
    returned = svc.review(draft.id, "return", "", "王主席",
                          passages=[{"start": 0, "end": 0 + 1, "quote": "68户", "comment": "应为86户"}])
    assert returned.status == "returned" and returned.reviews[0].passages[0].start == WRONG.index("68户")
    assert svc.save_version(draft.id, GOOD, 1, "张书记").check.ok
    svc.submit(draft.id, "张书记")
    assert svc.review(draft.id, "approve", "同意", "王主席").reviews[-1].override_reason is None

    other = _create(svc, WRONG)
    svc.submit(other.id, "张书记")
    forced = svc.review(other.id, "approve", "", "王主席", override_reason="68户为复核后的数字")
    assert forced.status == "approved" and forced.reviews[0].override_reason == "68户为复核后的数字"
    assert svc.review(other.id, "approve", "", "王主席").reviews == forced.reviews  # idempotent


def test_restore_makes_a_new_rechecked_version_and_voids_an_approval(svc):
    draft = _create(svc, WRONG)
    svc.save_version(draft.id, GOOD, 1, "张书记")
    svc.submit(draft.id, "张书记")
    svc.review(draft.id, "approve", "同意", "王主席")
    with pytest.raises(Forbidden):
        svc.restore_version(draft.id, 1, "路人")
    restored = svc.restore_version(draft.id, 1, "张书记")
    assert (restored.number, restored.text, restored.restored_from) == (3, WRONG, 1)
    assert restored.check == svc.check_text(REQUEST, WRONG) and not restored.check.ok
    detail = svc.get_draft(draft.id)
    assert detail.status == "draft" and detail.latest_version == 3 and detail.reviews[0].voided


def test_diff_since_return_goes_from_the_returned_version_to_the_latest(svc):
    draft = _create(svc, WRONG)
    assert svc.diff_since_return(draft.id) is None
    svc.save_version(draft.id, WRONG + "补充一句。", 1, "张书记")
    svc.submit(draft.id, "张书记")
    svc.review(draft.id, "return", "户数不对", "王主席")
    unchanged = svc.diff_since_return(draft.id)
    assert (unchanged.from_version, unchanged.to_version, unchanged.unified) == (2, 2, "")
    svc.save_version(draft.id, GOOD + "补充一句。", 2, "张书记")
    svc.save_version(draft.id, GOOD + "补充两句。", 3, "张书记")
    diff = svc.diff_since_return(draft.id)
    assert (diff.from_version, diff.to_version) == (2, 4)
    assert [(c.change, c.before, c.after) for c in diff.changed_numbers] == [("changed", "68户", "86户")]


def test_login_and_working_copies_through_the_service(svc):
    _user(svc, "张书记", "writer")
    assert svc.login("张书记", "张书记-password").role == "writer" and svc.login("张书记", "x") is None
    assert [u.name for u in svc.list_users()] == ["王主席", "张书记"]
    svc.save_working_copy(WorkingCopy(user="张书记", form={"org": REQUEST.org}, text="半成品"))
    assert svc.load_working_copy("张书记").text == "半成品"
    with pytest.raises(InvalidInput):
        svc.save_working_copy({"user": "张书记"})
    assert svc.discard_working_copy("张书记") and svc.load_working_copy("张书记") is None


def test_the_one_person_local_actor_may_do_everything(svc):
    draft = _create(svc, owner="张书记")
    me = Actor("本机用户", LOCAL_ROLE)
    assert svc.save_version(draft.id, GOOD + "本机修改。", 1, me).author == "本机用户"
    svc.submit(draft.id, me)
    assert svc.review(draft.id, "approve", "同意", me).status == "approved"


def test_restoring_the_latest_version_is_refused(svc):
    draft = _create(svc)
    with pytest.raises(InvalidInput, match="已是最新"):
        svc.restore_version(draft.id, 1, "张书记")
    assert svc.get_draft(draft.id).latest_version == 1


def test_malformed_passages_are_a_chinese_input_error(svc):
    draft = _create(svc)
    svc.submit(draft.id, "张书记")
    with pytest.raises(InvalidInput, match="批注格式无效"):
        svc.review(draft.id, "return", "", "王主席", passages=[{"quote": "86户"}])
    assert svc.get_draft(draft.id).status == "submitted"
