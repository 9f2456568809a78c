"""Clauses read in words: jieba segmentation with each word's dictionary tag (issue 19).

The check quotes and judges whole words, never fragments ("表达权", not "督权"). jieba's part-of-speech tagger
is three times slower than its segmenter, so a word's tag is looked up in the tagger's dictionary (unknown words,
mostly names jieba's HMM found, get "x"); segmentation is cached per clause, so a draft re-checked while it is
typed segments only the clauses that changed.
"""

from __future__ import annotations

import re
import sys
import tomllib
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

from drafter.numcheck import jiebacut
from drafter.numcheck.numeralcut import MEASURES, NUMERALS, numeral_recut

Word = tuple[int, int, str, str]  # start, end (offsets in the clause), the word, its dictionary tag


def _import_jieba():
    """jieba without pkg_resources (its import costs 0.3 s; jieba falls back to open() for its dictionary)."""
    if "jieba" not in sys.modules and "pkg_resources" not in sys.modules:
        sys.modules["pkg_resources"] = None
        try:
            import jieba  # noqa: F401
        finally:
            if sys.modules.get("pkg_resources", 0) is None:
                del sys.modules["pkg_resources"]
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    return jieba, jieba.posseg.dt.word_tag_tab


@lru_cache(maxsize=1)
def _jieba():
    return _import_jieba()


_COMPLEMENTS = frozenset("到了着过得")  # what follows a verb in one word: 受到, 感受到
_RESULTS = frozenset("好齐妥完足")  # a result after a one-character verb: 备好, 备妥 (jieba's unknown words, tagged v)
_MANNER_TAGS = ("a", "ad", "d", "z")
_MARKERS = frozenset("赴获在由于被到请经")  # one-character role markers jieba's HMM glues to a neighbour (unknown words)  # an adverb or adjective before a verb (真切, 深切, 切身)
_GLUED_AFTER = _MARKERS | {"中"}  # and the locative 中 (叉车/工中 of 在叉车工中)
_JOINERS = frozenset("和与及")  # joiners jieba's HMM glues to a neighbour (护膝/和护/腰, 劳务派遣/工和)


_LEXICON = Path(__file__).resolve().parent.parent / "data" / "faithful_lexicon.toml"


@lru_cache(maxsize=1)
def _segment() -> tuple[re.Pattern, dict[str, str], bool]:
    """The [segment] words of the shipped faithfulness lexicon: words jieba cuts apart (劳务/派遣/工和外/包/人员),
    read as one word each, longest first, with their tags (n unless the entry says "/v"); and whether each lies
    inside one jieba block (its characters are all block characters)."""
    table = tomllib.loads(_LEXICON.read_text(encoding="utf-8")).get("segment", {})
    entries = [w.strip().partition("/") for w in table.get("words", []) if w.strip()]
    tagged = {word: tag or "n" for word, _, tag in entries}
    found = sorted(tagged, key=len, reverse=True)
    inside = all(jiebacut.blocks().fullmatch(w) for w in found)
    return re.compile("|".join(map(re.escape, found)) or "(?!)"), tagged, inside


@lru_cache(maxsize=8192)
def words(clause: str) -> tuple[Word, ...]:
    """The words of `clause` with offsets and dictionary tags (punctuation and spaces left out). jieba cuts each
    of its blocks alone, the re-cuts below never cross a block's end and the [segment] words lie inside one, so
    a block's words are read once and kept (a fact line and the draft clause repeating it share them)."""
    han, pos, out = jiebacut.blocks(), 0, []
    if not _by_block():
        return _read(clause)  # a [segment] word jieba's blocks could split: the clause read whole
    for block in han.split(clause):
        if block:
            # a block, or the marks and blanks between two (a very long one is not kept: it would not recur)
            found = _block_words(block) if len(block) <= KEPT_BLOCK else _read(block)
            out += [(s + pos, e + pos, w, t) for s, e, w, t in found] if pos else found
            pos += len(block)
    return tuple(out)


def _by_block() -> bool:
    """Are words read block by block (no [segment] word crosses a block's end)? Kept blocks are forgotten when
    another dictionary (a test's) is in use."""
    if not _segment()[2]:
        return False
    if _CUT_WITH[0] is not jiebacut.dictionary()[0]:  # another dictionary (a test's): no block kept from before
        _block_words.cache_clear()
        _CUT_WITH[0] = jiebacut.dictionary()[0]
    return True


_CUT_WITH: list = [None]  # the frequency table the kept blocks were cut with
KEPT_BLOCK = 512  # longer blocks are read each time


