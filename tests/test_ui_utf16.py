"""Offsets cross between Python (code points) and the editor (UTF-16 units) in one place (drafter.view.utf16):
emoji, skin-tone modifiers, flags and other characters outside the BMP before numbers and claims."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from drafter.models import DraftRequest
from drafter.view import actions, marks
from drafter.view.utf16 import Offsets, payload_for_browser

TEXT = "🎉😀活动1次👍🏻，e\u0301举办职工技能竞赛12场，🇨🇳参赛职工420人次。"


def js_slice(text: str, start: int, end: int) -> str:
    return text.encode("utf-16-le")[2 * start:2 * end].decode("utf-16-le")


@given(st.text(alphabet=st.sampled_from(["a", "中", "😀", "🇨", "\u0301", "1", "𠀀"]), max_size=40))
def test_offsets_round_trip_and_match_utf16(text):
    offsets = Offsets(text)
    for i in range(len(text) + 1):
        unit = offsets.to_js(i)
        assert unit == len(text[:i].encode("utf-16-le")) // 2
        assert offsets.from_js(unit) == i


def test_marks_reach_the_browser_on_their_own_characters(tmp_path):
    from drafter.service import DrafterService
    from drafter.settings import Settings

    service = DrafterService(Settings(data_dir=tmp_path, provider="template", _env_file=None))
    request = DraftRequest(org="滨江区总工会", period="2025年", facts=["举办职工技能竞赛12场", "参赛职工420人次"])
    check = service.check_text(request, TEXT)
    payload = payload_for_browser(marks.editor_payload(TEXT, 1, check, request.facts, []))
    shown = {js_slice(TEXT, m["start"], m["end"]) for m in payload["marks"]}
    assert "12场" in shown and "420人次" in shown, shown
    assert all("活动" not in s for s in shown)


def test_a_comment_selected_in_the_browser_quotes_the_right_text():
    state: dict = {}
    start = len(TEXT[:TEXT.index("12场")].encode("utf-16-le")) // 2
    level, _ = actions.add_passage(state, TEXT, {"start": start, "end": start + 3, "quote": "12场", "comment": "核实"})
    passage = state["r_passages"][0]
    assert level == "success" and TEXT[passage["start"]:passage["end"]] == "12场"
