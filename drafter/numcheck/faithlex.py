"""The faithfulness lexicon (drafter/data/faithful_lexicon.toml): frame phrases, assertion words, object words,
artifact patterns and allowed Latin words. Users extend it with their own file (Settings.faithful_lexicon: TOML
of the same layout, or .txt with one frame phrase per line); the extra words are added to the shipped ones.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from drafter.domain.errors import LexiconError
from drafter.numcheck.synonyms import groups_of
from drafter.numcheck.trie import trie_pattern
from textkit.decoding import DecodeError, decode_utf8
from textkit.sentences import BREAKS, ENUM_COMMA, char_class

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "faithful_lexicon.toml"
SYNONYMS_PATH = DEFAULT_PATH.with_name("synonyms.toml")  # [synonyms] groups (drafter.numcheck.synonyms)
FRAME_TABLES = ("frame", "learned", "template")


class FaithLexiconError(LexiconError):
    """The faithfulness lexicon cannot be read."""


@dataclass(frozen=True, eq=False)
class FaithLexicon:
    frame: frozenset[str]
    frame_lengths: tuple[int, ...]
    assert_words: re.Pattern  # activity, honour and state words: a clause with one asserts something
    objects: frozenset[str]
    kinds: dict[str, tuple[str, ...]]  # object word -> words that back it too (its kinds)
    artifacts: tuple[tuple[re.Pattern, str], ...]  # (pattern, Chinese reason)
    latin: frozenset[str]  # lower-case Latin words allowed in a draft
    frame_re: re.Pattern  # frame phrases and generic words, longest first
    object_re: re.Pattern  # object words, longest first (发展会员 before 会员)
    common: frozenset[str]  # bigrams every summary uses: never a clause's own content
    item_ignore: re.Pattern = re.compile("(?!)")  # [items] ignore: words a rewording of an item may drop or swap
    item_synonyms: dict[str, tuple[str, ...]] | None = None  # [items] synonyms: word -> the other words of its group
    themes: tuple[tuple[str, tuple[str, ...]], ...] = ()  # [themes]: (phrase, words that back it), longest first
    theme_re: re.Pattern = re.compile("(?!)")  # one group per theme phrase (but its first character), as `themes`
    chars: frozenset[str] = frozenset()  # [artifact] chars: characters outside GB2312 a draft may contain
    synonyms: dict[str, tuple[str, ...]] | None = None  # [synonyms] groups (synonyms.toml + the user's file)
    abstract: frozenset[str] = frozenset()  # [abstract] words: effects and manner, never a role's content
    neutral: frozenset[str] = frozenset()  # frame, generic and [abstract] words: a role's words never count them
    effect_verbs: frozenset[str] = frozenset()  # [effect] words: verbs that open an effect clause (effects.py)
    unit_heads: dict[str, tuple[str, ...]] | None = None  # [items] unit_heads: unit -> nouns it already names
    act_classes: frozenset[str] = frozenset()  # [activity] classes: 词林 classes whose verbs report an act (acts.py)
    implied: dict[str, frozenset[str]] | None = None  # the user's [implied] table: trigger -> words (implied.py)
    appraisal: dict[str, frozenset[str]] | None = None  # [appraisal] lists: how a given act went (appraisal.py)
    # rolewords.Reader.neutral's answers (they depend on the word and this lexicon only), bounded there
    neutral_seen: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)
    # asserts' and ignorable's answers (per word, for this lexicon's patterns: not copied by dataclasses.replace)
    assert_seen: dict = field(default_factory=dict, init=False, compare=False, repr=False)
    ignore_seen: dict = field(default_factory=dict, init=False, compare=False, repr=False)


KEPT_WORDS = 1 << 16  # words whose asserts/ignorable answer a lexicon keeps
_UNSEEN = object()


def asserts(lex: FaithLexicon, word: str) -> re.Match | None:
    """`lex.assert_words.fullmatch(word)` (an activity, honour or state word), kept per word with the lexicon: the
    rules ask it of the same words in every clause."""
    return _kept(lex.assert_seen, lex.assert_words, word)


def ignorable(lex: FaithLexicon, word: str) -> re.Match | None:
    """`lex.item_ignore.fullmatch(word)` (a word a rewording of an item may drop), kept per word likewise."""
    return _kept(lex.ignore_seen, lex.item_ignore, word)


def _kept(seen: dict, pattern: re.Pattern, word: str) -> re.Match | None:
    """pattern.fullmatch(word), from `seen` when asked before (emptied when it holds KEPT_WORDS answers)."""
    found = seen.get(word, _UNSEEN)
    if found is _UNSEEN:
        if len(seen) >= KEPT_WORDS:
            seen.clear()
        found = seen[word] = pattern.fullmatch(word)
    return found


def _words(data: dict, table: str) -> list[str]:
    value = data.get(table, {})
    return [w.strip() for w in value.get("words", []) if isinstance(w, str) and w.strip()] \
        if isinstance(value, dict) else []


def _read(path: Path) -> dict:
    try:
        text = decode_utf8(path.read_bytes())
    except (OSError, DecodeError) as exc:
        raise FaithLexiconError(f"无法读取忠实度词表 {path}: {exc}") from exc
    if path.suffix.lower() != ".toml":
        lines = {line.split("#", 1)[0].strip() for line in text.splitlines()} - {""}
        return {"frame": {"words": sorted(lines)}}
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FaithLexiconError(f"忠实度词表 {path} 不是有效的 TOML: {exc}") from exc


def _merge(base: dict, extra: dict) -> dict:
    out = {k: dict(v) if isinstance(v, dict) else v for k, v in base.items()}
    for table, value in extra.items():
        if isinstance(value, dict):
            merged = out.setdefault(table, {})
            for key, items in value.items():
                if isinstance(items, list):
                    merged[key] = list(merged.get(key, [])) + items
                elif isinstance(items, dict):  # [items.unit_heads]: the user's units added to the shipped ones
                    merged[key] = {**merged.get(key, {}), **items}
    return out


def build(data: dict) -> FaithLexicon:
    frame = frozenset(w for t in FRAME_TABLES for w in _words(data, t) if len(w) >= 2)
    asserting = sorted({w for t in ("activity", "honour", "state") for w in _words(data, t)}, key=len, reverse=True)
    artifacts = []
    for item in data.get("artifact", {}).get("patterns", []):
        pattern, reason = (item[0], item[1]) if isinstance(item, list) and len(item) == 2 else (item, "不是总结正文")
        try:
            artifacts.append((re.compile(pattern, re.M), reason))
        except re.error as exc:
            raise FaithLexiconError(f"忠实度词表中的正则表达式无效：{pattern}（{exc}）") from exc
    objects = frozenset(w for w in _words(data, "objects") if len(w) >= 2)
    generic = {w for w in _words(data, "generic") if len(w) >= 2}
    return FaithLexicon(
        frame_re=_trie(frame | generic | set(_words(data, "abstract"))), object_re=_trie(objects),
        common=frozenset(_words(data, "common")),
        frame=frame, frame_lengths=tuple(sorted({len(w) for w in frame}, reverse=True)),
        assert_words=_trie(asserting),
        objects=objects, artifacts=tuple(artifacts), kinds=_kinds(data),
        latin=frozenset(w.lower() for w in _words(data, "latin")),
        item_ignore=_alternation({*asserting, *_list(data.get("items", {}).get("ignore", []))}),
        item_synonyms=_synonyms(data), **_themes(data), synonyms=groups_of(data.get("synonyms", {}).get("groups", [])),
        abstract=frozenset(_words(data, "abstract")), neutral=frozenset(frame | generic | set(_words(data, "abstract"))),
        chars=frozenset("".join(_list(data.get("artifact", {}).get("chars", [])))),
        effect_verbs=frozenset(_words(data, "effect")), unit_heads=_unit_heads(data),
        act_classes=frozenset(_list(data.get("activity", {}).get("classes", []))), implied=_implied(data),
        appraisal=_appraisal(data))


def _appraisal(data: dict) -> dict[str, frozenset[str]]:
    """[appraisal]: list name (aspects, happen, manner, new_fact) -> its words (drafter/numcheck/appraisal.py)."""
    table = data.get("appraisal", {})
    return {k: frozenset(_list(v)) for k, v in table.items() if isinstance(v, list)} if isinstance(table, dict) else {}


def _implied(data: dict) -> dict[str, frozenset[str]]:
    """The user's [implied] table (trigger -> words a fact writing it makes expected; implied.py ships its own)."""
    table = data.get("implied", {})
    return {k: frozenset(_list(v)) for k, v in table.items() if isinstance(v, list)} if isinstance(table, dict) else {}