@lru_cache(maxsize=1)
def _block_runs() -> tuple[re.Pattern, re.Pattern, re.Pattern] | None:
    """From jieba's block pattern "([<class>]+)": a block character, a run of them, a run of other characters
    (None for another form of pattern: snap then reads the whole text)."""
    pattern = jiebacut.blocks()
    inner = pattern.pattern[1:-2]
    if not (pattern.pattern.startswith("([") and pattern.pattern.endswith("]+)") and inner.count("[") == 1):
        return None
    other = "[^" + inner[1:]
    flags = pattern.flags
    return re.compile(inner, flags), re.compile(inner + "*", flags), re.compile(other + "*", flags)


@lru_cache(maxsize=1 << 16)
def _block_words(block: str) -> tuple[Word, ...]:
    """The words of one jieba block, or of the marks and blanks between two (where no [segment] word lies: each
    is made of block characters, _by_block)."""
    runs = _block_runs()
    if runs is not None and runs[0].match(block):
        return _read(block, jiebacut.cut_block(block))
    return _read(block, forcing=False)


def _read(clause: str, tokens: list[str] | None = None, forcing: bool = True) -> tuple[Word, ...]:
    """The words of `clause` (`tokens`: jieba's cut of it when already found; `forcing`: may a [segment] word lie
    in it)."""
    tags = _jieba()[1]
    tokens = _resplit(jiebacut.cut(clause) if tokens is None else tokens, tags)
    pattern, tagged, _ = _segment()
    forced = {m.start(): m.end() for m in pattern.finditer(clause)} if forcing else {}
    if forced:
        tokens = _joined(tokens, forced)
    out, pos = [], 0
    seen = _seen_tags(tags)
    for token in tokens:
        start, pos = pos, pos + len(token)
        tag = seen.get(token, _UNSEEN)
        if tag is _UNSEEN:
            tag = seen[token] = _word_tag(token, tags)
        if tag is not None:
            out.append((start, pos, token, tagged[token] if forced and forced.get(start) == pos else tag))
    return tuple(out)


_UNSEEN = object()
_SEEN: list = [None, {}]  # the tag table the kept answers come from, and token -> its tag (None: not a word)
SEEN_KEPT = 1 << 16  # tokens whose answer is kept (a word's tag, as jieba's dictionary keeps it)


def _seen_tags(tags: dict[str, str]) -> dict:
    """The tokens' answers of _word_tag kept so far for this tag table (emptied when full or for another table)."""
    if _SEEN[0] is not tags or len(_SEEN[1]) >= SEEN_KEPT:
        _SEEN[:] = [tags, {}]
    return _SEEN[1]


def _word_tag(token: str, tags: dict[str, str]) -> str | None:
    """The token's tag (_tag), None for punctuation, blanks and other tokens that are no word."""
    if "\u4e00" <= token[:1] <= "\u9fff" or token.strip() and any("\u4e00" <= c <= "\u9fff" or c.isalnum()
                                                                for c in token):
        return _tag(token, tags)
    return None


def _tag(token: str, tags: dict[str, str]) -> str:
    """The dictionary tag; "v" for an unknown verb with its result (备好 for 准备好: a one-character dictionary verb
    and 好/齐/妥/完/足), which jieba's HMM glues into a word its dictionary lacks (session 20: not a thing)."""
    tag = tags.get(token)
    if tag is None and len(token) == 2 and token[1] in _RESULTS and tags.get(token[0], "").startswith("v"):
        return "v"
    return tag or "x"


def _joined(tokens: list[str], forced: dict[int, int]) -> list[str]:
    """jieba's tokens re-cut so that each [segment] word is one token (the cuts inside it are dropped, its ends
    become cuts: 工和外 of 劳务派遣工和外包人员 gives 工 | 和 | 外)."""
    cuts, pos = {0}, 0
    for token in tokens:
        pos += len(token)
        cuts.add(pos)
    for start, end in forced.items():
        cuts = {c for c in cuts if not start < c < end} | {start, end}
    ordered = sorted(cuts)
    text = "".join(tokens)
    return [text[a:b] for a, b in zip(ordered, ordered[1:])]


