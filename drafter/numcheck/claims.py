"""Every clause traced: claims (what no fact gives), artifacts (what is no summary text) and sentence traces.

A draft is cut into lines, sentences (。！？；) and clauses (，：). Per clause:
  * a clause holding a number is left to the number check (value, unit and item are proved there);
  * a clause naming no object word and without an activity, honour or state word (drafter/data/
    faithful_lexicon.toml) is frame or connective text and fine ("进一步增强了职工的凝聚力");
  * otherwise the frame phrases in it are masked; the object words it names (困难职工, 培训, 会员 … in the
    lexicon, or one of their kinds: 劳动竞赛 is backed by 技能比武) must be written in the facts, problems, plans or
    period/org lines: when half of them or more are not, the clause is a `claim` naming them ("我们定期开展职工培训"
    beside a fact about 86户 -> 培训);
  * a clause naming an activity or document in 《》 or “” that the facts do not name is a claim;
  * else the clause is a claim when less than COVER of its content words (character bigrams without function
    characters) occur in those lines and at least MIN_WORDS of them occur nowhere.
Headings (short lines, or lines opening with 一、/（一）/#) are judged the same way when they name an object or
assert something (kind `heading`). Artifact patterns of the lexicon (prompt echoes, model chatter, Markdown)
and Latin words that are neither allowed names/units nor written in the facts give kind `artifact`.

Known limits: a paraphrase in wholly other words is a claim, a clause reusing the facts' words for another
activity passes; numbers are proved by the number check only."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from drafter.models import Claim, NumberHit
from drafter.numcheck.added import added_items
from drafter.numcheck.artifacts import artifacts  # noqa: F401 - the clause check's other half (match.py)
from drafter.numcheck.effects import effect_start, need_start
from drafter.numcheck.faithlex import FaithLexicon
from drafter.numcheck.measures import result_claims
from drafter.numcheck.ownorg import without_own_org
from drafter.numcheck.roles import ROLE_NAMES, roles
from drafter.numcheck.names import given_topics, names_outside as _names_outside, sibling_names, unbacked_names
from drafter.numcheck.rolewords import Reader
from drafter.numcheck.parallel import blanked, manner_spans
from drafter.numcheck.support import Support, uncovered
from drafter.numcheck.themes import unbacked_themes
from drafter.numcheck.acts import JOINED
from drafter.numcheck.words import snap, words as clause_words
from drafter.numcheck.wordclass import GIVING, greeting, names_something
from drafter.numcheck.wordspans import DraftWords, spans as _spans
from textkit.headings import HEADING_MARK
from textkit.sentences import BREAKS, CLAUSE_ENDS, ENUM_COMMA, SENTENCE_ENDS, char_class

COVER = 0.5  # a clause is a claim when less than this share of its content words are in the facts …
MIN_WORDS = 2  # … and at least this many of its content words (bigrams) are in none
_SENTENCE = re.compile(f"{char_class(SENTENCE_ENDS + chr(10), negate=True)}+{char_class(SENTENCE_ENDS)}*")
_CLAUSE = re.compile(f"{char_class(CLAUSE_ENDS, negate=True)}+{char_class(CLAUSE_ENDS)}?")
_SAYS_MORE = "的工作："  # a theme claim's note: it says more than the clause's roles would


def scan(clause: str, lex: FaithLexicon, words: tuple | None = None) -> tuple[str, list[str], bool]:
    """(the clause with frame phrases, generic, object and activity words blanked; its object words outside
    frame phrases; whether it has an activity/honour/state word, even inside a frame phrase: 大力开展…).
    `words`: the clause's object and assertion matches when already found (DraftWords)."""
    if words is None:
        words = (_spans(lex.object_re, clause), _spans(lex.assert_words, clause))
    found, acts = words
    if not found and not acts:
        return clause, [], False
    frames = [m.span() for m in lex.frame_re.finditer(clause)]
    objects = [w for s, e, w in found if not _inside_frame(frames, s, e)]
    chars = list(clause)
    for s, e in frames + [(s, e) for s, e, _ in acts] + [(s, e) for s, e, _ in found]:
        chars[s:e] = " " * (e - s)
    return "".join(chars), list(dict.fromkeys(objects)), bool(acts)


