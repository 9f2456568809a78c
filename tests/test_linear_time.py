"""The check runs in time linear in its input (issue 24, D1/D2): random texts of growing size — runs of blank
lines, one long clause, the facts repeated, punctuation runs, blanks, chatter and Latin/digit runs — must show
CPU time per KB flat within 2× from 1 KB to 1 MB.

Measured as a ratio between sizes of the same process's CPU time (time.process_time), never as an absolute
budget: a quadratic pattern (`^\\s*` over 100,000 blank lines took minutes) grows a thousandfold over that range.
The fast loop (`make check`) stops at 128 KB, where a quadratic term still grows 128-fold against the 2× allowed;
the full sizes run as `slow` (CI, `make test`).
"""

from __future__ import annotations

import gc
import random
import time

import pytest

from drafter.numcheck import check, extract_numbers, load_lexicon

FACTS = ["春节走访慰问困难职工86户，发放慰问金12.6万元", "组织职工技能比武3场，参赛职工420人次"]
WORDS = ["走访慰问", "困难职工", "工会", "开展", "技能比武", "职工", "发放", "慰问金", "组织", "参赛"]
FAST_TOP = 128_000  # the largest size in the fast loop
FULL_TOP = 1_000_000
SHORTER = ("echo_and_latin", "digit_scripts")  # the costlier generators (about 4-14 µs a character): to 256 KB


def _fill(rng: random.Random, n: int, piece) -> str:
    parts, size = [], 0
    while size < n:
        part = piece(rng)
        parts.append(part)
        size += len(part)
    return "".join(parts)[:n]


GENERATORS = {
    # the D1 probe: a title, a run of blank lines, then body text (with some blanks and CRs in the run)
    "blank_lines": lambda rng, n: "标题" + _fill(rng, n, lambda r: r.choice(["\n", "\n", "\n", " \n", "\r\n"])) + "正文86户",
    # one clause of activity and object words without a separator (D2)
    "long_clause": lambda rng, n: _fill(rng, n, lambda r: r.choice(WORDS)),
    # the facts written again and again, as a model stuck in a loop does
    "repeated_facts": lambda rng, n: _fill(rng, n, lambda r: r.choice(FACTS) + r.choice("，。；\n")),
    # runs of punctuation and blanks, and blank runs inside a line
    "punctuation": lambda rng, n: _fill(rng, n, lambda r: r.choice("，。！？；：、“”《》（）—…*#|->` \t\u3000") * r.randint(1, 40)),
    # chatter and prompt echoes many times in one sentence, Latin words ending in digits
    "echo_and_latin": lambda rng, n: _fill(rng, n, lambda r: r.choice(["以下是", "好的", "a1", "x9", "**", "第1"])),
    # sentence after sentence of wordings that fill no role (CheckResult.unverified): each found in its clause
    "unnamed_wordings": lambda rng, n: _fill(rng, n, lambda r: r.choice(
        ["引导职工养成科学健身的好习惯。", "努力做到件件有着落。", "让职工读书蔚然成风。", "走访慰问困难职工86户。"])),
    # digits of other scripts, circled and Roman (D3) among numbers and units
    "digit_scripts": lambda rng, n: _fill(rng, n, lambda r: r.choice(["𝟗𝟗户", "⑫", "Ⅻ届", "٣٤", "1O0", "86户", "，"])),
}


def _cpu_per_kb(make, lexicon) -> float:
    """CPU time per KB of input over fresh inputs from `make()` -> (facts, draft), repeated until 32 KB were
    checked (the check caches what it read from the facts: the same input twice would measure the cache)."""
    gc.collect()
    spent, size = 0.0, 0
    while size < 32_000:
        facts, draft = make()
        start = time.process_time()
        check(facts, draft, lexicon=lexicon)
        spent += time.process_time() - start
        size += len(draft) + sum(map(len, facts))
    return spent / (size / 1000)


def _full_top(name: str) -> int:
    return 256_000 if name in SHORTER else FULL_TOP


CASES = [pytest.param(name, FAST_TOP, id=f"{name}-128k") for name in sorted(GENERATORS)] + [
    pytest.param(name, _full_top(name), id=f"{name}-{_full_top(name) // 1000}k", marks=pytest.mark.slow)
    for name in sorted(GENERATORS)]


@pytest.mark.parametrize(("name", "top"), CASES)
def test_check_time_per_kb_is_flat_from_1_kb_to_1_mb(name, top):
    lexicon = load_lexicon()
    check(FACTS, "预热", lexicon=lexicon)
    rng = random.Random(f"linear-{name}")
    sizes = (1_000, 32_000, top)
    per_kb = {n: _cpu_per_kb(lambda: (FACTS, GENERATORS[name](rng, n)), lexicon) for n in sizes}
    smallest = per_kb[sizes[0]]
    for n in sizes[1:]:
        assert per_kb[n] <= 2 * smallest, f"{name}: {per_kb[n] * 1000:.2f} ms/KB at {n} chars, " \
                                          f"{smallest * 1000:.2f} ms/KB at {sizes[0]}: {per_kb}"


def test_long_facts_cost_linear_time_too():
    """The facts' side: one very long fact line, and very many fact lines."""
    lexicon = load_lexicon()
    rng = random.Random("facts")
    long_fact = lambda n: [_fill(rng, n, lambda r: r.choice(WORDS) + str(r.randint(1, 999)) + "户")]  # noqa: E731
    many_facts = lambda n: [r + str(rng.randint(1, 999)) + "人" for r in FACTS * (n // 50)]  # noqa: E731
    for facts_of in (long_fact, many_facts):
        per_kb = {n: _cpu_per_kb(lambda: (facts_of(n), FACTS[0]), lexicon) for n in (2_000, 128_000)}
        assert per_kb[128_000] <= 2 * per_kb[2_000], per_kb


def test_number_scan_of_a_digit_run_is_linear():
    lexicon = load_lexicon()
    times = {}
    for n in (1_000, 256_000):
        text = "8" * n + "户"
        start = time.process_time()
        extract_numbers(text, lexicon)
        times[n] = (time.process_time() - start) / n
    assert times[256_000] <= 2 * max(times[1_000], 1e-7), times
