"""Reading and validating requests, one way for every adapter (API, CLI, page), with ONE table of Chinese
messages for validation errors.

- `parse_json(data)`: bytes → JSON value, or InvalidInput (not UTF-8, malformed, nested too deeply).
- `parse_model(Model, data)`: that, then the pydantic model, or InvalidInput with one entry per failing field.
- (requests are parsed by `DrafterService.parse_request`, on top of `parse_model` and `decode_utf8` here).
- `field_errors(errors)` / `messages(errors)`: pydantic errors as [{"field", "message"}] / as Chinese lines.
"""

from __future__ import annotations

import json
import re
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from drafter.domain.errors import InvalidInput
from textkit.decoding import DecodeError, decode_utf8 as utf8_text

MAX_JSON_DEPTH = 32  # no request needs more than 3 levels; deeper input is refused before validation

FIELD_LABELS = {
    "org": "单位", "period": "期间", "kind": "类型", "topic": "专题", "facts": "事实", "length": "篇幅",
    "problems": "存在问题", "plans": "下一步计划", "pinned_examples": "参考范文", "text": "正文",
    "base_version": "基础版本号", "decision": "审核结论", "comment": "审核意见", "override_reason": "放行理由",
    "draft": "文稿", "context": "背景", "body": "请求体", "files": "文件", "q": "检索词", "k": "返回条数",
    "role": "段落角色", "offset": "起始位置", "limit": "每页条数", "status": "状态", "version": "版本号",
    "number": "版本号", "from": "起始版本", "to": "目标版本", "provider": "模型提供方", "stream": "stream",
    "replies": "回复", "passage": "批注序号", "state": "处理状态", "plan": "提纲",
}
PART_LABELS = {"heading": "的标题", "area": "的大标题", "facts": "的事实序号"}  # a field inside a list item
VALUE_LABELS = {
    "approve": "approve（通过）", "return": "return（退回）", "short": "short（简短）", "normal": "normal（标准）",
    "long": "long（详细）", "draft": "draft（草稿）", "returned": "returned（已退回）", "approved": "approved（已通过）",
    "opening": "opening（开头）", "body": "body（正文）", "closing": "closing（结尾）",
    "problems": "problems（不足）", "plans": "plans（打算）",
    "revised": "revised（已修改）", "declined": "declined（未采纳）",
}
# error type → message; {label} is the field's Chinese name, other names come from the error's ctx
MESSAGES = {
    "missing": "请填写{label}",
    "string_too_short": "请填写{label}",
    "string_too_long": "{label}太长（最多 {max_length} 个字）",
    "too_short": "{label}条目过少（至少 {min_length} 条）",
    "too_long": "{label}条目过多（最多 {max_length} 条）",
    "string_type": "{label}应为文本",
    "string_unicode": "{label}应为 UTF-8 文本",
    "list_type": "{label}应为列表",
    "int_parsing": "{label}应为整数",
    "int_type": "{label}应为整数",
    "int_from_float": "{label}应为整数",
    "int_parsing_size": "{label}数值过大",
    "bool_parsing": "{label}应为 true 或 false",
    "bool_type": "{label}应为 true 或 false",
    "float_parsing": "{label}应为数字",
    "float_type": "{label}应为数字",
    "literal_error": "{label}只能选择：{allowed}",
    "enum": "{label}只能选择：{allowed}",
    "greater_than_equal": "{label}不能小于 {ge}",
    "greater_than": "{label}应大于 {gt}",
    "less_than_equal": "{label}不能大于 {le}",
    "less_than": "{label}应小于 {lt}",
    "extra_forbidden": "不允许的字段：{field}",
    "model_type": "{label}应为 JSON 对象",
    "model_attributes_type": "{label}应为 JSON 对象",
    "dict_type": "{label}应为 JSON 对象",
    "json_type": "{label}应为 JSON 对象",
    "json_invalid": "请求体不是有效的 JSON",
    "recursion_loop": "{label}嵌套层数过深",
}
FALLBACK = "{label}取值无效"
T = TypeVar("T", bound=BaseModel)