def _alternation(words) -> re.Pattern:
    """One regex of literal words, longest first: at each position the longest word there."""
    return re.compile("|".join(map(re.escape, sorted(words, key=lambda w: (-len(w), w)))) or "(?!)")


def _trie(words) -> re.Pattern:
    """The same match as _alternation, written as a trie (drafter.numcheck.trie): faster for a thousand words
    (the frame phrases) and for searches of a hundred or two (objects, asserting words: a third less time on the
    reworded drafts); slower for fullmatch of short words (item_ignore)."""
    return re.compile(trie_pattern(words) or "(?!)")


def _list(value) -> list[str]:
    return [w for w in value if isinstance(w, str) and w] if isinstance(value, list) else []


def _synonyms(data: dict) -> dict[str, tuple[str, ...]]:
    """[items] synonyms and the [synonyms] groups: word -> the other words of its groups."""
    out: dict[str, tuple[str, ...]] = {}
    for group in [*data.get("items", {}).get("synonyms", []), *data.get("synonyms", {}).get("groups", [])]:
        words = [w for w in group if isinstance(w, str) and w] if isinstance(group, list) else []
        for word in words:
            out[word] = tuple(dict.fromkeys((*out.get(word, ()), *(w for w in words if w != word))))
    return out


def _unit_heads(data: dict) -> dict[str, tuple[str, ...]]:
    table = data.get("items", {}).get("unit_heads", {})
    return {k: tuple(_list(v)) for k, v in table.items()} if isinstance(table, dict) else {}


