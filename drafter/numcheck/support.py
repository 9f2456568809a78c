"""The facts' side of the clause check (drafter.numcheck.claims): the words of the facts and context lines, their
synonyms, an index from content word to fact line, and each draft sentence's fact lines (`traces`).

Content words are bigrams of Chinese characters without function or numeral characters (`blank_not_content`)
and without the stop words every summary uses.
"""

from __future__ import annotations

import operator
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import cached_property
from itertools import chain

from drafter.models import NumberHit, SentenceTrace
from drafter.numcheck.bigrams import content_grams
from drafter.numcheck.rolewords import GLUE
from drafter.numcheck.synonyms import cilin_aliases, cilin_classes, hand_aliases
from drafter.numcheck.words import snap, words as clause_words
from textkit.sentences import BREAKS, ENUM_COMMA, SENTENCE_ENDS, char_class

_SENTENCE = re.compile(f"{char_class(SENTENCE_ENDS + chr(10), negate=True)}+{char_class(SENTENCE_ENDS)}*")
_FUNCTION = frozenset("的了着过和与及或在是把被对向从为等也都又就还并而且其此该各每这那之以于所将已让使给由我们他她它你中上下里")
_STOP = frozenset({"职工", "工会", "活动", "工作", "组织", "开展", "进行", "积极", "全面", "认真", "单位", "公司", "企业",
                   "员工", "全体", "各级", "广大", "我们", "今年", "全年", "一年", "期间", "同时", "通过", "不断", "进一",
                   "一步", "切实", "扎实", "深入", "有效", "充分", "相关", "有关", "各项", "举办", "组织", "召开", "举行"})


class BoundedDict(dict):
    """A dict that forgets everything when it grows past `size` entries (a cache that cannot grow without end)."""

    def __init__(self, size: int):
        super().__init__()
        self.size = size

    def __setitem__(self, key, value) -> None:
        if len(self) >= self.size:
            self.clear()
        super().__setitem__(key, value)


def _cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


def grams(text: str) -> set[str]:
    """All bigrams of consecutive Chinese characters (the facts' side: nothing removed)."""
    return {run[i:i + 2] for run in _RUN.findall(text) for i in range(len(run) - 1)}