def _inside_frame(frames: list[tuple[int, int]], start: int, end: int) -> bool:
    """Is [start, end) within one of the frame spans (start-ordered, not overlapping: finditer's)? A bisection,
    so a long clause costs n log n, not n × frames (issue 24, D2)."""
    i = bisect_right(frames, (start, float("inf"))) - 1
    return i >= 0 and frames[i][0] <= start and end <= frames[i][1]


def _unbacked_words(clause: str, support: Support, lex: FaithLexicon, words: tuple | None,
                    every: bool = False) -> list[str]:
    """The words that make the clause a claim: a named activity or document no fact names, most of its object
    words (`every`, a heading's: any of them) in no fact, or (an activity or object clause) few of its content
    words in the facts; [] when fine. A heading names each area of its section: 帮扶救助 backed and 送温暖 not is
    one area too many (a suggestion box under 扎实开展帮扶救助，送温暖工作温暖人心)."""
    names = unbacked_names(clause, support, lex.kinds, lex) if ("《" in clause or "“" in clause) else []
    names = [n for n in names if n[1:-1] not in lex.abstract]  # “娘家人”: a figure of speech, not a name
    text, objects, asserting = scan(clause, lex, words)
    text = without_own_org(clause, text)  # 纺织厂工会…: who writes, no new content
    if not objects and not asserting and not names:
        return []  # frame or connective text
    missing = [w for w in objects if not support.backs(w, lex.kinds.get(w, ()))]
    if names:
        return names
    if missing and (every or 2 * len(missing) >= len(objects)):
        return missing
    share, words = uncovered(text, support, lex.common, clause)
    words = [w for w in words if not (w in lex.kinds and support.backs(w, lex.kinds[w]))  # 哺乳期 by 母婴
             and w not in support.short_forms]  # 经审 of 经费审查
    if share >= COVER or sum(len(w) - 1 for w in words) < MIN_WORDS:
        return []  # below: an act's new words fill the activity role (_claim names it); else some word must name
    acts = [a for a in lex.assert_words.findall(clause) if a not in GIVING]  # something (wordclass): 认同感明显增强
    named = [w for w in words if acts or not greeting(w)]  # fills no role, nor do greetings given (送上…问候)
    return words if acts or any(names_something(w, Reader(support, lex)) for w in named) else []



def _judge(clause: str, start: int, support: Support, lex: FaithLexicon, kind: str,
           draft_words: DraftWords | None = None) -> Claim | None:
    """A claim when it names a theme of work (a heading as a whole) or an activity or document no fact gives, or
    its words are not the facts' (_unbacked_words). `draft_words`: the draft's matches, read for this clause."""
    found = draft_words.in_clause(start, start + len(clause)) if draft_words else None
    if found and not any(found) and "《" not in clause and "“" not in clause:
        return None  # no object, assertion or theme word and no name: frame or connective text
    themes = unbacked_themes(clause, support, lex, found[2] if found else None)
    if not themes and found and found[2]:  # backed theme phrases say nothing more: judge the rest
        rest = clause
        for phrase, _ in found[2]:
            rest = rest.replace(phrase, " " * len(phrase))
        if rest != clause:
            words = _unbacked_words(rest, support, lex, None, kind == "heading")
            return _claim(clause, start, kind, words, themes, lex) if words else None
    words = themes or _unbacked_words(clause, support, lex, found[:2] if found else None, kind == "heading")
    if not words:
        return None
    return _claim(clause, start, kind, words, themes, lex)


def _claim(clause: str, start: int, kind: str, words: list[str], themes: list[str], lex: FaithLexicon) -> Claim:
    body = clause.strip().rstrip(BREAKS + ENUM_COMMA)
    offset = start + (len(clause) - len(clause.lstrip()))
    what = "这个标题" if kind == "heading" else "这句话"
    what += "写了事实中没有的工作" if themes else "写了事实中没有的内容"
    note = f"{what}：{'、'.join(words[:3])}"
    act = lex.assert_words.search(body) if kind == "claim" and not themes else None
    if act is not None:  # an act no fact gives: the role is the activity, quoted from its verb on
        a, _ = snap(body, act.start(), act.end())
        if body.startswith(JOINED) or any(w in body[a:] for w in words):  # 创新|帮扶方式: how it was done
            note = f'{ROLE_NAMES["activity"]}"{body[a:].rstrip()}"事实中没有（{note}）'  # a blanked end: not quoted

    return Claim(start=offset, end=offset + len(body), text=body, kind=kind, note=note)


