"""Find the numbers in a text in one left-to-right pass: `extract_numbers(text) -> list[Mention]`.

1. normalise (full-width digits and punctuation, same length, offsets kept);
2. mask what is no quantity: placeholders, list markers, lexicon words, numerals in short slogans “…”;
3. one compiled regex finds atoms (prefix, numeral, 余/多, 万/亿, unit, 左右 …), each parsed on the spot;
4. neighbouring atoms are combined into dates (2025年5月17日), ranges (3-5月, 5月15日至17日) and session
   numbers (二届三次). Every step is linear in the length of the text.
"""

from __future__ import annotations

import re

from drafter.numcheck import atoms as A
from drafter.numcheck.lexicon import Lexicon, load_lexicon
from drafter.numcheck.mention import Mention
from drafter.numcheck.normalize import mask_spans, normalize
from drafter.numcheck.placeholders import find_placeholders

_MARKER = re.compile(
    r"(?:^|(?<=[\n。；;:!?！？]))[ \t#>*\-]*(?:\(?[0-9]{1,2}(?:[、)]|\.(?![0-9]))|[一二三四五六七八九十]{1,3}[、.])"
    r"|\([ ]?(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})[ ]?\)"
    r"|(?<=篇)[一二三四五六七八九十]{1,3}(?=[ \t]*(?:\n|$))"  # headings such as 工作总结篇十二
    r"|(?<=[一两几])([个件户首次项张本封篇条位名])\1"  # 一户户, 一首首: 'one after another'
)
_SLOGAN = re.compile(r"“[^”\n0-9]{1,12}”|‘[^’\n0-9]{1,12}’|「[^」\n0-9]{1,12}」")
_JOINERS = frozenset(("-", "—", "–", "~", "至", "到", "——", "--", "－"))
_SESSION_TAIL = re.compile(r"[^，,。；;\n]{0,8}?会")


def extract_numbers(text: str, lexicon: Lexicon | None = None) -> list[Mention]:
    """Every number in `text`, in order, with offsets into `text` exactly as given."""
    lexicon = lexicon or load_lexicon()
    norm = normalize(text)
    masked = mask_spans(norm, _excluded_spans(text, norm, lexicon))
    atoms = [a for a in map(A.parse_atom, A.ATOM.finditer(masked)) if a is not None]
    mentions = _combine(atoms, masked)
    for mention in mentions:
        mention.text = text[mention.start:mention.end]
        mention.source = text
    return mentions


def _excluded_spans(text: str, norm: str, lexicon: Lexicon) -> list[tuple[int, int]]:
    spans = [(s, e) for s, e, _ in find_placeholders(text)]
    spans += [m.span() for m in _MARKER.finditer(norm)]
    spans += [m.span() for m in _SLOGAN.finditer(norm) if A.has_cn_numeral(m.group(0))]
    spans += lexicon.spans(norm)
    return spans


def _days_before_joiner(atoms: list[A.Atom], text: str) -> None:
    """5月15至17日: the bare 15 between a month and 至17日 is a day."""
    for left, mid, right in zip(atoms, atoms[1:], atoms[2:]):
        if left.date is not None and left.date[1] is not None and left.date[2] is None and not left.date[3] \
                and mid.start == left.end and mid.unit is None and mid.date is None and not mid.approximate \
                and mid.value is not None and mid.value == int(mid.value) and 1 <= mid.value <= 31 \
                and right.date is not None and right.date[2] is not None and right.date[1] is None \
                and text[mid.end:right.start].strip() in _JOINERS:
            mid.date = (None, None, int(mid.value), None)


def _combine(atoms: list[A.Atom], text: str) -> list[Mention]:
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
                    and A.date_follows(atoms[j - 1].date, atoms[j].date):
                j += 1
            mention = A.date_mention(atoms[i:j])
            i = j
        elif atom.ordinal_count:
            i += 1
            if not _SESSION_TAIL.match(text, atom.end):
                continue  # 第一次 …: an ordinal, no session number
            mention = A.session_mention([atom])
        elif atom.session is not None:
            j = i + 1
            if j < n and atoms[j].start == atom.end and atoms[j].unit == "次" and atoms[j].value is not None:
                mention = A.session_mention([atom, atoms[j]])
                i = j + 1
            else:
                mention = A.session_mention([atom])
                i = j
        else:
            mention = A.plain_mention(atom)
            i += 1
        out.append(mention)
    return _ranges(out, text)


def _ranges(mentions: list[Mention], text: str) -> list[Mention]:
    out: list[Mention] = []
    for mention in mentions:
        if out and _joinable(out[-1], mention, text):
            out[-1] = A.range_mention(out[-1], mention)
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
