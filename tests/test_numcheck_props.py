"""Property tests: every surface form parses back to its value; a changed digit is caught; a dropped fact is missing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.numcheck import check, extract_numbers

DIGITS = "零一二三四五六七八九"
CAPITALS = dict(zip("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟"))
FULL = str.maketrans("0123456789.,", "０１２３４５６７８９．，")


def chinese_section(n: int) -> str:
    """0 < n < 10000 in Chinese numerals, with 零 for gaps (一千零五, 二百三十)."""
    out, zero = "", False
    for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            if zero and out:
                out += "零"
            out += DIGITS[digit] + name
            zero = False
        else:
            zero = True
    return out


def chinese(n: int) -> str:
    parts, started = [], False
    for value, name in ((10**8, "亿"), (10**4, "万"), (1, "")):
        section = n // value % 10**4 if value < 10**8 else n // value
        if section:
            text = chinese_section(section)
            if started and section < 1000:
                text = "零" + text
            parts.append(text + name)
            started = True
        elif started:
            started = started  # a zero section is implied by the 零 of the next one
    return "".join(parts)


def grouped(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


def scaled(n: int, unit: str, size: int) -> str | None:
    """12.6万 / 1.2亿 when n is a whole number of thousandths of the unit."""
    if n % (size // 10000 or 1) or n < size:
        return None
    return f"{(Decimal(n) / size).normalize():f}{unit}"


def colloquial(n: int) -> list[str]:
    """两千 for 二千, and 3万2 / 三万二 for 32000 (a trailing digit one place below the last unit)."""
    out = []
    text = chinese(n)
    if text.startswith("二") and len(text) > 1 and text[1] in "千百万亿":
        out.append("两" + text[1:])
    if n % 1000 == 0 and n % 10000 and n >= 10000 and n < 10**8:
        out.append(f"{n // 10000}万{n // 1000 % 10}")
        out.append(f"{chinese(n // 10000)}万{DIGITS[n // 1000 % 10]}")
    return out


def forms(n: int) -> list[str]:
    out = [str(n), grouped(n, ","), grouped(n, "，"), str(n).translate(FULL), grouped(n, ",").translate(FULL),
           chinese(n), "".join(CAPITALS.get(c, c) for c in chinese(n))]
    out += [f for f in (scaled(n, "万", 10**4), scaled(n, "亿", 10**8)) if f]
    return out + colloquial(n)


@pytest.mark.parametrize(("n", "form"), [(2000, "两千"), (32000, "3万2"), (32000, "三万二"), (2_0000_0000, "两亿")])
def test_colloquial_forms_are_generated(n, form):
    assert form in forms(n)


VALUES = st.one_of(
    st.integers(min_value=1, max_value=999_999_999_999),
    st.integers(min_value=1, max_value=99_999).map(lambda k: k * 1000),  # round values: 3万2, 两千, 12.6万
    st.integers(min_value=1, max_value=9_999).map(lambda k: k * 10**8 // 100),
)


@settings(max_examples=400, deadline=None)
@given(VALUES)
def test_every_surface_form_parses_back(n):
    for form in forms(n):
        mentions = extract_numbers(f"共慰问困难职工{form}人，")
        assert [m.value for m in mentions] == [float(n)], form


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=99_999_999), st.integers(min_value=0, max_value=99))
def test_decimals_parse_back(whole, hundredths):
    text = f"{whole}.{hundredths:02d}"
    for form in (text, text.translate(FULL)):
        [mention] = extract_numbers(f"满意率达{form}%")
        assert mention.value == float(text)


def money_forms(yuan: int) -> list[str]:
    return [f"{yuan}元", f"{grouped(yuan, ',')}元"] + [f"{f}元" for f in (scaled(yuan, "万", 10**4),) if f]


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=10_000, max_value=99_990_000).map(lambda v: v - v % 1000))
def test_money_forms_prove_each_other(yuan):
    for fact in money_forms(yuan):
        for draft in money_forms(yuan):
            assert check([f"发放慰问金{fact}"], f"共发放慰问金{draft}").ok, (fact, draft)


TEMPLATES = ["春节走访慰问困难职工{}户", "发放慰问金{}元", "组织{}人参加职工运动会", "举办培训班{}期",
             "新建职工书屋{}个", "职工满意率{}%", "开展安全检查{}次", "受理劳动争议{}件"]


@st.composite
def facts_and_values(draw):
    count = draw(st.integers(min_value=1, max_value=len(TEMPLATES)))
    values = draw(st.lists(st.integers(min_value=10, max_value=99_999), min_size=count, max_size=count, unique=True))
    templates = draw(st.permutations(TEMPLATES))[:count]
    return [t.format(v) for t, v in zip(templates, values)], values


@settings(max_examples=150, deadline=None)
@given(facts_and_values(), st.data())
def test_a_changed_digit_is_caught(case, data):
    facts, values = case
    which = data.draw(st.integers(min_value=0, max_value=len(facts) - 1))
    digits = str(values[which])
    pos = data.draw(st.integers(min_value=0, max_value=len(digits) - 1))
    new_digit = data.draw(st.sampled_from([d for d in "0123456789" if d != digits[pos] and (pos or d != "0")]))
    changed = digits[:pos] + new_digit + digits[pos + 1:]
    drafted = list(facts)
    drafted[which] = facts[which].replace(digits, changed)
    draft = "；".join(drafted) + "。"
    offset = len("；".join(drafted[:which])) + (1 if which else 0)
    result = check(facts, draft)
    hit = next(h for h in result.numbers if offset <= h.start < offset + len(drafted[which]))
    assert hit.text.startswith(changed)
    assert hit.status in ("mismatch", "unsupported")
    assert not result.ok
    assert which + 1 in [m.fact_line for m in result.missing]


@settings(max_examples=150, deadline=None)
@given(facts_and_values(), st.data())
def test_a_dropped_fact_is_missing(case, data):
    facts, _ = case
    dropped = data.draw(st.integers(min_value=0, max_value=len(facts) - 1))
    draft = "；".join(f for i, f in enumerate(facts) if i != dropped) + "。"
    result = check(facts, draft)
    assert [m.fact_line for m in result.missing] == [dropped + 1]
    assert result.missing[0].text == facts[dropped]
    assert all(h.status == "supported" for h in result.numbers)
