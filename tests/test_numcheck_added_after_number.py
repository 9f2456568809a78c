"""A qualifier written between a number's measure word and the thing it counts (issue 19, session 12): 23家非公企业
for 23家企业 is an added object; the number and its measure word open the object as a verb does."""

from drafter.numcheck.match import check

FACTS = ["推动23家企业开展劳动关系和谐企业创建活动"]


def _notes(draft):
    return [c.note for c in check(FACTS, draft).claims]


def test_a_qualifier_after_the_measure_word_is_an_added_object():
    notes = _notes("推动23家非公企业积极开展劳动关系和谐企业创建活动。")
    assert any(n.startswith('对象"非公"事实中没有') for n in notes), notes


def test_the_counted_thing_as_the_facts_write_it_is_no_claim():
    assert _notes("推动23家企业积极开展劳动关系和谐企业创建活动，以点带面推动劳动关系和谐稳定。") == []
