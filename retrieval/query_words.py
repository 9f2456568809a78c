"""Tokenise a short text (a search query) with jieba without loading its whole dictionary.

Loading jieba's dictionary (about 500 000 words and prefixes) is most of a CLI search's start. Segmenting a text
only ever looks up substrings of that text (jieba's DAG, its route and its search-mode n-grams), so a tokenizer
given just those dictionary entries, and the dictionary's total, cuts the text exactly as the full one does.
The entries live in a small SQLite table, written once when the full dictionary is loaded (at ingest).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

LOOKUP_FILE = "jieba_words.sqlite"
QUERY_MAX_CHARS = 300  # longer texts load the full dictionary (a subset would need too many lookups)
_BATCH = 900  # SQLite variables per statement


class WordLookup:
    """jieba's dictionary (word → frequency, prefixes at 0) as a table, read one text's substrings at a time."""

    def __init__(self, cache_dir: Path, version: str) -> None:
        self.path = Path(cache_dir) / LOOKUP_FILE
        self.version = version

    def ready(self) -> bool:
        return self._meta() is not None

    def build(self, freq: dict[str, int], total: int) -> None:
        """Write the table (atomically: a half-written file is never read)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(f".{os.getpid()}.part")
        partial.unlink(missing_ok=True)
        with sqlite3.connect(partial) as db:
            db.execute("CREATE TABLE words (word TEXT PRIMARY KEY, freq INTEGER NOT NULL) WITHOUT ROWID")
            db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            db.executemany("INSERT INTO words VALUES (?, ?)", freq.items())
            longest = max((len(word) for word in freq), default=1)
            db.executemany("INSERT INTO meta VALUES (?, ?)",
                           [("total", str(total)), ("longest", str(longest)), ("version", self.version)])
        db.close()
        os.replace(partial, self.path)

    def _meta(self) -> dict[str, str] | None:
        if not self.path.is_file():
            return None
        try:
            with sqlite3.connect(f"file:{self.path}?mode=ro", uri=True) as db:
                meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
            db.close()
        except sqlite3.Error:
            return None
        return meta if meta.get("version") == self.version else None

    def subset(self, text: str) -> tuple[dict[str, int], int] | None:
        """(the dictionary entries that are substrings of `text`, the dictionary's total), or None if not built."""
        meta = self._meta()
        if meta is None:
            return None
        longest = int(meta["longest"])
        grams = sorted({text[i:j] for i in range(len(text)) for j in range(i + 1, min(len(text), i + longest) + 1)})
        freq: dict[str, int] = {}
        with sqlite3.connect(f"file:{self.path}?mode=ro", uri=True) as db:
            for start in range(0, len(grams), _BATCH):
                part = grams[start:start + _BATCH]
                sql = f"SELECT word, freq FROM words WHERE word IN ({','.join('?' * len(part))})"
                freq.update(db.execute(sql, part).fetchall())
        db.close()
        return freq, int(meta["total"])
