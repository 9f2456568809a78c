"""A model's heading read by meaning (issue 20, session 24): which of its content words its section's facts say,
in their own words or by what they are.

A strong model names the work a section's facts share, often in a word no fact writes: 丰富职工文化生活 over a
联欢会 and a 运动会, 维护职工权益 over a 集体合同 and a 劳动争议调解. Such a word is said by the facts when
- a fact writes it, or one of its 词林 synonyms (numcheck/synonyms.py) or the draft's synonym groups (synonyms.toml:
  获评 of 荣获), or, for a verb, a verb of its small 词林 class (帮扶 of 扶贫), or its two words, when it is a
  compound no fact writes (困难职工, 队伍素质), or
- it is a word naming the area of a theme (themes.toml: the words of the headings and short names its facts
  justify; not its keywords, which name one instance of its work: 运动会 is no 书画展) that at least `THEME_SHARE`
  of the facts are clearly of (they write its keywords, in its sense: Theme.keyword_score): 文化 and 生活 over
  facts of 文体 work, not 竞赛 over facts of study alone.
A word said neither way is the model's own (基金 over 慰问 facts, 全国一流 over a 职工之家).

Summary verbs (drafter/data/summary_verbs.toml: 构建, 关爱, 培养, 促进 …) are frame, as 加强 and 提高 are: they
say how the work was done, not which work. An idiom (jieba's tag i: 创先争优) is a content word when its facts say
it (创先进，争优秀 write both its halves), frame otherwise (排忧解难 names no work of its own). A name, quoted by the
heading or by a fact and written by the heading (“创争”活动), is one content word however the dictionary cuts it.

`relevant` is heading_rules.relevant read so: the heading's content words are words (not character pairs that
cross two words: 习培 of 学习培训), at least half of the facts say one of them, and enough of them are said.
"""

from __future__ import annotations

import math
from functools import lru_cache

from drafter.numcheck import jiebacut
from drafter.numcheck.faithlex import load_faith
from drafter.numcheck.synonyms import cilin_aliases, cilin_classes, hand_aliases
from drafter.numcheck.words import words
from drafter.pipeline.backing import reported
from drafter.pipeline.heading_rules import QUOTED, SHARED, STOP_BIGRAMS, bare, summary_verbs
from drafter.pipeline.theme_titles import MINOR
from drafter.pipeline.themes import Theme, load_book
from drafter.pipeline.titling import ACT

THEME_SHARE = 0.2  # a theme's words are the facts' when this share of them (one at least) is clearly of it


def content_words(heading: str, acts: bool = False) -> list[str]:
    """The heading's nouns, verbs, adjectives and set phrases of two characters or more, beyond the frame words
    (加强, 工作 …); without `acts`, also beyond the acts that name no theme's work (参加, 发布; but 慰问, 帮扶, 培训 are
    the work): the words that say which facts it speaks of."""
    keywords, frame = _keywords(), summary_verbs()
    found = [word for _, _, word, tag in words(bare(heading)) if len(word) >= 2 and tag[:1] in "nvali"
             and word not in STOP_BIGRAMS and word not in frame
             and (acts or word in keywords or not ACT.fullmatch(word))]
    return list(dict.fromkeys(found))


def _meant(heading: str, facts: list[str], themed: frozenset[str], synonyms: set[str],
           acts: bool = False) -> list[str]:
    """The heading's content words, its idioms only where the facts say them (see the module docstring)."""
    idioms = {word for _, _, word, tag in words(bare(heading)) if tag == "i"}
    found = [word for word in content_words(heading, acts)
             if word not in idioms or said(word, facts, themed, synonyms)]
    return list(dict.fromkeys(found + names(heading, facts)))


def names(heading: str, facts: list[str]) -> list[str]:
    """The names the heading quotes (深化“创争”活动) and those a fact quotes that the heading writes (深化创争活动
    over a fact's “创争”活动): each one content word, however the dictionary cuts it (创 争); frame words aside."""
    key, frame = bare(heading), summary_verbs()
    found = QUOTED.findall(heading) + [name for fact in facts for name in QUOTED.findall(fact) if bare(name) in key]
    return [name for name in dict.fromkeys(found) if len(bare(name)) >= 2 and name not in STOP_BIGRAMS
            and name not in frame]


def theme_words(facts: list[str]) -> frozenset[str]:
    """The words of the themes at least THEME_SHARE of the facts are clearly of (see the module docstring)."""
    needed = max(1, math.ceil(THEME_SHARE * len(facts)))
    out: set[str] = set()
    for theme, own in _clear(facts).items():
        if len(own) >= needed:
            out |= _vocabulary(theme, tuple(own))
    return frozenset(out)


def spans(heading: str, facts: list[str]) -> bool:
    """Over facts of several themes the heading speaks of each theme holding MINOR of them (theme_titles.spans, read
    by meaning): it says a word naming the theme's area (服务 of 服务职工 over 帮扶 facts), or a word at least half of
    the theme's facts write, or write both words of (安全检查 of 安全生产检查; one fact's 运动会 speaks for no 书画展).
    A fact counts under the theme its keywords speak for most."""
    found = set(content_words(heading))
    for theme, own in _clear(facts, best_only=True).items():
        if len(own) < MINOR * len(facts) or found & _vocabulary(theme, tuple(own)):
            continue
        if not any(2 * sum(1 for fact in own if said(word, [fact], frozenset(), set())) >= len(own)
                   for word in found):  # written, or a compound's two words (安全检查 of 安全生产检查)
            return False
    return True


