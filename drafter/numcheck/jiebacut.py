"""jieba's accurate cut (HMM on), the same tokens as `jieba.cut(text)` for less work (issue 19's throughput).

jieba cuts a text block by block (its `re_han_default` runs; the rest is split at blanks and into characters)
and each block alone, so a block's tokens depend on the block only (drafter.numcheck.words keeps each block's
words). A block is cut as jieba's `__cut_DAG` does it, with the word graph and the best route found in one pass and each word's log frequency
computed once (the same floating-point sums, the same ties: the longest word wins), and runs of single
characters that are no dictionary word read by jieba's own HMM (`finalseg.cut`).
tests/test_numcheck_jiebacut.py compares the tokens with jieba's on the corpus.
"""

from __future__ import annotations

from functools import lru_cache
from math import log

_UNKNOWN, _NOT_IN = object(), object()
_READ: list = [None, None, {}, 0.0]  # the dictionary last read (its frequency table, its total), its log
# probabilities and the log of its total


@lru_cache(maxsize=1)
def _jieba():
    from drafter.numcheck.words import _jieba

    return _jieba()[0]


def blocks():
    """jieba's block pattern (a text is cut block by block; see drafter.numcheck.words)."""
    return _jieba().re_han_default


def dictionary() -> tuple[dict, float, dict]:
    """jieba's default dictionary, loaded if it is not yet (as jieba.cut does): (its frequency table, log of its
    total, {word: log probability} filled as words are met). A table replaced at run time (a test's small
    dictionary) starts a new one; `dictionary()[0]` tells a caller keeping cut results which table cut them."""
    dt = _jieba().dt
    if not dt.initialized:
        dt.check_initialized()
    if _READ[0] is not dt.FREQ or _READ[1] != dt.total:
        _READ[:] = [dt.FREQ, dt.total, {}, log(dt.total)]
    return dt.FREQ, _READ[3], _READ[2]


def cut(text: str) -> list[str]:
    """The tokens of `jieba.cut(text, HMM=True)` with jieba's default dictionary."""
    jieba = _jieba()
    han, skip = jieba.re_han_default, jieba.re_skip_default
    tables = (*dictionary(), jieba.finalseg.cut)
    out: list[str] = []
    grouped = han.groups == 1  # jieba's "([…]+)": split gives every other part as a block
    for k, block in enumerate(han.split(text)):
        if not block:
            continue
        if k % 2 if grouped else han.match(block):
            out += _block(block, *tables)
        else:
            for part in skip.split(block):
                if skip.match(part):
                    out.append(part)
                else:
                    out += part  # one token per character, as jieba
    return out


def cut_block(block: str) -> list[str]:
    """cut(block) for a text that is one block (a run of block characters)."""
    return list(_block(block, *dictionary(), _jieba().finalseg.cut))


def _block(block: str, freq: dict, logtotal: float, logp: dict, hmm) -> tuple[str, ...]:
    """jieba's `__cut_DAG` of one block."""
    n = len(block)
    score = [0.0] * (n + 1)
    nxt = [0] * (n + 1)
    seen = logp.get
    for k in range(n - 1, -1, -1):
        best, best_x = None, k
        i, frag = k, block[k]
        while i < n:
            p = seen(frag, _UNKNOWN)
            if p is _UNKNOWN:  # first met: its log probability (None: a prefix only; _NOT_IN: no entry)
                f = freq.get(frag)
                p = logp[frag] = _NOT_IN if f is None else log(f) - logtotal if f else None
            if p is _NOT_IN:
                break
            if p is not None:
                total = p + score[i + 1]
                if best is None or total >= best:
                    best, best_x = total, i
            i += 1
            frag = block[k:i + 1]
        if best is None:  # no dictionary word starts here: the character alone (jieba's log(0 or 1) = 0)
            best = log(freq.get(block[k]) or 1) - logtotal + score[k + 1]
        score[k], nxt[k] = best, best_x
    return _joined(block, nxt, freq, hmm)


def _joined(block: str, nxt: list[int], freq: dict, hmm) -> tuple[str, ...]:
    """The route's words, runs of single characters given to the HMM unless the run is a dictionary word."""
    out: list[str] = []
    x, start, n = 0, 0, len(block)
    while x < n:
        y = nxt[x] + 1
        if y - x > 1:
            if start < x:
                out += _run(block[start:x], freq, hmm)
            out.append(block[x:y])
            start = y
        x = y
    if start < n:
        out += _run(block[start:], freq, hmm)
    return tuple(out)


def _run(buf: str, freq: dict, hmm) -> tuple[str, ...] | str:
    """A run of single characters: one token, the HMM's words when the run is no dictionary word (kept: the same
    runs recur), else its characters."""
    if len(buf) == 1:
        return (buf,)
    return _hmm(buf, hmm) if not freq.get(buf) else buf


@lru_cache(maxsize=1 << 14)
def _hmm(buf: str, hmm) -> tuple[str, ...]:
    return tuple(hmm(buf))


def forget() -> None:
    """Forget the runs read by the HMM (drafter.numcheck.words.forget)."""
    _hmm.cache_clear()
