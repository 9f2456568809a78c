"""A number's item said in other words is shown to read, not hidden (issue 19, session 19: "Wordings to read").

drafter.numcheck.qualifiers passes a supported number whose draft clause leaves out words of its fact's item when
rules of meaning clear them. Such a number stays supported, but when a content word of the fact's item is missing
or replaced it is listed in CheckResult.unverified (kind "item", fact_line set) with a Chinese note naming the
fact's item, the draft's wording and the word not said ("12项 对应第2行事实'完成科研攻关课题'，此处写作'完成攻关
课题'（没有'科研'），请核对"). It never makes a draft unfaithful and is never put to the model judge (only kind
"claim" is: drafter.numcheck.undecided.is_open). Per rule:
  listed      a word cleared by its kind (drafter.numcheck.itemkind: 科研 of 完成科研攻关课题); the item's act dropped
              or said with a near verb (安装 of 安装充电桩 for 充电桩40个, 配发 for 送去); the people a thing is for
              left out of an event, what counted people did, the people heading a count; a draft item naming no
              thing (4800余人次聆听 for 受众4800余人次) (drafter.numcheck.itemsense.kept_by_meaning);
  not listed  a word the number's sentence writes elsewhere (a topic said before, the head of the previous count:
              drafter.numcheck.ellipsis), a short form of words said before it, a word the unit names (项目 with
              项), a frame or generic word (活动, 职工, 安全), an enumerator (一是), an example before 等, a shortened
              title; and what missing_words keeps itself: word order, added 共/了, ignored verbs, time and
              organisation words, [items] synonyms, 词林 kin, short forms.
"""

from __future__ import annotations

from drafter.models import Claim, NumberHit
from drafter.numcheck.ellipsis import short_form_written
from drafter.numcheck.itemsense import an_example, in_short_title
from drafter.numcheck.mention import Mention
from drafter.numcheck.quotes import located, quote, quotes, whole
from drafter.numcheck.things import _ENUMERATOR
from drafter.numcheck.words import words as words_of
from drafter.numcheck.faithlex import ignorable

KIND = "item"  # the Claim kind of a reworded number item (CheckResult.unverified only)


def to_read(found: list[str], fact: Mention, m: Mention, sentence: str, before: str, lex) -> list[str]:
    """The words of `found` (the missing words the meaning rules then all cleared) that deserve a read: not in the
    number's `sentence`, no short form of words said `before` it, none of the module doc's other exceptions."""
    item = fact.item or ""
    heads = (lex.unit_heads or {}).get(m.unit or fact.unit or "", ())
    pieces = [w for piece in found for _, _, w, _ in words_of(piece) if len(w) >= 2]
    return list(dict.fromkeys(
        w for w in pieces if w not in sentence and w not in heads and w not in lex.neutral
        and not _ENUMERATOR.match(w) and not an_example(w, item)
        and not in_short_title(w, item, sentence) and not short_form_written(w, before, [], item, m.item or "")))


def reworded_claims(draft: str, reworded: list[tuple[Mention, int, Mention, list[str]]], lex) -> list[Claim]:
    """One wording to read per reworded number: (draft number, fact line, fact number, the words not said)."""
    return [_claim(draft, *entry, lex) for entry in reworded]


def _wording(m: Mention, fact: Mention, lex) -> str:
    """The draft's item in whole words, without the ignored and one-character words it opens with that the fact's
    item does not write (工会 of 工会完成攻关课题: who did it, not what is counted; 为 of 为职工…)."""
    said = quote(m, m.item) if m.item else ""
    opening = next((start for start, _, w, _ in words_of(said)
                    if not (ignorable(lex, w) or len(w) == 1) or w in (fact.item or "")), 0)
    return said[opening:]


def _claim(draft: str, m: Mention, line: int, fact: Mention, unsaid: list[str], lex) -> Claim:
    return _read(draft, (m.start, m.end, m.display()), line, quote(fact, fact.item), _wording(m, fact, lex),
                 f"没有'{quotes(fact, unsaid, fact.item)}'")


def judged_claim(draft: str, hit: NumberHit) -> Claim:
    """The wording to read of a number mismatch the model judge passed (drafter.pipeline.item_judging): its item
    is worded otherwise too, only a model said it is the same."""
    return _read(draft, (hit.start, hit.end, hit.text.strip()), hit.fact_line, hit.fact_item or "", hit.item or "",
                 "模型复核认为两处说的是同一件事")


def _read(draft: str, number: tuple[int, int, str], line: int, fact_item: str, said: str, why: str) -> Claim:
    """The number and the draft's wording of its item (`said`, found nearest it) as one span, with its note."""
    start, end, text = number
    found = located(draft, said, start, end) if said else None
    if found is not None:
        a, b = whole(draft, *found)
        start, end = min(start, a), max(end, b)
    where = f"此处写作'{said}'" if said else "此处没有写出它"
    note = f"{text} 对应第{line}行事实'{fact_item}'，{where}（{why}），请核对"
    return Claim(start=start, end=end, text=draft[start:end], kind=KIND, note=note, fact_line=line)
