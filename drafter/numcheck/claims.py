"""Every clause traced: claims (what no fact gives), artifacts (what is no summary text) and sentence traces.

A draft is cut into lines, sentences (。！？；) and clauses (，：). Per clause:
  * a clause holding a number is left to the number check (value, unit and item are proved there), its roles
    (drafter.numcheck.roles) and added items (added.py) are read here;
  * a clause the facts write (Support.copies) can only be new by a result (measures.py);
  * otherwise its effect tail is blanked and it is judged (drafter.numcheck.clausejudge) and its roles read.
Headings (short lines, or lines opening with 一、/（一）/#) are judged the same way when they name an object or
assert something (kind `heading`). Artifact patterns of the lexicon (prompt echoes, model chatter, Markdown)
and Latin words that are neither allowed names/units nor written in the facts give kind `artifact`.

Known limits: a paraphrase in wholly other words is a claim, a clause reusing the facts' words for another
activity passes; numbers are proved by the number check only."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from drafter.models import Claim, NumberHit
from drafter.numcheck.actswap import changed_act, cut_continuation
from drafter.numcheck.acts import joined_after_numbers
from drafter.numcheck.added import added_items
from drafter.numcheck.appraisal import appraisal_start, early_claims
from drafter.numcheck.attributed import misattributed
from drafter.numcheck.artifacts import artifacts  # noqa: F401 - the clause check's other half (match.py)
from drafter.numcheck.clausejudge import judge as _judge
from drafter.numcheck.effects import effect_start, need_start
from drafter.numcheck.faithlex import FaithLexicon
from drafter.numcheck.inserted import with_inserted
from drafter.numcheck.measures import result_claims
from drafter.numcheck.occasionacts import implied_spans
from drafter.numcheck.roles import roles
from drafter.numcheck.names import given_topics, names_outside as _names_outside, sibling_names
from drafter.numcheck.rolewords import ROLE_NAMES, Reader
from drafter.numcheck.parallel import blanked, manner_spans
from drafter.numcheck.support import Support
from drafter.numcheck.words import words as clause_words
from drafter.numcheck.wordspans import DraftWords
from textkit.headings import HEADING_MARK
from textkit.sentences import BREAKS, CLAUSE_ENDS, ENUM_COMMA, SENTENCE_ENDS, char_class

_SENTENCE = re.compile(f"{char_class(SENTENCE_ENDS + chr(10), negate=True)}+{char_class(SENTENCE_ENDS)}*")
_CLAUSE = re.compile(f"{char_class(CLAUSE_ENDS, negate=True)}+{char_class(CLAUSE_ENDS)}?")
_SAYS_MORE = "的工作："  # a theme claim's note: it says more than the clause's roles would


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
        before_sentence = len(out)
        for clause in _CLAUSE.finditer(sentence.group(0)):
            c_start = start + sentence.start() + clause.start()
            text = clause.group(0)
            if _has_number(numbered, c_start, c_start + len(text)):
                # 座谈会2场并且组织家属参观监区: one more act after the numbers, read as a clause of its own
                joined = joined_after_numbers(text, c_start, hits, starts, support.text, lex)
                head = text[:joined] if joined else text
                if not support.copies(head):  # else its roles and qualifiers are all the facts' words (Support.copies)
                    found = roles(head, c_start, support, lex) + early_claims(head, c_start, support.text, lex)  # 提前一周
                    found += added_items(head, c_start, hits, support, lex, found, starts)  # 因病致困职工126户
                    out += with_inserted(found, head, c_start, Reader(support, lex))  # 为新入职维保工配发
                if joined:
                    out += _plain_claims(text[joined:], c_start + joined, support, lex, draft_words)
                continue
            out += _plain_claims(text, c_start, support, lex, draft_words)
        if len(out) == before_sentence:  # an effect of one fact's work said of another's (attributed.py)
            out += misattributed(sentence.group(0), start + sentence.start(), support, lex)
    return out


def _plain_claims(text: str, c_start: int, support: Support, lex: FaithLexicon, draft_words: DraftWords | None
                  ) -> list[Claim]:
    """The claims of one clause holding no number (c_start: its start in the draft)."""
    out: list[Claim] = []
    if support.copies(text):  # the facts write it so: only a result (a measure's change, a none) can be new
        out += result_claims(text, c_start, support)
        return out
    cut = cut_continuation(text, c_start, support)  # past the end of a fact cut mid-phrase (…对集体)
    if cut is not None:
        out.append(cut)
        return out
    spans = manner_spans(text, lex, Reader(support, lex))  # 少跑腿、数据多跑路; “血汗钱”: how, not what was done
    spans += implied_spans(text, support)  # “三八”国际妇女节期间 over 女职工体检: an occasion the facts' act implies
    plain = blanked(text, spans) if spans else text
    tail = effect_start(plain, clause_words(plain), Reader(support, lex))
    tail = need_start(text) if tail is None and spans else tail  # 聚焦…“急难愁盼”: a need as a whole
    went = appraisal_start(plain, clause_words(plain), lex)  # 比赛紧张有序: how a given act went (appraisal.py)
    if went is not None:
        tail = went if tail is None else min(tail, went)
        text_read = text[:went] + " " * (len(text) - went)  # its roles are read before it too
    else:
        text_read = text
    if tail is None and not spans:
        claim = _judge(text, c_start, support, lex, "claim", draft_words)
    else:  # its effect tail (感受到组织温暖) is frame: the words before it are judged
        claim = _requoted(_judge(plain[:tail] + " " * (len(text) - tail) if tail is not None else plain,
                                 c_start, support, lex, "claim"), text, c_start)
        claim = _through(claim, text, c_start) if went is not None and claim is not None else claim
    found = roles(text_read, c_start, support, lex) + sibling_names(text_read, c_start, support, lex.kinds, lex)
    found += early_claims(text, c_start, support.text, lex)  # 提前一个月完成: a time (appraisal.py)
    if claim is not None and (_SAYS_MORE in claim.note or _names_outside(text, found, support, lex.kinds, lex)):
        # a theme, or a named activity or document outside the roles, says more; an actor, place,
        # time or honour of the clause is named beside it (被评为市级金秋助学先进单位)
        out += [claim, *(c for c in found if c.note.startswith(_MARKED_ROLES))]
    elif claim is not None and found and all(c.note.startswith(_WHEN_WHERE) for c in found):
        out += found + _beyond(text, c_start, found, support, lex)  # 五一 + 开展帮扶救助送温暖活动
    else:
        out += found or ([claim] if claim else result_claims(text, c_start, support))  # 提升了…入会率, 未发生一起火灾
    if not out:  # the facts' actor and object, another act (进行民主评议 for 进行检查)
        out += [c for c in [changed_act(text, c_start, support, lex)] if c is not None]
    return with_inserted(out, text_read, c_start, Reader(support, lex))  # 组织催化裂化装置操作工技能比武


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


def _through(claim: Claim, text: str, start: int) -> Claim:
    """The claim of a clause judged without its appraisal tail, quoting on to the clause's end (形势非常严峻)."""
    end = start + len(text.rstrip(BREAKS + ENUM_COMMA + " "))
    if end <= claim.end:
        return claim
    return claim.model_copy(update={"end": end, "text": text[claim.start - start:end - start]})


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
