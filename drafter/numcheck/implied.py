"""Words the kind of work a fact names makes expected (issue 19, session 22): drafter/data/implied_words.toml.

A faithful paraphrase names what every such event has, though no fact writes it: a camp's 营员 and 营地, a lecture's
主讲人 and 听众, a check-up's 医院, a match's 选手 and 赛场. `implied(word, text, lex)` answers whether the fact text
makes `word` expected: by the shipped table (trigger -> words), by a fact's own word and a site word (勘探现场 of 勘探),
or by a two-character word of the last character of a fact's activity or thing word and a role suffix (营员 of 夏令营,
球场 of 篮球联赛).
Characters of people, organisation and place words (工会, 职工, 市总工会) derive nothing, and a derived word that
jieba reads as a name (nr, ns, nt) or a verb, or that 词林 knows neither as people nor as a place, is not implied.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.wordclass import person_or_body, place_word
from drafter.numcheck.words import tag_of, words
from drafter.numcheck.faithlex import asserts

if TYPE_CHECKING:
    from drafter.numcheck.faithlex import FaithLexicon

_DATA = Path(__file__).resolve().parents[1] / "data" / "implied_words.toml"
_NAME_TAGS = ("nr", "ns", "nt")


@lru_cache(maxsize=1)
def lexicon() -> tuple[dict[str, frozenset[str]], frozenset[str], tuple[str, ...]]:
    """(trigger -> implied words, role suffix characters, site words) of the shipped file; the user's own [implied]
    table comes with the faithfulness lexicon (Settings.faithful_lexicon, `FaithLexicon.implied`)."""
    data = tomllib.loads(_DATA.read_text(encoding="utf-8"))
    table = {k: frozenset(v) for k, v in data.get("implied", {}).items()}
    return table, frozenset(data.get("suffixes", "")), tuple(data.get("sites", ()))


@lru_cache(maxsize=64)
def _expected(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(the table's words implied by `text`, the last characters of its activity and thing words: the heads 营 of
    夏令营, 球 of 篮球, 赛 of 比赛) for one fact text."""
    table = lexicon()[0]
    listed = frozenset(w for trigger, ws in table.items() if trigger in text for w in ws)
    heads = set()
    for line in text.split("\n"):
        for _, _, w, tag in words(line):
            if len(w) >= 2 and _lends_head(w, tag):
                heads.update((w[-1], w[1]) if len(w) == 4 else w[-1])  # 篮球联赛: 球 and 赛
    return listed, frozenset(heads)


def implied(word: str, text: str, lex: FaithLexicon | None = None) -> bool:
    """Does the fact text `text` make `word` expected (the table, a site after a fact's word, a role suffix on a
    fact word's head)? With
    `lex`, a word the faithfulness lexicon rules on itself (an [objects] word such as 会员, an act, honour or state
    word, a word with [kinds] such as 能手) is never derived: its own entries decide."""
    listed, heads = _expected(text)
    if word in listed or lex is not None and lex.implied and \
            any(word in words_ and trigger in text for trigger, words_ in lex.implied.items()):
        return True  # the shipped table, or the user's (her faithfulness lexicon's [implied])
    _, suffixes, sites = lexicon()
    if any(word.endswith(s) and len(word) - len(s) >= 2 and word[:-len(s)] in text for s in sites):
        return True  # 勘探现场 of 勘探
    if lex is not None and (word in lex.objects or word in lex.kinds or asserts(lex, word)):
        return False
    return len(word) == 2 and word[1] in suffixes and word[0] in heads and word[0] != word[1] \
        and not tag_of(word).startswith((*_NAME_TAGS, "v")) and _one_who_or_where(word)


def _lends_head(word: str, tag: str) -> bool:
    """A fact word naming an activity or thing: no person's, organisation's or place's word or name (夏令营, tagged
    nr by jieba but known to 词林 as a thing, is none)."""
    name = tag.startswith(("ns", "nt")) or tag.startswith("nr") and not cilin_classes().get(word)
    return not name and not person_or_body(word, "" if tag.startswith("nr") else tag) \
        and not place_word((0, 0, word, tag)) and not _institution(word)


def _institution(word: str) -> bool:
    """Does 词林 know `word` as an institution or organisation (Dm 学校, Di 工会) in any sense? Such a fact word lends
    no character (会 of 工会)."""
    return any(c.startswith(("Dm", "Di")) for c in cilin_classes().get(word, ()))


def _one_who_or_where(word: str) -> bool:
    """A derived word names who takes part or where (营员, 营地, 球场): 词林 knows it as people (A), space (Cb) or a
    venue (Dm07), or does not know it; never a word it knows only as an act (动员) or an organisation."""
    classes = cilin_classes().get(word, ())
    return not classes or any(c.startswith(("A", "Cb", "Dm07")) for c in classes)