class Support:
    """The words of the facts and context lines, with an index from word to fact line (for sentence traces)."""

    def __init__(self, facts: Sequence[str], context: Sequence[str],
                 synonyms: dict[str, tuple[str, ...]] | None = None):
        lines: defaultdict[str, list[int]] = defaultdict(list)  # content bigram -> the fact lines writing it
        self.size: dict[int, int] = {}
        for line, content in enumerate(content_grams(facts, _NOT_CONTENT, _STOP), 1):
            self.size[line] = len(content)
            for g in content:
                lines[g].append(line)
        self.lines = dict(lines)  # a plain dict: looking up a word no fact writes adds nothing
        self.keys = set(self.lines)
        # the content words (bigrams of content characters, no stop words) of the facts and context lines
        self.own: set[str] = self.keys.union(*content_grams(context, _NOT_CONTENT, _STOP))
        self._all = [*facts, *context]
        self.text = "\n".join(self._all).lower()
        self._synonyms = synonyms or {}
        self.backed_words: dict[str, bool] = {}  # roles.Reader's answers, kept with the fact set
        self._short: dict[str, bool] = {}  # is_short_form's answers
        self.clause_roles = BoundedDict(4096)  # clause -> its role claims (roles.roles), kept with the fact set

    # The synonyms of the words they write (drafter/data/synonyms.toml, 词林) count as written too. They are found
    # when a word the lines do not write is first looked up (a draft whose clauses the lines all write asks none).
    def fact_text(self, line: int) -> str:
        return self._all[line - 1]  # fact line `line` (1-based) as given

    def sharing(self, text: str) -> tuple[int, Counter]:
        """(how many content bigrams `text` has, how many of them each fact line writes)."""
        grams = content_grams([text], _NOT_CONTENT, _STOP)[0]
        return len(grams), Counter(line for gram in grams for line in self.lines.get(gram, ()))

    @cached_property
    def _hand(self) -> set[str]:
        return hand_aliases(self.text, self._synonyms)  # the hand groups' synonyms, read once for both below

    @cached_property
    def aliases(self) -> frozenset[str]:
        return frozenset(self._hand | cilin_aliases(self.text))

    @cached_property
    def alias_text(self) -> str:
        return "\n".join(sorted(self.aliases))

    @cached_property
    def hand_alias_text(self) -> str:
        """A group of people is another group unless the hand-written synonym data says it is the same: 词林 puts
        离休 beside 退休 and 职员 beside 干部, but 离休干部 are not the facts' 退休职工 (rolewords.Reader)."""
        return "\n".join(sorted(self._hand))

    @cached_property
    def content(self) -> set[str]:
        """The content words of the lines (`own`) and of their synonyms."""
        return self.own | {a[i:i + 2] for a in self.aliases for i in range(len(a) - 1)}

    @cached_property
    def words(self) -> set[str]:
        """All bigrams of the facts and context lines (a name in 《》 or “” is compared on all of its bigrams);
        built when first needed."""
        words: set[str] = set()
        for line in self._all:
            words.update(map(operator.add, line, line[1:]))
        return words

    @cached_property
    def word_set(self) -> frozenset[str]:
        """The jieba words (2+ characters) of the facts and context lines; built when first needed."""
        return frozenset(w for line in self._all for _, _, w, _ in clause_words(line) if len(w) >= 2)

    @cached_property
    def char_words(self) -> frozenset[str]:
        """The one-character jieba words of the facts and context lines (患 of 为患重大疾病的职工)."""
        return frozenset(w for line in self._all for _, _, w, _ in clause_words(line) if len(w) == 1)

    @cached_property
    def short_forms(self) -> frozenset[str]:
        """The short forms of the facts' phrases (issue 19): within 2-4 consecutive jieba nouns (verbal nouns and set
        phrases too; a four-character noun counts as two words), the first word's first character and the first
        characters of some later words in order, the last word chosen giving its first, last or both characters
        (劳动|模范 -> 劳模, 职工|代表|大会 -> 职代会, 经费|审查|委员会 -> 经审会, 安全|生产|委员会 -> 安委会); built
        when first needed."""
        out: set[str] = set()
        for ws in self._noun_runs:
            for i, first in enumerate(ws):
                if first:
                    out |= _forms(first[0], ws[i + 1:i + 4])
        return frozenset(f for f in out if 2 <= len(f) <= 4)

    def is_short_form(self, word: str) -> bool:
        """`word in self.short_forms`, read only from the nouns whose first character it starts with (a check asks
        about a few words: the forms of every phrase are not built for them); remembered with the fact set."""
        if not 2 <= len(word) <= 4:
            return False
        if "short_forms" in self.__dict__:
            return word in self.short_forms
        found = self._short.get(word)
        if found is None:
            found = self._short[word] = any(word in _forms(word[0], ws[i + 1:i + 4])
                                            for ws, i in self._form_starts.get(word[0], ()))
        return found

    @cached_property
    def _noun_runs(self) -> list[list[str]]:
        """Each line's nouns for short_forms, in order ("" for any other word or a mark between)."""
        runs = []
        for line in self._all:
            ws: list[str] = []
            end = 0
            for s, e, w, t in clause_words(line):
                ok = t.startswith(("n", "vn", "an", "j", "l")) and len(w) >= 2 and _cjk(w[0]) and _cjk(w[-1])
                ws += [""] if s > end else []  # punctuation between: no short form spans it
                ws += ([w[:2], w[2:]] if len(w) == 4 else [w]) if ok else [""]
                end = e
            runs.append(ws)
        return runs

    @cached_property
    def _form_starts(self) -> dict[str, list[tuple[list[str], int]]]:
        """First character -> the nouns of _noun_runs starting with it (their run and place)."""
        starts: dict[str, list[tuple[list[str], int]]] = {}
        for ws in self._noun_runs:
            for i, first in enumerate(ws):
                if first:
                    starts.setdefault(first[0], []).append((ws, i))
        return starts

    def clipped(self, word: str) -> bool:
        """A two-character clipping of a fact's phrase: the first character of a word of a fact line and the first
        or last of the next word (重病 of 重大|疾病, which short_forms leaves out: 重大 is an adjective); or, for a
        word 词林 does not know (a dictionary word means what it says: 专场, 花钱), the first character in a word
        and the second in, or a one-character 词林 synonym of, one of the next four (欠薪 of 拖欠农民工工资)."""
        if len(word) != 2 or word[0] not in self.text or word[1] not in self.text and word in cilin_classes():
            return False
        loose = word not in cilin_classes()
        second = cilin_classes().get(word[1], frozenset()) if loose else frozenset()
        for line in self._all:
            ws = [w for _, _, w, _ in clause_words(line) if len(w) >= 2]
            for i, w in enumerate(ws):
                at = w.find(word[0])
                if at < 0:
                    continue
                if at == 0 and i + 1 < len(ws) and word[1] in (ws[i + 1][0], ws[i + 1][-1]):
                    return True
                if loose and any(word[1] in v or second & cilin_classes().get(v, frozenset()) for v in ws[i + 1:i + 5]):
                    return True
        return False

    def copies(self, clause: str) -> bool:
        """Do the facts or context lines write the clause as it stands (marks and blanks at its ends aside)? Then
        they write each of its words and phrases, and every rule naming words they do not write is silent on it
        (the pre-test of claims._body_claims). With 之 beside 、/和/及/与 it is read in full (a role joins the words
        around 之 across those: rolewords.Reader.new). A rule that can claim words the facts write must still run
        on such clauses, as the result rules do (measures.result_claims; tests/test_numcheck_copies.py compares)."""
        core = clause.strip(_EDGES)
        return bool(core) and core in self.text and ("之" not in core or not any(g in core for g in _OF_GLUED))

    def backs(self, word: str, kinds: Sequence[str] = ()) -> bool:
        """Do the facts or context lines write `word`, or one of its kinds, or is it a short form of theirs?"""
        return word in self.text or word in self.alias_text or any(k in self.text for k in kinds) \
            or self.is_short_form(word)


