"""The sentences of the library's example sections, each with the example and the top-level section it stands in:
how the examples' authors filed their facts. The planner asks, for a list of facts, how each example would file
them (`filing`: every fact to the example's section holding the sentence nearest to it in meaning), and groups
together the facts the examples file together (drafter/pipeline/grouping.py, `votes`).

Embedded once per bank (beside the heading bank's vectors, cached on disk by content), at the first plan that asks.
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

import numpy as np

from retrieval.chunking import structure
from retrieval.models import Example
from textkit.headings import classify, without_number
from textkit.sentences import split_sentences

SHORTEST, LONGEST = 12, 100  # a sentence of content, not a fragment or a paragraph run together


def body_sentences(lines: list[str]) -> list[str]:
    """The sentences of a section's lines, stripped: pure heading lines left out, a numbered paragraph's number
    dropped (bench/plan_set.py takes its facts from them too)."""
    found = []
    for line in lines:
        heading = classify(line)
        if heading is not None and heading.pure:
            continue
        found += [s.strip() for s in split_sentences(without_number(line) if heading is not None else line)]
    return found


def _sentences(lines: list[str]) -> list[str]:
    return [s for s in body_sentences(lines) if SHORTEST <= len(s) <= LONGEST]


class SectionSentences:
    def __init__(self, examples: list[Example], embedder=None, cache_dir: Path | None = None) -> None:
        self.embedder = embedder
        self.cache_dir = cache_dir
        self.texts: list[str] = []
        self.examples: list[str] = []  # each sentence's example id
        self.sections: list[int] = []  # … and its top-level section's index in that example
        self._vectors: np.ndarray | None = None
        self._lock = threading.Lock()
        self._within: tuple[SectionSentences, list[int]] | None = None  # (all sentences, those kept) after without()
        for example in examples:
            tops: list[tuple[str, ...]] = []
            for block in structure(example.text):
                if block.role != "body" or not block.path:
                    continue
                if block.path[0] not in tops:
                    tops.append(block.path[0])
                for sentence in _sentences(block.lines):
                    self.texts.append(sentence)
                    self.examples.append(example.id)
                    self.sections.append(len(tops) - 1)

    def vectors(self) -> np.ndarray | None:
        """The sentences' embeddings (normalised rows), computed at first use; None without an embedder."""
        if self.embedder is None or not self.texts:
            return None
        if self._within is not None:
            whole, keep = self._within
            vectors = whole.vectors()
            return vectors[keep] if vectors is not None else None
        with self._lock:
            if self._vectors is None and self.cache_dir is not None:
                try:
                    cached = np.load(self._cache_path())
                    self._vectors = cached if cached.shape[0] == len(self.texts) else None
                except (OSError, ValueError):
                    pass
            if self._vectors is None:
                raw = np.asarray(self.embedder.embed_passages(self.texts), dtype=np.float32)
                self._vectors = raw / np.maximum(np.linalg.norm(raw, axis=1, keepdims=True), 1e-9)
                self._store()
        return self._vectors

    def _cache_path(self) -> Path:
        texts = "\n".join(self.texts)
        digest = hashlib.sha1(f"{getattr(self.embedder, 'name', '')}\n{texts}".encode("utf-8")).hexdigest()[:16]
        return self.cache_dir / f"section_sentences-{digest}.npy"

    def _store(self) -> None:
        if self.cache_dir is None:
            return
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            temporary = self._cache_path().with_suffix(f".{os.getpid()}.tmp.npy")
            np.save(temporary, self._vectors)
            temporary.replace(self._cache_path())
        except OSError:
            pass  # a cache only

    def filing(self, facts: np.ndarray) -> list[np.ndarray]:
        """For each example of two or more sections: the section it would file each fact under (the one holding
        the sentence nearest to the fact; `facts` are normalised vectors). [] without vectors."""
        vectors = self.vectors()
        if vectors is None or len(facts) == 0:
            return []
        sims = facts @ vectors.T
        examples, sections = np.asarray(self.examples), np.asarray(self.sections)
        filings = []
        for example in dict.fromkeys(self.examples):
            mine = examples == example
            if len(set(sections[mine])) < 2:
                continue
            filings.append(sections[mine][np.argmax(sims[:, mine], axis=1)])
        return filings

    @property
    def whole(self) -> "SectionSentences":
        """The whole library's sentences these were cut from by `without` (these themselves when not cut)."""
        return self._within[0] if self._within is not None else self

    def without(self, example_ids: set[str]) -> "SectionSentences":
        """The same sentences without some examples' (their vectors reused)."""
        other = SectionSentences([], self.embedder)
        keep = [i for i, e in enumerate(self.examples) if e not in example_ids]
        other.texts = [self.texts[i] for i in keep]
        other.examples = [self.examples[i] for i in keep]
        other.sections = [self.sections[i] for i in keep]
        other._within = (self, keep)  # embedded (once, for all) only when a plan asks
        return other
