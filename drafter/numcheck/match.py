"""`check(facts, draft, context)`: prove every number of the draft against the facts (the fixed contract).

Statuses of a draft number:
  supported    a fact holds the same value in a compatible unit (same unit group; or one side without unit;
               or the generic 个 with shared context words). An approximate draft number (300余人, 约300人,
               近300人, 上百人) is supported by an exact fact inside its interval (note "约数（rounded）…");
               an exact draft number is supported by an approximate fact only of the same value. Dates are
               supported when the draft's parts equal the fact's (5月17日 by 2025年5月17日; the year of
               2025年5月17日 may come from the period/context). Session numbers (二届三次), ranks (第一名)
               and quarters (一季度) are identifiers and must be equal. A number found only in `context`
               is supported with fact_line null and note "见于期间/背景信息".
  mismatch     no fact proves it, but a fact of the same unit group shares context words (character
               bigrams of the clause) and holds another value: fact_line names it, note "第N行事实为 …";
               or a fact proves the value but on another item (drafter.numcheck.items), or the draft clause
               leaves out a word of every proving fact's item (drafter.numcheck.qualifiers: 工会经费收入 -> 收入).
  unsupported  no fact proves it (note says why; with no facts at all: "没有提供事实…").
  placeholder  xx, 20__年, ××, XX万元 … always reported.
missing: each fact line once (with its cleaned text) when one of its numbers is stated by no draft number.
Facts without numbers are never missing (the contract is about numbers; see fact_usage for them), so an
empty draft reports every fact that has a number. `ok` = facts given, every number supported, none missing.

Fact mentions are indexed by (group, value) so that exact numbers are looked up in O(1); approximate,
dated and keyed mentions are compared against the (small) list of their group.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from drafter.domain.facts import clean_fact_lines
from drafter.models import CheckResult, Claim, MissingFact, NumberHit, SentenceTrace
from drafter.numcheck.claims import artifacts, clause_claims, merge
from drafter.numcheck.support import Support, traces
from drafter.numcheck.context import context_window
from drafter.numcheck.derived import counts_listed, derived, each_one, is_article, one_named as _one_named
from drafter.numcheck.timewords import duration, festival_date
from drafter.numcheck.undecided import split_unnamed
from drafter.numcheck.faithlex import load_faith
from drafter.numcheck.items import affinity, unrelated
from drafter.numcheck.lexicon import Lexicon, load_lexicon
from drafter.numcheck.mention import Mention, covers, matches
from drafter.numcheck.narrowed import narrowed
from drafter.numcheck.ownorg import with_own_org
from drafter.numcheck.perperson import given_each, one_per_person
from drafter.numcheck.qualifiers import Stops, changed_item
from drafter.numcheck.quotes import quote
from drafter.numcheck.reworded import reworded_claims
from textkit.placeholders import find_placeholders
from drafter.numcheck.factset import FactIndex, fact_set, index_lines  # noqa: F401 - FactIndex re-exported
from drafter.numcheck.rolewords import OTHER_OBJECT, ROLE_NAMES
from drafter.numcheck.scanner import extract_numbers

NOTE_NO_FACTS = "没有提供事实，无法核对这个数字"
NOTE_UNSUPPORTED = "事实中没有这个数字"
NOTE_CONTEXT = "见于期间/背景信息"
NOTE_PLACEHOLDER = "模板占位符，需替换为实际内容"


def check(facts: list[str], draft: str, context: Sequence[str] = (), lexicon: Lexicon | None = None) -> CheckResult:
    """The number check. Facts are cleaned like DraftRequest.facts (fact_line = position among them)."""
    lexicon = lexicon or load_lexicon()
    context = with_own_org(draft, context)  # the writer's workplace (监狱工会…) is given
    given = fact_set(facts, context, lexicon)  # the facts' numbers and words, built once per fact list
    facts, fact_index, context_index = given.facts, given.index, given.context_index
    mentions = extract_numbers(draft, lexicon, given.phrases)
    verdicts: dict[tuple, Verdict] = {}  # the same number in the same words is judged once
    hits = []
    ranked = given.ranked
    stops = None  # the draft's sentence and clause marks, found when a supported number's item is checked
    reworded: list = []  # supported numbers whose item the draft words differently (drafter.numcheck.reworded)
    for m in mentions:
        if m.kind == "rank" and not ranked:
            continue  # 第一名 … is a quantity only when a fact states a rank
        signature = (m.text, m.item_grams, context_window(m.source, m.start, m.end))  # context words: only if needed
        if signature not in verdicts:
            verdicts[signature] = _judge(m, fact_index, context_index, bool(facts), lexicon.faith)
        status, line, note, fact = verdicts[signature]
        if status == "unsupported" and (is_article(m) or counts_listed(m)
                                        or festival_date(m.source, m.start, m.end, given.support.text)):
            continue  # 一件实事: an article; 和…两项活动: the list's count (derived.py); “5·12”护士节: the festival's date
        if status == "supported" and line is not None and m.key is None:
            stops = stops or Stops(draft)
            status, line, note, fact = _kept_item(m, (status, line, note, fact), fact_index, stops, lexicon,
                                                  reworded, given.support)
        hits.append(_hit(m, status, line, note, fact))
    hits += [NumberHit(start=s, end=e, text=t, value=None, unit=None, status="placeholder",
                                       fact_line=None, note=NOTE_PLACEHOLDER)
             for s, e, t in find_placeholders(draft)]
    hits.sort(key=lambda h: (h.start, h.end))
    stated = {id(v[3]) for v in verdicts.values() if v[3] is not None and (v[2] or "").startswith(STATING_NOTES)}
    missing = _missing(facts, fact_index, mentions, stated, draft)
    ok = bool(facts) and not missing and all(h.status == "supported" for h in hits)
    claims, sentences = trace_claims(facts, given.context, draft, hits, lexicon, given.support)
    faith = lexicon.faith or load_faith()
    claims, unverified = split_unnamed(draft, claims, hits, given.support, faith)
    if reworded:
        unverified = sorted(unverified + reworded_claims(draft, reworded, faith), key=lambda c: c.start)
    return CheckResult(ok=ok, numbers=hits, missing=missing, claims=claims, sentences=sentences,
                       faithful=ok and not claims, unverified=unverified)


def check_sentence(facts: list[str], sentence: str, context: Sequence[str] = (),
                   lexicon: Lexicon | None = None) -> CheckResult:
    """One sentence (or clause, or section) for per-sentence repair: its numbers with their items, its claims
    and artifacts. `missing` stays empty (one sentence cannot state every fact); ok = every number supported;
    faithful = ok and no claims. Offsets index `sentence`."""
    result = check(facts, sentence, context=context, lexicon=lexicon)
    ok = all(h.status == "supported" for h in result.numbers)
    return result.model_copy(update={"missing": [], "ok": ok, "faithful": ok and not result.claims})


def trace_claims(facts: list[str], context: list[str], draft: str, hits: list[NumberHit],
                 lexicon: Lexicon, support: Support | None = None) -> tuple[list[Claim], list[SentenceTrace]]:
    """The clause check (drafter.numcheck.claims): claims and artifacts, and each sentence's fact lines."""
    faith = lexicon.faith or load_faith()
    support = support or Support(facts, context, faith.item_synonyms)
    claims = merge(clause_claims(draft, hits, support, faith) + artifacts(draft, support, faith))
    return claims, traces(draft, hits, support)


