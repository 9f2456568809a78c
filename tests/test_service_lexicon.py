"""A user's extra lexicon (DRAFTER_NUMBERS_LEXICON) reaches every check: the service's and the pipeline's."""

from __future__ import annotations

from drafter.models import DraftRequest
from drafter.pipeline.verify import check_section
from drafter.numcheck import lexicon_for
from drafter.service import DrafterService

FACTS = ["春节走访慰问困难职工86户，发放慰问金12.6万元"]
DRAFT = "我们深入推进九个一工程。春节走访慰问困难职工86户，发放慰问金12.6万元。"


def _request() -> DraftRequest:
    return DraftRequest(org="滨江区总工会", period="2025年", kind="专项总结", topic="送温暖", facts=FACTS)


def test_without_the_word_the_term_counts_as_an_invented_number(settings):
    service = DrafterService(settings)
    result = service.check_text(_request(), DRAFT)
    assert not result.ok
    assert [n.text for n in result.numbers if n.status == "unsupported"] == ["九个"]


def test_the_extra_lexicon_is_used_by_service_and_pipeline_checks(settings, tmp_path):
    words = tmp_path / "our_words.txt"
    words.write_text("九个一工程\n", encoding="utf-8")
    settings.numbers_lexicon = words
    service = DrafterService(settings)
    assert service.check_text(_request(), DRAFT).ok
    assert service.check(FACTS, DRAFT).ok
    section = check_section(FACTS, [], DRAFT, [1], lexicon_for(settings))
    assert section.ok and [n.text for n in section.numbers] == ["86户", "12.6万元"]