THEME_GAP = "…"  # in a theme phrase: up to six characters of the same clause (会员队伍…壮大)


def _themes(data: dict) -> dict:
    """[themes]: phrase -> the words of which one must be in the facts (or the phrase itself); one regex."""
    table = data.get("themes", {})
    pairs = sorted(((k.strip(), tuple(w for w in _list(v) if w.strip())) for k, v in table.items()
                    if isinstance(k, str) and k.strip() and isinstance(v, list)), key=lambda p: (-len(p[0]), p[0]))
    if not pairs:
        return {}
    gap = char_class(BREAKS + ENUM_COMMA + "\n", negate=True) + "{0,6}"
    # each choice starts with its first character, outside its group: the regex engine skips to those characters
    # (a look-ahead on them, or a group first, makes it try every position); m.lastindex - 1 is the theme's index
    groups = [re.escape(phrase[0]) + "(" + gap.join(map(re.escape, phrase[1:].split(THEME_GAP))) + ")"
              for phrase, _ in pairs]
    return {"themes": tuple(pairs), "theme_re": re.compile("|".join(groups))}


def _kinds(data: dict) -> dict[str, tuple[str, ...]]:
    table = data.get("kinds", {})
    return {k: tuple(w for w in v if isinstance(w, str) and w) for k, v in table.items() if isinstance(v, list)}


def load_faith(extra: Path | str | None = None) -> FaithLexicon:
    """The shipped lexicon plus `extra` (Settings.faithful_lexicon); cached per file and modification time."""
    extra = Path(extra) if extra is not None else None
    stamp = extra.stat().st_mtime_ns if extra is not None and extra.exists() else None
    return _load(extra, stamp)


@lru_cache(maxsize=8)
def _load(extra: Path | None, stamp: int | None) -> FaithLexicon:
    data = _merge(_read(DEFAULT_PATH), _read(SYNONYMS_PATH))
    if extra is not None:
        data = _merge(data, _read(extra))
    return build(data)


def frame_spans(lex: FaithLexicon, text: str) -> list[tuple[int, int]]:
    """The spans of `lex.frame_re.finditer(text)`, found by the trie of the first character at each position (one
    small regex per first character): the whole trie tries its first characters one by one at every position
    that could start a phrase (issue 19's throughput: about twice as fast, the same spans)."""
    table = _frame_table(lex.frame_re, lex.neutral)
    if table is None:
        return [m.span() for m in lex.frame_re.finditer(text)]
    out, pos, size, get = [], 0, len(text), table.get
    while pos < size:
        pattern = get(text[pos])
        if pattern is not None and (m := pattern.match(text, pos)):
            out.append(m.span())
            pos = m.end()
        else:
            pos += 1
    return out


_FRAME_TABLES: dict[int, tuple[re.Pattern, dict[str, re.Pattern] | None]] = {}


def _frame_table(frame_re: re.Pattern, words: frozenset[str]) -> dict[str, re.Pattern] | None:
    """First character -> the trie of the phrases starting with it; None unless frame_re is the trie of `words`
    (a lexicon built otherwise is read with frame_re itself). Kept per frame_re."""
    kept = _FRAME_TABLES.get(id(frame_re))
    if kept is None or kept[0] is not frame_re:
        table = None
        if frame_re.pattern == (trie_pattern(words) or "(?!)") and frame_re.flags == re.UNICODE and "" not in words:
            groups: dict[str, set[str]] = {}
            for word in words:
                groups.setdefault(word[0], set()).add(word)
            table = {first: re.compile(trie_pattern(group)) for first, group in groups.items()}
        if len(_FRAME_TABLES) >= 8:
            _FRAME_TABLES.clear()
        kept = _FRAME_TABLES[id(frame_re)] = (frame_re, table)
    return kept[1]
