"""None of a thing, said two ways (issue 19, session 17): 零事故 in the facts, 未发生一起事故 in the draft, and back.

  facts: 竞赛期间实现零事故        draft: 竞赛期间未发生一起事故，实现了零事故目标
  facts: 全年未发生安全事故        draft: 全年实现安全生产零事故

A negated occurrence (未/没有/无 + 发生/出现 + 一起/一例/任何 … + a noun) and a zero (零/无 + the noun, the noun
为零) say the same when the noun's head is the same: the span is read as given, like the facts' own words. A
zero the facts do not state is still judged, and a negated occurrence they state in neither form is a result of
its own (结果"未发生一起火灾"事实中没有: `none_claims`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from drafter.models import Claim
from drafter.numcheck.words import words

_HAPPENED = r"(?:发生|出现)过?(?:一起|一例|一次|一件|一名|任何)?"
# each choice starting with a character, in the order of (?:未|没有|没|并未|从未): the regex engine skips to them
_NEGATED = re.compile("|".join(f"{no}{_HAPPENED}" for no in ("未", "没有", "没", "并未", "从未")) + "|杜绝了?")
_ZERO = re.compile(r"零|无(?=[\u4e00-\u9fff]{2})")
_NOUN_TAGS = ("n", "i", "l", "vn")


def zero_spans(clause: str, facts_text: str, aliases: frozenset[str] | Callable[[], frozenset[str]] = frozenset()) \
        -> list[tuple[int, int]]:
    """The clause's spans that state none of a thing the facts also state none of, the other way round or in
    other words (没有发生一起拖欠工资的问题 for 未发生欠薪问题: `aliases`, the synonyms of the facts' words, or a
    function giving them when first needed: Support.aliases)."""
    if not (_NEGATED.search(clause) or "零" in clause or "无" in clause):
        return []
    out = []
    for m in (*_NEGATED.finditer(clause), *_ZERO.finditer(clause)):
        noun = _noun_after(clause, m.end())
        if noun is None:
            continue
        head = noun[1][-2:]
        negated = m.group(0)[:1] not in "零无"
        said = _states_none(facts_text, head, zero_form=negated) or negated and _negated_alike(noun[1], facts_text, aliases)
        if said:
            out.append((m.start() if negated else _area_before(clause, m.start(), said), noun[0]))
    return out


def _area_before(clause: str, at: int, said: str) -> int:
    """Where a zero's area starts (安全生产零事故 for the facts' 未发生安全事故): the words right before 零, when
    the facts' phrase writes their first two characters."""
    start = at
    for w in reversed(words(clause[max(0, at - 6):at])):  # 安全/生产: back over two words at most
        if w[1] + max(0, at - 6) != start or at - start >= 4:
            break
        start = w[0] + max(0, at - 6)
        if clause[start:start + 2] in said:
            return start
    return at


def _negated_alike(noun: str, facts: str, aliases: frozenset[str] | Callable[[], frozenset[str]]) -> str:
    """The facts' negated phrase when the facts negate an occurrence too and write the noun or a synonym of it."""
    if noun[-2:] not in facts and noun not in (aliases() if callable(aliases) else aliases):
        return ""
    return next((facts[m.end():m.end() + 10] for m in _NEGATED.finditer(facts)), "")


def _noun_after(clause: str, at: int) -> tuple[int, str] | None:
    """The end and text of the noun phrase right after `at` (安全事故, 群体性事件), or None."""
    end, text = at, ""
    for s, e, word, tag in words(clause[at:]):
        if s + at != end or not tag.startswith(_NOUN_TAGS) or len(text) + len(word) > 8:
            break
        end, text = at + e, text + word
    return (end, text) if len(text) >= 2 else None


def _states_none(facts: str, head: str, zero_form: bool) -> str:
    """The facts' words stating none of `head` in the other form (零/无 … when the draft negates, a negation when
    the draft writes a zero), or ""."""
    if zero_form:
        found = re.search(f"[零无][\u4e00-\u9fff]{{0,4}}{head}|{head}(?:为|是)?[零0]", facts)
        return found.group(0) if found else ""
    return next((facts[m.end():m.end() + 10] for m in _NEGATED.finditer(facts) if head in facts[m.end():m.end() + 10]), "")


def none_claims(clause: str, offset: int, facts_text: str,
                aliases: frozenset[str] | Callable[[], frozenset[str]] = frozenset()) -> list[Claim]:
    """The result claim of a clause saying none of a thing happened that the facts say nothing of (未发生一起火灾)."""
    for m in _NEGATED.finditer(clause):
        noun = _noun_after(clause, m.end())
        if m.group(0).startswith("杜绝") or noun is None:
            continue  # 杜绝…: often an aim
        head = noun[1][-2:]
        if not _states_none(facts_text, head, zero_form=True) and not _states_none(facts_text, head, zero_form=False) \
                and not _negated_alike(noun[1], facts_text, aliases):
            body = clause[m.start():noun[0]]
            return [Claim(start=offset + m.start(), end=offset + noun[0], text=body, kind="claim",
                          note=f'结果"{body}"事实中没有')]
    return []
