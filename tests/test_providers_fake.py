"""EchoModel and ScriptedModel: the test doubles other areas use to see what the model receives."""

from __future__ import annotations

import threading

import pytest

from drafter.providers import ChatModel, EchoModel, ProviderError, ScriptedModel, ScriptExhausted

SYSTEM = {"role": "system", "content": "系统提示"}


def user(text: str) -> dict:
    return {"role": "user", "content": text}


def test_echo_returns_the_last_user_message_in_pieces():
    model = EchoModel(piece_chars=3)
    pieces = list(model.stream([SYSTEM, user("旧的"), {"role": "assistant", "content": "答"}, user("组织建设情况")]))
    assert "".join(pieces) == "组织建设情况"
    assert len(pieces) == 2
    assert isinstance(model, ChatModel) and model.name == "echo"


def test_echo_applies_a_transform():
    assert EchoModel(lambda text: f"【{text}】").complete([user("送温暖")]) == "【送温暖】"


def test_scripted_replies_in_order_and_records_every_call():
    model = ScriptedModel(["第一节", "第二节"])
    first = [SYSTEM, user("写第一节")]
    assert model.complete(first, max_tokens=100, temperature=0.1) == "第一节"
    assert model.complete([SYSTEM, user("写第二节")]) == "第二节"
    assert model.calls == [first, [SYSTEM, user("写第二节")]]
    assert model.prompts == ["写第一节", "写第二节"]
    assert model.options[0] == {"max_tokens": 100, "temperature": 0.1}
    assert model.remaining == 0


def test_scripted_records_a_copy_not_the_callers_list():
    model = ScriptedModel(["a"])
    messages = [user("原文")]
    model.complete(messages)
    messages[0]["content"] = "改过"
    messages.append(user("追加"))
    assert model.calls == [[user("原文")]]


def test_scripted_can_fail_a_step_like_a_provider():
    model = ScriptedModel(["好", ProviderError("接口超时"), "重写"])
    assert model.complete([user("1")]) == "好"
    with pytest.raises(ProviderError, match="接口超时"):
        model.complete([user("2")])
    assert model.complete([user("3")]) == "重写"
    assert len(model.calls) == 3


def test_scripted_reply_may_depend_on_the_messages():
    model = ScriptedModel([lambda messages: messages[-1]["content"][::-1]])
    assert model.complete([user("一二三")]) == "三二一"


def test_running_out_of_replies_is_a_test_error_unless_a_default_is_given():
    model = ScriptedModel(["only"])
    model.complete([user("1")])
    with pytest.raises(ScriptExhausted):
        model.complete([user("2")])
    assert not issubclass(ScriptExhausted, ProviderError)  # must not be mistaken for a provider failure
    assert ScriptedModel([], default="兜底").complete([user("x")]) == "兜底"


def test_scripted_is_safe_to_call_from_several_threads():
    model = ScriptedModel([str(i) for i in range(20)], concurrent=True)
    replies: list[str] = []
    threads = [threading.Thread(target=lambda: replies.append(model.complete([user("x")]))) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(replies, key=int) == [str(i) for i in range(20)]
    assert len(model.calls) == 20 and model.concurrent