def _clear(facts: list[str], best_only: bool = False) -> dict[Theme, list[str]]:
    """The general themes (not a 专项总结's) each fact writes the keywords of, in their sense; with `best_only`, only
    the one its keywords speak for most."""
    themes = [t for t in load_book().themes if not t.topics]
    out: dict[Theme, list[str]] = {}
    for fact in facts:
        scored = [(t.keyword_score(fact), t) for t in themes]
        scored = [(score, t) for score, t in scored if score > 0]
        if best_only and scored:
            scored = [max(scored, key=lambda pair: pair[0])]
        for _, theme in scored:
            out.setdefault(theme, []).append(fact)
    return out


def synonyms_of(facts: list[str]) -> set[str]:
    """The synonyms of the facts' words: 词林's tight groups (numcheck/synonyms.py) and the groups a draft may write
    for each other (drafter/data/synonyms.toml: 获评 for 荣获, 征集 for 收集), as the claim check reads them."""
    text = "\n".join(facts)
    return cilin_aliases(text) | hand_aliases(text, load_faith().synonyms)


def said(word: str, facts: list[str], themed: frozenset[str], synonyms: set[str]) -> bool:
    """`word` or, for a compound no fact writes (困难职工, 队伍素质), each of its two dictionary words is said; a half
    that is a frame word (深入 of 深入基层, 构建 of 构建机制) needs no saying, the other does."""
    if _plainly_said(word, facts, themed, synonyms):
        return True
    parts = [part for part in _halves(word) if part not in STOP_BIGRAMS and part not in summary_verbs()]
    return bool(parts) and all(_plainly_said(part, facts, themed, synonyms) for part in parts)


def _plainly_said(word: str, facts: list[str], themed: frozenset[str], synonyms: set[str]) -> bool:
    return word in themed or word in synonyms or any(word in fact for fact in facts) \
        or any(_verb_kin(word) & _verb_classes(fact) for fact in facts)


@lru_cache(maxsize=1 << 12)
def _verb_kin(word: str) -> frozenset[str]:
    """The small 词林 classes of `word` when it is one verb (帮扶: Hi36A, help); else none."""
    cut = words(word)
    return cilin_classes().get(word, frozenset()) if len(cut) == 1 and cut[0][3][:1] == "v" else frozenset()


@lru_cache(maxsize=1 << 14)
def _verb_classes(fact: str) -> frozenset[str]:
    """The small 词林 classes of the verbs (2+ characters) a fact writes: a heading's verb of one of them says the
    same act in other words (帮扶 of 扶贫, 举办 of 开办), as the claim check reads a verb replaced (itemsense)."""
    return frozenset(c for _, _, word, tag in words(fact) if len(word) >= 2 and tag[:1] == "v"
                     for c in cilin_classes().get(word, ()))


def _halves(word: str) -> list[str]:
    """A compound of four characters or more as its two words of the dictionary (生活必需品 -> 生活, 必需品); [] when
    it splits into none."""
    freq = jiebacut.dictionary()[0]
    for cut in range(2, len(word) - 1):
        if freq.get(word[:cut]) and freq.get(word[cut:]):
            return [word[:cut], word[cut:]]
    return []


def unsaid(heading: str, facts: list[str]) -> list[str]:
    """The heading's content words its facts do not say, in their words or by meaning."""
    themed, synonyms = theme_words(facts), synonyms_of(facts)
    return [word for word in _meant(heading, facts, themed, synonyms) if not said(word, facts, themed, synonyms)]


def relevant(heading: str, facts: list[str]) -> bool:
    """At least half of the facts (two of a larger section) say one of the heading's content words (a fact writing
    it or a synonym, or a fact clearly of a theme whose words hold it; not a mere act: 参加 of 参加无偿献血 speaks of
    no other fact), and at least SHARED of its words, acts too (two at least), are said."""
    themed, synonyms = theme_words(facts), synonyms_of(facts)
    found = _meant(heading, facts, themed, synonyms)
    spoken_words = _meant(heading, facts, themed, synonyms, acts=True)
    if not found:
        return False
    holding = sum(1 for fact in facts if _holds(fact, found))
    spoken = sum(1 for word in spoken_words if said(word, facts, themed, synonyms))
    needed = max(min(2, len(facts)), math.ceil(len(facts) / 2))
    return holding >= needed and spoken >= max(min(2, len(spoken_words)), SHARED * len(spoken_words))


def _holds(fact: str, found: list[str]) -> bool:
    """The fact says one of the words, or a content half of a compound (调查 of 问卷调查, 干部 of 干部队伍: it
    speaks of the same work; not 职工 of 困难职工)."""
    text = reported(fact)  # a body's name, an honour, a goal back no heading (backing.py)
    themed, synonyms = theme_words([fact]), synonyms_of([text])
    halves = [half for word in found for half in _halves(word) if half not in STOP_BIGRAMS
              and half not in summary_verbs()]
    return any(said(word, [text], themed, synonyms) for word in found + halves)


@lru_cache(maxsize=1)
def _keywords() -> frozenset[str]:
    return frozenset(word for theme in load_book().themes for word in theme.keywords)


@lru_cache(maxsize=1 << 12)
def _vocabulary(theme: Theme, own: tuple[str, ...]) -> frozenset[str]:
    """The words naming a theme's area: those of the headings and short names these facts justify (丰富, 文化, 生活 of
    丰富职工文化生活), not its keywords, which name one instance of its work (运动会 names no 书画展)."""
    phrases = [*theme.titles_for(list(own)), *theme.shorts_for(list(own))]
    found = [word for phrase in phrases for _, _, word, _ in words(phrase) if len(word) >= 2]
    return frozenset(found + [half for word in found for half in _halves(word)])  # 合法权益: 权益 too