def _is_heading(line: str) -> bool:
    body = line.strip()
    if not body or len(body) > 40:
        return False
    if HEADING_MARK.match(body):
        return "。" not in body.rstrip("。")
    return body[-1] not in BREAKS and len(body) <= 25


def _lines(draft: str):
    """(start, line, kind) of each non-empty line: "title" (a first heading line naming a 总结), "heading", "body"."""
    first, pos = True, 0
    for line in draft.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if not line.strip():
            continue
        kind = "heading" if _is_heading(line) else "body"
        if first and kind == "heading" and "总结" in line:
            kind = "title"
        first = False
        yield start, line, kind


def clause_claims(draft: str, hits: Sequence[NumberHit], support: Support, lex: FaithLexicon) -> list[Claim]:
    """Claims and headings of the draft (artifacts are separate); each quoted from the draft as given."""
    masked = given_topics(draft, support) if "主题" in draft or "为" in draft else draft
    out = _clause_claims(masked, hits, support, lex)
    return out if masked is draft else [c.model_copy(update={"text": draft[c.start:c.end]}) for c in out]


def _clause_claims(draft: str, hits: Sequence[NumberHit], support: Support, lex: FaithLexicon) -> list[Claim]:
    numbered = sorted(h.start for h in hits)
    read = sorted((h for h in hits if h.status in ("supported", "mismatch", "unsupported")), key=lambda h: h.start)
    bound = (read, [h.start for h in read])
    draft_words = DraftWords(draft, lex)
    out: list[Claim] = []
    for start, line, kind in _lines(draft):
        if kind == "heading":
            mark = HEADING_MARK.match(line)
            body_start = start + (mark.end() if mark else 0)
            if not _has_number(numbered, body_start, start + len(line)):
                body = line[body_start - start:]
                if support.copies(body):
                    continue  # a heading the facts write: none of its words is new (Support.copies)
                plain = _without_effects(body, support, lex)
                claim = _judge(plain, body_start, support, lex, "heading", draft_words if plain == body else None)
                out += [_whole(claim, body, body_start)] if claim else []
        elif kind == "body":
            out += _body_claims(line, start, numbered, support, lex, draft_words, bound)
    return out


def _body_claims(line: str, start: int, numbered: list[int], support: Support, lex: FaithLexicon,
                 draft_words: DraftWords | None, bound: tuple = ((), ())) -> list[Claim]:
    out: list[Claim] = []
    hits, starts = bound
    for sentence in _SENTENCE.finditer(line):
        for clause in _CLAUSE.finditer(sentence.group(0)):
            c_start = start + sentence.start() + clause.start()
            text = clause.group(0)
            if _has_number(numbered, c_start, c_start + len(text)):
                if support.copies(text):
                    continue  # its roles and qualifiers are all the facts' words (Support.copies)
                found = roles(text, c_start, support, lex)  # its number is the number check's
                out += found + added_items(text, c_start, hits, support, lex, found, starts)  # 因病致困职工126户
                continue
            if support.copies(text):  # the facts write it so: only a result (a measure's change, a none) can be new
                out += result_claims(text, c_start, support)
                continue
            spans = manner_spans(text, lex, Reader(support, lex))  # 少跑腿、数据多跑路; “血汗钱”: how, not what was done
            plain = blanked(text, spans) if spans else text
            tail = effect_start(plain, clause_words(plain), Reader(support, lex))
            tail = need_start(text) if tail is None and spans else tail  # 聚焦…“急难愁盼”: a need as a whole
            if tail is None and not spans:
                claim = _judge(text, c_start, support, lex, "claim", draft_words)
            else:  # its effect tail (感受到组织温暖) is frame: the words before it are judged
                claim = _requoted(_judge(plain[:tail] + " " * (len(text) - tail) if tail is not None else plain,
                                         c_start, support, lex, "claim"), text, c_start)
            found = roles(text, c_start, support, lex) + sibling_names(text, c_start, support, lex.kinds, lex)
            if claim is not None and (_SAYS_MORE in claim.note or _names_outside(text, found, support, lex.kinds, lex)):
                # a theme, or a named activity or document outside the roles, says more; an actor, place,
                # time or honour of the clause is named beside it (被评为市级金秋助学先进单位)
                out += [claim, *(c for c in found if c.note.startswith(_MARKED_ROLES))]
            elif claim is not None and found and all(c.note.startswith(_WHEN_WHERE) for c in found):
                out += found + _beyond(text, c_start, found, support, lex)  # 五一 + 开展帮扶救助送温暖活动
            else:
                out += found or ([claim] if claim else result_claims(text, c_start, support))  # 提升了…入会率, 未发生一起火灾
    return out


