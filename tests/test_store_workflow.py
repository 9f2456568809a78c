"""The review workflow in the store, on SQLite and PostgreSQL (slow): owners, submit, override, passages (批注),
voided approvals, restores and working copies."""

from __future__ import annotations

import pytest

from drafter.domain.errors import Forbidden, InvalidInput, NotFound, StaleVersion
from drafter.models import Claim, CheckResult, MissingFact
from drafter.domain.records import STATUS_LABELS, PassageComment, WorkingCopy
from drafter.domain.review_rules import check_problems
from store_support import make_check, make_request, make_result, store, store_url  # noqa: F401 - fixtures


def _submitted(store, text="一、主要工作\n\n春节走访慰问困难职工86户。", ok=True, owner="张书记"):
    draft = store.create_draft(make_request(), make_result(text=text, ok=ok), owner)
    store.submit(draft.id, owner, may_edit_others=False)
    return draft


def test_owner_is_the_creator_and_only_owner_or_editor_may_save(store):
    draft = store.create_draft(make_request(), make_result(), "张书记")
    assert draft.owner == "张书记" and store.list_drafts(owner="张书记").total == 1
    assert store.list_drafts(owner="别人").total == 0
    with pytest.raises(Forbidden, match="张书记"):
        store.add_version(draft.id, "李干事的修改", 1, "李干事", make_check(), may_edit_others=False)
    with pytest.raises(Forbidden):
        store.prepare_edit(draft.id, "李干事的修改", 1, "李干事", may_edit_others=False)
    assert store.get_draft(draft.id).latest_version == 1  # nothing was written
    assert store.add_version(draft.id, "本人修改", 1, "张书记", make_check(), may_edit_others=False).number == 2
    assert store.add_version(draft.id, "编辑修改", 2, "编辑老周", make_check(), may_edit_others=True).number == 3
    assert store.get_draft(draft.id).owner == "张书记"  # editing does not change the owner


def test_submit_is_by_the_owner_and_idempotent(store):
    draft = store.create_draft(make_request(), make_result(), "张书记")
    with pytest.raises(Forbidden):
        store.submit(draft.id, "李干事", may_edit_others=False)
    assert store.get_draft(draft.id).status == "draft"
    assert store.submit(draft.id, "张书记", may_edit_others=False).status == "submitted"
    assert store.submit(draft.id, "张书记", may_edit_others=False).status == "submitted"
    assert STATUS_LABELS["submitted"] == "已提交"
    # saving a new version withdraws the submission: the reviewer must see what was submitted
    store.add_version(draft.id, "提交后又改", 1, "张书记", make_check())
    assert store.get_draft(draft.id).status == "draft"


def test_approving_a_failing_check_needs_an_override_reason_which_is_kept(store):
    draft = _submitted(store, ok=False)
    with pytest.raises(InvalidInput, match="override_reason") as refused:
        store.add_review(draft.id, "approve", "同意", "王主席")
    assert "1 处数字" in str(refused.value) and "第 1 版" in str(refused.value)
    with pytest.raises(InvalidInput):
        store.add_review(draft.id, "approve", "同意", "王主席", override_reason="   ")
    assert store.get_draft(draft.id).status == "submitted" and store.get_draft(draft.id).reviews == []
    approved = store.add_review(draft.id, "approve", "同意", "王主席", override_reason="86户为最新统计口径，已核实")
    assert approved.status == "approved"
    assert approved.reviews[0].override_reason == "86户为最新统计口径，已核实"
    assert store.get_draft(draft.id).reviews[0].override_reason == "86户为最新统计口径，已核实"


def test_a_passing_check_is_approved_without_override_and_approving_twice_is_a_no_op(store):
    draft = _submitted(store, ok=True)
    first = store.add_review(draft.id, "approve", "同意", "王主席")
    again = store.add_review(draft.id, "approve", "再次同意", "王主席")
    assert first.status == again.status == "approved"
    assert len(again.reviews) == 1 and again.reviews[0].override_reason is None


def test_check_problems_counts_missing_facts_and_unjudged_claims():
    assert check_problems(make_check(True)) == []
    assert check_problems(make_check(False)) == ["1 处数字与事实不符或无出处"]
    missing = CheckResult(ok=False, missing=[MissingFact(fact_line=2, text="5场")])
    assert check_problems(missing) == ["1 条事实的数字未写入"]
    claim = Claim(start=0, end=4, text="荣获全国先进", kind="claim")
    assert check_problems(CheckResult(ok=True, claims=[claim], faithful=False)) == ["1 处表述在事实中找不到依据"]
    assert check_problems(CheckResult(ok=True, claims=[], faithful=False)) == []  # claims not judged yet


def test_return_needs_a_comment_or_a_passage_and_passages_are_anchored(store):
    text = "一、主要工作\n\n春节走访慰问困难职工86户。举办职工技能竞赛5场。"
    draft = _submitted(store, text=text)
    with pytest.raises(InvalidInput, match="退回"):
        store.add_review(draft.id, "return", "  ", "王主席")
    quote = "举办职工技能竞赛5场"
    start = text.index(quote)
    exact = PassageComment(start=start, end=start + len(quote), quote=quote, comment="写明参赛人数")
    drifted = PassageComment(start=0, end=4, quote="86户", comment="核对户数")
    returned = store.add_review(draft.id, "return", "", "王主席", passages=[exact, drifted])
    passages = returned.reviews[0].passages
    assert passages[0] == exact
    assert (passages[1].start, passages[1].end) == (text.index("86户"), text.index("86户") + 3)
    assert text[passages[1].start:passages[1].end] == "86户" and passages[1].comment == "核对户数"
    store.add_version(draft.id, text + "参赛职工120人。", 1, "张书记", make_check())
    store.submit(draft.id, "张书记")
    with pytest.raises(InvalidInput, match="找不到"):
        store.add_review(draft.id, "return", "", "王主席",
                         passages=[PassageComment(start=0, end=3, quote="不存在的话", comment="?")])
    assert len(store.get_draft(draft.id).reviews) == 1


