"""Labelled sets built from the corpus by construction (no hand-picked drafts): helpers for test_faithful_sets.

Every set is derived deterministically from the paragraphs of samples/*.md (the seed texts only on request), so
a change of the check is measured on hundreds of real union sentences, not on one draft, and the sets are the same
on every machine. The labels are built independently of the checker: numbers are found here by a plain pattern
(digits, an optional 万/亿 and a count unit), never by drafter.numcheck's own parsing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.settings import PROJECT_ROOT

SEEDS_DIR = PROJECT_ROOT.parent / "shared" / "seeds"
_SENTENCE = re.compile(r"(?<=[。；！？!?;])")
_CLAUSE = re.compile(r"[^，,：:。；;！？!?]+[，,：:。；;！？!?]?")
COUNT_GROUPS = ("人", "户", "人次", "元", "个", "次", "场", "项", "名", "家", "期", "件", "篇", "条")
ACTIVITY = re.compile("开展|举办|举行|召开|走访|慰问|发放|培训|表彰|评选|成立|建立|签订|参加|实施|投入|帮扶|捐")


def corpus_paragraphs(min_len: int = 20, seeds: bool = False) -> list[str]:
    """The distinct paragraphs of samples/*.md (front matter removed) and, with `seeds`, of the seed texts."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((PROJECT_ROOT / "samples").glob("*.md"))]
    texts = [t.split("---", 2)[2] if t.startswith("---") else t for t in texts]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS_DIR.glob("*.txt"))] if seeds else []
    seen, out = set(), []
    for text in texts:
        for paragraph in text.splitlines():
            paragraph = paragraph.strip()
            if len(paragraph) >= min_len and paragraph not in seen:
                seen.add(paragraph)
                out.append(paragraph)
    return out


def sentences(paragraph: str) -> list[str]:
    return [s for s in _SENTENCE.split(paragraph) if s.strip()]


def clauses(paragraph: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _CLAUSE.finditer(paragraph) if m.group(0).strip()]


@dataclass(frozen=True)
class Number:
    """A plain count found by this module's own pattern: digits, an optional 万/亿, then a count unit."""

    start: int
    end: int
    text: str
    value: float
    group: str


_SAME_GROUP = {"名": "人", "位": "人", "户次": "户"}  # units that count the same thing
_UNITS = "|".join(sorted({*COUNT_GROUPS, *_SAME_GROUP}, key=len, reverse=True))  # 人次 before 人
# Not after a digit, a decimal point, 第 (an ordinal) or a range/approximation mark; not before a unit that goes
# on (场次, 户次), 多/余 (approximate) or 百分点.
_COUNT = re.compile(rf"(?<![0-9.．第约近逾超\-—~至到])([0-9]+(?:\.[0-9]+)?)(万|亿)?({_UNITS})(?!次|多|余|百分|左右|以上)")
_SCALE = {None: 1, "万": 10_000, "亿": 100_000_000}


def plain_numbers(text: str) -> list[Number]:
    """The plain counts of `text` (86户, 12.6万元, 420人次), in order."""
    out = []
    for m in _COUNT.finditer(text):
        if text[max(0, m.start() - 2):m.start()] in ("超过", "多达", "大约", "将近", "接近"):
            continue
        out.append(Number(m.start(), m.end(), m.group(0), float(m.group(1)) * _SCALE[m.group(2)],
                          _SAME_GROUP.get(m.group(3), m.group(3))))
    return out


def has_number(text: str) -> bool:
    """Digits, or a Chinese numeral before a measure word (三户, 两场)."""
    return re.search(r"[0-9０-９]|[一二两三四五六七八九十百千万]+[个名人户次场项位家期件篇条元]", text) is not None


def is_rounding(x: float, value: float) -> bool:
    """Is x `value` rounded to tens, hundreds, … (1234 -> 1230, 1200, 1000)?"""
    return any(x == round(value, -k) for k in range(1, len(str(int(value)))))


def swaps(paragraphs: list[str]) -> list[tuple[list[str], str, tuple[int, int], tuple[int, int]]]:
    """Two plain numbers of the same unit group and different values, in different clauses of one paragraph,
    exchanged: (facts = the paragraph's sentences, draft, span of each swapped number in the draft)."""
    out = []
    for paragraph in paragraphs:
        mentions = plain_numbers(paragraph)
        bounds = [s for s, _, _ in clauses(paragraph)]
        for i, a in enumerate(mentions):
            b = next((m for m in mentions[i + 1:] if m.group == a.group and m.value != a.value
                      and _clause_of(bounds, m.start) != _clause_of(bounds, a.start)), None)
            if b is None:
                continue
            draft = paragraph[:a.start] + b.text + paragraph[a.end:b.start] + a.text + paragraph[b.end:]
            shift = len(b.text) - len(a.text)
            out.append((sentences(paragraph), draft, (a.start, a.start + len(b.text)),
                        (b.start + shift, b.start + shift + len(a.text))))
            break  # one swap per paragraph: every case is another paragraph
    return out


def _clause_of(bounds: list[int], pos: int) -> int:
    return sum(1 for b in bounds if b <= pos)


def moved_approximations(paragraphs: list[str]) -> list[tuple[list[str], str, tuple[int, int]]]:
    """A plain number of 20 or more written as 约X with X its value moved by 5-15 % (two significant digits),
    when X is not the fact's own value rounded: (facts, draft, span of the approximation)."""
    out = []
    shares = (0.05, 0.08, 0.1, 0.12, 0.15, -0.05, -0.08, -0.1, -0.12, -0.15)
    k = 0
    for paragraph in paragraphs:
        for m in plain_numbers(paragraph):
            if m.value < 20 or m.group == "元":
                continue
            share = shares[k % len(shares)]
            k += 1
            moved = _two_digits(m.value * (1 + share))
            if abs(moved - m.value) < 0.05 * m.value:
                continue
            if is_rounding(moved, m.value):
                continue
            unit = m.text[len(m.text.rstrip("人户次个场项名家期件篇条元万")):]
            written = f"约{_digits(moved)}{unit}" if unit else f"约{_digits(moved)}"
            draft = paragraph[:m.start] + written + paragraph[m.end:]
            out.append((sentences(paragraph), draft, (m.start, m.start + len(written))))
            break
    return out


def _two_digits(value: float) -> float:
    step = 10 ** max(0, len(str(int(value))) - 2)
    return round(value / step) * step


def _digits(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


_NOUN_FLAGS = ("n", "nz", "ns", "nt", "vn", "nr")


def _nouns(text: str) -> set[str]:
    import jieba.posseg

    return {w.word for w in jieba.posseg.cut(text) if w.flag in _NOUN_FLAGS and len(w.word) >= 2}


def frequent_nouns(paragraphs: list[str], top: int = 500) -> set[str]:
    """The corpus's most frequent nouns (by paragraphs): 工会, 职工, 工作 … say nothing specific."""
    from collections import Counter

    counts = Counter(n for p in paragraphs for n in _nouns(p))
    return {n for n, _ in counts.most_common(top)}


def left_out_clauses(paragraphs: list[str]) -> list[tuple[list[str], str, tuple[int, int]]]:
    """One concrete activity clause left out of the facts, which are the paragraph's other clauses:
    (facts, draft = the paragraph, span of the left-out clause). Concrete: an activity verb, at least 8
    characters, no number, and a noun (jieba's tagging) that is not among the corpus's 500 most frequent nouns
    and that no other clause of the paragraph writes: the clause tells something specific of its own."""
    common = frequent_nouns(paragraphs)
    out = []
    for paragraph in paragraphs:
        parts = clauses(paragraph)
        if len(parts) < 3 or paragraph.lstrip()[:1] in "一二三四五六七八九十（(0123456789":
            continue
        numbered = {(s, e) for s, e, _ in parts if has_number(paragraph[s:e])}
        for s, e, text in parts[1:]:
            body = text.rstrip("，,：:。；;！？!?")
            if (s, e) in numbered or len(body) < 8 or not ACTIVITY.search(body):
                continue
            facts = [t for s2, _, t in parts if s2 != s]
            others = "".join(facts)
            if not any(n not in common and n not in others for n in _nouns(body)):
                continue
            out.append((facts, paragraph, (s, s + len(body))))
            break
    return out


# --- items with a changed qualifier or head noun, and legitimate rewordings (issue 10, known gap) -------------
_NOUN = ("n", "nz", "an", "nt")
_SAY_NOTHING = frozenset({"工会", "公司", "全省", "全市", "单位", "企业", "全年", "今年", "各级", "基层", "我们"})
VERB_SYNONYMS = {"发放": "送去", "开展": "举办", "举办": "开展", "组织": "开展", "走访": "看望",
                 "征集": "收集", "收集": "征集", "召开": "举行", "举行": "召开", "参加": "参与", "参与": "参加",
                 "评选": "评出", "表彰": "表扬", "培训": "培养", "发展": "吸收", "帮扶": "帮助", "救助": "资助",
                 "投入": "拨付", "建立": "建成", "签订": "签署", "选派": "派出", "接待": "受理", "受理": "接待"}


def _item_tokens(paragraph: str, m: Number) -> tuple[int, list[tuple[int, int, str, str]]]:
    """(the start of the number's clause, jieba tokens (start, end, word, flag) of the clause before it)."""
    import jieba.posseg

    lo = max(paragraph.rfind(c, 0, m.start) for c in "，,。；;：:、！？\n（(") + 1
    tokens, pos = [], lo
    for w in jieba.posseg.cut(paragraph[lo:m.start]):
        tokens.append((pos, pos + len(w.word), w.word, w.flag))
        pos += len(w.word)
    return lo, tokens


def _noun_follows(paragraph: str, m: Number) -> bool:
    import jieba.posseg

    after = re.split(r"[，,。；;：:、！？\n（(]", paragraph[m.end:m.end + 12])[0]
    first = next(iter(jieba.posseg.cut(after)), None) if after else None
    return first is not None and first.flag in _NOUN + ("vn",)


def _tail_nouns(tokens: list) -> tuple[list, list]:
    """(the nouns right before the number, the tokens before them); a trailing 共/达/为/了 is skipped."""
    end = len(tokens)
    while end and tokens[end - 1][2] in ("共", "达", "为", "了", "共计", "累计", "计", "有"):
        end -= 1
    start = end
    while start and tokens[start - 1][3] in _NOUN and len(tokens[start - 1][2]) >= 2:
        start -= 1
    return tokens[start:end], tokens[:start]


def item_changes(paragraphs: list[str]) -> list[tuple[list[str], str, tuple[int, int], str]]:
    """Pairs (facts = the paragraph's sentences, draft, span of the number in the draft, label) built with
    jieba's tagging of the number's clause. Labels: "dropped" (a qualifier noun before the item's head is
    left out: 工会经费收入 -> 工会收入), "head" (the head noun replaced by another corpus head of the same unit
    group with no character in common: 会员总数 -> 职工总数); legitimate rewordings: "order" (the number
    moved before its noun: 发放慰问金37万元 -> 发放37万元慰问金), "verb" (the verb before the item replaced by
    a synonym: 发放 -> 送去), "added" (共 before the verb, or 了 after it). One case per label per paragraph."""
    plain = [(p, m) for p in paragraphs for m in plain_numbers(p)]
    heads: dict[str, list[str]] = {}
    tokenised = []
    for p, m in plain:
        if _noun_follows(p, m):
            continue  # the item is the noun after the measure word (为32户单亲家庭): not built here
        lo, tokens = _item_tokens(p, m)
        nouns, rest = _tail_nouns(tokens)
        tokenised.append((p, m, nouns, rest))
        if nouns and nouns[-1][2] not in _SAY_NOTHING:
            heads.setdefault(m.group, []).append(nouns[-1][2])
    pools = {g: sorted(set(h)) for g, h in heads.items()}
    out, used = [], set()
    for k, (p, m, nouns, rest) in enumerate(tokenised):
        for label, draft, start in _edits(p, m, nouns, rest, pools.get(m.group, []), k):
            if (p, label) not in used:
                used.add((p, label))
                out.append((sentences(p), draft, (start, start + len(m.text)), label))
    return out


def _replace(p: str, m: Number, s: int, e: int, new: str) -> tuple[str, int]:
    """The paragraph with p[s:e] (before the number) replaced, and the number's new start."""
    return p[:s] + new + p[e:], m.start + len(new) - (e - s)


def _edits(p: str, m: Number, nouns: list, rest: list, pool: list[str], k: int):
    """(label, draft, start of the number in the draft) for the edits of one number's item."""
    if len(nouns) >= 2 and nouns[-2][2] not in _SAY_NOTHING:
        yield ("dropped", *_replace(p, m, nouns[-2][0], nouns[-2][1], ""))
    if nouns and nouns[-1][2] not in _SAY_NOTHING and pool:
        head = nouns[-1][2]
        others = [h for h in pool if not set(h) & set(head)]
        if others:
            yield ("head", *_replace(p, m, nouns[-1][0], nouns[-1][1], others[k % len(others)]))
    verb = rest[-1] if rest and rest[-1][3] == "v" and len(rest[-1][2]) == 2 else None
    if not nouns or verb is None:
        return
    item = p[nouns[0][0]:nouns[-1][1]]
    between = p[nouns[-1][1]:m.start]
    yield "order", p[:nouns[0][0]] + between + m.text + item + p[m.end:], nouns[0][0] + len(between)
    if verb[2] in VERB_SYNONYMS:
        yield ("verb", *_replace(p, m, verb[0], verb[1], VERB_SYNONYMS[verb[2]]))
    if len(rest) < 2 or rest[-2][2] != "共":
        yield ("added", *_replace(p, m, verb[0], verb[0], "共"))
    else:
        yield ("added", *_replace(p, m, verb[1], verb[1], "了"))