# --- pydantic errors → Chinese ---------------------------------------------------------------
def field_name(err: dict) -> str:
    if err.get("type") == "json_invalid":
        return "body"  # its loc holds a character position, not a field
    parts = [str(p) for p in err.get("loc", ()) if p != "body"]
    return ".".join(parts) or "body"


_LOCATIONS = ("body", "query", "path", "header", "cookie")


def _label(loc: list) -> str:
    parts = [p for p in loc if p not in _LOCATIONS]
    if not parts:
        return "请求体"
    label = FIELD_LABELS.get(str(parts[0]), str(parts[0]))
    index = next((p for p in parts[1:] if isinstance(p, int)), None)
    if index is None:
        return label
    unit = "节" if parts[0] == "plan" else "条"  # the outline's items are its sections
    return f"{label}第 {index + 1} {unit}{PART_LABELS.get(str(parts[-1]), '')}"


def _allowed(ctx: dict) -> str:
    expected = str(ctx.get("expected", ""))
    values = re.findall(r"'([^']*)'", expected) or [expected]
    return "、".join(VALUE_LABELS.get(v, v) for v in values)


def message_of(err: dict) -> str:
    """One Chinese message for one pydantic error, naming the field."""
    kind, ctx = err.get("type", ""), dict(err.get("ctx") or {})
    label = _label(list(err.get("loc", ())))
    if kind == "value_error":  # a validator's own (Chinese) message
        text = str(ctx.get("error") or err.get("msg", "")).removeprefix("Value error, ")
        if "UploadFile" in text:
            return f"{label}应为上传的文件（multipart 文件字段，且带文件名）"
        return f"{label}：{text}" if _has_chinese(text) else FALLBACK.format(label=label)
    template = MESSAGES.get(kind, FALLBACK)
    values = {**{k: v for k, v in ctx.items() if isinstance(v, (int, float, str))},
              "label": label, "field": field_name(err), "allowed": _allowed(ctx)}
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return FALLBACK.format(label=label)


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def field_errors(errors: list[dict]) -> list[dict]:
    """[{"field": "facts.0", "message": "事实第 1 条应为文本"}, …] for pydantic's errors()."""
    return [{"field": field_name(e), "message": message_of(e)} for e in errors]


def messages(errors: list[dict]) -> list[str]:
    """The distinct Chinese messages, in field order (the page shows these)."""
    return list(dict.fromkeys(message_of(e) for e in errors))


def invalid(errors: list[dict], prefix: str = "请求参数有误") -> InvalidInput:
    fields = field_errors(errors)
    summary = "；".join(dict.fromkeys(f"{f['field']}：{f['message']}" for f in fields[:8]))
    return InvalidInput(f"{prefix}：{summary}" if summary else prefix, fields=fields)


# --- reading bodies --------------------------------------------------------------------------
def body_error(message: str) -> InvalidInput:
    return InvalidInput(message, fields=[{"field": "body", "message": message}])


def decode_utf8(data: bytes | str) -> str:
    if isinstance(data, str):
        return data
    try:
        return utf8_text(data)
    except DecodeError as exc:
        raise body_error(f"请求体{exc}") from None


def json_depth(value: Any) -> int:
    """How deeply arrays and objects nest in a parsed JSON value (iterative: no recursion limit)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (list, dict)):
            deepest = max(deepest, depth)
            stack.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def parse_json(data: bytes | str) -> Any:
    """The JSON value of a request body; InvalidInput in Chinese when it is not UTF-8, malformed or too deep."""
    text = decode_utf8(data)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise body_error(f"不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列）") from None
    except RecursionError:
        raise body_error(f"JSON 嵌套层数过深（最多 {MAX_JSON_DEPTH} 层）") from None
    if json_depth(value) > MAX_JSON_DEPTH:
        raise body_error(f"JSON 嵌套层数过深（最多 {MAX_JSON_DEPTH} 层）")
    return value


def validate(model: type[T], value: Any, prefix: str = "请求参数有误") -> T:
    try:
        return model.model_validate(value)
    except ValidationError as exc:
        raise invalid(list(exc.errors()), prefix) from None


def parse_model(model: type[T], data: bytes | str, prefix: str = "请求参数有误") -> T:
    """A pydantic model from a JSON body; InvalidInput (with fields) otherwise."""
    return validate(model, parse_json(data), prefix)
