"""The claim pair set of session 20 and its probe (bench/claim_judge_probe.py): well formed, every variant renders."""

import json
from pathlib import Path

from bench.claim_judge_probe import PAIRS, VARIANTS, halves, marked_clause, messages, scored

ROOT = Path(__file__).resolve().parents[1]


def _pairs() -> list[dict]:
    return json.loads(PAIRS.read_text(encoding="utf-8"))["pairs"]


def test_pairs_are_labelled_and_marked_in_their_clause():
    pairs = _pairs()
    assert {p["label"] for p in pairs} == {"faithful", "invented"}
    assert len({p["id"] for p in pairs}) == len(pairs)
    hand = [p for p in pairs if p["source"] == "hand"]
    assert sum(p["label"] == "faithful" for p in hand) >= 30 and sum(p["label"] == "invented" for p in hand) >= 30
    assert all(p["marked"] in p["clause"] for p in hand) and all(p["facts"] and p["marked"] for p in pairs)
    assert not any("heldout1" in p["source"] and p["source"] not in ("strong_heldout10.json", "strong_heldout11.json",
                                                                     "strong_heldout12.json") for p in pairs)


def test_marked_clause_brackets_the_flagged_words():
    pair = {"clause": "联合爱心企业为环卫工人送去爱心早餐。", "marked": "联合爱心企业"}
    assert marked_clause(pair) == "【联合爱心企业】为环卫工人送去爱心早餐。"
    assert marked_clause({"clause": "并组织召开，", "marked": "召开成果发布会"}) == "并组织召开，（【召开成果发布会】）"


def test_every_variant_renders_for_every_scored_pair():
    pairs = scored(_pairs())
    for variant in VARIANTS:
        for pair in pairs[::25]:
            system, user = messages(variant, pair)
            assert system["role"] == "system" and pair["clause"].rstrip("。，；") in user["content"].replace("【", "") \
                .replace("】", "")


def test_halves_alternate_within_each_label():
    pairs = [{"label": lab, "id": str(n)} for n, lab in enumerate("ffiifi")]
    first, second = halves(pairs)
    assert [p["id"] for p in first] == ["0", "2", "4", "5"] and [p["id"] for p in second] == ["1", "3"]
