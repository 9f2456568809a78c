"""Text as it enters drafter (API, CLI, page): normalised so that whatever is stored can be stored, shown and
exported to Word.

- A lone surrogate (U+D800–U+DFFF, e.g. a JSON "\\ud800") can be neither stored as UTF-8 nor exported: refused.
- Word's vertical tab (\\x0b), form feed and the Unicode line/paragraph separators become line breaks.
- Other characters XML 1.0 (and so .docx) cannot hold are removed: C0/C1 controls except tab, CR and LF,
  U+FFFE and U+FFFF. Bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C) are removed too: they can
  make text read differently from how it is stored.
- Invisible characters are removed too (issue 24, D4): every format character (Unicode category Cf: zero-width
  space U+200B, joiners U+200C/D, word joiner U+2060, BOM U+FEFF, soft hyphen, tags …) and the Hangul fillers
  (U+115F, U+1160, U+3164, U+FFA0). So a field is judged by what it shows: one made only of them is empty, and
  a required field left empty is refused (422) like any missing one.
"""

from __future__ import annotations

import re
import unicodedata

from drafter.domain.errors import InvalidInput

_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"})
# Category Cf (Unicode 15) and the Hangul fillers; tests/test_invisible_input.py checks this list against
# unicodedata.
INVISIBLE = ("\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
             "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
             "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
             "\u115f\u1160\u3164\uffa0")
_REMOVED = re.compile(f"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff{INVISIBLE}]")
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")


class BadText(InvalidInput):
    """Text that cannot be kept (a lone surrogate); the message is Chinese (pydantic shows it as the reason)."""


def clean_text(text: str) -> str:
    """The text with line-break controls turned into \\n and unexportable characters removed (BadText if a lone
    surrogate is present)."""
    found = _SURROGATE.search(text)
    if found:
        raise BadText(f"含有无效字符（第 {found.start() + 1} 个字符是孤立的代理项 U+{ord(found.group()):04X}），"
                      "请删除后重试")
    return _REMOVED.sub("", text.translate(_LINE_BREAKS))


def clean_line(text: str) -> str:
    """A one-line value (org, period, topic): cleaned, NFC, line breaks and runs of blanks become one space."""
    return " ".join(unicodedata.normalize("NFC", clean_text(text)).split())


def clean_value(value, one_line: bool = False):
    """clean_text/clean_line over a string or a list of strings; anything else is returned unchanged (the model's
    own type check reports it)."""
    clean = clean_line if one_line else clean_text
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [clean(item) if isinstance(item, str) else item for item in value]
    return value


def identity(name: str) -> str:
    """A person's or key's name as an identity: NFKC, case-folded, without blanks and invisible characters, so
    "W1", "w1 " and "w\u200b1" are one name (issue 24, D5)."""
    return "".join(unicodedata.normalize("NFKC", _REMOVED.sub("", name or "")).casefold().split())


def visible(text: str) -> bool:
    """Does the text show anything: a character other than blanks and invisible ones?"""
    return bool(_REMOVED.sub("", text).strip())


def without_bidi(text: str) -> str:
    """The text without bidi control characters (for file names shown to users)."""
    return BIDI_CONTROLS.sub("", text)
