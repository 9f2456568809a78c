"""Parse numerals as written in Chinese text: Arabic, Chinese, capitals and mixed forms (3.5万, 3万2, 两千).

`parse_numeral` returns a float or None when the string is not a plausible quantity (千万 as an adverb,
三五成群 …). `parse_rough` recognises neighbouring digits such as 二三十 (20 to 30) as an approximate range.
"""

from __future__ import annotations

import re
from decimal import Decimal

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
          "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9, "幺": 1}
SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000}
CN_CHARS = "".join(DIGITS) + "".join(SMALL) + "".join(BIG)

_TOKEN = re.compile(r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?|.")
_ROUGH = re.compile(r"([一二三四五六七八])([二三四五六七八九])([十百千万]*)")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _is_arabic(token: str) -> bool:
    return token[0].isdigit()


def scale(value: float, factor: float) -> float:
    """value * factor without binary noise: 1.2509 * 10000 = 12509, not 12508.999999999998."""
    if factor == 1:
        return value
    return float(Decimal(repr(value)) * Decimal(repr(factor)))


def _number(token: str) -> float | None:
    if _is_arabic(token):
        return float(token.replace(",", ""))
    digit = DIGITS.get(token)
    return None if digit is None else float(digit)


def parse_numeral(text: str) -> float | None:
    """Value of a numeral string, or None if it is not a well-formed number."""
    if not text:
        return None
    tokens = _tokens(text)
    if not any(t in SMALL or t in BIG for t in tokens):
        return _positional(tokens)
    if tokens[0] in BIG or tokens[0] in ("百", "佰", "千", "仟"):
        return None  # 千万 / 百万 as words, 万人 … are not numerals on their own
    return _with_multipliers(tokens)


def _positional(tokens: list[str]) -> float | None:
    """Digits without multipliers: one Arabic number, one Chinese digit, or a digit string (二〇二五)."""
    if len(tokens) == 1:
        return _number(tokens[0])
    if all(t in DIGITS for t in tokens) and len(tokens) == 4:
        return float("".join(str(DIGITS[t]) for t in tokens))
    return None


def _with_multipliers(tokens: list[str]) -> float | None:
    total = 0.0
    section = 0.0
    current: float | None = None
    last_mult = 0
    after_zero = False
    for token in tokens:
        if token in SMALL:
            mult = SMALL[token]
            if current is None and section == 0 and total == 0 and mult != 10:
                return None
            section += scale(1 if current is None else current, mult)
            current, last_mult, after_zero = None, mult, False
        elif token in BIG:
            mult = BIG[token]
            value = section + (current or 0)
            if value == 0 and total == 0:
                return None
            if mult == 100_000_000:
                total = scale(total + value, mult)
            else:
                total += scale(value, mult)
            section, current, last_mult, after_zero = 0.0, None, mult, False
        elif token in ("零", "〇"):
            after_zero = True
        else:
            value = _number(token)
            if value is None or current is not None:
                return None
            current = value
    if current is not None and last_mult >= 10 and not after_zero and current < 10 and current == int(current):
        current *= last_mult / 10  # 一千二 = 1200, 3万2 = 32000, 十二 = 12
    return total + section + (current or 0)


def parse_rough(text: str) -> tuple[float, float] | None:
    """二三十 -> (20, 30), 三四 -> (3, 4): neighbouring digits that give an approximate range."""
    match = _ROUGH.fullmatch(text)
    if not match:
        return None
    low, high = DIGITS[match.group(1)], DIGITS[match.group(2)]
    if high != low + 1:
        return None
    scale = 1.0
    for char in match.group(3):
        scale *= SMALL.get(char) or BIG.get(char) or 1
    return low * scale, high * scale
