"""Offsets between Python (code points) and the browser (UTF-16 code units, what JavaScript strings index).

An emoji or any character outside the Basic Multilingual Plane is one code point but two UTF-16 units, so every
offset after it differs by one between the check (Python) and the editor (JavaScript). Combining marks are
separate code points in both and need nothing. Offsets cross this line only here.
"""

from __future__ import annotations

from bisect import bisect_left


class Offsets:
    """Converts offsets within one text."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self.astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if not text.isascii() else []

    def to_js(self, index: int) -> int:
        """A code-point offset as a UTF-16 offset."""
        return index + bisect_left(self.astral, index)

    def from_js(self, unit: int) -> int:
        """A UTF-16 offset as a code-point offset (an offset inside a surrogate pair moves to the pair's start)."""
        if not self.astral:
            return unit
        lo, hi = 0, self.length
        while lo < hi:  # the largest code point whose UTF-16 offset is <= unit
            mid = (lo + hi + 1) // 2
            if self.to_js(mid) <= unit:
                lo = mid
            else:
                hi = mid - 1
        return lo


def payload_for_browser(payload: dict) -> dict:
    """The editor payload with every span (marks, problems, notes, focus) in UTF-16 offsets of payload["text"]."""
    offsets = Offsets(payload.get("text") or "")
    if not offsets.astral:
        return payload
    out = dict(payload)

    def spans(items, keys=("start", "end")):
        return [{**item, **{k: offsets.to_js(item[k]) for k in keys if isinstance(item.get(k), int)}}
                for item in items or []]

    out["marks"] = spans(payload.get("marks"))
    out["problems"] = spans(payload.get("problems"), ("start",))
    out["notes"] = spans(payload.get("notes"))
    out["focus"] = [[offsets.to_js(a), offsets.to_js(b)] for a, b in payload.get("focus") or []]
    return out