def _hit(m: Mention, status: str, line: int | None = None, note: str | None = None,
         fact: Mention | None = None) -> NumberHit:
    return NumberHit(start=m.start, end=m.end, text=m.text, value=m.value, unit=m.unit,
                                     status=status, fact_line=line, note=note,
                                     item=(m.item if status == "supported" else quote(m, m.item)) or None,
                                     fact_item=quote(fact, fact.item) or None if fact is not None else None)


def _kept_item(m: Mention, verdict: Verdict, facts: FactIndex, stops: Stops, lexicon: Lexicon,
               reworded: list | None = None, support: Support | None = None) -> Verdict:
    """A supported number whose draft sentence leaves out a word of every proving fact's item is a mismatch
    (drafter.numcheck.qualifiers: 工会全年共收入215.3万元 for 全年工会经费收入215.3万元); one kept by meaning only
    goes on `reworded`."""
    proving = [(line, fact) for line, fact in facts.candidates(m) if matches(m, fact)[0]]
    changed = changed_item(m, proving, stops, lexicon.faith or load_faith(), facts.by_value, reworded)
    if changed is None and support is not None:  # words added inside the item (drafter.numcheck.narrowed)
        changed = narrowed(m, proving, stops, support, lexicon.faith or load_faith())
    return verdict if changed is None else ("mismatch", changed[0], changed[2], changed[1])


