"""A number found in text (`Mention`) and how two mentions compare (`matches`).

Approximations round the fact's own value; they never move it (the significant-digit rule). The step of an
approximate draft number is the place of its last non-zero digit (300 -> 100, 340 -> 10, 12.6万 -> 1000):
  约/大约/左右/上下 (about)    the fact rounded half-up to that step equals the draft value
                               (约300人 for 312 ✓, 约340人 for 312 ✗, 约百分之九十 for 88.5% ✓);
  余/多/超过/逾/以上 (over)    the fact is at least the draft value and truncated to the step equals it
                               (300余人 / 300多人 / 超过300人 for 312 ✓, for 412 ✗; 十余万元 for 11.8万 ✓);
  近/将近/接近 (near)          the fact rounded up or half-up to the step equals it (近300人 for 296 or 312 ✓);
  以下 (under)                 the fact is at most the draft value and rounded up to the step equals it.
Vague quantities without a figure of their own (上百, 数十, 几十, 二三十) keep their interval (数十 = 20..100).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

Kind = str  # "number" | "percent" | "money" | "date" | "range" | "session" | "rank"


@dataclass(slots=True)
class Mention:
    """One number in a text. Offsets are code points into the text as given.

    value: the number scaled to the group's base unit (12.6万元 -> 126000, unit 元); None for compound
    dates, ranges and session numbers, whose identity is `key`. lo/hi: the interval an approximate number
    stands for (300余 -> 300..400). `context`: character bigrams of the words around the number.
    """

    start: int
    end: int
    text: str
    value: float | None
    unit: str | None = None
    group: str | None = None
    kind: Kind = "number"
    approximate: bool = False
    lo: float | None = None
    hi: float | None = None
    key: tuple | None = None
    item: str | None = None  # what the number counts, in the text's words (drafter.numcheck.items)
    item_grams: frozenset[str] | None = field(default=None, repr=False, compare=False)
    mode: str | None = None  # approximate numbers: about | over | near | under | vague (see the module docstring)
    source: str = field(default="", repr=False, compare=False)  # the text it was found in
    _context: frozenset[str] | None = field(default=None, repr=False, compare=False)

    @property
    def unit_group(self) -> str | None:
        return self.group

    @property
    def context(self) -> frozenset[str]:
        """Context words (character bigrams of the clause around the number), computed on first use."""
        if self._context is None:
            from drafter.numcheck.context import context_words

            self._context = context_words(self.source, self.start, self.end)
        return self._context

    def display(self) -> str:
        return self.text.strip()

    def to_dict(self) -> dict:
        """The public fields as plain data (without the source text), e.g. for JSON."""
        return {"start": self.start, "end": self.end, "text": self.text, "value": self.value, "unit": self.unit,
                "unit_group": self.group, "kind": self.kind, "approximate": self.approximate, "lo": self.lo,
                "hi": self.hi, "context": sorted(self.context)}


def same_value(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def compatible_units(draft: Mention, fact: Mention) -> bool:
    """Same group; or one side has no unit (read in the other's unit); or one side has the generic 个
    (14个分公司 / 14家分公司) and both speak of the same thing (shared context words)."""
    if draft.group == fact.group or draft.group is None or fact.group is None:
        return True
    return "个" in (draft.group, fact.group) and len(draft.context & fact.context) >= 2


def matches(draft: Mention, fact: Mention) -> tuple[bool, str | None]:
    """Does `fact` prove `draft`? Returns (proved, note for the report)."""
    if draft.key is not None or fact.key is not None:
        return _keys_match(draft, fact), None
    if draft.value is None or fact.value is None or not compatible_units(draft, fact):
        return False, None
    note = None if draft.group == fact.group else f"单位不同：事实为{fact.display()}"
    if draft.approximate and not fact.approximate:
        if rounds_to(draft, fact.value):
            exact = same_value(draft.value, fact.value)
            return True, note if exact else f"约数（rounded）：事实为{fact.display()}"
        return False, None
    if draft.approximate and fact.approximate:
        if same_value(draft.value, fact.value) or _overlap(draft, fact):
            return True, note
        return False, None
    if same_value(draft.value, fact.value):
        return True, note if not fact.approximate else f"事实为约数：{fact.display()}"
    return False, None


def step_of(value: float) -> float:
    """The place of the last non-zero digit: 300 -> 100, 312 -> 1, 12.5 -> 0.1, 126000 -> 1000."""
    if value <= 0:
        return 1.0
    if value != int(value):
        return 10 ** -len(repr(value).split(".")[1])
    step, n = 1.0, int(value)
    while n % 10 == 0 and n:
        n //= 10
        step *= 10
    return step


def rounds_to(draft: Mention, fact: float) -> bool:
    """Is the approximate `draft` the fact's own value rounded (the significant-digit rule above)?"""
    if draft.mode in (None, "vague") or draft.value is None:
        return draft.lo is not None and draft.hi is not None and draft.lo <= fact <= draft.hi
    step, value = step_of(draft.value), draft.value
    q = fact / step
    half_up = math.floor(q + 0.5 + 1e-9) * step
    down, up = math.floor(q + 1e-9) * step, math.ceil(q - 1e-9) * step
    if draft.mode == "about":
        return same_value(half_up, value)
    if draft.mode == "over":
        return fact >= value - 1e-9 and same_value(down, value)
    if draft.mode == "near":
        return same_value(up, value) or same_value(half_up, value)
    return fact <= value + 1e-9 and same_value(up, value)  # under


def _overlap(a: Mention, b: Mention) -> bool:
    if None in (a.lo, a.hi, b.lo, b.hi):
        return False
    return a.lo <= b.value <= a.hi and b.lo <= a.value <= b.hi


def _keys_match(draft: Mention, fact: Mention) -> bool:
    if draft.key is None or fact.key is None or draft.key[0] != fact.key[0]:
        return False
    if draft.key[0] == "date":
        return date_consistent(draft.key, fact.key)
    if draft.key[0] == "range":
        d, f = draft.key, fact.key
        if d[1] not in (None, f[1]) and f[1] is not None:
            return False
        return _endpoint_match(d[2], f[2]) and _endpoint_match(d[3], f[3])
    if draft.key[0] == "session":
        return fact.key[1][:len(draft.key[1])] == draft.key[1]  # 第二届 is proved by 二届三次
    return draft.key == fact.key


def covers(draft: Mention, fact: Mention) -> bool:
    """Does the draft mention state the fact's number? (for `missing`; a date must give the fact's month/day)"""
    if draft.kind == "date" and fact.kind == "date":
        return date_covers(draft.key, fact.key)
    if draft.kind == "session" and fact.kind == "session":
        return draft.key[1][:len(fact.key[1])] == fact.key[1]
    return matches(draft, fact)[0]


def date_covers(draft_key: tuple, fact_key: tuple) -> bool:
    """The draft date states the fact's month, day and part; a year given on both sides is equal."""
    year_d, year_f = draft_key[1], fact_key[1]
    if year_d is not None and year_f is not None and year_d != year_f:
        return False
    if year_f is not None and year_d is None and fact_key[2] is None:
        return False  # the fact is a year alone
    for i in (2, 3):
        if fact_key[i] is not None and draft_key[i] != fact_key[i]:
            return False
    return not fact_key[4] or draft_key[4] == fact_key[4]


def date_consistent(draft_key: tuple, fact_key: tuple) -> bool:
    """("date", year, month, day, part): the draft's given parts equal the fact's, and share at least one."""
    shared = 0
    for d, f in zip(draft_key[1:4], fact_key[1:4]):
        if d is None:
            continue
        if f is None or d != f:
            return False
        shared += 1
    part_d, part_f = draft_key[4], fact_key[4]
    if part_d and part_f and part_d != part_f:
        return False
    if part_d and not part_f and fact_key[3] is None:
        return False  # the draft says 11月底, the fact only 11月
    return shared > 0


def _endpoint_match(a, b) -> bool:
    if isinstance(a, tuple) and isinstance(b, tuple):
        return date_consistent(("date", *a), ("date", *b))
    if isinstance(a, float) and isinstance(b, float):
        return same_value(a, b)
    return False
