"""A measure word jieba glues to its neighbour after a Chinese numeral (issue 19, session 24).

jieba reads 二百套餐桌椅 as 二百/套餐/桌椅, 一百一十二名运维人员 as 一百一十二/名运维/人员 and 六间 as one word (tagged t):
the roles then see a thing 套餐 or 名运维 no fact writes. The measure word is cut off and the rest of its token is
cut again with the next token (餐桌椅, 运维), or a numeral and its measure word in one token are cut in two.
"""

from __future__ import annotations

from drafter.numcheck import jiebacut

NUMERALS = frozenset("零〇一二两三四五六七八九十百千万")
MEASURES = frozenset("套名个件间只份台张盏支双辆场期条项户家位批所座顶袋箱桶瓶盒本册篇首株棵")


def numeral_recut(out: list[str], tokens: list[str], k: int, tags: dict[str, str]) -> list[str]:
    """The tokens token k of `tokens` becomes after the tokens `out` (empty when it is no such glue); a next token
    cut with it is emptied in `tokens`."""
    token = tokens[k]
    if out and _measure_glued(out[-1], token, tags):
        nxt = tokens[k + 1] if k + 1 < len(tokens) and "\u4e00" <= tokens[k + 1][:1] <= "\u9fff" else ""
        if nxt:
            tokens[k + 1] = ""  # cut with the rest of the token
        return [token[0], *jiebacut.cut_block(token[1:] + nxt)] if nxt else [token[0], token[1:]]
    if _numeral_measure(token, tags):
        return [token[:-1], token[-1]]
    return []


def _numeral_measure(token: str, tags: dict[str, str]) -> bool:
    """A Chinese numeral glued to its measure word in one token (六间, which jieba's dictionary tags t)."""
    return len(token) >= 2 and token[-1] in MEASURES and all(c in NUMERALS for c in token[:-1]) \
        and not tags.get(token, "").startswith(("m", "i", "l", "d"))


def _measure_glued(before: str, token: str, tags: dict[str, str]) -> bool:
    """A token after a Chinese numeral that starts with a measure word and goes on (套餐, 名运维)."""
    return len(token) >= 2 and token[0] in MEASURES and bool(before) and all(c in NUMERALS for c in before) \
        and tags.get(token[:2], "") != "q"