Verdict = tuple[str, int | None, str | None, Mention | None]  # status, fact_line, note, the fact's number


def _judge(m: Mention, facts: FactIndex, context: FactIndex, have_facts: bool, faith=None) -> Verdict:
    best = _best_support(m, facts.candidates(m))
    if best is not None:
        line, note, fact = best
        moved = _moved_item(m, line, fact, facts, faith)
        return moved or ("supported", line, note, fact)
    if _best_support(m, context.candidates(m)) is not None:
        return ("supported", None, NOTE_CONTEXT, None)
    dated = _year_from_elsewhere(m, facts, context)
    if dated is not None:
        return ("supported", dated[0], dated[1], None)
    if not have_facts:
        return ("unsupported", None, NOTE_NO_FACTS, None)
    stated = each_one(m, facts) or _near_unit(m, facts) or one_per_person(m, facts)
    if stated is not None:
        return ("supported", *stated)
    worked_out = derived(m, facts)
    if worked_out is not None:
        return ("supported", worked_out[0], worked_out[1], None)
    rival = _best_rival(m, facts.by_group.get(m.group, ()))
    if rival is None and m.value is not None and m.key is None and m.group is not None:
        rival = _best_rival(m, facts.by_value.get(round(m.value, 6), ()))  # 2500人 where the fact says 2500人次
    if rival is not None:
        line, fact = rival
        return ("mismatch", line, f"第{line}行事实为 {fact.display()}，初稿写成 {m.display()}", fact)
    if m.kind == "date" or m.group in ("日期", "季度") or duration(m.source, m.start, m.end, m.group):  # 7月至8月, 二季度, 连续五年
        return ("unsupported", None, f'{ROLE_NAMES["time"]}"{m.text}"事实中没有', None)
    return ("unsupported", None, NOTE_UNSUPPORTED, None)


def _moved_item(m: Mention, line: int, fact: Mention, facts: FactIndex, faith=None) -> Verdict | None:
    """The value is a fact's, but the draft puts it on another item: a fact of the same unit group with
    another value is clearly about the draft's item (a swap), or the items of people share nothing."""
    if m.key is not None:
        return None
    own = affinity(m, fact)
    rival = None
    for rival_line, other in facts.by_group.get(m.group, ()):
        if other is fact or other.key is not None or matches(m, other)[0]:
            continue
        score = affinity(m, other)
        if score >= 2 and score > own and (rival is None or score > rival[0]):
            rival = (score, rival_line, other)
    if rival is not None:
        other = rival[2]
        return ("mismatch", line, f"{_where(m, line, fact)}（事实中'{quote(other, other.item)}'是 {other.display()}）",
                fact)
    if unrelated(m, fact, faith):
        return ("mismatch", line, f"{_where(m, line, fact)}，{OTHER_OBJECT}", fact)  # the counted thing's role
    return None


def _where(m: Mention, line: int, fact: Mention) -> str:
    """The note's start: the fact's item and the draft's, quoted in whole words."""
    return f"{m.display()} 在第{line}行事实中是'{quote(fact, fact.item) or fact.display()}'，此处写成了'{quote(m, m.item)}'"


STATING_NOTES = ("每", "单位相近")  # notes of each_one, one_per_person, _near_unit: their fact's number counts as stated
NEAR_UNITS = {"次": "场", "场": "次"}  # 两次敞开大门 for 开放日活动2场: a count of events either way


def _near_unit(m: Mention, facts: FactIndex) -> tuple[int, str, Mention] | None:
    """A count of events in the near unit (次 for 场) that a fact holds, when no fact holds it in its own."""
    other = NEAR_UNITS.get(m.group or "")
    if other is None or m.key is not None:
        return None
    near = replace(m, unit=other, group=other)
    best = _best_support(near, facts.candidates(near))
    return None if best is None else (best[0], f"单位相近：事实为{best[2].display()}", best[2])


