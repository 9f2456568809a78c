"""Real local-model drafts labelled by hand (issue 10), tests/data/faithful_drafts.json.

Two groups per bench request, both from one run of the local pipeline (provenance in the file's `_about`):
  raw    the model's first reply of each body section, before any check or repair (its real errors);
  final  the draft the pipeline returned after checking and repairing sentence by sentence.
Labels (decided by reading, before the checker was run): `claims` (an invented activity, result, honour or state,
heading included), `artifacts` (prompt echo, chatter, Markdown, Latin), `numbers` (wrong, moved or invented draft
numbers), and `may_flag` (wrong only in context, borderline, or of no such kind, e.g. a garbled character: a
flag on it is no false flag, none is required). A flag that overlaps no label is a false flag.

Targets (issue 10): claim recall >= 80 %, every labelled number and artifact caught, no false flag on a final draft.
`python tests/test_faithful_drafts.py` prints the measurement per draft.
"""

from __future__ import annotations

import json
import re
from functools import cache

import pytest

from drafter.models import DraftRequest
from drafter.numcheck import check
from drafter.pipeline.verify import verification_inputs
from drafter.settings import PROJECT_ROOT

DRAFTS = PROJECT_ROOT / "tests" / "data" / "faithful_drafts.json"
CLAIM_RECALL = 0.80
KINDS = ("claims", "artifacts", "numbers")


@cache
def _data() -> dict:
    return json.loads(DRAFTS.read_text(encoding="utf-8"))


def _group(group: str) -> list[dict]:
    return [d for d in _data()["drafts"] if d["group"] == group]


def _spans(draft: str, piece: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(piece), draft)]


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and end > s for s, e in spans)


@cache
def measure(index: int) -> dict:
    """One draft: its labels found or missed (per kind) and its false flags (claims and numbers no label explains)."""
    case = _data()["drafts"][index]
    draft = case["draft"]
    facts, context = verification_inputs(DraftRequest.model_validate(_data()["requests"][case["request"]]))
    result = check(facts, draft, context=context)
    wrong_numbers = [h for h in result.numbers if h.status != "supported"]
    # a labelled claim counts as flagged by any flag on it: a claim inside an artifact's sentence is reported as
    # that artifact (claims.merge), and a clause holding a number is left to the number check (claims.py)
    flags = {"claims": [*result.claims, *wrong_numbers],
             "artifacts": [c for c in result.claims if c.kind == "artifact"],
             "numbers": wrong_numbers}
    found = {kind: [p for p in case["expect"][kind] if any(_overlaps(f.start, f.end, _spans(draft, p))
                                                              for f in flags[kind])] for kind in KINDS}
    pieces = [p for kind in (*KINDS, "may_flag") for p in case["expect"].get(kind, [])]
    labelled = [span for p in pieces for span in _spans(draft, p)]
    false = [(c.kind, c.text) for c in result.claims if not _overlaps(c.start, c.end, labelled)]
    false += [(h.status, h.text) for h in flags["numbers"] if not _overlaps(h.start, h.end, labelled)]
    return {"case": case, "found": found, "false": false, "faithful": result.faithful}


def _measured(group: str) -> list[dict]:
    return [measure(i) for i, d in enumerate(_data()["drafts"]) if d["group"] == group]


def _missed(group: str, kind: str) -> list[tuple[str, str]]:
    return [(m["case"]["request"], p) for m in _measured(group) for p in m["case"]["expect"][kind]
            if p not in m["found"][kind]]


def _recall(group: str, kind: str) -> tuple[int, int]:
    rows = _measured(group)
    return sum(len(m["found"][kind]) for m in rows), sum(len(m["case"]["expect"][kind]) for m in rows)


