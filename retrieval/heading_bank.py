"""The heading bank: every section heading of the example library, normalised by its numbering ("三、强化组织建设，
会员队伍不断壮大" and "（二）强化组织建设,会员队伍不断壮大" are one entry), with where it stands in its example (level,
relative position among the example's top-level headings) and whether that example numbers sub-sections.

The planner asks it for the headings nearest in meaning to a group of facts (`nearest`), to title and order
sections the way the examples do. Entries are embedded once per bank (one bank per library and chunk set).
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from retrieval.chunking import structure
from retrieval.models import Example
from retrieval.section_sentences import SectionSentences
from textkit.headings import numbering, without_number
from textkit.sentences import COLONS, COMMAS, ENUM_COMMA, FULL_STOP, SENTENCE_ENDS, balanced, char_class

SHORTEST, LONGEST = 4, 24
_CUT = re.compile(char_class(SENTENCE_ENDS + COLONS))
_PAIRED = re.compile(r'"([^"]*)"')  # "温暖之家" -> “温暖之家”
_ASCII_PUNCT = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）", '"': "”", " ": ""})
_UNUSABLE = re.compile(r"[0-9０-９a-zA-Z×_]|篇[一二三四五六七八九十]|总结|上半年|下半年|年度|范文|第[一二三四五六七八九十]")


_IN_RESPECT = re.compile(r"^在(.{4,}?)方面(?:的工作)?$")  # 在送温暖、扶贫帮困方面: a sentence's frame, not a heading's


def normalise(heading: str) -> str:
    """A heading without its number, trailing punctuation and wrapping quotes; ASCII punctuation as full-width;
    "在X方面" as X."""
    text = without_number(_PAIRED.sub(r"“\1”", heading.strip())).translate(_ASCII_PUNCT).strip(COLONS + ENUM_COMMA + COMMAS + FULL_STOP + " \t")
    text = _CUT.split(text, 1)[0].strip("，、 ")
    return _IN_RESPECT.sub(r"\1", text)


@dataclass(frozen=True)
class BankHeading:
    text: str
    example_id: str
    kind: str
    level: int  # 0: top-level section, 1: sub-section
    position: float  # relative position among the example's top-level headings (0 first … 1 last)


@dataclass
class ExampleShape:
    """How an example is built: its top-level headings' count and whether it numbers sub-sections (（一）1、)."""
    sections: int
    sub_sections: bool


class HeadingBank:
    def __init__(self, examples: list[Example], embedder=None, cache_dir: Path | None = None) -> None:
        self.embedder = embedder
        self.cache_dir = cache_dir
        self.entries: list[BankHeading] = []
        self.shapes: dict[str, ExampleShape] = {}
        self._vectors: np.ndarray | None = None
        self._lock = threading.Lock()
        self.sentences = SectionSentences(examples, embedder, cache_dir)  # how the examples file their facts
        self._build(examples)

    def _build(self, examples: list[Example]) -> None:
        seen: set[tuple[str, str]] = set()
        for example in examples:
            paths = [b.path for b in structure(example.text) if b.role == "body" and b.path]
            tops = list(dict.fromkeys(p[0] for p in paths))
            self.shapes[example.id] = ExampleShape(len(tops), any(numbering(h) for p in paths for h in p[1:]))
            for path in paths:
                position = tops.index(path[0]) / max(1, len(tops) - 1)
                for level, raw in enumerate(path[:2]):
                    text = normalise(raw)
                    if not (SHORTEST <= len(text) <= LONGEST) or _UNUSABLE.search(text) or text.endswith("的") \
                            or not balanced(text):  # a run-in heading cut inside its quote: 开展了“增强发展意识
                        continue
                    if (example.id, text) not in seen:
                        seen.add((example.id, text))
                        self.entries.append(BankHeading(text, example.id, example.kind, level, position))

    def vectors(self) -> np.ndarray | None:
        """The entries' embeddings (normalised rows), computed at first use; None without an embedder."""
        if self.embedder is None or not self.entries:
            return None
        with self._lock:
            if self._vectors is None:
                self._vectors = self._cached() if self.cache_dir else None
            if self._vectors is None:
                raw = np.asarray(self.embedder.embed_passages([e.text for e in self.entries]), dtype=np.float32)
                self._vectors = raw / np.maximum(np.linalg.norm(raw, axis=1, keepdims=True), 1e-9)
                self._store()
        return self._vectors

    def _cache_path(self) -> Path:
        texts = "\n".join(e.text for e in self.entries)
        digest = hashlib.sha1(f"{getattr(self.embedder, 'name', '')}\n{texts}".encode("utf-8")).hexdigest()[:16]
        return self.cache_dir / f"heading_bank-{digest}.npy"

    def _cached(self) -> np.ndarray | None:
        """The vectors saved by an earlier process for the same headings and embedder (a fresh CLI run does not
        embed the bank again)."""
        try:
            vectors = np.load(self._cache_path())
        except (OSError, ValueError):
            return None
        return vectors if vectors.shape[0] == len(self.entries) else None

    def _store(self) -> None:
        if self.cache_dir is None:
            return
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            temporary = self._cache_path().with_suffix(f".{os.getpid()}.tmp.npy")  # the cache dir may be shared
            np.save(temporary, self._vectors)
            temporary.replace(self._cache_path())
        except OSError:
            pass  # a cache only: the next process embeds again

    def nearest(self, query: np.ndarray, k: int = 12, hidden: frozenset[str] = frozenset()) -> list[tuple[BankHeading, float]]:
        """The k entries nearest in meaning to `query` (a normalised vector), best first, one per text."""
        vectors = self.vectors()
        if vectors is None:
            return []
        sims = vectors @ query
        found: list[tuple[BankHeading, float]] = []
        texts: set[str] = set()
        for index in np.argsort(-sims):
            entry = self.entries[int(index)]
            if entry.example_id in hidden or entry.text in texts:
                continue
            texts.add(entry.text)
            found.append((entry, float(sims[index])))
            if len(found) >= k:
                break
        return found

    def keeping(self, kept) -> "HeadingBank":
        """The same bank with only the headings `kept(text)` keeps (the planner's: none generic), vectors reused."""
        bank = HeadingBank([], self.embedder)
        keep = [i for i, e in enumerate(self.entries) if kept(e.text)]
        bank.entries, bank.shapes, bank.sentences = [self.entries[i] for i in keep], self.shapes, self.sentences
        vectors = self.vectors()
        bank._vectors = vectors[keep] if vectors is not None else None
        return bank

    def without(self, example_ids: set[str]) -> "HeadingBank":
        """The same bank without some examples' headings (their vectors reused)."""
        bank = HeadingBank([], self.embedder)
        keep = [i for i, e in enumerate(self.entries) if e.example_id not in example_ids]
        bank.entries = [self.entries[i] for i in keep]
        bank.shapes = {k: v for k, v in self.shapes.items() if k not in example_ids}
        bank.sentences = self.sentences.without(example_ids)
        vectors = self.vectors()
        bank._vectors = vectors[keep] if vectors is not None else None
        return bank