def test_editing_an_approved_draft_voids_the_approval_visibly(store):
    draft = _submitted(store)
    store.add_review(draft.id, "approve", "同意", "王主席")
    store.add_version(draft.id, "通过后又修改", 1, "张书记", make_check())
    got = store.get_draft(draft.id)
    assert got.status == "draft" and got.latest_version == 2
    assert [(r.decision, r.voided, r.version) for r in got.reviews] == [("approve", True, 1)]
    store.submit(draft.id, "张书记")
    again = store.add_review(draft.id, "approve", "同意第2版", "王主席")
    assert [(r.voided, r.version) for r in again.reviews] == [(True, 1), (False, 2)]


def test_last_return_version_and_restored_versions(store):
    draft = _submitted(store)
    assert store.last_return_version(draft.id) is None
    store.add_review(draft.id, "return", "请补充", "王主席")
    store.add_version(draft.id, "第二稿", 1, "张书记", make_check())
    assert store.last_return_version(draft.id) == 1
    restored = store.add_version(draft.id, draft.latest.text, 2, "张书记", make_check(), restored_from=1)
    assert restored.number == 3 and restored.restored_from == 1 and restored.text == draft.latest.text
    assert [v.restored_from for v in store.list_versions(draft.id)] == [None, None, 1]
    with pytest.raises(StaleVersion) as stale:
        store.add_version(draft.id, "旧基础", 1, "张书记", make_check())
    assert stale.value.latest_version == 3


def test_working_copies_are_one_per_user_and_slot_and_overwritten(store):
    draft = store.create_draft(make_request(), make_result(), "张书记")
    assert store.load_working_copy("张书记") is None
    form = {"org": "某工会", "period": "2025年", "facts_text": "慰问86户\n竞赛5场", "length": "normal"}
    first = store.save_working_copy(WorkingCopy(user="张书记", form=form, text="未保存的新稿"))
    assert first.draft_id is None and first.updated_at is not None
    store.save_working_copy(WorkingCopy(user="张书记", draft_id=draft.id, base_version=1, text="改了一半"))
    store.save_working_copy(WorkingCopy(user="李干事", draft_id=draft.id, base_version=1, text="李的副本"))
    second = store.save_working_copy(WorkingCopy(user="张书记", form={**form, "org": "改后的工会"}, text="再改"))
    assert second.updated_at >= first.updated_at
    got = store.load_working_copy("张书记")
    assert (got.text, got.form["org"], got.form["facts_text"]) == ("再改", "改后的工会", "慰问86户\n竞赛5场")
    mine = store.load_working_copy("张书记", draft.id)
    assert (mine.text, mine.base_version, mine.draft_id) == ("改了一半", 1, draft.id)
    assert store.load_working_copy("李干事", draft.id).text == "李的副本"
    assert store.list_versions(draft.id)[-1].number == 1  # autosave is never a version
    assert store.discard_working_copy("张书记", draft.id) is True
    assert store.discard_working_copy("张书记", draft.id) is False
    assert store.load_working_copy("张书记", draft.id) is None and store.load_working_copy("张书记").text == "再改"


def test_a_working_copy_with_a_lone_surrogate_is_still_saved(store):
    saved = store.save_working_copy(WorkingCopy(user="张书记", text="慰问\ud800困难职工", form={"org": "工会\udfff"}))
    assert saved.text == "慰问困难职工" and store.load_working_copy("张书记").form == {"org": "工会"}


def test_review_and_submit_of_unknown_drafts_are_not_found(store):
    with pytest.raises(NotFound):
        store.submit("nope", "张书记")
    with pytest.raises(NotFound):
        store.add_review("nope", "return", "意见", "王主席")


def test_working_copy_form_values_are_stored_as_json_and_an_unchanged_copy_is_not_rewritten(store):
    from datetime import date

    form = {"sign_date": date(2025, 12, 31), "length": "long", "pinned": ("a.md", "b.md"), "count": 3}
    first = store.save_working_copy(WorkingCopy(user="张书记", form=form, text="正文"))
    assert first.form == {"sign_date": "2025-12-31", "length": "long", "pinned": ["a.md", "b.md"], "count": 3}
    again = store.save_working_copy(WorkingCopy(user="张书记", form=form, text="正文"))
    assert again.updated_at == first.updated_at
    changed = store.save_working_copy(WorkingCopy(user="张书记", form=form, text="正文改"))
    assert changed.text == "正文改" and changed.updated_at >= first.updated_at


def test_concurrent_autosaves_of_one_slot_keep_one_copy(store):
    import threading

    start, errors = threading.Barrier(6), []

    def autosave(n: int) -> None:
        try:
            start.wait()
            for i in range(3):
                store.save_working_copy(WorkingCopy(user="张书记", text=f"第{n}个标签页第{i}次"))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=autosave, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM working_copies").scalar() == 1
    assert store.load_working_copy("张书记").text.endswith("第2次")
