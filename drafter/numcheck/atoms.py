"""Atoms: one numeral with its prefix, 余/多, 万/亿, unit and 左右, matched by one regex and parsed at once.

drafter.numcheck.combine turns atoms into dates, ranges, session numbers and `Mention`s.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from drafter.numcheck.cnnum import BIG, CN_CHARS, SMALL, parse_numeral, parse_rough, scale
from drafter.numcheck.mention import step_of
from drafter.numcheck.units import (
    DATE_DAY_UNITS,
    DATE_MONTH_UNITS,
    DATE_YEAR_UNITS,
    SCALE,
    UNITS,
)

_CN = f"[{CN_CHARS}]"
# Atomic group: a numeral run is never split again on backtracking (no exponential blow-up on long runs).
_NUM = rf"(?>(?:[0-9]+(?:,[0-9]{{3}}(?![0-9]))*(?:\.[0-9]+)?|{_CN})+)"
_UNIT = "|".join(re.escape(u) for u in sorted(set(UNITS), key=len, reverse=True))
# The leading look-ahead fails with one class test where no number can start (without it every choice is tried
# there: ten times slower); Python's re still calls it at every position (it skips only to a leading literal or class).
ATOM = re.compile(
    rf"(?=[约将接近超逾多大百上数几第0-9{CN_CHARS}])"
    rf"(?P<pre>大约|(?<![节制预签条公契合规])约|将近|接近|(?<![最附靠亲邻贴])近|超过|逾|多达)?"
    rf"(?:百分之(?P<pct>(?:[0-9.]|{_CN}|点)+)"
    rf"|(?P<fden>{_NUM})分之(?P<fnum>{_NUM})"
    rf"|(?P<vague>上|数|几)(?P<vmag>[十百千万]{{1,2}})"
    rf"|(?P<ord>第)(?P<onum>{_NUM})"
    rf"|(?P<num>{_NUM}))"
    rf"(?P<suf>余|多|几|来)?(?P<mult>[万亿])?"
    rf"(?: ?(?P<unit>{_UNIT}))?"
    rf"(?P<post>左右|上下|以上|以下|之多|多|余)?"
)
_CN_SET = frozenset(CN_CHARS)


def has_cn_numeral(text: str) -> bool:
    return not _CN_SET.isdisjoint(text)  # (any character of text in the set, without a Python loop)


@dataclass(slots=True)
class Atom:
    start: int
    end: int
    value: float | None
    unit: str | None = None
    approximate: bool = False
    lo: float | None = None
    hi: float | None = None
    date: tuple | None = None  # (year, month, day, part)
    session: tuple | None = None  # ((届, 2),)
    ordinal_count: bool = False  # 第N次 (a session only when a 会 follows)
    rank: bool = False
    quarter: bool = False
    dropped: bool = False
    mode: str | None = None  # how an approximate number rounds: about | over | near | under | vague


@lru_cache(maxsize=4096)  # a numeral's value depends on its characters only (kept as a word's tag is)
def _numeral_value(raw: str, prefixed: bool) -> tuple[float | None, tuple[float, float] | None]:
    if prefixed and len(raw) == 1 and (raw in SMALL or raw in BIG):
        return float(SMALL.get(raw) or BIG[raw]), None  # 近万, 逾千, 近百
    value = parse_numeral(raw)
    if value is not None:
        return value, None
    rough = parse_rough(raw)
    return (rough[0], rough) if rough else (None, None)


def parse_atom(m: re.Match) -> Atom | None:
    g = m.groupdict()
    if g["pct"] is not None:
        return _percent(m, g)
    if g["fden"] is not None:
        return _fraction(m, g)
    if g["vague"] is not None:
        mag = 1.0
        for char in g["vmag"]:
            mag *= SMALL.get(char) or BIG[char]
        low = mag if g["vague"] == "上" else 2 * mag
        atom = Atom(m.start(), m.end(), low, approximate=True, lo=low, hi=10 * mag, mode="vague")
        return _finish(atom, g, BIG.get(g["mult"] or "", 1))
    raw = g["onum"] if g["ord"] else g["num"]
    value, rough = _numeral_value(raw, bool(g["pre"]))
    if value is None:
        return None
    if not math.isfinite(value):
        return Atom(m.start(), m.end(), None, unit=g["unit"])  # a number too long to be a quantity
    atom = Atom(m.start(), m.end(), value)
    if rough:
        atom.approximate, atom.lo, atom.hi, atom.mode = True, rough[0], rough[1], "vague"
    if g["suf"]:
        atom.approximate, atom.lo, atom.hi = True, value, value + step_of(value)
        atom.mode = atom.mode or "over"
    factor = BIG.get(g["mult"] or "", 1)
    if g["ord"]:
        return _ordinal(atom, g["unit"])
    cn_only = not any(c.isdigit() for c in raw)
    if cn_only and len(raw) == 1 and not (g["unit"] or g["mult"] or g["suf"] or g["pre"]):
        return None  # 三方, 五星: a lone Chinese numeral without a unit is no quantity
    if g["unit"] and not g["mult"] and not atom.approximate and not g["pre"] and not g["post"]:
        atom.date = _date(raw, value, g["unit"])
        if atom.date is not None:
            return atom
    if g["unit"] == "届":
        atom.session = (("届", value),)
        return atom
    if g["unit"] == "季度" and value in (1, 2, 3, 4) and not atom.approximate:
        atom.quarter = True  # 一季度 / 第一季度: a period, compared as an identifier
        return atom
    return _finish(atom, g, factor)


def _finish(atom: Atom, g: dict, factor: float) -> Atom:
    unit = g["unit"]
    factor *= SCALE.get(unit or "", 1)
    if unit in ("个多月", "个余月"):
        atom.approximate, atom.lo, atom.hi, atom.mode = True, atom.value, atom.value + 1, "over"
    elif unit == "个半月":
        atom.value += 0.5
    atom.unit = "个月" if unit and unit.startswith("个") and unit.endswith("月") else unit
    atom.value = scale(atom.value, factor)
    if atom.lo is not None:
        atom.lo, atom.hi = scale(atom.lo, factor), scale(atom.hi, factor)
    _approximation(atom, g["pre"], g["post"])
    return atom


def _approximation(atom: Atom, pre: str | None, post: str | None) -> None:
    v = atom.value
    base_lo, base_hi = (atom.lo, atom.hi) if atom.approximate else (v, v)
    if pre in ("约", "大约") or post in ("左右", "上下"):
        atom.lo, atom.hi, mode = min(base_lo, v * 0.9), max(base_hi, v * 1.1), "about"
    elif pre in ("近", "将近", "接近"):
        atom.lo, atom.hi, mode = v * 0.85, base_hi, "near"
    elif pre in ("超过", "逾", "多达") or post in ("以上", "之多"):
        atom.lo, atom.hi, mode = v, max(base_hi, 2 * v), "over"
    elif post in ("多", "余"):
        atom.lo, atom.hi, mode = v, max(base_hi, v + step_of(v)), "over"
    elif post == "以下":
        atom.lo, atom.hi, mode = 0.0, v, "under"
    else:
        return
    atom.approximate = True
    atom.mode = atom.mode if atom.mode == "vague" else mode


def _percent(m: re.Match, g: dict) -> Atom | None:
    whole, _, frac = g["pct"].partition("点")
    value = _numeral_value(whole, prefixed=True)[0]  # 百分之百 = 100%
    if value is None:
        return None
    if frac:
        digits = "".join(str(int(parse_numeral(c) or 0)) for c in frac)
        value = float(f"{int(value)}.{digits}")
    atom = Atom(m.start(), m.start("pct") + len(g["pct"]), value, unit="%")  # 约百分之九十: the whole phrase
    _approximation(atom, g["pre"], None)
    return atom


def _fraction(m: re.Match, g: dict) -> Atom | None:
    """三分之二 -> 66.67 (in %, so that it compares with percentages); the rest of the atom is ignored."""
    den, num = parse_numeral(g["fden"]), parse_numeral(g["fnum"])
    if not den or num is None:
        return None
    end = m.start("fnum") + len(g["fnum"])
    return Atom(m.start(), end, round(num / den * 100, 6), unit="%")


def _ordinal(atom: Atom, unit: str | None) -> Atom | None:
    if unit == "届":
        atom.session = (("届", atom.value),)
    elif unit == "次":
        atom.session = (("次", atom.value),)
        atom.ordinal_count = True
    elif unit in ("名", "位"):
        atom.rank, atom.unit = True, "名次"
    elif unit == "季度" and atom.value in (1, 2, 3, 4):
        atom.quarter = True
    else:
        return None  # 第一、第二 … headings and ordinals are no quantities
    return atom


@lru_cache(maxsize=4096)
def _date(raw: str, value: float, unit: str) -> tuple | None:
    if value != int(value):
        return None
    v = int(value)
    if unit in DATE_YEAR_UNITS and 1900 <= v <= 2100 and len(raw) == 4:
        return (v, None, None, unit[1:].replace("度", "") or None)  # 2025年度 = 2025年
    if unit in DATE_MONTH_UNITS and 1 <= v <= 12:
        return (None, v, None, unit[1:].replace("份", "") or None)
    if unit in DATE_DAY_UNITS and 1 <= v <= 31:
        return (None, None, v, None)
    return None
