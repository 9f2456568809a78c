"""Retrieval quality on the labelled query set (tests/data/queries.json) over the shipped samples."""

from __future__ import annotations

import pytest

from drafter.settings import PROJECT_ROOT
from retrieval.evaluation import QUERY_KINDS, QuerySet, precision_table

QUERIES = QuerySet(PROJECT_ROOT / "tests" / "data" / "queries.json")


def test_query_set_is_well_formed():
    for topic in QUERIES.topics:
        for kind in QUERY_KINDS:
            assert sum(q["topic"] == topic and q["kind"] == kind for q in QUERIES.queries) >= 3, (topic, kind)
    for item in QUERIES.queries:
        shared = [term for term in QUERIES.topics[item["topic"]] if term in item["query"]]
        if item["kind"] == "keyword":
            assert shared, item
        else:
            assert not shared, item  # paraphrases share no topic keyword


def test_every_topic_has_relevant_chunks_in_the_samples(library):
    texts = [c.text for e in library.list_examples() for c in library.example_chunks(e.id)]
    for topic in QUERIES.topics:
        assert sum(QUERIES.is_relevant(topic, t) for t in texts) >= 10, topic


@pytest.fixture(scope="module")
def table(library):
    return precision_table(library, QUERIES, k=5)


@pytest.mark.parametrize("kind", QUERY_KINDS)
def test_hybrid_is_at_least_as_good_as_the_better_single_ranking(table, kind):
    assert table["hybrid"][kind] >= max(table["bm25"][kind], table["dense"][kind])


def test_hybrid_is_clearly_better_than_bm25_on_paraphrases(table):
    assert table["hybrid"]["paraphrase"] >= table["bm25"]["paraphrase"] + 0.1
