"""An effect or honour credited to work its fact does not credit (session 23): sentence scope.

A fact's effect or honour is said of that fact's work: "总之由于领导重视，工会组织得力，这些成绩的取得无疑为我市法院争了光".
A draft sentence that attaches the same effect to other work ("工会通过加强学习教育和自身建设，…，为法院争了光") says
something no fact says, though every word of it is the facts'. So a clause after the first of a sentence that
states an effect (effects.py's tail), an honour (荣获, 被评为 …) or a credit (为…作出贡献, 为…争光, 受到…好评) and
takes its concrete words from the facts is supported only when one of the facts it comes from (the facts sharing
most of its content bigrams) also writes a concrete word of the work the sentence attaches it to (the clauses
before it). Only a fact that states an effect, honour or credit in a clause of its own can be such a source (评选岗位能手9名
states none, so 其中9人被评为岗位能手 after a contest stands). Work said in frame words alone (通过扎实有效的工作) names nothing to compare: the clause stands; so does
a fact's own sentence, and a clause with no causative, honour, credit or [effect] verb is not read further (a
词林 result verb alone, 鼓舞, opens no effect here).
"""

from __future__ import annotations

import re
from functools import lru_cache

from drafter.models import Claim
from drafter.numcheck.effects import effect_start
from drafter.numcheck.rolewords import Reader
from drafter.numcheck.support import Support
from drafter.numcheck.things import HONOUR_MARKS
from drafter.numcheck.trie import trie_pattern
from drafter.numcheck.words import words as clause_words
from textkit.sentences import BREAKS, char_class

_NOT_BREAK = char_class(BREAKS, negate=True)
# credits: what the work did for a body or won from others (为我市法院争了光, 为…作出了积极贡献, 受到职工好评)
_CREDIT = re.compile(f"为{_NOT_BREAK}{{1,24}}?(?:作出|做出)了?{_NOT_BREAK}{{0,8}}?贡献"
                     f"|为{_NOT_BREAK}{{1,16}}?(?:争了?光|增了?光|添了?彩)"
                     f"|(?:受到|得到|赢得)了?{_NOT_BREAK}{{0,16}}?(?:好评|表彰|肯定|赞誉|称赞|赞扬)"
                     # a result the work brought about, not work done (推动了我院精神文明建设; 推动厂务公开 is an act)
                     "|^(?:并|从而|进而|有力地?|有效地?|进一步)?(?:推动|促进|带动|助推)了")
_MARKS = frozenset({*HONOUR_MARKS, "让", "使", "令", "助力", "赋能", "更好"})
_LEAST_SHARED = 2  # an effect shares at least this many content bigrams, and half of its own, with its fact
CLAUSES = re.compile(f"{_NOT_BREAK}+{char_class(BREAKS)}?")


def misattributed(sentence: str, start: int, support: Support, lex) -> list[Claim]:
    """Claims for the effect, honour and credit clauses of one sentence (offset `start` in the draft) that the
    facts give only for other work than the work the sentence attaches them to."""
    if sentence.strip().rstrip(BREAKS).lower() in support.text:
        return []  # a fact's own sentence: its effect is said of its own work
    clauses = [(m.start(), m.group(0)) for m in CLAUSES.finditer(sentence)]
    if len(clauses) < 2 or not any(_may_state(clause, lex) for _, clause in clauses[1:]):
        return []  # one clause, or no later clause that may state an effect (read cheaply first)
    reader = Reader(support, lex)
    tails = [_effect_part(clause, reader) for _, clause in clauses]
    out: list[Claim] = []
    for k, (at, clause) in enumerate(clauses):
        tail = tails[k]
        if tail is None or k == 0:
            continue
        work = "".join(text for (_, text), t in zip(clauses[:k], tails) if t is None) + clause[:tail]
        if not _fits(clause[tail:], work, support, reader):
            text = clause.rstrip(BREAKS)
            out.append(Claim(start=start + at, end=start + at + len(text), text=text, kind="claim",
                             note=f"“{text[tail:]}”在事实中说的是另一项工作的效果或荣誉"))
    return out


def _effect_part(clause: str, reader: Reader) -> int | None:
    """Where the clause's effect, honour or credit starts, else None."""
    credit = _CREDIT.search(clause)
    if credit is not None:
        return credit.start()
    if not _may_state(clause, reader.lex):
        return None  # no causative, honour or effect verb: the clause states work
    ws = clause_words(clause)
    honour = next((w[0] for w in ws if w[2] in HONOUR_MARKS and w[2] not in ("获", "获得")), None)
    if honour is not None:
        return honour
    return effect_start(clause, ws, reader)


def _may_state(clause: str, lex) -> bool:
    """Does the clause hold a credit, causative, honour marker or [effect] verb (the only clauses read further)?"""
    return _CREDIT.search(clause) is not None or _marks(lex.effect_verbs).search(clause) is not None


@lru_cache(maxsize=4)
def _marks(effect_verbs: frozenset[str]) -> re.Pattern:
    """Any of the marks (a trie: one branch per character, not every word tried at each position)."""
    return re.compile(trie_pattern(_MARKS | effect_verbs))


def _fits(effect: str, work: str, support: Support, reader: Reader) -> bool:
    """Is the effect the facts' effect of this work (or no fact's own, or attached to frame words only)?"""
    concrete = [w[2] for w in clause_words(effect) if _concrete(w[2], reader) and reader.backed(w[2])]
    acts = {w[2] for w in clause_words(work) if _concrete(w[2], reader)}
    if not concrete or not acts:
        return True
    grams, shared = support.sharing(effect)
    most = max(shared.values(), default=0)
    if most < max(_LEAST_SHARED, grams / 2):
        return True  # no fact's own effect: the clause check judges its words
    sources = [support.fact_text(line) for line, n in shared.items() if n == most]
    sources = [fact for fact in sources if _states_effect(fact, reader)]  # 心理健康讲座 shares a topic, no effect
    return not sources or any(act in fact for fact in sources for act in acts) or any(not _work_of(fact, effect, reader)
                                                                      for fact in sources)


def _states_effect(fact: str, reader: Reader) -> bool:
    """Does the fact itself state an effect, honour or credit (a clause after its first: 评选岗位能手10名 states
    none, …为我市法院争了光 does)? Only such an effect can be credited to other work."""
    clauses = [m.group(0) for m in CLAUSES.finditer(fact)]
    return any(_effect_part(clause, reader) is not None for clause in clauses[1:])


def _work_of(fact: str, effect: str, reader: Reader) -> set[str]:
    """The concrete words of a fact outside the effect it shares with the draft: the work it credits the effect to
    (none when the fact is that effect alone, a clause of a paragraph given as facts)."""
    return {w[2] for w in clause_words(fact) if _concrete(w[2], reader) and w[2] not in effect}


def _concrete(word: str, reader: Reader) -> bool:
    return len(word) >= 2 and not reader.neutral(word) and not any(c.isdigit() for c in word)
