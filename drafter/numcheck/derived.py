"""Numbers a draft works out from the facts, and the numeral 一 used as an article.

A strong model states a rate or a total that the facts imply but do not write:
  rate   a percentage equal to a ÷ b of two numbers of one fact line in one unit group, rounded to the
         draft's own decimals (已办结68条 of 意见建议73条 -> 办结率达93.2%); the rate's clause must share a
         word with the numerator's (办结), so an unrelated percentage is never proved by chance;
  total  a number after 共/共计/合计/总计/累计/总共 that equals the sum of 2–4 fact numbers of its unit group,
         each sharing a word with the total's clause (慰问困难职工86户 + 慰问老党员30户 -> 共慰问116户); so a
         number moved onto another item is not proved by a sum of unrelated numbers.
  points a number of 个百分点 equal to the difference of two percentages of one fact line (由78%提高到93% ->
         提高了15个百分点);
  all    100% of a rate whose name shares a word with what a fact line says was done for all (已全部办结答复 ->
         办结答复率达到100%);
  per head  a number after 人均/户均/平均每人/每人 equal to a÷b of a fact number of its unit group and a number of
         people or households of the same line (捐款31.6万元, 参与职工2650人 -> 人均捐款约119元);
The number is supported, and its note shows the arithmetic so that a reviewer can redo it.

每家企业出具一份法律意见书 (`each_one`): one per head after 每+classifier is supported, and states the fact's total,
when one fact line gives the same count in the classifier's unit and in the number's (体检企业35家，出具法律意见书35份).

作为关心职工的一件实事来抓, 这是一次生动的实践, 成为一道亮丽的风景线: after a copula (是, 作为, 成为 …, and what it qualifies with …的) 一 with a classifier
is an article. Written as the character 一, with no fact of value 1 and no fact of its unit stating another
value, it is no quantity. Elsewhere (组织了一次安全大检查) it stays a quantity the facts must give.
"""

from __future__ import annotations

import re
from itertools import combinations

from drafter.numcheck.items import names_a_thing
from drafter.numcheck.mention import Mention
from drafter.numcheck.units import group_of
from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.words import tag_of, words
from textkit.sentences import BREAKS, COMMAS, ENUM_COMMA

CLAUSE_MARKS = BREAKS + COMMAS + ENUM_COMMA

MAX_ADDENDS = 4
MAX_TOTAL_CANDIDATES = 16  # a unit group with more fact numbers than this is not searched for sums
_TOTAL_BEFORE = re.compile(r"(?<!公)(?:共计|合计|总计|累计|总共|共)(?!青)[\u4e00-\u9fff]{0,4}$")
_COPULA_BEFORE = re.compile(r"(?:是|作为|成为|当作|当成|视为|看作|形成|堪称|称得上|变成|化作)(?:[\u4e00-\u9fff“”]{0,12}的)?$")
# classifiers that measure a quality as readily as a thing (一份温暖, 一层保护, 一道防线, 一分希望), and the comparative
# before them that makes the phrase "more of": 多一份安心, 多了一层保障, 添一份温馨, 增添了一道风景
_FIGURATIVE = frozenset(("一份", "一层", "一道", "一分", "一重"))
_MORE_BEFORE = re.compile(r"(?:多|添|增添|平添|更添)了?$")
_DECIMALS = re.compile(r"\d+(?:\.(\d+))?")
_PER_HEAD = re.compile(r"(?:人均|户均|平均每[人户]|每人|每户)[\u4e00-\u9fff]{0,4}$")
_EACH = re.compile(r"每([个家人户名位所支])[\u4e00-\u9fff]{0,10}$")
HEADS = ("人", "户")  # the unit groups a per-head figure divides by


def derived(m: Mention, facts) -> tuple[int, str] | None:
    """(fact line, note) when `m` is a rate or a total worked out from the facts (facts: a FactIndex)."""
    if m.value is None or m.key is not None:
        return None
    if m.kind == "percent":
        return (_rate(m, facts) or _all_of(m, facts)) if m.group == "%" else _points(m, facts)
    if _PER_HEAD.search(m.source[max(0, m.start - 8):m.start]):
        return _per_head(m, facts)
    if _after_total_word(m):
        return _total(m, facts)
    return None