def _resplit(tokens: list[str], tags: dict[str, str]) -> list[str]:
    """jieba's cut with mis-splits undone: a manner word that took a verb's first character (真切感/受到 -> 真切/感受/
    到), an unknown two-character word of a role marker (赴市 -> 赴/市) or of a noun and a verb's first character
    (工送/去 -> 工/送去), a measure word glued after a numeral (numeralcut). The manner word is a dictionary adverb or
    adjective, its last character with the next word's first a dictionary verb before a complement (到, 了 …)."""
    out: list[str] = []
    last = len(tokens) - 1
    for k, token in enumerate(tokens):
        if not token:
            continue
        if token[0] in MEASURES and out and out[-1][-1] in NUMERALS or token[0] in NUMERALS:
            cut = numeral_recut(out, tokens, k, tags)  # 二百/套餐/桌椅 -> 二百/套/餐桌椅; 六间 -> 六/间
            if cut:
                out += cut
                continue
        size = len(token)
        if size < 3:  # (the manner word below has three characters or more)
            if token == "中共" and k and k < last and _counts_on(tokens[k + 1], tags):
                out += ["中", "共"]  # 活动中共促成…, 会议中共收集…: "in it, in all", not the Party (中共市委, 中共党员)
            elif size == 2 and (token[0] in _MARKERS or token[1] in _GLUED_AFTER
                                  or token[0] in _JOINERS or token[1] in _JOINERS) \
                    and token not in tags:
                out += [token[0], token[1]]  # 赴市 (赴市奥体中心), 获省, 批赴: a marker glued to its neighbour; 工中
                # of 在成型工中: the locative; 和护 of 护膝和护腰, 工和: a joiner glued to a neighbour
            elif size == 2 and k < last and token not in tags and tags.get(token[0], "").startswith("n") \
                    and tags.get(token[1] + tokens[k + 1], "").startswith("v"):
                out.append(token[0])  # 养护/工送/去 -> 养护/工/送去: a noun's last character glued to the verb's first
                tokens[k + 1] = token[1] + tokens[k + 1]
            else:
                out.append(token)
            continue
        nxt = tokens[k + 1] if k < last else ""
        if (len(nxt) == 2 and nxt[1] in _COMPLEMENTS and tags.get(token[:-1], "").startswith(_MANNER_TAGS)
                and tags.get(token[-1:] + nxt[:1], "").startswith("v")):
            out += [token[:-1], token[-1:] + nxt[:1]]
            tokens[k + 1] = nxt[1:]
            continue
        out.append(token)
    return out


def _counts_on(word: str, tags: dict[str, str]) -> bool:
    """Does `word` go on as a total does (共 + a verb, 有 or a number: 共促成, 共有, 共120人)?"""
    return word == "有" or word[0].isdigit() or tags.get(word, "").startswith("v")


def tag_of(word: str) -> str:
    """The dictionary tag of `word` ("x" when jieba's dictionary does not list it)."""
    return _jieba()[1].get(word, "x")


def snap(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) widened to the word boundaries of `text` (so a quote never cuts a word). jieba cuts each block
    alone, so only the block around each end is read (a quote's window of 160 characters is not cut whole); in a
    block longer than KEPT_BLOCK, the words of the whole text (kept), of which only the last one starting before
    a position can contain it (bisection: a long clause with many notes stays linear)."""
    if _by_block():
        a, b = _block_around(text, start), _block_around(text, end)
        if a is not None and b is not None:
            return _widen_in(text, start, a, True), _widen_in(text, end, b, False)
    ws = words(text)
    starts = _starts(text)
    return _widen(ws, starts, start, True), _widen(ws, starts, end, False)


def _block_around(text: str, pos: int) -> tuple[int, int] | None:
    """(start, end) of the jieba block (a run of block characters, or of others: jieba's split) holding the
    characters at pos - 1 and pos; (pos, pos) when they lie in two blocks or outside the text (no word holds
    pos); None for a block longer than KEPT_BLOCK (read through words(text), which keeps the text's words)."""
    if pos <= 0 or pos >= len(text):
        return pos, pos
    if (runs := _block_runs()) is None:
        return None
    inside = runs[0].match(text, pos) is not None
    if (runs[0].match(text, pos - 1) is not None) != inside:
        return pos, pos
    run = runs[1] if inside else runs[2]
    end = run.match(text, pos, pos + KEPT_BLOCK + 1).end()
    back = run.match(text[max(0, pos - KEPT_BLOCK - 1):pos][::-1]).end()
    start = pos - back
    return (start, end) if end - start <= KEPT_BLOCK and start > pos - KEPT_BLOCK - 1 else None


def _widen_in(text: str, pos: int, block: tuple[int, int], to_start: bool) -> int:
    """pos widened to the word of its block that holds it (_widen over the block's kept words)."""
    start, end = block
    if start == end:
        return pos
    for s, e, _, _ in _block_words(text[start:end]):
        if start + s < pos < start + e:
            return start + (s if to_start else e)
    return pos


@lru_cache(maxsize=256)
def _starts(text: str) -> tuple[int, ...]:
    return tuple(w[0] for w in words(text))


def _widen(ws: tuple[Word, ...], starts: tuple[int, ...], pos: int, to_start: bool) -> int:
    index = bisect_left(starts, pos) - 1  # the last word starting before pos
    if index >= 0 and ws[index][0] < pos < ws[index][1]:
        return ws[index][0] if to_start else ws[index][1]
    return pos


def forget() -> None:
    """Forget every text segmented so far (the bench measures a first check of new text)."""
    words.cache_clear()
    _block_words.cache_clear()
    _starts.cache_clear()
    jiebacut.forget()
