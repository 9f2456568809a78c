"""Template placeholders left in example texts and drafts: xx, x家, 20xx年, 20__年, 20**, ××, XX万元, ＿＿."""

from __future__ import annotations

import re

# Runs of x/X/×/＿/_/*, optionally glued to digits (20xx, 20__), with a following unit kept in the span.
_PLACEHOLDER = re.compile(
    r"(?:[0-9０-９]{1,4})?"
    r"(?:(?<![A-Za-z])[xX]{1,4}(?![A-Za-z])|×{1,4}|[＿_]{2,}|\*{2,}|○{2,})"
    r"(?:[年月日号万元亿家个人名位户次场期件条篇台棵%％]{1,2})?"
)


def find_placeholders(text: str) -> list[tuple[int, int, str]]:
    """Every placeholder as (start, end, text), in order; offsets are code points into `text`."""
    return [(m.start(), m.end(), m.group(0)) for m in _PLACEHOLDER.finditer(text)]