def _forms(head: str, rest: list[str]) -> set[str]:
    """Short forms starting with `head` over the words `rest` (consecutive; stops at a gap "")."""
    out: set[str] = set()
    for k, w in enumerate(rest):
        if not w:
            break
        out |= {head + w[0], head + w[-1]} | ({head + w[0] + w[-1]} if len(w) >= 3 else set())
        out |= _forms(head + w[0], rest[k + 1:]) if len(head) < 3 else set()
    return out


_EDGES = BREAKS + ENUM_COMMA + " \t\u3000"
_OF_GLUED = [g + "之" for g in GLUE] + ["之" + g for g in GLUE]
_NUMERAL_CHARS = frozenset("零〇一二两三四五六七八九十百千万亿")
_NOT_CONTENT = _FUNCTION | _NUMERAL_CHARS
_NOT_CONTENT_CHAR = re.compile("[" + "".join(sorted(_NOT_CONTENT)) + "]")


def blank_not_content(text: str) -> str:
    """`text` with function and numeral characters replaced by spaces (same length)."""
    return _NOT_CONTENT_CHAR.sub(" ", text)


def traces(draft: str, hits: Sequence[NumberHit], support: Support) -> list[SentenceTrace]:
    """Each sentence's span with the fact lines it draws on: its numbers' facts and facts sharing its words."""
    out: list[SentenceTrace] = []
    hit_lines = sorted((h.start, h.fact_line) for h in hits if h.fact_line)
    blanked = blank_not_content(draft)  # the fact lines' keys are content bigrams only
    pairs = list(map(operator.add, blanked, blanked[1:]))  # made once; a sentence's are a slice (hashes kept)
    postings, size = support.lines.__getitem__, support.size
    k = 0
    for m in _SENTENCE.finditer(draft):
        s, e = m.start(), m.end()
        while s < e and draft[s].isspace():
            s += 1
        if s >= e:
            continue
        lines: set[int] = set()
        while k < len(hit_lines) and hit_lines[k][0] < e:
            if hit_lines[k][0] >= s:
                lines.add(hit_lines[k][1])
            k += 1
        shared = support.keys.intersection(pairs[s:e - 1])
        if len(shared) >= 2:  # a fact line needs two shared words or more
            counts = Counter(chain.from_iterable(map(postings, shared)))
            lines |= {line for line, n in counts.items() if n >= 3 or (n >= 2 and 2 * n >= size[line])}
        out.append(SentenceTrace(start=s, end=e, fact_lines=sorted(lines)))
    return out


def uncovered(text: str, support: Support, common: frozenset[str] = frozenset(),
              original: str | None = None) -> tuple[float, list[str]]:
    """(share of content words the facts give, the words they do not give) of a clause with frame blanked;
    with `original` (the clause before blanking) each word quoted is widened to whole jieba words."""
    content = [(i, g) for run in _RUN.finditer(blank_not_content(text))
               for i, g in enumerate(map(operator.add, run[0], run[0][1:]), run.start())
               if g not in _STOP and g not in common]
    if not content:
        return 1.0, []
    missing = [(i, g) for i, g in content if g not in support.own and g not in support.content]  # (content words)
    marked = sorted({i for i, _ in missing} | {i + 1 for i, _ in missing})
    runs: list[list[int]] = []
    for i in marked:
        if runs and i == runs[-1][1]:
            runs[-1][1] = i + 1
        else:
            runs.append([i, i + 1])
    source = original if original is not None else text
    if original is not None:  # widened to whole words, runs that come to overlap are one (never 雪中送炭 twice)
        runs = _joined_runs(sorted(snap(original, a, b) for a, b in runs))
    words = list(dict.fromkeys(source[a:b] for a, b in runs))
    return 1 - len(missing) / len(content), words


def _joined_runs(runs: list[tuple[int, int]]) -> list[list[int]]:
    out: list[list[int]] = []
    for a, b in runs:
        if out and a < out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return out
