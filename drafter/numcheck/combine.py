"""Combine neighbouring atoms into dates (2025年5月17日), ranges (3-5月, 5月15日至17日) and session numbers
(二届三次), and turn every atom into a `Mention`. One pass over the atom list.
"""

from __future__ import annotations

import re

from drafter.numcheck.atoms import Atom
from drafter.numcheck.mention import Mention
from drafter.numcheck.units import group_of, kind_of_unit
from textkit.sentences import COMMAS, FULL_STOP, SEMICOLONS, char_class

_JOINERS = frozenset(("-", "—", "–", "~", "至", "到", "——", "--", "－"))
_SESSION_TAIL = re.compile(char_class(COMMAS + FULL_STOP + SEMICOLONS + "\n", negate=True) + "{0,8}?会")


def _days_before_joiner(atoms: list[Atom], text: str) -> None:
    """5月15至17日: the bare 15 between a month and 至17日 is a day."""
    for left, mid, right in zip(atoms, atoms[1:], atoms[2:]):
        if left.date is not None and left.date[1] is not None and left.date[2] is None and not left.date[3] \
                and mid.start == left.end and mid.unit is None and mid.date is None and not mid.approximate \
                and mid.value is not None and mid.value == int(mid.value) and 1 <= mid.value <= 31 \
                and right.date is not None and right.date[2] is not None and right.date[1] is None \
                and text[mid.end:right.start].strip() in _JOINERS:
            mid.date = (None, None, int(mid.value), None)


def combine(atoms: list[Atom], text: str) -> list[Mention]:
    """Dates, ranges and sessions from neighbouring atoms; the rest become plain mentions."""
    _days_before_joiner(atoms, text)
    out: list[Mention] = []
    i, n = 0, len(atoms)
    while i < n:
        atom = atoms[i]
        if atom.dropped:
            i += 1
            continue
        if atom.date is not None:
            j = i + 1
            while j < n and atoms[j].date is not None and atoms[j].start == atoms[j - 1].end \
                    and date_follows(atoms[j - 1].date, atoms[j].date):
                j += 1
            mention = date_mention(atoms[i:j])
            i = j
        elif atom.ordinal_count:
            i += 1
            if not _SESSION_TAIL.match(text, atom.end):
                continue  # 第一次 …: an ordinal, no session number
            mention = session_mention([atom])
        elif atom.session is not None:
            j = i + 1
            if j < n and atoms[j].start == atom.end and atoms[j].unit == "次" and atoms[j].value is not None:
                mention = session_mention([atom, atoms[j]])
                i = j + 1
            else:
                mention = session_mention([atom])
                i = j
        else:
            mention = plain_mention(atom)
            i += 1
        out.append(mention)
    return _ranges(out, text)


def _ranges(mentions: list[Mention], text: str) -> list[Mention]:
    out: list[Mention] = []
    for mention in mentions:
        if out and _joinable(out[-1], mention, text):
            out[-1] = range_mention(out[-1], mention)
        else:
            out.append(mention)
    return out


def _joinable(left: Mention, right: Mention, text: str) -> bool:
    if left.kind == "range" or text[left.end:right.start].strip() not in _JOINERS:
        return False
    if left.kind == "date" or right.kind == "date":
        return left.kind == "date" or (left.unit is None and left.value is not None and not left.approximate)
    if {left.kind, right.kind} & {"session", "rank", "quarter"}:
        return False
    return left.value is not None and right.value is not None and (left.unit is None or left.group == right.group)


def date_follows(left: tuple, right: tuple) -> bool:
    """2025年 + 5月 + 17日: the right atom adds the next finer part and the left one has no part word."""
    last_left = max(i for i in range(3) if left[i] is not None)
    first_right = min(i for i in range(3) if right[i] is not None)
    return first_right == last_left + 1 and not left[3]


def date_mention(atoms: list[Atom]) -> Mention:
    parts = [None, None, None, None]
    for atom in atoms:
        for i, part in enumerate(atom.date):
            if part is not None:
                parts[i] = part
    given = [i for i in range(3) if parts[i] is not None]
    unit = "年月日"[given[0]] if len(given) == 1 else "日期"
    value = float(parts[given[0]]) if len(given) == 1 else None
    return Mention(atoms[0].start, atoms[-1].end, "", value, unit, "日期", "date", key=("date", *parts))


def session_mention(atoms: list[Atom]) -> Mention:
    key = tuple(pair for atom in atoms for pair in (atom.session or (("次", atom.value),)))
    return Mention(atoms[0].start, atoms[-1].end, "", None, "届次", "届次", "session", key=("session", key))


def plain_mention(atom: Atom) -> Mention:
    if atom.rank:
        return Mention(atom.start, atom.end, "", atom.value, "名次", "名次", "rank", key=("rank", atom.value))
    if atom.quarter:
        return Mention(atom.start, atom.end, "", atom.value, "季度", "季度", "quarter", key=("quarter", atom.value))
    group = group_of(atom.unit)
    unit = group if group in ("元", "%") else atom.unit
    return Mention(atom.start, atom.end, "", atom.value, unit, group, kind_of_unit(atom.unit),
                   atom.approximate, atom.lo, atom.hi, mode=atom.mode)


def range_mention(left: Mention, right: Mention) -> Mention:
    if right.kind == "date":
        lo = left.key[1:] if left.kind == "date" else _date_like(left, right)
        hi = _inherit(lo, right.key[1:])
        key = ("range", "日期", lo, hi)
        unit = "日期"
    else:
        key = ("range", right.group, left.value, right.value)
        unit = right.unit
    return Mention(left.start, right.end, "", None, unit, right.group, "range",
                   left.approximate or right.approximate, key=key)


def _date_like(left: Mention, right: Mention) -> tuple:
    """The bare 3 in 3-5月 takes the finest part of the right date."""
    parts = [None, None, None, None]
    finest = max(i for i in range(3) if right.key[1 + i] is not None)
    parts[finest] = int(left.value)
    return tuple(parts)


def _inherit(lo: tuple, hi: tuple) -> tuple:
    """5月15日至17日: the end takes the year and month of the start."""
    parts = list(hi)
    first = min((i for i in range(3) if hi[i] is not None), default=0)
    for i in range(first):
        parts[i] = lo[i]
    return tuple(parts)