def test_set_holds_ten_real_drafts_per_group_with_their_requests():
    data = _data()
    for group in ("raw", "final"):
        drafts = _group(group)
        assert len(drafts) >= 10 and len({d["request"] for d in drafts}) >= 10
        for d in drafts:
            assert d["request"] in data["requests"]
            assert all(d["draft"].count(p) >= 1 for kind in KINDS for p in d["expect"][kind])
    raw_labels = sum(len(d["expect"][kind]) for d in _group("raw") for kind in KINDS)
    assert raw_labels >= 20  # the raw replies carry the model's real errors


_THEMES = ("a heading clause with no object or activity word of the lexicon is frame: 加强思想引领 over teaching "
           "contests and a reading campaign, over a 职代会 and library books, over wage-arrears mediation and night "
           "school; frame phrases of the lexicon hide theme claims: 会员队伍不断壮大 (队伍不断壮大 is frame, 会员 is in "
           "the facts) over a member total with no growth, 深化民主管理 (a frame phrase) over wage-arrears mediation")
_RAW_CLAIMS_GAP = ("checker finding: raw claim recall 16/29. " + _THEMES + "; likewise in sentences: 素质提升工程 "
                   "(twice), 教导员工树立紧迫感 (a reference's 安康杯 contest), and the system prompt's example lead "
                   "工会坚持把组织建设作为基础性工作来抓 where no fact is about organisation building (3 drafts); a "
                   "heading is judged whole: 开展金秋助学，帮助困难职工子女完成学业 names 金秋 (autumn, in a "
                   "Spring-Festival summary) but its other words are in the facts; words, not meaning: "
                   "确保困难职工得到及时的医疗帮助 after an 义诊 that served 职工 (困难 and 医疗 are in other facts). "
                   "Judging heading clauses one by one catches 金秋 but flags 送温暖工作温暖人心 and 聚焦困难职工家庭 in "
                   "final drafts")
_FINAL_CLAIMS_GAP = ("checker finding: final claim recall 0/9. The planner's headings and the template's leads pass: "
                     + _THEMES + "; template leads 扎实开展学习教育 (over a 职代会 and library books) and "
                     "扎实推进民主管理工作 (over wage-arrears mediation) are frame; heading 开展金秋助学 is judged whole; "
                     "and the model's 确保困难职工得到及时的医疗帮助 (words, not meaning) was kept by the pipeline")


@pytest.mark.parametrize("group", ["raw", "final"])
def test_every_labelled_wrong_number_is_flagged(group):
    assert _missed(group, "numbers") == []


@pytest.mark.parametrize("group", ["raw", "final"])
def test_every_labelled_artifact_is_flagged(group):
    assert _missed(group, "artifacts") == []


@pytest.mark.parametrize("group", [
    pytest.param("raw", marks=pytest.mark.xfail(strict=True, reason=_RAW_CLAIMS_GAP)),
    pytest.param("final", marks=pytest.mark.xfail(strict=True, reason=_FINAL_CLAIMS_GAP))])
def test_claim_recall(group):
    found, total = _recall(group, "claims")
    assert total == 0 or found / total >= CLAIM_RECALL, f"{found}/{total}, missed: {_missed(group, 'claims')}"


def test_final_drafts_raise_no_false_flag():
    false = [(m["case"]["request"], f) for m in _measured("final") for f in m["false"]]
    assert false == []


def test_final_drafts_without_labels_are_faithful():
    unlabelled = [m for m in _measured("final") if not any(m["case"]["expect"][kind] for kind in KINDS)]
    assert unlabelled and [m["case"]["request"] for m in unlabelled if not m["faithful"]] == []


if __name__ == "__main__":
    for group in ("raw", "final"):
        print(f"== {group}")
        for m in _measured(group):
            counts = " ".join(f"{k} {len(m['found'][k])}/{len(m['case']['expect'][k])}" for k in KINDS)
            print(f"{m['case']['request']:26} {counts}  false {len(m['false'])} {m['false']}")
        for kind in KINDS:
            print(kind, "%d/%d" % _recall(group, kind), "missed:", _missed(group, kind))
