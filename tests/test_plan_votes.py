"""How the library's examples file a request's facts (retrieval/section_sentences.py, grouping.votes): each example
files a fact under its section holding the sentence nearest to it in meaning; facts the examples file together lean
together. Real facts of a summary from samples/, held out of the library (with its near-copies)."""

from __future__ import annotations

import itertools
import sys

import numpy as np
import pytest

from drafter.pipeline import grouping
from drafter.settings import PROJECT_ROOT
from retrieval.heading_bank import HeadingBank
from plan_support import embedder  # noqa: F401 - a fixture

sys.path.insert(0, str(PROJECT_ROOT / "bench"))
from plan_set import build, load_corpus  # noqa: E402

SAMPLES = PROJECT_ROOT / "samples"


@pytest.fixture(scope="module")
def held_out(library, embedder):
    """s002_02 (a school's summary: 师德 education, 校务公开, activities and care), its facts and sections, and the
    test library's heading bank (the shipped corpus, its sentences embedded at ingest) without it and its copies."""
    item = next(h for h in build(SAMPLES) if h.example_id == "s002_02.md")
    bank = library.heading_bank().without({item.example_id, *item.copies})
    raw = np.asarray(embedder.embed_passages(item.facts), dtype=np.float32)
    return item, bank, raw / np.linalg.norm(raw, axis=1, keepdims=True)


def test_the_examples_file_a_summarys_facts_more_often_together_within_its_sections(held_out):
    item, bank, vectors = held_out
    assert item.example_id not in set(bank.sentences.examples)
    votes = grouping.votes(bank, vectors)
    pairs = list(itertools.combinations(range(len(item.facts)), 2))
    within = [votes[a, b] for a, b in pairs if item.sections[a] == item.sections[b]]
    across = [votes[a, b] for a, b in pairs if item.sections[a] != item.sections[b]]
    assert np.mean(within) > np.mean(across) + 0.5  # measured 0.72 against -0.44 (standard deviations)


def test_the_votes_add_to_the_affinity(held_out):
    _, bank, vectors = held_out
    votes = grouping.votes(bank, vectors)
    keys = [None] * len(vectors)
    plain = grouping.affinity(vectors, keys, len(vectors))
    assert np.allclose(grouping.affinity(vectors, keys, len(vectors), filed=votes) - plain,
                       grouping.EXAMPLE_VOTES * votes)


def test_a_held_out_example_files_nothing(held_out, embedder):
    item, _, vectors = held_out
    bank = HeadingBank([e for e in load_corpus(SAMPLES) if e.id == item.example_id], embedder)
    assert bank.sentences.texts and bank.without({item.example_id}).sentences.filing(vectors) == []
    assert grouping.votes(bank.without({item.example_id}), vectors) is None


class _Recording:
    """A real embedder that records every text it is asked to embed."""

    def __init__(self, inner) -> None:
        self.inner, self.name, self.dim, self.texts = inner, inner.name, inner.dim, []

    def embed_passages(self, texts):
        self.texts += list(texts)
        return self.inner.embed_passages(texts)

    def embed_query(self, text):
        return self.inner.embed_query(text)


def test_an_ingest_embeds_the_examples_sentences_so_the_first_plan_need_not(tmp_path, embedder):
    import shutil
    import uuid

    from drafter.settings import Settings
    from retrieval.library import Library

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("s002_02.md", "s003_08.md"):
        shutil.copy(SAMPLES / name, corpus / name)
    recording = _Recording(embedder)
    settings = Settings(data_dir=tmp_path / "data", cache_dir=tmp_path / "cache",  # no bank vectors saved before
                        collection=f"t{uuid.uuid4().hex[:12]}", _env_file=None)
    library = Library(settings, embedder=recording)
    library.ingest([corpus], progress=False)
    sentences = library.heading_bank().sentences
    assert sentences.texts and set(sentences.texts) <= set(recording.texts)


def test_the_examples_votes_do_not_join_unrelated_areas(held_out):
    _, bank, vectors = held_out
    kin = np.ones((len(vectors), len(vectors)))
    kin[0, 6] = kin[6, 0] = 0.0  # 师德 education and 校务公开, as if of two unrelated themes
    votes = grouping.votes(bank, vectors, kin)
    assert votes[0, 6] == 0 and np.allclose(votes * kin, grouping.votes(bank, vectors) * kin)