def each_one(m: Mention, facts) -> tuple[int, str, Mention] | None:
    """(fact line, note, the fact number it states) for 一份 after 每家… when a fact line counts 35家 and 35份."""
    each = _EACH.search(m.source[max(0, m.start - 16):m.start])
    if m.value != 1 or m.key is not None or m.approximate or each is None or m.group is None:
        return None
    lines = _by_line(facts)
    for line, numbers in lines.items():
        heads = [f for f in numbers if f.group == group_of(each.group(1))]
        for fact in numbers:
            if fact.group == m.group and any(h is not fact and h.value == fact.value for h in heads):
                return line, f"每{each.group(1)}{m.text}：第{line}行事实为 {fact.display()}", fact
    thing = m.item or ""
    for line, text in enumerate(getattr(facts, "lines", ()), 1):  # 每名新会员获赠一份意外伤害保险: one each of a
        if len(thing) >= 2 and thing in text:  # thing a fact gives them (为新入会会员赠送意外伤害保险), no new count
            return line, f"每{each.group(1)}{m.text}：第{line}行事实为 {text}", None
    return None


def _by_line(facts) -> dict[int, list[Mention]]:
    by_line: dict[int, list[Mention]] = {}
    for line, fact in facts.mentions:
        if line and fact.value and fact.key is None and not fact.approximate:
            by_line.setdefault(line, []).append(fact)
    return by_line


def _points(m: Mention, facts) -> tuple[int, str] | None:
    for line, numbers in _by_line(facts).items():
        rates = [f for f in numbers if f.group == "%"]
        for a, b in combinations(rates, 2):
            if _rounds_to(abs(a.value - b.value), m):
                high, low = (a, b) if a.value > b.value else (b, a)
                return line, f"由第{line}行事实算出：{high.display()}－{low.display()}＝{m.display()}"
    return None


def _per_head(m: Mention, facts) -> tuple[int, str] | None:
    for line, numbers in _by_line(facts).items():
        for whole in (f for f in numbers if f.group == m.group):
            for heads in (f for f in numbers if f.group in HEADS and f is not whole):
                if _rounds_to(whole.value / heads.value, m):
                    return line, f"由第{line}行事实算出：{whole.display()}÷{heads.display()}≈{m.display()}"
    return None


def is_article(m: Mention) -> bool:
    """一 + classifier (一件, 一次, 一场) after a copula; 一份/一层/一道 … before a word that names no thing (增添了一份
    保障, 多了一层保护: these classifiers measure things; before a verb or an adjective they are figurative); or such
    a classifier after a comparative 多/添 (多一份安全、家人多一份安心: more of a quality, not a count). Not the digit
    1 and not approximate."""
    if not (m.text.startswith("一") and m.kind == "number" and m.value == 1 and not m.approximate
            and m.key is None and len(m.text) <= 3):
        return False
    if m.text in _FIGURATIVE:
        if _MORE_BEFORE.search(m.source[max(0, m.start - 4):m.start]):
            return True
        if m.item and m.source.startswith(m.item, m.end) and not names_a_thing(m.item):
            return True
    return _COPULA_BEFORE.search(m.source[max(0, m.start - 18):m.start]) is not None


_LISTED = re.compile("[两二三四五六]([项条个类种大场方块])")  # 两项活动, 两条主线, 三大任务: a count of kinds, not of people
_JOINERS = re.compile("以及|[和与及、]")


def counts_listed(m: Mention) -> bool:
    """A count in Chinese numerals of the things its clause lists right before it (厨艺大赛和健步走两项活动, 围绕安全生产
    和素质提升两条主线): the parts joined by 和/与/及/、 are as many as the count, so it says nothing the list does not."""
    if m.value is None or m.approximate or not 2 <= m.value <= 6 or not _LISTED.fullmatch(m.text):
        return False
    start = max((m.source.rfind(c, 0, m.start) for c in CLAUSE_MARKS if c != ENUM_COMMA), default=-1) + 1
    parts = _JOINERS.split(m.source[start:m.start])
    return len(parts) == m.value and all(len(p.strip()) >= 2 for p in parts)


def _rate(m: Mention, facts) -> tuple[int, str] | None:
    by_line: dict[int, list[Mention]] = {}
    for line, fact in facts.mentions:
        if line and fact.value and fact.key is None and fact.kind != "percent" and not fact.approximate:
            by_line.setdefault(line, []).append(fact)
    for line, numbers in by_line.items():
        for part, whole in combinations(numbers, 2):
            if part.value > whole.value:
                part, whole = whole, part
            if part.group != whole.group or not m.context & part.context:
                continue
            if _rounds_to(100 * part.value / whole.value, m):
                return line, f"由第{line}行事实算出：{part.display()}÷{whole.display()}≈{m.display()}"
    return None