def _best_support(m: Mention, candidates) -> tuple[int, str | None, Mention] | None:
    """The proving fact whose item shares most words (then most context words, then the earliest line)."""
    proving = []
    for line, fact in candidates:
        proved, note = matches(m, fact)
        if proved:
            proving.append((line, fact, note))
    if len(proving) > 1:  # context words only between facts whose items tie (they cost a scan of both clauses)
        top = max(affinity(m, fact) for _, fact, _ in proving)
        proving = [item for item in proving if affinity(m, item[1]) == top]
        if len(proving) > 1:
            proving.sort(key=lambda item: (-len(m.context & item[1].context), item[0]))
    return (proving[0][0], proving[0][2], proving[0][1]) if proving else None


def _year_from_elsewhere(m: Mention, facts: FactIndex, context: FactIndex) -> tuple[int | None, str] | None:
    """2025年5月17日 when a fact says 5月17日 and the year 2025 is given by the period or another fact."""
    if m.kind != "date" or m.key[1] is None or (m.key[2] is None and m.key[3] is None):
        return None
    without_year = replace(m, key=("date", None, *m.key[2:]))
    day = _best_support(without_year, facts.candidates(without_year))
    if day is None:
        return None
    year = replace(m, key=("date", m.key[1], None, None, None))
    if _best_support(year, context.candidates(year)) is not None:
        return day[0], "年份见于期间/背景信息"
    if _best_support(year, facts.candidates(year)) is not None:
        return day[0], "年份见于其他事实"
    return None


def _best_rival(m: Mention, candidates) -> tuple[int, Mention] | None:
    """A fact of the same unit group about the same thing (shared context words) with another value."""
    if m.group is None and m.key is None:
        return None
    best = None
    for line, fact in candidates:
        shared = len(m.context & fact.context) or (0.5 if not m.context and not fact.context else 0)
        if shared and (best is None or shared > best[0]):
            best = (shared, line, fact)
    return None if best is None else (best[1], best[2])


def _missing(facts: list[str], index: FactIndex, draft: list[Mention], stated: set[int] = frozenset(),
             text: str = "") -> list[MissingFact]:
    """Each fact line once, when one of its numbers is proved by no number of the draft (nor stated by one as
    each_one or a near unit does: `stated`, the ids of fact numbers that supported draft numbers, nor a single
    event or document the draft `text` names: 组织安全知识竞赛1场 by 组织开展安全知识竞赛)."""
    drafted = FactIndex()
    for mention in draft:
        drafted.add(0, mention)
    missing_lines: dict[int, None] = {}
    for line, fact in index.mentions:
        if line in missing_lines or id(fact) in stated or _one_named(fact, text) or given_each(fact, draft, text):
            continue
        if not any(covers(d, fact) for _, d in draft_candidates(drafted, fact)):
            missing_lines[line] = None
    return [MissingFact(fact_line=line, text=facts[line - 1]) for line in sorted(missing_lines)]


def draft_candidates(drafted: FactIndex, fact: Mention):
    """Draft mentions that could prove `fact`: same exact value, or any of a compatible group."""
    if fact.key is None and not fact.approximate and fact.value is not None:
        exact = drafted.exact.get((fact.group, round(fact.value, 6)))
        if exact:
            return exact
    groups = set(drafted.by_group) if fact.group in (None, "个") else {fact.group, None, "个"}
    return [item for g in groups for item in drafted.by_group.get(g, ())]


def missing_numbers(facts: list[str], draft: str, lexicon: Lexicon | None = None) -> dict[int, list[Mention]]:
    """For the report: per fact line, its numbers that the draft does not contain."""
    lexicon = lexicon or load_lexicon()
    index = index_lines(clean_fact_lines(facts), lexicon)
    drafted = FactIndex()
    for mention in extract_numbers(draft, lexicon):
        drafted.add(0, mention)
    out: dict[int, list[Mention]] = defaultdict(list)
    for line, fact in index.mentions:
        if not any(covers(d, fact) for _, d in draft_candidates(drafted, fact)):
            out[line].append(fact)
    return dict(out)

