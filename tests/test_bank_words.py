"""A bank heading's own matter (drafter/pipeline/bank_words.py): a noun that no other example writes, over facts that
do not write it, keeps the heading off the section; the examples' shared frame does not."""

from __future__ import annotations

from plan_support import embedder, example  # noqa: F401 - embedder: a fixture
from retrieval.heading_bank import HeadingBank

from drafter.pipeline.bank_words import FEWEST_EXAMPLES, own_matter

FACTS = ["完成基层工会换届选举4家", "工会经费收入326万元，支出291万元"]


# other unions' headings: the library's common frame, enough examples for a word's count to mean something
OTHERS = [example(f"other{n}.md", ["加强组织建设", "关心职工生活"]) for n in range(FEWEST_EXAMPLES)]


def bank_of(*examples):
    return HeadingBank(list(examples) + OTHERS, embedder=None)


def test_a_noun_of_one_example_only_is_its_own_matter():
    bank = bank_of(example("a.md", ["经费管理，进行基层工会经费集中核算", "规范经费管理"]),
                   example("b.md", ["规范经费管理", "加强组织建设"]))
    assert own_matter(bank, "经费管理，进行基层工会经费集中核算", FACTS) == ["核算"]
    assert own_matter(bank, "规范经费管理", FACTS) == []


def test_a_word_the_facts_write_is_theirs_to_head_with():
    bank = bank_of(example("a.md", ["经费管理，进行基层工会经费集中核算"]), example("b.md", ["规范经费管理"]))
    assert own_matter(bank, "经费管理，进行基层工会经费集中核算", FACTS + ["年内完成经费集中核算"]) == []


def test_a_noun_two_examples_write_is_shared_frame():
    bank = bank_of(example("a.md", ["完善工会组织架构"]), example("b.md", ["理顺工会组织架构，加强自身建设"]))
    assert own_matter(bank, "完善工会组织架构", FACTS) == []
    alone = bank_of(example("a.md", ["完善工会组织架构"]), example("b.md", ["加强工会组织建设"]))
    assert own_matter(alone, "完善工会组织架构", FACTS) == ["架构"]


def test_manner_words_are_not_matter():
    """Idioms, adjectives and verbs of one example are its manner, which the claim check judges as frame."""
    bank = bank_of(example("a.md", ["因地制宜，热情高涨"]), example("b.md", ["规范经费管理"]))
    assert own_matter(bank, "因地制宜，热情高涨", FACTS) == []


def test_a_small_library_says_nothing_of_its_words():
    few = HeadingBank([example("a.md", ["经费管理，进行基层工会经费集中核算"]), example("b.md", ["规范经费管理"])], None)
    assert own_matter(few, "经费管理，进行基层工会经费集中核算", FACTS) == []


def test_held_out_examples_do_not_count():
    """A bank without an example (the bench holds summaries out) counts only the examples it still has."""
    bank = bank_of(example("a.md", ["完善工会组织架构"]), example("b.md", ["理顺工会组织架构"]),
                   example("c.md", ["加强工会组织建设"]))
    assert own_matter(bank.without({"b.md"}), "完善工会组织架构", FACTS) == ["架构"]


def test_the_planner_leaves_such_a_heading_to_the_examples_it_belongs_to(embedder):
    from drafter.models import DraftRequest
    from drafter.pipeline.plan import Planner
    from drafter.settings import Settings
    from plan_support import BankLibrary

    library = BankLibrary(embedder, [example("a.md", ["经费管理，进行基层工会经费集中核算", "加强组织建设"]),
                                     example("b.md", ["加强组织建设和工会自身建设", "关心职工生活"]), *OTHERS])
    plan = Planner(Settings(), library).plan(DraftRequest(org="某公司工会", period="2025年", kind="年度总结", facts=FACTS))
    assert plan.body()
    assert not any("核算" in s.title for s in plan.body())