_ALL = re.compile(r"(?:全部|全数|悉数|全都|均已|一律)已?([\u4e00-\u9fff]{2,6})")
_RATE_NAME = re.compile(r"([\u4e00-\u9fff]{2,8})率(?:达到|达|为|是|实现)?$")


def _all_of(m: Mention, facts) -> tuple[int, str] | None:
    """100% of a rate (办结答复率) when a fact line says all were done (已全部办结答复): the rate's name and the
    words after 全部 share a word (two characters in a row)."""
    name = _RATE_NAME.search(m.source[max(0, m.start - 14):m.start])
    if m.value != 100 or m.approximate or name is None:
        return None
    pairs = {name.group(1)[i:i + 2] for i in range(len(name.group(1)) - 1)}
    for line, fact in facts.mentions:
        for done in _ALL.finditer(fact.source if line else ""):
            if any(done.group(1)[i:i + 2] in pairs for i in range(len(done.group(1)) - 1)):
                return line, f"第{line}行事实为“{done.group(0)}”，即{m.display()}"
    return None


def _total(m: Mention, facts) -> tuple[int, str] | None:
    pool = [(line, fact) for line, fact in facts.by_group.get(m.group, ())
            if line and fact.value and fact.key is None and not fact.approximate and m.context & fact.context]
    if m.group is None or len(pool) > MAX_TOTAL_CANDIDATES:
        return None
    for size in range(2, MAX_ADDENDS + 1):
        for parts in combinations(pool, size):
            if abs(sum(fact.value for _, fact in parts) - m.value) < 1e-6 * max(1.0, m.value):
                lines = "、".join(str(line) for line in sorted({line for line, _ in parts}))
                shown = "＋".join(fact.display() for _, fact in parts)
                return parts[0][0], f"由第{lines}行事实相加：{shown}＝{m.display()}"
    return None


def _after_total_word(m: Mention) -> bool:
    return _TOTAL_BEFORE.search(m.source[max(0, m.start - 6):m.start]) is not None


def _rounds_to(rate: float, m: Mention) -> bool:
    if m.approximate and m.lo is not None and m.hi is not None:
        return m.lo <= rate <= m.hi
    found = _DECIMALS.search(m.text)
    decimals = len(found.group(1) or "") if found else _decimals_of(m.value)
    step = 10 ** -decimals
    return abs(rate - m.value) <= step / 2 + 1e-9


def _decimals_of(value: float) -> int:
    text = f"{value:.6f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


_TOTAL_MARKS = frozenset("共计达约近逾超有")  # a total's marks between an item and its count
_ONE_OF = frozenset("场份篇项期届次部台所座")  # measure words of one event, document or thing named whole


def one_named(fact: Mention, text: str) -> bool:
    """A fact's count of one (1场, 1份) whose item, without its leading verb, the draft writes: it says the one."""
    if fact.value != 1 or fact.unit not in _ONE_OF or not fact.item or not fact.text.startswith("1"):
        return False
    item = fact.item[2:] if tag_of(fact.item[:2]).startswith("v") else fact.item
    return any(len(part) >= 3 and any(not _count_beside(text, at + len(part)) for at in _finds(text, part))
               for part in (item, _after_people(item)))


def _after_people(item: str) -> str:
    """The item's words after the people it opens on (讲解员外出研学: 外出研学), "" when it opens on none: the event
    named without whom it was for, who may be written elsewhere (外出研学让24名讲解员…)."""
    ws = words(item)
    people = [w for w in ws[:2] if any(c[0] == "A" for c in cilin_classes().get(w[2], ()))]
    return item[people[-1][1]:] if people and people[-1] is not ws[-1] else ""


def _count_beside(text: str, end: int) -> bool:
    """A count of its own right after the item, or after 共/计/达 … (安全知识竞赛3场, 合同共2份; not 研学让24名讲解员…)."""
    first, second = text[end:end + 1], text[end + 1:end + 2]
    return _counting(first) or bool(first) and first in _TOTAL_MARKS and _counting(second)


def _counting(char: str) -> bool:
    return bool(char) and (char.isdigit() or char in "一二两三四五六七八九十百多数几")


def _finds(text: str, part: str):
    at = text.find(part)
    while at >= 0:
        yield at
        at = text.find(part, at + 1)
