"""Garbled characters: a Chinese character outside GB2312 (the 6763 characters of everyday simplified text) that
neither the facts nor their context lines write is most likely a wrong or broken character of the model (慉问 for
慰问), reported as an `artifact`. Names with rare characters come from the facts or the org line, so they pass;
the shipped corpus holds no character outside GB2312. Allow more with `[artifact] chars` in the lexicon.
"""

from __future__ import annotations

import re
from functools import cache

from drafter.models import Claim

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")


def _encodes(text: str) -> bool:
    try:
        text.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


common = cache(_encodes)  # one character
all_common = _encodes  # a whole text: is every character of it common (GB2312 encodes each character alone)?


def garbled(draft: str, support_text: str, allowed: frozenset[str] = frozenset()) -> list[Claim]:
    """One artifact per run of rare characters the support text does not write (a run is one garbled word; and
    a long run stays one claim, not thousands)."""
    if draft.isascii() or _encodes(draft):
        return []  # every character is in GB2312 (the usual draft): nothing to look at one by one
    rare = {c for c in set(draft) if _CJK.match(c) and not common(c) and c not in allowed and c not in support_text}
    if not rare:
        return []
    return [Claim(start=m.start(), end=m.end(), text=m.group(0), kind="artifact",
                  note=f"“{m.group(0)[:20]}”不是常用汉字，事实中也没有，可能是错字或乱码")
            for m in re.finditer("[" + "".join(sorted(rare)) + "]++", draft)]
