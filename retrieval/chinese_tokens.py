"""Chinese tokens for BM25: jieba search-mode segmentation without stopwords, punctuation and single characters."""

from __future__ import annotations

import logging
import marshal
import os
import sqlite3
import sys
import unicodedata
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

from retrieval.query_words import QUERY_MAX_CHARS, WordLookup

TOKENIZER_VERSION = "jieba-search/no-stopwords/no-single-chars/1"  # part of the BM25 signature: a change rebuilds
# jieba's prefix dictionary (FREQ, total) by the dictionary it was read from, once a process: reading it costs about
# 0.6 CPU-s, and every library (each service, each test's) warms a tokenizer; jieba's segmentation only reads it.
# jieba's default tokenizer (the number check's segmenter, drafter/numcheck/words.py) shares it: a process that both
# searches and checks (a server, `drafter draft`) read the same dict.txt twice before. Nothing adds words to either.
_DICTIONARIES: dict[str, tuple[dict[str, int], int]] = {}


def _load_stopwords() -> frozenset[str]:
    text = resources.files("retrieval").joinpath("data/stopwords_zh.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _is_noise(token: str) -> bool:
    """Whitespace and punctuation/symbol tokens."""
    return all(ch.isspace() or unicodedata.category(ch)[0] in "PSZC" for ch in token)


def _dictionary_version() -> str:
    """Identifies jieba's dictionary without importing jieba: the tokenizer version and dict.txt's size."""
    spec = find_spec("jieba")
    size = Path(spec.origin).with_name("dict.txt").stat().st_size if spec and spec.origin else 0
    return f"{TOKENIZER_VERSION}/dict-{size}"


def _import_jieba():
    """jieba, imported without pkg_resources: jieba falls back to plain open() for its dictionary when that
    import fails, and importing pkg_resources (deprecated) costs about 0.3 s of every CLI search's start."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None  # makes `import pkg_resources` raise ImportError, for this import only
    try:
        import jieba
    finally:
        if sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]
    return jieba


def _read_dictionary(tokenizer) -> None:
    """Initialise a jieba tokenizer from the dictionary this process read before (by a tokenizer of ours over any
    cache dir, or by jieba's default tokenizer), else read it; jieba's default tokenizer gets it too."""
    default = sys.modules["jieba"].dt
    key = tokenizer.dictionary or "jieba's dict.txt"
    if key not in _DICTIONARIES and default.initialized and default.dictionary == tokenizer.dictionary:
        _DICTIONARIES[key] = (default.FREQ, default.total)
    if key in _DICTIONARIES:
        tokenizer.FREQ, tokenizer.total = _DICTIONARIES[key]
        tokenizer.initialized = True
        _keep_cache_file(tokenizer)
    else:
        tokenizer.initialize()
        _DICTIONARIES[key] = (tokenizer.FREQ, tokenizer.total)
    with default.lock:
        if not default.initialized and default.dictionary == tokenizer.dictionary:
            default.FREQ, default.total = _DICTIONARIES[key]
            default.initialized = True


def _keep_cache_file(tokenizer) -> None:
    """Write the tokenizer's cache file when its cache dir has none yet (what jieba does after reading dict.txt), so
    a later process over this cache dir reads it quickly."""
    path = Path(tokenizer.tmp_dir) / tokenizer.cache_file
    if path.exists():
        return
    staging = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with open(staging, "wb") as out:
            marshal.dump((tokenizer.FREQ, tokenizer.total), out)
        staging.replace(path)
    except OSError:
        staging.unlink(missing_ok=True)


class ChineseTokenizer:
    """jieba search-mode segmentation without stopwords, punctuation and single characters (mostly function
    words or fragments in search mode; they add noise to BM25); the full dictionary is read once a process."""

    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = cache_dir
        self._jieba = None
        self.stopwords = _load_stopwords()
        self.words = WordLookup(cache_dir, _dictionary_version())

    def _segmenter(self):
        if self._jieba is None:
            jieba = _import_jieba()

            logging.getLogger("jieba").setLevel(logging.WARNING)  # no "Building prefix dict" chatter
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            tokenizer = jieba.Tokenizer()
            tokenizer.tmp_dir = str(self.cache_dir.resolve())
            tokenizer.cache_file = "jieba.cache"  # jieba joins it onto tmp_dir
            _read_dictionary(tokenizer)
            self._jieba = tokenizer
            if not self.words.ready():
                try:
                    self.words.build(tokenizer.FREQ, tokenizer.total)
                except (OSError, sqlite3.Error):
                    pass  # short texts then load the full dictionary too
        return self._jieba

    def _short_text_segmenter(self, text: str):
        """A jieba tokenizer holding only the dictionary entries inside `text` (None: use the full one)."""
        if self._jieba is not None or len(text) > QUERY_MAX_CHARS:
            return None
        found = self.words.subset(text)
        if found is None:
            return None
        tokenizer = _import_jieba().Tokenizer()
        tokenizer.FREQ, tokenizer.total = found
        tokenizer.initialized = True
        return tokenizer

    def tokens(self, text: str) -> list[str]:
        text = text.lower()
        words = (self._short_text_segmenter(text) or self._segmenter()).lcut_for_search(text)
        return [w for w in (w.strip() for w in words)
                if len(w) > 1 and w not in self.stopwords and not _is_noise(w)]

    def warm(self) -> None:
        self._segmenter()
