"""The likelihood probe of session 21 (bench/claim_lift_probe.py): segments, neutral facts and scores, no model."""

from bench.claim_lift_probe import features, load, others, segments
from drafter.pipeline.prompting import render


def test_segments_cut_the_sentence_at_the_clause_and_the_marked_words():
    pair = {"sentence": "召开职代会，公司党委书记到会讲话，审议通过办法。", "clause": "公司党委书记到会讲话，",
            "marked": "党委书记"}
    assert segments(pair) == ("召开职代会，", "公司", "党委书记", "到会讲话，")
    assert segments({**pair, "marked": "赴杭州"}) == ("召开职代会，", "公司党委书记到会讲话，", "", "")


def test_neutral_facts_share_no_bigram_with_the_pair():
    pairs = load("claims")
    neutral = others(pairs)
    assert set(neutral) == {p["id"] for p in pairs}
    for p in pairs[::20]:
        assert neutral[p["id"]] != p["facts"]
        assert not {a + b for a, b in zip(p["clause"], p["clause"][1:])} & \
            {a + b for f in neutral[p["id"]] for a, b in zip(f, f[1:])}


def test_item_pairs_read_the_draft_as_sentence_clause_and_marked_words():
    pairs = load("items")
    assert {p["label"] for p in pairs} == {"faithful", "invented"}
    assert all(p["sentence"] == p["clause"] == p["marked"] and p["facts"] == [p["fact"]] for p in pairs)


def test_lift_compares_the_facts_context_with_each_base():
    row = {"facts": {"marked": [-1.0, -2.0], "clause": [-3.0, -1.0, -2.0]},
           "none": {"marked": [-4.0, -1.0], "clause": [-3.0, -4.0, -1.0]},
           "other": {"marked": [-2.0, -2.0], "clause": [-1.0, -2.0, -2.0]}}
    f = features(row)
    assert f["lift/none marked sum"] == 2.0 and f["lift/none marked min"] == -1.0
    assert f["lift/other marked mean"] == 0.5 and f["lift/other clause sum"] == -1.0
    assert f["lp marked mean"] == -1.5


def test_the_plain_frame_differs_only_by_the_facts():
    with_facts, without = render("claim_lift_plain.j2", facts=["甲", "乙"]), render("claim_lift_plain.j2", facts=[])
    assert with_facts.endswith(without) and "甲；乙" in with_facts and "事实" not in without