_WHEN_WHERE = (ROLE_NAMES["time"], ROLE_NAMES["place"])


def _requoted(claim: Claim | None, text: str, start: int) -> Claim | None:
    """The claim of a clause judged with some words blanked, quoting the clause as written (in its note too:
    活动"开展寒假冬令营", not "开展  冬令营")."""
    if claim is None:
        return None
    written = text[claim.start - start:claim.end - start]
    quoted = _QUOTE.search(claim.note or "")
    note = claim.note
    if quoted and "  " in quoted.group(1):
        blanked = quoted.group(1)
        at = next((i for i in range(len(written) - len(blanked) + 1)
                   if all(c == " " or c == written[i + j] for j, c in enumerate(blanked))), None)
        if at is not None:
            note = note[:quoted.start(1)] + written[at:at + len(blanked)] + note[quoted.end(1):]
    return claim.model_copy(update={"text": written, "note": note})


_QUOTE = re.compile(r'^[^"]*"([^"]*)"')


def _whole(claim: Claim, heading: str, start: int) -> Claim:
    """The heading's claim quoting the whole heading (it was judged with its effect tails blanked)."""
    text = heading.strip().rstrip(BREAKS + ENUM_COMMA)
    offset = start + len(heading) - len(heading.lstrip())
    return claim.model_copy(update={"start": offset, "end": offset + len(text), "text": text})


def _without_effects(heading: str, support: Support, lex: FaithLexicon) -> str:
    """The heading with the effect tail of each of its clauses blanked: "守护“她”健康" and "筑牢安全生产防线" are
    frame in a heading as in a sentence (effects.py); the rest is judged as a whole."""
    chars = list(heading)
    for clause in _CLAUSE.finditer(heading):
        text = clause.group(0)
        tail = effect_start(text, clause_words(text), Reader(support, lex))
        if tail is not None:
            chars[clause.start() + tail:clause.end()] = " " * (clause.end() - clause.start() - tail)
    return "".join(chars)
_MARKED_ROLES = (*_WHEN_WHERE, ROLE_NAMES["actor"], ROLE_NAMES["honour"])


def _beyond(text: str, start: int, found: list[Claim], support: Support, lex: FaithLexicon) -> list[Claim]:
    """The claim of a clause's words outside its time and place roles (they are blanked), if they make one."""
    chars = list(text)
    for c in found:
        chars[c.start - start:c.end - start] = " " * (c.end - c.start)
    claim = _requoted(_judge("".join(chars), start, support, lex, "claim"), text, start)  # quoted unblanked
    return [] if claim is None else [claim]


def _has_number(starts: list[int], lo: int, hi: int) -> bool:
    i = bisect_left(starts, lo)
    return i < len(starts) and starts[i] < hi


def merge(claims: list[Claim]) -> list[Claim]:
    """Sorted by start; a claim inside an artifact's span is dropped (the artifact says more)."""
    claims.sort(key=lambda c: (c.start, -c.end))
    out: list[Claim] = []
    for claim in claims:
        if out and claim.start < out[-1].end and out[-1].kind == "artifact" and claim.end <= out[-1].end:
            continue
        if out and (claim.start, claim.end, claim.kind) == (out[-1].start, out[-1].end, out[-1].kind):
            continue
        out.append(claim)
    return out
