"""The writer's replies to a returned review (批注回复) through DrafterService and the store, with the real number
check: saved and read back with the draft's reviews, the version each was written on, only on the latest returned
review and before resubmitting, only by the owner, sent together with 提交审核; and an older database gains the table."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, inspect

from drafter.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from drafter.models import DraftRequest, DraftResult
from drafter.domain.records import ReplyInput
from drafter.service import DrafterService
from drafter.store import DraftStore
from store_support import make_request, make_result, store_url  # noqa: F401 - fixture

REQUEST = DraftRequest(org="华东精密机械有限公司工会", period="2025年", kind="年度总结",
                       facts=["春节期间走访慰问困难职工86户，发放慰问金12.6万元", "举办职工篮球赛等文体活动9场"])
GOOD = "一、主要工作\n\n春节期间走访慰问困难职工86户，发放慰问金12.6万元。全年举办职工篮球赛等文体活动9场。"
WRONG = GOOD.replace("86户", "68户")
OWNER = "张书记"


@pytest.fixture
def svc(settings) -> DrafterService:
    service = DrafterService(settings)
    service.create_user("王主席", "王主席-password", "reviewer")
    service.create_user(OWNER, "张书记-password", "writer")
    service.create_user("李干事", "李干事-password", "writer")
    service.create_user("周编辑", "周编辑-password", "editor")
    return service


def _returned(svc, text=WRONG) -> tuple[str, int]:
    """A draft by 张书记, submitted and returned with an overall comment and two passage comments."""
    check = svc.check_text(REQUEST, text)
    draft = svc.create_draft(REQUEST, DraftResult(text=text, sections=[], check=check, provider="template",
                                                  elapsed_s=0.0), OWNER)
    svc.submit(draft.id, OWNER)
    passages = [{"start": text.index("68户"), "end": text.index("68户") + 3, "quote": "68户", "comment": "应为86户"},
                {"start": text.index("篮球赛"), "end": text.index("篮球赛") + 3, "quote": "篮球赛", "comment": "写明场次"}]
    detail = svc.review(draft.id, "return", "数字请核对", "王主席", passages=passages)
    return draft.id, detail.reviews[-1].id


def test_replies_are_stored_read_back_with_the_reviews_and_record_who_when_and_which_version(svc):
    draft_id, review_id = _returned(svc)
    svc.save_version(draft_id, GOOD, 1, OWNER)
    review = svc.reply_to_review(draft_id, review_id, [
        {"passage": 0, "state": "revised", "text": "已改为86户"},
        {"passage": 1, "state": "declined", "text": "场次已在下一句写明"},
        {"passage": None, "state": "revised"}], OWNER)
    assert [(r.passage, r.state, r.text, r.author, r.version) for r in review.replies] == [
        (None, "revised", "", OWNER, 2), (0, "revised", "已改为86户", OWNER, 2), (1, "declined", "场次已在下一句写明", OWNER, 2)]
    again = svc.get_draft(draft_id).reviews[-1]
    assert again.id == review_id and again.replies == review.replies == svc.list_reviews(draft_id)[-1].replies
    first_time = again.replies[1].created_at

    svc.save_version(draft_id, GOOD + "补充。", 2, OWNER)  # version 3: only the changed reply is rewritten on it
    review = svc.reply_to_review(draft_id, review_id, [
        {"passage": 0, "state": "revised", "text": "已改为86户"},
        {"passage": 1, "state": "revised", "text": "已补充场次"}], OWNER)
    assert [(r.passage, r.text, r.version) for r in review.replies] == [(0, "已改为86户", 2), (1, "已补充场次", 3)]
    assert review.replies[0].created_at == first_time, "an unchanged reply keeps its time"
    assert svc.reply_to_review(draft_id, review_id, [], OWNER).replies == [], "PUT semantics: an empty list clears"


def test_a_declined_reply_needs_its_reason_and_targets_must_exist(svc):
    draft_id, review_id = _returned(svc)
    with pytest.raises(InvalidInput, match="未采纳.*说明"):
        svc.reply_to_review(draft_id, review_id, [{"passage": 0, "state": "declined", "text": "  "}], OWNER)
    with pytest.raises(ValueError, match="说明"):
        ReplyInput(passage=0, state="declined")
    with pytest.raises(InvalidInput, match="批注序号 2 不存在"):
        svc.reply_to_review(draft_id, review_id, [{"passage": 2, "state": "revised"}], OWNER)
    with pytest.raises(InvalidInput, match="只能有一条"):
        svc.reply_to_review(draft_id, review_id, [{"passage": 0, "state": "revised"}] * 2, OWNER)
    with pytest.raises(InvalidInput, match="处理状态|只能选择"):
        svc.reply_to_review(draft_id, review_id, [{"passage": 0, "state": "已修改"}], OWNER)
    with pytest.raises(InvalidInput):
        svc.reply_to_review(draft_id, review_id, [{"passage": 0, "state": "revised", "text": "长" * 2001}], OWNER)
    with pytest.raises(InvalidInput, match="孤立的代理项"):
        svc.reply_to_review(draft_id, review_id, [{"passage": 0, "state": "revised", "text": "坏\ud800"}], OWNER)
    kept = svc.reply_to_review(draft_id, review_id, [{"passage": 0, "state": "revised", "text": "已改\x00\u202e"}], OWNER)
    assert kept.replies[0].text == "已改", "control characters removed, as in every stored text"
    svc.reply_to_review(draft_id, review_id, [], OWNER)
    assert svc.get_draft(draft_id).reviews[-1].replies == [], "nothing stored"


def test_only_the_owner_replies_and_only_to_the_latest_returned_review_before_resubmitting(svc):
    draft_id, review_id = _returned(svc)
    reply = [{"passage": 0, "state": "revised"}]
    for intruder in ("李干事", "周编辑", "王主席", "随便填的名字"):
        with pytest.raises(Forbidden, match=OWNER):
            svc.reply_to_review(draft_id, review_id, reply, intruder)
    with pytest.raises(NotFound):
        svc.reply_to_review(draft_id, review_id + 100, reply, OWNER)
    with pytest.raises(NotFound):
        svc.reply_to_review("nosuchdraft", review_id, reply, OWNER)
    other_id, other_review = _returned(svc)
    with pytest.raises(NotFound):
        svc.reply_to_review(draft_id, other_review, reply, OWNER)  # a review of another draft

    svc.reply_to_review(draft_id, review_id, reply, OWNER)
    svc.submit(draft_id, OWNER)
    with pytest.raises(Conflict, match="重新提交"):
        svc.reply_to_review(draft_id, review_id, [{"passage": 1, "state": "revised"}], OWNER)
    second = svc.review(draft_id, "return", "还需修改", "王主席").reviews[-1]
    with pytest.raises(Conflict, match="最近一次退回"):
        svc.reply_to_review(draft_id, review_id, reply, OWNER)
    assert [r.passage for r in svc.get_draft(draft_id).reviews[0].replies] == [0], "the first answer stays"
    assert svc.reply_to_review(draft_id, second.id, [{"state": "revised", "text": "已改"}], OWNER).replies[0].text == "已改"


def test_a_review_without_an_overall_comment_takes_replies_to_its_passages_only(svc):
    check = svc.check_text(REQUEST, WRONG)
    draft = svc.create_draft(REQUEST, DraftResult(text=WRONG, sections=[], check=check, provider="template",
                                                  elapsed_s=0.0), OWNER)
    svc.submit(draft.id, OWNER)
    start = WRONG.index("68户")
    review = svc.review(draft.id, "return", "", "王主席",
                        passages=[{"start": start, "end": start + 3, "quote": "68户", "comment": "应为86户"}]).reviews[-1]
    with pytest.raises(InvalidInput, match="没有总体意见"):
        svc.reply_to_review(draft.id, review.id, [{"passage": None, "state": "revised"}], OWNER)
    assert svc.reply_to_review(draft.id, review.id, [{"passage": 0, "state": "revised"}], OWNER).replies[0].passage == 0


def test_an_approved_review_takes_no_reply(svc):
    draft_id, review_id = _returned(svc)
    svc.save_version(draft_id, GOOD, 1, OWNER)
    svc.submit(draft_id, OWNER)
    approved = svc.review(draft_id, "approve", "同意", "王主席").reviews[-1]
    for target in (review_id, approved.id):
        with pytest.raises(Conflict):
            svc.reply_to_review(draft_id, target, [{"state": "revised"}], OWNER)


def test_submit_sends_the_replies_in_one_transaction(svc):
    draft_id, review_id = _returned(svc)
    svc.save_version(draft_id, GOOD, 1, OWNER)
    with pytest.raises(InvalidInput):
        svc.submit(draft_id, OWNER, review_id=review_id, replies=[{"passage": 5, "state": "revised"}])
    assert svc.get_draft(draft_id).status == "draft", "a refused reply leaves the draft unsubmitted"
    with pytest.raises(Forbidden):
        svc.submit(draft_id, "周编辑", review_id=review_id, replies=[{"passage": 0, "state": "revised"}])
    assert svc.get_draft(draft_id).status == "draft"
    detail = svc.submit(draft_id, OWNER, review_id=review_id,
                        replies=[ReplyInput(passage=0, state="revised", text="已改正"),
                                 ReplyInput(passage=1, state="declined", text="篮球赛为正式名称")])
    assert detail.status == "submitted"
    assert [(r.passage, r.state, r.version) for r in detail.reviews[-1].replies] == [(0, "revised", 2),
                                                                                   (1, "declined", 2)]


def test_the_store_keeps_replies_across_a_restart_on_sqlite_and_postgresql(store_url):
    store = DraftStore(store_url)
    draft = store.create_draft(make_request(), make_result(), "甲")
    store.submit(draft.id, "甲")
    text = draft.latest.text
    from drafter.domain.records import PassageComment

    passage = PassageComment(start=text.index("86户"), end=text.index("86户") + 3, quote="86户", comment="核对")
    review = store.add_review(draft.id, "return", "请修改", "审", passages=[passage]).reviews[-1]
    saved = store.save_replies(draft.id, review.id, [ReplyInput(passage=0, state="declined", text="数字无误")], "甲")
    assert [(r.passage, r.state, r.text, r.author, r.version) for r in saved.replies] == [(0, "declined", "数字无误", "甲", 1)]
    with pytest.raises(Forbidden):
        store.save_replies(draft.id, review.id, [], "乙")
    store.close()
    reopened = DraftStore(store_url)  # create-all on an existing database keeps the data
    assert reopened.get_draft(draft.id).reviews[0].replies[0].text == "数字无误"
    reopened.close()


def test_an_older_sqlite_database_without_the_replies_table_gets_it(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    store = DraftStore(url)
    draft = store.create_draft(make_request(), make_result(), "甲")
    store.close()
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE comment_replies")
    assert "comment_replies" not in inspect(engine).get_table_names()
    engine.dispose()
    store = DraftStore(url)
    assert store.get_draft(draft.id).reviews == [] and store.list_reviews(draft.id) == []
    assert "comment_replies" in inspect(store.engine).get_table_names()
    store.close()
