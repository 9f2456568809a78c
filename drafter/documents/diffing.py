"""Differences between two versions of a draft: a unified diff by sentence, and the numbers that changed."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from drafter.domain.records import DiffResult, NumberChange, VersionInfo
from textkit.sentences import sentence_lines


def split_sentences(text: str) -> list[str]:
    """Lines of `text` cut after each sentence end, so one changed number marks one sentence, not a paragraph."""
    return sentence_lines(text)


def diff_texts(a: str, b: str, from_label: str = "a", to_label: str = "b", context: int = 1) -> str:
    """A unified diff of two texts, one sentence per line; empty when the texts are equal."""
    lines = difflib.unified_diff(split_sentences(a), split_sentences(b), fromfile=from_label, tofile=to_label,
                                 n=context, lineterm="")
    return "\n".join(lines)


def _key(mention) -> tuple:
    """Numbers compare by value and unit (86户 = 八十六户); numbers without a value by their text."""
    if mention.value is None:
        return ("text", mention.text)
    return ("value", round(float(mention.value), 6), mention.unit)


def _change(kind: str, before=None, after=None) -> NumberChange:
    return NumberChange(change=kind, before=before.text if before else None, after=after.text if after else None,
                        before_value=before.value if before else None, after_value=after.value if after else None,
                        unit=(after or before).unit)


def _pair_block(old: Sequence, new: Sequence) -> list[NumberChange]:
    """Within a replaced run, pair numbers in order, preferring the same unit; the rest are removed/added."""
    changes: list[NumberChange] = []
    used: set[int] = set()
    next_new = 0
    for before in old:
        match = next((j for j in range(next_new, len(new)) if j not in used and new[j].unit == before.unit), None)
        if match is None:
            changes.append(_change("removed", before=before))
            continue
        for j in range(next_new, match):  # numbers skipped over were inserted before this one
            if j not in used:
                used.add(j)
                changes.append(_change("added", after=new[j]))
        used.add(match)
        next_new = match + 1
        changes.append(_change("changed", before=before, after=new[match]))
    changes.extend(_change("added", after=new[j]) for j in range(len(new)) if j not in used)
    return changes


def changed_numbers(a: str, b: str) -> list[NumberChange]:
    """Numbers changed, added or removed from `a` to `b`, aligned by difflib over the two number sequences."""
    from drafter.numcheck import extract_numbers

    old, new = extract_numbers(a), extract_numbers(b)
    matcher = difflib.SequenceMatcher(a=[_key(m) for m in old], b=[_key(m) for m in new], autojunk=False)
    changes: list[NumberChange] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace":
            changes.extend(_pair_block(old[i1:i2], new[j1:j2]))
        elif tag == "delete":
            changes.extend(_change("removed", before=m) for m in old[i1:i2])
        elif tag == "insert":
            changes.extend(_change("added", after=m) for m in new[j1:j2])
    return changes


def diff_versions(draft_id: str, before: VersionInfo, after: VersionInfo) -> DiffResult:
    return DiffResult(draft_id=draft_id, from_version=before.number, to_version=after.number,
                      unified=diff_texts(before.text, after.text, f"第{before.number}版", f"第{after.number}版"),
                      changed_numbers=changed_numbers(before.text, after.text))
